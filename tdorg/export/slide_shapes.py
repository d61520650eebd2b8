"""The native PowerPoint shapes of a chart slide: role boxes, reporting-line connectors and text.

Every role is a rounded rectangle holding its title, its person (or
"Vacant") and its category line as text; every reporting line is an elbow
connector glued to the manager's bottom and to the report's top or side, so
that PowerPoint keeps it attached when a box is moved. A connector is drawn
along the route of tdorg's layout (:meth:`tdorg.model.layout.Layout.route`):
a preset ``bentConnectorN`` turned a quarter so that it leaves the manager
downwards, with its adjust values placing the bus and the spine.

Lengths here are EMU (English Metric Units, 12,700 to the point).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from ..model.role import Role
from . import labels, style

if TYPE_CHECKING:
    from pptx.shapes.autoshape import Shape
    from pptx.shapes.base import BaseShape
    from pptx.shapes.connector import Connector
    from pptx.shapes.shapetree import SlideShapes
    from pptx.slide import Slide

EMU_PER_PT = 12700
FONT = style.FONT
#: Connection sites of a rectangle, counter-clockwise from the top.
TOP, LEFT, BOTTOM, RIGHT = 0, 1, 2, 3
#: The corner radius of a box, as a share of its height (the canvas's 6 pt on a 72 pt box).
CORNER = 0.09
#: Text insets of a box at full size, in points: room for the text that labels.wrap measured.
INSETS = (9.0, 4.0, 7.0, 4.0)  # left, top, right, bottom


def emu(points: float) -> int:
    return int(round(points * EMU_PER_PT))


def rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#"))


@dataclass(frozen=True)
class Run:
    """A piece of text in one look; text is cleaned of control characters before it is written."""

    text: str
    size: float
    colour: str = style.TEXT_COLOUR
    bold: bool = False
    italic: bool = False


def write_text(shape: BaseShape, paragraphs: Sequence[Sequence[Run]], *, align: PP_ALIGN = PP_ALIGN.LEFT,
               anchor: MSO_ANCHOR = MSO_ANCHOR.TOP, insets: tuple[float, float, float, float] = (0, 0, 0, 0)) -> None:
    """Put ``paragraphs`` (each a list of runs) into the text frame of ``shape``, wrapping at its width."""
    frame = shape.text_frame  # type: ignore[attr-defined]
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = anchor
    frame.margin_left, frame.margin_top, frame.margin_right, frame.margin_bottom = (Emu(emu(i)) for i in insets)
    for i, runs in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = align
        for piece in runs:
            run = paragraph.add_run()
            run.text = _run_text(piece.text)
            font = run.font
            font.name = FONT
            font.size = Pt(round(piece.size, 1))
            font.bold = piece.bold
            font.italic = piece.italic
            font.color.rgb = rgb(piece.colour)


def _run_text(text: str) -> str:
    """Printable text on one line, keeping one space at either end where the piece had one, so
    that runs written one after the other stay apart."""
    body = labels.clean(text)
    if body and text[:1].isspace():
        body = " " + body
    if body and text[-1:].isspace():
        body += " "
    return body


def text_box(shapes: SlideShapes, rect: tuple[int, int, int, int], paragraphs: Sequence[Sequence[Run]],
             **look: object) -> Shape:
    """A text box at ``rect`` (left, top, width, height in EMU) holding ``paragraphs``."""
    box = shapes.add_textbox(*(Emu(v) for v in rect))
    write_text(box, paragraphs, **look)  # type: ignore[arg-type]
    return box


def role_box(shapes: SlideShapes, role: Role, rect: tuple[int, int, int, int], scale: float) -> Shape:
    """The rounded box of ``role`` at ``rect`` (EMU), its text at the export's sizes times ``scale``."""
    shape = shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, *(Emu(v) for v in rect))
    shape.name = labels.clean(role.title) or "Role"
    shape.adjustments[0] = CORNER * style.MIN_BOX_HEIGHT / (rect[3] / EMU_PER_PT / scale)
    unstyled(shape)
    colour = style.colour_for(role.category)
    shape.fill.solid()
    shape.fill.fore_color.rgb = rgb(style.VACANT_FILL if role.vacant else style.BOX_FILL)
    line = shape.line
    line.color.rgb = rgb(style.VACANT_BORDER if role.vacant else colour)
    line.width = Pt(max(0.75, 1.5 * scale))
    if role.vacant:
        line.dash_style = MSO_LINE_DASH_STYLE.DASH
    paragraphs = [[Run(role.title, style.TITLE_SIZE * scale, bold=True)]]
    if role.vacant:
        paragraphs.append([Run("Vacant", style.PERSON_SIZE * scale, style.VACANT_BORDER, italic=True)])
    elif role.person.strip():
        paragraphs.append([Run(role.person, style.PERSON_SIZE * scale, style.MUTED_COLOUR)])
    paragraphs.append([Run(labels.meta_line(role), style.META_SIZE * scale, colour)])
    write_text(shape, paragraphs, anchor=MSO_ANCHOR.MIDDLE, insets=tuple(i * scale for i in INSETS))  # type: ignore[arg-type]
    return shape


def unstyled(shape: BaseShape) -> None:
    """Drop the theme style python-pptx gives a new shape (its shadow, its accent colours): every
    colour of a chart's shape is set on the shape itself."""
    element = shape._element  # type: ignore[attr-defined]
    theme_style = element.find(qn("p:style"))
    if theme_style is not None:
        element.remove(theme_style)


def _simplify(points: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The corners of an orthogonal polyline: repeated points and straight-through points dropped."""
    out: list[tuple[int, int]] = []
    for p in points:
        if out and p == out[-1]:
            continue
        if len(out) >= 2 and (out[-2][0] == out[-1][0] == p[0] or out[-2][1] == out[-1][1] == p[1]):
            out[-1] = p
        else:
            out.append(p)
    return out


def end_site(points: Sequence[tuple[int, int]]) -> int:
    """The connection site a route ends at: the top when it comes down, else the side it enters."""
    (ax, ay), (bx, by) = points[-2], points[-1]
    if ax == bx:
        return TOP if by > ay else BOTTOM
    return LEFT if bx > ax else RIGHT


def site(shape: BaseShape, index: int) -> tuple[int, int]:
    """Where connection site ``index`` of a rectangular shape is (as python-pptx glues to it)."""
    x, y, cx, cy = shape.left, shape.top, shape.width, shape.height
    return {TOP: (int(x + cx / 2), y), LEFT: (x, int(y + cy / 2)), BOTTOM: (int(x + cx / 2), y + cy),
            RIGHT: (x + cx, int(y + cy / 2))}[index]


def connector(shapes: SlideShapes, manager: BaseShape, report: BaseShape, route: Sequence[tuple[int, int]]) -> Connector:
    """A reporting line from ``manager``'s bottom to ``report`` along ``route`` (EMU points, leaving
    downwards), its ends on the boxes' connection sites."""
    points = _simplify(route)
    end = end_site(points)
    points[0] = site(manager, BOTTOM)
    points[1] = (points[0][0], points[1][1])
    points[-1] = site(report, end)
    before = points[-2]
    points[-2] = (points[-1][0], before[1]) if end in (TOP, BOTTOM) else (before[0], points[-1][1])
    (sx, sy), (ex, ey) = points[0], points[-1]
    kind = MSO_CONNECTOR.STRAIGHT if len(points) == 2 else MSO_CONNECTOR.ELBOW
    line = shapes.add_connector(kind, Emu(sx), Emu(sy), Emu(ex), Emu(ey))
    line.begin_connect(manager, BOTTOM)
    line.end_connect(report, end)
    if len(points) > 2:
        _bend(line, points)
    unstyled(line)
    line.name = "Reporting line"
    line.line.color.rgb = rgb(style.EDGE_COLOUR)
    line.line.width = Pt(1.25)
    return line


def dotted_line(shapes: SlideShapes, role: BaseShape, manager: BaseShape) -> Connector:
    """A dashed straight line with an arrow from ``role`` to its dotted-line ``manager``, glued to the
    sides that face each other."""
    dx = (manager.left + manager.width / 2) - (role.left + role.width / 2)
    dy = (manager.top + manager.height / 2) - (role.top + role.height / 2)
    if abs(dy) * role.width >= abs(dx) * role.height:
        start, end = (TOP, BOTTOM) if dy < 0 else (BOTTOM, TOP)
    else:
        start, end = (LEFT, RIGHT) if dx < 0 else (RIGHT, LEFT)
    (sx, sy), (ex, ey) = site(role, start), site(manager, end)
    line = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Emu(sx), Emu(sy), Emu(ex), Emu(ey))
    line.begin_connect(role, start)
    line.end_connect(manager, end)
    unstyled(line)
    line.name = "Dotted line"
    line.line.color.rgb = rgb(style.DOTTED_COLOUR)
    line.line.width = Pt(1.0)
    line.line.dash_style = MSO_LINE_DASH_STYLE.DASH
    _arrow_at_end(line)
    return line


def _bend(line: Connector, points: list[tuple[int, int]]) -> None:
    """Shape an elbow connector along ``points``, whose first segment goes down.

    The preset ``bentConnectorN`` starts along its box's x axis. Turned a
    quarter clockwise, it starts downwards and ends left of its start; flipped
    horizontally and turned three quarters (as PowerPoint writes it), it
    starts downwards and ends to the right. Either way local x runs down the
    slide from the start and local y across it from the start. Adjust values
    are shares (of 100,000) of the local box: the first places the bus, the
    second the spine.
    """
    (sx, sy), (ex, ey) = points[0], points[-1]
    east = ex >= sx
    left, top = min(sx, ex), sy
    wide, tall = abs(ex - sx), ey - sy
    element = line._element
    xfrm = element.spPr.get_or_add_xfrm()
    xfrm.rot = 270.0 if east else 90.0
    xfrm.flipH = east
    xfrm.flipV = False
    # The unturned box has the route's height as width and its width as height, about the same centre.
    xfrm.off.x, xfrm.off.y = left + (wide - tall) // 2, top + (tall - wide) // 2
    xfrm.ext.cx, xfrm.ext.cy = tall, wide
    geometry = element.spPr.prstGeom
    geometry.set("prst", f"bentConnector{len(points) - 1}")
    guides = []
    if len(points) >= 4:  # the bus: the height of the first horizontal segment
        guides.append(("adj1", _share(points[1][1] - top, tall)))
    if len(points) == 5:  # the spine: the x of the second vertical segment
        spine = points[2][0]
        guides.append(("adj2", _share(spine - left if east else left + wide - spine, wide)))
    geometry.rewrite_guides(guides)


def _share(part: int, whole: int) -> int:
    return int(round(part * 100000 / whole)) if whole else 0


def _arrow_at_end(line: Connector) -> None:
    """A small arrowhead where the connector ends."""
    ln = line.line._get_or_add_ln()
    tail = ln.find(qn("a:tailEnd"))
    if tail is None:
        tail = ln.makeelement(qn("a:tailEnd"), {})
        ln.append(tail)
    tail.set("type", "triangle")
    tail.set("w", "sm")
    tail.set("len", "sm")


def describe(shape: BaseShape, text: str) -> None:
    """The shape's alternative text, which PowerPoint's accessibility checker asks for and a screen reader reads."""
    shape._element.xpath("./*[1]/p:cNvPr")[0].set("descr", text)  # type: ignore[attr-defined]


def link_to(shape: BaseShape, slide: Slide) -> None:
    """A click on ``shape`` in a slide show goes to ``slide``."""
    shape.click_action.target_slide = slide  # type: ignore[attr-defined]


__all__ = ["BOTTOM", "LEFT", "RIGHT", "Run", "TOP", "connector", "describe", "dotted_line", "emu", "end_site", "link_to", "rgb",
           "role_box", "site", "text_box", "unstyled", "write_text"]
