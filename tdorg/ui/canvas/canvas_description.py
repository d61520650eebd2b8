"""What a screen reader hears of the canvas: its name, and a sentence on what is selected."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from tdorg.model.chart import Chart
from tdorg.model.rules.base import Severity

if TYPE_CHECKING:
    from .scene import ChartScene
    from .view import ChartView

CANVAS_NAME = "Chart canvas"
#: Where a screen reader finds every role, one per row, as a tree.
OUTLINE_HINT = "The Outline panel lists every role as a tree."
_SHOWN_NAMES = 3


def _findings(count: int, worst: Severity | None) -> str:
    if not count or worst is None:
        return "no findings"
    if count == 1:
        return f"1 {worst.label}"
    return f"{count} findings, the most serious {'an' if worst.label[0] in 'aeiou' else 'a'} {worst.label}"


def _role(chart: Chart, role_id: str, scene: ChartScene) -> str:
    role = chart.role(role_id)
    parts = [role.title or "Untitled role", "vacant" if role.vacant else (role.person or "no person named")]
    manager = role.reports_to
    parts.append(f"reports to {chart.role(manager).title}" if manager in chart else "top of the chart")
    item = scene.item(role_id)
    parts.append(_findings(item.finding_count, item.severity) if item is not None else "no findings")
    return ", ".join(parts)


def selection_description(scene: ChartScene) -> str:
    """E.g. "Selected: Network Technician, vacant, reports to Director of Technology, 2 findings, …"."""
    chart = scene.chart
    ids = scene.selected_role_ids()
    if chart is None or not len(chart):
        return f"The chart is empty. {OUTLINE_HINT}"
    ids = [r for r in ids if r in chart]
    if not ids:
        return f"No role selected; {len(chart):,} roles. {OUTLINE_HINT}"
    if len(ids) == 1:
        return f"Selected: {_role(chart, ids[0], scene)}. {OUTLINE_HINT}"
    names = ", ".join(chart.role(r).title for r in ids[:_SHOWN_NAMES])
    more = f" and {len(ids) - _SHOWN_NAMES:,} more" if len(ids) > _SHOWN_NAMES else ""
    return f"Selected: {len(ids):,} roles, {names}{more}. {OUTLINE_HINT}"


class CanvasDescription(QObject):
    """Names a view for assistive technology and keeps its description on the selection.

    The window also calls :meth:`update` after each new report, when badges change.
    """

    def __init__(self, view: ChartView) -> None:
        super().__init__(view)
        self.view = view
        view.setAccessibleName(CANVAS_NAME)
        view.viewport().setAccessibleName(CANVAS_NAME)
        view.chart_scene.selectionChanged.connect(self.update)
        view.chart_scene.rolesChanged.connect(self.update)
        self.update()

    def update(self, *_args: object) -> None:
        self.view.setAccessibleDescription(selection_description(self.view.chart_scene))
