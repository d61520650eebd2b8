"""Opening the chart a command works on, whatever the file's format.

Subcommands (built in or added from other modules) share this so every
command reads ``.tdorg``, ``.json`` and ``.csv`` the same way and picks a
scenario of a ``.tdorg`` file the same way.
"""

from __future__ import annotations

import sys

from tdorg.model.formats.sources import ChartSource, open_chart_source

#: A chart read from a file (``document`` and ``scenario`` set for ``.tdorg`` files).
Loaded = ChartSource
#: Read a chart file; for a ``.tdorg`` file, the named or the active scenario.
load_input = open_chart_source


def note(message: str) -> None:
    """A one-line remark for the user, on standard error."""
    print(f"note: {message}", file=sys.stderr)
