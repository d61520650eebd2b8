"""``tdorg diff``: two files, or two scenarios of one file, as text or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tdorg.cli.commands import run
from tdorg.model import Document, Role
from tdorg.model.formats import save_chart
from tdorg.model.persistence import save_document

from .charts import compliant_chart


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    document = Document.of(compliant_chart(), "Current")
    document.duplicate(0, "Proposed 2027")
    proposed = document.scenarios[1].chart
    proposed.add_role(Role(id="sec", title="Security Analyst", category="security", reports_to="cto",
                           leads=("cybersecurity",), annual_cost=80_000.0))
    proposed.remove_role("dpo")
    document.add("Lean", compliant_chart())
    document.scenarios[2].chart.remove_role("coach2")
    path = tmp_path / "plan.tdorg"
    save_document(document, path)
    return path


def test_two_scenarios_of_one_file(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["diff", str(plan_file), "--scenario-a", "Current", "--scenario-b", "Proposed 2027"]) == 0
    out = capsys.readouterr().out
    assert "Comparing “Current” (A) with “Proposed 2027” (B)" in out
    assert "+ Security Analyst [sec]" in out and "- Data Privacy Officer [dpo], Ari Chen" in out
    assert "! PRV-1 error:" in out


def test_one_file_defaults_to_its_first_two_scenarios(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["diff", str(plan_file)]) == 0
    assert "Comparing “Current” (A) with “Proposed 2027” (B)" in capsys.readouterr().out
    assert run(["diff", str(plan_file), "--scenario-a", "Proposed 2027"]) == 0
    assert "with “Lean” (B)" in capsys.readouterr().out


def test_json_output(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["diff", str(plan_file), "--scenario-b", "Lean", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scenario_a"] == "Current" and data["scenario_b"] == "Lean" and data["has_changes"]
    assert [r["id"] for r in data["roles"]["removed"]] == ["coach2"]
    assert data["roles"]["added"] == []


def test_two_files_of_different_formats(plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chart = compliant_chart()
    chart.update_role("net", fte=0.5)
    save_chart(chart, tmp_path / "b.json")
    assert run(["diff", str(plan_file), str(tmp_path / "b.json"), "--scenario-a", "Lean"]) == 0
    out = capsys.readouterr().out
    assert "Comparing “plan.tdorg › Lean” (A) with “b.json” (B)" in out
    assert "+ Integration Coach [coach2]" in out and "Network Engineer: 1 → 0.5 (−0.5)" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--scenario-a", "Nope"], "no scenario named “Nope”; the file holds “Current”, “Proposed 2027”, “Lean”"),
        (["--scenario-b", "Nope"], "no scenario named “Nope”"),
    ],
)
def test_bad_scenario_names(plan_file: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    assert run(["diff", str(plan_file), *args]) == 2
    assert message in capsys.readouterr().err


def test_one_non_tdorg_file_or_single_scenario(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_chart(compliant_chart(), tmp_path / "a.json")
    assert run(["diff", str(tmp_path / "a.json")]) == 2
    assert "Give two charts" in capsys.readouterr().err
    save_chart(compliant_chart(), tmp_path / "a.tdorg")
    assert run(["diff", str(tmp_path / "a.tdorg")]) == 2
    assert "only the scenario “Current”" in capsys.readouterr().err


def test_identical_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_chart(compliant_chart(), tmp_path / "a.json")
    save_chart(compliant_chart(), tmp_path / "b.tdorg")
    assert run(["diff", str(tmp_path / "a.json"), str(tmp_path / "b.tdorg")]) == 0
    assert "No differences" in capsys.readouterr().out
