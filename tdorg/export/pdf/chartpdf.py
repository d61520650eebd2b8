"""The chart alone as a tagged PDF on real paper: fitted pages, or a poster.

Fitted pages are the whole chart on one page, or department pages when the
whole chart would print too small (:mod:`tdorg.export.pages`); each has a
heading with the chart's title and date above the chart. A poster starts
with an overview sheet (the whole chart with the sheet grid over it), then
prints only the grid's sheets that hold a role, each named by its place in
the grid (``C4``: row C, column 4) with its neighbours' names at its edges so
the pieces can be put together. The pages are composed by Typst
(``resources/typst/chart.typ``) around Graphviz's drawings of each page.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ...model.chart import Chart
from ...model.rules.base import Report
from .. import style
from ..graphviz.dot import date_line, heading
from ..graphviz.svg_text import without_text
from ..graphviz.runner import Cancel
from ..labels import clean
from ..options import ExportOptions
from . import chartpages, overview
from .sheet_pages import ChartSheets, chart_sheets
from .sheets import Rect, Sheet
from .typst_doc import compile_pdf

if TYPE_CHECKING:
    from ..api import Progress

FOOTER_SIZE = 8.0
MARK_SIZE = 7.0
MARK_COLOUR = "#1D4ED8"
#: Width of the box a neighbour's name is centred in.
MARK_WIDTH = 120.0
#: Role titles printed smaller than this (in points) are a smudge a few printer's dots high: a poster overview
#: drawn that small leaves its text out (the sheets print it), and a big chart's PDF composes faster.
OVERVIEW_TEXT_PT = 0.5


def chart_area(options: ExportOptions, headed: bool = True) -> Rect:
    """The part of a sheet the chart may use: inside the margins, above the footer, below the
    heading of a fitted page (poster tiles have none)."""
    page_w, page_h = options.page_size
    m = options.margin
    footer = FOOTER_SIZE * 2.5
    top = chartpages.HEADING_SPACE if headed else 0.0
    return (m, m + footer, page_w - 2 * m, page_h - 2 * m - footer - top)


def _overview_area(options: ExportOptions) -> Rect:
    x, y, w, h = chart_area(options, headed=False)
    return (x, y + 4, w, h - 4)


def _neighbour_marks(sheet: Sheet, printed: set[str], page_h: float) -> list[dict]:
    """The names of the printed neighbours, in the margin at the middle of each edge."""
    x, y, w, h = sheet.clip
    out = []
    for dr, dc, arrow in ((-1, 0, "↑"), (1, 0, "↓"), (0, -1, "←"), (0, 1, "→")):
        r, c = sheet.row + dr, sheet.col + dc
        if not (0 <= r < sheet.rows and 0 <= c < sheet.cols):
            continue
        name = Sheet(sheet.clip, 1.0, 0.0, 0.0, sheet.region, r, c, sheet.rows, sheet.cols).name
        if name not in printed:
            continue
        text = f"{arrow} {name}" if dc <= 0 else f"{name} {arrow}"
        if dc == 0:
            cx, cy = x + w / 2, (y + h + 5 + MARK_SIZE / 2) if dr < 0 else (y - FOOTER_SIZE * 2.5 - 10 + MARK_SIZE / 2)
        else:
            cx, cy = (x - 5 - MARK_SIZE / 2) if dc < 0 else (x + w + 5 + MARK_SIZE / 2), y + h / 2
        out.append({"x": cx - MARK_WIDTH / 2, "y": page_h - cy - MARK_SIZE * 0.6, "w": MARK_WIDTH, "size": MARK_SIZE,
                    "colour": MARK_COLOUR, "bold": False, "angle": 0 if dc == 0 else (-90 if dc < 0 else 90),
                    "text": text})
    return out


def _overlap_marks(sheet: Sheet, page_h: float) -> list[dict]:
    """Thin corner marks on the clip area, to line tiles up when assembling the poster."""
    x, y, w, h = sheet.clip
    tick = 10.0
    out = []
    for cx, cy, dx, dy in ((x, y, 1, 1), (x + w, y, -1, 1), (x, y + h, 1, -1), (x + w, y + h, -1, -1)):
        out.append({"x": cx, "y": page_h - cy, "dx": dx * tick, "dy": 0})
        out.append({"x": cx, "y": page_h - cy, "dx": 0, "dy": -dy * tick})
    return out


def _poster_pages(drawn: ChartSheets, options: ExportOptions, title: str, stamp: str) -> list[dict]:
    """The overview (when the poster has more than one sheet) and the sheets, with their marks and footers."""
    poster = drawn.poster
    assert poster is not None
    page_h = options.page_size[1]
    sheets = [sheet for sheet, _ in poster.sheets]
    pages = list(drawn.pages)
    if len(poster.grid) > 1:
        whole = poster.overview
        placed, view = overview.page(whole.width, whole.height, poster.grid, sheets, _overview_area(options), page_h)
        first = {"headed": False, "subtitle": "", "leads": [""], "tail": "", "department": False, "continued": [],
                 "tags": [], **view}
        legible = placed.scale * style.TITLE_SIZE >= OVERVIEW_TEXT_PT
        drawn.add_figure(first, whole.svg if legible else without_text(whole.svg), placed.tx,
                         page_h - placed.ty - whole.height * placed.scale,
                         whole.width * placed.scale, whole.height * placed.scale,
                         f"{title}: the whole chart, with the grid of the poster's sheets over it.",
                         whole.placed if legible else ())
        first["footer"] = [f"{title} · {stamp}", f"Overview · page 1 of {len(pages) + 1}"]
        pages.insert(0, first)
    total = len(pages)
    printed = {s.name for s in sheets}
    for number, (page, sheet) in enumerate(zip(pages[total - len(sheets):], sheets), total - len(sheets) + 1):
        page["headed"] = False
        where = f"{sheet.label} · page {number} of {total}" if sheet.label else f"Sheet {number} of {total}"
        page["footer"] = [f"{title} · {stamp}", where]
        if sheet.rows * sheet.cols > 1:
            page["lines"] = _overlap_marks(sheet, page_h)
            page["notes"] = _neighbour_marks(sheet, printed, page_h)
    return pages


def compose_chart_pdf(
    chart: Chart, options: ExportOptions, *, report: Report | None = None, cancel: Cancel | None = None,
    progress: Progress | None = None, title_date: date | None = None,
) -> tuple[bytes, int]:
    """The final PDF of ``chart`` and its number of pages (a poster's overview included)."""
    title = clean(heading(chart))
    stamp = date_line(title_date)
    area = chart_area(options, headed=options.fit == "page")
    drawn = chart_sheets(chart, options, area, report=report, cancel=cancel, progress=progress,
                         title_date=title_date)
    if progress is not None:
        progress("Composing pages", 0.8)
    if options.fit == "poster":
        pages = _poster_pages(drawn, options, title, stamp)
    else:
        pages = drawn.pages
        for number, page in enumerate(pages, 1):
            page["footer"] = ["", f"Page {number} of {len(pages)}" if len(pages) > 1 else ""]
    data = {
        "title": title,
        "stamp": stamp,
        "margin": options.margin,
        "footer_space": FOOTER_SIZE * 2.5,
        "size": {"w": options.page_size[0], "h": options.page_size[1]},
        "pages": pages,
    }
    return compile_pdf("chart.typ", data, drawn.files, cancel=cancel), len(pages)


__all__ = ["chart_area", "compose_chart_pdf"]
