"""Text on slides, and the helpers every slide's shapes share: lengths, colours, links.

Text is written through python-pptx's text frames, each run in its own size,
colour and weight, cleaned of control characters first. Lengths here are EMU
(English Metric Units, 12,700 to the point).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from .. import labels, style

if TYPE_CHECKING:
    from pptx.shapes.autoshape import Shape
    from pptx.shapes.base import BaseShape
    from pptx.shapes.shapetree import SlideShapes
    from pptx.slide import Slide

EMU_PER_PT = 12700
FONT = style.FONT
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


def unstyled(shape: BaseShape) -> None:
    """Drop the theme style python-pptx gives a new shape (its shadow, its accent colours): every
    colour of a chart's shape is set on the shape itself."""
    element = shape._element  # type: ignore[attr-defined]
    theme_style = element.find(qn("p:style"))
    if theme_style is not None:
        element.remove(theme_style)


def link_to(shape: BaseShape, slide: Slide) -> None:
    """A click on ``shape`` in a slide show goes to ``slide``."""
    shape.click_action.target_slide = slide  # type: ignore[attr-defined]


__all__ = ["INSETS", "Run", "emu", "link_to", "rgb", "text_box", "unstyled", "write_text"]
