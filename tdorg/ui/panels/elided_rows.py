"""An item view's rows drawn with their texts already cut to the width they are drawn at, each cut kept."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

#: Line breaks, which the style lays out and cuts line by line: such a text is left to it.
_BREAKS = frozenset("\n\u2028")

#: Most cuts kept; past it they are all forgotten (a panel resized pixel by pixel cuts at every width).
MOST = 2048


class ElidedRows(QStyledItemDelegate):
    """Draws each row as Qt's own delegate does, handing the style a text that already fits.

    The style lays a row's whole text out to find that it does not fit, lays it out again to cut it with "…",
    and then lays the cut text out to draw it: with the findings' long sentences, redrawing the rows in view
    after each edit that adds or takes a finding was nearly all text shaping. The cut is the style's own
    (the font's ``elidedText`` at the width the style gives the text) and is kept per text, font and width,
    so a row drawn again lays out only the short text it shows.
    """

    def __init__(self, parent=None) -> None:  # noqa: ANN001 - the view
        super().__init__(parent)
        self._cuts: dict[tuple[str, str, int], str] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        if shown.text and shown.textElideMode != shown.textElideMode.ElideNone and not _BREAKS.intersection(shown.text):
            shown.text = self._cut(shown, style)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, shown, painter, widget)

    def _cut(self, option: QStyleOptionViewItem, style: QStyle) -> str:
        """``option``'s text as the style would cut it: the text's room less the focus frame's margins."""
        room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, option.widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, option.widget) + 1
        width = room.width() - 2 * margin
        key = (option.text, option.font.key(), width)
        cut = self._cuts.get(key)
        if cut is None:
            if len(self._cuts) > MOST:
                self._cuts.clear()
            cut = self._cuts[key] = option.fontMetrics.elidedText(option.text, option.textElideMode, width)
        return cut


__all__ = ["ElidedRows"]
