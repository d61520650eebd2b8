"""What each printed chart page or poster sheet shows, as data for the Typst templates.

Every page places its own Graphviz drawing (:mod:`tdorg.export.graphviz.page_drawings`, :mod:`~tdorg.export.graphviz.poster_drawings`:
one SVG per department page or poster sheet, holding only its roles) as a
figure with alternative text, the lines of its labels taken out of the SVG
and set by Typst as text of its own over it, where Graphviz put them (Typst
sets its own text several times faster than an SVG's), and the marks printed
over it: "continued on page N" under boxes whose department goes on
elsewhere, NEW and MOVED tags on compared roles. Graphviz's own layout is one drawing of the whole chart on
one page. Positions are points from the page's top left; the sheets of
:mod:`tdorg.export.pdf.sheets` measure from its bottom left.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ...model.chart import Chart
from ...model.plural import plural
from ...model.rules.base import Report
from ..graphviz.dot import heading
from ..graphviz.svg_text import take_text
from ..graphviz.runner import Cancel
from ..options import ExportOptions
from ..pages import ChartPage
from . import chartpages
from .sheets import Rect, fit_sheet

if TYPE_CHECKING:
    from ..api import Progress
    from ..graphviz.page_drawings import Drawing
    from ..graphviz.poster_drawings import Poster

_SIZE = re.compile(rb'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"')


@dataclass
class ChartSheets:
    """The chart's printed pages: each page's data for the template and the SVG files they place."""

    pages: list[dict] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    poster: Poster | None = None  # a poster's drawings; its tiles print on the pages, in order

    def add_figure(self, page: dict, svg: bytes, x: float, top: float, w: float, h: float, alt: str,
                   placed: tuple = ()) -> None:
        """Place ``svg`` at ``x``, ``top`` (from the page's top left), ``w`` by ``h`` points, as a figure with
        ``alt`` for its alternative text; the lines of its labels (and the ``placed`` lines of those Graphviz
        drew without text, :attr:`Drawing.placed`) are printed as text over it, those that print within it
        (the figure is clipped to it)."""
        name = f"drawing-{len(self.files) + 1}.svg"
        self.files[name], labels = take_text(svg, w, h, placed)
        page.setdefault("figures", []).append({"file": name, "x": x, "y": top, "w": w, "h": h, "alt": alt,
                                               "labels": labels})


def _alt(chart: Chart, number: int, total: int, shown: int, subtitle: str) -> str:
    where = f"page {number} of {total} of the organization chart" if total > 1 else "the organization chart"
    what = f" ({subtitle})" if subtitle else ""
    return (f"{heading(chart)}: {where}{what}, {plural(shown, 'role')} in boxes joined by reporting lines. "
            "The reporting structure is also given in words, as a list.")


def _page(leads: tuple[str, ...] = (), tail: str = "", department: bool = False) -> dict:
    """A page's data; its subtitle is the first of ``leads`` that fits the line, then ``tail``."""
    subtitle = (leads[0] if leads else "") + tail
    return {"figures": [], "subtitle": subtitle, "leads": list(leads) or [""], "tail": tail, "department": department,
            "continued": [], "tags": []}


def _marks(out: dict, page: ChartPage, drawing: Drawing, x0: float, top: float, offset: int,
           tags: dict[str, frozenset[str]]) -> None:
    """"continued on page N" (the plan's page plus ``offset``) under boxes, NEW / MOVED tags on their top edge."""
    gap = page.layout.v_gap / 3 * drawing.scale  # the least room under a box
    size = max(6.0, min(8.0, gap * 0.62))
    for rid, number in page.continued.items():
        bx, by, _, bh = drawing.box(page.layout, rid)
        out["continued"].append({"x": x0 + bx + 4, "y": top + by + bh + 1, "size": size,
                                 "text": f"continued on page {number + offset}"})
    for rid in page.tree.order if tags else ():
        kinds = [chartpages.TAGS[k] for k in ("added", "moved") if k in tags.get(rid, frozenset())]
        if kinds:
            bx, by, bw, _ = drawing.box(page.layout, rid)
            out["tags"].append({"right": x0 + bx + bw - 4, "y": top + by, "text": kinds[0][0], "colour": kinds[0][1]})


def chart_sheets(
    chart: Chart, options: ExportOptions, area: Rect, *, report: Report | None = None, cancel: Cancel | None = None,
    progress: Progress | None = None, title_date: date | None = None, offset: int = 0,
    tags: dict[str, frozenset[str]] | None = None,
) -> ChartSheets:
    """The pages that print ``chart`` in ``area`` (x, y from the bottom left, width, height) of each page:
    department pages (or one page) in the canvas layout, poster sheets, or Graphviz's own layout on
    one page. Page numbers in the marks are the plan's plus ``offset``."""
    from ..graphviz.page_drawings import page_drawings
    from ..graphviz.poster_drawings import poster_drawings

    page_h = options.page_size[1]
    x, y, w, h = area
    out = ChartSheets()
    if progress is not None:  # drawing takes the export from a tenth to seven tenths done
        told = progress
        progress = lambda stage, fraction: told(stage, 0.1 + 0.6 * fraction)  # noqa: E731
    if options.fit == "poster":
        return _poster(out, chart, poster_drawings(chart, options, area, report=report, cancel=cancel,
                                                   progress=progress), page_h)
    plan = chartpages.plan_for(chart, options, area)
    if plan is None:  # Graphviz's own layout: one drawing of the whole chart
        from ..api import render_chart

        svg = render_chart(chart, options, report=report, cancel=cancel, progress=progress, title_date=title_date,
                           drawn_as="svg")
        size = _SIZE.search(svg)
        sw, sh = (float(size.group(1)), float(size.group(2))) if size else (w, h)
        sheet = fit_sheet(sw, sh, area)
        page = _page()
        out.add_figure(page, svg, sheet.tx, page_h - sheet.ty - sh * sheet.scale, sw * sheet.scale, sh * sheet.scale,
                       _alt(chart, 1, 1, len(chart.roles), ""))
        out.pages.append(page)
        return out
    drawings = page_drawings(chart, plan, (w, h), options, report=report, cancel=cancel, progress=progress)
    for number, (chart_page, drawing) in enumerate(zip(plan.pages, drawings), 1):
        words = chartpages.page_subtitle(chart, plan, chart_page, offset)
        page = _page(words.leads, words.tail, bool(chart_page.heads))
        subtitle = page["subtitle"]
        x0 = x + (w - drawing.width) / 2
        top = page_h - (y + h) + (h - drawing.height) / 2
        out.add_figure(page, drawing.svg, x0, top, drawing.width, drawing.height,
                       _alt(chart, number, len(plan.pages), len(drawing.roles), subtitle), drawing.placed)
        _marks(page, chart_page, drawing, x0, top, offset, tags or {})
        out.pages.append(page)
    return out


def _poster(out: ChartSheets, chart: Chart, poster: Poster, page_h: float) -> ChartSheets:
    sheets = [sheet for sheet, _ in poster.sheets]
    for number, (sheet, drawing) in enumerate(poster.sheets, 1):
        subtitle = f"{sheet.label} · sheet {number} of {len(sheets)}" if len(sheets) > 1 else ""
        page = _page((subtitle,))
        cx, cy, cw, ch = sheet.clip
        out.add_figure(page, drawing.svg, cx, page_h - cy - ch, cw, ch,
                       _alt(chart, number, len(sheets), len(drawing.roles), subtitle), drawing.placed)
        out.pages.append(page)
    out.poster = poster
    return out


__all__ = ["ChartSheets", "chart_sheets"]
