"""``tdorg convert`` between .tdorg, .json and .csv."""

from __future__ import annotations

from pathlib import Path

import pytest

from tdorg.cli.commands import run
from tdorg.model import Chart, District, Document, Role, RuleSettings
from tdorg.model.formats import load_chart, read_json
from tdorg.model.persistence import open_document, save_document

from tests.samples import SAMPLES


def planned_chart() -> Chart:
    return Chart(
        District(name="Maple Valley Schools", state="OR", students=4200, devices=5000),
        [
            Role("supt", "Superintendent", "superintendent", flags=frozenset({"superintendent", "cabinet"})),
            Role("cto", "CTO", "it_leader", reports_to="supt", flags=frozenset({"top_it_leader", "cabinet"}),
                 notes="Also runs procurement.", annual_cost=150_000),
            Role("hd", "Help Desk", "help_desk", reports_to="cto", fte=0.5, vacant=True, dotted_to=("supt",)),
        ],
        RuleSettings({"SPN-1": {"limit": 6}}, {"INT-1": "Coaches sit in curriculum."}),
        notes="Draft for the board.",
    )


def test_json_to_tdorg_and_back_is_equal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = SAMPLES / "la-crosse.json"
    assert run(["convert", str(source), str(tmp_path / "lc.tdorg")]) == 0
    assert run(["convert", str(tmp_path / "lc.tdorg"), str(tmp_path / "lc.json")]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert f"Wrote {tmp_path / 'lc.json'} (13 roles)." in captured.out
    assert read_json(tmp_path / "lc.json") == read_json(source)


def test_every_field_and_setting_survives_json_tdorg_json(tmp_path: Path) -> None:
    chart = planned_chart()
    save_document(Document.of(chart), tmp_path / "plan.tdorg")
    assert run(["convert", str(tmp_path / "plan.tdorg"), str(tmp_path / "plan.json")]) == 0
    assert run(["convert", str(tmp_path / "plan.json"), str(tmp_path / "again.tdorg")]) == 0
    assert open_document(tmp_path / "again.tdorg").chart == chart


def test_csv_out_notes_what_is_lost(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = SAMPLES / "west-salem.json"
    assert run(["convert", str(source), str(tmp_path / "ws.csv")]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "district facts" in err[0] and err[0].startswith("note: ")
    assert load_chart(tmp_path / "ws.csv").roles_in_order() == load_chart(source).roles_in_order()


def test_csv_in_gets_an_empty_district(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["convert", str(SAMPLES / "patrick-henry.csv"), str(tmp_path / "ph.tdorg")]) == 0
    assert run(["convert", str(tmp_path / "ph.tdorg"), str(tmp_path / "ph.csv")]) == 0
    assert capsys.readouterr().err == ""  # nothing to lose: no district facts
    chart = open_document(tmp_path / "ph.tdorg").chart
    assert chart.district == District()
    assert chart == load_chart(SAMPLES / "patrick-henry.csv") == load_chart(tmp_path / "ph.csv")


def test_tdorg_to_tdorg_keeps_every_scenario(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = Document.of(planned_chart(), "Current")
    proposed = planned_chart()
    proposed.remove_role("hd")
    document.add("Proposed 2027", proposed)
    save_document(document, tmp_path / "plan.tdorg")
    assert run(["convert", str(tmp_path / "plan.tdorg"), str(tmp_path / "copy.tdorg")]) == 0
    assert "2 scenarios" in capsys.readouterr().out
    assert open_document(tmp_path / "copy.tdorg") == document

    assert run(["convert", str(tmp_path / "plan.tdorg"), str(tmp_path / "p.json"), "--scenario", "Proposed 2027"]) == 0
    err = capsys.readouterr().err
    assert "2 scenarios" in err and "“Proposed 2027”" in err
    assert read_json(tmp_path / "p.json") == proposed


def test_bad_conversions_exit_2_and_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = SAMPLES / "la-crosse.json"
    assert run(["convert", str(source), str(tmp_path / "out.pdf")]) == 2
    assert ".pdf" in capsys.readouterr().err
    assert run(["convert", str(tmp_path / "missing.csv"), str(tmp_path / "out.json")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert run(["convert", str(source), str(tmp_path / "out.json"), "--scenario", "X"]) == 2
    assert "Only .tdorg files" in capsys.readouterr().err
    assert run(["convert", str(source), str(tmp_path / "no-such-folder" / "out.json")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_a_failed_conversion_keeps_the_old_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.json").write_text('{"roles": [{"id": "a", "title": "A", "fte": 3}]}', encoding="utf-8")
    (tmp_path / "out.csv").write_text("id,title,category,reports_to\nx,X,other,\n", encoding="utf-8")
    before = (tmp_path / "out.csv").read_bytes()
    assert run(["convert", str(tmp_path / "bad.json"), str(tmp_path / "out.csv")]) == 2
    assert "field “fte”" in capsys.readouterr().err
    assert (tmp_path / "out.csv").read_bytes() == before
