"""The changes a chart announced since the scene last applied them: collected as they come, applied in one flush."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QTimer

from tdorg.model.chart import ADDED, COLLAPSED, DOTTED, REMOVED, REORDERED, REPARENTED, STRUCTURAL, Change

if TYPE_CHECKING:
    from .scene import ChartScene


class Collected:
    """What the chart announced since the last flush: ``touched``, the roles named, in order; ``lined``, the roles
    whose line into their manager an edit changed (added, moved to another manager or place); ``structural``, boxes
    may move; ``dotted``, dotted lines may come, go or move; ``anchor``, the role that should stay put on screen
    across the re-layout, where it stood; ``any``, something was announced. (A plain class: a dataclass compiles
    its methods at import.)"""

    def __init__(self) -> None:
        self.touched: dict[str, None] = {}
        self.lined: set[str] = set()
        self.structural = False
        self.dotted = False
        self.any = False
        self.anchor: tuple[str, QPointF] | None = None


class PendingChanges:
    """What the next :meth:`.scene.ChartScene.flush` has to do, and the flush scheduled for the next event-loop turn."""

    def __init__(self, scene: ChartScene) -> None:
        self._scene = scene
        self.collected = Collected()
        #: A flush is scheduled (the flush sets it back as it starts).
        self.scheduled = False

    def clear(self) -> None:
        """Forget what was collected (another chart is shown)."""
        self.collected = Collected()

    def take(self) -> Collected:
        """What was collected, to apply, leaving nothing collected."""
        collected, self.collected = self.collected, Collected()
        return collected

    def note(self, change: Change) -> None:
        """Collect ``change`` and schedule a flush, unless one is."""
        collected = self.collected
        for role_id in change.role_ids:
            collected.touched[role_id] = None
        if change.kind in (ADDED, REPARENTED, REORDERED) and change.role_ids:
            collected.lined.add(change.role_ids[0])  # the others named are its managers, or its reports and dotted lines
        if change.kind in STRUCTURAL or change.kind == COLLAPSED:
            if not collected.structural:
                collected.anchor = self._anchor_for(change)
            collected.structural = True
            collected.dotted = True
        if change.kind in (DOTTED, REMOVED):
            collected.dotted = True
        collected.any = True
        if not self.scheduled:
            self.scheduled = True
            QTimer.singleShot(0, self._scene.flush)

    def _anchor_for(self, change: Change) -> tuple[str, QPointF] | None:
        """The role that should stay put on screen across the coming re-layout."""
        scene = self._scene
        chart, items = scene.chart, scene.role_items()
        assert chart is not None
        ids = change.role_ids
        candidates: list[str | None] = []
        if change.kind == COLLAPSED:  # the toggled box stays under the pointer
            candidates.append(ids[0])
        elif change.kind == REPARENTED and len(ids) >= 3:
            candidates.append(ids[2])
        elif change.kind == REMOVED and ids and ids[0] in items:
            candidates.append(items[ids[0]].role.reports_to)
        elif change.kind in (REORDERED,) or ids:
            role = chart.roles.get(ids[0]) if ids else None
            candidates.append(role.reports_to if role is not None else None)
        candidates.extend(scene.selected_role_ids()[:1])
        candidates.extend(ids[:1])
        for candidate in candidates:
            if candidate is not None and candidate in items:
                return candidate, items[candidate].pos()
        return None


__all__ = ["Collected", "PendingChanges"]
