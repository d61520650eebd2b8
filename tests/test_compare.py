"""Comparing two known charts lists exactly the expected changes, finding deltas and metrics."""

from __future__ import annotations

import json

from tdorg.model import Chart, Role
from tdorg.model.compare import FieldChange, Move, compare, match_findings
from tdorg.model.rules import Finding, Severity, validate
from tdorg.model.synthetic import synthetic_chart

from .charts import compliant_chart


def proposed(current: Chart) -> Chart:
    chart = current.copy()
    chart.remove_role("dpo")
    chart.reparent("hd", "tech")
    chart.update_role("coach2", title="Instructional Technology Coach", fte=0.5)
    chart.update_role("net", annual_cost=95_000.0, flags=frozenset({"intake_owner"}))
    chart.add_role(Role(id="sec", title="Security Analyst", category="security", reports_to="cto", person="Vi Tran",
                        leads=("cybersecurity",), annual_cost=80_000.0))
    chart.set_district(chart.district.with_changes(students=1500))
    return chart


def test_role_changes_are_exactly_the_edits() -> None:
    a = compliant_chart()
    b = proposed(a)
    c = compare(a, b, name_a="Current", name_b="Proposed 2027")
    assert [r.id for r in c.added] == ["sec"]
    assert [r.id for r in c.removed] == ["dpo"]
    assert c.moved == [Move("hd", "Help Desk Technician", "cto", "tech", "Director of Technology", "Building Technician")]
    assert c.retitled == [FieldChange("coach2", "Instructional Technology Coach", "title", "Integration Coach",
                                      "Instructional Technology Coach")]
    assert c.fte_changed == [FieldChange("coach2", "Instructional Technology Coach", "fte", 1.0, 0.5)]
    assert c.fte_changed[0].delta == -0.5
    assert c.cost_changed == [FieldChange("net", "Network Engineer", "annual_cost", None, 95_000.0)]
    assert c.other_changes == [FieldChange("net", "Network Engineer", "flags", frozenset(), frozenset({"intake_owner"}))]
    assert c.district_changes == [FieldChange("", "District", "students", 1200, 1500)]
    assert (c.roles_a, c.roles_b) == (9, 9)
    assert (c.fte_a, c.fte_b) == (8.5, 8.5)
    assert tuple(c.cost_a) == (0.0, 0, 9) and tuple(c.cost_b) == (175_000.0, 2, 7)


def test_finding_deltas_both_ways() -> None:
    a = compliant_chart()
    b = proposed(a)
    c = compare(a, b)
    assert [(f.rule_id, f.severity, f.role_ids) for f in c.findings_introduced] == [
        ("PRV-1", Severity.ERROR, ("cto",)),
        ("RED-1", Severity.WARNING, ("cto",)),
        ("HLP-1", Severity.WARNING, ("net", "hd")),
    ]
    assert "E-rate" in c.findings_introduced[1].message
    assert c.findings_resolved == []
    assert [(x.rule_id, y.rule_id) for x, y in c.findings_changed] == [("INT-3", "INT-3"), ("STF-2", "STF-2")]
    back = compare(b, a)
    assert [f.rule_id for f in back.findings_resolved] == ["PRV-1", "RED-1", "HLP-1"]
    assert back.findings_introduced == []
    assert [r.id for r in back.added] == ["dpo"] and [r.id for r in back.removed] == ["sec"]


def test_metric_deltas() -> None:
    a = compliant_chart()
    c = compare(a, proposed(a))
    deltas = {m.key: (m.a, m.b, m.delta) for m in c.metrics if m.a != m.b}
    assert deltas == {"teachers_per_integration_fte": (45.0, 60.0, 15.0), "span_of_control": (6.0, 5.0, -1.0)}
    assert {m.key for m in c.metrics} == {m.key for m in validate(a).metrics}


def test_marks_for_highlighting_each_side() -> None:
    a = compliant_chart()
    c = compare(a, proposed(a))
    assert c.role_marks("b") == {
        "sec": {"added"}, "hd": {"moved"}, "coach2": {"retitled", "fte"}, "net": {"cost", "changed"}
    }
    assert c.role_marks("a")["dpo"] == {"removed"} and "sec" not in c.role_marks("a")


def test_identical_charts_have_no_changes() -> None:
    a = compliant_chart()
    c = compare(a, a.copy())
    assert not c.has_changes and c.role_changes == 0
    assert "No differences" in "\n".join(c.summary_lines())


def test_sibling_order_and_dotted_line_order_are_not_changes() -> None:
    a = compliant_chart()
    b = a.copy()
    b.move_sibling("coach2", 0)
    assert not compare(a, b).has_changes


def test_summary_and_json() -> None:
    a = compliant_chart()
    c = compare(a, proposed(a), name_a="Current", name_b="Proposed 2027")
    text = "\n".join(c.summary_lines())
    for expected in (
        "Comparing “Current” (A) with “Proposed 2027” (B)",
        "+ Security Analyst [sec], Vi Tran",
        "- Data Privacy Officer [dpo], Ari Chen",
        "Help Desk Technician: reports to Director of Technology → Building Technician",
        "“Integration Coach” → “Instructional Technology Coach”",
        "Instructional Technology Coach: 1 → 0.5 (−0.5)",
        "Network Engineer: — → $95,000",
        "Network Engineer: flags none → intake_owner",
        "students: 1,200 → 1,500",
        "! PRV-1 error:",
        "Annual cost: $0 → $175,000 (+$175,000)",
    ):
        assert expected in text, expected
    data = json.loads(json.dumps(c.as_dict()))
    assert data["roles"]["moved"][0]["new_manager_title"] == "Building Technician"
    assert data["roles"]["other_changes"][0]["new"] == ["intake_owner"]
    assert [f["rule"] for f in data["findings"]["introduced"]] == ["PRV-1", "RED-1", "HLP-1"]
    assert data["b"]["cost"] == {"total": 175_000.0, "roles_with_cost": 2, "roles_without": 7}


def test_findings_without_roles_pair_only_when_unambiguous() -> None:
    def f(rule: str, message: str, roles: tuple[str, ...] = ()) -> Finding:
        return Finding(rule, Severity.WARNING, message, roles)

    resolved, introduced, changed = match_findings(
        [f("SVC-1", "No instruction"), f("SVC-1", "No admin"), f("STF-2", "ratio 10"), f("RED-1", "x", ("a",))],
        [f("SVC-1", "No admin"), f("SVC-1", "No comms"), f("STF-2", "ratio 12"), f("RED-1", "x renamed", ("a",))],
    )
    assert [x.message for x in resolved] == ["No instruction"]
    assert [x.message for x in introduced] == ["No comms"]
    assert [(x.message, y.message) for x, y in changed] == [("ratio 10", "ratio 12"), ("x", "x renamed")]


def test_large_compare_sees_every_edit() -> None:
    a = synthetic_chart(2000, seed=3)
    b = a.copy()
    b.update_role("bt5-1", fte=0.5)
    b.remove_role("ic7")
    c = compare(a, b)
    assert [x.role_id for x in c.fte_changed] == ["bt5-1"] and [r.id for r in c.removed] == ["ic7"]
    assert not c.added and not c.moved


def test_two_findings_of_one_rule_on_one_role_are_not_confused() -> None:
    def f(message: str, severity: Severity = Severity.WARNING) -> Finding:
        return Finding("RED-1", severity, message, ("cto",))

    resolved, introduced, changed = match_findings(
        [f("Servers has a lead but no backup"), f("Network has a lead but no backup"), f("Ratio 4", Severity.INFO)],
        [f("Network has a lead but no backup"), f("Ratio 5", Severity.WARNING)],
    )
    assert [x.message for x in resolved] == ["Servers has a lead but no backup"]
    assert introduced == []
    assert [(x.message, y.severity) for x, y in changed] == [("Ratio 4", Severity.WARNING)]
