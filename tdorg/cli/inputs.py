"""Opening the chart a command works on, whatever the file's format.

Subcommands (built in or added from other modules) share this so every
command reads ``.tdorg``, ``.json`` and ``.csv`` the same way and picks a
scenario of a ``.tdorg`` file the same way.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tdorg.model.formats.sources import ChartSource

    #: A chart read from a file (``document`` and ``scenario`` set for ``.tdorg`` files).
    Loaded = ChartSource


def load_input(path: str | Path, scenario: str | None = None) -> ChartSource:
    """Read a chart file; for a ``.tdorg`` file, the named or the active scenario. The readers load here, on
    the first chart read, not when ``tdorg --help`` sets the commands up."""
    from tdorg.model.formats.sources import open_chart_source

    return open_chart_source(path, scenario)


def note(message: str) -> None:
    """A one-line remark for the user, on standard error."""
    print(f"note: {message}", file=sys.stderr)
