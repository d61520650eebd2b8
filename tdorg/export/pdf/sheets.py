"""Where the chart goes on paper: one scaled sheet, or poster tiles that overlap.

Coordinates are PDF points with y upwards. A :class:`Sheet` says which part of
the chart one sheet shows (``region``, in chart coordinates) and how it maps
onto the sheet: ``sheet = chart * scale + (tx, ty)``, clipped to ``clip``.

Poster tiles keep the chart at reading size (or the chosen share of it).
Neighbouring tiles overlap by at least one box in each direction, so every box
lies whole on some sheet and nothing is ever cut off. Tiles are named like a
map: rows A, B, C… from the top, columns 1, 2, 3… from the left.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass

from .. import style
from ..pages import MAX_TITLE_PT

Rect = tuple[float, float, float, float]  # x, y, width, height

#: A small chart may be enlarged to fill a sheet until its role titles reach MAX_TITLE_PT, never more.
MAX_ENLARGE = MAX_TITLE_PT / style.TITLE_SIZE


@dataclass(frozen=True)
class Sheet:
    clip: Rect
    scale: float
    tx: float
    ty: float
    region: Rect
    row: int = 0
    col: int = 0
    rows: int = 1
    cols: int = 1

    @property
    def name(self) -> str:
        """The tile's name in the poster grid, like ``C4``; empty for a single sheet."""
        if self.rows * self.cols == 1:
            return ""
        return f"{row_letters(self.row)}{self.col + 1}"

    @property
    def label(self) -> str:
        if self.rows * self.cols == 1:
            return ""
        return f"Sheet {self.name} — row {row_letters(self.row)}, column {self.col + 1}"


def row_letters(row: int) -> str:
    """``A`` … ``Z``, then ``AA``, ``AB`` … for a 0-based row."""
    letters = ""
    row += 1
    while row:
        row, rest = divmod(row - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def fit_sheet(chart_w: float, chart_h: float, area: Rect, *, max_enlarge: float = MAX_ENLARGE) -> Sheet:
    """The whole chart scaled to fit ``area`` and centred in it."""
    x, y, w, h = area
    scale = min(w / chart_w, h / chart_h, max_enlarge) if chart_w > 0 and chart_h > 0 else 1.0
    tx = x + (w - chart_w * scale) / 2
    ty = y + (h - chart_h * scale) / 2
    return Sheet(area, scale, tx, ty, (0.0, 0.0, chart_w, chart_h))


def _spans(length: float, window: float, overlap: float) -> list[float]:
    """Starts of windows covering ``[0, length]``, consecutive ones overlapping by ``overlap``."""
    if length <= window:
        return [(length - window) / 2]
    step = window - overlap
    count = math.ceil((length - overlap) / step)
    covered = count * step + overlap
    first = (length - covered) / 2
    return [first + i * step for i in range(count)]


def poster_sheets(
    chart_w: float, chart_h: float, area: Rect, *, box: tuple[float, float], overlap: float, scale: float = 1.0
) -> list[Sheet]:
    """Tiles of the chart drawn at ``scale``; rows from the top of the chart, columns from the left."""
    x, y, w, h = area
    # In chart units, a tile covers the area divided by the scale.
    w, h, overlap = w / scale, h / scale, overlap / scale
    # Tiles overlap by at least one box so each box is whole on some tile;
    # at most half a tile, so every tile still moves the chart on.
    over_x = min(max(overlap, box[0] + 12.0 / scale), w / 2)
    over_y = min(max(overlap, box[1] + 12.0 / scale), h / 2)
    lefts = _spans(chart_w, w, over_x)
    tops = [chart_h - start for start in _spans(chart_h, h, over_y)]
    sheets = []
    for r, top in enumerate(tops):
        for c, left in enumerate(lefts):
            bottom = top - h
            sheets.append(Sheet(
                area, scale, x - left * scale, y - bottom * scale, (left, bottom, w, h), r, c, len(tops), len(lefts)
            ))
    return sheets


def _edges(starts: list[float], size: float, length: float) -> list[tuple[float, float]]:
    """Cells between the middles of neighbouring tiles' overlaps, clipped to ``[0, length]``."""
    cuts = [0.0] + [(starts[i] + size + starts[i + 1]) / 2 for i in range(len(starts) - 1)] + [length]
    return [(max(0.0, min(a, length)), max(0.0, min(b, length))) for a, b in zip(cuts, cuts[1:])]


def grid_cells(grid: list[Sheet], chart_w: float, chart_h: float) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """The x spans of the grid's columns and the y spans of its rows (top row first), in chart units.

    The cells cut the chart between tiles, in the middle of their overlaps.
    A box whose centre lies in a cell lies whole on that cell's tile, since
    tiles overlap by more than a box.
    """
    rows, cols = grid[0].rows, grid[0].cols
    size_w, size_h = grid[0].region[2], grid[0].region[3]
    xs = _edges([s.region[0] for s in grid[:cols]], size_w, chart_w)
    bottoms = [grid[r * cols].region[1] for r in reversed(range(rows))]
    ys = list(reversed(_edges(bottoms, size_h, chart_h)))
    return xs, ys


def holding_boxes(sheets: list[Sheet], boxes: list[Rect], chart_w: float, chart_h: float) -> list[Sheet]:
    """The tiles whose cell holds the centre of some box; all of them when no box is known."""
    if not boxes or len(sheets) <= 1:
        return sheets
    xs, ys = grid_cells(sheets, chart_w, chart_h)
    col_starts = [a for a, _ in xs]
    row_floors = [-low for low, _ in ys]  # rows run downwards: negated, their floors ascend
    homes = set()
    for bx, by, bw, bh in boxes:
        col = max(0, bisect.bisect_right(col_starts, bx + bw / 2) - 1)
        row = bisect.bisect_left(row_floors, -(by + bh / 2))
        homes.add((min(row, len(ys) - 1), col))
    return [s for s in sheets if (s.row, s.col) in homes]


__all__ = ["MAX_ENLARGE", "Rect", "Sheet", "fit_sheet", "grid_cells", "holding_boxes", "poster_sheets", "row_letters"]
