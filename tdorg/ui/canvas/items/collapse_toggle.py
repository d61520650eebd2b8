"""The collapse toggle under a manager's box: "−" hides its subtree, "+12" shows the 12 hidden roles again."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneMouseEvent, QStyleOptionGraphicsItem, QWidget

from tdorg.model.edit_texts import quoted

from ...widgets import style
from .constants import BOX_HEIGHT, BOX_WIDTH, OVERVIEW, SIZE, ZOOMED_OUT
from .role_item import RoleItem

_TEXT_PX = 11


class CollapseToggle(QGraphicsItem):
    """A child of a manager's :class:`RoleItem`, hanging under the middle of its bottom edge
    (below the box, so a press on it is never a press on the box)."""

    def __init__(self, box: RoleItem, clicked: Callable[[str], None]) -> None:
        super().__init__(box)
        self.role_id = box.role_id
        self._clicked = clicked
        self.collapsed = False
        #: How many roles the collapsed manager hides.
        self.hidden = 0
        self._rects: dict[float, QRectF] = {}
        self._bounds = QRectF()
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setZValue(2.0)
        self._reshape()

    def set_state(self, collapsed: bool, hidden: int, title: str) -> None:
        """Show "−" (expanded) or "+``hidden``" (collapsed) for the manager titled ``title``."""
        if (collapsed, hidden) != (self.collapsed, self.hidden):
            self.prepareGeometryChange()
            self.collapsed, self.hidden = collapsed, hidden
            self._reshape()
            self.update()
        name = quoted(title)
        self.setToolTip(f"Expand {name}: show the {hidden:,} hidden roles (+)" if collapsed
                        else f"Collapse {name}: hide its reports and everything below them (−)")

    def label(self) -> str:
        return f"+{self.hidden:,}" if self.collapsed else "−"

    def _reshape(self) -> None:
        for scale in (1.0, ZOOMED_OUT):
            size, width = SIZE * scale, SIZE * scale
            if self.collapsed:
                width = max(size + 8 * scale, QFontMetricsF(_font(scale)).horizontalAdvance(self.label()) + 14 * scale)
            self._rects[scale] = QRectF(BOX_WIDTH / 2 - width / 2, BOX_HEIGHT + 1, width, size)
        self._bounds = self._rects[ZOOMED_OUT].united(self._rects[1.0]).adjusted(-2, -2, 2, 2)  # with the outline

    # --- geometry and painting ------------------------------------------------

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def drawn_rect(self, scale: float) -> QRectF:
        """Where the toggle is drawn at reading size (``scale`` 1) or zoomed out (:data:`ZOOMED_OUT`)."""
        return self._rects[scale]

    def shape(self) -> QPainterPath:
        """Where a click toggles: the toggle as drawn at reading size (inside the larger one drawn zoomed out)."""
        path = QPainterPath()
        path.addRect(self._rects[1.0])
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        scale = 1.0 if lod >= OVERVIEW else ZOOMED_OUT
        rect, radius = self._rects[scale], SIZE * scale / 2
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.collapsed:
            painter.setPen(QPen(QColor(style.BOX_FILL), 1.5 * scale))
            painter.setBrush(QColor(style.TEXT_MUTED))
            painter.drawRoundedRect(rect, radius, radius)
            painter.setFont(_font(scale))
            painter.setPen(QColor(style.BOX_FILL))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.label())
            return
        painter.setPen(QPen(QColor(style.MANAGER_LINE), 1.4 * scale))
        painter.setBrush(QColor(style.BOX_FILL))
        painter.drawEllipse(rect)
        painter.setPen(QPen(QColor(style.TEXT_MUTED), 1.8 * scale, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        centre, half = rect.center(), QPointF(4.5 * scale, 0)
        painter.drawLine(centre - half, centre + half)

    # --- the click ----------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        event.accept()
        self._clicked(self.role_id)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        event.accept()  # the first press toggled; a double click is not a second toggle


def _font(scale: float = 1.0) -> QFont:
    font = QFont(RoleItem.fonts()[2])
    font.setBold(True)
    font.setPixelSize(round(_TEXT_PX * scale))
    return font
