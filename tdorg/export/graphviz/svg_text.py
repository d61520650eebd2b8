"""The text of Graphviz's SVGs: the lines of tdorg's labels taken out, for a composer to set, or left out.

Also the SVG's frame as Graphviz writes it (its size and viewBox, and the
graph's translate), which places those lines and the drawings.
"""

from __future__ import annotations

import html
import re
from typing import Iterable

from .label_layout import Line as PlacedLine

#: The SVG's size and viewBox, and the graph's scale and translate, as Graphviz writes them.
SIZE = re.compile(rb'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"\s+viewBox="([-0-9. ]+)"')
TRANSLATE = re.compile(
    rb'<g id="graph0" class="graph" transform="scale\(([0-9.]+) \1\) rotate\(0\) translate\(([-0-9.]+) ([-0-9.]+)\)">'
)

#: One line of a label as Graphviz writes it in SVG (its text escaped, so holding no ``<``).
_TEXT = re.compile(rb'<text [^>]*>[^<]*</text>\n')
#: A line as Graphviz writes those of tdorg's labels: anchored at its start, in one family, perhaps bold or
#: italic, its colour in hex (none for black); its x, y, bold, italic, size, colour and text.
_LINE = re.compile(
    rb'<text xml:space="preserve" text-anchor="start" x="(-?[0-9.]+)" y="(-?[0-9.]+)" font-family="[^"]*"'
    rb'( font-weight="bold")?( font-style="italic")? font-size="([0-9.]+)"(?: fill="(#[0-9a-f]{6})")?>'
    rb'([^<]*)</text>\n'
)


def without_text(svg: bytes) -> bytes:
    """A Graphviz SVG with the lines of its labels left out: its boxes, lines and badges alone."""
    return _TEXT.sub(b"", svg)


#: How _LINE finds a line's weight and slant.
_BOLD, _ITALIC = b' font-weight="bold"', b' font-style="italic"'
#: Bounds of a line's glyphs around where its baseline starts, in ems of its size, wider than any glyph of
#: the shipped fonts: above and below the baseline, left of its start, and each character's advance.
_ABOVE, _BELOW, _BEFORE, _ADVANCE = 1.2, 0.4, 0.3, 1.2


def take_text(svg: bytes, width: float, height: float | None = None,
              placed: Iterable[PlacedLine] = ()) -> tuple[bytes, dict[str, list]]:
    """A Graphviz SVG without the lines of its labels, and those lines as they print when the drawing is
    ``width`` points wide, for a composer to set as text of its own over it. Only lines written the way
    Graphviz writes tdorg's labels (:data:`_LINE`), in the frame it draws charts in (not rotated), are
    taken out; any other text stays in the SVG. Given the drawing's ``height``, the lines that would print
    wholly outside it (a poster sheet's, of boxes reaching over its edge: the composer clips them) are
    left out.

    The lines are ``{"styles": [[size, bold, italic, colour], ...], "lines": [[x, y, style, text], ...]}``:
    each line's text, where its baseline starts, in points from the drawing's top left, and the index of
    its style among the drawing's few (size in points, bold, italic, colour as Graphviz drew it), so a
    composer makes each style once, not once a line.

    ``placed`` are lines of labels Graphviz drew without their text (:attr:`Drawing.placed`), as its SVG
    would have had them; they are given as the SVG's own lines, after them.
    """
    size, move = SIZE.search(svg), TRANSLATE.search(svg)
    styles: dict[tuple, int] = {}  # a line's size, weight, slant and colour as Graphviz wrote them → its style
    ems: list[float] = []  # each style's size in printed points
    lines: list[list] = []
    if size is None or move is None:
        return svg, {"styles": [], "lines": lines}
    vx, vy, vw, _ = (float(v) for v in size.group(3).split())
    scale, tx, ty = float(move.group(1)), float(move.group(2)), float(move.group(3))
    unit = (width / vw if vw else 1.0) * scale  # printed points per unit of the drawing's paths
    ox, oy = (tx - vx / scale) * unit, (ty - vy / scale) * unit

    def add(x: float, y: float, look: tuple, text: str) -> None:
        kind = styles.get(look)
        if kind is None:
            kind = styles[look] = len(styles)
            ems.append(float(look[0]) * unit)
        at, base, em = x * unit + ox, y * unit + oy, ems[kind]
        if height is not None and (base - _ABOVE * em > height or base + _BELOW * em < 0 or at - _BEFORE * em > width
                                   or at + _ADVANCE * em * len(text) < 0):
            return
        lines.append([round(at, 2), round(base, 2), kind, text])

    def take(found: re.Match) -> bytes:
        x, y, bold, italic, font, colour, text = found.groups()
        words = text.decode("utf-8")
        add(float(x), float(y), (font, bold, italic, colour), html.unescape(words) if "&" in words else words)
        return b""

    rest = _LINE.sub(take, svg)
    looks: dict[tuple, tuple] = {}  # a placed line's look → the same in the SVG's own terms, so they share its styles
    for line in placed:
        look = looks.get(line.look)
        if look is None:
            size_, bold_, italic_, colour_ = line.look
            look = looks[line.look] = (b"%.2f" % size_, _BOLD if bold_ else None, _ITALIC if italic_ else None,
                                       None if colour_ == "#000000" else colour_.encode())
        add(line.x, line.y, look, line.text)
    return rest, {"styles": [[round(em, 3), bold is not None, italic is not None, (colour or b"#000000").decode()]
                             for em, (_, bold, italic, colour) in zip(ems, styles)], "lines": lines}


__all__ = ["SIZE", "TRANSLATE", "take_text", "without_text"]
