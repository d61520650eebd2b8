"""What a word-wrapping widget has measured of its text, kept per text and width until its font or style changes."""

from __future__ import annotations

from typing import Callable, TypeVar

from PySide6.QtCore import QEvent

T = TypeVar("T")

#: Most measurements kept; past it they are all forgotten (a panel resized pixel by pixel asks at every width).
MOST = 256


class MeasuredSizes:
    """A widget's heights at each width and size hints, for each text it has shown.

    Layouts ask a word-wrapped widget again at every pass, several widths each
    time, and an edit back and forth, an undo or a redo brings texts back that
    were measured already: laying the text out anew each time is what costs.
    """

    __slots__ = ("_sizes",)

    def __init__(self) -> None:
        self._sizes: dict[tuple[str, int], object] = {}

    def get(self, text: str, width: int, measure: Callable[[], T]) -> T:
        """What ``measure()`` gives for ``text`` at ``width`` (any number standing for one measurement)."""
        key = (text, width)
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) > MOST:
                self._sizes.clear()
            size = self._sizes[key] = measure()
        return size  # type: ignore[return-value]

    def follow(self, event: QEvent) -> None:
        """Forget everything when ``event``, a widget's change event, changed its font or style."""
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._sizes.clear()


__all__ = ["MeasuredSizes"]
