"""``tdorg rules``: list the rules, and change a chart's thresholds and switched-off rules."""

from __future__ import annotations

import shutil
from pathlib import Path

from tdorg.cli.commands import run
from tdorg.model.formats import load_chart
from tdorg.model.persistence import open_document, save_document
from tdorg.model import Document
from tdorg.model.rules import RULES
from tests.samples import SAMPLES


def test_lists_every_rule_with_source(capsys):
    assert run(["rules"]) == 0
    out = capsys.readouterr().out
    for rule in RULES:
        assert rule.id in out
    assert "max_direct_reports = 10" in out and "G00201514" in out


def test_threshold_and_switch_off_are_saved_in_the_file(tmp_path: Path, capsys):
    path = tmp_path / "ws.json"
    shutil.copy(SAMPLES / "west-salem.json", path)
    assert run(["rules", str(path), "--set", "SPN-1.max_direct_reports=4", "--disable", "SEC-1=Contracted out"]) == 0
    chart = load_chart(path)
    assert chart.settings.threshold("SPN-1", "max_direct_reports", 10) == 4
    assert chart.settings.disabled == {"SEC-1": "Contracted out"}
    capsys.readouterr()
    run(["validate", str(path)])
    out = capsys.readouterr().out
    assert "more than 4" in out and "Contracted out" in out
    assert run(["rules", str(path), "--reset", "SPN-1.max_direct_reports", "--enable", "SEC-1"]) == 0
    assert load_chart(path).settings == load_chart(SAMPLES / "west-salem.json").settings


def test_other_scenarios_of_a_tdorg_file_are_kept(tmp_path: Path):
    path = tmp_path / "plan.tdorg"
    chart = load_chart(SAMPLES / "west-salem.json")
    doc = Document.of(chart)
    doc.duplicate(0, "Proposed")
    save_document(doc, path)
    assert run(["rules", str(path), "--scenario", "Proposed", "--set", "STF-2.max_students_per_fte=900"]) == 0
    back = open_document(path)
    assert back.names == ["Current", "Proposed"]
    assert back.scenario("Current").chart.settings.thresholds == {}
    assert back.scenario("Proposed").chart.settings.threshold("STF-2", "max_students_per_fte", 0) == 900


def test_bad_settings_are_refused_with_a_sentence(tmp_path: Path, capsys):
    path = tmp_path / "ws.json"
    shutil.copy(SAMPLES / "west-salem.json", path)
    before = path.read_bytes()
    assert run(["rules", str(path), "--set", "SPN-1.bogus=3"]) == 2
    assert run(["rules", str(path), "--set", "SPN-1.max_direct_reports=many"]) == 2
    assert run(["rules", str(path), "--disable", "SEC-1"]) == 2
    assert run(["rules", str(path), "--enable", "XYZ-9"]) == 2
    csv = tmp_path / "ws.csv"
    shutil.copy(SAMPLES / "west-salem.csv", csv)
    assert run(["rules", str(csv), "--disable", "SEC-1=x"]) == 2
    err = capsys.readouterr().err
    assert "no threshold “bogus”" in err and "must be a number" in err and "Say why" in err
    assert "no rule “XYZ-9”" in err and "CSV file holds roles only" in err
    assert "Traceback" not in err
    assert path.read_bytes() == before
