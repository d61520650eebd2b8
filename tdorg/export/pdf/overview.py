"""The first sheet of a poster: the whole chart on one page with the sheet grid over it.

The chart is drawn whole, scaled to the page, and each cell of the grid
shows the name of the sheet that prints it; cells left out (no role on them)
are greyed. The page is data for the chart template (:mod:`tdorg.export.pdf.chartpdf`).
"""

from __future__ import annotations

from .sheets import Rect, Sheet, fit_sheet, grid_cells, row_letters

TITLE_SPACE = 34.0
#: The overview never draws the chart larger than full size.
MAX_SCALE = 1.0
GRID_COLOUR = "#94A3B8"
NAME_COLOUR = "#1D4ED8"


def page(chart_w: float, chart_h: float, grid: list[Sheet], printed: list[Sheet], area: Rect,
         page_h: float) -> tuple[Sheet, dict]:
    """Where the whole chart goes in ``area`` (below the title), and the page's title, grid and names."""
    x, y, w, h = area
    chart = fit_sheet(chart_w, chart_h, (x, y, w, h - TITLE_SPACE), max_enlarge=MAX_SCALE)
    xs, ys = grid_cells(grid, chart_w, chart_h)
    names = {s.name for s in printed}
    rows, cols = grid[0].rows, grid[0].cols
    top = page_h - (y + h)
    notes = [{"x": x, "y": top + 14, "size": 8, "colour": "#475569", "bold": False, "angle": 0,
              "text": f"The grid has {rows} rows, {row_letters(0)} to {row_letters(rows - 1)}, and {cols} columns, "
                      f"1 to {cols}. Each cell is printed on the sheet named in it; greyed cells hold no role and "
                      "are not printed."}]
    rects = []
    s = chart.scale
    for sheet in grid:
        (x0, x1), (y0, y1) = xs[sheet.col], ys[sheet.row]
        cx, cy, cw, ch = chart.tx + x0 * s, chart.ty + y0 * s, (x1 - x0) * s, (y1 - y0) * s
        cell_top = page_h - cy - ch
        kept = sheet.name in names
        rects.append({"x": cx, "y": cell_top, "w": cw, "h": ch, "stroke": GRID_COLOUR, "width": 0.3,
                      **({} if kept else {"fill": "#CBD5E199"})})
        if kept:
            size = max(3.0, min(9.0, ch * 0.3, cw / (0.62 * len(sheet.name) + 0.6)))
            notes.append({"x": cx + 1, "y": cell_top + 1, "size": size, "colour": NAME_COLOUR, "bold": True,
                          "angle": 0, "fill": "#FFFFFFD9", "text": sheet.name})
    return chart, {"title": f"Overview: {len(printed)} sheets to print", "rects": rects, "notes": notes}


__all__ = ["page"]
