"""The chart in words: the reporting structure as a nested list a screen reader reads in order.

Each role says who holds it, whom it reports to and how many report to it,
e.g. "Director of Technology (Pat Lee), reports to Superintendent; 3 direct
reports:", and its reports follow as a list inside its item, in the chart's
sibling order.
"""

from __future__ import annotations

from ...model.chart import Chart
from ...model.plural import plural
from ..labels import clean

#: How deep the list nests (a chart is seldom deeper; the template and screen readers stay within bounds).
MAX_DEPTH = 12


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


def _below(chart: Chart, rid: str, depth: int) -> list[dict[str, object]]:
    """Everything under ``rid`` as one flat list in reading order, each saying its level."""
    out: list[dict[str, object]] = []
    stack = [(kid, depth + 1) for kid in reversed(chart.children(rid))]
    while stack:
        kid, level = stack.pop()
        out.append({"text": f"Level {level + 1}: {_line(chart, kid)}", "children": []})
        stack += [(k, level + 1) for k in reversed(chart.children(kid))]
    return out


def reporting_structure(chart: Chart) -> list[dict[str, object]]:
    """The nested list: items ``{"text": …, "children": [items…]}`` from the top of the chart down.

    Lists nest :data:`MAX_DEPTH` levels deep; the roles below that are listed
    in order inside the last level, each saying its level.
    """

    def item(rid: str, depth: int) -> dict[str, object]:
        if depth + 1 >= MAX_DEPTH:
            return {"text": _line(chart, rid), "children": _below(chart, rid, depth)}
        return {"text": _line(chart, rid), "children": [item(kid, depth + 1) for kid in chart.children(rid)]}

    return [item(rid, 0) for rid in chart.roots()]


__all__ = ["MAX_DEPTH", "reporting_structure"]
