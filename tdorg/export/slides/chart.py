"""One chart slide: a page of the plan as boxes and connectors, placed as tdorg's layout places them.

The page's piece of the chart is scaled by the page's scale (the one that
keeps every role title at the chosen size or more) and centred in the
slide's chart area. Under a box whose department goes on elsewhere,
"continued on slide N" links to that slide; the speaker notes list the same
references in words.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Mapping

from pptx.enum.text import PP_ALIGN

from ...model.chart import Chart
from .. import labels, style
from ..graphviz.dot import date_line, heading
from ..pdf.chartpages import page_subtitle
from .boxes import Rect, ShapeWriter
from .deck import MARGIN, NOTE_SPACE, SLIDE_SIZE, chart_area
from .shapes import Run, emu, link_to, text_box
from .text import set_title

if TYPE_CHECKING:
    from pptx.slide import Slide

    from ..pages import ChartPage, PagePlan

SUBTITLE_SIZE = 12.0
#: How far the subtitle line sits below the slide's top margin.
SUBTITLE_TOP = 30.0


def chart_slide(slide: Slide, chart: Chart, plan: PagePlan, page: ChartPage, slides: Mapping[int, Slide],
                day: date, offset: int) -> None:
    """Fill ``slide`` with ``page``; ``slides`` are the chart's slides by page number, which is the
    slide number less ``offset``."""
    set_title(slide, heading(chart))
    _subtitle(slide, chart, plan, page, day, offset)
    writer = ShapeWriter(slide)
    boxes = _boxes(writer, chart, page)
    layout, scale = page.layout, page.scale
    left, top = _origin(page)

    def at(point: tuple[float, float]) -> tuple[int, int]:
        return emu(left + point[0] * scale), emu(top + point[1] * scale)

    for rid in page.tree.order:
        for kid in page.tree.children[rid]:
            writer.connector(boxes[rid], boxes[kid], [at(p) for p in layout.route(rid, kid)])
    for rid in page.tree.order:
        for target in chart.roles[rid].dotted_to:
            if target in boxes:
                writer.dotted_line(boxes[rid], boxes[target])
    size = max(6.0, min(8.0, layout.v_gap / 3 * scale * 0.62))
    for rid, number in page.continued.items():
        x, y, width, height = boxes[rid][1]
        note = text_box(slide.shapes, (x + emu(4), y + height + emu(1), width, emu(size * 1.5)),
                        [[Run(f"continued on slide {number + offset}", size, _LINK_COLOUR)]])
        note.name = "Continued"
        link_to(note, slides[number])
    _notes(slide, chart, page, offset)


_LINK_COLOUR = "#1D4ED8"


def _origin(page: ChartPage) -> tuple[float, float]:
    """The top left of the page's piece on the slide, in points: centred in the chart area."""
    x, y, width, height = chart_area()
    scale = page.scale
    return (x + (width - page.layout.width * scale) / 2,
            y + (height - NOTE_SPACE - page.layout.height * scale) / 2)


def _boxes(writer: ShapeWriter, chart: Chart, page: ChartPage) -> dict[str, tuple[int, Rect]]:
    """Every role box of the page: its shape id and where it is."""
    layout, scale = page.layout, page.scale
    left, top = _origin(page)
    size = (emu(layout.box_width * scale), emu(layout.box_height * scale))
    out = {}
    for rid in page.tree.order:
        x, y = layout.positions[rid]
        rect = (emu(left + x * scale), emu(top + y * scale), *size)
        out[rid] = (writer.role_box(chart.roles[rid], rect, scale, _alt_text(chart, rid)), rect)
    return out


def _alt_text(chart: Chart, rid: str) -> str:
    """What a screen reader says for a box, e.g. ``Network Engineer, Kim Hale, reports to Director of Technology``."""
    role = chart.roles[rid]
    parts = [role.title, role.display_person() if role.vacant or role.person.strip() else ""]
    if role.reports_to is not None:
        parts.append(f"reports to {chart.roles[role.reports_to].title}")
    return ", ".join(labels.clean(part) for part in parts if labels.clean(part))


def _subtitle(slide: Slide, chart: Chart, plan: PagePlan, page: ChartPage, day: date, offset: int) -> None:
    """What the slide shows (its departments and where they come from), with the date on the right."""
    width = SLIDE_SIZE[0] - 2 * MARGIN
    stamp = date_line(day)
    y = emu(MARGIN + SUBTITLE_TOP)
    text_box(slide.shapes, (emu(MARGIN + width - 160), y, emu(160), emu(18)),
             [[Run(stamp, SUBTITLE_SIZE - 1, style.MUTED_COLOUR)]], align=PP_ALIGN.RIGHT)
    line = page_subtitle(chart, plan, page, offset, word="slide")
    if not (line.leads or line.tail):
        return
    room = width - 170
    kind = (style.MEASURE_FONT, SUBTITLE_SIZE)
    fits = [lead for lead in line.leads if len(labels.wrap(lead + line.tail, kind, room)) == 1]
    lead = fits[0] if fits else (line.leads[-1] if line.leads else "")
    text_box(slide.shapes, (emu(MARGIN), y, emu(room), emu(18)),
             [[Run(lead, SUBTITLE_SIZE, style.MUTED_COLOUR), Run(line.tail, SUBTITLE_SIZE, style.MUTED_COLOUR)]])


def _notes(slide: Slide, chart: Chart, page: ChartPage, offset: int) -> None:
    """The speaker notes: where this slide's departments come from and go on."""
    lines = []
    if page.from_page is not None:
        heads = ", ".join(labels.clean(chart.roles[rid].title) for rid in page.heads)
        lines.append(f"{heads}: continued from slide {page.from_page + offset}.")
    for rid, number in page.continued.items():
        lines.append(f"{labels.clean(chart.roles[rid].title)}: the department continues on slide {number + offset}.")
    if lines:
        slide.notes_slide.notes_text_frame.text = "\n".join(lines)


__all__ = ["chart_slide"]
