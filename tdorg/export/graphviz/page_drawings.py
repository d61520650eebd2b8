"""The Graphviz drawings of printed chart pages: one SVG per page of a page plan.

The interface a page composer relies on:

- :func:`page_drawings` ``(chart, plan, area)`` gives one :class:`Drawing` per
  page of a :class:`~tdorg.export.pages.PagePlan` (the fitted chart is a plan
  of one page; department pages are the others). Each is drawn by Graphviz
  from tdorg's pinned positions (``neato -n2``, as the "as on canvas" export)
  and holds exactly the roles of its page, with :data:`PIECE_MARGIN` of room
  around them, at the largest scale at which it fits ``area`` (width, height
  in points), never above the scale that prints titles at ``MAX_TITLE_PT``.
  The labels :mod:`.label_layout` can place are given to Graphviz empty and
  placed where it would have put them: their strips and badges in the SVG,
  their lines in :attr:`Drawing.placed`.
- Every :class:`Drawing` (a page's, or a poster's, :mod:`.poster_drawings`)
  gives its SVG bytes (``svg``; a poster tile's are built each time they are
  read, to be written out and let go), its size in points (the
  SVG's ``width`` and ``height`` say the same, so it is placed at 1:1) and
  the transform from chart coordinates to the drawing: for a point ``(x, y)``
  of the layout (:mod:`tdorg.model.layout` coordinates: points, y downwards,
  the page's own ``ChartPage.layout`` for a page, ``Poster.layout`` for the
  overview and the tiles), ``drawing = (x * scale + dx, y * scale + dy)``,
  from the drawing's top-left corner, y downwards. :meth:`Drawing.box` gives
  a role's box in the drawing, for "continued on page N" marks, NEW/MOVED
  tags and the like.
- Text is set in ``style.FONT``, the one family name of every exported chart.

All the drawings of a call are made by Graphviz child processes (:class:`Drawer`,
:func:`~tdorg.export.graphviz.renderer.render_batch`) in a few batches, so the
export's time limit, Cancel and the drawing checks hold as for one drawing,
and ``progress`` hears after each batch.
"""

from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass
from typing import Callable

from ...model.chart import Chart
from ...model.layout import Layout, Point, Tree
from ...model.rules.base import Report
from .. import style
from ..api import Progress
from ..errors import ExportTimeoutError, GraphvizOutputError
from ..options import ExportOptions
from ..pages import MAX_TITLE_PT, ChartPage, PagePlan
from ..pdf.sheets import Rect
from . import dot
from .label_layout import Line as PlacedLine, Placed, can_place, placeable, placed_label
from .renderer import NAME, layout_engine, render_batch
from .runner import Cancel
from .svg_text import SIZE, TRANSLATE

#: Room around a page's roles in its drawing, in points, so box borders are never clipped.
PIECE_MARGIN = 4.0
#: Roles drawn per Graphviz batch at least; progress is reported between batches.
BATCH_ROLES = 1000
#: Graphviz children drawing at once.
PARALLEL = 2
#: Batches a big chart's pages are drawn in: one a child, all drawing at once, the first while the next are
#: built (each child costs about 40 ms of CPU to start, loading Graphviz and its fonts).
BATCHES = PARALLEL


@dataclass(frozen=True)
class Drawing:
    """One SVG drawing of a page or sheet, and where chart coordinates land in it.

    ``content`` is the SVG, or for a poster tile what makes it: :attr:`svg` builds a
    tile's SVG each time it is read (a big poster's tiles together are many times
    the size of its overview), so a composer writes each one out and lets it go.
    """

    content: bytes | Callable[[], bytes]
    width: float  # points
    height: float
    scale: float
    dx: float
    dy: float
    roles: tuple[str, ...]  # the roles whose boxes it shows, in chart order
    #: The lines of the labels whose text Graphviz was not given, as its SVG would have them (see take_text).
    placed: tuple[PlacedLine, ...] = ()

    @property
    def svg(self) -> bytes:
        return self.content() if callable(self.content) else self.content

    def place(self, point: Point) -> Point:
        """Where the chart point ``point`` lies in the drawing (points from its top left, y downwards)."""
        return point[0] * self.scale + self.dx, point[1] * self.scale + self.dy

    def box(self, layout: Layout, role_id: str) -> Rect:
        """The box of ``role_id`` in the drawing: x, y of its top-left corner, width, height."""
        x, y = self.place(layout.positions[role_id])
        return x, y, layout.box_width * self.scale, layout.box_height * self.scale


# --- DOT sources ---------------------------------------------------------------


@dataclass
class DotSource:
    """The DOT of one drawing, with the names its SVG groups carry."""

    dot: bytes
    ids: dict[str, str]  # role, ``manager>report`` or ``role~manager`` → SVG group id


def _ids(chart: Chart, tree: Tree) -> dict[str, str]:
    """Ids for the drawing's nodes and lines that say nothing of the roles (``n3``, ``e7``)."""
    ids = {rid: f"n{i}" for i, rid in enumerate(tree.order)}
    lines = [f"{rid}>{kid}" for rid in tree.order for kid in tree.children[rid]]
    lines += [f"{rid}{dot.JOINT_MARK}{t}" for rid in tree.order for t in chart.roles[rid].dotted_to if t in ids]
    ids.update((line, f"e{i}") for i, line in enumerate(lines))
    return ids


def dot_source(
    chart: Chart, box: tuple[float, float], tree: Tree, layout: Layout, counts: dict, margin: float,
    routes: bool = False, bare: frozenset[str] = frozenset(),
) -> DotSource:
    """The pinned DOT of ``layout``'s roles in ``tree``, boxes of size ``box``, with ``margin`` of pad; dotted
    lines routed round boxes with ``routes``; the ``bare`` roles' labels left empty (:func:`placed_source`)."""
    g = dot.new_graph(chart, box)
    dot.set_defaults(g, "graph", **dot.PINNED, pad=f"{margin / 72:.4f}")
    height = layout.height

    def flip(p: Point) -> Point:
        return p[0], height - p[1]

    ids = _ids(chart, tree)
    dot.add_piece(g, chart, counts, box, tree, layout, flip, {rid: ids[rid] for rid in tree.order}, ids, routes,
                  bare)
    return DotSource(g.source.encode("utf-8"), ids)


#: A pinned position in a DOT source (a node's ends with ``!``), and a point of one.
_PIN = re.compile(rb'\bpos="([^"]*)"')
_XY = re.compile(rb'(-?[0-9.]+),(-?[0-9.]+)(!?)')


def _origin(source: bytes, box: tuple[float, float]) -> Point:
    """The lower left corner of the bounding box Graphviz finds for a pinned ``source`` (its boxes, at the
    size their width and height in inches give, and the points of its lines), by which it moves the drawing."""
    half_w, half_h = float(f"{box[0] / 72:.4f}") * 72 / 2.0, float(f"{box[1] / 72:.4f}") * 72 / 2.0
    left = bottom = math.inf
    for x, y, pin in _XY.findall(b" ".join(_PIN.findall(source))):
        x, y = float(x), float(y)
        if pin:
            x, y = x - half_w, y - half_h
        if x < left:
            left = x
        if y < bottom:
            bottom = y
    return left, bottom


def placed_source(chart: Chart, box: tuple[float, float], tree: Tree, layout: Layout, counts: dict, margin: float,
                  routes: bool, place: bool) -> tuple[DotSource, dict[bytes, Placed]]:
    """The DOT of ``layout``'s roles in ``tree`` (:func:`dot_source`) with the labels :mod:`.label_layout` can
    place left empty (none unless ``place``), and those labels placed, by the id of their SVG group, where
    Graphviz would have put them (after it moves the drawing to its origin)."""
    bare = frozenset(rid for rid in tree.order if placeable(chart.roles[rid])) if place else frozenset()
    source = dot_source(chart, box, tree, layout, counts, margin, routes, bare)
    ox, oy = _origin(source.dot, box) if bare else (0.0, 0.0)
    height, placed = layout.height, {}
    for rid in tree.order:
        if rid in bare:
            x, y = layout.center(rid)
            cx, cy = float(f"{x:.2f}"), float(f"{height - y:.2f}")  # as the DOT pins it
            placed[source.ids[rid].encode()] = placed_label(chart.roles[rid], counts.get(rid), box,
                                                            cx - ox, cy - oy)
    return source, placed


#: A node's group in Graphviz's SVG up to the end of its box's path, where its label's drawing follows.
_NODE_BOX = re.compile(rb'<g id="(n\d+)" class="node">\n<title>[^<]*</title>\n<path [^\n]*\n')


def _with_labels(svg: bytes, placed: dict[bytes, Placed]) -> bytes:
    """Graphviz's ``svg`` with each placed label's strip and badge after its node's box, where Graphviz
    draws them."""
    if not placed:
        return svg

    def add(found: re.Match) -> bytes:
        label = placed.get(found.group(1))
        return found.group(0) + label.svg if label is not None else found.group(0)

    return _NODE_BOX.sub(add, svg)


def badge_counts(chart: Chart, options: ExportOptions, report: Report | None) -> dict:
    if not options.badges:
        return {}
    if report is None:
        from ...model.rules import validate

        report = validate(chart)
    return dot.finding_counts(report)


# --- drawing them ----------------------------------------------------------------


def view_of(svg: bytes, layout: Layout, margin: float) -> tuple[float, float, float, float]:
    """The box of a Graphviz SVG's own units (x, y, width, height) that shows ``layout`` with ``margin`` around it."""
    move = TRANSLATE.search(svg)
    if move is None or move.group(1) != b"1" or SIZE.search(svg) is None:
        raise GraphvizOutputError(NAME, "its SVG does not have the frame tdorg draws in")
    # Graphviz's y grows upwards from the drawing's bottom: a layout point (x, y) is at
    # (x, height - y) there, and at (x + tx, y - height + ty) in the SVG's own units.
    tx, ty = float(move.group(2)), float(move.group(3))
    return tx - margin, ty - layout.height - margin, layout.width + 2 * margin, layout.height + 2 * margin


def sized(svg: bytes, box: tuple[float, ...], scale: float) -> bytes:
    """``svg`` showing the viewBox ``box`` (x, y, width, height) at ``scale`` points per unit."""
    x, y, w, h = box
    head = (f'<svg width="{w * scale:.2f}pt" height="{h * scale:.2f}pt"\n'
            f' viewBox="{x:.2f} {y:.2f} {w:.2f} {h:.2f}"').encode()
    return SIZE.sub(lambda _: head, svg, count=1)


class Drawer:
    """Draws DOT sources in batches of about ``batch_roles`` roles, one child process a batch, at most
    :data:`PARALLEL` at once, while the caller goes on building the next ones.

    The time limit is the whole export's; Cancel, or a batch that fails, stops every child.
    """

    def __init__(
        self, options: ExportOptions, cancel: Cancel | None, progress: Progress | None, batch_roles: float,
    ) -> None:
        import time
        from concurrent.futures import ThreadPoolExecutor

        self.options, self.cancel, self.progress, self.batch_roles = options, cancel, progress, batch_roles
        self.engine = layout_engine(*dot.engine_for(options.with_changes(layout="canvas")))
        self.deadline = time.monotonic() + options.timeout
        self.stop = threading.Event()
        self.pool = ThreadPoolExecutor(PARALLEL)
        self.futures: list = []
        self.waiting: list[bytes] = []
        self.roles = 0
        self.count = self.done = 0

    def __enter__(self) -> "Drawer":
        return self

    def __exit__(self, *error: object) -> None:
        self.stop.set()  # a batch still running when the caller failed is not wanted
        self.pool.shutdown(wait=True)

    def add(self, source: bytes, roles: int) -> None:
        if self.waiting and self.roles + roles > self.batch_roles:
            self.flush()
        self.waiting.append(source)
        self.roles += roles
        self.count += 1

    def flush(self) -> None:
        """Start drawing the sources added since the last batch."""
        if self.waiting:
            self.futures.append(self.pool.submit(self._render, self.waiting))
            self.waiting, self.roles = [], 0

    def _stopped(self) -> bool:
        return self.stop.is_set() or (self.cancel is not None and self.cancel())

    def _render(self, batch: list[bytes]) -> list[bytes]:
        import time

        left = max(self.deadline - time.monotonic(), 0.001)
        try:
            drawn, _ = render_batch(batch, self.engine, "svg", timeout=left, cancel=self._stopped)
        except ExportTimeoutError as error:  # the limit is the whole export's, not this batch's share
            raise ExportTimeoutError(error.program, self.options.timeout, error.pinned) from None
        return drawn

    def results(self) -> list[bytes]:
        """Every source's SVG, in the order added, once all are drawn."""
        from concurrent.futures import FIRST_EXCEPTION, wait

        self.flush()
        pending = set(self.futures)
        while pending:
            finished, pending = wait(pending, return_when=FIRST_EXCEPTION)
            for future in finished:
                if future.exception() is not None:
                    self.stop.set()
                    raise future.exception()
                self.done += len(future.result())
            if self.progress is not None:
                self.progress("Drawing the pages with Graphviz", self.done / self.count)
        return [svg for future in self.futures for svg in future.result()]


def drawing_from(svg: bytes, layout: Layout, scale: float, roles: tuple[str, ...], margin: float,
             placed: dict[bytes, Placed] | None = None) -> Drawing:
    """The drawing of ``layout`` with ``margin`` around it, at ``scale``, from Graphviz's ``svg`` of it, with
    the ``placed`` labels whose text Graphviz was not given."""
    view = view_of(svg, layout, margin)
    w, h = view[2], view[3]
    placed = placed or {}
    lines = tuple(line for label in placed.values() for line in label.lines)
    return Drawing(sized(_with_labels(svg, placed), view, scale), w * scale, h * scale, scale,
                   margin * scale, margin * scale, roles, lines)


def page_source(chart: Chart, box: tuple[float, float], page: ChartPage, counts: dict) -> bytes:
    """The pinned DOT of one page as Graphviz alone draws it, every label with its text (what the benchmarks
    draw as the reference; the export's own leaves placeable labels empty, :func:`placed_source`): its roles,
    boxes of size ``box``, with their finding ``counts`` (:func:`tdorg.export.graphviz.dot.finding_counts`;
    empty without badges)."""
    return dot_source(chart, box, page.tree, page.layout, counts, PIECE_MARGIN, routes=True).dot  # dotted lines round boxes


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
    counts = badge_counts(chart, options, report)
    box = dot.box_size(chart)
    sizes = [len(page.tree.order) for page in plan.pages]
    # Batches of at most this many roles are at most BATCHES, however unequal the pages.
    most = (sum(sizes) + (BATCHES - 1) * max(sizes, default=0)) / BATCHES
    placed, place = [], can_place()
    with Drawer(options, cancel, progress, max(BATCH_ROLES, most)) as drawer:
        for page in plan.pages:
            source, labels = placed_source(chart, box, page.tree, page.layout, counts, PIECE_MARGIN, True, place)
            drawer.add(source.dot, len(page.tree.order))
            placed.append(labels)
        svgs = drawer.results()
    return [
        drawing_from(svg, page.layout, page_scale(page.layout, area), page.tree.order, PIECE_MARGIN, labels)
        for svg, page, labels in zip(svgs, plan.pages, placed)
    ]


__all__ = ["DotSource", "Drawer", "Drawing", "PIECE_MARGIN", "badge_counts", "dot_source",
           "drawing_from", "page_drawings", "page_scale", "page_source", "placed_source", "sized", "view_of"]
