"""A narrower layout of a page's piece, for a chart too wide for its page as on the canvas.

On the canvas a manager's reports stand in one row unless all of them are
leaves (then they are stacked in columns). A department of a few managers
each with a report or two is then as wide as its number of reports, and a
chart of twenty roles whose top IT leader has seven reports is five pages
wide at the smallest title size. Printed org charts stack such departments
too: below a chosen level (``level``) every manager's reports hang one under
the other from a spine on their left, each report's own reports indented
under it, and the reports of a manager at that level fill columns at most
``rows`` boxes deep, left to right, in the chart's order. Above that level
the canvas's conventions hold (rows, stacked leaves, assistants beside their
manager's connector), with each subtree taking a rectangle of its own.

The result is an ordinary :class:`~tdorg.model.layout.Layout`: a hanging
manager is one of its ``stacked`` managers, so every reporting line is the
route the canvas draws for stacked reports, and every export draws it as it
draws any other page. Managers whose arrangement the user chose keep it;
where that cannot be kept (or an assistant would hang inside a column) the
level is not offered.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterator

from ..model.arrangement import ONE_ROW
from ..model.layout import Layout, Tree

#: Column depths (boxes) tried for the departments at the stacking level.
ROWS = (1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 16)


class _Unfit(Exception):
    """The stacking asked for would not keep a chosen arrangement or an assistant's place."""


@dataclass
class _Block:
    """A subtree's rectangle: its roles' top-left corners and the buses of its managers, from its top-left."""

    width: float
    height: float
    centre: float  # x of the root box's centre
    boxes: list[tuple[str, float, float]] = field(default_factory=list)
    buses: list[tuple[str, float]] = field(default_factory=list)
    stacked: list[str] = field(default_factory=list)
    column: bool = False  # everyone under the root hangs in one column, indented under the root's left edge

    def take(self, other: "_Block", dx: float, dy: float) -> None:
        self.boxes.extend((rid, x + dx, y + dy) for rid, x, y in other.boxes)
        self.buses.extend((rid, y + dy) for rid, y in other.buses)
        self.stacked.extend(other.stacked)


class _Builder:
    def __init__(self, tree: Tree, box: tuple[float, float], h_gap: float, v_gap: float, level: int, rows: int) -> None:
        self.tree, self.level, self.rows = tree, level, rows
        self.bw, self.bh = box
        self.h_gap, self.v_gap = h_gap, v_gap
        self.pitch = self.bh + v_gap
        self.grid_gap = max(8.0, v_gap / 3)  # as the canvas's stacked columns

    def split(self, rid: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        kids = self.tree.children[rid]
        helpers = tuple(k for k in kids if k in self.tree.assistants)
        return helpers, tuple(k for k in kids if k not in self.tree.assistants)

    def block(self, rid: str, level: int) -> _Block:
        helpers, reports = self.split(rid)
        if not reports and not helpers:
            return _Block(self.bw, self.bh, self.bw / 2, [(rid, 0.0, 0.0)])
        leafy = bool(reports) and not any(self.tree.children[k] for k in reports)
        chosen = self.tree.arrangements.get(rid) if leafy else None
        if reports and (level >= self.level or (leafy and chosen != ONE_ROW)):
            if chosen == ONE_ROW:
                raise _Unfit  # one row asked for, below the stacking level
            return self.hanging(rid, helpers, reports, None if chosen is None else _even(len(reports), chosen))
        return self.row(rid, helpers, reports, level)

    def item(self, rid: str) -> _Block:
        """``rid``'s place in a column of hanging reports: its department in one column if it can be,
        else hanging as from a manager at the stacking level."""
        try:
            return self.column(rid)
        except _Unfit:
            return self.block(rid, self.level)

    def column(self, rid: str) -> _Block:
        """``rid`` with everyone under it hanging in one column, each level indented by a gap."""
        helpers, reports = self.split(rid)
        leafy = bool(reports) and not any(self.tree.children[k] for k in reports)
        if helpers or (leafy and self.tree.arrangements.get(rid) not in (None, 1)):
            raise _Unfit  # an assistant, or columns or a row the user chose, cannot hang in one column
        out = _Block(self.bw, self.bh, self.bw / 2, [(rid, 0.0, 0.0)], column=True)
        if not reports:
            return out
        out.stacked.append(rid)
        out.buses.append((rid, self.bh + self.grid_gap / 2))
        y = self.bh + self.grid_gap
        for kid in reports:
            sub = self.column(kid)
            out.take(sub, self.h_gap, y)
            out.width = max(out.width, self.h_gap + sub.width)
            y += sub.height + self.grid_gap
        out.height = y - self.grid_gap
        return out

    def _assistants(self, helpers: tuple[str, ...], out: _Block, centre: float) -> float:
        """Place the assistants beside the connector under a box centred at ``centre``; the top of the reports."""
        half = self.bw / 2
        for i, kid in enumerate(helpers):
            side = 1 if i % 2 == 0 else -1
            x = centre + side * (self.h_gap / 2 + half) - half
            out.boxes.append((kid, x, self.pitch * (i // 2 + 1)))
        return self.pitch * (1 + math.ceil(len(helpers) / 2))

    def hanging(self, rid: str, helpers: tuple[str, ...], reports: tuple[str, ...],
                heights: tuple[int, ...] | None) -> _Block:
        """``rid`` over its reports in columns, each column hanging from a spine on its left."""
        parts = [self.item(kid) for kid in reports]
        groups: list[list[_Block]] = []
        if heights is not None:
            it = iter(parts)
            groups = [[next(it) for _ in range(h)] for h in heights if h]
        else:
            room = self.rows * (self.bh + self.grid_gap)
            used = room
            for part in parts:
                # a report whose department does not hang in one column takes a column of its own
                if used + part.height + self.grid_gap > room or not part.column:
                    groups.append([])
                    used = 0.0 if part.column else room
                groups[-1].append(part)
                used += part.height + self.grid_gap
        widths = [max(p.width for p in g) for g in groups]
        span = self.h_gap / 2 + sum(widths) + self.h_gap * (len(groups) - 1)
        reach = self.h_gap / 2 + self.bw if helpers else self.bw / 2
        width = max(span, 2 * reach)
        centre = width / 2
        out = _Block(width, 0.0, centre, [(rid, centre - self.bw / 2, 0.0)], stacked=[rid])
        top = self._assistants(helpers, out, centre)
        out.buses.append((rid, top - self.v_gap / 2))
        x = centre - span / 2 + self.h_gap / 2
        bottom = top
        for group, col_width in zip(groups, widths):
            y = top
            for part in group:
                out.take(part, x, y)
                y += part.height + self.grid_gap
            bottom = max(bottom, y - self.grid_gap)
            x += col_width + self.h_gap
        out.height = max(bottom, self.pitch * math.ceil(len(helpers) / 2) + self.bh)
        return out

    def row(self, rid: str, helpers: tuple[str, ...], reports: tuple[str, ...], level: int) -> _Block:
        """``rid`` centred over its reports' rectangles side by side."""
        out = _Block(0.0, 0.0, 0.0)
        top = self.pitch * (1 + math.ceil(len(helpers) / 2))
        centres: list[float] = []
        x = 0.0
        bottom = 0.0
        for kid in reports:
            sub = self.block(kid, level + 1)
            out.take(sub, x, top)
            centres.append(x + sub.centre)
            bottom = max(bottom, top + sub.height)
            x += sub.width + self.h_gap
        right = x - self.h_gap if reports else 0.0
        centre = (centres[0] + centres[-1]) / 2 if centres else self.bw / 2
        out.boxes.append((rid, centre - self.bw / 2, 0.0))
        if reports:
            out.buses.append((rid, top - self.v_gap / 2))
        self._assistants(helpers, out, centre)
        bottom = max(bottom, self.pitch * math.ceil(len(helpers) / 2) + self.bh)
        left = min([0.0, *(bx for _, bx, _ in out.boxes)])
        right = max([right, *(bx + self.bw for _, bx, _ in out.boxes)])
        shifted = _Block(right - left, bottom, centre - left)
        shifted.take(out, -left, 0.0)
        return shifted

    def layout(self) -> Layout:
        forest = _Block(0.0, 0.0, 0.0)
        x = 0.0
        for root in self.tree.roots:
            sub = self.block(root, 0)
            forest.take(sub, x, 0.0)
            forest.height = max(forest.height, sub.height)
            x += sub.width + 2 * self.h_gap
        forest.width = x - 2 * self.h_gap
        positions = {rid: (bx, by) for rid, bx, by in forest.boxes}
        return Layout(positions, forest.width, forest.height, self.bw, self.bh, self.h_gap, self.v_gap,
                      frozenset(forest.stacked), self.tree.assistants, dict(forest.buses), self.rows)


def _even(count: int, cols: int) -> tuple[int, ...]:
    """``count`` reports in ``cols`` columns as even as the count allows, longer ones first (as the canvas)."""
    cols = min(cols, count)
    rows, longer = divmod(count, cols)
    return (rows + 1,) * longer + (rows,) * (cols - longer)


def stackings(tree: Tree) -> Iterator[tuple[int, int]]:
    """Every (level, rows) :func:`compact_layout` may be asked for on ``tree``, the least stacked levels last."""
    for level in range(tree.height()):
        for rows in ROWS:
            yield level, rows


def compact_layout(tree: Tree, box: tuple[float, float], h_gap: float, v_gap: float, level: int,
                   rows: int) -> Layout | None:
    """``tree`` stacked from ``level`` down in columns at most ``rows`` deep there (see the module's
    documentation); None when a chosen arrangement or an assistant rules that level out."""
    try:
        return _Builder(tree, box, h_gap, v_gap, level, rows).layout()
    except _Unfit:
        return None


__all__ = ["ROWS", "compact_layout", "stackings"]
