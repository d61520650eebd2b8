"""An item delegate that draws a cell's text from an elided copy kept per text and width."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

#: Most elided texts kept; past it they are all forgotten (a column resized pixel by pixel).
MOST = 512


class ElidedTextDelegate(QStyledItemDelegate):
    """Draws each cell as :class:`QStyledItemDelegate` does, its text elided beforehand to the width Qt gives it.

    To draw a cell, Qt's styles lay the whole of its text out to elide it to the cell, then lay out and draw
    what is left: a long sentence in view is laid out whole at every repaint of its row (a finding's row, each
    time an edit brings a finding in above it). The elided text is what Qt would draw, so it draws the same;
    it is kept per text, width, font and elision, and fits, so Qt has nothing left to elide.
    """

    def __init__(self, parent=None) -> None:  # noqa: ANN001 - a QObject or None
        super().__init__(parent)
        self._elided: dict[tuple[str, int, str, Qt.TextElideMode], str] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        widget = shown.widget
        style = widget.style() if widget is not None else QApplication.style()
        # a text of several lines (Qt's display text has them apart by U+2028) is elided line by line: left to Qt
        if shown.text and shown.textElideMode != Qt.TextElideMode.ElideNone and "\u2028" not in shown.text:
            shown.text = self._elide(shown, style)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, shown, painter, widget)

    def _elide(self, option: QStyleOptionViewItem, style: QStyle) -> str:
        """``option``'s text elided to its cell's text area, as the style itself elides it."""
        text = option.text
        option.text = "x"  # the text area is what the decoration and the check leave of the cell, whatever the text;
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, option.widget)  # not laid out
        option.text = text
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, option.widget) + 1
        width = area.width() - 2 * margin
        key = (text, width, option.font.key(), option.textElideMode)
        elided = self._elided.get(key)
        if elided is None:
            if len(self._elided) >= MOST:
                self._elided.clear()
            elided = self._elided[key] = QFontMetrics(option.font).elidedText(text, option.textElideMode, width)
        return elided


__all__ = ["ElidedTextDelegate"]
