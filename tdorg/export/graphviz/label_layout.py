"""Where Graphviz puts the parts of a role's label, worked out as Graphviz works them out.

:func:`tdorg.export.labels.role_label` gives Graphviz an HTML-like table: a cell
whose left border is the category strip, holding a table of the title's lines,
the person's (or "Vacant"), and a footer of the category, the terms and perhaps
a finding badge. Laying out that table's text costs Graphviz most of a page's
drawing (its Pango text layout, once a line). :func:`placed_label` gives the same
drawing without Graphviz: the strip's and the badge's SVG elements as Graphviz
writes them, and every line of text with where its baseline starts, from the
line widths Graphviz's Pango measures (:mod:`.pango_widths`) and the steps of
Graphviz's own HTML table layout (``lib/common/htmltable.c``: ``size_html_txt``,
``size_html_cell``, ``set_cell_widths``, ``pos_html_tbl``, ``pos_html_cell``,
``emit_htextspans``; ``lib/common/shapes.c``: ``rounded_draw``), step for step
in the same floating-point order, so each number prints as Graphviz prints it.

Only labels whose text is all printable Latin-1 are placed here (:func:`placeable`),
and only where Graphviz's Pango opens (:func:`can_place`); others go to Graphviz
with their text, as before.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

from ...model.role import Role
from .. import labels, style
from .pango_widths import available, widths

#: Text this module places: printable Latin-1, which the family's fonts hold, so Pango uses no fallback font.
_PLACEABLE = re.compile("[ -\\[\\]-~\u00a0-\u00ac\u00ae-\u00ff]+")

#: The cells' padding and borders of the label (labels._frame and role_label).
_OUTER_BORDER, _OUTER_PAD, _INNER_PAD = int(style.STRIP_WIDTH), int(style.BOX_TEXT_PADDING), 1
_BADGE = (20.0, 13.0)  # the badge cell's fixed width and height


class Line(NamedTuple):
    """A line of a label as Graphviz's SVG has it: its start and baseline (the numbers it prints, y
    downwards), its look (size as printed, bold, italic, colour as printed) and its text."""

    x: float
    y: float
    look: tuple[float, bool, bool, str]
    text: str


class Placed(NamedTuple):
    """A label placed: the SVG elements Graphviz draws for it besides its text, and its lines."""

    svg: bytes
    lines: list[Line]


def can_place() -> bool:
    """Whether labels can be placed here at all: Graphviz's Pango can be opened to measure their lines."""
    return available(style.FONT)


def placeable(role: Role) -> bool:
    """Whether :func:`placed_label` can place the label of ``role`` (its text all printable Latin-1)."""
    person = role.person if not role.vacant else "Vacant"
    return all(_PLACEABLE.fullmatch(text) for text in (role.title, person or "x", labels.meta_line(role) or "x"))


def _number(value: float) -> str:
    """A number as Graphviz's SVG writer prints it (``gvprintdouble``): two decimals, no trailing zeros."""
    if -0.005 < value < 0.005:
        return "0"
    text = "%.2f" % value
    return text.rstrip("0").rstrip(".")


def _printed(value: float) -> float:
    """The number a reader of Graphviz's SVG finds for ``value``."""
    return float("%.2f" % value) if not -0.005 < value < 0.005 else 0.0


def _point(x: float, y: float) -> str:
    return f"{_number(x)},{_number(-y)}"


class _Text(NamedTuple):
    """A cell's text block as ``size_html_txt`` sizes it: its lines' widths, its size, each line's step
    down to its baseline, what the SVG writer adds to a baseline, the line's look and how it is aligned."""

    lines: tuple[str, ...]
    widths: tuple[float, ...]
    width: float
    height: float
    steps: tuple[float, ...]
    centerline: float
    look: tuple[float, bool, bool, str]
    just: str  # 'l' (BALIGN="LEFT") or 'n'


@lru_cache(maxsize=16384)
def _text(lines: tuple[str, ...], points: float, bold: bool, italic: bool, colour: str, just: str) -> _Text:
    size = float(int(points))  # Graphviz reads POINT-SIZE as a whole number
    measure = widths(style.FONT, size, bold, italic)
    each = tuple(measure(line) for line in lines)
    offset = 0.05 * size  # the plugin's yoffset_centerline
    steps = []
    if bold or italic:  # font flags: not "simple"; lines a font size apart
        ysize = curbline = 0.0
        for i in range(len(lines)):
            step = size - offset if i == 0 else size + ysize - curbline - offset
            steps.append(step)
            curbline += step
            ysize += size
        height = measure.height if len(lines) == 1 else ysize
        centerline = 1.0
    else:
        ysize = 0.0
        for i in range(len(lines)):
            steps.append(measure.baseline + offset if i == 0 else measure.height)
            ysize += measure.height
        height = measure.height if len(lines) == 1 else ysize
        centerline = offset
    width = 0.0
    for w in each:
        width = max(w, width)
    look = (size, bold, italic, colour.lower())
    return _Text(lines, each, width, height, tuple(steps), centerline, look, just)


_EMPTY = _Text((), (), 0.0, 0.0, (), 0.0, (0.0, False, False, ""), "n")


class _Cell(NamedTuple):
    text: _Text
    col: int
    span: int
    row: int
    align: str  # 'l', 'r' or 'c' (the cell's ALIGN)
    fixed: bool


def _cells(title: str, person: str | None, category: str, fte: float, employment: str,
           mark: tuple | None) -> tuple[tuple[_Cell, ...], tuple[_Shape, ...], str | None, str]:
    """The inner table's cells in Graphviz's order (``person`` None: vacant) and their shapes, the badge's fill
    colour (None: no badge) and the strip's, as Graphviz writes them."""
    span = 3 if mark else 2
    head = _title_cell(title, span)
    held = _person_cell(person, span)
    if held is not None:
        head += held
    footer, fill, strip = _footer(category, fte, employment, mark, len(head) // 2)
    cells, shapes = head[0::2] + footer[0::2], head[1::2] + footer[1::2]
    return cells, shapes, fill, strip


def _shaped(cell: _Cell) -> tuple[_Cell, _Shape]:
    """A cell and its shape, one after the other."""
    text = cell.text
    return cell, _Shape(text.width, text.height, cell.col, cell.span, cell.row, cell.align, cell.fixed,
                        len(text.lines))


@lru_cache(maxsize=16384)
def _title_cell(title: str, span: int) -> tuple[_Cell, _Shape]:
    """The title's cell, across ``span`` columns of the first row."""
    return _shaped(_Cell(_text(labels.wrap(title, labels.TITLE), style.TITLE_SIZE, True, False, style.TEXT_COLOUR, "l"),
                         0, span, 0, "l", False))


@lru_cache(maxsize=16384)
def _person_cell(person: str | None, span: int) -> tuple[_Cell, _Shape] | None:
    """The second row's cell: "Vacant" (``person`` None), the person's name, or none for a blank name."""
    if person is None:
        text = _text(("Vacant",), style.PERSON_SIZE, False, True, style.VACANT_BORDER, "n")
    elif person.strip():
        text = _text(labels.wrap(person, labels.PERSON), style.PERSON_SIZE, False, False, style.MUTED_COLOUR, "l")
    else:
        return None
    return _shaped(_Cell(text, 0, span, 1, "l", False))


@lru_cache(maxsize=1024)
def _footer(category: str, fte: float, employment: str, mark: tuple | None,
            row: int) -> tuple[tuple, str | None, str]:
    """The footer row's cells and shapes, one after the other (category, terms and perhaps the badge), the
    badge's fill colour (None: no badge) and the strip's."""
    colour = style.colour_for(category)
    name = labels._category(category)
    terms = labels._terms(fte, employment)
    cells = [_Cell(_text((name,), style.META_SIZE, False, False, colour, "n") if name else _EMPTY,
                   0, 1, row, "l", False),
             _Cell(_text((terms,), style.META_SIZE, False, False, style.MUTED_COLOUR, "n") if terms else _EMPTY,
                   1, 1, row, "r", False)]
    fill = None
    if mark is not None:
        severity, count = mark
        digits = str(count if count < 100 else 99)
        cells.append(_Cell(_text((digits,), style.META_SIZE, True, False, "#FFFFFF", "n"), 2, 1, row, "c", True))
        fill = style.SEVERITY_COLOURS[severity].lower()
    return sum(map(_shaped, cells), ()), fill, colour.lower()


def _spread(sizes: list[float], start: float, room: float, count: int, downwards: bool) -> list[float]:
    """``pos_html_tbl``'s start positions of columns (or rows, going down) given their sizes and the room."""
    extra = room / count
    plus = int(room - extra * count + 0.5) if room - extra * count >= 0 else int(room - extra * count - 0.5)
    out = []
    at = start
    for i, size in enumerate(sizes):
        step = size + extra + (1 if i < plus else 0)
        out.append(at)
        at = at - (step + 0.0) if downwards else at + (step + 0.0)
    return out


class _Frame(NamedTuple):
    """A label's parts relative to its node's centre: the outer cell's left, top and bottom, the badge cell's
    box (left, bottom, right, top; None without one) and each text block's centre and half size."""

    left: float
    top: float
    bottom: float
    badge: tuple[float, float, float, float] | None
    texts: tuple[tuple[int, float, float, float, float], ...]  # cell, centre x, half width, centre y, half height


class _Shape(NamedTuple):
    """What of a cell its place depends on: its text block's size, where it stands, how it aligns."""

    width: float
    height: float
    col: int
    span: int
    row: int
    align: str
    fixed: bool
    lines: int


@lru_cache(maxsize=4096)
def _frame(cells: tuple[_Shape, ...], ncols: int, box: tuple[float, float]) -> _Frame:
    """Where Graphviz puts the label's cells and text blocks, relative to the node's centre."""
    nrows = cells[-1].row + 1
    # size_html_cell: each cell's least size.
    least = []
    for cell in cells:
        if cell.fixed:
            least.append([_BADGE[0], _BADGE[1]])
        else:
            least.append([max(cell.width + 2 * _INNER_PAD, 0), max(cell.height + 2 * _INNER_PAD, 0)])
    # set_cell_widths and set_cell_heights.
    cols = [0.0] * (ncols + 1)
    for cell, size in zip(cells, least):
        if cell.span == 1:
            cols[cell.col] = max(cols[cell.col], size[0])
    for cell, size in zip(cells, least):
        if cell.span > 1:
            span_width = 0.0
            for j in range(cell.span):
                span_width += cols[cell.col + j]
            if span_width + 0.0 < size[0]:
                widen = (size[0] - 0.0 - span_width) / cell.span
                for j in range(cell.span):
                    cols[cell.col + j] += widen
    for cell, size in zip(cells, least):
        width = 0.0
        for j in range(cell.span):
            width += cols[cell.col + j]
        size[0] = max(size[0], width + 0.0)
    rows = [0.0] * (nrows + 1)
    for cell, size in zip(cells, least):
        rows[cell.row] = max(rows[cell.row], size[1])
    for cell, size in zip(cells, least):
        size[1] = max(size[1], rows[cell.row] + 0.0)
    inner_w, inner_h = 0.0, 0.0
    for i in range(ncols):
        inner_w += cols[i]
    for i in range(nrows):
        inner_h += rows[i]
    # The outer cell and table, centred on the node (make_html_label).
    margin = 2 * (_OUTER_PAD + _OUTER_BORDER)
    width = max(inner_w + margin, float(int(box[0] - 4)))
    height = max(inner_h + margin, float(int(box[1] - 2 * style.CORNER_CLEARANCE)))
    wd2, ht2 = width / 2, height / 2
    left, right = -wd2, -wd2 + width - 0.0
    top, bottom = ht2, ht2 - height + 0.0
    # pos_html_cell of the outer cell, then pos_html_tbl of the inner table.
    c_left, c_bottom = left + _OUTER_BORDER + _OUTER_PAD, bottom + _OUTER_BORDER + _OUTER_PAD
    c_right, c_top = right - _OUTER_BORDER - _OUTER_PAD, top - _OUTER_BORDER - _OUTER_PAD
    xs = _spread(cols, c_left + 0 + 0, max(c_right - c_left - inner_w, 0), ncols, False)
    ys = _spread(rows, c_top - 0 - 0, max(c_top - c_bottom - inner_h, 0), nrows, True)
    badge = None
    texts = []
    for i, (cell, size) in enumerate(zip(cells, least)):
        lx, rx, ty, by = xs[cell.col], xs[cell.col + cell.span] - 0.0, ys[cell.row], ys[cell.row + 1] + 0.0
        if cell.fixed:  # pos_html_cell centres a fixed cell in its room
            delx = rx - lx - size[0]
            if delx > 0:
                lx += delx / 2
                rx -= delx / 2
            dely = ty - by - size[1]
            if dely > 0:
                by += dely / 2
                ty -= dely / 2
            badge = (lx, by, rx, ty)
        bl, bb, br, bt = lx + 0 + _INNER_PAD, by + 0 + _INNER_PAD, rx - 0 - _INNER_PAD, ty - 0 - _INNER_PAD
        delx = br - bl - cell.width
        if delx > 0:
            if cell.align == "l":
                br -= delx
            elif cell.align == "r":
                bl += delx
            else:
                bl += delx / 2
                br -= delx / 2
        dely = bt - bb - cell.height
        if dely > 0:
            bb += dely / 2
            bt -= dely / 2
        if cell.lines:
            texts.append((i, (br + bl) / 2.0, (br - bl) / 2.0, (bt + bb) / 2.0, (bt - bb) / 2.0))
    return _Frame(left, top, bottom, badge, tuple(texts))


def placed_label(role: Role, counts: dict | None, box: tuple[float, float], cx: float, cy: float) -> Placed:
    """The label of ``role`` in a box of ``box`` points centred at Graphviz's ``(cx, cy)`` (y upwards)."""
    mark = labels.badge(counts) if counts else None
    cells, shapes, fill, strip = _cells(role.title, None if role.vacant else role.person, role.category, role.fte,
                                        role.employment, mark)
    frame = _frame(shapes, 3 if fill else 2, box)
    # The strip: the outer cell's left border (doBorder, BORDER_LEFT), inset by half its width.
    delta = _OUTER_BORDER / 2.0
    x = (frame.left + cx) + delta
    out = [f'<polyline fill="none" stroke="{strip}" stroke-width="{_OUTER_BORDER}" '
           f'points="{_point(x, (frame.top + cy) - delta)} {_point(x, (frame.bottom + cy) + delta)}"/>\n']
    lines: list[Line] = []
    for i, mid_x, half_x, mid_y, half_y in frame.texts:
        text = cells[i].text
        if cells[i].fixed:  # the badge's fill, drawn before its count
            lx, by, rx, ty = frame.badge
            out.append(_rounded(lx + cx, by + cy, rx + cx, ty + cy, fill))
        centre_x = cx + mid_x
        y = (cy + mid_y) + half_y
        for line, w, step in zip(text.lines, text.widths, text.steps):
            x = centre_x - half_x if text.just == "l" else centre_x - w / 2.0
            y -= step
            lines.append(Line(_printed(x), _printed(-(y + text.centerline)), text.look, line))
    return Placed("".join(out).encode(), lines)


def _rounded(x0: float, y0: float, x1: float, y1: float, fill: str | None) -> str:
    """A filled box with rounded corners as ``rounded_draw`` draws it (corners of a third of its shorter side)."""
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    radius = 12.0
    for i in range(4):
        (ax, ay), (bx, by) = corners[i], corners[(i + 1) % 4]
        radius = min(radius, math.hypot(bx - ax, by - ay) / 3.0)
    b = []
    for i in range(4):
        (ax, ay), (bx, by) = corners[i], corners[(i + 1) % 4]
        t = radius / math.hypot(bx - ax, by - ay)
        for s in (0.5 * t, t, 1.0 - t, 1.0 - 0.5 * t):
            b.append((ax + s * (bx - ax), ay + s * (by - ay)))
    pts = []
    for seg in range(4):
        pts += [b[4 * seg], b[4 * seg + 1], b[4 * seg + 1], b[4 * seg + 2], b[4 * seg + 2], b[4 * seg + 3]]
    pts += [pts[0], pts[1]]
    pts = pts[1:]
    path = "M" + _point(*pts[0]) + "C" + " ".join(_point(*p) for p in pts[1:])
    return f'<path fill="{fill}" stroke="none" stroke-width="{_OUTER_BORDER}" d="{path}"/>\n'


__all__ = ["Line", "Placed", "can_place", "placeable", "placed_label"]
