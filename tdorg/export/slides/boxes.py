"""The chart's shapes on a slide: role boxes and the connectors glued to them, written as PresentationML.

Every role is a rounded rectangle holding its title, its person (or
"Vacant") and its category line as text, with alternative text for screen
readers; every reporting line is an elbow connector glued to the manager's
bottom and to the report's top or side, so that PowerPoint keeps it attached
when a box is moved. A connector follows the route of tdorg's layout
(:meth:`tdorg.model.layout.Layout.route`): a preset ``bentConnectorN``
turned so that it leaves the manager downwards, its adjust values placing
the bus and the spine (see :func:`bent_geometry`).

The shapes are written as the XML python-pptx itself would read back, in one
piece each: going through python-pptx's object layer for each property takes
most of an export's time. Lengths are EMU (12,700 to the point).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence
from xml.sax.saxutils import escape, quoteattr

from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls

from ...model.role import Role
from .. import labels, style
from .shapes import INSETS, Run, emu

if TYPE_CHECKING:
    from pptx.slide import Slide

Rect = tuple[int, int, int, int]  # left, top, width, height
Point = tuple[int, int]
#: Connection sites of a rectangle, counter-clockwise from the top.
TOP, LEFT, BOTTOM, RIGHT = 0, 1, 2, 3
#: The corner radius of a box, as a share of the shorter side at full size (6 pt on the 64 pt box).
CORNER = 0.09
LINE_WIDTH = 1.25
DOTTED_WIDTH = 1.0
_NS = nsdecls("a", "p")


def site(rect: Rect, index: int) -> Point:
    """Where connection site ``index`` of a rectangle is (as PowerPoint and python-pptx glue to it)."""
    x, y, cx, cy = rect
    return {TOP: (int(x + cx / 2), y), LEFT: (x, int(y + cy / 2)), BOTTOM: (int(x + cx / 2), y + cy),
            RIGHT: (x + cx, int(y + cy / 2))}[index]


@dataclass(frozen=True)
class Geometry:
    """A connector's preset, transform and adjust values."""

    preset: str
    off: Point
    ext: Point
    rot: int = 0  # 60,000ths of a degree, clockwise
    flip_h: bool = False
    flip_v: bool = False
    guides: tuple[tuple[str, int], ...] = ()


def simplify(points: Sequence[Point]) -> list[Point]:
    """The corners of an orthogonal polyline: repeated points and straight-through points dropped."""
    out: list[Point] = []
    for p in points:
        if out and p == out[-1]:
            continue
        if len(out) >= 2 and (out[-2][0] == out[-1][0] == p[0] or out[-2][1] == out[-1][1] == p[1]):
            out[-1] = p
        else:
            out.append(p)
    return out


def end_site(points: Sequence[Point]) -> int:
    """The connection site a route ends at: the top when it comes down, else the side it enters."""
    (ax, ay), (bx, by) = points[-2], points[-1]
    if ax == bx:
        return TOP if by > ay else BOTTOM
    return LEFT if bx > ax else RIGHT


def straight_geometry(begin: Point, end: Point) -> Geometry:
    (sx, sy), (ex, ey) = begin, end
    return Geometry("straightConnector1", (min(sx, ex), min(sy, ey)), (abs(ex - sx), abs(ey - sy)),
                    flip_h=ex < sx, flip_v=ey < sy)


def bent_geometry(points: Sequence[Point]) -> Geometry:
    """An elbow connector along ``points`` (3 to 5 corners), whose first segment goes down.

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
    guides = []
    if len(points) >= 4:  # the bus: the height of the first horizontal segment
        guides.append(("adj1", _share(points[1][1] - top, tall)))
    if len(points) == 5:  # the spine: the x of the second vertical segment
        spine = points[2][0]
        guides.append(("adj2", _share(spine - left if east else left + wide - spine, wide)))
    # The unturned box has the route's height as width and its width as height, about the same centre.
    return Geometry(f"bentConnector{len(points) - 1}", (left + (wide - tall) // 2, top + (tall - wide) // 2),
                    (tall, wide), rot=(270 if east else 90) * 60000, flip_h=east, guides=tuple(guides))


def _share(part: int, whole: int) -> int:
    return int(round(part * 100000 / whole)) if whole else 0


def _runs_xml(runs: Sequence[Run]) -> str:
    out = []
    for run in runs:
        text = labels.clean(run.text)
        if text:
            out.append(
                f'<a:r><a:rPr lang="en-US" sz="{int(round(run.size * 10)) * 10}" b="{int(run.bold)}" '
                f'i="{int(run.italic)}" dirty="0"><a:solidFill><a:srgbClr val="{run.colour.lstrip("#")}"/>'
                f'</a:solidFill><a:latin typeface="{style.FONT}"/></a:rPr><a:t>{escape(text)}</a:t></a:r>')
    return "".join(out)


def _line_xml(colour: str, width: float, dashed: bool = False, arrow: bool = False) -> str:
    return (f'<a:ln w="{emu(width)}"><a:solidFill><a:srgbClr val="{colour.lstrip("#")}"/></a:solidFill>'
            + ('<a:prstDash val="dash"/>' if dashed else "")
            + ('<a:tailEnd type="triangle" w="sm" len="sm"/>' if arrow else "") + "</a:ln>")


class ShapeWriter:
    """Appends the chart's shapes to a slide's shape tree, numbering them after those already there."""

    def __init__(self, slide: Slide) -> None:
        self.tree = slide.shapes.element
        self.next_id = max((shape.shape_id for shape in slide.shapes), default=1) + 1

    def _append(self, xml: str) -> int:
        number = self.next_id
        self.next_id += 1
        self.tree.append(parse_xml(xml.replace("{id}", str(number), 1)))
        return number

    def role_box(self, role: Role, rect: Rect, scale: float, alt: str) -> int:
        """The rounded box of ``role`` at ``rect``, its text at the export's sizes times ``scale``; its id."""
        x, y, cx, cy = rect
        colour = style.colour_for(role.category)
        paragraphs = [[Run(role.title, style.TITLE_SIZE * scale, bold=True)]]
        if role.vacant:
            paragraphs.append([Run("Vacant", style.PERSON_SIZE * scale, style.VACANT_BORDER, italic=True)])
        elif role.person.strip():
            paragraphs.append([Run(role.person, style.PERSON_SIZE * scale, style.MUTED_COLOUR)])
        paragraphs.append([Run(labels.meta_line(role), style.META_SIZE * scale, colour)])
        body = "".join(f'<a:p><a:pPr algn="l"/>{_runs_xml(runs)}</a:p>' for runs in paragraphs)
        left, top, right, bottom = (emu(i * scale) for i in INSETS)
        corner = int(round(CORNER * style.MIN_BOX_HEIGHT * scale * 12700 / min(cx, cy) * 100000))
        fill = style.VACANT_FILL if role.vacant else style.BOX_FILL
        border = _line_xml(style.VACANT_BORDER if role.vacant else colour, max(0.75, 1.5 * scale), dashed=role.vacant)
        return self._append(
            f'<p:sp {_NS}><p:nvSpPr><p:cNvPr id="{{id}}" name={quoteattr(labels.clean(role.title) or "Role")} '
            f'descr={quoteattr(alt)}/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
            f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            f'<a:prstGeom prst="roundRect"><a:avLst><a:gd name="adj" fmla="val {corner}"/></a:avLst></a:prstGeom>'
            f'<a:solidFill><a:srgbClr val="{fill.lstrip("#")}"/></a:solidFill>{border}</p:spPr>'
            f'<p:txBody><a:bodyPr wrap="square" lIns="{left}" tIns="{top}" rIns="{right}" bIns="{bottom}" '
            f'rtlCol="0" anchor="ctr"><a:noAutofit/></a:bodyPr><a:lstStyle/>{body}</p:txBody></p:sp>'
        )

    def _connector(self, name: str, geometry: Geometry, begin: tuple[int, int], end: tuple[int, int],
                   line: str) -> int:
        g = geometry
        turn = f' rot="{g.rot}"' if g.rot else ""
        flips = (' flipH="1"' if g.flip_h else "") + (' flipV="1"' if g.flip_v else "")
        guides = "".join(f'<a:gd name="{n}" fmla="val {v}"/>' for n, v in g.guides)
        return self._append(
            f'<p:cxnSp {_NS}><p:nvCxnSpPr><p:cNvPr id="{{id}}" name="{name}"/><p:cNvCxnSpPr>'
            f'<a:stCxn id="{begin[0]}" idx="{begin[1]}"/><a:endCxn id="{end[0]}" idx="{end[1]}"/></p:cNvCxnSpPr>'
            f'<p:nvPr/></p:nvCxnSpPr><p:spPr><a:xfrm{turn}{flips}><a:off x="{g.off[0]}" y="{g.off[1]}"/>'
            f'<a:ext cx="{g.ext[0]}" cy="{g.ext[1]}"/></a:xfrm><a:prstGeom prst="{g.preset}"><a:avLst>{guides}'
            f'</a:avLst></a:prstGeom>{line}</p:spPr></p:cxnSp>'
        )

    def connector(self, manager: tuple[int, Rect], report: tuple[int, Rect], route: Sequence[Point]) -> int:
        """A reporting line from the manager's bottom to the report along ``route`` (leaving downwards),
        its ends on the boxes' connection sites; ``manager`` and ``report`` are (id, rect)."""
        points = simplify(route)
        end = end_site(points)
        points[0] = site(manager[1], BOTTOM)
        points[1] = (points[0][0], points[1][1])
        points[-1] = site(report[1], end)
        before = points[-2]
        points[-2] = (points[-1][0], before[1]) if end in (TOP, BOTTOM) else (before[0], points[-1][1])
        geometry = straight_geometry(points[0], points[1]) if len(points) == 2 else bent_geometry(points)
        return self._connector("Reporting line", geometry, (manager[0], BOTTOM), (report[0], end),
                               _line_xml(style.EDGE_COLOUR, LINE_WIDTH))

    def dotted_line(self, role: tuple[int, Rect], manager: tuple[int, Rect]) -> int:
        """A dashed straight line with an arrow from a role to its dotted-line manager, glued to the
        sides that face each other."""
        (_, (rx, ry, rw, rh)), (_, (mx, my, mw, mh)) = role, manager
        dx, dy = (mx + mw / 2) - (rx + rw / 2), (my + mh / 2) - (ry + rh / 2)
        if abs(dy) * rw >= abs(dx) * rh:
            start, end = (TOP, BOTTOM) if dy < 0 else (BOTTOM, TOP)
        else:
            start, end = (LEFT, RIGHT) if dx < 0 else (RIGHT, LEFT)
        geometry = straight_geometry(site(role[1], start), site(manager[1], end))
        return self._connector("Dotted line", geometry, (role[0], start), (manager[0], end),
                               _line_xml(style.DOTTED_COLOUR, DOTTED_WIDTH, dashed=True, arrow=True))


__all__ = ["BOTTOM", "LEFT", "RIGHT", "TOP", "Geometry", "ShapeWriter", "bent_geometry", "end_site", "simplify",
           "site", "straight_geometry"]
