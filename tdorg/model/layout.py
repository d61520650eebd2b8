"""A tidy tree layout of a chart, in linear time, that can be made to fit a page.

Each subtree is laid out once, bottom-up, and described by its contour: the
leftmost and rightmost x of its boxes on every level below its root. Placing
a subtree beside its left siblings compares contours level by level, which
costs the height of the shallower side only, so the whole layout runs in time
linear in the number of roles. Every pass is iterative: a chain of thousands
of roles does not touch Python's recursion limit.

Siblings keep the chart's order. Three conventions of printed org charts
make a chart compact:

- **stacked leaves**: a manager whose reports all have no reports of their
  own gets them in columns at most ``depth`` boxes deep (one row when
  ``depth`` is 1), each column hanging from a spine on its left;
- **assistants**: a report of category admin assistant, or marked as an
  assistant / staff position, hangs from the side of its manager's
  connector on a level of its own between the manager and the other
  reports, first to the right, then to the left;
- several top roles are placed side by side.

On the canvas a collapsed manager is a leaf (:meth:`Tree.folded`), though
not one its manager stacks with leaf reports; the column depth is still the
one the whole chart prints at.

A manager whose arrangement the user chose (the chart's ``arrangements``)
keeps it whatever ``depth``: its leaf reports in one row, or stacked in that
many columns of as even a depth as the count allows (at most one column per
report). :func:`fit_depth` chooses the one ``depth`` for the others for which
the whole chart's aspect suits a page best (the largest scale), by measuring
the chart for a few depths without placing its leaves. Dotted lines never
move anything.

Coordinates are points with y growing downwards; ``positions`` holds the
top-left corner of each box and the drawing starts at (0, 0).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import AbstractSet, Callable, Iterable, Mapping, NamedTuple

from .arrangement import ONE_ROW
from .chart import Chart
from .role import ASSISTANT_FLAG, is_assistant

Point = tuple[float, float]

#: Column depths :func:`fit_depth` tries; 1 keeps every group of leaves in one row.
DEPTHS = (1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 32, 48, 64, 96, 128)
#: A depth whose scale is within this share of the best is as good; the shallower one wins.
FIT_TOLERANCE = 0.02


@dataclass(frozen=True)
class Tree:
    """What the layout reads: the top roles, each role's reports in order, the assistants,
    and the arrangements the user chose.

    ``order`` lists every role with managers before their reports. A tree
    may be a part of a chart (see :meth:`part`).
    """

    roots: tuple[str, ...]
    children: Mapping[str, tuple[str, ...]]
    assistants: frozenset[str]
    order: tuple[str, ...]
    #: Columns per manager whose leaf reports keep the user's arrangement (0: one row).
    arrangements: Mapping[str, int] = field(default_factory=dict)
    #: Collapsed managers shown as leaves (:meth:`folded`): their manager does not stack them as leaf reports.
    collapsed: AbstractSet[str] = frozenset()

    @classmethod
    def of(cls, chart: Chart) -> "Tree":
        order = chart.tree_order()
        children = {rid: chart.children(rid) for rid in order}
        roles = chart.roles
        assistants = frozenset(
            rid for rid in order
            if not children[rid] and roles[rid].reports_to is not None and is_assistant(roles[rid])
        )
        return cls(chart.roots(), children, assistants, tuple(order), chart.arrangements)

    def part(
        self,
        roots: Iterable[str],
        depth: int | None = None,
        kids: Mapping[str, tuple[str, ...]] | None = None,
        keep: Iterable[str] = (),
        opened: Iterable[str] = (),
    ) -> "Tree":
        """The subtrees under ``roots``, cut ``depth`` levels below them (their roles keep no reports).

        ``kids`` replaces the reports of some roles (a page showing only some
        of them). Below the cut, the roles in ``keep`` still show their whole
        subtree and those in ``opened`` their direct reports.
        """
        roots = tuple(roots)
        kids = kids or {}
        whole, one_more = frozenset(keep), frozenset(opened)
        children: dict[str, tuple[str, ...]] = {}
        order: list[str] = []
        stack = [(rid, 0) for rid in reversed(roots)]
        while stack:
            rid, level = stack.pop()
            order.append(rid)
            if rid in whole:
                level = -(10**9)
            shown = depth is None or level < depth or rid in one_more
            below = kids.get(rid, self.children[rid]) if shown else ()
            children[rid] = below
            stack.extend((kid, level + 1) for kid in reversed(below))
        assistants = frozenset(rid for rid in order if rid in self.assistants and rid not in roots)
        return Tree(roots, children, assistants, tuple(order), self.arrangements)

    def folded(self, hidden: Mapping[str, str]) -> "Tree":
        """The tree the canvas shows: the roles in ``hidden`` (:meth:`.chart.Chart.hidden_roles`: each role
        under a collapsed manager, with the shown manager it is folded into) left out, each such manager a leaf.
        The chart prints whole: exports lay out the tree itself."""
        if not hidden:
            return self
        collapsed = frozenset(hidden.values())
        children = dict(self.children)
        children.update(dict.fromkeys(collapsed, ()))
        order = tuple(rid for rid in self.order if rid not in hidden)
        return Tree(self.roots, children, self.assistants.difference(hidden), order, self.arrangements, collapsed)

    @cached_property
    def managers(self) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...], bool], ...]:
        """Every role with reports, reports before managers: its assistants, its other reports,
        and whether those are all without reports of their own (a collapsed one has some)."""
        children, assistants, collapsed = self.children, self.assistants, self.collapsed
        out = []
        for rid in reversed(self.order):
            kids = children[rid]
            if not kids:
                continue
            helpers = tuple(k for k in kids if k in assistants) if assistants else ()
            reports = tuple(k for k in kids if k not in assistants) if helpers else kids
            out.append((rid, helpers, reports, not any(children[k] or k in collapsed for k in reports)))
        return tuple(out)

    def height(self) -> int:
        """Levels below the top roles (0 for top roles alone)."""
        levels = dict.fromkeys(self.roots, 0)
        for rid in self.order:
            for kid in self.children[rid]:
                levels[kid] = levels[rid] + 1
        return max(levels.values(), default=0)


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
    stacked: AbstractSet[str] = field(default_factory=frozenset)
    #: Roles hung beside their manager's connector.
    assistants: AbstractSet[str] = field(default_factory=frozenset)
    #: Per manager with reports other than assistants, the y of the line they hang from.
    buses: Mapping[str, float] = field(default_factory=dict)
    #: The deepest a column of stacked reports may be (1: every group in one row).
    depth: int = 1

    def center(self, role_id: str) -> Point:
        x, y = self.positions[role_id]
        return x + self.box_width / 2, y + self.box_height / 2

    def route(self, manager_id: str, report_id: str) -> list[Point]:
        """The orthogonal polyline of a reporting line, from manager to report.

        A row of reports hangs from a bus halfway between the levels; stacked
        reports hang from a spine running down beside their column; an
        assistant meets its manager's connector with a horizontal line.
        """
        mx, my = self.positions[manager_id]
        rx, ry = self.positions[report_id]
        start = (mx + self.box_width / 2, my + self.box_height)
        if report_id in self.assistants:
            mid = ry + self.box_height / 2
            edge = rx if rx > start[0] else rx + self.box_width
            return _dedupe([start, (start[0], mid), (edge, mid)])
        bus = self.buses[manager_id]
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
    """Extents per level, deepest level first; true value = stored + shift.

    ``bottom`` is the lowest edge of the subtree, below its root's top.
    """

    __slots__ = ("left", "right", "shift", "bottom")

    def __init__(self, bottom: float = 0.0) -> None:
        self.left: list[float] = []
        self.right: list[float] = []
        self.shift = 0.0
        self.bottom = bottom

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
    bottom = max(acc.bottom, new.bottom)
    if la >= lb:
        b_right, base = new.right, b_shift + offset - a_shift
        for k in range(1, common + 1):
            a_right[la - k] = b_right[lb - k] + base
        acc.bottom = bottom
        return acc, offset
    new.shift += offset
    a_left, base = acc.left, a_shift - new.shift
    for k in range(1, common + 1):
        b_left[lb - k] = a_left[la - k] + base
    new.bottom = bottom
    return new, offset


class _Sizes(NamedTuple):
    box_width: float
    box_height: float
    h_gap: float
    v_gap: float

    @property
    def pitch(self) -> float:
        return self.box_height + self.v_gap

    @property
    def grid_gap(self) -> float:
        return max(8.0, self.v_gap / 3)


def columns(count: int, depth: int) -> tuple[int, int]:
    """Columns and rows for ``count`` stacked reports in columns at most ``depth`` deep."""
    cols = math.ceil(count / max(1, depth))
    return cols, math.ceil(count / cols)


class _Pass:
    """One bottom-up pass: every subtree's contour, and (when placing) where each report goes."""

    def __init__(self, tree: Tree, sizes: _Sizes, depth: int, place: bool) -> None:
        self.tree, self.sizes, self.depth, self.place = tree, sizes, depth, place
        self.rel_x: dict[str, float] = {}  # centre relative to the manager's centre
        self.rel_y: dict[str, float] = {}  # top relative to the manager's top
        self.rel_bus: dict[str, float] = {}
        self.stacked: set[str] = set()
        self.contours: dict[str, _Contour] = {}
        self.lay(tree.managers)

    def lay(self, managers: Iterable[tuple[str, tuple[str, ...], tuple[str, ...], bool]]) -> None:
        """Lay out the subtree of each manager, reports before their managers."""
        for rid, helpers, reports, leafy in managers:
            self.contours[rid] = self._subtree(rid, helpers, reports, leafy)

    def _leaf(self) -> _Contour:
        half = self.sizes.box_width / 2
        contour = _Contour(self.sizes.box_height)
        contour.push_top(-half, half)
        return contour

    def contour(self, rid: str) -> _Contour:
        return self.contours.pop(rid, None) or self._leaf()

    def _subtree(self, rid: str, helpers: tuple[str, ...], reports: tuple[str, ...], leafy: bool) -> _Contour:
        s = self.sizes
        levels = (len(helpers) + 1) // 2
        top = s.pitch * (1 + levels)  # where the reports' row starts
        heights = self._column_heights(rid, len(reports)) if leafy and len(reports) > 1 else ()
        if not reports:
            contour = _Contour(s.box_height)
        elif heights and max(heights) > 1:
            self.stacked.add(rid)
            contour = self._grid(reports, heights, top)
        else:
            contour = self._row(reports, top)
        if reports:
            self.rel_bus[rid] = top - s.v_gap / 2
        if helpers:
            self._assistants(helpers, contour)
        half = s.box_width / 2
        contour.push_top(-half, half)
        return contour

    def _column_heights(self, rid: str, count: int) -> tuple[int, ...]:
        """How many of ``count`` leaf reports each column holds, left to right (one each: a row)."""
        chosen = self.tree.arrangements.get(rid)
        if chosen is None:  # as deep as ``depth`` allows, the last column taking what is left
            cols, rows = columns(count, self.depth)
            return tuple(max(0, min(rows, count - col * rows)) for col in range(cols))
        cols = count if chosen == ONE_ROW else min(chosen, count)
        rows, longer = divmod(count, cols)
        return (rows + 1,) * longer + (rows,) * (cols - longer)

    def _merged(self, reports: tuple[str, ...]) -> tuple[_Contour, list[float]]:
        """The reports' subtrees side by side, left to right: their contour and each one's centre."""
        gap = self.sizes.h_gap
        contour = self.contour(reports[0])
        centres = [0.0]
        for kid in reports[1:]:
            contour, offset = _merge(contour, self.contour(kid), gap)
            centres.append(offset)
        return contour, centres

    def _row(self, reports: tuple[str, ...], top: float) -> _Contour:
        contour, centres = self._merged(reports)
        mid = (centres[0] + centres[-1]) / 2
        contour.shift -= mid
        contour.bottom += top
        if self.place:
            rel_x, rel_y = self.rel_x, self.rel_y
            for kid, c in zip(reports, centres):
                rel_x[kid] = c - mid
                rel_y[kid] = top
        return contour

    def _grid(self, reports: tuple[str, ...], heights: tuple[int, ...], top: float) -> _Contour:
        """Stack leaf reports in columns of ``heights`` boxes, filled top to bottom, left to right."""
        s = self.sizes
        bw, bh, gap = s.box_width, s.box_height, s.h_gap
        cols, rows = len(heights), max(heights)
        # Each column leaves room on its left for the spine its lines hang from.
        col_step = bw + gap
        span = cols * bw + (cols - 1) * gap
        first_centre = -span / 2 + bw / 2 + gap / 4
        if self.place:
            rel_x, rel_y, row_step = self.rel_x, self.rel_y, bh + s.grid_gap
            kids = iter(reports)
            for col, height in enumerate(heights):
                for row in range(height):
                    kid = next(kids)
                    rel_x[kid] = first_centre + col * col_step
                    rel_y[kid] = top + row * row_step
        left = first_centre - bw / 2 - gap / 2
        right = first_centre + (cols - 1) * col_step + bw / 2
        grid_height = rows * bh + (rows - 1) * s.grid_gap
        # Claim every level whose boxes or connecting lines the grid reaches into.
        levels = max(1, math.ceil((grid_height + s.pitch - bh) / s.pitch))
        contour = _Contour(top + grid_height)
        contour.left.extend([left] * levels)
        contour.right.extend([right] * levels)
        return contour

    def _assistants(self, helpers: tuple[str, ...], contour: _Contour) -> None:
        """Assistants in pairs on the levels just below the manager: right of the connector, then left."""
        s = self.sizes
        half, reach = s.box_width / 2, s.h_gap / 2 + s.box_width
        levels = math.ceil(len(helpers) / 2)
        for level in reversed(range(levels)):  # the contour grows upwards
            pair = helpers[2 * level: 2 * level + 2]
            contour.push_top(-reach if len(pair) > 1 else 0.0, reach)
            for side, kid in zip((1, -1), pair):
                self.rel_x[kid] = side * (s.h_gap / 2 + half)
                self.rel_y[kid] = s.pitch * (level + 1)
        contour.bottom = max(contour.bottom, s.pitch * levels + s.box_height)

    def forest(self) -> tuple[_Contour, dict[str, float]]:
        """The top roles side by side, a little further apart than siblings; their centres."""
        roots = self.tree.roots
        root_x = {roots[0]: 0.0}
        forest = self.contour(roots[0])
        for root in roots[1:]:
            forest, offset = _merge(forest, self.contour(root), 2 * self.sizes.h_gap)
            root_x[root] = offset
        return forest, root_x


def _extent(contour: _Contour) -> tuple[float, float]:
    return min(contour.left) + contour.shift, max(contour.right) + contour.shift


def measure(tree: Tree, sizes: _Sizes, depth: int) -> tuple[float, float]:
    """Width and height of the tree's layout for ``depth``, without placing its roles."""
    if not tree.roots:
        return 0.0, 0.0
    return _forest_size(_Pass(tree, sizes, depth, place=False))


def _forest_size(run: _Pass) -> tuple[float, float]:
    forest, _ = run.forest()
    left, right = _extent(forest)
    return right - left, forest.bottom


def _deepest_group(tree: Tree) -> int:
    """The largest number of leaf reports (assistants aside) any manager arranged automatically has."""
    chosen = tree.arrangements
    return max((len(reports) for rid, _, reports, leafy in tree.managers if leafy and rid not in chosen), default=1)


def fit_depth(tree: Tree, sizes: _Sizes, area: tuple[float, float], max_scale: float = math.inf) -> tuple[int, float]:
    """The column depth whose layout can be drawn largest in ``area`` (width, height), and that scale.

    Managers whose arrangement the user chose keep it at every depth.
    Scales above ``max_scale`` count as ``max_scale``; among depths within
    :data:`FIT_TOLERANCE` of the best, the shallowest wins. Deeper columns
    make a chart narrower and taller, so the scale the width allows grows
    with the depth and the one the height allows shrinks: the best depth is
    where they cross, found by bisection, measuring only a few depths.
    """
    return choose_depth(_deepest_group(tree), lambda depth: measure(tree, sizes, depth), area, max_scale)


def choose_depth(
    deepest: int, measure_at: Callable[[int], tuple[float, float]], area: tuple[float, float], max_scale: float,
) -> tuple[int, float]:
    """:func:`fit_depth` for a chart whose largest automatic group of leaves is ``deepest`` and whose
    width and height at a depth ``measure_at`` gives."""
    depths = [d for d in DEPTHS if d < deepest] + [next((d for d in DEPTHS if d >= deepest), DEPTHS[-1])]
    allowed: dict[int, tuple[float, float]] = {}

    def scales(i: int) -> tuple[float, float]:
        """The scales the width and the height allow at ``depths[i]``."""
        if i not in allowed:
            width, height = measure_at(depths[i])
            allowed[i] = ((min(area[0] / width, max_scale), min(area[1] / height, max_scale))
                          if width > 0 and height > 0 else (max_scale, max_scale))
        return allowed[i]

    low, high = 0, len(depths) - 1
    while low < high:  # the first depth at which the height limits the scale
        mid = (low + high) // 2
        by_width, by_height = scales(mid)
        if by_width >= by_height:
            high = mid
        else:
            low = mid + 1
    best_i = max((i for i in (low - 1, low) if i >= 0), key=lambda i: min(scales(i)))
    target = min(scales(best_i)) * (1 - FIT_TOLERANCE)
    low, high = 0, best_i
    while low < high:  # the shallowest depth nearly as good
        mid = (low + high) // 2
        if min(scales(mid)) >= target:
            high = mid
        else:
            low = mid + 1
    return depths[low], min(scales(low))


def sizes(box_width: float = 200.0, box_height: float = 72.0, h_gap: float = 24.0, v_gap: float = 56.0) -> _Sizes:
    return _Sizes(box_width, box_height, h_gap, v_gap)


def layout_tree(tree: Tree, box: _Sizes, depth: int) -> Layout:
    """Lay ``tree`` out with stacked columns at most ``depth`` deep; see the module documentation."""
    bw, bh = box.box_width, box.box_height
    if not tree.roots:
        return Layout({}, 0.0, 0.0, bw, bh, box.h_gap, box.v_gap, depth=depth)
    run = _Pass(tree, box, depth, place=True)
    forest, root_x = run.forest()
    half = bw / 2
    rel_x, rel_y = run.rel_x, run.rel_y
    centre_x: dict[str, float] = {}
    top_y: dict[str, float] = {}
    for rid in tree.roots:
        centre_x[rid], top_y[rid] = root_x[rid], 0.0
    children = tree.children
    for rid in tree.order:  # managers before their reports
        cx, ty = centre_x[rid], top_y[rid]
        for kid in children[rid]:
            centre_x[kid] = cx + rel_x[kid]
            top_y[kid] = ty + rel_y[kid]
    min_x = _extent(forest)[0]
    positions = {rid: (centre_x[rid] - half - min_x, top_y[rid]) for rid in tree.order}
    width = max(x for x, _ in positions.values()) + bw
    height = max(y for _, y in positions.values()) + bh
    buses = {rid: top_y[rid] + rel for rid, rel in run.rel_bus.items()}
    return Layout(positions, width, height, bw, bh, box.h_gap, box.v_gap, frozenset(run.stacked),
                  tree.assistants, buses, depth)


def compute_layout(
    chart: Chart,
    *,
    box_width: float = 200.0,
    box_height: float = 72.0,
    h_gap: float = 24.0,
    v_gap: float = 56.0,
    depth: int = 1,
) -> Layout:
    """Lay the chart out as a tidy tree with stacked columns at most ``depth`` deep."""
    return layout_tree(Tree.of(chart), sizes(box_width, box_height, h_gap, v_gap), depth)


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


__all__ = [
    "ASSISTANT_FLAG", "DEPTHS", "Layout", "Point", "Tree", "choose_depth", "columns", "compute_layout", "fit_depth", "grid_shape",
    "is_assistant", "layout_tree", "measure", "sizes", "stacks_reports",
]
