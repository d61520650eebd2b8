"""Errors an export can end with; each message can be shown to a user as it is."""

from __future__ import annotations

from ..model.errors import TdorgError

GRAPHVIZ_INSTALL_HINT = (
    "tdorg draws with the Graphviz that comes in the pygraphviz package; reinstall tdorg "
    "(or run `pip install pygraphviz`) and try again."
)


class ExportError(TdorgError):
    """An export did not complete; nothing was written at the target path."""


class GraphvizMissingError(ExportError):
    def __init__(self, detail: str = "") -> None:
        found = f" ({detail})" if detail else ""
        super().__init__(f"Graphviz could not be loaded{found}. {GRAPHVIZ_INSTALL_HINT}")
        self.detail = detail


class GraphvizFailedError(ExportError):
    """``program`` (``Graphviz`` as a rule) ended with an error or crashed."""

    def __init__(self, program: str, returncode: int, stderr: str) -> None:
        detail = " ".join(stderr.split())[:800] or "no message"
        if returncode < 0:
            how = f"stopped unexpectedly (signal {-returncode})"
        else:
            how = f"could not draw the chart (exit status {returncode})"
        super().__init__(f"{program} {how}: {detail}")
        self.program = program
        self.returncode = returncode
        self.stderr = stderr


class ExportTimeoutError(ExportError):
    """``program`` ran past the time limit; ``pinned`` when it drew tdorg's own positions ("as on
    canvas"), so that the faster layout is not suggested to a chart that already uses it."""

    def __init__(self, program: str, seconds: float, pinned: bool = False) -> None:
        if pinned:
            hint = "The chart already uses the “as on canvas” layout, the fastest; allow more time for a chart this big."
        else:
            hint = "Try the “as on canvas” layout, which is much faster for big charts, or allow more time."
        super().__init__(f"{program} was still drawing the chart after {seconds:g} seconds and was stopped. {hint}")
        self.program = program
        self.seconds = seconds
        self.pinned = pinned


class ExportCancelledError(ExportError):
    def __init__(self) -> None:
        super().__init__("The export was cancelled; no file was written.")


class ExportWriteError(ExportError):
    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"{path}: the export could not be written: {reason}")
        self.path = str(path)
        self.reason = reason

    @classmethod
    def of(cls, path: object, error: OSError) -> "ExportWriteError":
        """The write error for ``error``, which happened writing ``path`` (``None``: the output)."""
        return cls(path if path is not None else "the output", error.strerror or str(error))


class ExportOptionError(ExportError):
    """An export option has a value tdorg does not know."""


class GraphvizOutputError(ExportError):
    """Graphviz ended without error, but what it wrote is not a complete file of the format asked for."""

    def __init__(self, program: str, reason: str) -> None:
        super().__init__(f"{program}'s drawing was not used because {reason}; any earlier export was kept.")
        self.program = program
        self.reason = reason


__all__ = [
    "ExportCancelledError",
    "ExportError",
    "ExportOptionError",
    "ExportTimeoutError",
    "ExportWriteError",
    "GRAPHVIZ_INSTALL_HINT",
    "GraphvizFailedError",
    "GraphvizMissingError",
    "GraphvizOutputError",
]
