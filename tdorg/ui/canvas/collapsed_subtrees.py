"""Collapsed managers on the canvas: the roles they hide (items kept, hidden) and the toggles under managers' boxes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from . import items as canvas_items

if TYPE_CHECKING:
    from .badges import Badges
    from .items.collapse_toggle import CollapseToggle
    from .line_drawing import ReportingLineDrawing
    from .scene import ChartScene


class CollapsedSubtrees:
    """``hidden``: each role a collapsed manager hides, with the shown manager it is folded into; a toggle under each
    manager's box (when the scene folds), showing how many roles a collapsed one hides."""

    def __init__(self, scene: ChartScene, lines: ReportingLineDrawing, badges: Badges) -> None:
        self._scene, self._lines, self._badges = scene, lines, badges
        self.hidden: dict[str, str] = {}
        self.toggles: dict[str, CollapseToggle] = {}
        #: The managers whose toggle shows them collapsed.
        self.shown_collapsed: set[str] = set()

    def reset(self) -> None:
        """Nothing hidden and no toggles (their items are gone)."""
        self.hidden = {}
        self.toggles.clear()
        self.shown_collapsed.clear()

    def drop(self, role_id: str) -> None:
        """Forget the toggle of a role that left the chart (removed with its box)."""
        self.toggles.pop(role_id, None)
        self.shown_collapsed.discard(role_id)

    def fold(self) -> set[str]:
        """Hide the items (and lines) of the roles collapsed managers hide now, show those they no longer hide;
        returns the managers shown again that have no lines (they changed while hidden)."""
        scene = self._scene
        chart = scene.chart
        assert chart is not None
        hidden = chart.hidden_roles() if chart.collapsed and scene.folding else {}
        if not hidden and not self.hidden:
            return set()
        items, lines = scene.role_items(), self._lines
        unlined: set[str] = set()
        for role_id in self.hidden.keys() - hidden.keys():
            if role_id in items:
                items[role_id].setVisible(True)  # where it was: the layout moves it if its place changed
                if not lines.show(role_id, True) and chart.child_count(role_id):
                    unlined.add(role_id)
        for role_id in hidden.keys() - self.hidden.keys():
            items[role_id].setVisible(False)
            lines.show(role_id, False)
        self.hidden = hidden
        self._badges.show(self._badges.report)  # findings of hidden roles go to the box they are folded into
        return unlined

    def sync_toggles(self, role_ids: Iterable[str]) -> None:
        """Give the managers among ``role_ids`` their toggle, showing how many roles each collapsed one hides;
        take it from roles left without reports."""
        scene = self._scene
        chart = scene.chart
        assert chart is not None
        items, toggles, shown_collapsed = scene.role_items(), self.toggles, self.shown_collapsed
        for role_id in role_ids if scene.folding else ():
            item = items.get(role_id)
            toggle = toggles.get(role_id)
            if item is None or not chart.child_count(role_id):
                if toggle is not None:
                    scene.removeItem(toggles.pop(role_id))
                shown_collapsed.discard(role_id)
                continue
            if toggle is None:
                toggle = toggles[role_id] = canvas_items.CollapseToggle(item, scene.toggleRequested.emit)
            collapsed = chart.is_collapsed(role_id)
            hidden = len(chart.descendants(role_id)) if collapsed else 0
            toggle.set_state(collapsed, hidden, item.role.title)
            (shown_collapsed.add if collapsed else shown_collapsed.discard)(role_id)
            item.set_folded(self._badges.inside(role_id), hidden)


__all__ = ["CollapsedSubtrees"]
