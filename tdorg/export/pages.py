"""Which part of the chart each printed page shows, so that every role title stays legible.

A chart that fits one page with its role titles printed at least at the
chosen size (8 pt unless set otherwise) is printed whole, its stacked
columns chosen to make it largest. One that misses only narrowly is still
printed whole, with the room between its boxes closed up just as far as it
needs, down to :data:`CLOSEST_SPACING` of the canvas's, in the canvas's
columns where they fit so. One that does not fit even so is never shrunk
further: it is split into **department pages**. The first page shows the
top levels; each box there whose department goes on elsewhere says
"continued on page N". Each such department then gets a page of its own,
headed with its manager and "from page M", split again the same way when it
is still too big. A manager with more reports than one page can hold gets
them over several pages, in order. Before a chart or a department is split,
it is tried with its departments stacked in columns as printed org charts
stack them (:mod:`.compact_layout`), closed up as little as it needs too: a
page that then holds it whole at the minimum title size prints it so.

All the pages' pieces are laid out once and placed one under the other in a
single drawing (``top`` is where a page's piece starts), which Graphviz
draws in one run; each page then shows its own band of that drawing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, TypeVar

from ..model.chart import Chart
from ..model.layout import FIT_TOLERANCE, Layout, Tree, fit_depth, layout_tree, measure, sizes
from . import style
from .chart_memo import ChartMemo
from .compact_layout import compact_layout, stackings
from .option_choices import DEFAULT_MIN_TITLE_PT

#: Titles never print larger than this, however small the chart.
MAX_TITLE_PT = 14.0
#: The least share of the canvas's room between boxes (across and between levels) a chart printed
#: whole on one page may be closed up to, rather than split into department pages.
CLOSEST_SPACING = 0.6
#: Steps of the bisection for the loosest spacing that still fits (to 0.6 % of the canvas's).
SPACING_STEPS = 6

_Fit = TypeVar("_Fit")


@dataclass
class ChartPage:
    """One printed page of the chart: its piece of the tree, laid out, and its references."""

    number: int  # 1-based among the chart's pages
    tree: Tree
    layout: Layout
    scale: float  # the largest scale at which the piece fits the page, at most the one for MAX_TITLE_PT
    heads: tuple[str, ...] = ()  # the departments' managers, heading a department page
    from_page: int | None = None  # the page the department is continued from
    part: tuple[int, int] | None = None  # (i, n) when the department's reports take n pages
    continued: dict[str, int] = field(default_factory=dict)  # role → page its department continues on
    top: float = 0.0  # where the piece starts in the drawing of all pages
    spacing: float = 1.0  # the room between boxes, as a share of the canvas's
    stacked: bool = False  # departments stacked in columns to fit, unlike the canvas (:mod:`.compact_layout`)

    @property
    def title_pt(self) -> float:
        return style.TITLE_SIZE * self.scale


@dataclass
class PagePlan:
    pages: list[ChartPage]
    width: float  # of the drawing of all pages
    height: float
    min_title_pt: float

    @property
    def departments(self) -> bool:
        return len(self.pages) > 1

    def describe(self, packet: bool = False) -> str:
        """What the pages are, for the export dialog and ``tdorg export``; in a packet the chart's
        pages follow the cover, so they are counted rather than numbered."""
        smallest = min(p.title_pt for p in self.pages)
        if not self.departments:
            page = self.pages[0]
            unlike = [*(["reports stacked in columns"] if page.stacked else []),
                      *(["boxes set closer together"] if page.spacing < 1.0 else [])]
            than = f", {' and '.join(unlike)} than on the canvas" if unlike else ""
            return f"One page: the whole chart, role titles at {smallest:.1f} pt{than}."
        count = len(self.pages)
        rest = count - 1
        if packet:
            after = "the next page" if rest == 1 else f"the {rest} pages after it"
            where = f"the first chart page shows the top levels and {after} the departments"
        else:
            where = f"page 1 shows the top levels and {'page 2' if rest == 1 else f'pages 2–{count}'} the departments"
        stacked = sum(p.stacked for p in self.pages)
        kept = (f" ({'one of them' if stacked == 1 else f'{stacked} of them'} with its reports stacked in "
                "columns to keep it on one page)") if stacked else ""
        return (
            f"Department pages: the whole chart would print its role titles under {self.min_title_pt:g} pt on one "
            f"page, so {where}{kept}, role titles at {smallest:.1f} pt or more."
        )


def _loosest(fit: _Fit, trial: Callable[[float], _Fit | None]) -> tuple[_Fit, float]:
    """The loosest spacing from :data:`CLOSEST_SPACING` (where ``fit`` is what fits) to 1 at which ``trial``
    still fits, found by bisection, and what fits there."""
    low, high = CLOSEST_SPACING, 1.0
    best = fit, low
    for _ in range(SPACING_STEPS):
        mid = (low + high) / 2
        found = trial(mid)
        if found is None:
            high = mid
        else:
            low, best = mid, (found, mid)
    return best


def _gap(box: tuple[float, float]) -> float:
    return 2 * box[1]


class _Planner:
    def __init__(self, tree: Tree, box: tuple[float, float], area: tuple[float, float], min_pt: float) -> None:
        self.tree = tree
        self.sizes = sizes(*box)
        self.area = area
        self.min_scale = min_pt / style.TITLE_SIZE
        self.max_scale = MAX_TITLE_PT / style.TITLE_SIZE
        self.pages: list[ChartPage] = []
        # No page holds more boxes than fit its area edge to edge: bigger pieces need no trying.
        self.most = (area[0] / self.min_scale / box[0]) * (area[1] / self.min_scale / box[1])
        self.size = dict.fromkeys(tree.order, 1)
        for rid in reversed(tree.order):
            for kid in tree.children[rid]:
                self.size[rid] += self.size[kid]
        #: What :meth:`fits` found, by the part's roles, spacing and depth: a part of the tree is the same part
        #: whenever it holds the same roles (each keeps those of its reports that the part holds), and the
        #: planner tries about a quarter of its parts more than once.
        self.found: dict[tuple[tuple[str, ...], float, int | None], tuple[int, float] | None] = {}

    def fits(self, part: Tree, spacing: float = 1.0, depth: int | None = None) -> tuple[int, float] | None:
        """The column depth that prints ``part`` largest (or ``depth``) and that scale, None when its
        titles would print under the minimum."""
        key = (part.order, spacing, depth)
        if key in self.found:
            return self.found[key]
        spaced = self.spaced(spacing)
        if depth is None:
            depth, scale = fit_depth(part, spaced, self.area, self.max_scale)
        else:
            width, height = measure(part, spaced, depth)
            scale = min(self.area[0] / width, self.area[1] / height, self.max_scale)
        fit = self.found[key] = (depth, scale) if scale >= self.min_scale - 1e-9 else None
        return fit

    def spaced(self, spacing: float):  # the layout's sizes, as :func:`.layout.sizes` makes them
        """The sizes of the layout with the room between boxes at ``spacing`` times the canvas's."""
        s = self.sizes
        return s if spacing == 1.0 else sizes(s.box_width, s.box_height, s.h_gap * spacing, s.v_gap * spacing)

    def closed_up(self, whole: Tree) -> tuple[tuple[int, float], float] | None:
        """The fit of the whole chart on one page with its spacing closed up as little as it needs
        (at least :data:`CLOSEST_SPACING`), and that spacing; None when it does not fit even so.
        The canvas's columns are kept when they fit so; if not, they are chosen for the closest spacing."""
        canvas = fit_depth(whole, self.sizes, self.area, self.max_scale)[0]
        fit = self.fits(whole, CLOSEST_SPACING, canvas) or self.fits(whole, CLOSEST_SPACING)
        if fit is None:
            return None
        depth = fit[0]
        return _loosest(fit, lambda spacing: self.fits(whole, spacing, depth))

    def stacked(self, whole: Tree) -> tuple[tuple[Layout, float], float] | None:
        """``whole`` stacked from some level down (:mod:`.compact_layout`) as it prints largest, when its
        titles then print at the minimum with the room between boxes closed up as little as it needs (to no
        less than :data:`CLOSEST_SPACING`): that layout and its scale, and the spacing; else None."""
        loose = self._stacked_at(whole, 1.0, stackings(whole))
        if loose is not None:
            return loose[1:], 1.0
        fit = self._stacked_at(whole, CLOSEST_SPACING, stackings(whole))
        if fit is None:
            return None
        choice = fit[0]

        def trial(spacing: float) -> tuple[Layout, float] | None:
            found = self._stacked_at(whole, spacing, [choice])
            return None if found is None else found[1:]

        return _loosest(fit[1:], trial)

    def _stacked_at(self, whole: Tree, spacing: float,
                    choices: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], Layout, float] | None:
        """Of ``choices`` (level, rows), the stacking that prints ``whole`` largest at ``spacing``, the least
        stacked among those nearly as large; with its layout and scale. None below the minimum."""
        s = self.spaced(spacing)
        found = []
        for choice in choices:
            layout = compact_layout(whole, (s.box_width, s.box_height), s.h_gap, s.v_gap, *choice)
            if layout is not None:
                found.append((min(self.area[0] / layout.width, self.area[1] / layout.height, self.max_scale),
                              choice, layout))
        best = max((scale for scale, _, _ in found), default=0.0)
        if best < self.min_scale - 1e-9:
            return None
        scale, choice, layout = max((f for f in found if f[0] >= best * (1 - FIT_TOLERANCE)),
                                    key=lambda f: (f[1][0], -f[1][1]))
        return choice, layout, scale

    def page(self, piece: Tree, fit: tuple[int, float] | tuple[Layout, float], spacing: float = 1.0,
             **info: object) -> ChartPage:
        """A page of ``piece``: laid out as on the canvas for a fit (column depth, scale), or as given."""
        laid, scale = fit
        layout = laid if isinstance(laid, Layout) else layout_tree(piece, self.spaced(spacing), laid)
        page = ChartPage(len(self.pages) + 1, piece, layout, scale, spacing=spacing,
                         stacked=isinstance(laid, Layout), **info)  # type: ignore[arg-type]
        self.pages.append(page)
        return page

    def run(self) -> None:
        # Each job: the roots of a piece and the page it is continued from.
        jobs: list[tuple[tuple[str, ...], ChartPage | None]] = [(self.tree.roots, None)]
        while jobs:
            roots, parent = jobs.pop()
            made = self.piece(roots, parent)
            for page in reversed(made):
                jobs.extend((group, page) for group in reversed(self.groups(self._cut_of(page.tree))))

    def groups(self, cut: list[str]) -> list[tuple[str, ...]]:
        """Departments continued from one page, neighbours sharing a page while they fit on it whole."""
        out: list[list[str]] = []
        for rid in cut:
            last = out[-1] if out else None
            if last is not None and sum(self.size[r] for r in last) + self.size[rid] <= self.most:
                if self.fits(self.tree.part([*last, rid])) is not None:
                    last.append(rid)
                    continue
            out.append([rid])
        return [tuple(group) for group in out]

    def piece(self, roots: tuple[str, ...], parent: ChartPage | None) -> list[ChartPage]:
        info: dict[str, object] = {}
        if parent is not None:
            info = {"heads": roots, "from_page": parent.number}
            parent.continued.update(dict.fromkeys(roots, len(self.pages) + 1))
        whole = self.tree.part(roots)
        small = sum(self.size[r] for r in roots) <= self.most
        fit = self.fits(whole) if small else None
        if fit is not None:
            return [self.page(whole, fit, **info)]
        if small and parent is None and roots == self.tree.roots:
            closed = self.closed_up(whole)
            if closed is not None:
                return [self.page(whole, closed[0], closed[1])]
        stacked = self.stacked(whole) if small else None
        if stacked is not None:
            return [self.page(whole, *stacked, **info)]
        levels = whole.height()
        low, high, best = 1, levels - 1, None
        while low <= high:  # the most levels that still fit
            mid = (low + high) // 2
            part = self.tree.part(roots, mid)
            fit = self.fits(part)
            if fit is None:
                high = mid - 1
            else:
                low, best = mid + 1, (mid, part, fit)
        if best is not None:
            return [self.page(*self.fill(roots, *best), **info)]
        return self.split_reports(roots, info)

    def fill(self, roots: tuple[str, ...], levels: int, part: Tree, fit: tuple[int, float]) -> tuple[Tree, tuple[int, float]]:
        """Fill the page further below its cut, in chart order: each department cut from it
        is drawn there whole if it fits, or else its next level if that fits."""
        kept: set[str] = set()
        opened: set[str] = set()
        used = len(part.order)
        full = self.tree.children
        queue = self._cut_of(part)
        for rid in queue:
            for whole in (True, False):
                grows = self.size[rid] - 1 if whole else len(full[rid])
                if used + grows > self.most:
                    continue
                trial = self.tree.part(roots, levels, keep=kept | {rid} if whole else kept,
                                       opened=opened if whole else opened | {rid})
                trial_fit = self.fits(trial)
                if trial_fit is None:
                    continue
                (kept if whole else opened).add(rid)
                used += grows
                part, fit = trial, trial_fit
                if not whole:
                    queue.extend(kid for kid in full[rid] if full[kid])
                break
        return part, fit

    def _cut_of(self, part: Tree) -> list[str]:
        """The roles of ``part`` whose reports are left for other pages, in chart order."""
        full = self.tree.children
        return [rid for rid in part.order if full[rid] and not part.children[rid]]

    def split_reports(self, roots: tuple[str, ...], info: dict[str, object]) -> list[ChartPage]:
        """Too many reports for one page even alone: they go over several pages, in order."""
        if len(roots) > 1:  # several roles side by side: each gets pages of its own
            return [page for root in roots for page in self._alone(root, info)]
        root = roots[0]
        kids = self.tree.children[root]
        chunks: list[tuple[Tree, tuple[int, float]]] = []
        start = 0
        while start < len(kids):
            low, high, best = 1, len(kids) - start, None
            while low <= high:
                mid = (low + high) // 2
                part = self.tree.part(roots, 1, {root: kids[start:start + mid]})
                fit = self.fits(part)
                if fit is None:
                    high = mid - 1
                else:
                    low, best = mid + 1, (mid, part, fit)
            if best is None:  # not even one report fits: print it anyway, as large as it goes
                part = self.tree.part(roots, 1, {root: kids[start:start + 1]})
                best = (1, part, fit_depth(part, self.sizes, self.area, self.max_scale))
            count, part, fit = best
            chunks.append((part, fit))
            start += count
        return [
            self.page(part, fit, **{**info, "heads": roots, "part": (i, len(chunks))})
            for i, (part, fit) in enumerate(chunks, 1)
        ]

    def _alone(self, root: str, info: dict[str, object]) -> list[ChartPage]:
        first = len(self.pages) + 1
        pages = self.piece((root,), None)
        if info:
            for page in pages:
                page.heads, page.from_page = (root,), info["from_page"]  # type: ignore[assignment]
            self.pages[info["from_page"] - 1].continued[root] = first  # type: ignore[operator]
        return pages


#: The plans last made for one chart; plans are never changed once made.
_PLANS: ChartMemo[PagePlan] = ChartMemo()


def plan_pages(
    chart: Chart, box: tuple[float, float], area: tuple[float, float], min_title_pt: float = DEFAULT_MIN_TITLE_PT
) -> PagePlan:
    """The chart's pages for a chart area of ``area`` (width, height) points on each page; planned once
    for a chart as it stands (:mod:`.chart_memo`)."""
    return _PLANS.get(chart, (box, area, min_title_pt), lambda: _plan(chart, box, area, min_title_pt))


def _plan(chart: Chart, box: tuple[float, float], area: tuple[float, float], min_title_pt: float) -> PagePlan:
    tree = Tree.of(chart)
    if not tree.roots:
        empty = layout_tree(tree, sizes(*box), 1)
        return PagePlan([ChartPage(1, tree, empty, 1.0)], 0.0, 0.0, min_title_pt)
    planner = _Planner(tree, box, area, min_title_pt)
    planner.run()
    pages = planner.pages
    top = 0.0
    for page in pages:
        page.top = top
        top += page.layout.height + _gap(box)
    width = max(p.layout.width for p in pages)
    return PagePlan(pages, width, top - _gap(box), min_title_pt)


def fitted_depth(tree: Tree, box: tuple[float, float], area: tuple[float, float]) -> tuple[int, float]:
    """The column depth that prints ``tree`` largest on one page of ``area``, and that scale."""
    return fit_depth(tree, sizes(*box), area, MAX_TITLE_PT / style.TITLE_SIZE) if tree.roots else (1, 1.0)


def whole_chart(chart: Chart, box: tuple[float, float], area: tuple[float, float]) -> PagePlan:
    """The chart on one page whatever its size, its columns chosen to suit ``area``."""
    tree = Tree.of(chart)
    depth, scale = fitted_depth(tree, box, area)
    layout = layout_tree(tree, sizes(*box), depth)
    return PagePlan([ChartPage(1, tree, layout, scale)], layout.width, layout.height, 0.0)


__all__ = ["ChartPage", "MAX_TITLE_PT", "PagePlan", "fitted_depth", "plan_pages", "whole_chart"]
