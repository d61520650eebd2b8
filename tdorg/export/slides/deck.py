"""The chart as PowerPoint slides (16:9) of native, editable shapes.

The deck is a title slide (district, scenario, date), the chart — on one
slide, or on department slides when its role titles would otherwise show
smaller than the chosen size (:mod:`tdorg.export.pages`, the rule of the
PDF) — and a summary of the findings. Every box, line and word is a shape
or text that PowerPoint can edit; nothing is a picture. A box whose
department goes on elsewhere says "continued on slide N", a click on which
goes there in a slide show; each department slide says which slide it comes
from.

python-pptx is imported only when a deck is written, so the command line
starts without it.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ...model.chart import Chart
from ...model.plural import plural
from ...model.rules.base import Report
from ..options import ExportOptions
from ..run import ExportRun

if TYPE_CHECKING:
    from pptx.presentation import Presentation
    from pptx.slide import Slide

    from ..pages import ChartPage, PagePlan

#: The slide in points: 13.333 × 7.5 inches, PowerPoint's widescreen.
SLIDE_SIZE = (960.0, 540.0)
MARGIN = 30.0
#: Room above the chart for the slide's title and the line under it, and below it for the slide number.
HEADING_SPACE = 66.0
FOOTER_SPACE = 20.0
#: Room kept under the lowest boxes for their "continued on slide N".
NOTE_SPACE = 14.0
#: Slides before the chart's: the title slide.
LEAD_SLIDES = 1


def chart_area() -> tuple[float, float, float, float]:
    """Left, top, width and height (points, from the top left) the chart may fill on a slide."""
    width, height = SLIDE_SIZE
    top = MARGIN + HEADING_SPACE
    return MARGIN, top, width - 2 * MARGIN, height - top - MARGIN - FOOTER_SPACE


def plan_slides(chart: Chart, options: ExportOptions) -> PagePlan:
    """The chart's slides: pieces that show every role title at ``options.min_title_pt`` or more."""
    from ..graphviz.dot import box_size
    from ..pages import plan_pages

    _, _, width, height = chart_area()
    return plan_pages(chart, box_size(chart), (width, height - NOTE_SPACE), options.min_title_pt)


def describe_slides(plan: PagePlan) -> str:
    """Which slides hold what, for ``tdorg export`` and the export dialog."""
    count = len(plan.pages)
    first, last = LEAD_SLIDES + 1, LEAD_SLIDES + count
    smallest = min(page.title_pt for page in plan.pages)
    if count == 1:
        where = f"the chart on slide {first}"
    else:
        where = (f"the chart's top levels on slide {first} and its departments on slides {first + 1}–{last}, because "
                 f"the whole chart on one slide would show its role titles under {plan.min_title_pt:g} pt")
    return (f"Slides: the title on slide 1, {where}, the findings on slide {last + 1}; "
            f"role titles at {smallest:.1f} pt or more.")


def contents_line(plan: PagePlan) -> str:
    """Which slide holds what, for the title slide."""
    first, last = LEAD_SLIDES + 1, LEAD_SLIDES + len(plan.pages)
    if first == last:
        chart = f"Slide {first}: the chart"
    else:
        rest = f"slide {last}" if last == first + 1 else f"slides {first + 1}–{last}"
        chart = f"Slide {first}: the top levels of the chart · {rest}: its departments"
    return f"{chart} · slide {last + 1}: findings against the framework"


def export_slides(chart: Chart, path: str | os.PathLike[str], options: ExportOptions | None = None,
                  run: ExportRun | None = None) -> Path:
    """Write ``chart`` as a PowerPoint deck at ``path``; the run's scenario names it on the title slide.

    Without the run's report the chart is validated first, for the findings
    slide. The file appears whole or not at all.
    """
    from ..output import staged_output

    options = options or ExportOptions(format="pptx")
    run = run or ExportRun()
    report = run.report
    if report is None:
        from ...model.rules import validate

        run.step("Checking the chart against the framework", 0.0)
        report = validate(chart)
    run.check()
    run.step("Planning the slides", 0.1)
    plan = plan_slides(chart, options)
    run.check()
    run.step("Making the slides", 0.3)
    deck = build_deck(chart, report, plan, day=run.title_date or date.today(), scenario=run.scenario, check=run.check)
    run.check()
    run.step("Writing the file", 0.9)
    with staged_output(path) as staged:
        deck.save(str(staged))
    run.step("Done", 1.0)
    return Path(path)


def build_deck(chart: Chart, report: Report, plan: PagePlan, *, day: date, scenario: str | None = None,
               check: Callable[[], None] = lambda: None) -> Presentation:
    """The presentation: title slide, one slide per page of ``plan``, findings summary."""
    from pptx import Presentation as new_presentation
    from pptx.util import Emu

    from ..graphviz.dot import heading
    from . import chart as slide_chart, text as slide_text
    from .shapes import emu

    deck = new_presentation()
    deck.slide_width, deck.slide_height = Emu(emu(SLIDE_SIZE[0])), Emu(emu(SLIDE_SIZE[1]))
    total = LEAD_SLIDES + len(plan.pages) + 1
    slide_text.title_slide(deck, chart, day, scenario, contents_line(plan))
    pages: list[tuple[ChartPage, Slide]] = [(page, slide_text.headed_slide(deck)) for page in plan.pages]
    slides = {page.number: slide for page, slide in pages}
    for page, slide in pages:
        check()
        slide_chart.chart_slide(slide, chart, plan, page, slides, day, LEAD_SLIDES)
        slide_text.slide_number(slide, LEAD_SLIDES + page.number, total)
    findings = slide_text.headed_slide(deck)
    slide_text.findings_slide(findings, report)
    slide_text.slide_number(findings, total, total)
    deck.core_properties.title = heading(chart)
    deck.core_properties.subject = f"Technology department organization chart, {plural(len(chart), 'role')}"
    deck.core_properties.author = "tdorg"
    return deck


__all__ = ["SLIDE_SIZE", "build_deck", "chart_area", "contents_line", "describe_slides", "export_slides", "plan_slides"]
