"""Dotted lines that only pass over a poster tile, drawn there as one path of clipped segments.

A dotted line between two roles far apart crosses every tile between them. On
a tile that shows neither of its ends, all that can be seen is a dashed
stretch of a straight line, so the tile draws just that stretch: every such
line of one look goes into one SVG path of short segments, instead of each
line's whole group (its path across the chart and its arrowhead) again on
every tile. A wide chart with many dotted lines otherwise repeats each of them
on a hundred tiles or more, and the PDF's size and the time to compose it grow
with that.

Each stretch starts a whole number of dash periods from the line's own start,
so its dashes fall exactly where the whole line's do and the tiles join up.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Iterable

from ..pdf.sheets import Rect

#: A straight line's path as the pinned drawing writes it (``splines=line``): one cubic from M to its end.
_PATH = re.compile(
    rb'<path fill="none" (stroke="[^"]*" stroke-width="[^"]*"(?: stroke-dasharray="([0-9.,]+)")?) '
    rb'd="M(-?[0-9.]+),(-?[0-9.]+)C(?:-?[0-9.]+,-?[0-9.]+ ){2}(-?[0-9.]+),(-?[0-9.]+)"/>'
)

#: How far a stretch runs past the tile's edge, in drawing units, so its end is never seen.
_BEYOND = 2.0
#: One stretch's path, a move and a line, its points to hundredths of a unit.
_SEGMENT = b"M%.2f,%.2fL%.2f,%.2f"


@dataclass(frozen=True)
class Line:
    """A straight line of a drawing: its look (the path's stroke attributes), dash period and ends."""

    look: bytes
    period: float
    start: tuple[float, float]
    end: tuple[float, float]
    #: The dash period as a share of the line's length (0 for a solid or zero-length line).
    dash: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        length = math.hypot(self.end[0] - self.start[0], self.end[1] - self.start[1])
        object.__setattr__(self, "dash", self.period / length if self.period > 0 and length > 0 else 0.0)


def straight_line(group: bytes) -> Line | None:
    """The straight line an SVG line group draws, or None when its path is not one straight cubic."""
    found = _PATH.search(group)
    if found is None:
        return None
    look, dashes = found.group(1), found.group(2)
    period = sum(float(d) for d in dashes.split(b",")) if dashes else 0.0
    x1, y1, x2, y2 = (float(found.group(i)) for i in range(3, 7))
    return Line(look, period, (x1, y1), (x2, y2))


def stretch(line: Line, rect: Rect) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The part of ``line`` over ``rect`` (x, y, width, height, in the line's units), or None if it misses.

    The part starts a whole number of dash periods from the line's start (so a little before ``rect``
    at most one period) and runs :data:`_BEYOND` past its far edge.
    """
    x, y, w, h = rect
    found = _stretches((line,), x - _BEYOND, y - _BEYOND, x + w + _BEYOND, y + h + _BEYOND, 0.0, 0.0)
    if not found:
        return None
    ax, ay, bx, by = found[0][1]
    return (ax, ay), (bx, by)


def _stretches(
    lines: Iterable[Line], left: float, top: float, right: float, bottom: float, ox: float, oy: float,
) -> list[tuple[bytes, tuple[float, float, float, float]]]:
    """Each line's look and the ends of its part between ``left`` and ``right``, ``top`` and ``bottom``
    (see :func:`stretch`), less ``(ox, oy)``; the lines that miss that box are left out."""
    out = []
    add = out.append
    for line in lines:
        (x1, y1), (x2, y2) = line.start, line.end
        dx, dy = x2 - x1, y2 - y1
        # The line's parameter t (0 at its start, 1 at its end) where it enters and leaves the box's two slabs.
        if dx:
            a, b = (left - x1) / dx, (right - x1) / dx
            lo, hi = (b, a) if a > b else (a, b)
            if lo < 0.0:
                lo = 0.0
            if hi > 1.0:
                hi = 1.0
        elif left <= x1 <= right:
            lo, hi = 0.0, 1.0
        else:
            continue
        if dy:
            a, b = (top - y1) / dy, (bottom - y1) / dy
            if a > b:
                a, b = b, a
            if a > lo:
                lo = a
            if b < hi:
                hi = b
        elif not top <= y1 <= bottom:
            continue
        if lo > hi:
            continue
        dash = line.dash
        if dash:
            lo = (lo // dash) * dash
        x1 -= ox
        y1 -= oy
        add((line.look, (x1 + lo * dx, y1 + lo * dy, x1 + hi * dx, y1 + hi * dy)))
    return out


def passing_groups(lines: Iterable[Line], rect: Rect) -> bytes:
    """SVG line groups drawing the stretches of ``lines`` over ``rect``: one path per look.

    The paths are moved to the rect's corner, so their points are short numbers; the corner is rounded
    to hundredths like the points, so that the move takes no stretch further off its line.
    """
    x, y, w, h = rect
    ox, oy = round(x, 2), round(y, 2)
    parts: dict[bytes, list[float]] = {}  # per look, the stretches' ends one after another
    for look, ends in _stretches(lines, x - _BEYOND, y - _BEYOND, x + w + _BEYOND, y + h + _BEYOND, ox, oy):
        if look in parts:
            parts[look] += ends
        else:
            parts[look] = list(ends)
    move = b"translate(%.2f %.2f)" % (ox, oy)
    return b"".join(b'<g class="edge" transform="%s">\n<path fill="none" %s d="%s"/>\n</g>\n'
                    % (move, look, _SEGMENT * (len(ends) // 4) % tuple(ends)) for look, ends in parts.items())


__all__ = ["Line", "passing_groups", "stretch", "straight_line"]
