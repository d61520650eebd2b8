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
  overview page), the grid of tiles of :mod:`tdorg.export.pdf.sheets` in the
  overview's coordinates, and for each tile that holds a role a drawing of
  the tile at the poster's scale. A tile's drawing holds only the roles whose
  boxes intersect its region and the lines that cross it; the text of any
  other role is not in it. Its viewport is the tile's region, but boxes
  reaching over the region's edge are drawn whole, so the composer clips it
  to ``Sheet.clip``.
- Every :class:`Drawing` gives its SVG bytes (``svg``; a tile's are built
  each time they are read, to be written out and let go), its size in points (the
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
(:func:`~tdorg.export.graphviz.renderer.render_batch`) in a few batches, so the
export's time limit, Cancel and the drawing checks hold as for one drawing,
and ``progress`` hears after each batch. Poster tiles are not drawn again:
each is the overview's node and line groups that lie on it, so a poster
costs one Graphviz drawing of the chart however many sheets it has.
"""

from __future__ import annotations

import bisect
import html
import math
import re
import threading
from array import array
from dataclasses import dataclass
from typing import Callable, Iterable

from ...model.chart import Chart
from ...model.layout import Layout, Point, Tree
from ...model.rules.base import Report
from .. import style
from ..api import Progress
from ..errors import ExportTimeoutError, GraphvizOutputError
from ..options import ExportOptions
from ..pages import MAX_TITLE_PT, ChartPage, PagePlan, whole_chart
from ..pdf.sheets import Rect, Sheet, holding_boxes, poster_sheets
from . import dot
from .label_layout import Line as PlacedLine, Placed, can_place, placeable, placed_label
from .passing_lines import Line, passing_groups, straight_line, stretch
from .renderer import NAME, layout_engine, render_batch
from .runner import Cancel

#: Room around a page's roles in its drawing, in points, so box borders are never clipped.
PIECE_MARGIN = 4.0
#: Roles drawn per Graphviz batch at least; progress is reported between batches.
BATCH_ROLES = 1000
#: Graphviz children drawing at once.
PARALLEL = 2
#: Batches a big chart's pages are drawn in: one a child, all drawing at once, the first while the next are
#: built (each child costs about 40 ms of CPU to start, loading Graphviz and its fonts).
BATCHES = PARALLEL
#: How far a dotted line's arrowhead may reach beyond the line between the boxes' centres.
ARROW_ROOM = 8.0


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


@dataclass(frozen=True)
class Poster:
    """A poster's drawings: the whole chart, the grid of tiles over it, and the tiles that hold a role."""

    layout: Layout
    overview: Drawing
    grid: list[Sheet]  # every tile, in the overview's coordinates (points, y upwards, as sheets.py has them)
    sheets: list[tuple[Sheet, Drawing]]


# --- DOT sources ---------------------------------------------------------------


@dataclass
class _Source:
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


def _source(
    chart: Chart, box: tuple[float, float], tree: Tree, layout: Layout, counts: dict, margin: float,
    routes: bool = False, bare: frozenset[str] = frozenset(),
) -> _Source:
    g = dot.new_graph(chart, box)
    dot.set_defaults(g, "graph", **dot.PINNED, pad=f"{margin / 72:.4f}")
    height = layout.height

    def flip(p: Point) -> Point:
        return p[0], height - p[1]

    ids = _ids(chart, tree)
    dot.add_piece(g, chart, counts, box, tree, layout, flip, {rid: ids[rid] for rid in tree.order}, ids, routes,
                  bare)
    return _Source(g.source.encode("utf-8"), ids)


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


def _placed_page(chart: Chart, box: tuple[float, float], page: ChartPage, counts: dict,
                 place: bool) -> tuple[bytes, dict]:
    """A page's DOT with the labels :mod:`.label_layout` can place left empty (none unless ``place``), and
    those labels placed, by the id of their SVG group, where Graphviz would have put them (after it moves the
    drawing to its origin)."""
    tree, layout = page.tree, page.layout
    bare = frozenset(rid for rid in tree.order if placeable(chart.roles[rid])) if place else frozenset()
    source = _source(chart, box, tree, layout, counts, PIECE_MARGIN, routes=True, bare=bare)
    ox, oy = _origin(source.dot, box) if bare else (0.0, 0.0)
    height, placed = layout.height, {}
    for rid in tree.order:
        if rid in bare:
            x, y = layout.center(rid)
            cx, cy = float(f"{x:.2f}"), float(f"{height - y:.2f}")  # as the DOT pins it
            placed[source.ids[rid].encode()] = placed_label(chart.roles[rid], counts.get(rid), box,
                                                            cx - ox, cy - oy)
    return source.dot, placed


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


def _counts(chart: Chart, options: ExportOptions, report: Report | None) -> dict:
    if not options.badges:
        return {}
    if report is None:
        from ...model.rules import validate

        report = validate(chart)
    return dot.finding_counts(report)


# --- drawing them ----------------------------------------------------------------

_SIZE = re.compile(rb'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"\s+viewBox="([-0-9. ]+)"')
_TRANSLATE = re.compile(
    rb'<g id="graph0" class="graph" transform="scale\(([0-9.]+) \1\) rotate\(0\) translate\(([-0-9.]+) ([-0-9.]+)\)">'
)


def _view(svg: bytes, layout: Layout, margin: float) -> tuple[float, float, float, float]:
    """The box of a Graphviz SVG's own units (x, y, width, height) that shows ``layout`` with ``margin`` around it."""
    move = _TRANSLATE.search(svg)
    if move is None or move.group(1) != b"1" or _SIZE.search(svg) is None:
        raise GraphvizOutputError(NAME, "its SVG does not have the frame tdorg draws in")
    # Graphviz's y grows upwards from the drawing's bottom: a layout point (x, y) is at
    # (x, height - y) there, and at (x + tx, y - height + ty) in the SVG's own units.
    tx, ty = float(move.group(2)), float(move.group(3))
    return tx - margin, ty - layout.height - margin, layout.width + 2 * margin, layout.height + 2 * margin


def _sized(svg: bytes, box: tuple[float, ...], scale: float) -> bytes:
    """``svg`` showing the viewBox ``box`` (x, y, width, height) at ``scale`` points per unit."""
    x, y, w, h = box
    head = (f'<svg width="{w * scale:.2f}pt" height="{h * scale:.2f}pt"\n'
            f' viewBox="{x:.2f} {y:.2f} {w:.2f} {h:.2f}"').encode()
    return _SIZE.sub(lambda _: head, svg, count=1)


class _Drawer:
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

    def __enter__(self) -> "_Drawer":
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


def _drawing(svg: bytes, layout: Layout, scale: float, roles: tuple[str, ...], margin: float,
             placed: dict[bytes, Placed] | None = None) -> Drawing:
    """The drawing of ``layout`` with ``margin`` around it, at ``scale``, from Graphviz's ``svg`` of it, with
    the ``placed`` labels whose text Graphviz was not given."""
    view = _view(svg, layout, margin)
    w, h = view[2], view[3]
    placed = placed or {}
    lines = tuple(line for label in placed.values() for line in label.lines)
    return Drawing(_sized(_with_labels(svg, placed), view, scale), w * scale, h * scale, scale,
                   margin * scale, margin * scale, roles, lines)


def page_source(chart: Chart, box: tuple[float, float], page: ChartPage, counts: dict) -> bytes:
    """The pinned DOT of one page as Graphviz alone draws it, every label with its text (what the benchmarks
    draw as the reference; the export's own leaves placeable labels empty, :func:`_placed_page`): its roles,
    boxes of size ``box``, with their finding ``counts`` (:func:`tdorg.export.graphviz.dot.finding_counts`;
    empty without badges)."""
    return _source(chart, box, page.tree, page.layout, counts, PIECE_MARGIN, routes=True).dot  # dotted lines round boxes


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
    box = dot.box_size(chart)
    sizes = [len(page.tree.order) for page in plan.pages]
    # Batches of at most this many roles are at most BATCHES, however unequal the pages.
    most = (sum(sizes) + (BATCHES - 1) * max(sizes, default=0)) / BATCHES
    placed, place = [], can_place()
    with _Drawer(options, cancel, progress, max(BATCH_ROLES, most)) as drawer:
        for page in plan.pages:
            source, labels = _placed_page(chart, box, page, counts, place)
            drawer.add(source, len(page.tree.order))
            placed.append(labels)
        svgs = drawer.results()
    return [
        _drawing(svg, page.layout, page_scale(page.layout, area), page.tree.order, PIECE_MARGIN, labels)
        for svg, page, labels in zip(svgs, plan.pages, placed)
    ]


# --- posters ---------------------------------------------------------------------


_GROUP = re.compile(rb'<g id="([^"]+)" class="(?:node|edge)">\n.*?</g>\n', re.S)
#: One line of a label as Graphviz writes it in SVG (its text escaped, so holding no ``<``).
_TEXT = re.compile(rb'<text [^>]*>[^<]*</text>\n')
#: A line as Graphviz writes those of tdorg's labels: anchored at its start, in one family, perhaps bold or
#: italic, its colour in hex (none for black); its x, y, bold, italic, size, colour and text.
_LINE = re.compile(
    rb'<text xml:space="preserve" text-anchor="start" x="(-?[0-9.]+)" y="(-?[0-9.]+)" font-family="[^"]*"'
    rb'( font-weight="bold")?( font-style="italic")? font-size="([0-9.]+)"(?: fill="(#[0-9a-f]{6})")?>'
    rb'([^<]*)</text>\n'
)


def without_text(svg: bytes) -> bytes:
    """A Graphviz SVG with the lines of its labels left out: its boxes, lines and badges alone."""
    return _TEXT.sub(b"", svg)


#: How _LINE finds a line's weight and slant.
_BOLD, _ITALIC = b' font-weight="bold"', b' font-style="italic"'
#: Bounds of a line's glyphs around where its baseline starts, in ems of its size, wider than any glyph of
#: the shipped fonts: above and below the baseline, left of its start, and each character's advance.
_ABOVE, _BELOW, _BEFORE, _ADVANCE = 1.2, 0.4, 0.3, 1.2


def take_text(svg: bytes, width: float, height: float | None = None,
              placed: Iterable[PlacedLine] = ()) -> tuple[bytes, dict[str, list]]:
    """A Graphviz SVG without the lines of its labels, and those lines as they print when the drawing is
    ``width`` points wide, for a composer to set as text of its own over it. Only lines written the way
    Graphviz writes tdorg's labels (:data:`_LINE`), in the frame it draws charts in (not rotated), are
    taken out; any other text stays in the SVG. Given the drawing's ``height``, the lines that would print
    wholly outside it (a poster sheet's, of boxes reaching over its edge: the composer clips them) are
    left out.

    The lines are ``{"styles": [[size, bold, italic, colour], ...], "lines": [[x, y, style, text], ...]}``:
    each line's text, where its baseline starts, in points from the drawing's top left, and the index of
    its style among the drawing's few (size in points, bold, italic, colour as Graphviz drew it), so a
    composer makes each style once, not once a line.

    ``placed`` are lines of labels Graphviz drew without their text (:attr:`Drawing.placed`), as its SVG
    would have had them; they are given as the SVG's own lines, after them.
    """
    size, move = _SIZE.search(svg), _TRANSLATE.search(svg)
    styles: dict[tuple, int] = {}  # a line's size, weight, slant and colour as Graphviz wrote them → its style
    ems: list[float] = []  # each style's size in printed points
    lines: list[list] = []
    if size is None or move is None:
        return svg, {"styles": [], "lines": lines}
    vx, vy, vw, _ = (float(v) for v in size.group(3).split())
    scale, tx, ty = float(move.group(1)), float(move.group(2)), float(move.group(3))
    unit = (width / vw if vw else 1.0) * scale  # printed points per unit of the drawing's paths
    ox, oy = (tx - vx / scale) * unit, (ty - vy / scale) * unit

    def add(x: float, y: float, look: tuple, text: str) -> None:
        kind = styles.get(look)
        if kind is None:
            kind = styles[look] = len(styles)
            ems.append(float(look[0]) * unit)
        at, base, em = x * unit + ox, y * unit + oy, ems[kind]
        if height is not None and (base - _ABOVE * em > height or base + _BELOW * em < 0 or at - _BEFORE * em > width
                                   or at + _ADVANCE * em * len(text) < 0):
            return
        lines.append([round(at, 2), round(base, 2), kind, text])

    def take(found: re.Match) -> bytes:
        x, y, bold, italic, font, colour, text = found.groups()
        words = text.decode("utf-8")
        add(float(x), float(y), (font, bold, italic, colour), html.unescape(words) if "&" in words else words)
        return b""

    rest = _LINE.sub(take, svg)
    for line in placed:  # in the SVG's own terms, so they share its styles
        size_, bold_, italic_, colour_ = line.look
        add(line.x, line.y, (b"%.2f" % size_, _BOLD if bold_ else None, _ITALIC if italic_ else None,
                             None if colour_ == "#000000" else colour_.encode()), line.text)
    return rest, {"styles": [[round(em, 3), bold is not None, italic is not None, (colour or b"#000000").decode()]
                             for em, (_, bold, italic, colour) in zip(ems, styles)], "lines": lines}


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
    piece, source = _overview_source(chart, options, report)
    layout, order = piece.layout, piece.tree.order
    with _Drawer(options, cancel, progress, math.inf) as drawer:
        drawer.add(source.dot, len(order))
        drawer.flush()  # the tiles are worked out while Graphviz draws
        grid, printed, regions, (roles, shown, passing) = _poster_tiles(chart, options, area, piece, source)
        (svg,) = drawer.results()
    margin = _POSTER_MARGIN
    overview = _drawing(svg, layout, 1.0, order, margin)
    head, parts = _groups(svg)
    view = _view(svg, layout, margin)
    lines = {key: straight_line(parts.groups[parts.position[key]]) for key in {k for keys in passing for k in keys}}
    made = []
    for t, sheet in enumerate(printed):
        x, y, w, h = regions[t]
        drawn = shown[t] + [key for key in passing[t] if lines[key] is None]
        # The tile's region in the units of Graphviz's paths (inside the overview's translate).
        tile = _Tile(_sized(head, (x + view[0], y + view[1], w, h), sheet.scale), parts,
                     array("L", sorted(parts.position[key] for key in drawn)),
                     tuple(line for key in passing[t] if (line := lines[key]) is not None),
                     (x - margin, y - margin - layout.height, w, h))
        made.append((sheet, Drawing(tile, w * sheet.scale, h * sheet.scale, sheet.scale,
                                    (overview.dx - x) * sheet.scale, (overview.dy - y) * sheet.scale,
                                    tuple(roles[t]))))
    return Poster(layout, overview, grid, made)


#: Room around a poster's overview drawing, in points (the drawing's pad).
_POSTER_MARGIN = dot.PAD * 72


def _overview_source(chart: Chart, options: ExportOptions, report: Report | None) -> tuple[ChartPage, _Source]:
    """The whole chart as one piece in the canvas layout, and the DOT of the poster's overview of it."""
    box = dot.box_size(chart)
    piece = whole_chart(chart, box, dot.fit_area(options)).pages[0]
    return piece, _source(chart, box, piece.tree, piece.layout, _counts(chart, options, report), _POSTER_MARGIN)


def _poster_tiles(chart: Chart, options: ExportOptions, area: Rect, piece: ChartPage, source: _Source) -> tuple[
    list[Sheet], list[Sheet], list[Rect], tuple[list[list[str]], list[list[str]], list[list[str]]]
]:
    """The poster's grid, the tiles of it that print, their regions in the overview's coordinates (y
    downwards) and what lies on each (:func:`_on_tiles`)."""
    layout, order, margin = piece.layout, piece.tree.order, _POSTER_MARGIN
    # The overview is the layout with the margin around it, at scale 1 (see _drawing).
    width, height = layout.width + 2 * margin, layout.height + 2 * margin
    whole = Drawing(b"", width, height, 1.0, margin, margin, order)
    boxes = [whole.box(layout, rid) for rid in order]
    grid = poster_sheets(width, height, area, box=dot.box_size(chart), overlap=options.overlap,
                         scale=options.poster_scale / 100)
    printed = holding_boxes(grid, [(x, height - y - h, w, h) for x, y, w, h in boxes], width, height)
    regions = [(s.region[0], height - s.region[1] - s.region[3], s.region[2], s.region[3]) for s in printed]
    return grid, printed, regions, _on_tiles(chart, piece.tree, layout, source.ids, whole, regions)


#: A node or line of the overview's DOT (:func:`_source` names a node by its id): its tail, its head
#: (none for a node) and its id.
_STATEMENT = re.compile(rb'^\t(\w+)(?: -> (\w+))? \[.*\bid=(\w+)\]$', re.M)
_POS = re.compile(rb' pos=("[^"]*")')


def sheet_sources(chart: Chart, options: ExportOptions, area: Rect) -> list[bytes]:
    """Each printed sheet of a poster as a pinned DOT of its own, for Graphviz alone to draw: the roles
    on it and the lines over it, at the poster's positions and scale, the drawing clipped to the sheet
    (Graphviz's ``viewport``); a line's end that is no role of the sheet is an invisible node there, and a
    dotted line that only passes over the sheet is pinned to its stretch over it, as the sheet draws it.
    ``bench/bench_pages.py`` draws them as the like-for-like reference of a poster's PDF."""
    piece, source = _overview_source(chart, options, None)
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


__all__ = ["Drawing", "PIECE_MARGIN", "Poster", "page_drawings", "page_scale", "page_source", "poster_drawings",
           "sheet_sources", "take_text", "without_text"]
