"""The text slides of a deck — title and findings summary — and what every slide has: title, number.

Each slide's title is the layout's title placeholder, so PowerPoint's
outline, its accessibility checker and a screen reader find one per slide.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu

from ...model.chart import Chart
from ...model.plural import plural
from ...model.rules.base import Finding, Report, Severity
from .. import labels, style
from ..graphviz.dot import date_line
from .deck import MARGIN, SLIDE_SIZE
from .shapes import Run, emu, rgb, text_box, unstyled, write_text

if TYPE_CHECKING:
    from pptx.presentation import Presentation
    from pptx.slide import Slide

TITLE_ONLY_LAYOUT = 5
TITLE_SLIDE_LAYOUT = 0
TITLE_HEIGHT = 32.0
SEVERITIES = (
    (Severity.ERROR, "Errors"),
    (Severity.WARNING, "Warnings"),
    (Severity.INFO, "Notes"),
)
#: The findings list: its text size and the room it may take.
FINDING_SIZE = 13.0
FINDING_LINE = FINDING_SIZE * 1.2
FINDING_GAP = 7.0


def _place(shape: object, left: float, top: float, width: float, height: float) -> None:
    shape.left, shape.top, shape.width, shape.height = (Emu(emu(v)) for v in (left, top, width, height))  # type: ignore[attr-defined]


def headed_slide(deck: Presentation) -> Slide:
    """A new slide whose title placeholder runs along its top."""
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY_LAYOUT])
    _place(slide.shapes.title, MARGIN, MARGIN - 6, SLIDE_SIZE[0] - 2 * MARGIN, TITLE_HEIGHT)
    return slide


def set_title(slide: Slide, text: str, size: float = 20.0) -> None:
    write_text(slide.shapes.title, [[Run(text, size, bold=True)]], anchor=MSO_ANCHOR.MIDDLE)


def slide_number(slide: Slide, number: int, total: int) -> None:
    width, height = SLIDE_SIZE
    text_box(slide.shapes, (emu(width - MARGIN - 150), emu(height - MARGIN - 8), emu(150), emu(14)),
             [[Run(f"Slide {number} of {total}", 9.0, style.MUTED_COLOUR)]], align=PP_ALIGN.RIGHT)


def title_slide(deck: Presentation, chart: Chart, day: date, scenario: str | None, contents: str) -> Slide:
    """District, scenario and date; under them the chart's size and which slides hold what."""
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_SLIDE_LAYOUT])
    width, height = SLIDE_SIZE
    inner = width - 4 * MARGIN
    title, subtitle = slide.shapes.title, slide.placeholders[1]
    _place(title, 2 * MARGIN, 120, inner, 60)
    write_text(title, [[Run("Technology Department Organization", 36.0, bold=True)]], anchor=MSO_ANCHOR.BOTTOM)
    district = chart.district
    place = labels.clean(district.name) or "Technology department"
    if district.state:
        place += f" ({labels.clean(district.state)})"
    lines = [[Run(place, 24.0, style.TEXT_COLOUR)]]
    if scenario:
        lines.append([Run("Scenario ", 18.0, style.MUTED_COLOUR), Run(f"“{scenario}”", 18.0, bold=True)])
    lines.append([Run(date_line(day), 16.0, style.MUTED_COLOUR)])
    rule = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *(Emu(emu(v)) for v in (2 * MARGIN, 186, 96, 4)))
    rule.fill.solid()
    rule.fill.fore_color.rgb = rgb(style.colour_for("it_leader"))
    rule.line.fill.background()
    rule.name = "Rule"
    unstyled(rule)
    _place(subtitle, 2 * MARGIN, 198, inner, 130)
    write_text(subtitle, lines)
    vacant = sum(1 for role in chart.roles.values() if role.vacant)
    size = plural(len(chart), "role") + (f", {vacant:,} of them vacant" if vacant else "")
    text_box(slide.shapes, (emu(2 * MARGIN), emu(height - 2 * MARGIN - 60), emu(inner), emu(60)),
             [[Run(size, 12.0, style.MUTED_COLOUR)], [Run(contents, 12.0, style.MUTED_COLOUR)]],
             anchor=MSO_ANCHOR.BOTTOM)
    return slide


def findings_slide(slide: Slide, report: Report) -> None:
    """How many findings of each severity, beside the most serious ones, as text and a table."""
    set_title(slide, "Findings against the framework")
    width, height = SLIDE_SIZE
    top = MARGIN + 56
    counts_width = 250.0  # the count column holds its 14 pt bold "Findings" heading on one line
    rows = [(name, len(report.by_severity(severity)), style.SEVERITY_COLOURS[severity])
            for severity, name in SEVERITIES]
    table = slide.shapes.add_table(len(rows) + 1, 2, Emu(emu(MARGIN)), Emu(emu(top)), Emu(emu(counts_width)),
                                   Emu(emu(34 * (len(rows) + 1)))).table
    table.columns[0].width, table.columns[1].width = Emu(emu(140)), Emu(emu(counts_width - 140))
    cells = [("Severity", "Findings", style.TEXT_COLOUR)] + [(n, f"{c:,}", colour) for n, c, colour in rows]
    for r, (name, count, colour) in enumerate(cells):
        head = r == 0
        for c, text in enumerate((name, count)):
            cell = table.cell(r, c)
            write_text(cell, [[Run(text, 14.0, style.TEXT_COLOUR if head else colour, bold=head or c == 1)]],
                       align=PP_ALIGN.RIGHT if c == 1 else PP_ALIGN.LEFT, anchor=MSO_ANCHOR.MIDDLE,
                       insets=(8, 3, 8, 3))
            cell.fill.solid()
            cell.fill.fore_color.rgb = rgb("#EEF1F4" if head else "#FFFFFF")
    left = MARGIN + counts_width + 30
    room = width - MARGIN - left
    bottom = height - MARGIN - 24
    text_box(slide.shapes, (emu(left), emu(top), emu(room), emu(22)),
             [[Run("Most serious findings", 16.0, bold=True)]])
    shown, paragraphs = _top_findings(report, room, bottom - top - 30)
    if not report.findings:
        paragraphs = [[Run("The chart meets every rule of the framework that is switched on.", FINDING_SIZE)]]
    elif shown < len(report.findings):
        rest = len(report.findings) - shown
        paragraphs.append([Run(f"… and {plural(rest, 'more finding')}, listed in the board packet and by "
                               "tdorg validate.", FINDING_SIZE - 1, style.MUTED_COLOUR, italic=True)])
    box = text_box(slide.shapes, (emu(left), emu(top + 30), emu(room), emu(bottom - top - 30)), paragraphs)
    for paragraph in box.text_frame.paragraphs:
        paragraph.space_after = Emu(emu(FINDING_GAP))


def _top_findings(report: Report, width: float, height: float) -> tuple[int, list[list[Run]]]:
    """The findings, most serious first, that fit ``height`` points of a ``width``-wide text box."""
    kind = (style.MEASURE_FONT, FINDING_SIZE)
    used = FINDING_LINE + FINDING_GAP  # kept for the "and N more" line
    out: list[list[Run]] = []
    ordered: list[Finding] = [f for severity, _ in SEVERITIES for f in report.by_severity(severity)]
    for finding in ordered:
        text = f"{finding.rule_id}  {labels.clean(finding.message)}"
        need = len(labels.wrap(text, kind, width * 0.95)) * FINDING_LINE + FINDING_GAP
        if used + need > height:
            break
        used += need
        out.append([Run(finding.rule_id + "  ", FINDING_SIZE, style.SEVERITY_COLOURS[finding.severity], bold=True),
                    Run(finding.message, FINDING_SIZE)])
    return len(out), out


__all__ = ["findings_slide", "headed_slide", "set_title", "slide_number", "title_slide"]
