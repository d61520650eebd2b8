"""A document: what one ``.tdorg`` file holds, one or more named scenarios."""

from __future__ import annotations

from dataclasses import dataclass, field

from .chart import Chart
from .errors import FieldValueError
from .file_size import HELD_MAX, TOO_LARGE, KeptSize
from .values import FILE_ROLES_MAX, FileRoom, text_problem


@dataclass
class Scenario:
    name: str
    chart: Chart


@dataclass
class Document:
    """Named scenarios of the same district ("Current", "Proposed 2027"…)."""

    scenarios: list[Scenario] = field(default_factory=list)
    active: int = 0
    #: The roles the scenarios' charts have taken of the file's limit (see :class:`~.values.FileRoom`).
    room: FileRoom = field(default_factory=lambda: FileRoom(FILE_ROLES_MAX, HELD_MAX, TOO_LARGE), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        charts = [s.chart for s in self.scenarios if isinstance(s.chart, Chart)]  # a snapshot's charts do not change
        self.check_room(sum(map(len, charts)))
        for chart in charts:
            self._take_room(chart)

    def _take_room(self, chart: Chart) -> None:
        """Let ``chart`` grow only as far as the file has room; a chart another document's file holds
        (a document made to save or export it) stays in that file's count."""
        if chart.room.file is None:
            chart.room.join(self.room, len(chart), KeptSize(chart))

    @classmethod
    def of(cls, chart: Chart, name: str = "Current") -> "Document":
        return cls([Scenario(name, chart)], 0)

    @property
    def chart(self) -> Chart:
        """The chart of the active scenario."""
        return self.scenarios[self.active].chart

    def snapshot(self) -> "Document":
        """The document as it is now, for the file writer to write while the charts go on changing: its charts
        are snapshots (:meth:`.chart.Chart.snapshot`), which the writer reads as it reads charts."""
        return Document([Scenario(s.name, s.chart.snapshot()) for s in self.scenarios],  # type: ignore[arg-type]
                        self.active)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.scenarios]

    def scenario(self, name: str) -> Scenario:
        for s in self.scenarios:
            if s.name == name:
                return s
        raise FieldValueError("scenario", f"There is no scenario named “{name}”.")

    def check_new_name(self, name: str) -> str:
        name = name.strip()
        if not name:
            raise FieldValueError("scenario", "A scenario needs a name.")
        if len(name) > 100:
            raise FieldValueError("scenario", "A scenario name can be at most 100 characters long.")
        problem = text_problem(name, 100)  # a NUL or a lone surrogate, which no file could hold
        if problem:
            raise FieldValueError("scenario", f"A scenario name {problem}.")
        if name in self.names:
            raise FieldValueError("scenario", f"There is already a scenario named “{name}”.")
        return name

    def check_room(self, roles: int) -> None:
        """Refuse a new scenario of ``roles`` roles when the file could not be opened again with it."""
        self.room.check(roles)

    def add(self, name: str, chart: Chart, index: int | None = None) -> int:
        name = self.check_new_name(name)
        self.check_room(len(chart.roles))
        index = len(self.scenarios) if index is None else index
        self.scenarios.insert(index, Scenario(name, chart))
        self._take_room(chart)
        return index

    def duplicate(self, index: int, name: str) -> int:
        return self.add(name, self.scenarios[index].chart.copy(), index + 1)

    def rename(self, index: int, name: str) -> str:
        old = self.scenarios[index].name
        if name.strip() != old:
            self.scenarios[index].name = self.check_new_name(name)
        return old

    def remove(self, index: int) -> Scenario:
        if len(self.scenarios) == 1:
            raise FieldValueError("scenario", "A file keeps at least one scenario.")
        removed = self.scenarios.pop(index)
        if removed.chart.room.file is self.room:
            removed.chart.room.leave()
        if self.active >= len(self.scenarios):
            self.active = len(self.scenarios) - 1
        return removed

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        return self.active == other.active and [(s.name, s.chart) for s in self.scenarios] == [
            (s.name, s.chart) for s in other.scenarios
        ]
