"""The paper's orientation when the user leaves it open: the one that prints the chart better.

A tall narrow chart (a long chain of managers, a department of a few deep
teams) prints larger on a portrait page, a wide one on a landscape page.
When no orientation is chosen, a PDF fitted to the page in the canvas layout
(a chart or a board packet) is planned both ways and printed in the one that
takes fewer pages, then the one whose smallest role titles are larger (by at
least :data:`BETTER_PT`); landscape, the default, when they are as good.
"""

from __future__ import annotations

from ..model.chart import Chart
from .options import ExportOptions
from .pages import PagePlan

#: How much larger (points) portrait must print the smallest titles to be chosen over landscape.
BETTER_PT = 0.1


def _plan(chart: Chart, options: ExportOptions, packet: bool) -> PagePlan | None:
    from .pdf.chartpages import plan_for

    if packet:
        from .packet.board import chart_sheet_area

        return plan_for(chart, options, chart_sheet_area(options))
    from .pdf.chartpdf import chart_area

    return plan_for(chart, options, chart_area(options))


def _merit(plan: PagePlan) -> tuple[int, float]:
    return len(plan.pages), -min(page.title_pt for page in plan.pages)


def choose_orientation(chart: Chart, options: ExportOptions, packet: bool = False) -> tuple[ExportOptions, str]:
    """``options`` in the orientation that prints ``chart`` better, and a sentence saying why when that is
    portrait (empty when landscape is kept). Only PDFs fitted to the page in the canvas layout are planned."""
    landscape = options.with_changes(orientation="landscape")
    if (options.format != "pdf" and not packet) or not chart.roles:
        return landscape, ""
    wide = _plan(chart, landscape, packet)
    portrait = options.with_changes(orientation="portrait")
    tall = _plan(chart, portrait, packet)
    if wide is None or tall is None:
        return landscape, ""
    (wide_pages, wide_pt), (tall_pages, tall_pt) = _merit(wide), _merit(tall)
    if tall_pages < wide_pages:
        because = (f"it prints the chart on {tall_pages} page{'s' if tall_pages > 1 else ''} where landscape "
                   f"takes {wide_pages}")
    elif tall_pages == wide_pages and -tall_pt >= -wide_pt + BETTER_PT:
        because = f"its smallest role titles print at {-tall_pt:.1f} pt where landscape's print at {-wide_pt:.1f} pt"
    else:
        return landscape, ""
    return portrait, f"Portrait, as no orientation was chosen: {because}."


__all__ = ["BETTER_PT", "choose_orientation"]
