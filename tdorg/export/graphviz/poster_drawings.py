"""A poster's Graphviz drawings: the whole chart once, and the tiles of it that print on its sheets.

:func:`poster_drawings` ``(chart, options, area)`` gives a :class:`Poster`:
the whole chart drawn once at reading size (``overview``, for the poster's
overview page), the grid of tiles of :mod:`tdorg.export.pdf.sheets` in the
overview's coordinates, and for each tile that holds a role a
:class:`~.page_drawings.Drawing` of the tile at the poster's scale. A tile's
drawing holds only the roles whose boxes intersect its region and the lines
that cross it; the text of any other role is not in it. Its viewport is the
tile's region, but boxes reaching over the region's edge are drawn whole, so
the composer clips it to ``Sheet.clip``.

Poster tiles are not drawn again: each is the overview's node and line
groups that lie on it, so a poster costs one Graphviz drawing of the chart
however many sheets it has. As on department pages, the labels
:mod:`.label_layout` can place are drawn without their text, and placed
beside the drawing: the overview's :attr:`~.page_drawings.Drawing.placed`
holds every such line, a tile's those of the roles it shows. :func:`sheet_sources` gives each sheet as a DOT
of its own, for the benchmarks' like-for-like reference.
"""

from __future__ import annotations

import bisect
import math
import re
from array import array
from dataclasses import dataclass
from typing import Iterable

from ...model.chart import Chart
from ...model.layout import Layout, Point, Tree
from ...model.rules.base import Report
from ..api import Progress
from ..options import ExportOptions
from ..pages import ChartPage, whole_chart
from ..pdf.sheets import Rect, Sheet, holding_boxes, poster_sheets
from . import dot
from .label_layout import Placed, can_place
from .page_drawings import DotSource, Drawer, Drawing, badge_counts, drawing_from, placed_source, sized, view_of
from .passing_lines import Line, passing_groups, straight_line, stretch
from .runner import Cancel

#: How far a dotted line's arrowhead may reach beyond the line between the boxes' centres.
ARROW_ROOM = 8.0


@dataclass(frozen=True)
class Poster:
    """A poster's drawings: the whole chart, the grid of tiles over it, and the tiles that hold a role."""

    layout: Layout
    overview: Drawing
    grid: list[Sheet]  # every tile, in the overview's coordinates (points, y upwards, as sheets.py has them)
    sheets: list[tuple[Sheet, Drawing]]


#: A node or line group of Graphviz's SVG, and its id.
_GROUP = re.compile(rb'<g id="([^"]+)" class="(?:node|edge)">\n.*?</g>\n', re.S)


def poster_drawings(
    chart: Chart,
    options: ExportOptions,
    area: Rect,
    *,
    report: Report | None = None,
    cancel: Cancel | None = None,
    progress: Progress | None = None,
) -> Poster:
    """The overview and the sheets of a poster whose tiles fill ``area`` (x, y, width, height) of a sheet."""
    piece, source, labels = _overview_source(chart, options, report, can_place())
    layout, order = piece.layout, piece.tree.order
    with Drawer(options, cancel, progress, math.inf) as drawer:
        drawer.add(source.dot, len(order))
        drawer.flush()  # the tiles are worked out while Graphviz draws
        grid, printed, regions, (roles, shown, passing) = _poster_tiles(chart, options, area, piece, source)
        (svg,) = drawer.results()
    margin = _POSTER_MARGIN
    overview = drawing_from(svg, layout, 1.0, order, margin, labels)
    svg = overview.svg  # with the placed labels' strips and badges; its frame is sized again for each tile
    head, parts = _groups(svg)
    view = view_of(svg, layout, margin)
    placed = [labels.get(key.encode()) for key in parts.position]  # each group's placed label, if any
    lines = {key: straight_line(parts.groups[parts.position[key]]) for key in {k for keys in passing for k in keys}}
    made = []
    for t, sheet in enumerate(printed):
        x, y, w, h = regions[t]
        drawn = shown[t] + [key for key in passing[t] if lines[key] is None]
        on = array("L", sorted(parts.position[key] for key in drawn))
        # The tile's region in the units of Graphviz's paths (inside the overview's translate).
        tile = _Tile(sized(head, (x + view[0], y + view[1], w, h), sheet.scale), parts, on,
                     tuple(line for key in passing[t] if (line := lines[key]) is not None),
                     (x - margin, y - margin - layout.height, w, h))
        made.append((sheet, Drawing(tile, w * sheet.scale, h * sheet.scale, sheet.scale,
                                    (overview.dx - x) * sheet.scale, (overview.dy - y) * sheet.scale,
                                    tuple(roles[t]),
                                    tuple(line for i in on if (label := placed[i]) is not None for line in label.lines))))
    return Poster(layout, overview, grid, made)


#: Room around a poster's overview drawing, in points (the drawing's pad).
_POSTER_MARGIN = dot.PAD * 72


def _overview_source(chart: Chart, options: ExportOptions, report: Report | None,
                     place: bool) -> tuple[ChartPage, DotSource, dict[bytes, Placed]]:
    """The whole chart as one piece in the canvas layout, the DOT of the poster's overview of it, and the
    labels placed beside it (:func:`~.page_drawings.placed_source`; none unless ``place``)."""
    box = dot.box_size(chart)
    piece = whole_chart(chart, box, dot.fit_area(options)).pages[0]
    source, labels = placed_source(chart, box, piece.tree, piece.layout, badge_counts(chart, options, report),
                                   _POSTER_MARGIN, False, place)
    return piece, source, labels


def _poster_tiles(chart: Chart, options: ExportOptions, area: Rect, piece: ChartPage, source: DotSource) -> tuple[
    list[Sheet], list[Sheet], list[Rect], tuple[list[list[str]], list[list[str]], list[list[str]]]
]:
    """The poster's grid, the tiles of it that print, their regions in the overview's coordinates (y
    downwards) and what lies on each (:func:`_on_tiles`)."""
    layout, order, margin = piece.layout, piece.tree.order, _POSTER_MARGIN
    # The overview is the layout with the margin around it, at scale 1 (see drawing_from).
    width, height = layout.width + 2 * margin, layout.height + 2 * margin
    whole = Drawing(b"", width, height, 1.0, margin, margin, order)
    boxes = [whole.box(layout, rid) for rid in order]
    grid = poster_sheets(width, height, area, box=dot.box_size(chart), overlap=options.overlap,
                         scale=options.poster_scale / 100)
    printed = holding_boxes(grid, [(x, height - y - h, w, h) for x, y, w, h in boxes], width, height)
    regions = [(s.region[0], height - s.region[1] - s.region[3], s.region[2], s.region[3]) for s in printed]
    return grid, printed, regions, _on_tiles(chart, piece.tree, layout, source.ids, whole, regions)


#: A node or line of the overview's DOT (:func:`dot_source` names a node by its id): its tail, its head
#: (none for a node) and its id.
_STATEMENT = re.compile(rb'^\t(\w+)(?: -> (\w+))? \[.*\bid=(\w+)\]$', re.M)
_POS = re.compile(rb' pos=("[^"]*")')


def sheet_sources(chart: Chart, options: ExportOptions, area: Rect) -> list[bytes]:
    """Each printed sheet of a poster as a pinned DOT of its own, for Graphviz alone to draw: the roles
    on it and the lines over it, at the poster's positions and scale, the drawing clipped to the sheet
    (Graphviz's ``viewport``); a line's end that is no role of the sheet is an invisible node there, and a
    dotted line that only passes over the sheet is pinned to its stretch over it, as the sheet draws it.
    ``bench/bench_pages.py`` draws them as the like-for-like reference of a poster's PDF."""
    piece, source, _ = _overview_source(chart, options, None, False)
    _, printed, regions, (_, shown, passing) = _poster_tiles(chart, options, area, piece, source)
    text = source.dot
    statements = {found.group(3): found for found in _STATEMENT.finditer(text)}
    head = text[:min(found.start() for found in statements.values())]  # the graph's, nodes' and lines' defaults

    def place(node: bytes) -> bytes:
        return _POS.search(statements[node].group(0)).group(0)

    def centre(node: bytes) -> tuple[float, float]:  # in the units of the SVG's paths: y downwards
        x, y = place(node)[6:-2].split(b",")
        return float(x), -float(y)

    lines = {key: Line(b"", 0.0, *(centre(n) for n in statements[key.encode()].group(1, 2)))
             for key in {k for keys in passing for k in keys}}
    height, margin = piece.layout.height, _POSTER_MARGIN
    out = []
    for sheet, (x, y, w, h), on, over in zip(printed, regions, shown, passing):
        drawn = [statements[key.encode()].group(0) + b"\n" for key in on]
        nodes = {found.group(1) for key in on if not (found := statements[key.encode()]).group(2)}
        ends = {end for key in on + over for end in statements[key.encode()].group(1, 2) if end}
        for key in over:
            part = stretch(lines[key], (x - margin, y - margin - height, w, h))
            if part is not None:
                (ax, ay), (bx, by) = part
                pin = b' pos="%.2f,%.2f %.2f,%.2f %.2f,%.2f %.2f,%.2f" dir=none]\n' % (ax, -ay, ax, -ay, bx, -by, bx, -by)
                drawn.append(statements[key.encode()].group(0)[:-1] + pin)
        view = b'\tgraph [notranslate=true pad=0 viewport="%.2f,%.2f,%g,%.2f,%.2f"]\n' % (
            w * sheet.scale, h * sheet.scale, sheet.scale, x + w / 2 - margin, height - (y + h / 2 - margin))
        out.append(b"".join([head, view, *drawn, *(b'\t%s [label="" style=invis%s]\n' % (end, place(end))
                                                   for end in sorted(ends - nodes)), b"}\n"]))
    return out


@dataclass(frozen=True)
class _Tile:
    """What makes a tile's SVG: its head, and which of the overview's groups follow it."""

    head: bytes
    parts: "_Parts"
    shown: array
    passing: tuple[Line, ...]  # the dotted lines that only pass over it
    region: Rect  # in the units of the overview's paths

    def __call__(self) -> bytes:
        groups = self.parts.groups
        # Passing lines first: as Graphviz draws lines before boxes (outputorder=edgesfirst).
        return b"".join((self.head, passing_groups(self.passing, self.region), *(groups[i] for i in self.shown),
                         b"</g>\n</svg>\n"))


def _on_tiles(
    chart: Chart, tree: Tree, layout: Layout, ids: dict[str, str], whole: Drawing, regions: list[Rect],
) -> tuple[list[list[str]], list[list[str]], list[list[str]]]:
    """Per tile, the roles whose boxes meet its region, the ids of the groups it shows whole, and the ids
    of the dotted lines that only pass over it (neither end's box, with the arrow's room, meets it)."""
    tiles = _Tiles(regions)
    roles: list[list[str]] = [[] for _ in regions]
    shown: list[list[str]] = [[] for _ in regions]
    passing: list[list[str]] = [[] for _ in regions]
    for rid in tree.order:
        x, y, w, h = whole.box(layout, rid)
        for t in tiles.near(x, y, x + w, y + h):
            if _overlaps((x, y, w, h), regions[t]):
                roles[t].append(rid)
                shown[t].append(ids[rid])
    for key, line, ends in _lines(chart, tree, layout, ids):
        room = 0.0 if ends is None else ARROW_ROOM
        crossed = _tiles_crossed([whole.place(p) for p in line], room, tiles)
        if ends is None:
            for t in crossed:
                shown[t].append(key)
            continue
        near = {t for rid in ends for t in tiles.near(*_grown(whole.box(layout, rid), ARROW_ROOM))}
        for t in crossed:
            (shown if t in near else passing)[t].append(key)
    return roles, shown, passing


def _grown(box: Rect, room: float) -> tuple[float, float, float, float]:
    """The corners (x0, y0, x1, y1) of ``box`` (x, y, width, height) grown by ``room`` on every side."""
    x, y, w, h = box
    return x - room, y - room, x + w + room, y + h + room


def _tiles_crossed(points: list[Point], room: float, tiles: "_Tiles") -> set[int]:
    """The tiles a polyline passes over or within ``room`` of."""
    hit: set[int] = set()
    for a, b in zip(points, points[1:]):
        hit.update(tiles.along(a, b, room))
    return hit


@dataclass(frozen=True)
class _Parts:
    """The node and line groups of a drawing, in its order, and each one's place by its id."""

    groups: list[bytes]
    position: dict[str, int]


class _Tiles:
    """Tiles of one size on a grid, found by the box or segment they meet without trying them all."""

    def __init__(self, regions: list[Rect]) -> None:
        self.w, self.h = (regions[0][2], regions[0][3]) if regions else (0.0, 0.0)
        self.lefts = sorted({r[0] for r in regions})
        self.tops = sorted({r[1] for r in regions})
        column = {left: i for i, left in enumerate(self.lefts)}
        row = {top: i for i, top in enumerate(self.tops)}
        #: Per column, per row, the tile there (-1: none printed).
        self.table = [[-1] * len(self.tops) for _ in self.lefts]
        for i, (left, top, _, _) in enumerate(regions):
            self.table[column[left]][row[top]] = i

    def _columns(self, x0: float, x1: float) -> range:
        return range(bisect.bisect_left(self.lefts, x0 - self.w), bisect.bisect_right(self.lefts, x1))

    def _rows(self, column: int, y0: float, y1: float) -> list[int]:
        cells = self.table[column][bisect.bisect_left(self.tops, y0 - self.h):bisect.bisect_right(self.tops, y1)]
        return [t for t in cells if t >= 0]

    def near(self, x0: float, y0: float, x1: float, y1: float) -> list[int]:
        """The tiles whose region meets the box from (x0, y0) to (x1, y1), edges included."""
        return [t for c in self._columns(x0, x1) for t in self._rows(c, y0, y1)]

    def along(self, a: Point, b: Point, room: float) -> list[int]:
        """The tiles the segment from ``a`` to ``b`` passes over or within ``room`` of, column by column."""
        (ax, ay), (bx, by) = sorted((a, b))
        if bx == ax or ay == by:
            return self.near(ax - room, min(ay, by) - room, bx + room, max(ay, by) + room)
        slope = (by - ay) / (bx - ax)
        w, h, lefts, tops, table = self.w, self.h, self.lefts, self.tops, self.table
        out = []
        for c in self._columns(ax - room, bx + room):
            left = lefts[c]
            lo = left - room if left - room > ax else ax  # the part of the segment over this column
            hi = left + w + room if left + w + room < bx else bx
            ya, yb = ay + slope * (lo - ax), ay + slope * (hi - ax)
            if ya > yb:
                ya, yb = yb, ya
            row = table[c]
            for r in range(bisect.bisect_left(tops, ya - room - h), bisect.bisect_right(tops, yb + room)):
                if row[r] >= 0:
                    out.append(row[r])
        return out


def _groups(svg: bytes) -> tuple[bytes, _Parts]:
    """The SVG up to its first node or line, and its node and line groups."""
    found = list(_GROUP.finditer(svg))
    head = svg[:found[0].start()] if found else svg[:svg.rindex(b"</g>")]
    if head.endswith(b"-->\n"):  # the comment naming the first group
        head = head[:head.rindex(b"<!--")]
    return head, _Parts([m.group(0) for m in found], {m.group(1).decode(): i for i, m in enumerate(found)})


def _lines(
    chart: Chart, tree: Tree, layout: Layout, ids: dict[str, str],
) -> Iterable[tuple[str, list[Point], tuple[str, str] | None]]:
    """Every line of the drawing: its id, the points of the part of it no other line draws, in chart
    coordinates, and for a dotted line the roles at its ends (None for a reporting line).

    A manager's reporting lines share their way down: stacked reports' lines run down one spine a
    column, whose deepest line draws all of it; a row's lines run along one bus, drawn whole by its
    outermost lines. Any other line draws only its last leg of its own, so only that leg puts it on a tile.
    """
    for rid in tree.order:
        kids = tree.children[rid]
        whole = _whole_lines(layout, rid, kids)
        for kid in kids:
            route = layout.route(rid, kid)
            yield ids[f"{rid}>{kid}"], route if kid in whole else route[-2:], None
        for target in chart.roles[rid].dotted_to:
            line = f"{rid}{dot.JOINT_MARK}{target}"
            if line in ids:
                yield ids[line], [layout.center(rid), layout.center(target)], (rid, target)


def _whole_lines(layout: Layout, manager: str, kids: tuple[str, ...]) -> set[str]:
    """The reports of ``manager`` whose lines draw the parts the others share (see :func:`_lines`)."""
    whole = {kid for kid in kids if kid in layout.assistants}
    others = [kid for kid in kids if kid not in whole]
    if not others:
        return whole
    at = layout.positions
    if manager in layout.stacked:
        deepest: dict[float, str] = {}
        for kid in others:  # a column a spine: the reports with the same left edge
            left = at[kid][0]
            if left not in deepest or at[kid][1] > at[deepest[left]][1]:
                deepest[left] = kid
        return whole | set(deepest.values())
    return whole | {min(others, key=lambda kid: at[kid][0]), max(others, key=lambda kid: at[kid][0])}


def _overlaps(a: Rect, b: Rect) -> bool:
    """Whether two rectangles (x, y, width, height) share some area."""
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


__all__ = ["ARROW_ROOM", "Poster", "poster_drawings", "sheet_sources"]
