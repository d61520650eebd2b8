"""Opening the chart a command or an export works on, whatever the file's format.

A ``.tdorg`` file holds scenarios: the named one is taken, or the active one.
The ``.json`` and ``.csv`` formats hold one chart and no scenario names.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import FileError, TdorgError
from . import TDORG, kind_of, load_chart

if TYPE_CHECKING:
    from ..chart import Chart
    from ..document import Document


@dataclass
class ChartSource:
    """A chart read from ``path``; ``document`` and ``scenario`` are set for ``.tdorg`` files."""

    path: Path
    chart: Chart
    document: Document | None = None
    scenario: str | None = None

    @property
    def scenario_count(self) -> int:
        return len(self.document.scenarios) if self.document is not None else 1

    def label(self, other_file: bool) -> str:
        """How a comparison names this chart: its scenario, with the file's name beside another file."""
        if self.document is None or self.scenario is None:
            return self.path.name
        if not other_file:
            return self.scenario
        return f"{self.path.name} › {self.scenario}" if self.scenario_count > 1 else self.path.name


def open_chart_source(path: str | Path, scenario: str | None = None) -> ChartSource:
    """Read ``path``; for a ``.tdorg`` file take ``scenario`` or the active one."""
    path = Path(path)
    if kind_of(path) != TDORG:
        if scenario is not None:
            raise FileError(path, "Only .tdorg files hold scenarios; leave out --scenario for this file.")
        return ChartSource(path, load_chart(path))
    from ..persistence import open_document

    document = open_document(path)
    if scenario is None:
        chosen = document.scenarios[document.active]
    else:
        try:
            chosen = document.scenario(scenario)
        except TdorgError:
            names = ", ".join(f"“{n}”" for n in document.names)
            raise FileError(path, f"There is no scenario named “{scenario}”; the file holds {names}.") from None
    return ChartSource(path, chosen.chart, document, chosen.name)
