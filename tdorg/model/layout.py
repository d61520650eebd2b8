"""A tidy tree layout of a chart, in linear time.

Each subtree is laid out once, bottom-up, and described by its contour: the
leftmost and rightmost x of its boxes on every level below its root. Placing
a subtree beside its left siblings compares contours level by level, which
costs the height of the shallower side only, so the whole layout runs in time
linear in the number of roles. Every pass is iterative: a chain of thousands
of roles does not touch Python's recursion limit.

Siblings keep the chart's order. A manager whose reports are all leaves, and
more of them than ``max_leaf_row``, gets them stacked in columns (a compact
grid) instead of one long row. Several top roles are placed side by side.
Dotted lines never move anything.

Coordinates are points with y growing downwards; ``positions`` holds the
top-left corner of each box and the drawing starts at (0, 0).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .chart import Chart

Point = tuple[float, float]


@dataclass(frozen=True)
class Layout:
    positions: dict[str, Point]
    width: float
    height: float
    box_width: float
    box_height: float
    h_gap: float = 24.0
    v_gap: float = 56.0
    #: Managers whose reports are stacked in columns rather than one row.
    stacked: frozenset[str] = field(default_factory=frozenset)

    def center(self, role_id: str) -> Point:
        x, y = self.positions[role_id]
        return x + self.box_width / 2, y + self.box_height / 2

    def route(self, manager_id: str, report_id: str) -> list[Point]:
        """The orthogonal polyline of a reporting line, from manager to report.

        A row of reports hangs from a bus halfway between the levels; stacked
        reports hang from a spine running down beside their column.
        """
        mx, my = self.positions[manager_id]
        rx, ry = self.positions[report_id]
        start = (mx + self.box_width / 2, my + self.box_height)
        bus = my + self.box_height + self.v_gap / 2
        if manager_id in self.stacked:
            spine = rx - self.h_gap / 2
            mid = ry + self.box_height / 2
            points = [start, (start[0], bus), (spine, bus), (spine, mid), (rx, mid)]
        else:
            end_x = rx + self.box_width / 2
            points = [start, (start[0], bus), (end_x, bus), (end_x, ry)]
        return _dedupe(points)


def _dedupe(points: list[Point]) -> list[Point]:
    out = [points[0]]
    for p in points[1:]:
        if abs(p[0] - out[-1][0]) > 1e-9 or abs(p[1] - out[-1][1]) > 1e-9:
            out.append(p)
    return out


class _Contour:
    """Extents per level, deepest level first; true value = stored + shift."""

    __slots__ = ("left", "right", "shift")

    def __init__(self) -> None:
        self.left: list[float] = []
        self.right: list[float] = []
        self.shift = 0.0

    def push_top(self, left: float, right: float) -> None:
        self.left.append(left - self.shift)
        self.right.append(right - self.shift)


def _merge(acc: _Contour, new: _Contour, gap: float) -> tuple[_Contour, float]:
    """Place ``new`` right of ``acc``; returns the merged contour and the offset of ``new``."""
    la, lb = len(acc.left), len(new.left)
    common = min(la, lb)
    offset = -math.inf
    a_right, a_shift, b_left, b_shift = acc.right, acc.shift, new.left, new.shift
    for k in range(1, common + 1):
        need = a_right[la - k] + a_shift + gap - (b_left[lb - k] + b_shift)
        if need > offset:
            offset = need
    if la >= lb:
        b_right, base = new.right, b_shift + offset - a_shift
        for k in range(1, common + 1):
            a_right[la - k] = b_right[lb - k] + base
        return acc, offset
    new.shift += offset
    a_left, base = acc.left, a_shift - new.shift
    for k in range(1, common + 1):
        b_left[lb - k] = a_left[la - k] + base
    return new, offset


def compute_layout(
    chart: Chart,
    *,
    box_width: float = 200.0,
    box_height: float = 72.0,
    h_gap: float = 24.0,
    v_gap: float = 56.0,
    max_leaf_row: int = 6,
) -> Layout:
    """Lay the chart out as a tidy tree; see the module documentation."""
    order = chart.tree_order()
    if not order:
        return Layout({}, 0.0, 0.0, box_width, box_height, h_gap, v_gap)
    children = {rid: chart.children(rid) for rid in order}
    pitch = box_height + v_gap
    grid_gap = max(8.0, v_gap / 3)
    half = box_width / 2

    rel_x: dict[str, float] = {}  # centre relative to the manager's centre
    rel_y: dict[str, float] = {}  # top relative to the manager's top
    contours: dict[str, _Contour] = {}
    stacked: set[str] = set()

    for rid in reversed(order):  # reports before their manager
        kids = children[rid]
        contour: _Contour
        if not kids:
            contour = _Contour()
        elif _stacks(kids, children, max_leaf_row):
            stacked.add(rid)
            contour = _grid(kids, rel_x, rel_y, box_width, box_height, h_gap, pitch, grid_gap, max_leaf_row)
        else:
            contour = contours.pop(kids[0])
            centres = [0.0]
            for kid in kids[1:]:
                contour, offset = _merge(contour, contours.pop(kid), h_gap)
                centres.append(offset)
            mid = (centres[0] + centres[-1]) / 2
            contour.shift -= mid
            for kid, c in zip(kids, centres):
                rel_x[kid] = c - mid
                rel_y[kid] = pitch
        contour.push_top(-half, half)
        contours[rid] = contour

    # Top roles side by side, a little further apart than siblings.
    roots = chart.roots()
    root_x = {roots[0]: 0.0}
    forest = contours.pop(roots[0])
    for root in roots[1:]:
        forest, offset = _merge(forest, contours.pop(root), 2 * h_gap)
        root_x[root] = offset

    centre_x: dict[str, float] = {}
    top_y: dict[str, float] = {}
    for rid in order:  # managers before their reports
        manager = chart.roles[rid].reports_to
        if manager is None:
            centre_x[rid], top_y[rid] = root_x[rid], 0.0
        else:
            centre_x[rid] = centre_x[manager] + rel_x[rid]
            top_y[rid] = top_y[manager] + rel_y[rid]

    min_x = min(centre_x.values()) - half
    positions = {rid: (centre_x[rid] - half - min_x, top_y[rid]) for rid in order}
    width = max(x for x, _ in positions.values()) + box_width
    height = max(y for _, y in positions.values()) + box_height
    return Layout(positions, width, height, box_width, box_height, h_gap, v_gap, frozenset(stacked))


def _stacks(kids: tuple[str, ...], children: dict[str, tuple[str, ...]], max_leaf_row: int) -> bool:
    return len(kids) > max_leaf_row and all(not children[k] for k in kids)


def stacks_reports(chart: Chart, role_id: str, max_leaf_row: int = 6) -> bool:
    """True when ``role_id``'s reports are all leaves and too many for one row."""
    kids = chart.children(role_id)
    return len(kids) > max_leaf_row and all(chart.child_count(k) == 0 for k in kids)


def grid_shape(count: int, max_leaf_row: int) -> tuple[int, int]:
    """Columns and rows for ``count`` stacked reports: about square, at least ``max_leaf_row`` deep."""
    rows = max(max_leaf_row, math.ceil(math.sqrt(count)), 1)
    cols = math.ceil(count / rows)
    rows = math.ceil(count / cols)
    return cols, rows


def _grid(
    kids: tuple[str, ...],
    rel_x: dict[str, float],
    rel_y: dict[str, float],
    box_width: float,
    box_height: float,
    h_gap: float,
    pitch: float,
    grid_gap: float,
    max_leaf_row: int,
) -> _Contour:
    """Stack leaf reports in columns, filled top to bottom, left to right."""
    cols, rows = grid_shape(len(kids), max_leaf_row)
    # Each column leaves room on its left for the spine its lines hang from.
    col_step = box_width + h_gap
    span = cols * box_width + (cols - 1) * h_gap
    first_centre = -span / 2 + box_width / 2 + h_gap / 4
    for i, kid in enumerate(kids):
        col, row = divmod(i, rows)
        rel_x[kid] = first_centre + col * col_step
        rel_y[kid] = pitch + row * (box_height + grid_gap)
    left = first_centre - box_width / 2 - h_gap / 2
    right = first_centre + (cols - 1) * col_step + box_width / 2
    grid_height = rows * box_height + (rows - 1) * grid_gap
    # Claim every level whose boxes or connecting lines the grid reaches into.
    levels = max(1, math.ceil((grid_height + pitch - box_height) / pitch))
    contour = _Contour()
    for _ in range(levels):
        contour.left.append(left)
        contour.right.append(right)
    return contour


__all__ = ["Layout", "Point", "compute_layout", "grid_shape", "stacks_reports"]
