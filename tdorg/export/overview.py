"""The first sheet of a poster: the whole chart on one page with the sheet grid over it.

A wide chart is cut into bands of whole grid columns stacked down the page,
as many as make it largest. Each cell of the grid shows the name of the sheet
that prints it; cells left out (no role on them) are greyed.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from .sheets import Rect, Sheet, grid_cells, row_letters

TITLE_SPACE = 34.0
BAND_GAP = 14.0
#: The overview never draws the chart larger than full size.
MAX_SCALE = 1.0


@dataclass(frozen=True)
class Overview:
    bands: list[Sheet]  # where the chart is drawn on the page, band by band
    cells: list[tuple[Sheet, Rect, bool]]  # every grid sheet, its cell on the page, and whether it is printed
    rows: int
    cols: int


def _groups(count: int, k: int) -> list[range]:
    per = -(-count // k)
    return [range(i, min(i + per, count)) for i in range(0, count, per)]


def layout(chart_w: float, chart_h: float, grid: list[Sheet], printed: list[Sheet], area: Rect) -> Overview:
    rows, cols = grid[0].rows, grid[0].cols
    xs, ys = grid_cells(grid, chart_w, chart_h)
    x, y, w, h = area
    h -= TITLE_SPACE
    best: tuple[float, list[range]] = (0.0, [range(cols)])
    for k in range(1, cols + 1):
        groups = _groups(cols, k)
        widest = max(xs[g[-1]][1] - xs[g[0]][0] for g in groups)
        tall = len(groups) * chart_h
        scale = min(w / widest, (h - BAND_GAP * (len(groups) - 1)) / tall, MAX_SCALE)
        if scale > best[0] * 1.01:
            best = (scale, groups)
        if len(groups) * chart_h * best[0] > h:
            break
    scale, groups = best
    widest = max(xs[g[-1]][1] - xs[g[0]][0] for g in groups)
    left = x + (w - widest * scale) / 2
    top = y + h
    bands, band_of = [], {}
    for i, group in enumerate(groups):
        rx = xs[group[0]][0]
        rw = xs[group[-1]][1] - rx
        by = top - (i + 1) * chart_h * scale - i * BAND_GAP
        clip = (left, by, rw * scale, chart_h * scale)
        bands.append(Sheet(clip, scale, left - rx * scale, by, (rx, 0.0, rw, chart_h)))
        band_of.update(dict.fromkeys(group, bands[-1]))
    names = {s.name for s in printed}
    cells = []
    for sheet in grid:
        band = band_of[sheet.col]
        (x0, x1), (y0, y1) = xs[sheet.col], ys[sheet.row]
        rect = (band.tx + x0 * scale, band.ty + y0 * scale, (x1 - x0) * scale, (y1 - y0) * scale)
        cells.append((sheet, rect, sheet.name in names))
    return Overview(bands, cells, rows, cols)


def draw(canvas: Canvas, overview: Overview, area: Rect, family: str, bold: str) -> None:
    """The title, the greyed cells, the grid and the sheet names (over the chart, drawn later under them)."""
    x, y, w, h = area
    printed = sum(1 for *_, kept in overview.cells if kept)
    canvas.setFillColor(HexColor("#0F172A"))
    canvas.setFont(bold, 12)
    canvas.drawString(x, y + h - 12, f"Overview: {printed} sheets to print")
    canvas.setFont(family, 8)
    canvas.setFillColor(HexColor("#475569"))
    canvas.drawString(
        x, y + h - 24,
        f"The grid has {overview.rows} rows, {row_letters(0)} to {row_letters(overview.rows - 1)}, and "
        f"{overview.cols} columns, 1 to {overview.cols}. Each cell is printed on the sheet named in it; "
        "greyed cells hold no role and are not printed.",
    )
    for _, (cx, cy, cw, ch), kept in overview.cells:
        if not kept:
            canvas.setFillColor(HexColor("#CBD5E1"), alpha=0.6)
            canvas.rect(cx, cy, cw, ch, stroke=0, fill=1)
    canvas.setStrokeColor(HexColor("#94A3B8"))
    canvas.setLineWidth(0.3)
    for _, (cx, cy, cw, ch), _kept in overview.cells:
        canvas.rect(cx, cy, cw, ch, stroke=1, fill=0)
    canvas.setStrokeColor(HexColor("#64748B"))
    canvas.setLineWidth(0.6)
    for band in overview.bands:
        canvas.rect(*band.clip, stroke=1, fill=0)
    for sheet, (cx, cy, cw, ch), kept in overview.cells:
        if not kept:
            continue
        size = max(3.0, min(9.0, ch * 0.3, cw / (0.62 * len(sheet.name) + 0.6)))
        label_w = canvas.stringWidth(sheet.name, bold, size)
        pad = size * 0.25
        canvas.setFillColor(HexColor("#FFFFFF"), alpha=0.85)
        canvas.rect(cx + 1, cy + ch - size - 2 * pad - 1, label_w + 2 * pad, size + 2 * pad, stroke=0, fill=1)
        canvas.setFillColor(HexColor("#1D4ED8"), alpha=1)
        canvas.setFont(bold, size)
        canvas.drawString(cx + 1 + pad, cy + ch - size - pad - 1 + size * 0.18, sheet.name)


__all__ = ["Overview", "draw", "layout"]
