"""The board packet: cover, the chart, the metrics, the findings and, optionally, the changes from
another scenario or chart, in one PDF.

The text pages are composed with ReportLab's platypus; the chart pages are
left blank there and the Graphviz chart is then drawn onto them as a vector
form (:mod:`tdorg.export.pdfplace`), so its text stays selectable.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

from reportlab.lib.colors import HexColor
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageBreak, PageTemplate, Spacer

from ..model.chart import Chart
from ..model.compare import Comparison
from ..model.rules.base import Report
from . import chartpages, fonts, packet_compare, packet_content, packet_matrix, style
from .chartpdf import plan
from .dot import date_line, heading
from .options import ExportOptions
from .pages import PagePlan
from .pdfplace import ChartPdf, place_chart
from .sheets import Rect, Sheet

CHART_HEADING_SPACE = 40.0
FOOTER_SPACE = 24.0
#: Room under a compared chart for the legend of its tags.
LEGEND_SPACE = 14.0


class _ChartSheet(Flowable):
    """An empty flowable that notes which page holds chart sheet ``index``."""

    def __init__(self, pages: dict[int, int], index: int) -> None:
        super().__init__()
        self.pages = pages
        self.index = index

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        self.pages[self.index] = self.canv.getPageNumber()


@dataclass
class _Pages:
    """What the page decorations need to know while the document is built."""

    footer: str
    sheet_of_page: dict[int, int] = field(default_factory=dict)
    sheet_labels: list[str] = field(default_factory=list)
    chart: Chart | None = None
    heading: chartpages.Heading | None = None
    plan: PagePlan | None = None
    sheets: list[Sheet] = field(default_factory=list)
    tags: dict[str, frozenset[str]] = field(default_factory=dict)


def chart_sheet_area(options: ExportOptions) -> Rect:
    """Where the chart goes on a chart page of the packet: under its heading, above its legend and footer."""
    page_w, page_h = options.page_size
    m = options.margin
    bottom = FOOTER_SPACE + LEGEND_SPACE
    return (m, m + bottom, page_w - 2 * m, page_h - 2 * m - bottom - CHART_HEADING_SPACE)


def _footer(canvas, doc, info: _Pages) -> None:  # type: ignore[no-untyped-def]
    page_w, _ = canvas._pagesize
    m = doc.leftMargin
    canvas.saveState()
    canvas.setStrokeColor(HexColor("#D0D5DB"))
    canvas.setLineWidth(0.5)
    canvas.line(m, m + 12, page_w - m, m + 12)
    canvas.setFont(fonts.register(), 8)
    canvas.setFillColor(HexColor(style.MUTED_COLOUR))
    canvas.drawString(m, m, info.footer)
    canvas.drawRightString(page_w - m, m, f"Page {canvas.getPageNumber()}")
    canvas.restoreState()


def _chart_page_end(canvas, doc, info: _Pages) -> None:  # type: ignore[no-untyped-def]
    page_w, page_h = canvas._pagesize
    m = doc.leftMargin
    index = next((i for i, p in info.sheet_of_page.items() if p == canvas.getPageNumber()), 0)
    family, bold = fonts.register(), fonts.bold()
    # Chart pages follow each other: the plan's page n is the packet's page first + n - 1.
    offset = info.sheet_of_page.get(0, 1) - 1
    canvas.saveState()
    label = chartpages.Subtitle((info.sheet_labels[index],) if index < len(info.sheet_labels) else ())
    if info.plan is not None and info.chart is not None:
        page = info.plan.pages[index]
        label = chartpages.page_subtitle(info.chart, info.plan, page, offset)
        chartpages.draw_marks(canvas, page, info.sheets[index], family, bold, info.tags, offset)
    assert info.heading is not None
    chartpages.draw_heading(canvas, info.heading, label, page_h - m, m, page_w - m, family, bold)
    if info.tags and info.heading.base:
        chartpages.draw_legend(canvas, info.heading.base, m, m + FOOTER_SPACE, family, bold)
    canvas.restoreState()
    _footer(canvas, doc, info)


def compose_packet(
    chart: Chart,
    report: Report,
    chart_pdf: bytes,
    options: ExportOptions,
    *,
    box: tuple[float, float],
    title_date: date | None = None,
    comparison: Comparison | None = None,
    pages: PagePlan | None = None,
    scenario: str | None = None,
) -> tuple[bytes, list[int]]:
    """The packet PDF and the (0-based) indices of its chart pages.

    ``pages`` is the plan of the chart's pages (canvas layout, fitted to the
    page); ``scenario`` names the chart on the cover. With a ``comparison``
    (from another chart to this one), the chart pages tag added and moved
    roles and a section on what changed follows the findings.
    """
    day = title_date or date.today()
    graph = ChartPdf(chart_pdf)
    area = chart_sheet_area(options)
    if pages is not None and options.fit == "page":
        sheets = chartpages.sheets(pages, area, (graph.width, graph.height))
    else:
        sheets, pages = plan(graph, options, box, area), None
    text_size = (min(options.page_size), max(options.page_size))  # text pages are portrait
    base = comparison.name_a if comparison is not None else None
    scenario = scenario or (comparison.name_b if comparison is not None else None)
    title = "Organization chart" + (f" · {scenario}" if scenario else "") + (f", compared with {base}" if base else "")
    info = _Pages(footer=f"{heading(chart)} · {day:%B} {day.day}, {day.year}", chart=chart, plan=pages, sheets=sheets,
                  heading=chartpages.Heading(title, date_line(day), base),
                  tags=comparison.role_marks("b") if comparison is not None else {})
    for number, sheet in enumerate(sheets, 1):
        label = f"{sheet.label} · sheet {number} of {len(sheets)}" if len(sheets) > 1 else ""
        info.sheet_labels.append(label)

    m = options.margin
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=text_size,
        leftMargin=m,
        rightMargin=m,
        topMargin=m,
        bottomMargin=m,
        title=f"{heading(chart)}: board packet",
        author="tdorg",
        subject="Technology department organization, staffing metrics and framework findings",
    )

    def frame(size: tuple[float, float], top_space: float = 0.0) -> Frame:
        return Frame(m, m + FOOTER_SPACE, size[0] - 2 * m, size[1] - 2 * m - FOOTER_SPACE - top_space, id="body")

    doc.addPageTemplates(
        [
            PageTemplate(
                id="text", frames=[frame(text_size)], pagesize=text_size, onPage=lambda c, d: _footer(c, d, info)
            ),
            PageTemplate(
                id="chart",
                frames=[frame(options.page_size, CHART_HEADING_SPACE)],
                pagesize=options.page_size,
                onPageEnd=lambda c, d: _chart_page_end(c, d, info),
            ),
        ]
    )
    story: list[Flowable] = list(packet_content.cover(chart, report, day, compared_with=base, scenario=scenario))
    story += [NextPageTemplate("chart"), PageBreak()]
    for index in range(len(sheets)):
        if index:
            story.append(PageBreak())
        story.append(_ChartSheet(info.sheet_of_page, index))
    story += [NextPageTemplate("text"), PageBreak()]
    story += packet_content.metrics_section(report, text_size[0] - 2 * m)
    story.append(Spacer(1, 18))
    story += packet_content.findings_section(chart, report)
    story += [PageBreak(), *packet_matrix.matrix_section(chart, text_size[0] - 2 * m)]
    if comparison is not None:
        story += [PageBreak(), *packet_compare.comparison_section(comparison, chart, text_size[0] - 2 * m)]
    doc.build(story)

    placements = [(info.sheet_of_page[i] - 1, sheet) for i, sheet in enumerate(sheets)]
    return place_chart(out.getvalue(), graph, placements), [p for p, _ in placements]


__all__ = ["chart_sheet_area", "compose_packet"]
