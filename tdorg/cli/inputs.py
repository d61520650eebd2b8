"""Opening the chart a command works on, whatever the file's format.

Subcommands (built in or added from other modules) share this so every
command reads ``.tdorg``, ``.json`` and ``.csv`` the same way and picks a
scenario of a ``.tdorg`` file the same way.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from tdorg.model.chart import Chart
from tdorg.model.document import Document
from tdorg.model.errors import FileError, TdorgError
from tdorg.model.formats import TDORG, kind_of, load_chart


@dataclass
class Loaded:
    """A chart read from ``path``; ``document`` is set for ``.tdorg`` files."""

    path: Path
    chart: Chart
    document: Document | None = None
    scenario: str | None = None

    @property
    def scenario_count(self) -> int:
        return len(self.document.scenarios) if self.document is not None else 1


def load_input(path: str | Path, scenario: str | None = None) -> Loaded:
    """Read ``path``; for a ``.tdorg`` file take ``scenario`` or the active one."""
    path = Path(path)
    if kind_of(path) != TDORG:
        if scenario is not None:
            raise FileError(path, "Only .tdorg files hold scenarios; leave out --scenario for this file.")
        return Loaded(path, load_chart(path))
    from tdorg.model.persistence import open_document

    document = open_document(path)
    if scenario is None:
        chosen = document.scenarios[document.active]
    else:
        try:
            chosen = document.scenario(scenario)
        except TdorgError:
            names = ", ".join(f"“{n}”" for n in document.names)
            raise FileError(path, f"There is no scenario named “{scenario}”; the file holds {names}.") from None
    return Loaded(path, chosen.chart, document, chosen.name)


def note(message: str) -> None:
    """A one-line remark for the user, on standard error."""
    print(f"note: {message}", file=sys.stderr)
