"""The chart in words: the reporting structure as a nested list a screen reader reads in order.

Each role says who holds it, whom it reports to and how many report to it,
e.g. "Director of Technology (Pat Lee), reports to Superintendent; 3 direct
reports:", and its reports follow as a list inside its item, in the chart's
sibling order.
"""

from __future__ import annotations

from ..model.chart import Chart
from ..model.plural import plural
from .labels import clean


def _line(chart: Chart, rid: str) -> str:
    role = chart.roles[rid]
    text = clean(role.title)
    person = clean(role.display_person()) if role.vacant or role.person.strip() else ""
    if person:
        text += f" ({person})"
    manager = chart.roles.get(role.reports_to) if role.reports_to else None
    text += f", reports to {clean(manager.title)}" if manager is not None else ", top of the chart"
    reports = chart.child_count(rid)
    if reports:
        text += f"; {plural(reports, 'direct report')}:"
    return text


def reporting_structure(chart: Chart) -> list[dict[str, object]]:
    """The nested list: items ``{"text": …, "children": [items…]}`` from the top of the chart down."""

    def item(rid: str) -> dict[str, object]:
        return {"text": _line(chart, rid), "children": [item(kid) for kid in chart.children(rid)]}

    return [item(rid) for rid in chart.roots()]


__all__ = ["reporting_structure"]
