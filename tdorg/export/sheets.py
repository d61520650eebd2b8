"""Where the chart goes on paper: one scaled sheet, or poster tiles that overlap.

Coordinates are PDF points with y upwards. A :class:`Sheet` says which part of
the chart one sheet shows (``region``, in chart coordinates) and how it maps
onto the sheet: ``sheet = chart * scale + (tx, ty)``, clipped to ``clip``.

Poster tiles keep the chart at reading size. Neighbouring tiles overlap by at
least one box in each direction, so every box lies whole on some sheet and
nothing is ever cut off.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Rect = tuple[float, float, float, float]  # x, y, width, height

#: A small chart may be enlarged this much to fill a sheet, never more.
MAX_ENLARGE = 1.5


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
    def label(self) -> str:
        if self.rows * self.cols == 1:
            return ""
        return f"row {self.row + 1} of {self.rows}, column {self.col + 1} of {self.cols}"


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


def poster_sheets(chart_w: float, chart_h: float, area: Rect, *, box: tuple[float, float], overlap: float) -> list[Sheet]:
    """Tiles at full size; rows from the top of the chart, columns from the left."""
    x, y, w, h = area
    # Tiles overlap by at least one box so each box is whole on some tile;
    # at most half a tile, so every tile still moves the chart on.
    over_x = min(max(overlap, box[0] + 12.0), w / 2)
    over_y = min(max(overlap, box[1] + 12.0), h / 2)
    lefts = _spans(chart_w, w, over_x)
    tops = [chart_h - start for start in _spans(chart_h, h, over_y)]
    sheets = []
    for r, top in enumerate(tops):
        for c, left in enumerate(lefts):
            bottom = top - h
            sheets.append(
                Sheet(area, 1.0, x - left, y - bottom, (left, bottom, w, h), r, c, len(tops), len(lefts))
            )
    return sheets


__all__ = ["MAX_ENLARGE", "Rect", "Sheet", "fit_sheet", "poster_sheets"]
