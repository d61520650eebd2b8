"""Canvas gestures that edit the chart.

- Drag a box onto another box: it (and every selected box) reports to it.
  Onto the left or right edge of a box: placed beside it, as its sibling.
- Shift-drag from a box to a box (or any drag in dotted-line mode): a dotted line.
- Drop a role type from the palette: on empty canvas a new top-level role,
  on a box a new report of it, on a box's edge a new sibling beside it.

While dragging, the box under the cursor shows whether it accepts the drop
(green) or refuses it (red, forbidden cursor, the reason in the status bar);
a refused drop changes nothing. Each gesture is one undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Protocol

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, SignalInstance
from PySide6 import QtWidgets  # the graphics items' classes are made for the first drag, not with the canvas
from PySide6.QtGui import QColor, QMouseEvent, QPen
from PySide6.QtWidgets import QApplication, QWidget

from ..widgets import style
from ..widgets.role_type_drag import MIME_CATEGORY
from . import items as canvas_items
from .items.constants import ACCEPT, BOX_HEIGHT, BOX_WIDTH, REFUSE

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem, QGraphicsRectItem

    from ..editing.editor import Editor
    from .items.role_item import RoleItem
    from .scene import ChartScene

_EDGE = 0.2  # fraction of a box's width that means "beside it"


class Target(NamedTuple):
    """Where a drop would go: onto ``role_id`` or beside it, or onto empty canvas."""

    role_id: str | None
    manager_id: str | None
    index: int | None
    zone: str  # "on", "before", "after" or "empty"


class CanvasView(Protocol):
    """What the gestures use of the view they work on (:class:`~tdorg.ui.canvas.view.ChartView`)."""

    chart_scene: "ChartScene"
    current_id: str | None
    #: A short explanation of what a drop here would do.
    hint: SignalInstance

    def mapToScene(self, point: QPoint) -> QPointF: ...  # noqa: N802 - Qt's name

    def mapFromScene(self, point: QPointF) -> QPoint: ...  # noqa: N802 - Qt's name

    def viewport(self) -> QWidget: ...


class Gestures:
    """Mouse and drag-and-drop editing on a chart view."""

    def __init__(self, view: CanvasView, editor: "Editor | None") -> None:
        self.view = view
        self.editor = editor
        self.dotted_tool = False
        self.active_press = False
        self._item: RoleItem | None = None
        self._press = QPointF()
        self._dragging = False
        self._toggled = False
        self._mode = "move"
        self._ids: list[str] = []
        self._ghost: QGraphicsRectItem | None = None
        self._line: QGraphicsLineItem | None = None
        self._marker: QGraphicsRectItem | None = None

    @property
    def scene(self) -> "ChartScene":
        return self.view.chart_scene

    # --- targets ------------------------------------------------------------------

    def target_at(self, pos: QPointF) -> Target:
        """The drop target at scene point ``pos``."""
        chart = self.scene.chart
        role_id = self.scene.role_at(pos)
        if chart is None or role_id is None:
            return Target(None, None, None, "empty")
        item = self.scene.item(role_id)
        fraction = item.mapFromScene(pos).x() / BOX_WIDTH
        role = chart.role(role_id)
        if fraction < _EDGE or fraction > 1 - _EDGE:
            index = chart.index_among_siblings(role_id) + (0 if fraction < _EDGE else 1)
            return Target(role_id, role.reports_to, index, "before" if fraction < _EDGE else "after")
        return Target(role_id, role_id, None, "on")

    def move_verdict(self, ids: list[str], target: Target) -> tuple[str | None, str]:
        """(``ACCEPT``/``REFUSE``/None for no effect, reason) for dropping ``ids`` on ``target``."""
        if self.editor is None or target.zone == "empty" or target.role_id in ids:
            return None, ""
        chart = self.scene.chart
        if target.zone == "on" and all(chart.role(r).reports_to == target.role_id for r in ids):
            return None, ""
        problem = self.editor.move_problem(ids, target.manager_id)
        if problem:
            return REFUSE, problem
        return ACCEPT, ""

    # --- pressing and dragging boxes ----------------------------------------------

    def press(self, item: RoleItem, event: QMouseEvent) -> None:
        modifiers = event.modifiers()
        self._toggled = False
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            item.setSelected(not item.isSelected())
            self._toggled = True
        elif not item.isSelected():
            self.scene.select_roles([item.role_id])
        self.view.current_id = item.role_id
        self.active_press = True
        self._item = item
        self._press = self.view.mapToScene(event.position().toPoint())
        self._dragging = False
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        self._mode = "dotted" if (shift or self.dotted_tool) else "move"

    def move(self, event: QMouseEvent) -> None:
        pos = self.view.mapToScene(event.position().toPoint())
        if not self._dragging:
            distance = (self.view.mapFromScene(pos) - self.view.mapFromScene(self._press)).manhattanLength()
            if distance < QApplication.startDragDistance() or self._item is None:
                return
            self._start_drag()
        if self._mode == "dotted":
            self._update_dotted(pos)
        else:
            self._update_move(pos)

    def release(self, event: QMouseEvent) -> None:
        pos = self.view.mapToScene(event.position().toPoint())
        if self._dragging and self.editor is not None:
            if self._mode == "dotted":
                target = self.scene.role_at(pos)
                assert self._item is not None
                if target is not None:
                    problem = self.editor.dotted_problem(self._item.role_id, target)
                    if problem:
                        self.editor.refuse(problem)
                    else:
                        self.editor.add_dotted(self._item.role_id, target)
            else:
                self.drop_roles(self._ids, pos)
        elif not self._toggled and self._item is not None and not event.modifiers():
            self.scene.select_roles([self._item.role_id])
        self.cancel()

    def drop_roles(self, ids: list[str], pos: QPointF) -> bool:
        """Drop boxes ``ids`` at scene point ``pos``; True when the chart changed."""
        target = self.target_at(pos)
        verdict, reason = self.move_verdict(ids, target)
        if verdict == REFUSE:
            assert self.editor is not None
            self.editor.refuse(reason)
            return False
        if verdict is None or self.editor is None:
            return False
        moved = self.editor.move(ids, target.manager_id, target.index)
        if moved:
            self.scene.select_roles(ids)
        return moved

    def drawn_over(self) -> tuple[list[QGraphicsItem], list[RoleItem]]:
        """What a drag shows over the chart (its ghost box, line, or the marker between boxes), and the boxes
        it moves, shown faded."""
        shown = [item for item in (self._ghost, self._line, self._marker) if item is not None and item.isVisible()]
        moved = [self.scene.item(role_id) for role_id in self._ids] if self._mode == "move" and self._dragging else []
        return shown, [item for item in moved if item is not None]

    def cancel(self) -> None:
        """End the current gesture without changing anything."""
        for item in (self._ghost, self._line, self._marker):
            if item is not None and item.scene() is not None:
                self.scene.removeItem(item)
        self._ghost = self._line = self._marker = None
        for role_id in self._ids:
            item = self.scene.item(role_id)
            if item is not None:
                item.setOpacity(1.0)
        self.scene.drop_feedback(None, None)
        self.view.viewport().unsetCursor()
        self.view.hint.emit("")
        self.active_press = False
        self._dragging = False
        self._item = None
        self._ids = []

    def _start_drag(self) -> None:
        assert self._item is not None
        self._dragging = True
        if self._mode == "dotted":
            self._ids = [self._item.role_id]
            self._line = QtWidgets.QGraphicsLineItem()
            pen = QPen(QColor(style.DOTTED_LINE), 2.0, Qt.PenStyle.DashLine)
            self._line.setPen(pen)
            self._line.setZValue(10)
            self.scene.addItem(self._line)
            return
        selected = self.scene.selected_role_ids() or [self._item.role_id]
        self._ids = self.editor.top_moved(selected) if self.editor is not None else selected
        for role_id in self._ids:
            self.scene.item(role_id).setOpacity(0.45)
        ghost = QtWidgets.QGraphicsRectItem(QRectF(0, 0, BOX_WIDTH, BOX_HEIGHT))
        ghost.setPen(QPen(QColor(style.SELECTION), 1.5, Qt.PenStyle.DashLine))
        ghost.setBrush(QColor(255, 255, 255, 210))
        ghost.setZValue(10)
        label = self._item.role.title if len(self._ids) == 1 else f"{len(self._ids)} roles"
        text = QtWidgets.QGraphicsSimpleTextItem(label, ghost)
        text.setFont(canvas_items.RoleItem.fonts()[0])
        text.setPos(12, BOX_HEIGHT / 2 - text.boundingRect().height() / 2)
        self._ghost = ghost
        self.scene.addItem(ghost)

    def _update_move(self, pos: QPointF) -> None:
        if self._ghost is not None:
            self._ghost.setPos(pos - QPointF(BOX_WIDTH / 2, BOX_HEIGHT / 2))
        target = self.target_at(pos)
        verdict, reason = self.move_verdict(self._ids, target)
        self._show(target, verdict, reason, Qt.CursorShape.DragMoveCursor)

    def _update_dotted(self, pos: QPointF) -> None:
        assert self._item is not None and self._line is not None and self.editor is not None
        start = self._item.pos() + QPointF(BOX_WIDTH / 2, BOX_HEIGHT / 2)
        self._line.setLine(start.x(), start.y(), pos.x(), pos.y())
        target = self.scene.role_at(pos)
        verdict, reason = None, ""
        if target is not None and target != self._item.role_id:
            reason = self.editor.dotted_problem(self._item.role_id, target) or ""
            verdict = REFUSE if reason else ACCEPT
        self.scene.drop_feedback(target, verdict)
        self._cursor(verdict, Qt.CursorShape.DragLinkCursor)
        self.view.hint.emit(reason)

    # --- feedback -------------------------------------------------------------------

    def _show(self, target: Target, verdict: str | None, reason: str, cursor: Qt.CursorShape) -> None:
        if target.zone == "on":
            self.scene.drop_feedback(target.role_id, verdict)
            self._set_marker(None, None)
        else:
            self.scene.drop_feedback(None, None)
            self._set_marker(target if verdict else None, verdict)
        self._cursor(verdict, cursor)
        self.view.hint.emit(reason)

    def _cursor(self, verdict: str | None, cursor: Qt.CursorShape) -> None:
        if verdict == REFUSE:
            self.view.viewport().setCursor(Qt.CursorShape.ForbiddenCursor)
        else:
            self.view.viewport().setCursor(cursor)

    def _set_marker(self, target: Target | None, verdict: str | None) -> None:
        if target is None or target.role_id is None:
            if self._marker is not None:
                self._marker.hide()
            return
        if self._marker is None:
            self._marker = QtWidgets.QGraphicsRectItem(QRectF(0, 0, 5, BOX_HEIGHT + 12))
            self._marker.setPen(Qt.PenStyle.NoPen)
            self._marker.setZValue(9)
            self.scene.addItem(self._marker)
        colour = QColor(style.ACCEPT if verdict == ACCEPT else style.REFUSE)
        self._marker.setBrush(colour)
        item = self.scene.item(target.role_id)
        x = item.pos().x() + (-10 if target.zone == "before" else BOX_WIDTH + 5)
        self._marker.setPos(x, item.pos().y() - 6)
        self._marker.show()

    # --- palette drops ----------------------------------------------------------------

    def drag_enter(self, event) -> None:  # noqa: ANN001 - QDragEnterEvent
        if event.mimeData().hasFormat(MIME_CATEGORY) and self.scene.chart is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def drag_move(self, event) -> None:  # noqa: ANN001 - QDragMoveEvent
        if not event.mimeData().hasFormat(MIME_CATEGORY):
            event.ignore()
            return
        target = self.target_at(self.view.mapToScene(event.position().toPoint()))
        verdict = None if target.zone == "empty" else ACCEPT
        self._show(target, verdict, "", Qt.CursorShape.DragCopyCursor)
        event.acceptProposedAction()

    def drag_leave(self) -> None:
        self.scene.drop_feedback(None, None)
        self._set_marker(None, None)
        self.view.hint.emit("")

    def drop(self, event) -> None:  # noqa: ANN001 - QDropEvent
        mime = event.mimeData()
        if not mime.hasFormat(MIME_CATEGORY):
            event.ignore()
            return
        category = bytes(mime.data(MIME_CATEGORY).data()).decode("utf-8", "replace")
        self.drag_leave()
        self.drop_category(category, self.view.mapToScene(event.position().toPoint()))
        event.acceptProposedAction()
        # the keys (Delete, F2, the arrows…) go to the box just added and selected, not to the palette dragged from
        self.view.setFocus(Qt.FocusReason.MouseFocusReason)

    def drop_category(self, category: str, pos: QPointF) -> str | None:
        """Add a role of ``category`` where a palette drop at ``pos`` puts it; returns its id."""
        if self.editor is None:
            return None
        target = self.target_at(pos)
        if target.zone == "empty":
            return self.editor.add_role(category, None)
        return self.editor.add_role(category, target.manager_id, target.index)
