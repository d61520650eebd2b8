"""The chart's pages on paper: where each page's piece of the drawing goes, and what is written over it.

Every chart page has a heading (the chart's title and date on one line; on a
department page, its managers and the page it is continued from), the chart
piece scaled to fill the rest and centred, and under each box whose
department goes on elsewhere, "continued on page N". With a comparison,
added and moved roles carry a NEW or MOVED tag and a legend explains them.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from ..model.chart import Chart
from . import labels, style
from .dot import box_size
from .options import ExportOptions
from .pages import MAX_TITLE_PT, ChartPage, PagePlan, plan_pages
from .sheets import Rect, Sheet

#: Room above the chart for the page heading.
HEADING_SPACE = 34.0
#: Room the planner keeps free around a piece for the margin drawn around it.
SLACK = 12.0
#: Margin around a piece in the drawing, so box borders are never clipped.
PIECE_MARGIN = 4.0
MARK_COLOUR = "#1D4ED8"
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
    """:func:`describe` for the pages an export of ``chart`` with ``options`` prints."""
    if packet:
        from .packet import chart_sheet_area

        area = chart_sheet_area(options)
    else:
        from .chartpdf import chart_area

        area = chart_area(options)
    pdf = options.with_changes(format="pdf") if packet else options
    return describe(plan_for(chart, pdf, area) if pdf.format == "pdf" else None, pdf, packet)


def sheets(plan: PagePlan, area: Rect, drawn: tuple[float, float]) -> list[Sheet]:
    """One sheet per page of ``plan``: its piece of the drawing, scaled to ``area`` and centred in it.

    ``drawn`` is the size of the drawing Graphviz made of the plan, which
    has the same room around the plan's pieces on every side.
    """
    x, y, w, h = area
    left, bottom = (drawn[0] - plan.width) / 2, (drawn[1] - plan.height) / 2
    out = []
    for page in plan.pages:
        layout = page.layout
        rw, rh = layout.width + 2 * PIECE_MARGIN, layout.height + 2 * PIECE_MARGIN
        rx = left - PIECE_MARGIN
        ry = bottom + plan.height - page.top - layout.height - PIECE_MARGIN
        scale = min(w / rw, h / rh, MAX_TITLE_PT / style.TITLE_SIZE) if rw > 0 and rh > 0 else 1.0
        tx = x + (w - rw * scale) / 2 - rx * scale
        ty = y + (h - rh * scale) / 2 - ry * scale
        out.append(Sheet(area, scale, tx, ty, (rx, ry, rw, rh)))
    return out


def box_on_page(page: ChartPage, sheet: Sheet, role_id: str) -> Rect:
    """Where the box of ``role_id`` is printed on the page: x, y (lower left), width, height."""
    layout = page.layout
    bx, by = layout.positions[role_id]
    cx = sheet.region[0] + PIECE_MARGIN + bx
    cy = sheet.region[1] + PIECE_MARGIN + layout.height - by - layout.box_height
    s = sheet.scale
    return sheet.tx + cx * s, sheet.ty + cy * s, layout.box_width * s, layout.box_height * s


@dataclass(frozen=True)
class Heading:
    """The heading of every chart page: the chart's title and date, and the compared scenario if any."""

    title: str
    stamp: str
    base: str | None = None  # the scenario or chart the marks compare with


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


def draw_heading(canvas: Canvas, heading: Heading, subtitle: Subtitle, top: float, left: float, right: float,
                 family: str, bold: str) -> None:
    """The title and date on one line at ``top``, the page's subtitle under them."""
    canvas.setFillColor(HexColor(style.TEXT_COLOUR))
    canvas.setFont(bold, 12)
    canvas.drawString(left, top - 12, _fit(canvas, heading.title, bold, 12, right - left - 100))
    canvas.setFillColor(HexColor(style.MUTED_COLOUR))
    canvas.setFont(family, 9)
    canvas.drawRightString(right, top - 12, heading.stamp)
    if subtitle.leads or subtitle.tail:
        size = 9.5
        room = right - left - canvas.stringWidth(subtitle.tail, family, size)
        lead = next((text for text in subtitle.leads if canvas.stringWidth(text, family, size) <= room),
                    subtitle.leads[-1] if subtitle.leads else "")
        canvas.setFont(family, size)
        canvas.drawString(left, top - 27, _fit(canvas, lead, family, size, room) + subtitle.tail)


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> str:
    """``text`` cut short with an ellipsis to fit ``width``."""
    if canvas.stringWidth(text, font, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def draw_marks(canvas: Canvas, page: ChartPage, sheet: Sheet, family: str, bold: str,
               tags: dict[str, frozenset[str]] | None = None, offset: int = 0) -> None:
    """"continued on page N" (the plan's page plus ``offset``) under the boxes whose department
    goes on elsewhere; NEW / MOVED tags on added and moved roles."""
    gap = page.layout.v_gap / 3 * sheet.scale  # the least room under a box
    size = max(6.0, min(8.0, gap * 0.62))
    canvas.setFillColor(HexColor(MARK_COLOUR))
    canvas.setFont(family, size)
    for rid, number in page.continued.items():
        x, y, w, _ = box_on_page(page, sheet, rid)
        canvas.drawString(x + 4, y - size - 1, f"continued on page {number + offset}")
    for rid in page.tree.order if tags else ():
        kinds = tags.get(rid, frozenset())  # type: ignore[union-attr]
        shown = [TAGS[k] for k in ("added", "moved") if k in kinds]
        if shown:
            x, y, w, h = box_on_page(page, sheet, rid)
            _tag(canvas, *shown[0], x + w - 4, y + h, bold)


def _tag(canvas: Canvas, text: str, colour: str, right: float, middle: float, bold: str, size: float = 7.0) -> float:
    """A small coloured tag ending at ``right``, centred on ``middle``; returns its left edge."""
    width = canvas.stringWidth(text, bold, size) + 6
    canvas.setFillColor(HexColor(colour))
    canvas.roundRect(right - width, middle - size * 0.75, width, size * 1.5, 2, stroke=0, fill=1)
    canvas.setFillColor(HexColor("#FFFFFF"))
    canvas.setFont(bold, size)
    canvas.drawString(right - width + 3, middle - size * 0.35, text)
    return right - width


def draw_legend(canvas: Canvas, base: str, left: float, bottom: float, family: str, bold: str) -> None:
    """What the tags and the dashed boxes mean, in one line at ``bottom``."""
    x = left
    for text, colour, meaning in LEGEND:
        x = _tag(canvas, text, colour, x + canvas.stringWidth(text, bold, 7.0) + 6, bottom + 3, bold)
        x += canvas.stringWidth(text, bold, 7.0) + 9
        canvas.setFillColor(HexColor(style.MUTED_COLOUR))
        canvas.setFont(family, 8)
        label = meaning.format(base=base)
        canvas.drawString(x, bottom, label)
        x += canvas.stringWidth(label, family, 8) + 14
    canvas.setStrokeColor(HexColor(style.VACANT_BORDER))
    canvas.setFillColor(HexColor(style.VACANT_FILL))
    canvas.setDash(2, 1.5)
    canvas.roundRect(x, bottom - 2, 18, 10, 2, stroke=1, fill=1)
    canvas.setDash()
    canvas.setFillColor(HexColor(style.MUTED_COLOUR))
    canvas.drawString(x + 23, bottom, "vacant position")


__all__ = [
    "HEADING_SPACE", "Heading", "Subtitle", "box_on_page", "describe", "describe_export", "draw_heading", "draw_legend", "draw_marks",
    "page_subtitle", "plan_for", "planning_area", "sheets",
]
