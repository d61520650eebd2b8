"""``tdorg matrix``: the responsibility matrix as a text table, CSV (formula-safe) and JSON; bad input exits 2."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tdorg.cli.commands import run
from tdorg.model import Chart, Document
from tdorg.model.formats import write_json
from tdorg.model.persistence import save_document

from .charts import role
from .samples import SAMPLE_JSON, SAMPLES


def _chart() -> Chart:
    return Chart(roles=[
        role("cto", "Director of Technology", "it_leader", None, person="Sam Ortiz", leads=("network",)),
        role("net", "Network Engineer", "network", "cto", person="=HYPERLINK(\"http://x\")", backs_up=("network",),
             leads=("help_desk",)),
        role("hd", "Help Desk", "help_desk", "cto", vacant=True, backs_up=("help_desk",)),
    ])


@pytest.fixture
def chart_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    write_json(_chart(), path)
    return path


def test_text_table_numbers_people_and_explains_the_marked_functions(chart_file: Path, capsys) -> None:
    assert run(["matrix", str(chart_file)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[1] == "8 functions, 2 people, 1 vacant position: 6 unowned, 1 resting on one person."
    assert lines[3].split() == ["Function", "P1", "P2", "P3", "Status"]
    assert next(line for line in lines if line.startswith("Network ")).split() == ["Network", "L", "B"]
    assert next(line for line in lines if line.startswith("Help desk")).split() == ["Help", "desk", "L", "B",
                                                                                  "One", "person"]
    assert next(line for line in lines if line.startswith("Servers")).split() == ["Servers", "Unowned"]
    assert next(line for line in lines if line.startswith("Functions led")).split()[2:] == ["1", "1", "0"]
    assert "P3  Help Desk (vacant) — Vacant position (planned)" in lines
    assert "Unowned: No role leads or backs up servers." in lines
    assert any(line.startswith("One person: Help desk rests on") for line in lines)


def test_csv_has_one_column_per_person_and_neutralises_formulas(chart_file: Path, capsys) -> None:
    assert run(["matrix", str(chart_file), "--csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["Function", "Status", "Note", "Sam Ortiz", "'=HYPERLINK(\"http://x\")", "Help Desk (vacant)"]
    network = next(r for r in rows if r[0] == "Network")
    assert network[1:2] + network[3:] == ["", "L", "B", ""]
    assert next(r for r in rows if r[0] == "Servers")[1] == "Unowned"
    assert rows[-1] == ["FTE", "", "", "1", "1", "1"]


def test_json_lists_functions_and_people(chart_file: Path, capsys) -> None:
    assert run(["matrix", str(chart_file), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["file"] == str(chart_file)
    help_desk = next(f for f in data["functions"] if f["function"] == "help_desk")
    assert help_desk["status"] == "single_person" and help_desk["label"] == "Help desk"
    assert help_desk["backups"] == [{"name": "Help Desk", "vacant": True, "roles": ["hd"]}]
    assert [p["name"] for p in data["people"]] == ["Sam Ortiz", "=HYPERLINK(\"http://x\")", "Help Desk"]
    assert "servers" in data["unowned"]


def test_a_scenario_of_a_tdorg_file(tmp_path: Path, capsys) -> None:
    document = Document.of(_chart(), "Current")
    other = _chart()
    other.update_role("hd", vacant=False, person="Max Ruiz")
    document.add("Proposed", other)
    path = tmp_path / "plan.tdorg"
    save_document(document, path)
    assert run(["matrix", str(path), "--scenario", "Proposed", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scenario"] == "Proposed"
    assert next(f for f in data["functions"] if f["function"] == "help_desk")["status"] == "covered"


@pytest.mark.parametrize("sample", SAMPLE_JSON, ids=lambda p: p.stem)
def test_every_sample_prints(sample: Path, capsys) -> None:
    assert run(["matrix", str(sample)]) == 0
    assert "Responsibility matrix" in capsys.readouterr().out


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", encoding="utf-8")
    assert run(["matrix", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tdorg: ") and len(err.strip().splitlines()) == 1 and "bad.json" in err
    assert run(["matrix", str(tmp_path / "missing.json")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert run(["matrix", str(SAMPLES / "west-salem.json"), "--csv", "--json"]) == 2


def test_many_people_are_listed_by_function_instead_of_a_column_each(tmp_path: Path, capsys) -> None:
    from tdorg.cli.matrix_command import NAMES_SHOWN, TEXT_COLUMNS

    people = TEXT_COLUMNS + 6
    roles = [role("cto", "Director of Technology", "it_leader", None, person="Sam Ortiz", leads=("device_repair",))]
    roles += [role(f"t{n}", f"Technician {n}", "building_technician", "cto", person=f"Tech {n}",
                   backs_up=("device_repair",)) for n in range(1, people)]
    path = tmp_path / "big.json"
    write_json(Chart(roles=roles), path)
    assert run(["matrix", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    repair = next(line for line in lines if line.startswith("Device repair"))
    assert repair.split()[2:4] == ["lead", "P1;"]
    assert f"P{NAMES_SHOWN + 1} … and {people - 1 - NAMES_SHOWN} more" in repair
    assert next(line for line in lines if line.startswith("Servers")).endswith("lead —; backup —  [Unowned]")
    last = f"Tech {people - 1} — Technician {people - 1}"
    assert f"P{people}  {last} · Functions led: 0; Functions backed up: 1; FTE: 1" in lines
    assert not any(line.startswith("Functions led") for line in lines)
