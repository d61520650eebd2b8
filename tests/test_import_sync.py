"""Bringing a new roster into an existing chart: matching, changes, what is kept, leads lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from tdorg.cli.commands import run
from tdorg.model import Document
from tdorg.model.chart import Chart
from tdorg.model.formats import load_chart, save_chart
from tdorg.model.importing.csv_table import parse_csv_text
from tdorg.model.importing.sync import SyncError, apply_steps, plan_sync
from tdorg.model.persistence import open_document, save_document

from .charts import compliant_chart, role

HEADER = "Position ID,Title,Name,Reports To,FTE"


def rows_of(chart: Chart) -> list[str]:
    return [f"{r.id},{r.title},{r.person},{r.reports_to or ''},{r.fte:g}" for r in chart.roles_in_order()]


def sheet(lines: list[str], header: str = HEADER):
    return parse_csv_text("\n".join([header, *lines]) + "\n", "roster.csv")


def synced(chart: Chart, lines: list[str], header: str = HEADER):
    plan = plan_sync(chart, sheet(lines, header))
    after = chart.copy()
    apply_steps(after, plan.steps)
    assert after == plan.after  # the steps, applied to the chart, give the previewed chart
    return plan


def test_an_unchanged_roster_changes_nothing() -> None:
    chart = compliant_chart()
    plan = synced(chart, rows_of(chart))
    assert not plan.has_changes and not plan.steps
    assert not plan.comparison.has_changes
    assert "no changes" in plan.summary()


def test_a_hire_is_added_and_matched_roles_keep_what_the_sheet_does_not_carry() -> None:
    chart = compliant_chart()
    plan = synced(chart, rows_of(chart) + ["t2,Building Technician,Lou Diaz,cto,1"])
    assert [r.id for r in plan.comparison.added] == ["t2"]
    assert plan.after.role("t2").reports_to == "cto"
    assert plan.after.role("t2").person == "Lou Diaz"
    for before in chart.roles_in_order():
        assert plan.after.role(before.id) == before  # flags, functions, service areas, dotted lines kept
    assert plan.after.settings == chart.settings and plan.after.district == chart.district


def test_a_departure_that_leaves_a_function_without_a_lead_is_called_out() -> None:
    chart = compliant_chart()
    plan = synced(chart, [line for line in rows_of(chart) if not line.startswith("net,")])
    assert [r.id for r in plan.comparison.removed] == ["net"]
    assert plan.leads_lost == ["Network Engineer leaves: network, cybersecurity, servers have no lead"]
    introduced = {f.rule_id for f in plan.comparison.findings_introduced}
    assert "FUN-1" in introduced and "SEC-1" in introduced


def test_a_move_and_a_new_title_and_person() -> None:
    chart = compliant_chart()
    lines = [line.replace("coach2,Integration Coach,Ro Lind,cto", "coach2,Integration Coach,Ro Lind,cao")
             .replace("hd,Help Desk Technician,Max Ruiz", "hd,Service Desk Lead,Mia Ruiz") for line in rows_of(chart)]
    plan = synced(chart, lines)
    assert [(m.role_id, m.old_manager, m.new_manager) for m in plan.comparison.moved] == [("coach2", "cto", "cao")]
    assert [(x.role_id, x.new) for x in plan.comparison.retitled] == [("hd", "Service Desk Lead")]
    assert plan.after.role("hd").person == "Mia Ruiz"
    assert plan.after.role("hd").leads == chart.role("hd").leads
    assert plan.after.role("coach2").dotted_to == ("cao",)


def test_without_an_id_column_rows_match_by_title_and_person_then_either() -> None:
    chart = compliant_chart()
    lines = [f"{r.title},{r.person},{chart.role(r.reports_to).title if r.reports_to else ''}"
             for r in chart.roles_in_order()]
    lines = [line.replace("Help Desk Technician,Max Ruiz", "Service Desk Lead,Max Ruiz")  # retitled: same person
             .replace("Data Privacy Officer,Ari Chen", "Data Privacy Officer,Noa Bell") for line in lines]  # new person
    plan = synced(chart, lines, "Title,Name,Reports To")
    assert not plan.comparison.added and not plan.comparison.removed
    assert [x.role_id for x in plan.comparison.retitled] == ["hd"]
    assert plan.after.role("dpo").person == "Noa Bell"
    assert plan.after.role("dpo").flags == chart.role("dpo").flags


def test_ambiguous_rows_are_paired_in_order_and_listed() -> None:
    chart = compliant_chart()
    chart.add_role(role("tech2", "Building Technician", "building_technician", "cto"))
    chart.add_role(role("tech3", "Building Technician", "building_technician", "cto"))
    lines = [f"{r.title},{r.person},Director of Technology" if r.reports_to == "cto" else
             f"{r.title},{r.person},{chart.role(r.reports_to).title if r.reports_to else ''}"
             for r in chart.roles_in_order()]
    plan = synced(chart, lines, "Title,Name,Reports To")
    assert not plan.comparison.added and not plan.comparison.removed
    assert len(plan.matching.ambiguous) == 1
    assert "“Building Technician”: 2 rows" in plan.matching.ambiguous[0]
    assert "tech2, tech3" in plan.matching.ambiguous[0]


def test_people_swapping_roles_never_pass_one_fte_midway() -> None:
    chart = compliant_chart()
    lines = [line.replace("Kim Hale", "@").replace("Jo Banks", "Kim Hale").replace("@", "Jo Banks")
             for line in rows_of(chart)]
    plan = synced(chart, lines)
    assert plan.after.role("net").person == "Jo Banks" and plan.after.role("tech").person == "Kim Hale"


def test_a_vacancy_is_kept_filled_or_opened_by_the_person_column() -> None:
    chart = compliant_chart()
    chart.add_role(role("open1", "Building Technician", "building_technician", "cto", vacant=True))
    chart.add_role(role("open2", "Help Desk Technician", "help_desk", "cto", vacant=True))
    lines = [line.replace("open2,Help Desk Technician,", "open2,Help Desk Technician,Ida Moe")
             .replace("coach2,Integration Coach,Ro Lind", "coach2,Integration Coach,Vacant") for line in rows_of(chart)]
    plan = synced(chart, lines)
    assert plan.after.role("open1").vacant  # an empty person cell leaves the vacancy
    assert not plan.after.role("open2").vacant and plan.after.role("open2").person == "Ida Moe"
    assert plan.after.role("coach2").vacant and plan.after.role("coach2").person == ""


def test_a_bad_row_leaves_its_role_as_it_is_and_is_listed() -> None:
    chart = compliant_chart()
    lines = [line.replace("tech,Building Technician,Jo Banks,cto,1", "tech,Building Technician,Jo Banks,cto,7")
             for line in rows_of(chart)]
    plan = synced(chart, lines)
    assert plan.skipped_rows == [7]
    assert "tech" not in {r.id for r in plan.comparison.removed}
    assert plan.after.role("tech") == chart.role("tech")


def test_a_duplicated_id_matches_its_first_row_only() -> None:
    chart = compliant_chart()
    chart.add_role(role("tech-2", "Building Technician", "building_technician", "cto"))
    lines = [line for line in rows_of(chart) if not line.startswith("tech-2,")] + ["tech,Night Technician,Al Vo,cto,1"]
    plan = synced(chart, lines)
    assert plan.after.role("tech") == chart.role("tech")  # the first row with the id
    assert [r.id for r in plan.comparison.removed] == ["tech-2"]  # not taken by the duplicate's new id
    assert plan.skipped_rows == [len(lines) + 1]


def test_a_person_over_one_fte_in_the_sheet_is_refused_with_the_name() -> None:
    chart = compliant_chart()
    lines = rows_of(chart) + ["x1,Night Technician,Kim Hale,cto,1"]
    with pytest.raises(SyncError, match="Kim Hale"):
        plan_sync(chart, sheet(lines))


def test_sync_command_dry_run_writes_nothing_then_updates_and_new_scenario(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    chart = compliant_chart()
    path = tmp_path / "plan.tdorg"
    save_document(Document.of(chart, "Current"), path)
    roster = tmp_path / "roster.csv"
    roster.write_text("\n".join([HEADER, *[r for r in rows_of(chart) if not r.startswith("net,")]]) + "\n",
                      encoding="utf-8")
    before = path.read_bytes()
    assert run(["sync", str(path), str(roster), "--dry-run"]) == 0
    text = capsys.readouterr().out
    assert "Network Engineer leaves: network, cybersecurity, servers have no lead" in text
    assert "Removed (1)" in text and "Dry run: nothing was written." in text
    assert path.read_bytes() == before
    assert run(["sync", str(path), str(roster), "--into-scenario", "HR update 2027-09"]) == 0
    document = open_document(path)
    assert document.names == ["Current", "HR update 2027-09"]
    assert document.scenario("Current").chart == chart
    assert "net" not in document.scenario("HR update 2027-09").chart
    assert run(["sync", str(path), str(roster), "--scenario", "Current"]) == 0
    assert "net" not in open_document(path).scenario("Current").chart
    capsys.readouterr()
    assert run(["sync", str(path), str(roster)]) == 0
    assert "is unchanged" in capsys.readouterr().out


def test_sync_command_on_a_json_chart_and_its_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chart = compliant_chart()
    path = tmp_path / "plan.json"
    save_chart(chart, path)
    roster = tmp_path / "roster.csv"
    roster.write_text("\n".join([HEADER, *rows_of(chart), "t9,Technician,Al Vo,cto,1"]) + "\n", encoding="utf-8")
    assert run(["sync", str(path), str(roster)]) == 0
    assert "t9" in load_chart(path)
    assert run(["sync", str(path), str(roster), "--into-scenario"]) == 2
    assert "Only .tdorg files hold scenarios" in capsys.readouterr().err
    assert run(["sync", str(path), str(tmp_path / "missing.csv")]) == 2


def test_a_person_within_the_charts_fte_threshold_is_brought_in() -> None:
    chart = compliant_chart()
    chart.set_settings(chart.settings.with_threshold("STR-2", "max_person_fte", 1.2))
    person = chart.role("cto").person
    lines = rows_of(chart) + [f"x1,Night Technician,{person},cto,0.2"]
    plan = synced(chart, lines)
    assert plan.import_plan.problems == []
    assert plan.after.person_fte(person) == pytest.approx(chart.person_fte(person) + 0.2)
