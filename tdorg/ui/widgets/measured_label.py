"""A word-wrapped label that measures each of its texts once."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QLabel, QWidget

from .measured_sizes import MeasuredSizes


class MeasuredLabel(QLabel):
    """A word-wrapped :class:`QLabel` that remembers, for each text it has shown, its size hints and its height
    at each width.

    Qt lays a wrapped label's text out again each time a layout asks its height for a width, several times a
    pass and at each width a scroll bar coming or going gives it; a form shown again, an undo, a redo or an
    edit back and forth brings texts back that were measured already.
    """

    def __init__(self, text: str = "", text_format: Qt.TextFormat = Qt.TextFormat.AutoText,
                 parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextFormat(text_format)
        self._sizes = MeasuredSizes()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._sizes.get(self.text(), width, lambda: super(MeasuredLabel, self).heightForWidth(width))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self._sizes.get(self.text(), -1, lambda: super(MeasuredLabel, self).sizeHint()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self._sizes.get(self.text(), -2, lambda: super(MeasuredLabel, self).minimumSizeHint()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        self._sizes.follow(event)
        super().changeEvent(event)


__all__ = ["MeasuredLabel"]
