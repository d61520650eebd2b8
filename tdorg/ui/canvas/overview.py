"""The chart zoomed out until its boxes are too small for text: one picture, not an item each.

Below :data:`~.items.constants.COARSE` the view paints this picture instead of
its items (asking Qt for the boxes in view, each painting itself into its own
cached picture at every zoom step, costs more than a frame at 20,000 roles):
every shown box a plain rectangle in its category's colour (a compare mark's
or a drop's verdict, if it has one), the reporting lines one pixel wide, the
dotted lines one-pixel dashes (two when selected or under the pointer).
Boxes of 5 px and more (from :data:`~.items.constants.TINY`) also show a
vacancy hollow, a dot for their findings, the collapse toggles and the
selection as a frame ringed in the box fill; smaller ones are filled with the
selection colour or the drop's, ringed in the box fill.

The rectangles and lines are collected from the layout on the first paint
after the chart changed, filed in cells of :data:`CELL` scene units so that
a paint draws only those in view. The picture is drawn again when the view
moves or zooms, the selection, the drop target, the colour scheme or a box's
look changes (:class:`~.items.appearance.Appearance`), and is reused for every
other repaint.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Iterable

from PySide6 import QtCore, QtGui  # the picture's classes are made when it is first drawn, not with the canvas
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from tdorg.model.rules.base import Severity

from ..widgets import style
from ..widgets.colour_scheme import look
from . import items as canvas_items
from .items.appearance import Appearance
from .items.constants import ACCEPT, COARSE, SIZE, TINY, ZOOMED_OUT

if TYPE_CHECKING:
    from PySide6.QtCore import QLineF, QSize
    from PySide6.QtGui import QImage, QPainterPath, QTransform

    from .items.role_item import RoleItem
    from .scene import ChartScene

#: The side of the square cells the boxes and lines are filed in (ten boxes across).
CELL = 2000.0


class _Drawn:
    """What lies in one cell (or in the whole chart). A plain class: a dataclass compiles its methods at import."""

    def __init__(self) -> None:
        self.groups: dict[tuple[str, str | None], list[QRectF]] = {}  # by category and mark
        self.boxes: list[tuple[QRectF, RoleItem]] = []
        self.lines: QPainterPath = QtGui.QPainterPath()
        self.toggles: list[tuple[QRectF, bool]] = []  # where, and whether collapsed

    def add(self, other: _Drawn) -> None:
        for key, rects in other.groups.items():
            self.groups.setdefault(key, []).extend(rects)
        self.boxes.extend(other.boxes)
        self.lines.addPath(other.lines)
        self.toggles.extend(other.toggles)


class ChartOverview:
    """The picture of ``scene`` a view shows when zoomed out past :data:`COARSE`."""

    def __init__(self, scene: ChartScene) -> None:
        self.scene = scene
        self._whole: _Drawn | None = None
        self._cells: dict[tuple[int, int], _Drawn] = {}
        self._margin = 0.0  # how far a box's toggle reaches out of the cell of the box's corner
        self._picture: tuple[object, QImage] | None = None  # what it was drawn for, and the picture
        for signal in (scene.rolesChanged, scene.redrawn, scene.sceneRectChanged, scene.aboutToReset):
            signal.connect(self.invalidate)
        scene.selectionChanged.connect(self._forget_picture)

    def invalidate(self, *_args: object) -> None:
        """The chart's boxes or lines changed: collect them again before the next paint."""
        self._whole = None
        self._picture = None

    def _forget_picture(self) -> None:
        self._picture = None

    def shown_at(self, scale: float) -> bool:
        """Whether a view at ``scale`` shows this picture instead of its items."""
        return scale < COARSE and self.scene.chart is not None and len(self.scene.chart) > 0

    def picture(self, size: QSize, ratio: float, transform: QTransform) -> QImage:
        """The viewport's picture: ``size`` logical pixels at device pixel ratio ``ratio``, the scene mapped by
        ``transform``."""
        key = (size, ratio, transform, look(), self.scene.drop_target(), Appearance.changes)
        if self._picture is not None and self._picture[0] == key:
            return self._picture[1]
        if self._whole is None:
            self._collect()
        image = QtGui.QImage(size * ratio, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(self.scene.backgroundBrush().color())
        painter = QPainter(image)
        painter.setTransform(transform)
        area, _ = transform.inverted()
        self._paint(painter, area.mapRect(QRectF(0, 0, size.width(), size.height())))
        painter.end()
        self._picture = (key, image)
        return image

    # --- painting -------------------------------------------------------------------

    def _paint(self, painter: QPainter, area: QRectF) -> None:
        drawn = self._in(area)
        scale = painter.transform().m11()
        pixel = 1 / scale  # one device pixel, in scene units
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_pixel_pen(QColor(style.MANAGER_LINE)))
        painter.drawPath(drawn.lines)
        self._paint_dotted(painter)
        detailed = scale >= TINY
        filled = self.scene.layout.box_height * scale >= 2  # else a pixel's outline is the box
        for (category, mark), rects in drawn.groups.items():
            colour = QColor(style.MARK_COLOURS[mark][0]) if mark else style.category_colour(category)
            painter.setPen(Qt.PenStyle.NoPen if filled else _pixel_pen(colour))
            painter.setBrush(colour if filled else Qt.BrushStyle.NoBrush)
            painter.drawRects(rects)
        target = self.scene.drop_target()
        target_item = self.scene.role_items()[target[0]] if target is not None else None
        selected = [item for item in self.scene.selectedItems() if isinstance(item, canvas_items.RoleItem)]
        if detailed:
            singled = {*selected, target_item}
            plain = [(rect, item) for rect, item in drawn.boxes if item not in singled]
            _paint_hollows_and_dots(painter, plain, pixel)
            _paint_toggles(painter, drawn.toggles)
            for item in singled - {None}:
                rect = item.box_rect().translated(item.pos())
                if rect.intersects(area):
                    _paint_box(painter, rect, item, item in selected, pixel)
            return
        self._paint_ringed(painter, selected, QColor(style.SELECTION))
        if target is not None:  # a drag's drop target, green or red
            self._paint_ringed(painter, [target_item], QColor(style.ACCEPT if target[1] == ACCEPT else style.REFUSE))

    def _paint_dotted(self, painter: QPainter) -> None:
        """The dotted lines, one pixel wide (two when selected or under the pointer), without arrow heads."""
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for line in self.scene.dotted_items().values():
            selected = line.isSelected()
            pen = _pixel_pen(QColor(style.SELECTION if selected else style.DOTTED_LINE),
                             2 if selected or line.hovered else 0)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawPath(line.path())

    def _paint_ringed(self, painter: QPainter, items: list[RoleItem], colour: QColor) -> None:
        """``items`` in ``colour``, ringed in the box fill to stand out on boxes of any colour."""
        if not items:
            return
        rects = [item.box_rect().translated(item.pos()) for item in items]
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_pixel_pen(QColor(style.BOX_FILL), 7))
        painter.drawRects(rects)
        painter.setPen(_pixel_pen(colour, 3))
        painter.setBrush(colour)
        painter.drawRects(rects)

    # --- what is where ------------------------------------------------------------------

    def _in(self, area: QRectF) -> _Drawn:
        """The boxes, lines and toggles that may show in ``area``."""
        assert self._whole is not None
        area = area.adjusted(-self._margin, -self._margin, 0, 0)  # a box filed by its top left corner
        left, top = math.floor(area.left() / CELL), math.floor(area.top() / CELL)
        right, bottom = math.floor(area.right() / CELL), math.floor(area.bottom() / CELL)
        if (right - left + 1) * (bottom - top + 1) >= len(self._cells):
            inside = [cell for (x, y), cell in self._cells.items() if left <= x <= right and top <= y <= bottom]
            if len(inside) > len(self._cells) / 4:
                return self._whole  # much of the chart is in view: cheaper drawn whole, the rest clipped
        else:
            inside = [cell for x in range(left, right + 1) for y in range(top, bottom + 1)
                      if (cell := self._cells.get((x, y))) is not None]
        drawn = _Drawn()
        for cell in inside:
            drawn.add(cell)
        return drawn

    def _collect(self) -> None:
        scene = self.scene
        layout, items = scene.layout, scene.role_items()
        whole, cells = _Drawn(), {}
        reports: dict[str, list[str]] = {}
        width, height = layout.box_width, layout.box_height
        margin = 0.0
        for role_id, (x, y) in layout.positions.items():
            item = items.get(role_id)
            if item is None:
                continue
            cell = _cell(cells, x, y)
            rect = QRectF(x, y, width, height)
            mark = style.mark_kind(item.mark) if item.mark else None
            for drawn in (whole, cell):
                drawn.groups.setdefault((item.role.category, mark), []).append(rect)
                drawn.boxes.append((rect, item))
            toggle = scene.toggle(role_id)
            if toggle is not None and toggle.isVisible():
                shown = toggle.drawn_rect(ZOOMED_OUT).translated(x, y)
                margin = max(margin, shown.bottom() - y)
                whole.toggles.append((shown, toggle.collapsed))
                cell.toggles.append((shown, toggle.collapsed))
            manager = item.role.reports_to
            if manager is not None and manager in layout.positions:
                reports.setdefault(manager, []).append(role_id)
        for manager, shown_reports in reports.items():
            path = canvas_items.reporting_lines(layout, manager, shown_reports)
            for n in range(0, path.elementCount(), 2):  # each stretch is a move and a line
                start, end = path.elementAt(n), path.elementAt(n + 1)
                line = QtCore.QLineF(start.x, start.y, end.x, end.y)
                for drawn in (whole, *_cells_along(cells, line)):
                    drawn.lines.moveTo(line.p1())
                    drawn.lines.lineTo(line.p2())
        self._whole, self._cells, self._margin = whole, cells, max(margin, width, height)


def _cell(cells: dict[tuple[int, int], _Drawn], x: float, y: float) -> _Drawn:
    key = (math.floor(x / CELL), math.floor(y / CELL))
    cell = cells.get(key)
    if cell is None:
        cell = cells[key] = _Drawn()
    return cell


def _cells_along(cells: dict[tuple[int, int], _Drawn], line: QLineF) -> Iterable[_Drawn]:
    """The cells a straight (horizontal or vertical) line runs through."""
    left, right = sorted((math.floor(line.x1() / CELL), math.floor(line.x2() / CELL)))
    top, bottom = sorted((math.floor(line.y1() / CELL), math.floor(line.y2() / CELL)))
    return [_cell(cells, x * CELL, y * CELL) for x in range(left, right + 1) for y in range(top, bottom + 1)]


def _paint_hollows_and_dots(painter: QPainter, boxes: list[tuple[QRectF, RoleItem]], pixel: float) -> None:
    """A vacancy's box hollow, a dot at the top right corner of a box with findings."""
    hollows = [rect.adjusted(2 * pixel, 2 * pixel, -2 * pixel, -2 * pixel) for rect, item in boxes if item.role.vacant]
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(style.VACANT_FILL))
    painter.drawRects([hollow for hollow in hollows if hollow.height() > 0])
    for rect, item in boxes:
        if item.severity is not None:
            _paint_dot(painter, rect, item.severity, pixel)


def _paint_dot(painter: QPainter, rect: QRectF, severity: Severity, pixel: float) -> None:
    radius = min(4 * pixel, rect.height() / 3)
    painter.setPen(QPen(QColor(style.BADGE_RING), pixel))
    painter.setBrush(style.severity_colour(severity))
    painter.drawEllipse(QPointF(rect.right() - radius, rect.top() + radius), radius, radius)


def _paint_toggles(painter: QPainter, toggles: list[tuple[QRectF, bool]]) -> None:
    """The collapse toggles as drawn zoomed out, without their text: a disc ("−"), a pill ("+12")."""
    discs, pills = QtGui.QPainterPath(), QtGui.QPainterPath()
    radius = SIZE * ZOOMED_OUT / 2
    for rect, collapsed in toggles:
        if collapsed:
            pills.addRoundedRect(rect, radius, radius)
        else:
            discs.addEllipse(rect)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(QColor(style.MANAGER_LINE), 1.4 * ZOOMED_OUT))
    painter.setBrush(QColor(style.BOX_FILL))
    painter.drawPath(discs)
    painter.setPen(QPen(QColor(style.BOX_FILL), 1.5 * ZOOMED_OUT))
    painter.setBrush(QColor(style.TEXT_MUTED))
    painter.drawPath(pills)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def _paint_box(painter: QPainter, rect: QRectF, item: RoleItem, selected: bool, pixel: float) -> None:
    """One box in its colour (a vacancy hollow, a dot for its findings); selected, a frame in the selection
    colour with a thin ring in the box fill inside it, so that it stands out on boxes of any colour."""
    if selected:
        edge = min(2 * pixel, rect.height() / 4)
        painter.fillRect(rect, QColor(style.SELECTION))
        rect = rect.adjusted(edge, edge, -edge, -edge)
        painter.fillRect(rect, QColor(style.BOX_FILL))
        rect = rect.adjusted(pixel, pixel, -pixel, -pixel)
    if rect.height() > 0:
        painter.fillRect(rect, item.plain_colour())
    hollow = rect.adjusted(2 * pixel, 2 * pixel, -2 * pixel, -2 * pixel)
    if item.role.vacant and hollow.height() > 0:
        painter.fillRect(hollow, QColor(style.VACANT_FILL))
    if item.severity is not None:
        _paint_dot(painter, item.box_rect().translated(item.pos()), item.severity, pixel)


def _pixel_pen(colour: QColor, pixels: int = 0) -> QPen:
    """A pen ``pixels`` device pixels wide (0: one pixel)."""
    pen = QPen(colour, pixels)
    pen.setCosmetic(True)
    return pen
