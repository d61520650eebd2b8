"""What one export is told besides its options: the findings, Cancel, progress, the date and scenario."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from ..model.rules.base import Report
    from .graphviz.runner import Cancel

Progress = Callable[[str, float], None]


def stop_if_cancelled(cancel: Cancel | None) -> None:
    """Raise :class:`~tdorg.export.errors.ExportCancelledError` when ``cancel()`` says the user asked to stop."""
    if cancel is not None and cancel():
        from .errors import ExportCancelledError

        raise ExportCancelledError()


def no_progress(stage: str, fraction: float) -> None:
    """Progress that nobody follows."""
    return None


@dataclass(frozen=True)
class ExportRun:
    """The circumstances of one export run, shared by the chart, the packet and the slides.

    ``report`` is the chart's findings (validated when None and needed);
    ``cancel`` is polled while Graphviz runs and between steps; ``progress``
    receives a description of each step and the fraction done; ``title_date``
    is the date printed in titles (today when None); ``scenario`` names the
    exported scenario on title slides, covers and chart pages.
    """

    report: Report | None = None
    cancel: Cancel | None = None
    progress: Progress | None = None
    title_date: date | None = None
    scenario: str | None = None

    def step(self, stage: str, fraction: float) -> None:
        """Report ``stage`` at ``fraction`` done to whoever follows the run."""
        (self.progress or no_progress)(stage, fraction)

    def check(self) -> None:
        """Stop the export (:func:`stop_if_cancelled`) if the user has asked to."""
        stop_if_cancelled(self.cancel)
