"""The collapse toggle under a manager's box: "−" hides its subtree, "+12" shows the 12 hidden roles again."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneMouseEvent, QStyleOptionGraphicsItem, QWidget

from tdorg.model.edit_texts import quoted

from ...widgets import style
from .role_item import BOX_HEIGHT, BOX_WIDTH, RoleItem

#: The disc's diameter, the pill's height.
SIZE = 18.0
#: Below this scale the count is too small to read: the pill shows its colour only.
READABLE = 0.35
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
        self._rect = self._bounds = QRectF()
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
        width = SIZE
        if self.collapsed:
            width = max(SIZE + 8, QFontMetricsF(_font()).horizontalAdvance(self.label()) + 14)
        self._rect = QRectF(BOX_WIDTH / 2 - width / 2, BOX_HEIGHT + 1, width, SIZE)
        self._bounds = self._rect.adjusted(-1, -1, 1, 1)  # with the outline's width

    # --- geometry and painting ------------------------------------------------

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        rect, radius = self._rect, SIZE / 2
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.collapsed:
            painter.setPen(QPen(QColor(style.BOX_FILL), 1.5))
            painter.setBrush(QColor(style.TEXT_MUTED))
            painter.drawRoundedRect(rect, radius, radius)
            if lod >= READABLE:
                painter.setFont(_font())
                painter.setPen(QColor(style.BOX_FILL))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.label())
            return
        painter.setPen(QPen(QColor(style.MANAGER_LINE), 1.4))
        painter.setBrush(QColor(style.BOX_FILL))
        painter.drawEllipse(rect)
        if lod >= READABLE:
            painter.setPen(QPen(QColor(style.TEXT_MUTED), 1.8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            centre = rect.center()
            painter.drawLine(centre - QPointF(4.5, 0), centre + QPointF(4.5, 0))

    # --- the click ----------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        event.accept()
        self._clicked(self.role_id)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        event.accept()  # the first press toggled; a double click is not a second toggle


def _font() -> QFont:
    font = QFont(RoleItem.fonts()[2])
    font.setBold(True)
    font.setPixelSize(_TEXT_PX)
    return font
