"""The canvas view: zoom, pan, selection and the keyboard.

Gestures that edit the chart (dragging boxes, drawing dotted lines, palette
drops) live in :mod:`tdorg.ui.canvas.gestures`; this class hands mouse events to
it and keeps the view steady across re-layouts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from ..widgets import style
from .canvas_description import CanvasDescription
from .gestures import Gestures
from .overview import ChartOverview
from .scene import ChartScene

if TYPE_CHECKING:
    from ..editing.editor import Editor
    from .items.role_item import RoleItem

MIN_SCALE = 0.002
MAX_SCALE = 4.0


class ChartView(QGraphicsView):
    """Shows a :class:`ChartScene`; wheel zooms, middle-drag or Space-drag pans."""

    zoomChanged = Signal(float)
    #: The user asked to edit a role's fields (double click, Enter or F2).
    editRequested = Signal(str)
    #: A short explanation of what a drop here would do (or why it is refused).
    hint = Signal(str)
    #: The menu key or Shift+F10: the menu of the selected box (:meth:`keyboard_item`), else of the canvas.
    menuKeyPressed = Signal()

    def __init__(self, scene: ChartScene, editor: Editor | None, parent=None) -> None:  # noqa: ANN001
        """``editor`` makes the drags and drops edits; without one the canvas is read-only."""
        super().__init__(scene, parent)
        # The viewport is the default one, made here: a viewport Qt made would be given to Python the first time
        # it is asked for, and finding its class makes the Python classes of every kind of widget (about 5 ms).
        viewport = QWidget()
        viewport.setObjectName("qt_scrollarea_viewport")
        viewport.setBackgroundRole(QPalette.ColorRole.Base)
        self.setViewport(viewport)
        self.chart_scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.gestures = Gestures(self, editor)
        self.current_id: str | None = None
        self._pan_from: QPoint | None = None
        self._space = False
        scene.relayouted.connect(self._keep_anchor)
        scene.rolesAdded.connect(self._follow)
        scene.sceneRectChanged.connect(self._refit)
        #: The user's zoom is Fit to Window: the view fits again when the chart outgrows it.
        self.fitted = False
        #: The roles an edit has just added, brought into view by :meth:`_follow` (until the event loop runs).
        self._followed: frozenset[str] = frozenset()
        scene.aboutToReset.connect(self.gestures.cancel)
        scene.selectionChanged.connect(self._selection_changed)
        self.description = CanvasDescription(self)
        self.overview = ChartOverview(scene)

    # --- zoom ---------------------------------------------------------------------

    def scale_factor(self) -> float:
        return self.transform().m11()

    def set_scale(self, scale: float) -> None:
        self.fitted = False  # a zoom of the user's own, until fit() says otherwise
        scale = max(MIN_SCALE, min(MAX_SCALE, scale))
        current = self.scale_factor()
        if abs(scale - current) > 1e-9:
            self.scale(scale / current, scale / current)
            self.zoomChanged.emit(scale)

    def zoom_by(self, factor: float) -> None:
        self.set_scale(self.scale_factor() * factor)

    def zoom_in(self) -> None:
        self.zoom_by(1.25)

    def zoom_out(self) -> None:
        self.zoom_by(0.8)

    def zoom_at(self, factor: float, pos: QPoint) -> None:
        """Zoom keeping the scene point under viewport point ``pos`` where it is."""
        before = self.mapToScene(pos)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.zoom_by(factor)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        shift = self.mapToScene(pos) - before
        self.centerOn(self.mapToScene(self.viewport().rect().center()) - shift)

    def actual_size(self) -> None:
        centre = self.mapToScene(self.viewport().rect().center())
        self.set_scale(1.0)
        self.centerOn(centre)

    def fit(self) -> None:
        """Fit the whole chart in the window (never larger than 100%)."""
        layout = self.chart_scene.layout
        if not layout.positions:
            self.set_scale(1.0)
            self.centerOn(0, 0)
        else:
            self.fit_rect(self.sceneRect())
        self.fitted = True

    def fit_rect(self, rect: QRectF, limit: float = 1.0) -> None:
        viewport = self.viewport().rect()
        if rect.isEmpty() or viewport.isEmpty():
            return
        scale = min(viewport.width() / rect.width(), viewport.height() / rect.height(), limit)
        self.set_scale(scale)
        self.centerOn(rect.center())

    def reveal(self, role_ids: list[str] | tuple[str, ...]) -> None:
        """Centre the given roles, zooming out only if they do not fit; roles just added and followed into
        view (:meth:`_follow`) stay where they are."""
        rect = self.chart_scene.bounding_rect_of(role_ids)
        if rect.isEmpty() or (self._followed.issuperset(role_ids) and self._in_view(rect)):
            return
        rect = rect.adjusted(-40, -40, 40, 40)
        viewport = self.viewport().rect()
        scale = self.scale_factor()
        if rect.width() * scale > viewport.width() or rect.height() * scale > viewport.height():
            self.fit_rect(rect, limit=self.scale_factor())
        else:
            if scale < 0.45:  # too small to read: zoom in on them
                self.fit_rect(rect, limit=1.0)
            else:
                self.centerOn(rect.center())

    def wheelEvent(self, event: QWheelEvent) -> None:
        modifiers = event.modifiers()
        if modifiers & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier):
            super().wheelEvent(event)  # scroll
            return
        delta = event.angleDelta().y() or event.angleDelta().x()
        if delta:
            self.zoom_at(1.0015 ** delta, event.position().toPoint())
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Zoomed out past boxes too small for text, the chart is one picture (``overview.py``), not an item each;
        a drag's ghost and markers are drawn over it, the boxes it moves faded."""
        if not self.overview.shown_at(self.scale_factor()):
            super().paintEvent(event)
            return
        # Qt's style option classes are made for the first picture, not with an empty window.
        from PySide6.QtWidgets import QRubberBand, QStyle, QStyleOptionGraphicsItem, QStyleOptionRubberBand

        viewport = self.viewport()
        painter = QPainter(viewport)
        transform = self.viewportTransform()
        painter.drawImage(0, 0, self.overview.picture(viewport.size(), viewport.devicePixelRatioF(), transform))
        shown, moved = self.gestures.drawn_over()
        painter.setTransform(transform)
        background = self.chart_scene.backgroundBrush().color()
        for item in moved:  # the box under a veil of the canvas: as the box drawn at its opacity
            background.setAlphaF(1 - item.opacity())
            painter.fillRect(item.box_rect().translated(item.pos()), background)
        option = QStyleOptionGraphicsItem()
        for item in shown:
            for part in (item, *item.childItems()):
                painter.setTransform(part.sceneTransform() * transform)
                part.paint(painter, option, viewport)
        painter.resetTransform()
        band = self.rubberBandRect()
        if not band.isEmpty():
            option = QStyleOptionRubberBand()
            option.initFrom(viewport)
            option.rect = band
            option.shape = QRubberBand.Shape.Rectangle
            self.style().drawControl(QStyle.ControlElement.CE_RubberBand, option, painter, viewport)
        painter.end()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        """On an empty chart, say how to begin."""
        chart = self.chart_scene.chart
        if chart is not None and len(chart) == 0:
            painter.save()
            painter.resetTransform()
            font = painter.font()
            font.setPointSizeF(13)
            painter.setFont(font)
            painter.setPen(QColor(style.TEXT_MUTED))
            painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter,
                             "Drag a role type from the palette onto the canvas to start your chart.\n"
                             "Begin with the superintendent, then the technology leader.")
            painter.restore()

    # --- keeping the view steady ------------------------------------------------

    def _keep_anchor(self, dx: float, dy: float) -> None:
        if abs(dx) < 0.5 and abs(dy) < 0.5:
            return
        centre = self.mapToScene(self.viewport().rect().center())
        self.centerOn(centre + QPointF(dx, dy))

    def _follow(self, role_ids: list[str]) -> None:
        """Scroll just enough to show the boxes an edit added (not at all when they are in view already);
        added boxes too many to show at once show their topmost."""
        self._followed = frozenset(role_ids)
        QTimer.singleShot(0, self._forget_followed)
        scene = self.chart_scene
        rect = scene.bounding_rect_of(role_ids)
        if rect.isEmpty():
            return  # hidden under a collapsed manager
        viewport = self.viewport().rect()
        scale = self.scale_factor()
        if rect.width() * scale > viewport.width() - 80 or rect.height() * scale > viewport.height() - 80:
            shown = [item for item in map(scene.item, role_ids) if item is not None and item.isVisible()]
            rect = min(shown, key=lambda item: (item.y(), item.x())).sceneBoundingRect()
        self.ensureVisible(rect, 40, 40)

    def _forget_followed(self) -> None:
        self._followed = frozenset()

    def _refit(self, rect: QRectF) -> None:
        """A fitted view fits again when the chart has outgrown the window."""
        viewport = self.viewport().rect()
        scale = self.scale_factor()
        if self.fitted and (rect.width() * scale > viewport.width() + 0.5
                            or rect.height() * scale > viewport.height() + 0.5):
            self.fit()

    def _in_view(self, rect: QRectF) -> bool:
        return self.mapToScene(self.viewport().rect()).boundingRect().contains(rect)

    def _selection_changed(self) -> None:
        selected = self.chart_scene.selected_role_ids()
        if selected and self.current_id not in selected:
            self.current_id = selected[-1]
        elif not selected:
            self.current_id = None

    # --- mouse --------------------------------------------------------------------

    def role_item_at(self, pos: QPoint) -> RoleItem | None:
        role_id = self.chart_scene.role_at(self.mapToScene(pos))
        return self.chart_scene.item(role_id) if role_id else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton or (event.button() == Qt.MouseButton.LeftButton and self._space):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            item = self.role_item_at(event.position().toPoint())
            if item is not None:
                self.setFocus()
                self.gestures.press(item, event)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position().toPoint() - self._pan_from
            self._pan_from = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        if self.gestures.active_press:
            self.gestures.move(event)
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        if self.gestures.active_press:
            self.gestures.release(event)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self.role_item_at(event.position().toPoint())
        if item is not None:
            self.editRequested.emit(item.role_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    # --- drops from the palette -----------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: ANN001 - QDragEnterEvent
        self.gestures.drag_enter(event)

    def dragMoveEvent(self, event) -> None:  # noqa: ANN001
        self.gestures.drag_move(event)

    def dragLeaveEvent(self, event) -> None:  # noqa: ANN001
        self.gestures.drag_leave()

    def dropEvent(self, event) -> None:  # noqa: ANN001
        self.gestures.drop(event)

    # --- keyboard -------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """A context menu asked for from the keyboard belongs to the selection, not to a point on the canvas."""
        if event.type() == QEvent.Type.ContextMenu and event.reason() == QContextMenuEvent.Reason.Keyboard:
            self.menuKeyPressed.emit()
            return True
        return super().event(event)

    def keyboard_item(self) -> RoleItem | None:
        """The box a menu opened from the keyboard is for: the current one of the selection, if any."""
        selected = self.chart_scene.selected_role_ids()
        if not selected:
            return None
        return self.chart_scene.item(self.current_id if self.current_id in selected else selected[-1])

    def menu_point(self, item: RoleItem | None) -> QPoint:
        """Where, in the viewport, a menu opened from the keyboard appears: on ``item`` (scrolled into view),
        else at the centre."""
        if item is None:
            return self.viewport().rect().center()
        rect = item.sceneBoundingRect()
        self.ensureVisible(rect, 40, 40)
        return self.mapFromScene(rect.center())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        if key == Qt.Key.Key_Menu or (key == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier):
            self.menuKeyPressed.emit()
            return
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if key == Qt.Key.Key_Escape:
            if self.gestures.active_press:
                self.gestures.cancel()
            else:
                self.chart_scene.clearSelection()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and self.current_id:
            self.editRequested.emit(self.current_id)
            return
        arrows = {Qt.Key.Key_Up: "up", Qt.Key.Key_Down: "down", Qt.Key.Key_Left: "left", Qt.Key.Key_Right: "right"}
        if key in arrows and not modifiers & Qt.KeyboardModifier.ControlModifier:
            self.navigate(arrows[key])
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    def navigate(self, direction: str) -> None:
        """Move the selection to the manager, first report, or a sibling."""
        chart = self.chart_scene.chart
        if chart is None or len(chart) == 0:
            return
        current = self.current_id if self.current_id in chart else None
        if current is None:
            target: str | None = chart.roots()[0]
        else:
            role = chart.role(current)
            siblings = chart.children(role.reports_to)
            index = siblings.index(current)
            if direction == "up":
                target = role.reports_to
            elif direction == "down":  # a collapsed manager's reports are hidden: there is no box to go to
                reports = () if chart.is_collapsed(current) else chart.children(current)
                target = reports[0] if reports else None
            elif direction == "left":
                target = siblings[index - 1] if index > 0 else None
            else:
                target = siblings[index + 1] if index + 1 < len(siblings) else None
        if target is None:
            return
        self.chart_scene.select_roles([target])
        self.current_id = target
        item = self.chart_scene.item(target)
        if item is not None:
            self.ensureVisible(item.sceneBoundingRect(), 60, 60)
