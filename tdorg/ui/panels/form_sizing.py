"""A form's sizes in its scroll area: its parts laid out again only as far as what it shows changed, before a paint."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

#: Most widths a layout keeps its heights for; past it they are all forgotten (a dock resized pixel by pixel).
MOST_WIDTHS = 64


class FormSizing:
    """Fits ``form``, inside the body of the scroll area ``area``, to what it shows.

    ``shown`` tells what the form shows that its parts' sizes depend on (which parts are shown, their wrapped
    texts…): while it gives what it gave when the parts last gave up their sizes, their kept sizes hold.
    """

    def __init__(self, area: QScrollArea, form: QWidget, shown: Callable[[], tuple]) -> None:
        self._area = area
        self._form = form
        self._shown = shown
        # innermost first: findChildren lists a widget before the widgets inside it
        parts = reversed(form.findChildren(QWidget))
        self.parts = [*(w for w in parts if w.layout() is not None), form]
        self._fitted: tuple | None = None  # what the form showed when its parts last gave up their sizes
        self._depth = nesting(self.parts, area)  # its layouts' nesting

    def fit(self, changed: QWidget | None = None) -> None:
        """Have the scroll area size the body for what the form now shows before its layouts place anything.

        Each part of the form with a layout of its own (the rows, the lines, the check groups…) tells the part
        around it of a new size only when its own layout has run, one round of events later; until then the
        layouts around it keep its old size, and the scroll area the body's, so the fields were laid out and
        drawn squeezed into the old sizes for a few frames, more or less depending on what was shown before.
        Here every part gives up its kept size at once, innermost first, and the scroll area's request to fit
        the body goes ahead of the parts' own (one request for a selection and the findings that follow it).
        With ``changed``, only that part and those around it give up their sizes.
        """
        parts = self.parts if changed is None else _around(changed, self._form)
        for part in parts:
            part.updateGeometry()
        self._fitted = self._shown()
        QCoreApplication.postEvent(self._area, QEvent(QEvent.Type.LayoutRequest),
                                   Qt.EventPriority.HighEventPriority.value)

    def fit_shown(self, kept: bool = True) -> None:
        """Fit the form to what it now shows: around it only when it shows what its parts were last sized for
        (a new role like the last, the same role after the hint) and ``kept`` (no part's size changed since)."""
        self.fit(self._form if kept and self._shown() == self._fitted else None)

    def settle(self) -> None:
        """Lay out now what waits to be, and ask now for the repaints that widgets just shown posted for their rects.

        A form (or the hint) shown from hidden was painted in the body it was shown in, before the posted layouts
        fitted it; and each widget shown posts a repaint of the rect it had when shown, which came after the window's
        paint and had the whole form painted again in the next round of events (5-6 ms of an add at 5,000 roles,
        counted in the edit after it). Done here, the layouts run before anything is painted (a round for each
        level of the form's nesting, as a part's layout tells the part around it one round later), and those
        repaints join the window's one paint.
        """
        settle(self._depth)


def settle(depth: int) -> None:
    """Run now the layouts waiting to be, ``depth`` levels of nesting deep, then the repaints waiting on them.

    A layout run tells the layout around it of a new size in the next round of events: a widget nested ``depth``
    layouts deep that changed size has every layout around it run after as many rounds.
    """
    for _ in range(depth):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateLater.value)


def nesting(widgets: list[QWidget], outermost: QWidget) -> int:
    """The most levels of widgets from one of ``widgets`` out to ``outermost``."""
    return max((len(_around(widget, outermost)) for widget in widgets), default=0)


class HeightsKeptLayout(QVBoxLayout):
    """A :class:`QVBoxLayout` that keeps its height and least height at every width it is asked for until it is
    invalidated, where Qt's keeps them for the last width only.

    A scroll area fitting its body asks at two or three widths in turn (with and without its scroll bar, and the
    least), and a part's least height is never kept by the layout around it: with one width kept, each question
    at another width measured every part below again.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heights: dict[int, tuple[int, int] | None] = {}  # by width; None while Qt measures it

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._kept(width, 0, QVBoxLayout.heightForWidth)

    def minimumHeightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._kept(width, 1, QVBoxLayout.minimumHeightForWidth)

    def _kept(self, width: int, which: int, measure: Callable[[QVBoxLayout, int], int]) -> int:
        if width not in self._heights:
            if len(self._heights) >= MOST_WIDTHS:
                self._heights.clear()
            self._heights[width] = None  # Qt's least height asks for the height, which Qt has just measured
            self._heights[width] = (QVBoxLayout.heightForWidth(self, width),
                                    QVBoxLayout.minimumHeightForWidth(self, width))
        heights = self._heights[width]
        return measure(self, width) if heights is None else heights[which]


def _around(widget: QWidget, outermost: QWidget) -> list[QWidget]:
    """``widget`` and the widgets around it up to ``outermost``, innermost first."""
    chain = [widget]
    while chain[-1] is not outermost:
        chain.append(chain[-1].parentWidget())
    return chain


__all__ = ["FormSizing", "HeightsKeptLayout", "nesting", "settle"]
