"""The Graphviz drawings that printed pages place: one SVG per chart page, poster sheet and overview.

The interface a page composer relies on:

- :func:`page_drawings` ``(chart, plan, area)`` gives one :class:`Drawing` per
  page of a :class:`~tdorg.export.pages.PagePlan` (the fitted chart is a plan
  of one page; department pages are the others). Each is drawn by Graphviz
  from tdorg's pinned positions (``neato -n2``, as the "as on canvas" export)
  and holds exactly the roles of its page, with :data:`PIECE_MARGIN` of room
  around them, at the largest scale at which it fits ``area`` (width, height
  in points), never above the scale that prints titles at ``MAX_TITLE_PT``.
- :func:`poster_drawings` ``(chart, options, area)`` gives a :class:`Poster`:
  the whole chart drawn once at reading size (``overview``, for the poster's
  overview page), the grid of tiles of :mod:`tdorg.export.sheets` in the
  overview's coordinates, and for each tile that holds a role a drawing of
  the tile at the poster's scale. A tile's drawing holds only the roles whose
  boxes intersect its region and the lines that cross it; the text of any
  other role is not in it. Its viewport is the tile's region, but boxes
  reaching over the region's edge are drawn whole, so the composer clips it
  to ``Sheet.clip``.
- Every :class:`Drawing` carries its SVG bytes, its size in points (the
  SVG's ``width`` and ``height`` say the same, so it is placed at 1:1) and
  the transform from chart coordinates to the drawing: for a point ``(x, y)``
  of the layout (:mod:`tdorg.model.layout` coordinates: points, y downwards,
  the page's own ``ChartPage.layout`` for a page, ``Poster.layout`` for the
  overview and the tiles), ``drawing = (x * scale + dx, y * scale + dy)``,
  from the drawing's top-left corner, y downwards. :meth:`Drawing.box` gives
  a role's box in the drawing, for "continued on page N" marks, NEW/MOVED
  tags and the like.
- Text is set in ``style.FONT``, the one family name of every exported chart.

All the drawings of a call are made by one Graphviz child process
(:func:`~tdorg.export.renderer.render_batch`) in a few batches, so the
export's time limit, Cancel and the drawing checks hold as for one drawing,
and ``progress`` hears after each batch. Poster tiles are not drawn again:
each is the overview's node and line groups that lie on it, so a poster
costs one Graphviz drawing of the chart however many sheets it has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..model.chart import Chart
from ..model.layout import Layout, Point, Tree
from ..model.rules.base import Report
from . import dot, style
from .api import Progress
from .errors import ExportTimeoutError, GraphvizOutputError
from .options import ExportOptions
from .pages import MAX_TITLE_PT, PagePlan, whole_chart
from .renderer import NAME, layout_engine, render_batch
from .runner import Cancel
from .sheets import Rect, Sheet, holding_boxes, poster_sheets

#: Room around a page's roles in its drawing, in points, so box borders are never clipped.
PIECE_MARGIN = 4.0
#: Roles drawn per Graphviz batch at most: progress is reported between batches.
BATCH_ROLES = 2500
#: How far a dotted line's arrowhead may reach beyond the line between the boxes' centres.
ARROW_ROOM = 8.0


@dataclass(frozen=True)
class Drawing:
    """One SVG drawing of a page or sheet, and where chart coordinates land in it."""

    svg: bytes
    width: float  # points
    height: float
    scale: float
    dx: float
    dy: float
    roles: tuple[str, ...]  # the roles whose boxes it shows, in chart order

    def place(self, point: Point) -> Point:
        """Where the chart point ``point`` lies in the drawing (points from its top left, y downwards)."""
        return point[0] * self.scale + self.dx, point[1] * self.scale + self.dy

    def box(self, layout: Layout, role_id: str) -> Rect:
        """The box of ``role_id`` in the drawing: x, y of its top-left corner, width, height."""
        x, y = self.place(layout.positions[role_id])
        return x, y, layout.box_width * self.scale, layout.box_height * self.scale


@dataclass(frozen=True)
class Poster:
    """A poster's drawings: the whole chart, the grid of tiles over it, and the tiles that hold a role."""

    layout: Layout
    overview: Drawing
    grid: list[Sheet]  # every tile, in the overview's coordinates (points, y upwards, as sheets.py has them)
    sheets: list[tuple[Sheet, Drawing]]


def _noop(stage: str, fraction: float) -> None:
    return None


# --- DOT sources ---------------------------------------------------------------


@dataclass
class _Source:
    """The DOT of one drawing, with the names its SVG groups carry."""

    dot: bytes
    layout: Layout
    ids: dict[str, str]  # role, ``manager>report`` or ``role~manager`` → SVG group id


def _ids(chart: Chart, tree: Tree) -> dict[str, str]:
    """Ids for the drawing's nodes and lines that say nothing of the roles (``n3``, ``e7``)."""
    ids = {rid: f"n{i}" for i, rid in enumerate(tree.order)}
    lines = [f"{rid}>{kid}" for rid in tree.order for kid in tree.children[rid]]
    lines += [f"{rid}{dot.JOINT_MARK}{t}" for rid in tree.order for t in chart.roles[rid].dotted_to if t in ids]
    ids.update((line, f"e{i}") for i, line in enumerate(lines))
    return ids


def _source(chart: Chart, tree: Tree, layout: Layout, counts: dict, margin: float) -> _Source:
    box = dot.box_size(chart)
    g = dot.new_graph(chart, box)
    g.attr("graph", **dot.PINNED, pad=f"{margin / 72:.4f}")
    height = layout.height

    def flip(p: Point) -> Point:
        return p[0], height - p[1]

    ids = _ids(chart, tree)
    dot.add_piece(g, chart, counts, box, tree, layout, flip, {rid: ids[rid] for rid in tree.order}, ids)
    return _Source(g.source.encode("utf-8"), layout, ids)


def _counts(chart: Chart, options: ExportOptions, report: Report | None) -> dict:
    if not options.badges:
        return {}
    if report is None:
        from ..model.rules import validate

        report = validate(chart)
    return dot.finding_counts(report)


# --- drawing them ----------------------------------------------------------------

_SIZE = re.compile(rb'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"\s+viewBox="([-0-9. ]+)"')
_TRANSLATE = re.compile(rb'<g id="graph0" class="graph" transform="scale\(1 1\) rotate\(0\) translate\(([-0-9.]+) ([-0-9.]+)\)">')


def _view(svg: bytes, layout: Layout, margin: float) -> tuple[float, float, float, float]:
    """The box of a Graphviz SVG's own units (x, y, width, height) that shows ``layout`` with ``margin`` around it."""
    move = _TRANSLATE.search(svg)
    if move is None or _SIZE.search(svg) is None:
        raise GraphvizOutputError(NAME, "its SVG does not have the frame tdorg draws in")
    # Graphviz's y grows upwards from the drawing's bottom: a layout point (x, y) is at
    # (x, height - y) there, and at (x + tx, y - height + ty) in the SVG's own units.
    tx, ty = float(move.group(1)), float(move.group(2))
    return tx - margin, ty - layout.height - margin, layout.width + 2 * margin, layout.height + 2 * margin


def _sized(svg: bytes, box: tuple[float, ...], scale: float) -> bytes:
    """``svg`` showing the viewBox ``box`` (x, y, width, height) at ``scale`` points per unit."""
    x, y, w, h = box
    head = (f'<svg width="{w * scale:.2f}pt" height="{h * scale:.2f}pt"\n'
            f' viewBox="{x:.2f} {y:.2f} {w:.2f} {h:.2f}"').encode()
    return _SIZE.sub(lambda _: head, svg, count=1)


def _draw(
    sources: list[_Source], options: ExportOptions, cancel: Cancel | None, progress: Progress,
) -> list[bytes]:
    """The SVG of every source, drawn in batches of about :data:`BATCH_ROLES` roles by one child each."""
    import time

    batches: list[list[_Source]] = [[]]
    roles = 0
    for source in sources:
        if batches[-1] and roles + len(source.layout.positions) > BATCH_ROLES:
            batches.append([])
            roles = 0
        batches[-1].append(source)
        roles += len(source.layout.positions)
    engine = layout_engine(*dot.engine_for(options.with_changes(layout="canvas")))
    deadline = time.monotonic() + options.timeout
    out: list[bytes] = []
    for batch in batches:
        left = max(deadline - time.monotonic(), 0.001)
        try:
            drawn, _ = render_batch([s.dot for s in batch], engine, "svg", timeout=left, cancel=cancel)
        except ExportTimeoutError as error:  # the limit is the whole export's, not this batch's share
            raise ExportTimeoutError(error.program, options.timeout, error.pinned) from None
        out += drawn
        progress("Drawing the pages with Graphviz", len(out) / len(sources))
    return out


def _drawing(svg: bytes, layout: Layout, scale: float, roles: tuple[str, ...], margin: float) -> Drawing:
    """The drawing of ``layout`` with ``margin`` around it, at ``scale``, from Graphviz's ``svg`` of it."""
    view = _view(svg, layout, margin)
    w, h = view[2], view[3]
    return Drawing(_sized(svg, view, scale), w * scale, h * scale, scale, margin * scale, margin * scale, roles)


def page_scale(layout: Layout, area: tuple[float, float]) -> float:
    """The scale at which a page's piece, with its margin, fills ``area`` (width, height) best."""
    w, h = layout.width + 2 * PIECE_MARGIN, layout.height + 2 * PIECE_MARGIN
    return min(area[0] / w, area[1] / h, MAX_TITLE_PT / style.TITLE_SIZE)


def page_drawings(
    chart: Chart,
    plan: PagePlan,
    area: tuple[float, float],
    options: ExportOptions | None = None,
    *,
    report: Report | None = None,
    cancel: Cancel | None = None,
    progress: Progress | None = None,
) -> list[Drawing]:
    """One drawing per page of ``plan``, each scaled to fill ``area`` (width, height in points)."""
    options = options or ExportOptions()
    counts = _counts(chart, options, report)
    sources = [_source(chart, page.tree, page.layout, counts, PIECE_MARGIN) for page in plan.pages]
    svgs = _draw(sources, options, cancel, progress or _noop)
    return [
        _drawing(svg, page.layout, page_scale(page.layout, area), page.tree.order, PIECE_MARGIN)
        for svg, page in zip(svgs, plan.pages)
    ]


# --- posters ---------------------------------------------------------------------


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
    box = dot.box_size(chart)
    piece = whole_chart(chart, box, dot.fit_area(options)).pages[0]
    layout = piece.layout
    margin = dot.PAD * 72
    source = _source(chart, piece.tree, layout, _counts(chart, options, report), margin)
    (svg,) = _draw([source], options, cancel, progress or _noop)
    overview = _drawing(svg, layout, 1.0, piece.tree.order, margin)
    width, height = overview.width, overview.height
    boxes = [overview.box(layout, rid) for rid in piece.tree.order]
    grid = poster_sheets(width, height, area, box=box, overlap=options.overlap, scale=options.poster_scale / 100)
    printed = holding_boxes(grid, [(x, height - y - h, w, h) for x, y, w, h in boxes], width, height)
    groups = _groups(svg)
    lines = list(_lines(chart, piece.tree, layout, source.ids))
    origin = _view(svg, layout, margin)[:2]
    tiles = [(sheet, _tile(groups, origin, overview, source, lines, sheet)) for sheet in printed]
    return Poster(layout, overview, grid, tiles)


def _groups(svg: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The SVG up to its first node or line, and each node's and line's group with its id."""
    found = list(_GROUP.finditer(svg))
    head = svg[:found[0].start()] if found else svg[:svg.rindex(b"</g>")]
    if head.endswith(b"-->\n"):  # the comment naming the first group
        head = head[:head.rindex(b"<!--")]
    return head, [(m.group(1).decode(), m.group(0)) for m in found]


def _lines(chart: Chart, tree: Tree, layout: Layout, ids: dict[str, str]) -> Iterable[tuple[str, list[Point], float]]:
    """Every line of the drawing: its id, its points in chart coordinates, and how far its arrow reaches."""
    for rid in tree.order:
        for kid in tree.children[rid]:
            yield ids[f"{rid}>{kid}"], layout.route(rid, kid), 0.0
        for target in chart.roles[rid].dotted_to:
            line = f"{rid}{dot.JOINT_MARK}{target}"
            if line in ids:
                yield ids[line], [layout.center(rid), layout.center(target)], ARROW_ROOM


def _tile(
    groups: tuple[bytes, list[tuple[str, bytes]]], origin: Point, overview: Drawing, source: _Source,
    lines: list[tuple[str, list[Point], float]], sheet: Sheet,
) -> Drawing:
    """The drawing of one tile: the overview's groups that lie on the tile's region (``origin``: where
    the overview's top left lies in its SVG's own units)."""
    left, bottom, w, h = sheet.region
    region = (left, overview.height - bottom - h, w, h)  # in the overview's coordinates, y downwards
    layout = source.layout
    roles = tuple(rid for rid in layout.positions if _overlaps(overview.box(layout, rid), region))
    keep = {source.ids[rid] for rid in roles}
    keep.update(key for key, points, room in lines if _crosses([overview.place(p) for p in points], region, room))
    head, parts = groups
    scale = sheet.scale
    body = b"".join(part for key, part in parts if key in keep)
    view = (region[0] + origin[0], region[1] + origin[1], w, h)
    tile = _sized(head, view, scale) + body + b"</g>\n</svg>\n"
    return Drawing(tile, w * scale, h * scale, scale, (overview.dx - region[0]) * scale,
                   (overview.dy - region[1]) * scale, roles)


def _overlaps(a: Rect, b: Rect) -> bool:
    """Whether two rectangles (x, y, width, height) share some area."""
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _crosses(points: list[Point], region: Rect, room: float) -> bool:
    """Whether the polyline ``points`` passes within ``room`` of ``region``."""
    x, y, w, h = region[0] - room, region[1] - room, region[2] + 2 * room, region[3] + 2 * room
    return any(_segment_in((x, y, x + w, y + h), a, b) for a, b in zip(points, points[1:]))


def _segment_in(rect: tuple[float, float, float, float], a: Point, b: Point) -> bool:
    """Whether the segment from ``a`` to ``b`` meets the rectangle (x0, y0, x1, y1): Liang–Barsky clipping."""
    x0, y0, x1, y1 = rect
    low, high = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


__all__ = ["Drawing", "PIECE_MARGIN", "Poster", "page_drawings", "page_scale", "poster_drawings"]
