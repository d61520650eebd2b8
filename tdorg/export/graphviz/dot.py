"""A chart as a Graphviz graph, laid out by ``dot`` or pinned as on the canvas.

Reporting lines are solid; dotted lines are dashed, with an arrow at the
dotted-line manager, and never constrain the ranks. Boxes carry their
category's colour, vacancies have a dashed border and say "Vacant", and
finding badges count the findings that name a role. Labels are built
by :mod:`tdorg.export.labels`, which escapes every piece of chart text.

Every box has the same size, as on the canvas: wide enough for the wrapped
text and tall enough for the role with the most lines.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import lru_cache
from typing import Callable

import graphviz

from ...model.chart import Chart
from ...model.layout import Layout, Point, Tree, grid_shape, sizes, stacks_reports
from ...model.layout_cache import Fit
from ...model.rules.base import Report, Severity
from .. import labels, style
from .dotted_routes import dotted_way
from ..options import ExportOptions
from ..pages import MAX_TITLE_PT, PagePlan, fitted_depth, whole_chart

MAX_LEAF_ROW = 6
#: Space Graphviz leaves around the drawing, in inches.
PAD = 0.3
#: Separator in the names of the invisible joints of stacked reporting lines;
#: role ids cannot contain it, so the names never collide with a role.
JOINT_MARK = "~"


def finding_counts(report: Report | None) -> dict[str, dict[Severity, int]]:
    """Per role, how many findings of each severity name it."""
    counts: dict[str, dict[Severity, int]] = defaultdict(lambda: defaultdict(int))
    if report is not None:
        for finding in report.findings:
            for role_id in dict.fromkeys(finding.role_ids):
                counts[role_id][finding.severity] += 1
    return counts


def heading(chart: Chart) -> str:
    """The chart's title line, e.g. ``School District of La Crosse (WI) · Technology Department Organization``."""
    district = chart.district
    name = labels.clean(district.name)
    if not name:
        return "Technology Department Organization"
    if district.state:
        name += f" ({labels.clean(district.state)})"
    return name + " · Technology Department Organization"


def date_line(day: date | None = None) -> str:
    day = day or date.today()
    return f"{day:%B} {day.day}, {day.year}"


def box_size(chart: Chart) -> tuple[float, float]:
    """Width and height of every box of the chart, in points."""
    return box_for(max((labels.label_height(r) for r in chart.roles.values()), default=0.0))


def box_for(tallest: float) -> tuple[float, float]:
    """Width and height of every box of a chart whose tallest label (:func:`.labels.label_height`) is ``tallest``."""
    return style.BOX_WIDTH, max(style.MIN_BOX_HEIGHT, tallest + 2 * style.CORNER_CLEARANCE + 2)


def build_graph(
    chart: Chart,
    options: ExportOptions | None = None,
    report: Report | None = None,
    *,
    title_date: date | None = None,
    plan: PagePlan | None = None,
) -> graphviz.Digraph:
    """The Graphviz graph of ``chart`` for the layout in ``options``.

    A PDF carries no title in the drawing (the pages have their own); the
    canvas layout draws the pieces of ``plan`` (by default the whole chart,
    its columns chosen for the page of ``options``).
    """
    options = options or ExportOptions()
    if options.badges and report is None:
        from ...model.rules import validate

        report = validate(chart)
    counts = finding_counts(report) if options.badges else {}
    canvas = options.layout == "canvas"
    width, height = box_size(chart)
    g = new_graph(chart, (width, height), "neato" if canvas else "dot", titled=options.format != "pdf",
                  title_date=title_date)
    if canvas:
        _canvas_body(g, chart, counts, (width, height), plan or whole_chart(chart, (width, height), fit_area(options)))
    else:
        _auto_body(g, chart, counts, (width, height))
    return g


def new_graph(
    chart: Chart, box: tuple[float, float], engine: str = "neato", *, titled: bool = False,
    title_date: date | None = None,
) -> graphviz.Digraph:
    """An empty graph with the chart's look: its fonts, the boxes of size ``box`` and the lines' style."""
    width, height = box
    g = graphviz.Digraph("chart", engine=engine)
    set_defaults(g, "graph", **_graph_attrs(chart, title_date, titled=titled))
    set_defaults(
        g,
        "node",
        shape="box",
        style="rounded,filled",
        fillcolor=style.BOX_FILL,
        color=style.BOX_BORDER,
        penwidth="1",
        fixedsize="true",
        width=f"{width / 72:.4f}",
        height=f"{height / 72:.4f}",
        margin="0",
        fontname=style.FONT,
    )
    set_defaults(g, "edge", dir="none", color=style.EDGE_COLOUR, penwidth="1.4")
    return g


def set_defaults(g: graphviz.Digraph, kind: str, **attrs: str) -> None:
    """``g.attr(kind, **attrs)``: the graph's, nodes' or lines' attributes ``attrs`` added to ``g``; each set
    of them is quoted once (the graphviz package's quoting is slow, and every page's drawing has the same)."""
    g.body.append(_defaults(kind, tuple(attrs.items())))


@lru_cache(maxsize=64)
def _defaults(kind: str, attrs: tuple[tuple[str, str], ...]) -> str:
    g = graphviz.Digraph()
    g.attr(kind, **dict(attrs))
    return g.body[0]


def chart_to_dot(chart: Chart, options: ExportOptions | None = None, report: Report | None = None) -> str:
    """The DOT source of ``chart`` (what ``--format dot`` writes)."""
    return build_graph(chart, (options or ExportOptions()).with_changes(format="dot"), report).source


def engine_for(options: ExportOptions) -> tuple[str, list[str]]:
    """The Graphviz program and its extra arguments for the layout in ``options``."""
    return ("neato", ["-n2"]) if options.layout == "canvas" else ("dot", [])


def fit_area(options: ExportOptions) -> tuple[float, float]:
    """Width and height a chart gets on a page of ``options``, to choose its columns by."""
    from ..pdf.chartpages import planning_area
    from ..pdf.chartpdf import chart_area

    return planning_area(chart_area(options))


def canvas_depth(chart: Chart, tree: Tree, options: ExportOptions | None = None) -> int:
    """The column depth of the canvas: the one that prints the whole chart largest on the page
    of ``options`` (default: Letter landscape), so that the canvas shows what prints."""
    return fitted_depth(tree, box_size(chart), fit_area(options or ExportOptions()))[0]


def canvas_fit(box: tuple[float, float], options: ExportOptions | None = None) -> Fit:
    """How :func:`canvas_depth` chooses the canvas's column depth, for a layout kept between edits
    (:class:`tdorg.model.layout_cache.LiveLayout`): the printed ``box`` (:func:`box_size`), the page's area
    and the largest scale."""
    return Fit(sizes(*box), fit_area(options or ExportOptions()), MAX_TITLE_PT / style.TITLE_SIZE)


def _graph_attrs(chart: Chart, title_date: date | None, titled: bool) -> dict[str, str]:
    attrs = {"fontname": style.FONT, "bgcolor": "white", "pad": f"{PAD:g}", "charset": "UTF-8"}
    if titled:
        attrs["label"] = (
            f'<<FONT POINT-SIZE="16" COLOR="{style.TEXT_COLOUR}"><B>{labels.text(heading(chart))}</B></FONT>'
            f'<BR/><FONT POINT-SIZE="9" COLOR="{style.MUTED_COLOUR}">{labels.text(date_line(title_date))}</FONT>>'
        )
        attrs["labelloc"] = "t"
    return attrs


@lru_cache(maxsize=65536)
def _q(value: str) -> str:
    """A DOT identifier or attribute value, quoted by the graphviz package's rules."""
    return graphviz.quoting.quote(value)


def _attrs(attrs: dict[str, str]) -> str:
    """An attribute list; HTML-like labels (``<...>``) and pre-quoted values pass as they are."""
    return " ".join(f"{k}={v if v[:1] in _VERBATIM else _q(v)}" for k, v in attrs.items())


_VERBATIM = ("<", '"')


def _node(g: graphviz.Digraph, name: str, attrs: dict[str, str]) -> None:
    g.body.append(f"\t{_q(name)} [{_attrs(attrs)}]\n")


def _edge(g: graphviz.Digraph, tail: str, head: str, attrs: dict[str, str] | None = None) -> None:
    tail_head = f"\t{_q(tail)} -> {_q(head)}"
    g.body.append(f"{tail_head} [{_attrs(attrs)}]\n" if attrs else f"{tail_head}\n")


def _add_roles(
    g: graphviz.Digraph, chart: Chart, order: list[str] | tuple[str, ...], counts: dict, box: tuple[float, float],
    pins: dict[str, str], names: dict[str, str] | None = None, ids: dict[str, str] | None = None,
    bare: frozenset[str] = frozenset(),
) -> None:
    for rid in order:
        role = chart.roles[rid]
        look = {"label": '""' if rid in bare else labels.role_label(role, counts.get(rid), box)}
        if role.vacant:
            look.update(_VACANT)
        if rid in pins:
            look["pos"] = pins[rid]
        if ids is not None:
            look["id"] = ids[rid]
        _node(g, names[rid] if names else rid, look)


def _add_dotted(
    g: graphviz.Digraph, chart: Chart, order: list[str] | tuple[str, ...], names: dict[str, str] | None = None,
    ids: dict[str, str] | None = None, routes: dict[tuple[str, str], str] | None = None, **attrs: str,
) -> None:
    """Dotted lines, dashed, from the role to its dotted-line manager (arrow at the manager).

    With ``names`` (the roles of one page), only lines between roles of that page; ``ids``
    gives each line (``role~manager``) the id of its SVG group.
    """
    for rid in order:
        for target in chart.roles[rid].dotted_to:
            if names is None:
                _edge(g, rid, target, {**_DOTTED, **attrs})
            elif target in names:
                look = {**_DOTTED, **attrs}
                if ids is not None:
                    look["id"] = ids[f"{rid}{JOINT_MARK}{target}"]
                if routes and (rid, target) in routes:
                    look["pos"] = routes[rid, target]
                _edge(g, names[rid], names[target], look)


_VACANT = {"style": "rounded,filled,dashed", "fillcolor": style.VACANT_FILL, "color": style.VACANT_BORDER}
_DOTTED = {"style": "dashed", "color": style.DOTTED_COLOUR, "dir": "forward", "arrowhead": "normal", "arrowsize": "0.7"}


# --- auto: Graphviz's own hierarchical layout -----------------------------


_REPORT = {"tailport": "s", "headport": "n"}


def _auto_body(g: graphviz.Digraph, chart: Chart, counts: dict, box: tuple[float, float]) -> None:
    # Straight segments that leave a manager at the middle of its bottom edge and meet
    # each report at the middle of its top edge.
    g.attr("graph", rankdir="TB", nodesep="0.3", ranksep="0.5", splines="polyline")
    order = chart.tree_order()
    _add_roles(g, chart, order, counts, box, {})
    for rid in order:
        kids = chart.children(rid)
        if not kids:
            continue
        if stacks_reports(chart, rid, MAX_LEAF_ROW):
            _comb(g, rid, kids)
        else:
            for kid in kids:
                _edge(g, rid, kid, _REPORT)
    _add_dotted(g, chart, order, constraint="false")


_JOINT = {"label": '""', "shape": "point", "width": "0", "height": "0", "style": "invis", "fixedsize": "true"}
_SPINE = {"weight": "100"}
_SPINE_TOP = {"weight": "100", "tailport": "s"}
#: A branch needs no head port: its joint sits on its report's row, so the straight line
#: meets the report's left side at mid-height anyway, and a port on a line within a row
#: makes dot lay out a small graph of its own for each such line (about 30% of the layout).
_BRANCH = {"minlen": "0"}


def _comb(g: graphviz.Digraph, manager: str, kids: tuple[str, ...]) -> None:
    """Stack leaf reports in columns, each hanging from a spine of invisible joints."""
    cols, rows = grid_shape(len(kids), MAX_LEAF_ROW)
    levels: list[list[str]] = [[] for _ in range(rows)]
    for i, kid in enumerate(kids):
        col, row = divmod(i, rows)
        joint = f"{manager}{JOINT_MARK}{col}{JOINT_MARK}{row}"
        above = manager if row == 0 else f"{manager}{JOINT_MARK}{col}{JOINT_MARK}{row - 1}"
        _node(g, joint, _JOINT)
        _edge(g, above, joint, _SPINE_TOP if row == 0 else _SPINE)
        _edge(g, joint, kid, _BRANCH)
        levels[row] += [joint, kid]
    for level in levels:  # each joint sits on the row of the report it leads to
        g.body.append("\t{rank=same; " + "; ".join(_q(name) for name in level) + "}\n")


# --- canvas: tdorg's own layout, pinned -------------------------------------


def _routes(chart: Chart, layout: Layout, flip: Callable[[Point], Point]) -> dict[tuple[str, str], str]:
    """The ``pos`` of each dotted line of ``layout`` that goes round a box, arrow end first."""
    out = {}
    for rid in layout.positions:
        for target in chart.roles[rid].dotted_to:
            way = dotted_way(layout, rid, target) if target in layout.positions else None
            if way is not None:
                *points, tip = [flip(p) for p in way]
                out[rid, target] = f'"e,{tip[0]:.2f},{tip[1]:.2f} {_spline(points)}"'
    return out


def _spline(points: list[Point]) -> str:
    """A polyline as the B-spline control points Graphviz expects (1 + 3k points)."""
    texts = [f"{x:.2f},{y:.2f}" for x, y in points]
    out = [texts[0]]
    for a, b in zip(texts, texts[1:]):
        out += (a, b, b)
    return " ".join(out)


_CORNER = {"label": '""', "style": "invis"}
#: Graph attributes of a drawing from pinned positions: straight lines, drawn under the boxes.
PINNED = {"splines": "line", "outputorder": "edgesfirst"}


def add_piece(
    g: graphviz.Digraph, chart: Chart, counts: dict, box: tuple[float, float], tree: Tree, layout: Layout,
    flip: Callable[[Point], Point], names: dict[str, str], ids: dict[str, str] | None = None,
    routes: bool = False, bare: frozenset[str] = frozenset(),
) -> None:
    """The roles of ``tree`` pinned at their places in ``layout`` (turned into Graphviz's
    coordinates by ``flip``), named ``names``, their reporting lines routed as on the canvas,
    and the dotted lines between them. ``ids`` gives a node or line (``manager>report``) the
    id its SVG group carries. With ``routes``, a dotted line whose straight way would cross a
    box goes round it (:mod:`.dotted_routes`); without, each is straight, as a poster's sheets expect.
    The roles in ``bare`` get an empty label (their box alone: :mod:`.label_layout` draws the rest)."""
    order = tree.order
    pins = {}
    for rid in order:
        cx, cy = flip(layout.center(rid))
        pins[rid] = f'"{cx:.2f},{cy:.2f}!"'
    _add_roles(g, chart, order, counts, box, pins, names, ids, bare)
    for rid in order:
        for kid in tree.children[rid]:
            look = {"pos": f'"{_spline([flip(p) for p in layout.route(rid, kid)])}"'}
            if ids is not None:
                look["id"] = ids[f"{rid}>{kid}"]
            _edge(g, names[rid], names[kid], look)
    _add_dotted(g, chart, order, names, ids, _routes(chart, layout, flip) if routes else None)


def _canvas_body(g: graphviz.Digraph, chart: Chart, counts: dict, box: tuple[float, float], plan: PagePlan) -> None:
    """Every page's piece pinned where the plan put it; a role shown on a second page gets a second node.

    Two invisible boxes at the corners make the drawing exactly the plan's
    size, so a point of the plan lies at a known place of the chart PDF.
    """
    bottom = plan.height
    g.attr("graph", **PINNED)
    seen: set[str] = set()
    for page in plan.pages:
        layout, top = page.layout, page.top

        def flip(p: Point) -> Point:
            return p[0], bottom - top - p[1]

        names = {}
        for rid in page.tree.order:
            names[rid] = f"{rid}{JOINT_MARK}{page.number}" if rid in seen else rid
            seen.add(rid)
        add_piece(g, chart, counts, box, page.tree, layout, flip, names, routes=True)
    width, height = box
    if plan.pages[0].tree.order:
        for i, (x, y) in enumerate(((width / 2, height / 2), (plan.width - width / 2, plan.height - height / 2))):
            _node(g, f"{JOINT_MARK}corner{i}", {**_CORNER, "pos": f'"{x:.2f},{bottom - y:.2f}!"'})


__all__ = [
    "PAD", "PINNED", "add_piece", "box_for", "box_size", "build_graph", "canvas_depth", "canvas_fit", "chart_to_dot", "date_line", "engine_for", "finding_counts", "fit_area", "heading", "new_graph",
    "set_defaults",
]
