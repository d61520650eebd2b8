"""The board packet: cover, the chart, the chart in words, the metrics, the findings and, optionally,
the changes from another scenario or chart, in one tagged PDF (PDF/UA-1).

The text is built as blocks (:mod:`tdorg.export.packet.blocks`) and printed by the
Typst template ``resources/typst/packet.typ`` (:mod:`tdorg.export.pdf.typst_doc`):
a document title shown as the window title, the language, headings in order
(which are the bookmarks), tables with header rows, findings as lists. Each
chart page places its own piece of Graphviz's SVG drawing as a figure with
alternative text, so its text stays real and selectable, and the reporting
structure follows as a nested list a screen reader reads in order.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ...model.chart import Chart
from ...model.compare import Comparison
from ...model.rules.base import Report
from ..graphviz.dot import date_line, heading
from ..graphviz.runner import Cancel
from ..labels import clean
from ..options import ExportOptions
from ..pdf import chartpages
from ..pdf.sheet_pages import chart_sheets
from ..pdf.sheets import Rect
from ..pdf.typst_doc import compile_pdf
from . import compare, content, matrix
from .blocks import Block, PageBreak, to_data
from .outline import reporting_structure

if TYPE_CHECKING:
    from ..api import Progress

CHART_HEADING_SPACE = 40.0
FOOTER_SPACE = 24.0
#: Room under a compared chart for the legend of its tags.
LEGEND_SPACE = 14.0
#: The cover takes one page, so the chart's page n is the packet's page n + 1.
CHART_OFFSET = 1


def chart_sheet_area(options: ExportOptions) -> Rect:
    """Where the chart goes on a chart page of the packet: under its heading, above its legend and footer."""
    page_w, page_h = options.page_size
    m = options.margin
    bottom = FOOTER_SPACE + LEGEND_SPACE
    return (m, m + bottom, page_w - 2 * m, page_h - 2 * m - bottom - CHART_HEADING_SPACE)


def compose_packet(
    chart: Chart,
    report: Report,
    options: ExportOptions,
    *,
    title_date: date | None = None,
    comparison: Comparison | None = None,
    scenario: str | None = None,
    cancel: Cancel | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The packet PDF.

    The chart pages are department pages (or one page) in the canvas layout,
    poster sheets, or Graphviz's own layout, as ``options`` say; ``scenario``
    names the chart on the cover. With a ``comparison`` (from another chart
    to this one), the chart pages tag added and moved roles and a section on
    what changed follows the findings.
    """
    day = title_date or date.today()
    text_size = (min(options.page_size), max(options.page_size))  # text pages are portrait
    base = comparison.name_a if comparison is not None else None
    scenario = scenario or (comparison.name_b if comparison is not None else None)
    title = "Organization chart" + (f" · {scenario}" if scenario else "") + (f", compared with {base}" if base else "")
    tags = comparison.role_marks("b") if comparison is not None else {}
    drawn = chart_sheets(chart, options, chart_sheet_area(options), report=report, cancel=cancel, progress=progress,
                         title_date=title_date, offset=CHART_OFFSET, tags=tags)
    if progress is not None:
        progress("Composing the packet", 0.7)
    width = text_size[0] - 2 * options.margin
    body: list[Block] = [*content.metrics_section(report, width), *content.findings_section(chart, report),
                         PageBreak(), *matrix.matrix_section(chart, width)]
    if comparison is not None:
        body += [PageBreak(), *compare.comparison_section(comparison, chart, width)]
    data = {
        "title": f"{clean(heading(chart))}: board packet",
        "footer": f"{clean(heading(chart))} · {day:%B} {day.day}, {day.year}",
        "margin": options.margin,
        "footer_space": FOOTER_SPACE,
        "text": {"w": text_size[0], "h": text_size[1]},
        "chart_size": {"w": options.page_size[0], "h": options.page_size[1]},
        "cover": [to_data(b) for b in content.cover(chart, report, day, compared_with=base, scenario=scenario)],
        "chart_title": title,
        "stamp": date_line(day),
        "legend": [{"text": t, "colour": c, "meaning": m.format(base=base)} for t, c, m in chartpages.LEGEND]
                  if tags and base else [],
        "charts": drawn.pages,
        "structure": reporting_structure(chart),
        "body": [to_data(b) for b in body],
    }
    return compile_pdf("packet.typ", data, drawn.files, cancel=cancel)


__all__ = ["chart_sheet_area", "compose_packet"]
