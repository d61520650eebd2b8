"""The chart alone as a PDF on real paper: one fitted sheet or a tiled poster."""

from __future__ import annotations

import io

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from . import fonts, style
from .options import ExportOptions
from .pdfplace import ChartPdf, place_chart
from .sheets import Rect, Sheet, fit_sheet, poster_sheets

FOOTER_SIZE = 8.0


def chart_area(options: ExportOptions) -> Rect:
    """The part of a sheet the chart may use: inside the margins, above the footer."""
    page_w, page_h = options.page_size
    m = options.margin
    footer = FOOTER_SIZE * 2.5
    return (m, m + footer, page_w - 2 * m, page_h - 2 * m - footer)


def plan(chart: ChartPdf, options: ExportOptions, box: tuple[float, float], area: Rect | None = None) -> list[Sheet]:
    area = area or chart_area(options)
    if options.fit == "poster":
        return poster_sheets(chart.width, chart.height, area, box=box, overlap=options.overlap)
    return [fit_sheet(chart.width, chart.height, area)]


def _furniture(sheets: list[Sheet], options: ExportOptions, heading: str, stamp: str) -> bytes:
    family = fonts.register()
    page_w, page_h = options.page_size
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(page_w, page_h), pageCompression=1)
    canvas.setTitle(heading)
    canvas.setAuthor("tdorg")
    canvas.setSubject("Technology department organization chart")
    m = options.margin
    for number, sheet in enumerate(sheets, 1):
        canvas.setStrokeColor(HexColor("#D0D5DB"))
        canvas.setLineWidth(0.5)
        canvas.line(m, m + FOOTER_SIZE * 1.6, page_w - m, m + FOOTER_SIZE * 1.6)
        canvas.setFillColor(HexColor(style.MUTED_COLOUR))
        canvas.setFont(family, FOOTER_SIZE)
        canvas.drawString(m, m, f"{heading} · {stamp}")
        where = f"Sheet {number} of {len(sheets)}"
        if sheet.label:
            where += f" · {sheet.label}"
        canvas.drawRightString(page_w - m, m, where)
        if sheet.rows * sheet.cols > 1:
            _overlap_marks(canvas, sheet)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _overlap_marks(canvas: Canvas, sheet: Sheet) -> None:
    """Thin corner marks on the clip area, to line tiles up when assembling the poster."""
    x, y, w, h = sheet.clip
    canvas.setStrokeColor(HexColor("#9AA3AD"))
    canvas.setLineWidth(0.4)
    tick = 10.0
    for cx, cy, dx, dy in ((x, y, 1, 1), (x + w, y, -1, 1), (x, y + h, 1, -1), (x + w, y + h, -1, -1)):
        canvas.line(cx, cy, cx + dx * tick, cy)
        canvas.line(cx, cy, cx, cy + dy * tick)


def compose_chart_pdf(
    chart_pdf: bytes, options: ExportOptions, *, box: tuple[float, float], heading: str, stamp: str
) -> tuple[bytes, int]:
    """The final PDF and its number of sheets."""
    chart = ChartPdf(chart_pdf)
    sheets = plan(chart, options, box)
    pages = _furniture(sheets, options, heading, stamp)
    return place_chart(pages, chart, enumerate(sheets)), len(sheets)


__all__ = ["chart_area", "compose_chart_pdf", "plan"]
