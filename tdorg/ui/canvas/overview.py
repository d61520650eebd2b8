"""The chart zoomed out so far that its boxes are a few pixels: one picture, not an item each.

Below :data:`~.items.role_item.TINY` the view paints this picture instead of
its items (at 20,000 roles, asking Qt for the boxes in view costs more than a
frame): every shown box a plain rectangle in its category's colour (a compare
mark's, if it has one), the selected ones in the selection colour, a drag's
drop target green or red, the reporting and dotted lines one pixel wide. The
rectangles and lines are collected from the layout on the first paint after
the chart changed; the picture is drawn again when the view moves or zooms,
the selection, the drop target or the colour scheme changes, and is reused
for every other repaint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QTransform

from ..widgets import style
from ..widgets.colour_scheme import look
from .items.edge_items import reporting_lines
from .items.role_item import ACCEPT, TINY, RoleItem

if TYPE_CHECKING:
    from .scene import ChartScene


class ChartOverview:
    """The picture of ``scene`` a view shows when zoomed out past :data:`TINY`."""

    def __init__(self, scene: ChartScene) -> None:
        self.scene = scene
        self._groups: dict[tuple[str, str | None], list[QRectF]] | None = None  # by category and compare mark
        self._lines = QPainterPath()
        self._picture: tuple[object, QImage] | None = None  # what it was drawn for, and the picture
        for signal in (scene.rolesChanged, scene.redrawn, scene.sceneRectChanged, scene.aboutToReset):
            signal.connect(self.invalidate)
        scene.selectionChanged.connect(self._forget_picture)

    def invalidate(self, *_args: object) -> None:
        """The chart's boxes or lines changed: collect them again before the next paint."""
        self._groups = None
        self._picture = None

    def _forget_picture(self) -> None:
        self._picture = None

    def shown_at(self, scale: float) -> bool:
        """Whether a view at ``scale`` shows this picture instead of its items."""
        return scale < TINY and self.scene.chart is not None and len(self.scene.chart) > 0

    def picture(self, size: QSize, ratio: float, transform: QTransform) -> QImage:
        """The viewport's picture: ``size`` logical pixels at device pixel ratio ``ratio``, the scene mapped by
        ``transform``."""
        key = (size, ratio, transform, look(), self.scene.drop_target())
        if self._picture is not None and self._picture[0] == key:
            return self._picture[1]
        if self._groups is None:
            self._collect()
        image = QImage(size * ratio, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(self.scene.backgroundBrush().color())
        painter = QPainter(image)
        painter.setTransform(transform)
        self._paint(painter)
        painter.end()
        self._picture = (key, image)
        return image

    def _paint(self, painter: QPainter) -> None:
        assert self._groups is not None
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_pixel_pen(QColor(style.MANAGER_LINE)))
        painter.drawPath(self._lines)
        filled = self.scene.layout.box_height * painter.transform().m11() >= 2  # else a pixel's outline is the box
        for (category, mark), rects in self._groups.items():
            colour = QColor(style.MARK_COLOURS[mark][0]) if mark else style.category_colour(category)
            painter.setPen(Qt.PenStyle.NoPen if filled else _pixel_pen(colour))
            painter.setBrush(colour if filled else Qt.BrushStyle.NoBrush)
            painter.drawRects(rects)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for line in self.scene.dotted_items().values():
            pen = _pixel_pen(QColor(style.SELECTION if line.isSelected() else style.DOTTED_LINE))
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawPath(line.path())
        selected = [item for item in self.scene.selectedItems() if isinstance(item, RoleItem)]
        self._paint_ringed(painter, selected, QColor(style.SELECTION))
        target = self.scene.drop_target()
        if target is not None:  # a drag's drop target, green or red
            self._paint_ringed(painter, [self.scene.role_items()[target[0]]],
                               QColor(style.ACCEPT if target[1] == ACCEPT else style.REFUSE))

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

    def _collect(self) -> None:
        scene = self.scene
        layout, items = scene.layout, scene.role_items()
        groups: dict[tuple[str, str | None], list[QRectF]] = {}
        reports: dict[str, list[str]] = {}
        width, height = layout.box_width, layout.box_height
        for role_id, (x, y) in layout.positions.items():
            item = items.get(role_id)
            if item is None:
                continue
            mark = style.mark_kind(item.mark) if item.mark else None
            groups.setdefault((item.role.category, mark), []).append(QRectF(x, y, width, height))
            manager = item.role.reports_to
            if manager is not None and manager in layout.positions:
                reports.setdefault(manager, []).append(role_id)
        lines = QPainterPath()
        for manager, shown in reports.items():
            lines.addPath(reporting_lines(layout, manager, shown))
        self._groups, self._lines = groups, lines


def _pixel_pen(colour: QColor, pixels: int = 0) -> QPen:
    """A pen ``pixels`` device pixels wide (0: one pixel)."""
    pen = QPen(colour, pixels)
    pen.setCosmetic(True)
    return pen
