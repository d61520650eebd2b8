"""What the scenario switcher shows and needs, beside :class:`~.document.Document`'s own edits.

``Document`` adds, duplicates, renames and removes scenarios; this module
adds the figures shown next to each scenario (roles, FTE, annual cost,
findings), a free name for a new or duplicated scenario, and reordering.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple, Sequence

from .chart import Chart
from .document import Document
from .errors import FieldValueError
from .rules import Report, Severity, validate


class ScenarioCost(NamedTuple):
    """Annual cost of a chart's roles: the sum of the known costs, and how many are known."""

    total: float
    roles_with_cost: int
    roles_without: int

    @property
    def complete(self) -> bool:
        return self.roles_without == 0


def scenario_cost(chart: Chart) -> ScenarioCost:
    """Sum of ``annual_cost`` over every role that has one (vacant positions included: they are budgeted)."""
    total = 0.0
    known = 0
    for role in chart.roles.values():
        if role.annual_cost is not None:
            total += role.annual_cost
            known += 1
    return ScenarioCost(total, known, len(chart) - known)


def filled_fte(chart: Chart) -> float:
    """FTE of the roles that are not vacant."""
    return sum(r.fte for r in chart.roles.values() if not r.vacant)


class ScenarioSummary(NamedTuple):
    """One line of the scenario switcher."""

    index: int
    name: str
    active: bool
    roles: int
    fte: float
    cost: ScenarioCost
    errors: int
    warnings: int


def scenario_summaries(document: Document, reports: Sequence[Report] | None = None) -> list[ScenarioSummary]:
    """A summary per scenario; pass the reports the caller already has to save validating again."""
    out = []
    for index, scenario in enumerate(document.scenarios):
        report = reports[index] if reports is not None else validate(scenario.chart)
        out.append(
            ScenarioSummary(
                index,
                scenario.name,
                index == document.active,
                len(scenario.chart),
                filled_fte(scenario.chart),
                scenario_cost(scenario.chart),
                len(report.by_severity(Severity.ERROR)),
                len(report.by_severity(Severity.WARNING)),
            )
        )
    return out


def free_name(document: Document, base: str) -> str:
    """``base`` if no scenario has it, else ``base (2)``, ``base (3)``…"""
    base = " ".join(base.split())[:90] or "Scenario"
    names = set(document.names)
    if base not in names:
        return base
    n = 2
    while f"{base} ({n})" in names:
        n += 1
    return f"{base} ({n})"


def duplicate_name(document: Document, index: int, next_year: int | None = None) -> str:
    """The name offered for a copy of scenario ``index``: the next number after a name ending in one
    ("Proposed 2027" → "Proposed 2028", "Option 2" → "Option 3"), else "Proposed <next year>" (a copy is
    most often next year's plan); counted on while another scenario has the name."""
    name = " ".join(document.scenarios[index].name.split())
    stem, _, number = name.rpartition(" ")
    if stem and number.isdigit() and len(number) <= 6:
        base, n = stem, int(number) + 1
    else:
        base, n = "Proposed", next_year or date.today().year + 1
    names = set(document.names)
    while f"{base} {n}" in names:
        n += 1
    return free_name(document, f"{base} {n}")


def move_scenario(document: Document, index: int, new_index: int) -> int:
    """Move scenario ``index`` to ``new_index``, keeping the same scenario active; returns the old index."""
    count = len(document.scenarios)
    if not (0 <= index < count and 0 <= new_index < count):
        raise FieldValueError("scenario", f"There is no scenario at position {max(index, new_index) + 1}.")
    active = document.scenarios[document.active]
    scenario = document.scenarios.pop(index)
    document.scenarios.insert(new_index, scenario)
    document.active = document.scenarios.index(active)
    return index


def set_active(document: Document, index: int) -> int:
    """Make scenario ``index`` the active one; returns the previously active index."""
    if not 0 <= index < len(document.scenarios):
        raise FieldValueError("scenario", f"There is no scenario at position {index + 1}.")
    old, document.active = document.active, index
    return old
