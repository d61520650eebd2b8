"""The very small district starter: about 600 students, the framework met as far as a department of 2.7 FTE can."""

from __future__ import annotations

from tdorg.cli.commands import run
from tdorg.model.formats import save_chart
from tdorg.model.rules import Severity, validate
from tdorg.model.templates import new_from_template, templates


def test_it_is_listed_first_among_the_starters_with_its_size() -> None:
    starters = [t for t in templates() if t.kind == "size"]
    assert [t.key for t in starters] == ["very-small", "small", "medium", "large"]
    first = starters[0]
    assert first.name == "Very small district starter" and first.students == 600
    assert "Under 1,000 students" in first.description


def test_a_tiny_department_of_a_coordinator_a_part_time_technician_and_a_contracted_agency() -> None:
    chart = new_from_template("very-small")
    district = chart.district
    assert 400 <= district.students <= 999 and district.buildings.count() == 2
    roles = chart.roles.values()
    leader = next(r for r in roles if "top_it_leader" in r.flags)
    assert leader.title == "Technology Coordinator" and leader.reports_to == "supt" and "cabinet" in leader.flags
    assert {"network", "servers", "device_repair"} <= set(leader.leads)  # the hands-on work
    technicians = [r for r in roles if r.category == "building_technician"]
    assert [r.fte for r in technicians] == [0.5] and "intake_owner" in technicians[0].flags
    agency = next(r for r in roles if r.employment == "contractor")
    assert {"network", "servers", "cybersecurity"} <= set(agency.backs_up) and not agency.leads
    leads = {f: r.id for r in roles for f in r.leads}
    assert leads["erate"] == "bm" and leads["data_privacy"] == leader.id
    integration = next(r for r in roles if r.category == "integration_coach")
    assert integration.dotted_to == ("tl",) and "teaching_learning_leader" in chart.role("tl").flags
    tech_fte = sum(r.fte for r in roles if r.category not in {"superintendent", "executive", "instructional_leader"})
    assert round(tech_fte, 2) == 2.7


def test_only_figures_a_district_this_size_has_remain_and_the_notes_explain_them() -> None:
    chart = new_from_template("very-small")
    report = validate(chart)
    assert [f for f in report.findings if f.severity > Severity.INFO] == []
    assert sorted(f.rule_id for f in report.findings) == ["INT-3", "STF-1", "STF-2", "STF-3"]
    stf3 = next(f for f in report.findings if f.rule_id == "STF-3")
    assert stf3.message.startswith("0.67 technician FTE") and "fewer than" in stf3.message  # part-time, 2 buildings
    for said in ("STF-3", "STF-1", "part-time", "regional service agency", "backs up"):
        assert said in chart.notes
    every_function = {f for r in chart.roles.values() for f in r.leads}
    backed = {f for r in chart.roles.values() for f in r.backs_up}
    assert every_function <= backed  # a backup for every function a tiny staff leads


def test_tdorg_validate_passes_it(tmp_path, capsys) -> None:
    path = tmp_path / "tiny.tdorg"
    save_chart(new_from_template("very-small"), path)
    assert run(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Very Small District (starter)" in out
    assert "ERROR" not in out and "WARNING" not in out
