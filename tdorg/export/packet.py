"""The board packet: cover, the chart, the chart in words, the metrics, the findings and, optionally,
the changes from another scenario or chart, in one tagged PDF (PDF/UA-1).

The text is built as blocks (:mod:`tdorg.export.blocks`) and printed by the
Typst template ``resources/typst/packet.typ`` (:mod:`tdorg.export.typst_doc`):
a document title shown as the window title, the language, headings in order
(which are the bookmarks), tables with header rows, findings as lists. Each
chart page places its own piece of Graphviz's SVG drawing as a figure with
alternative text, so its text stays real and selectable, and the reporting
structure follows as a nested list a screen reader reads in order.
"""

from __future__ import annotations

from datetime import date

from ..model.chart import Chart
from ..model.compare import Comparison
from ..model.plural import plural
from ..model.rules.base import Report
from . import chartpages, packet_compare, packet_content, packet_matrix
from .blocks import Block, PageBreak, to_data
from .chartpdf import plan
from .dot import date_line, heading
from .labels import clean
from .options import ExportOptions
from .packet_outline import reporting_structure
from .pages import PagePlan
from .sheets import Rect, Sheet
from .svg_drawing import Drawing
from .typst_doc import compile_pdf

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


def _alt(chart: Chart, number: int, total: int, shown: int, subtitle: str) -> str:
    where = f"page {number} of {total} of the organization chart" if total > 1 else "the organization chart"
    what = f" ({subtitle})" if subtitle else ""
    return (f"{heading(chart)}: {where}{what}, {plural(shown, 'role')} in boxes joined by reporting lines. "
            "The section “The chart in words” gives the same reporting structure as a list.")


def _marks(page, sheet: Sheet, page_h: float, tags: dict[str, frozenset[str]]) -> tuple[list, list]:  # type: ignore[no-untyped-def]
    """"continued on page N" under boxes, and NEW / MOVED tags on their top edge, in page coordinates
    from the top left."""
    gap = page.layout.v_gap / 3 * sheet.scale  # the least room under a box
    size = max(6.0, min(8.0, gap * 0.62))
    continued = []
    for rid, number in page.continued.items():
        x, y, w, _ = chartpages.box_on_page(page, sheet, rid)
        continued.append({"x": x + 4, "y": page_h - y + 1, "size": size,
                          "text": f"continued on page {number + CHART_OFFSET}"})
    shown = []
    for rid in page.tree.order if tags else ():
        kinds = [chartpages.TAGS[k] for k in ("added", "moved") if k in tags.get(rid, frozenset())]
        if kinds:
            x, y, w, h = chartpages.box_on_page(page, sheet, rid)
            shown.append({"right": x + w - 4, "y": page_h - (y + h), "text": kinds[0][0], "colour": kinds[0][1]})
    return continued, shown


def _chart_pages(chart: Chart, drawing: Drawing, sheets: list[Sheet], pages: PagePlan | None,
                 options: ExportOptions, title: chartpages.Heading,
                 tags: dict[str, frozenset[str]]) -> tuple[list[dict], dict[str, bytes]]:
    page_w, page_h = options.page_size
    out, files = [], {}
    for index, sheet in enumerate(sheets):
        rx, ry, rw, rh = sheet.region
        name = f"sheet-{index + 1}.svg"
        files[name] = drawing.piece(sheet.region)
        subtitle, continued, shown = "", [], []
        count = drawing.count(sheet.region)
        if pages is not None:
            page = pages.pages[index]
            words = chartpages.page_subtitle(chart, pages, page, CHART_OFFSET)
            subtitle = (words.leads[0] if words.leads else "") + words.tail
            continued, shown = _marks(page, sheet, page_h, tags)
        else:
            subtitle = f"{sheet.label} · sheet {index + 1} of {len(sheets)}" if len(sheets) > 1 else ""
        out.append({
            "file": name,
            "x": sheet.tx + rx * sheet.scale,
            "y": page_h - (sheet.ty + (ry + rh) * sheet.scale),
            "w": rw * sheet.scale,
            "h": rh * sheet.scale,
            "alt": _alt(chart, index + 1, len(sheets), count, subtitle),
            "subtitle": subtitle,
            "department": pages is not None and bool(pages.pages[index].heads),
            "continued": continued,
            "tags": shown,
        })
    return out, files


def compose_packet(
    chart: Chart,
    report: Report,
    chart_svg: bytes,
    options: ExportOptions,
    *,
    box: tuple[float, float],
    title_date: date | None = None,
    comparison: Comparison | None = None,
    pages: PagePlan | None = None,
    scenario: str | None = None,
) -> tuple[bytes, list[int]]:
    """The packet PDF and the (0-based) indices of its chart pages.

    ``chart_svg`` is Graphviz's SVG drawing of ``pages`` (the plan of the
    chart's pages, canvas layout, fitted to the page); ``scenario`` names the
    chart on the cover. With a ``comparison`` (from another chart to this
    one), the chart pages tag added and moved roles and a section on what
    changed follows the findings.
    """
    day = title_date or date.today()
    drawing = Drawing(chart_svg)
    area = chart_sheet_area(options)
    if pages is not None and options.fit == "page":
        sheets = chartpages.sheets(pages, area, (drawing.width, drawing.height))
    else:
        sheets, pages = plan(drawing, options, box, area), None  # type: ignore[arg-type]
    text_size = (min(options.page_size), max(options.page_size))  # text pages are portrait
    base = comparison.name_a if comparison is not None else None
    scenario = scenario or (comparison.name_b if comparison is not None else None)
    title = "Organization chart" + (f" · {scenario}" if scenario else "") + (f", compared with {base}" if base else "")
    tags = comparison.role_marks("b") if comparison is not None else {}
    charts, files = _chart_pages(chart, drawing, sheets, pages, options, chartpages.Heading(title, date_line(day), base),
                                 tags)
    width = text_size[0] - 2 * options.margin
    body: list[Block] = [*packet_content.metrics_section(report, width), *packet_content.findings_section(chart, report),
                         PageBreak(), *packet_matrix.matrix_section(chart, width)]
    if comparison is not None:
        body += [PageBreak(), *packet_compare.comparison_section(comparison, chart, width)]
    data = {
        "title": f"{clean(heading(chart))}: board packet",
        "footer": f"{clean(heading(chart))} · {day:%B} {day.day}, {day.year}",
        "margin": options.margin,
        "footer_space": FOOTER_SPACE,
        "text": {"w": text_size[0], "h": text_size[1]},
        "chart_size": {"w": options.page_size[0], "h": options.page_size[1]},
        "cover": [to_data(b) for b in packet_content.cover(chart, report, day, compared_with=base, scenario=scenario)],
        "chart_title": title,
        "stamp": date_line(day),
        "legend": [{"text": t, "colour": c, "meaning": m.format(base=base)} for t, c, m in chartpages.LEGEND]
                  if tags and base else [],
        "charts": charts,
        "structure": reporting_structure(chart),
        "body": [to_data(b) for b in body],
    }
    pdf = compile_pdf("packet.typ", data, files)
    return pdf, [CHART_OFFSET + i for i in range(len(sheets))]


__all__ = ["chart_sheet_area", "compose_packet"]
