"""What an export works out from a chart, kept while the chart stays as it was.

One export can ask for the same costly result several times: with the
orientation left open, the pages are planned both ways, the export then
plans the chosen one for its pages and the dialog or ``tdorg export`` once
more for the sentence describing them. A :class:`ChartMemo` keeps what was
made for the last chart asked about, at that chart's revision (every edit
moves it on), so the same question about an unchanged chart is answered
from what was kept. Nothing keeps the chart itself alive: its results go
with it. Exports run in a thread beside the editor, so the memo is locked.
"""

from __future__ import annotations

import threading
import weakref
from typing import Callable, Generic, Hashable, TypeVar

from ..model.chart import Chart

_T = TypeVar("_T")


class ChartMemo(Generic[_T]):
    """Results made from one chart at one revision, by key; asking about another chart, or the same
    one after an edit, starts afresh."""

    def __init__(self) -> None:
        self._lock = threading.RLock()  # a chart's collection may forget it while the memo is in use
        self._chart: weakref.ref[Chart] | None = None
        self._revision = -1
        self._kept: dict[Hashable, _T] = {}

    def get(self, chart: Chart, key: Hashable, make: Callable[[], _T]) -> _T:
        """The result for ``key`` made from ``chart`` as it is now: the kept one, else ``make()``'s."""
        revision = chart.revision
        with self._lock:
            if self._holds(chart, revision) and key in self._kept:
                return self._kept[key]
        made = make()
        with self._lock:
            if chart.revision == revision:  # not edited while it was made
                if not self._holds(chart, revision):
                    self._chart, self._revision, self._kept = weakref.ref(chart, self._forget), revision, {}
                self._kept[key] = made
        return made

    def _holds(self, chart: Chart, revision: int) -> bool:
        return self._chart is not None and self._chart() is chart and self._revision == revision

    def _forget(self, _gone: object) -> None:
        with self._lock:
            if self._chart is _gone:
                self._chart, self._kept = None, {}


__all__ = ["ChartMemo"]
