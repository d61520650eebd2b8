"""A one-line label whose new texts of the same size leave the layouts around it alone."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QLabel

#: Qt's largest widget size (QWIDGETSIZE_MAX), a size left free.
_FREE = (1 << 24) - 1


class SteadyLabel(QLabel):
    """A :class:`QLabel` that, once its layout has given it its size hint's width, keeps the size it was given
    while its texts keep the same size hint.

    Qt's label tells its layout of a new size at every new text, and the layouts around it are laid out again
    up to the window: a status bar's count changing at each edit laid the main window's docks out again twice.
    A widget of fixed size tells no one, so the label is held at the size its layout gave it, and let go (its
    layout told) when a text, a font or a style changes its size hint. A held label's own hint is at least
    the size it is held at, so each new text is measured by a label of the same font, format and margins that
    is never shown; a label that one does not measure alike is not held.
    """

    def __init__(self) -> None:
        super().__init__()
        self._held: QSize | None = None  # the size hint it is held for
        self._measure: QLabel | None = None

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        if text == self.text():
            return
        if self._held is None and self.isVisible() and self.width() == self.sizeHint().width():
            self._hold()
        super().setText(text)
        if self._held is not None and self._measured(text) != self._held:
            self._let_go()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and self._held is not None:
            self._let_go()

    def _hold(self) -> None:
        """Hold the label at its size, if the measuring label measures its text as it does."""
        if self._measure is None:
            self._measure = QLabel()
        measure = self._measure
        measure.setFont(self.font())
        measure.setTextFormat(self.textFormat())
        measure.setContentsMargins(self.contentsMargins())
        hint = self.sizeHint()
        if self._measured(self.text()) == hint:
            self._held = hint
            self.setFixedSize(self.size())

    def _measured(self, text: str) -> QSize:
        assert self._measure is not None
        self._measure.setText(text)
        return self._measure.sizeHint()

    def _let_go(self) -> None:
        self._held = None
        self.setMinimumSize(0, 0)
        self.setMaximumSize(_FREE, _FREE)


__all__ = ["SteadyLabel"]
