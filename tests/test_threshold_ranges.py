"""Every rule threshold has a range, refused outside it on read, in ``tdorg rules --set`` and in the Rules dialog."""

from __future__ import annotations

import json
import math
import shutil
import sqlite3
from pathlib import Path

import pytest

from tdorg.cli.commands import run
from tdorg.model.errors import CorruptFileError, FieldValueError, FormatError
from tdorg.model.formats import load_chart, save_chart
from tdorg.model.persistence import open_document
from tdorg.model.rules import RULES
from tdorg.model.rules.thresholds import bounds_of
from tdorg.model.settings import RuleSettings
from tests.samples import SAMPLES

BAD = [0, -1, float("nan"), float("inf"), float("-inf"), 10**400]


def test_every_threshold_declares_a_range_that_holds_its_default():
    for rule in RULES:
        assert set(rule.ranges) == set(rule.params), rule.id
        for name, default in rule.params.items():
            assert rule.ranges[name].allows(default), f"{rule.id}.{name}"


@pytest.mark.parametrize("value", BAD, ids=repr)
def test_settings_refuse_a_value_outside_the_range_naming_rule_and_threshold(value):
    with pytest.raises(FieldValueError) as caught:
        RuleSettings({"STF-3": {"high_per_tech": value}})
    assert "STF-3.high_per_tech" in str(caught.value)
    assert len(str(caught.value)) < 200


def test_whole_number_thresholds_refuse_fractions_and_unknown_thresholds_are_kept():
    with pytest.raises(FieldValueError, match="whole number"):
        RuleSettings({"SPN-1": {"max_direct_reports": 2.5}})
    assert RuleSettings({"NEW-1": {"limit": 3.0}}).threshold("NEW-1", "limit", 0) == 3.0
    with pytest.raises(FieldValueError, match="NEW-1.limit"):
        RuleSettings({"NEW-1": {"limit": math.nan}})


def _json_with_threshold(tmp_path: Path, text: str) -> Path:
    data = json.loads((SAMPLES / "west-salem.json").read_text(encoding="utf-8"))
    data["settings"] = {"thresholds": {"STF-3": {"high_per_tech": "@@"}}, "disabled": {}}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data).replace('"@@"', text), encoding="utf-8")
    return path


@pytest.mark.parametrize("text", ["0", "NaN", "Infinity", "-Infinity", "1e999", "9" * 400])
def test_a_json_threshold_out_of_range_is_refused_naming_it(tmp_path, text):
    path = _json_with_threshold(tmp_path, text)
    with pytest.raises(FormatError) as caught:
        load_chart(path)
    assert "high_per_tech" in str(caught.value) and "bad.json" in str(caught.value)


@pytest.mark.parametrize("value", [0.0, -3.0, 1e300])
def test_a_tdorg_threshold_out_of_range_is_refused(tmp_path, value):
    path = tmp_path / "plan.tdorg"
    save_chart(load_chart(SAMPLES / "west-salem.json"), path)
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO threshold VALUES ((SELECT MIN(id) FROM scenario), 'STF-3', 'high_per_tech', ?)",
                     (value,))
    conn.close()
    with pytest.raises(CorruptFileError, match="STF-3.high_per_tech"):
        open_document(path)


@pytest.mark.parametrize("value", ["0", "nan", "inf", "1e999", "-2", "2.5"])
def test_rules_set_refuses_a_value_outside_the_range_and_leaves_the_file(tmp_path, capsys, value):
    path = tmp_path / "ws.json"
    shutil.copy(SAMPLES / "west-salem.json", path)
    before = path.read_bytes()
    assert run(["rules", str(path), "--set", f"SPN-1.max_direct_reports={value}"]) == 2
    err = capsys.readouterr().err
    assert "SPN-1.max_direct_reports" in err and "Traceback" not in err
    assert path.read_bytes() == before


def test_rules_dialog_spin_boxes_stop_at_the_range(window, dialogs):
    from tdorg.ui.dialogs.rules_dialog import RulesDialog

    seen = []
    dialogs.handle(RulesDialog, lambda d: (seen.append(d), d.reject()))
    window.actions.rules.trigger()
    for rule in RULES:
        for name, spin in seen[0].rows[rule.id].spins.items():
            bounds = bounds_of(rule.id, name)
            assert (spin.minimum(), spin.maximum()) == (bounds.low, bounds.high), f"{rule.id}.{name}"
            spin.setValue(0)
            assert spin.value() == bounds.low
