"""Every rule fires on a chart built to break it, naming the right roles, and stays quiet on a compliant one."""

from __future__ import annotations

import pytest

from tdorg.model import Chart, Role
from tdorg.model.rules import RULES, RULES_BY_ID, Severity, Validator, validate
from tests.charts import compliant_chart, role


def findings(chart: Chart, rule_id: str, at_least: Severity = Severity.INFO):
    return [f for f in validate(chart).findings if f.rule_id == rule_id and f.severity >= at_least]


# Each breaker changes the compliant chart so exactly the named rule is broken;
# the tuple says which role ids the finding must name and its lowest severity.
def _two_tops(c: Chart) -> None:
    c.reparent("cto", None)


def _top_not_superintendent(c: Chart) -> None:
    c.reparent("cao", None)
    c.reparent("supt", "cao")


def _person_over(c: Chart) -> Chart:
    # Edits refuse to push one person past 1.0 FTE, but a file or import may hold it.
    extra = role("dpo2", "Records Clerk", "other", "cao", person="ari chen", fte=0.75)
    return Chart(c.district, [*c.roles_in_order(), extra], c.settings)


def _no_it_leader(c: Chart) -> None:
    c.update_role("cto", flags={"cabinet"})


def _two_it_leaders(c: Chart) -> None:
    c.update_role("net", flags={"top_it_leader"})


def _not_cabinet(c: Chart) -> None:
    c.update_role("cto", flags={"top_it_leader"})


def _not_under_supt(c: Chart) -> None:
    c.reparent("cto", "cao")


def _decentralised(c: Chart) -> None:
    c.reparent("tech", "cao")


def _no_area(c: Chart) -> None:
    c.update_role("net", service_areas=())


def _no_core(c: Chart) -> None:
    for rid in ("coach", "coach2"):
        c.update_role(rid, core_services=())


def _no_integration(c: Chart) -> None:
    c.remove_role("coach")
    c.remove_role("coach2")
    c.update_role("tech", backs_up=("network", "cybersecurity", "servers", "instructional_integration"))


def _integration_one_sided(c: Chart) -> None:
    c.remove_dotted("coach", "cao")


def _no_backup(c: Chart) -> None:
    c.update_role("net", backs_up=())


def _vacant_sole_lead(c: Chart) -> None:
    c.update_role("coach", vacant=True, person="")


def _two_intakes(c: Chart) -> None:
    c.update_role("tech", flags={"intake_owner"})


def _too_many_devices(c: Chart) -> None:
    c.set_district(c.district.with_changes(devices=5000))


def _too_many_students(c: Chart) -> None:
    c.set_district(c.district.with_changes(students=12000))


def _too_many_teachers(c: Chart) -> None:
    c.set_district(c.district.with_changes(teachers=400))


def _wide_span(c: Chart) -> None:
    for n in range(5):
        c.add_role(role(f"x{n}", f"Extra {n}", "other", "cto"))


def _no_privacy(c: Chart) -> None:
    c.update_role("dpo", category="other", flags=(), leads=())


def _privacy_cut_off(c: Chart) -> None:
    c.reparent("dpo", "cao")


def _no_security(c: Chart) -> None:
    c.update_role("net", leads=("network", "servers"))


def _no_erate_lead(c: Chart) -> None:
    c.update_role("cto", leads=("strategic_planning",))


def _essential_unowned(c: Chart) -> None:
    c.update_role("hd", leads=("help_desk", "student_information_system"))


def _contractor_alone(c: Chart) -> None:
    c.update_role("net", employment="contractor")
    c.update_role("tech", backs_up=("network",))


def _bypass_leader(c: Chart) -> None:
    c.add_dotted("net", "cao")


CASES = {
    "STR-1": (_two_tops, {"cto"}, Severity.ERROR),
    "STR-2": (_person_over, {"dpo", "dpo2"}, Severity.ERROR),
    "CAB-1": (_no_it_leader, {"cto"}, Severity.ERROR),
    "CAB-2": (_not_cabinet, {"cto"}, Severity.ERROR),
    "CAB-3": (_not_under_supt, {"cto", "cao"}, Severity.WARNING),
    "CEN-1": (_decentralised, {"tech"}, Severity.WARNING),
    "SVC-1": (_no_area, {"cto"}, Severity.ERROR),
    "SVC-2": (_no_core, {"cto"}, Severity.WARNING),
    "INT-1": (_no_integration, set(), Severity.WARNING),
    "INT-2": (_integration_one_sided, {"coach"}, Severity.WARNING),
    "INT-3": (_too_many_teachers, set(), Severity.WARNING),
    "FUN-1": (_essential_unowned, {"cto"}, Severity.WARNING),
    "RED-1": (_no_backup, {"hd"}, Severity.WARNING),
    "RED-2": (_vacant_sole_lead, {"coach"}, Severity.WARNING),
    "HLP-1": (_two_intakes, {"hd", "tech"}, Severity.WARNING),
    "EMP-1": (_contractor_alone, {"net"}, Severity.WARNING),
    "PNT-1": (_bypass_leader, {"net", "cao"}, Severity.INFO),
    "STF-1": (_too_many_devices, set(), Severity.WARNING),
    "STF-2": (_too_many_students, set(), Severity.WARNING),
    "SPN-1": (_wide_span, {"cto"}, Severity.WARNING),
    "PRV-1": (_no_privacy, {"cto"}, Severity.ERROR),  # New York requires a named officer
    "PRV-2": (_privacy_cut_off, {"dpo", "cto"}, Severity.WARNING),
    "SEC-1": (_no_security, {"cto"}, Severity.WARNING),
    "CMP-1": (_no_erate_lead, {"cto"}, Severity.WARNING),
}


def test_every_rule_has_a_case_or_is_informational():
    assert set(CASES) | {"STF-3"} == set(RULES_BY_ID)


def test_compliant_chart_has_only_information():
    report = validate(compliant_chart())
    assert [f for f in report.findings if f.severity > Severity.INFO] == []


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_fires_on_a_chart_that_breaks_it(rule_id: str):
    breaker, roles, severity = CASES[rule_id]
    chart = compliant_chart()
    assert findings(chart, rule_id, Severity.WARNING) == []
    chart = breaker(chart) or chart
    found = findings(chart, rule_id, severity)
    assert found, f"{rule_id} did not fire"
    assert roles <= set().union(*(f.role_ids for f in found))
    for f in found:
        assert f.message and f.fix and f.source
        assert f.source == RULES_BY_ID[rule_id].source
    # Only the broken rule (and rules that follow from it by definition) rise above info.
    others = {f.rule_id for f in validate(chart).findings if f.severity > Severity.INFO}
    allowed = {rule_id, *FOLLOW_ON.get(rule_id, ())}
    assert others <= allowed, others - allowed


#: Breaking some rules necessarily breaks others too.
FOLLOW_ON = {
    "STR-1": ("CAB-3",),
    "STR-2": ("CAB-3",),
    "CAB-1": ("CEN-1", "INT-2", "PRV-2", "CAB-2", "CAB-3"),
    "CAB-2": (),
    "CAB-3": (),
    "SPN-1": (),
    "EMP-1": ("RED-1",),  # the functions the contractor leads lost their backup
    "INT-1": ("SVC-1", "SVC-2"),  # the coaches were the instruction and PD providers
    "SVC-2": (),
}


def test_two_it_leaders_named():
    chart = compliant_chart()
    _two_it_leaders(chart)
    (f,) = findings(chart, "CAB-1")
    assert set(f.role_ids) == {"cto", "net"}
    assert "2 roles" in f.message


def test_top_not_superintendent():
    chart = compliant_chart()
    _top_not_superintendent(chart)
    (f,) = findings(chart, "STR-1")
    assert f.role_ids == ("cao", "supt")
    assert "not the superintendent" in f.message


def test_backup_by_same_person_is_a_single_point_of_failure():
    chart = compliant_chart()
    chart.update_role("tech", backs_up=("network", "cybersecurity", "servers", "help_desk"))
    chart.update_role("net", backs_up=())
    assert not findings(chart, "RED-1")
    # Help desk led by Max Ruiz and backed up by a second role Max also holds.
    chart.update_role("hd", fte=0.5)
    chart.update_role("tech", backs_up=("network", "cybersecurity", "servers"))
    chart.add_role(role("hd2", "Evening Help Desk", "help_desk", "cto", person="max ruiz", fte=0.5,
                        backs_up=("help_desk",)))
    (f,) = findings(chart, "RED-1")
    assert "same person" in f.message and set(f.role_ids) == {"hd", "hd2"}
    assert f.message.startswith("Max Ruiz (“Help Desk Technician”) leads help desk")


def test_ny_privacy_law_is_named():
    chart = compliant_chart()
    chart.set_district(chart.district.with_changes(state="NY"))
    _no_privacy(chart)
    (f,) = findings(chart, "PRV-1")
    assert "Education Law § 2-d" in f.message and "Part 121" in f.message
    assert f.severity == Severity.ERROR


def test_technicians_for_buildings_reports_shortfall():
    chart = compliant_chart()
    chart.set_district(chart.district.with_changes(buildings=chart.district.buildings.__class__(elementary=7, middle=4, high=3)))
    (f,) = findings(chart, "STF-3")
    assert "fewer than" in f.message and set(f.role_ids) == {"tech", "hd"}
    for n in range(6):
        chart.add_role(role(f"t{n}", f"Technician {n}", "building_technician", "cto", backs_up=("device_repair",)))
    (f,) = findings(chart, "STF-3")
    assert "about" in f.message


@pytest.mark.parametrize(
    "rule_id,param,value,breaker",
    [
        ("SPN-1", "max_direct_reports", 4, None),
        ("STF-1", "max_devices_per_fte", 500, None),
        ("STF-2", "max_students_per_fte", 250, None),
        ("INT-3", "max_teachers_per_fte", 30, None),
    ],
)
def test_threshold_override_changes_the_outcome(rule_id, param, value, breaker):
    chart = compliant_chart()
    assert findings(chart, rule_id, Severity.WARNING) == []
    chart.set_settings(chart.settings.with_threshold(rule_id, param, value))
    assert findings(chart, rule_id, Severity.WARNING)
    chart.set_settings(chart.settings.without_threshold(rule_id, param))
    assert findings(chart, rule_id, Severity.WARNING) == []


def test_loosened_threshold_silences_a_rule():
    chart = compliant_chart()
    _wide_span(chart)
    assert findings(chart, "SPN-1")
    chart.set_settings(chart.settings.with_threshold("SPN-1", "max_direct_reports", 12))
    assert findings(chart, "SPN-1") == []


def test_switched_off_rule_is_kept_with_its_reason():
    chart = compliant_chart()
    _no_security(chart)
    chart.set_settings(chart.settings.disable("SEC-1", "Security is contracted to the regional service agency."))
    report = validate(chart)
    assert "SEC-1" not in report.rule_ids()
    assert report.disabled == {"SEC-1": "Security is contracted to the regional service agency."}


def test_every_rule_declares_its_metadata():
    for rule in RULES:
        assert rule.id and rule.title and rule.source
        assert isinstance(rule.severity, Severity)


def test_metrics_figures_beside_reference_values():
    report = validate(compliant_chart())
    metrics = {m.key: m for m in report.metrics}
    assert metrics["students_per_tech_fte"].value == pytest.approx(1200 / 4)
    assert metrics["devices_per_technician"].value == pytest.approx(1500 / 2)
    assert metrics["teachers_per_integration_fte"].value == pytest.approx(45)
    assert metrics["span_of_control"].value == 6
    assert "1,900" in metrics["students_per_tech_fte"].reference
    assert all(m.source for m in report.metrics)


def test_validator_matches_full_validation_after_each_edit():
    chart = compliant_chart()
    validator = Validator(chart)
    edits = [
        lambda c: c.reparent("tech", "cao"),
        lambda c: c.update_role("cto", flags={"top_it_leader"}),
        lambda c: c.add_dotted("tech", "net"),
        lambda c: c.set_district(c.district.with_changes(devices=9000)),
        lambda c: c.remove_role("dpo"),
        lambda c: c.add_role(Role(id="sec", title="Security Analyst", category="security", reports_to="cto")),
        lambda c: c.move_sibling("sec", 0),
        lambda c: c.set_settings(c.settings.disable("CAB-2", "Board policy")),
    ]
    for edit in edits:
        edit(chart)
        assert validator.report.findings == validate(chart).findings
        assert validator.report.metrics == validate(chart).metrics
    validator.close()
    chart.set_district(chart.district.with_changes(devices=100))
    assert validator.report.findings != validate(chart).findings


def test_validator_renames_the_manager_in_a_span_of_control_finding():
    chart = compliant_chart()
    chart.set_settings(chart.settings.with_threshold("SPN-1", "max_direct_reports", 1))
    validator = Validator(chart)
    assert any("“Director of Technology” has 6 direct reports" in f.message for f in validator.report.findings)
    chart.update_role("cto", title="Chief Technology Officer")
    assert validator.report.findings == validate(chart).findings
    validator.close()
