"""A check box whose label wraps onto more lines in a narrow panel, instead of making the panel wider."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStyleOptionFocusRect,
    QStylePainter,
    QWidget,
)

from .measured_sizes import MeasuredSizes

#: The narrowest a label may get, in pixels, before it is cut rather than wrapped again.
MIN_TEXT_WIDTH = 80
_WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


class WrappingCheckBox(QCheckBox):
    """A :class:`QCheckBox` (same signals, text and accessible name) that draws its text word-wrapped.

    Its text is given as a :class:`QCheckBox`'s is, with "&&" for an "&" shown as written.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)  # as tall as its wrapped lines (a check box is fixed)
        self.setSizePolicy(policy)
        self._heights = MeasuredSizes()

    def _shown_text(self) -> str:
        return self.text().replace("&&", "\0").replace("&", "").replace("\0", "&")

    def _line_height(self) -> int:
        return super().sizeHint().height()

    def _text_left(self) -> int:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        style = self.style()
        indicator = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, option, self)
        spacing = style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, option, self)
        return indicator + spacing

    def _text_rect(self, width: int) -> QRect:
        left = self._text_left()
        top = max(0, (self._line_height() - self.fontMetrics().height()) // 2)
        return QRect(left, top, max(1, width - left), 1_000_000)

    def heightForWidth(self, width: int) -> int:
        return self._heights.get(self.text(), width, lambda: self._measure_height(width))

    def _measure_height(self, width: int) -> int:
        rect = self._text_rect(width)
        used = self.fontMetrics().boundingRect(rect, int(_WRAP), self._shown_text())
        return max(self._line_height(), used.bottom() + 1 + rect.top())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        self._heights.follow(event)
        super().changeEvent(event)

    def minimumSizeHint(self) -> QSize:
        return QSize(self._text_left() + MIN_TEXT_WIDTH, self._line_height())

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)  # the wrapped text toggles it too

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""  # the indicator (and focus) only, on the first line
        option.rect = QRect(0, 0, self._text_left(), self._line_height())
        painter.drawControl(QStyle.ControlElement.CE_CheckBox, option)
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        painter.setPen(self.palette().color(group, QPalette.ColorRole.WindowText))
        text_rect, text = self._text_rect(self.width()), self._shown_text()
        painter.drawText(text_rect, int(_WRAP), text)
        if self.hasFocus():  # where the keyboard is, around the label as a plain check box shows it
            focus = QStyleOptionFocusRect()
            focus.initFrom(self)
            focus.rect = painter.boundingRect(text_rect, int(_WRAP), text).adjusted(-1, 0, 1, 0)  # laid out only here
            painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus)


__all__ = ["MIN_TEXT_WIDTH", "WrappingCheckBox"]
