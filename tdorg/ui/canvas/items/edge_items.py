"""Lines between boxes: a manager's orthogonal connectors, and dotted lines."""

from __future__ import annotations

import math
from typing import Iterable

from PySide6 import QtWidgets
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from tdorg.model.layout import Layout

from ...widgets import style
from .appearance import Appearance


class ManagerLines(QGraphicsPathItem):
    """All solid reporting lines from one manager to its reports, as one path."""

    def __init__(self, manager_id: str) -> None:
        super().__init__()
        self.manager_id = manager_id
        pen = QPen(QColor(style.MANAGER_LINE), 1.6)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        pen.setCapStyle(Qt.PenCapStyle.SquareCap)  # lines meet at square corners
        self.setPen(pen)
        self.setZValue(0.0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def restyle(self) -> None:
        """The line colour of the scheme now in use."""
        pen = self.pen()
        pen.setColor(QColor(style.MANAGER_LINE))
        self.setPen(pen)

    def route(self, layout: Layout, reports: tuple[str, ...]) -> None:
        self.setPath(reporting_lines(layout, self.manager_id, reports))


def reporting_lines(layout: Layout, manager_id: str, reports: Iterable[str]) -> QPainterPath:
    """The lines from ``manager_id`` to ``reports`` as the layout routes them, each stretch drawn once: the
    routes share the manager's drop and its bus, so overlapping stretches are joined into one line (a
    manager of 800 reports draws 802 lines, not 2,400 with 800 buses on top of each other)."""
    along: dict[tuple[bool, float], list[tuple[float, float]]] = {}  # (horizontal?, y or x): spans
    row, hung = _row(layout, manager_id), False
    for report in reports:
        if row is not None and report not in layout.assistants and _hang(row, layout.positions[report], along):
            hung = True
            continue
        points = layout.route(manager_id, report)
        for (x1, y1), (x2, y2) in zip(points, points[1:]):
            if y1 == y2:
                along.setdefault((True, y1), []).append((min(x1, x2), max(x1, x2)))
            else:  # the routes are orthogonal
                along.setdefault((False, x1), []).append((min(y1, y2), max(y1, y2)))
    if hung:  # the drop from the manager to its bus, which every report hung from the row shares: once is enough
        drop_x, drop_top, bus, _ = row  # type: ignore[misc]
        along.setdefault((False, drop_x), []).append((min(drop_top, bus), max(drop_top, bus)))
    path = QPainterPath()
    for (horizontal, at), spans in sorted(along.items()):
        spans.sort()
        start, end = spans[0]
        for low, high in [*spans[1:], (math.inf, math.inf)]:
            if low <= end:  # overlaps or touches the stretch so far
                end = max(end, high)
                continue
            first, last = ((start, at), (end, at)) if horizontal else ((at, start), (at, end))
            path.moveTo(*first)
            path.lineTo(*last)
            start, end = low, high
    return path


def _row(layout: Layout, manager_id: str) -> tuple[float, float, float, float] | None:
    """For a manager whose reports hang in a row from its bus: the x of its drop, where the drop starts, the
    bus's y and half a box's width (None for stacked reports, or none but assistants)."""
    bus = layout.buses.get(manager_id)
    if bus is None or manager_id in layout.stacked:
        return None
    x, y = layout.positions[manager_id]
    half = layout.box_width / 2
    return x + half, y + layout.box_height, bus, half


def _hang(row: tuple[float, float, float, float], at: tuple[float, float],
          along: dict[tuple[bool, float], list[tuple[float, float]]]) -> bool:
    """Add the stretches of :meth:`.Layout.route` from a row's manager to the report whose box is ``at`` but the
    manager's drop, as they come out of it, without making the route; False (nothing added) when a stretch
    of it would vanish."""
    drop_x, drop_top, bus, half = row
    end_x, top = at[0] + half, at[1]
    if abs(bus - drop_top) <= 1e-9 or abs(top - bus) <= 1e-9:
        return False
    if abs(end_x - drop_x) > 1e-9:
        along.setdefault((True, bus), []).append((min(drop_x, end_x), max(drop_x, end_x)))
        along.setdefault((False, end_x), []).append((min(bus, top), max(bus, top)))
    else:  # straight down from the drop
        along.setdefault((False, drop_x), []).append((min(bus, top), max(bus, top)))
    return True


class DottedLine(QGraphicsPathItem):
    """A dotted (secondary) reporting line from ``source`` to ``target``; selectable."""

    def __init__(self, source: str, target: str) -> None:
        super().__init__()
        self.source = source
        self.target = target
        self.setZValue(0.5)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setAcceptHoverEvents(True)
        #: The pointer is over the line: it is drawn wider.
        self.hovered = False
        self._arrow = QPainterPath()
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_ends(self, source_rect: QRectF, target_rect: QRectF, tooltip: str) -> None:
        start, end, start_dir, end_dir = _anchors(source_rect, target_rect)
        reach = max(40.0, min(160.0, math.dist((start.x(), start.y()), (end.x(), end.y())) / 3))
        path = QPainterPath(start)
        path.cubicTo(start + start_dir * reach, end + end_dir * reach, end)
        self.setPath(path)
        self._arrow = _arrow_head(end, end_dir)
        self.setToolTip(tooltip)

    def boundingRect(self) -> QRectF:
        return super().boundingRect().united(self._arrow.boundingRect()).adjusted(-6, -6, 6, 6)

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(12.0)
        return stroker.createStroke(self.path())

    def hoverEnterEvent(self, event) -> None:  # noqa: ANN001 - Qt signature
        self.hovered = True
        Appearance.changed(self)

    def hoverLeaveEvent(self, event) -> None:  # noqa: ANN001
        self.hovered = False
        Appearance.changed(self)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        selected = bool(option.state & QtWidgets.QStyle.StateFlag.State_Selected)  # QStyle made on first use
        colour = QColor(style.SELECTION if selected else style.DOTTED_LINE)
        width = 2.6 if (selected or self.hovered) else 1.6
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(colour, width, Qt.PenStyle.DashLine)
        pen.setDashPattern([4.0, 3.0])
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())
        painter.setPen(QPen(colour, 1.2))
        painter.setBrush(colour)
        painter.drawPath(self._arrow)


def _anchors(a: QRectF, b: QRectF) -> tuple[QPointF, QPointF, QPointF, QPointF]:
    """Where a line between two boxes leaves ``a`` and enters ``b``, with directions."""
    up, down, left, right = QPointF(0, -1), QPointF(0, 1), QPointF(-1, 0), QPointF(1, 0)
    # Off-centre, so a dotted line never runs along the solid lines at the box's centre.
    ax, bx = a.left() + a.width() * 0.72, b.left() + b.width() * 0.72
    if b.bottom() < a.top():
        return QPointF(ax, a.top()), QPointF(bx, b.bottom()), up, down
    if b.top() > a.bottom():
        return QPointF(ax, a.bottom()), QPointF(bx, b.top()), down, up
    if b.left() >= a.right():
        return QPointF(a.right(), a.center().y()), QPointF(b.left(), b.center().y()), right, left
    return QPointF(a.left(), a.center().y()), QPointF(b.right(), b.center().y()), left, right


def _arrow_head(tip: QPointF, outward: QPointF, size: float = 8.0) -> QPainterPath:
    """A small filled triangle at ``tip`` pointing against ``outward``."""
    back = tip + outward * size
    side = QPointF(-outward.y(), outward.x()) * (size * 0.55)
    path = QPainterPath(tip)
    path.lineTo(back + side)
    path.lineTo(back - side)
    path.closeSubpath()
    return path
