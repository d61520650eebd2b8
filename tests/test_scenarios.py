"""Scenarios: independent charts in one document, cost totals, save and reopen."""

from __future__ import annotations

from pathlib import Path

import pytest

from tdorg.model import Document, Role
from tdorg.model.errors import FieldValueError
from tdorg.model.persistence import open_document, save_document
from tdorg.model.rules import validate
from tdorg.model.scenarios import (
    ScenarioCost,
    duplicate_name,
    free_name,
    move_scenario,
    scenario_cost,
    scenario_summaries,
    set_active,
)

from .charts import compliant_chart


def costed_document() -> Document:
    chart = compliant_chart()
    chart.update_role("cto", annual_cost=140_000.0)
    chart.update_role("net", annual_cost=90_000.0)
    document = Document.of(chart, "Current")
    document.duplicate(0, "Proposed 2027")
    proposed = document.scenarios[1].chart
    proposed.add_role(Role(id="sec", title="Security Analyst", category="security", reports_to="cto",
                           leads=("cybersecurity",), annual_cost=85_000.0, vacant=True))
    proposed.update_role("net", annual_cost=95_000.0, title="Senior Network Engineer")
    return document


def test_scenario_cost_counts_known_costs_and_vacancies() -> None:
    document = costed_document()
    assert scenario_cost(document.scenarios[0].chart) == ScenarioCost(230_000.0, 2, 7)
    total, with_cost, without = scenario_cost(document.scenarios[1].chart)
    assert (total, with_cost, without) == (320_000.0, 3, 7)
    assert not scenario_cost(document.scenarios[1].chart).complete


def test_editing_one_scenario_leaves_the_others_untouched() -> None:
    document = costed_document()
    current = document.scenarios[0].chart
    assert "sec" not in current
    assert current.role("net").title == "Network Engineer" and current.role("net").annual_cost == 90_000.0
    snapshot = current.copy()
    copy_index = document.duplicate(0, duplicate_name(document, 0, next_year=2027))
    copy = document.scenarios[copy_index].chart
    copy.remove_role("tech")
    copy.reparent("hd", None)
    copy.set_district(copy.district.with_changes(students=5))
    assert current == snapshot
    assert document.names == ["Current", "Proposed 2028", "Proposed 2027"]  # 2027 is taken


def test_each_scenario_has_its_own_findings() -> None:
    document = costed_document()
    document.scenarios[1].chart.remove_role("dpo")
    rules = [validate(s.chart).rule_ids() for s in document.scenarios]
    assert "PRV-1" not in rules[0] and "PRV-1" in rules[1]


def test_summaries_for_the_switcher() -> None:
    document = costed_document()
    document.scenarios[1].chart.remove_role("dpo")
    first, second = scenario_summaries(document)
    assert (first.name, first.active, first.roles, first.fte, first.errors) == ("Current", True, 9, 8.5, 0)
    assert (second.name, second.active, second.roles, second.fte, second.errors) == ("Proposed 2027", False, 9, 8.0, 1)
    assert second.cost.total == 320_000.0
    reports = [validate(s.chart) for s in document.scenarios]
    assert scenario_summaries(document, reports) == [first, second]


def test_names_moves_and_active_scenario() -> None:
    document = costed_document()
    assert free_name(document, "Current") == "Current (2)"
    assert free_name(document, "  Budget   cut ") == "Budget cut"
    document.add("Current (2)", compliant_chart())
    assert free_name(document, "Current") == "Current (3)"
    assert set_active(document, 1) == 0
    assert move_scenario(document, 1, 2) == 1
    assert document.names == ["Current", "Current (2)", "Proposed 2027"]
    assert document.chart is document.scenarios[2].chart and document.active == 2
    with pytest.raises(FieldValueError):
        set_active(document, 7)
    with pytest.raises(FieldValueError):
        move_scenario(document, 0, 3)


def test_document_rename_remove_refusals() -> None:
    document = costed_document()
    with pytest.raises(FieldValueError, match="already a scenario named “Current”"):
        document.rename(1, "Current")
    document.rename(1, "Proposed 2028")
    assert document.names == ["Current", "Proposed 2028"]
    document.remove(0)
    with pytest.raises(FieldValueError, match="at least one scenario"):
        document.remove(0)


def test_several_scenarios_save_and_reopen(tmp_path: Path) -> None:
    document = costed_document()
    document.add("Lean", compliant_chart())
    document.scenarios[2].chart.remove_role("coach2")
    document.active = 1
    path = tmp_path / "plan.tdorg"
    save_document(document, path)
    reopened = open_document(path)
    assert reopened == document
    assert reopened.names == ["Current", "Proposed 2027", "Lean"]
    assert reopened.active == 1
    assert [scenario_cost(s.chart) for s in reopened.scenarios] == [scenario_cost(s.chart) for s in document.scenarios]
    assert reopened.scenarios[1].chart.role("sec").annual_cost == 85_000.0
    reopened.scenarios[0].chart.remove_role("net")
    assert "net" in reopened.scenarios[1].chart
