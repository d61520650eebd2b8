"""Exporting a chart: DOT source, SVG, PNG, or PDF on real paper.

Every export either writes the complete file at the target path or raises an
:class:`~tdorg.export.errors.ExportError` and leaves the target as it was:
output is written to a temporary file beside the target and moved into place
only when everything succeeded.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..model.chart import Chart
from ..model.rules.base import Report
from .dot import box_size, build_graph, date_line, engine_for, heading
from .errors import ExportCancelledError
from .options import ExportOptions
from .output import staged_output, write_output
from .runner import Cancel, find_program, run_graphviz

if TYPE_CHECKING:
    from ..model.compare import Comparison

Progress = Callable[[str, float], None]

#: PNG output never exceeds this many pixels on a side; bigger charts are scaled down.
MAX_PNG_PIXELS = 10_000


def _noop(stage: str, fraction: float) -> None:
    return None


def _check(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise ExportCancelledError()


def graphviz_args(options: ExportOptions) -> list[str]:
    """Command-line arguments (after the program) that render ``options.format``."""
    _, extra = engine_for(options)
    if options.format == "png":
        side = MAX_PNG_PIXELS / options.png_dpi
        return [*extra, "-Tpng", f"-Gdpi={options.png_dpi:g}", f"-Gsize={side:.2f},{side:.2f}"]
    if options.format == "svg":
        return [*extra, "-Tsvg"]
    return [*extra, "-Tpdf"]


def render_chart(
    chart: Chart,
    options: ExportOptions,
    *,
    report: Report | None = None,
    cancel: Cancel | None = None,
    progress: Progress | None = None,
    title_date: date | None = None,
    into: Path | None = None,
) -> bytes:
    """The bytes of the export in ``options.format`` (the PDF still at the chart's own size).

    With ``into``, Graphviz writes its output to that file instead and the
    result is empty.
    """
    progress = progress or _noop
    progress("Preparing the chart", 0.0)
    source = build_graph(chart, options, report, title_date=title_date).source.encode("utf-8")
    if options.format == "dot":
        return source
    program, _ = engine_for(options)
    find_program(program)
    _check(cancel)
    progress("Laying out and drawing with Graphviz", 0.1)
    args = graphviz_args(options) + ([f"-o{into}"] if into is not None else [])
    return run_graphviz(program, args, source, timeout=options.timeout, cancel=cancel).data


def export_chart(
    chart: Chart,
    path: str | os.PathLike[str],
    options: ExportOptions | None = None,
    *,
    report: Report | None = None,
    cancel: Cancel | None = None,
    progress: Progress | None = None,
    title_date: date | None = None,
) -> Path:
    """Write ``chart`` to ``path`` in the format of ``options``; returns the path written.

    ``cancel`` is polled while Graphviz runs and between steps; ``progress``
    receives a description of each step and the fraction done.
    """
    options = options or ExportOptions.for_path(path)
    progress = progress or _noop
    if options.format in ("svg", "png"):
        # Graphviz writes straight into a file beside the target, moved into place when complete.
        find_program(engine_for(options)[0])
        with staged_output(path) as staged:
            render_chart(chart, options, report=report, cancel=cancel, progress=progress, title_date=title_date, into=staged)
            _check(cancel)
            progress("Writing the file", 0.95)
        progress("Done", 1.0)
        return Path(path)
    data = render_chart(chart, options, report=report, cancel=cancel, progress=progress, title_date=title_date)
    if options.format == "pdf":
        from .chartpdf import compose_chart_pdf

        _check(cancel)
        progress("Composing pages", 0.8)
        data, _ = compose_chart_pdf(
            data, options, box=box_size(chart), heading=heading(chart), stamp=date_line(title_date)
        )
    _check(cancel)
    progress("Writing the file", 0.95)
    target = write_output(path, data)
    progress("Done", 1.0)
    return target


def export_packet(
    chart: Chart,
    path: str | os.PathLike[str],
    options: ExportOptions | None = None,
    *,
    report: Report | None = None,
    cancel: Cancel | None = None,
    progress: Progress | None = None,
    title_date: date | None = None,
    comparison: Comparison | None = None,
) -> Path:
    """Write the board packet (cover, chart, metrics, findings) as a PDF at ``path``.

    Without a ``report`` the chart is validated first. ``options.format`` is
    ignored (a packet is always a PDF); page, orientation and fit shape the
    chart pages. With a ``comparison`` from another chart (A) to ``chart``
    (B), the packet ends with what changed: totals, metric deltas, findings
    resolved and introduced, and the role-level changes.
    """
    options = (options or ExportOptions()).with_changes(format="pdf")
    progress = progress or _noop
    if report is None:
        from ..model.rules import validate

        progress("Checking the chart against the framework", 0.0)
        report = validate(chart)
    data = render_chart(chart, options, report=report, cancel=cancel, progress=progress, title_date=title_date)
    _check(cancel)
    progress("Composing the packet", 0.7)
    from .packet import compose_packet

    packet, _ = compose_packet(chart, report, data, options, box=box_size(chart), title_date=title_date,
                               comparison=comparison)
    _check(cancel)
    progress("Writing the file", 0.95)
    target = write_output(path, packet)
    progress("Done", 1.0)
    return target


__all__ = ["Progress", "export_chart", "export_packet", "graphviz_args", "render_chart"]
