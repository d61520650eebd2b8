"""The chart's pages on paper: which pages an export prints, and the words printed over them.

Every chart page has a heading (the chart's title and date on one line; on a
department page, its managers and the page it is continued from), the chart
piece scaled to fill the rest and centred, and under each box whose
department goes on elsewhere, "continued on page N". With a comparison,
added and moved roles carry a NEW or MOVED tag and a legend explains them
(:data:`TAGS`, :data:`LEGEND`; :mod:`tdorg.export.pdf.sheet_pages` places them).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model.chart import Chart
from .. import labels
from ..graphviz.dot import box_size
from ..options import ExportOptions
from ..pages import ChartPage, PagePlan, plan_pages
from .sheets import Rect

#: Room above the chart for the page heading.
HEADING_SPACE = 34.0
#: Room the planner keeps free around a piece for the margin drawn around it.
SLACK = 12.0
TAGS = {"added": ("NEW", "#15803D"), "moved": ("MOVED", "#1D4ED8")}
LEGEND = (
    ("NEW", "#15803D", "added since {base}"),
    ("MOVED", "#1D4ED8", "reports to a different manager than in {base}"),
)


def planning_area(area: Rect) -> tuple[float, float]:
    """The width and height a page's piece may fill in ``area``, margins around it kept free."""
    return area[2] - SLACK, area[3] - SLACK


def plan_for(chart: Chart, options: ExportOptions, area: Rect) -> PagePlan | None:
    """The pages of a PDF fitted to the page in the canvas layout, for a chart area ``area``;
    None for a poster or Graphviz's own layout."""
    if options.layout != "canvas" or options.fit != "page":
        return None
    return plan_pages(chart, box_size(chart), planning_area(area), options.min_title_pt)


def describe(plan: PagePlan | None, options: ExportOptions, packet: bool = False) -> str:
    """Which mode gave which pages, in a sentence for the export dialog and ``tdorg export``."""
    if options.format != "pdf" and not packet:
        return ""
    if plan is not None:
        return plan.describe(packet)
    if options.fit == "poster":
        return (f"Poster at {options.poster_scale:g}% of reading size: an overview page, then the sheets "
                "that hold roles.")
    return ("One page in Graphviz's layout, scaled to fit; for department pages with legible titles, "
            "choose the layout as on the canvas.")


def describe_export(chart: Chart, options: ExportOptions, packet: bool = False) -> str:
    """:func:`describe` for the pages an export of ``chart`` with ``options`` prints (for PowerPoint,
    which slides hold what)."""
    if options.format == "pptx" and not packet:
        from ..slides.deck import describe_slides, plan_slides

        return describe_slides(plan_slides(chart, options))
    if packet:
        from ..packet.board import chart_sheet_area

        area = chart_sheet_area(options)
    else:
        from .chartpdf import chart_area

        area = chart_area(options)
    pdf = options.with_changes(format="pdf") if packet else options
    return describe(plan_for(chart, pdf, area) if pdf.format == "pdf" else None, pdf, packet)


@dataclass(frozen=True)
class Subtitle:
    """The line under a page's title: the first of ``leads`` that fits, then ``tail``, always whole."""

    leads: tuple[str, ...] = ()
    tail: str = ""


def page_subtitle(chart: Chart, plan: PagePlan, page: ChartPage, offset: int = 0, word: str = "page") -> Subtitle:
    """What a page shows, e.g. ``Network Manager (Pat Lee) · from page 2``; page numbers
    are the plan's plus ``offset``, and ``word`` names them (``slide`` in a presentation)."""
    if not plan.departments:
        return Subtitle()
    if not page.heads:
        return Subtitle((f"Top levels of the chart · each department continues on the {word} named under its box",
                         "Top levels of the chart"))
    roles = [chart.roles[rid] for rid in page.heads]
    titles = [labels.clean(role.title) for role in roles]
    people = [
        f" ({labels.clean(role.display_person())})" if role.vacant or role.person.strip() else "" for role in roles
    ]
    tail = f", part {page.part[0]} of {page.part[1]}" if page.part is not None else ""
    if page.from_page is not None:
        tail += f" · from {word} {page.from_page + offset}"
    return Subtitle((", ".join(t + p for t, p in zip(titles, people)), ", ".join(titles)), tail)


__all__ = [
    "HEADING_SPACE", "LEGEND", "TAGS", "Subtitle", "describe", "describe_export",
    "page_subtitle", "plan_for", "planning_area", "sheets",
]
