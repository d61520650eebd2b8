"""Errors an export can end with; each message can be shown to a user as it is."""

from __future__ import annotations

from ..model.errors import TdorgError

GRAPHVIZ_INSTALL_HINT = (
    "Install Graphviz (Debian/Ubuntu: `sudo apt-get install graphviz`; macOS: `brew install graphviz`; "
    "Windows: graphviz.org/download) and try again."
)


class ExportError(TdorgError):
    """An export did not complete; nothing was written at the target path."""


class GraphvizMissingError(ExportError):
    def __init__(self, program: str = "dot") -> None:
        super().__init__(f"Graphviz's `{program}` program was not found. {GRAPHVIZ_INSTALL_HINT}")
        self.program = program


class GraphvizFailedError(ExportError):
    def __init__(self, program: str, returncode: int, stderr: str) -> None:
        detail = " ".join(stderr.split())[:800] or "no message"
        super().__init__(f"Graphviz's `{program}` could not draw the chart (exit status {returncode}): {detail}")
        self.program = program
        self.returncode = returncode
        self.stderr = stderr


class ExportTimeoutError(ExportError):
    def __init__(self, program: str, seconds: float) -> None:
        super().__init__(
            f"Graphviz's `{program}` was still drawing the chart after {seconds:g} seconds and was stopped. "
            "Try the “as on canvas” layout, which is much faster for big charts, or allow more time."
        )
        self.program = program
        self.seconds = seconds


class ExportCancelledError(ExportError):
    def __init__(self) -> None:
        super().__init__("The export was cancelled; no file was written.")


class ExportWriteError(ExportError):
    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"{path}: the export could not be written: {reason}")
        self.path = str(path)
        self.reason = reason


class ExportOptionError(ExportError):
    """An export option has a value tdorg does not know."""


__all__ = [
    "ExportCancelledError",
    "ExportError",
    "ExportOptionError",
    "ExportTimeoutError",
    "ExportWriteError",
    "GRAPHVIZ_INSTALL_HINT",
    "GraphvizFailedError",
    "GraphvizMissingError",
]
