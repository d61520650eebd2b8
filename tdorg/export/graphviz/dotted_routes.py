"""Ways for dotted lines that pass through no box but the two they join.

A dotted line is drawn straight between its boxes unless that straight line
would cross another box; then it bends through the gaps beside the boxes in
its way: the shortest way found from corner to corner of the boxes near the
line, each corner set half a gap out from its box. A line with too many
boxes near it stays straight (the search grows with their square).
"""

from __future__ import annotations

import heapq
import math

from ...model.layout import Layout, Point

#: Boxes near a line, past which the line is left straight.
MOST_BOXES = 60
#: Length of the dotted line's arrowhead (its arrowsize of 0.7 times Graphviz's 10 points).
ARROW = 7.0

Rect = tuple[float, float, float, float]  # left, top, right, bottom


def crosses(a: Point, b: Point, r: Rect) -> bool:
    """Whether the segment a–b enters the rectangle ``r`` (Liang–Barsky clipping)."""
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - r[0]), (dx, r[2] - a[0]), (-dy, a[1] - r[1]), (dy, r[3] - a[1])):
        if p == 0:
            if q < 0:
                return False
        else:
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                return False
    return True


def _border(inside: Point, outside: Point, half: Point) -> Point:
    """Where the segment from the centre ``inside`` of a box of half-size ``half`` towards ``outside`` leaves it."""
    dx, dy = outside[0] - inside[0], outside[1] - inside[1]
    t = min(half[0] / abs(dx) if dx else math.inf, half[1] / abs(dy) if dy else math.inf, 1.0)
    return inside[0] + dx * t, inside[1] + dy * t


def dotted_way(layout: Layout, role: str, target: str) -> list[Point] | None:
    """The points of the dotted line from ``role``'s box to ``target``'s, from the first box's border to
    the arrow's base and tip at the second's; None when the straight line crosses no other box (or when
    no way round is searched)."""
    w, h = layout.box_width, layout.box_height
    gap = min(layout.h_gap, max(8.0, layout.v_gap / 3)) / 2  # half the narrowest gap between two boxes
    a, b = layout.center(role), layout.center(target)
    low_x, high_x = min(a[0], b[0]) - w, max(a[0], b[0]) + w
    low_y, high_y = min(a[1], b[1]) - h, max(a[1], b[1]) + h
    near = [
        (x - gap / 2, y - gap / 2, x + w + gap / 2, y + h + gap / 2)
        for rid, (x, y) in layout.positions.items()
        if rid not in (role, target) and low_x <= x + w and x <= high_x and low_y <= y + h and y <= high_y
    ]

    def clear(p: Point, q: Point) -> bool:
        return not any(crosses(p, q, r) for r in near)

    if clear(a, b) or len(near) > MOST_BOXES:
        return None
    corners = [
        (x, y) for left, top, right, bottom in near
        for x in (left - gap / 2, right + gap / 2) for y in (top - gap / 2, bottom + gap / 2)
    ]
    points = [a, *(c for c in corners if clear(c, c)), b]
    way = _shortest(points, clear)
    if way is None:
        return None
    half = (w / 2, h / 2)
    start, tip = _border(a, way[1], half), _border(b, way[-2], half)
    before = way[-2]
    length = math.dist(before, tip)
    base = tip if length <= ARROW else (tip[0] + (before[0] - tip[0]) * ARROW / length,
                                        tip[1] + (before[1] - tip[1]) * ARROW / length)
    return [start, *way[1:-1], base, tip]


def _shortest(points: list[Point], clear) -> list[Point] | None:
    """The shortest way from ``points[0]`` to ``points[-1]`` through the others, each leg ``clear``."""
    end = len(points) - 1
    best = {0: 0.0}
    came: dict[int, int] = {}
    queue = [(math.dist(points[0], points[end]), 0.0, 0)]
    done: set[int] = set()
    while queue:
        _, length, i = heapq.heappop(queue)
        if i == end:
            way = [end]
            while way[-1] != 0:
                way.append(came[way[-1]])
            return [points[k] for k in reversed(way)]
        if i in done:
            continue
        done.add(i)
        for j in range(len(points)):
            if j in done or j == i:
                continue
            step = length + math.dist(points[i], points[j])
            if step < best.get(j, math.inf) and clear(points[i], points[j]):
                best[j], came[j] = step, i
                heapq.heappush(queue, (step + math.dist(points[j], points[end]), step, j))
    return None


__all__ = ["ARROW", "MOST_BOXES", "crosses", "dotted_way"]
