"""The chart alone as a PDF on real paper: fitted pages, or a poster.

Fitted pages are the whole chart on one page, or department pages when the
whole chart would print too small (:mod:`tdorg.export.pages`); each has a
heading with the chart's title and date above the chart. A poster starts with an overview sheet (the whole chart with the sheet grid
over it), then prints only the grid's sheets that hold a role, each named by
its place in the grid (``C4``: row C, column 4) with its neighbours' names at
its edges so the pieces can be put together.
"""

from __future__ import annotations

import io

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from ..model.chart import Chart
from . import chartpages, fonts, overview, style
from .options import ExportOptions
from .pages import PagePlan
from .pdfplace import ChartPdf, place_chart
from .sheets import Rect, Sheet, fit_sheet, holding_boxes, poster_sheets

FOOTER_SIZE = 8.0
MARK_SIZE = 7.0


def chart_area(options: ExportOptions, headed: bool = True) -> Rect:
    """The part of a sheet the chart may use: inside the margins, above the footer, below the
    heading of a fitted page (poster tiles have none)."""
    page_w, page_h = options.page_size
    m = options.margin
    footer = FOOTER_SIZE * 2.5
    heading = chartpages.HEADING_SPACE if headed else 0.0
    return (m, m + footer, page_w - 2 * m, page_h - 2 * m - footer - heading)


def poster_grid(chart: ChartPdf, options: ExportOptions, box: tuple[float, float], area: Rect) -> list[Sheet]:
    """Every tile of the poster, blank ones included."""
    return poster_sheets(
        chart.width, chart.height, area, box=box, overlap=options.overlap, scale=options.poster_scale / 100
    )


def plan(chart: ChartPdf, options: ExportOptions, box: tuple[float, float], area: Rect | None = None) -> list[Sheet]:
    """The sheets to print: the fitted chart, or the poster tiles whose cell holds a role."""
    area = area or chart_area(options, headed=options.fit == "page")
    if options.fit == "poster":
        return holding_boxes(poster_grid(chart, options, box, area), chart.boxes(box), chart.width, chart.height)
    return [fit_sheet(chart.width, chart.height, area)]


def _footer(canvas: Canvas, options: ExportOptions, family: str, left: str, right: str) -> None:
    page_w, _ = options.page_size
    m = options.margin
    canvas.setStrokeColor(HexColor("#D0D5DB"))
    canvas.setLineWidth(0.5)
    canvas.line(m, m + FOOTER_SIZE * 1.6, page_w - m, m + FOOTER_SIZE * 1.6)
    canvas.setFillColor(HexColor(style.MUTED_COLOUR))
    canvas.setFont(family, FOOTER_SIZE)
    canvas.drawString(m, m, left)
    canvas.drawRightString(page_w - m, m, right)


def _neighbour_marks(canvas: Canvas, sheet: Sheet, printed: set[str], family: str) -> None:
    """The names of the printed neighbours, in the margin at the middle of each edge."""
    x, y, w, h = sheet.clip
    canvas.setFillColor(HexColor("#1D4ED8"))
    canvas.setFont(family, MARK_SIZE)
    for dr, dc, arrow in ((-1, 0, "↑"), (1, 0, "↓"), (0, -1, "←"), (0, 1, "→")):
        r, c = sheet.row + dr, sheet.col + dc
        if not (0 <= r < sheet.rows and 0 <= c < sheet.cols):
            continue
        name = Sheet(sheet.clip, 1.0, 0.0, 0.0, sheet.region, r, c, sheet.rows, sheet.cols).name
        if name not in printed:
            continue
        text = f"{arrow} {name}" if dc <= 0 else f"{name} {arrow}"
        if dc == 0:
            canvas.drawCentredString(x + w / 2, y + h + 5 if dr < 0 else y - FOOTER_SIZE * 2.5 - 10, text)
        else:
            canvas.saveState()
            canvas.translate(x - 5 if dc < 0 else x + w + 5, y + h / 2)
            canvas.rotate(90 if dc < 0 else -90)
            canvas.drawCentredString(0, 0, text)
            canvas.restoreState()


def _overlap_marks(canvas: Canvas, sheet: Sheet) -> None:
    """Thin corner marks on the clip area, to line tiles up when assembling the poster."""
    x, y, w, h = sheet.clip
    canvas.setStrokeColor(HexColor("#9AA3AD"))
    canvas.setLineWidth(0.4)
    tick = 10.0
    for cx, cy, dx, dy in ((x, y, 1, 1), (x + w, y, -1, 1), (x, y + h, 1, -1), (x + w, y + h, -1, -1)):
        canvas.line(cx, cy, cx + dx * tick, cy)
        canvas.line(cx, cy, cx, cy + dy * tick)


def _pages(
    sheets: list[Sheet], options: ExportOptions, heading: str, stamp: str, plan_view: overview.Overview | None
) -> bytes:
    family = fonts.register()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=options.page_size, pageCompression=1)
    canvas.setTitle(heading)
    canvas.setAuthor("tdorg")
    canvas.setSubject("Technology department organization chart")
    left = f"{heading} · {stamp}"
    total = len(sheets) + (plan_view is not None)
    if plan_view is not None:
        overview.draw(canvas, plan_view, _overview_area(options), family, fonts.bold())
        _footer(canvas, options, family, left, f"Overview · page 1 of {total}")
        canvas.showPage()
    printed = {s.name for s in sheets}
    for number, sheet in enumerate(sheets, total - len(sheets) + 1):
        where = f"{sheet.label} · page {number} of {total}" if sheet.label else f"Sheet {number} of {total}"
        _footer(canvas, options, family, left, where)
        if sheet.rows * sheet.cols > 1:
            _overlap_marks(canvas, sheet)
            _neighbour_marks(canvas, sheet, printed, family)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _overview_area(options: ExportOptions) -> Rect:
    x, y, w, h = chart_area(options, headed=False)
    return (x, y + 4, w, h - 4)


def _fitted_pages(
    sheets: list[Sheet], options: ExportOptions, heading: chartpages.Heading, plan: PagePlan | None,
    model: Chart | None,
) -> bytes:
    family, bold = fonts.register(), fonts.bold()
    out = io.BytesIO()
    page_w, page_h = options.page_size
    m = options.margin
    canvas = Canvas(out, pagesize=options.page_size, pageCompression=1)
    canvas.setTitle(heading.title)
    canvas.setAuthor("tdorg")
    canvas.setSubject("Technology department organization chart")
    for number, sheet in enumerate(sheets, 1):
        page = plan.pages[number - 1] if plan is not None else None
        subtitle = (chartpages.page_subtitle(model, plan, page) if page is not None and model is not None
                    else chartpages.Subtitle())
        chartpages.draw_heading(canvas, heading, subtitle, page_h - m, m, page_w - m, family, bold)
        if page is not None:
            chartpages.draw_marks(canvas, page, sheet, family, bold)
        _footer(canvas, options, family, "", f"Page {number} of {len(sheets)}" if len(sheets) > 1 else "")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def compose_chart_pdf(
    chart_pdf: bytes, options: ExportOptions, *, box: tuple[float, float], heading: str, stamp: str,
    pages: PagePlan | None = None, model: Chart | None = None,
) -> tuple[bytes, int]:
    """The final PDF and its number of pages (a poster's overview included).

    Fitted to the page, the chart is drawn as ``pages`` says (its pages and
    their references; ``model`` names the departments' managers), or
    without a plan (Graphviz's own layout) whole on one page.
    """
    chart = ChartPdf(chart_pdf)
    if options.fit == "page":
        area = chart_area(options)
        fitted = (chartpages.sheets(pages, area, (chart.width, chart.height)) if pages is not None
                  else [fit_sheet(chart.width, chart.height, area)])
        drawn = _fitted_pages(fitted, options, chartpages.Heading(heading, stamp), pages, model)
        return place_chart(drawn, chart, enumerate(fitted)), len(fitted)
    area = chart_area(options, headed=False)
    sheets = plan(chart, options, box, area)
    plan_view = None
    placements: list[tuple[int, Sheet]] = []
    if options.fit == "poster" and sheets[0].rows * sheets[0].cols > 1:
        grid = poster_grid(chart, options, box, area)
        plan_view = overview.layout(chart.width, chart.height, grid, sheets, _overview_area(options))
        placements = [(0, band) for band in plan_view.bands]
    first = len(placements) and 1
    placements += [(first + i, sheet) for i, sheet in enumerate(sheets)]
    pages = _pages(sheets, options, heading, stamp, plan_view)
    return place_chart(pages, chart, placements), len(sheets) + (plan_view is not None)


__all__ = ["chart_area", "compose_chart_pdf", "plan", "poster_grid"]
