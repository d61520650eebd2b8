"""Exporting a chart: DOT source, SVG, PNG, or PDF on real paper.

Every export either writes the complete file at the target path or raises an
:class:`~tdorg.export.errors.ExportError` and leaves the target as it was:
output is written to a temporary file beside the target and moved into place
only when everything succeeded.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ..model.chart import Chart
from ..model.rules.base import Report
from .graphviz.dot import build_graph, engine_for
from .graphviz.renderer import layout_engine, render
from .graphviz.runner import Cancel
from .options import ExportOptions
from .output import staged_output, write_output
from .run import ExportRun, Progress, no_progress, stop_if_cancelled

if TYPE_CHECKING:
    from ..model.compare import Comparison
    from .pages import PagePlan

#: PNG output never exceeds this many pixels on a side; bigger charts are scaled down.
MAX_PNG_PIXELS = 10_000


def graphviz_attrs(options: ExportOptions) -> dict[str, str]:
    """Graph attributes that the drawing in ``options.format`` adds to the DOT source."""
    if options.format == "png":
        side = MAX_PNG_PIXELS / options.png_dpi
        return {"dpi": f"{options.png_dpi:g}", "size": f"{side:.2f},{side:.2f}"}
    return {}


def render_chart(
    chart: Chart,
    options: ExportOptions,
    *,
    report: Report | None = None,
    cancel: Cancel | None = None,
    progress: Progress | None = None,
    title_date: date | None = None,
    into: BinaryIO | None = None,
    target: object = None,
    plan: PagePlan | None = None,
    drawn_as: str | None = None,
) -> bytes:
    """The bytes of the export in ``options.format`` (the PDF still at the chart's own size).

    ``plan`` says which pieces of the chart the canvas layout draws (default: the whole chart);
    ``drawn_as`` draws the graph of ``options`` in another format (the pages of a PDF place an SVG).

    With ``into`` (an open file, read and written), the drawing is streamed
    into it and checked, and the result is empty; ``target`` names the file in
    write errors.
    """
    progress = progress or no_progress
    progress("Preparing the chart", 0.0)
    source = build_graph(chart, options, report, title_date=title_date, plan=plan).source.encode("utf-8")
    if options.format == "dot":
        return source
    stop_if_cancelled(cancel)
    progress("Laying out and drawing with Graphviz", 0.1)
    fmt = drawn_as or options.format
    if into is not None:
        _draw(source, options, fmt, into, cancel, target)
        return b""
    with tempfile.TemporaryFile(prefix="tdorg-drawing-") as handle:
        _draw(source, options, fmt, handle, cancel, target or f"A temporary file in {tempfile.gettempdir()}")
        return handle.read()


def _draw(source: bytes, options: ExportOptions, fmt: str, into: BinaryIO, cancel: Cancel | None,
          target: object) -> None:
    render(source, layout_engine(*engine_for(options)), fmt, into, attrs=graphviz_attrs(options), timeout=options.timeout,
           cancel=cancel, target=target)


def export_chart(chart: Chart, path: str | os.PathLike[str], options: ExportOptions | None = None,
                 run: ExportRun | None = None) -> Path:
    """Write ``chart`` to ``path`` in the format of ``options``; returns the path written.

    ``run`` carries the findings, Cancel, progress, title date and scenario
    (:class:`~tdorg.export.run.ExportRun`). PowerPoint slides (``pptx``) are
    made without Graphviz, name the scenario on their title slide and
    summarise the findings (validated when the run has none).
    """
    options = options or ExportOptions.for_path(path)
    run = run or ExportRun()
    if options.format == "pptx":
        from .slides.deck import export_slides

        return export_slides(chart, path, options, run)
    if options.format in ("svg", "png"):
        # The drawing is streamed into a file beside the target, moved into place when complete and checked.
        with staged_output(path) as staged, open(staged, "w+b") as handle:
            render_chart(chart, options, report=run.report, cancel=run.cancel, progress=run.progress,
                         title_date=run.title_date, into=handle, target=path)
            run.check()
            run.step("Writing the file", 0.95)
        run.step("Done", 1.0)
        return Path(path)
    if options.format == "pdf":
        from .pdf.chartpdf import compose_chart_pdf

        run.step("Preparing the chart", 0.0)
        data, _ = compose_chart_pdf(chart, options, report=run.report, cancel=run.cancel, progress=run.progress,
                                    title_date=run.title_date)
    else:
        data = render_chart(chart, options, report=run.report, cancel=run.cancel, progress=run.progress,
                            title_date=run.title_date)
    return _write_file(path, data, run)


def export_packet(chart: Chart, path: str | os.PathLike[str], options: ExportOptions | None = None,
                  run: ExportRun | None = None, *, comparison: Comparison | None = None) -> Path:
    """Write the board packet (cover, chart, metrics, findings) as a PDF at ``path``.

    The run's scenario names the exported chart on the cover and the chart
    pages; without the run's report the chart is validated first.
    ``options.format`` is ignored (a packet is always a PDF); page,
    orientation and fit shape the chart pages. With a ``comparison`` from
    another chart (A) to ``chart`` (B), the packet ends with what changed:
    totals, metric deltas, findings resolved and introduced, and the
    role-level changes.
    """
    options = (options or ExportOptions()).with_changes(format="pdf")
    run = run or ExportRun()
    report = run.report
    if report is None:
        from ..model.rules import validate

        run.step("Checking the chart against the framework", 0.0)
        report = validate(chart)
    from .packet.board import compose_packet

    packet = compose_packet(chart, report, options, title_date=run.title_date, comparison=comparison,
                            scenario=run.scenario, cancel=run.cancel, progress=run.progress)
    return _write_file(path, packet, run)


def _write_file(path: str | os.PathLike[str], data: bytes, run: ExportRun) -> Path:
    """Write a finished export's ``data`` to ``path`` (unless cancelled), reporting the last steps."""
    run.check()
    run.step("Writing the file", 0.95)
    target = write_output(path, data)
    run.step("Done", 1.0)
    return target


__all__ = ["ExportRun", "Progress", "export_chart", "export_packet", "graphviz_attrs", "render_chart"]
