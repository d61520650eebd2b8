"""The scene's lines kept current: each manager's reporting lines, routed again or moved as boxes move, and the
dotted lines shown (every one, or on a chart with many only those of the selection)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from PySide6.QtCore import QRectF

from tdorg.model.chart import Chart
from tdorg.model.layout import Layout

from . import items as canvas_items
from .items.constants import BOX_HEIGHT, BOX_WIDTH

if TYPE_CHECKING:
    from .items.edge_items import DottedLine, ManagerLines
    from .scene import ChartScene

#: Above this many dotted lines a chart shows only those of the selected roles at first.
MANY_DOTTED = 60


class ReportingLineDrawing:
    """The lines from each shown manager to its shown reports, one :class:`ManagerLines` per manager."""

    def __init__(self, scene: ChartScene) -> None:
        self._scene = scene
        self.lines: dict[str, ManagerLines] = {}

    def reset(self) -> None:
        """No lines (the scene has been cleared)."""
        self.lines.clear()

    def restyle(self) -> None:
        for lines in self.lines.values():
            lines.restyle()

    def show(self, manager: str, shown: bool) -> bool:
        """Show or hide the lines of ``manager``; returns whether it has any."""
        lines = self.lines.get(manager)
        if lines is None:
            return False
        lines.setVisible(shown)
        return True

    def drop(self, manager: str) -> None:
        """Take away the lines of a manager that left the chart."""
        lines = self.lines.pop(manager, None)
        if lines is not None:
            self._scene.removeItem(lines)

    def follow(self, chart: Chart, layout: Layout, shift: dict[str, tuple[float, float] | None],
               redraw: set[str]) -> None:
        """Bring the lines up to date after the boxes in ``shift`` moved (by how much; ``None``: placed anew): those
        of the managers in ``redraw`` are drawn again, as are those of any other manager of a moved box or that moved
        itself, unless it moved by the same offset as all its reports: then its lines are moved, not drawn again."""
        roles = chart.roles
        managers = set(shift)
        managers.update(roles[r].reports_to for r in shift)  # type: ignore[misc]
        managers.discard(None)  # type: ignore[arg-type]
        count = chart.child_count
        for manager in managers - redraw:
            offset, lines = shift.get(manager), self.lines.get(manager)
            if lines is None and not count(manager):
                continue  # a moved box without reports has no lines
            if offset is not None and lines is not None and all(shift.get(k) == offset for k in chart.children(manager)):
                lines.moveBy(*offset)
            else:
                redraw.add(manager)
        redraw.discard(None)  # type: ignore[arg-type]
        for manager in redraw:
            self.route(manager, chart, layout)

    def route(self, manager: str, chart: Chart, layout: Layout) -> None:
        """Draw the lines of ``manager`` to its shown reports where ``layout`` puts them (none when it hides them)."""
        scene = self._scene
        shown = manager not in scene.hidden_roles() and not (scene.folding and chart.is_collapsed(manager))
        reports = chart.children(manager) if shown else ()
        lines = self.lines.get(manager)
        if not reports:
            if lines is not None:
                scene.removeItem(lines)
                del self.lines[manager]
            return
        if lines is None:
            lines = canvas_items.ManagerLines(manager)
            self.lines[manager] = lines
            scene.addItem(lines)
        lines.setPos(0, 0)  # drawn where the layout puts it, after any move
        lines.route(layout, reports)


class DottedLineDrawing:
    """The dotted-line items: every dotted line between shown roles, or with :attr:`show_all` off only those of
    the selected roles and the selected lines (for very large charts), following the selection."""

    def __init__(self, scene: ChartScene) -> None:
        self._scene = scene
        self.lines: dict[tuple[str, str], DottedLine] = {}
        self.show_all = True

    def update(self) -> None:
        for line in self.lines.values():
            line.update()

    @staticmethod
    def count(chart: Chart) -> int:
        return sum(len(r.dotted_to) for r in chart.roles.values())

    def reset(self, chart: Chart) -> None:
        """No items (the scene has been cleared); every line shown of a new chart unless it has many."""
        self.lines.clear()
        self.show_all = self.count(chart) <= MANY_DOTTED

    def selection_changed(self) -> None:
        if not self.show_all and self._scene.chart is not None:
            self.sync(set())

    def _wanted(self) -> set[tuple[str, str]]:
        scene = self._scene
        chart = scene.chart
        assert chart is not None
        roles = chart.roles
        hidden = scene.hidden_roles()
        if self.show_all:
            if hidden:  # a line to a hidden role is not drawn
                return {(r.id, t) for r in roles.values() if r.id not in hidden for t in r.dotted_to if t not in hidden}
            return {(r.id, t) for r in roles.values() for t in r.dotted_to}
        wanted = {
            key for key, line in self.lines.items()
            if line.isSelected() and key[0] in roles and key[1] in roles[key[0]].dotted_to
        }
        for item in scene.selectedItems():
            if isinstance(item, canvas_items.RoleItem) and item.role_id in roles:
                role_id = item.role_id
                wanted.update((role_id, t) for t in roles[role_id].dotted_to)
                wanted.update((s, role_id) for s in chart.dotted_reports(role_id))
        return {key for key in wanted if key[0] not in hidden and key[1] not in hidden} if hidden else wanted

    def sync(self, only: Iterable[str] | None) -> None:
        """Add and remove dotted-line items; re-route new ones and those touching ``only`` (None: all)."""
        scene = self._scene
        assert scene.chart is not None
        roles, positions = scene.chart.roles, scene.layout.positions
        wanted = self._wanted()
        for key in [k for k in self.lines if k not in wanted]:
            scene.removeItem(self.lines.pop(key))
        for key in wanted:
            line = self.lines.get(key)
            if line is None:
                line = canvas_items.DottedLine(*key)
                self.lines[key] = line
                scene.addItem(line)
            elif only is not None and key[0] not in only and key[1] not in only:
                continue
            source, target = roles[key[0]], roles[key[1]]
            line.set_ends(
                QRectF(*positions[key[0]], BOX_WIDTH, BOX_HEIGHT),
                QRectF(*positions[key[1]], BOX_WIDTH, BOX_HEIGHT),
                f"Dotted line: “{source.title}” → “{target.title}”\nSelect it and press Delete to remove it.",
            )


__all__ = ["DottedLineDrawing", "MANY_DOTTED", "ReportingLineDrawing"]
