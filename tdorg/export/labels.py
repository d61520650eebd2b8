"""Node labels as Graphviz HTML-like labels, with every piece of text escaped.

Text from the chart (titles, names) goes through :func:`text`, which folds
whitespace, drops control characters and escapes ``& < > " '`` so a label can
neither close early nor be read as markup. Backslashes are doubled, because
Graphviz expands ``\\N``-style sequences even in HTML-like labels; braces and
``|`` mean nothing there and are shown as typed.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from ..model.role import Role
from ..model.rules.base import Severity
from ..model.vocab import CATEGORIES, label as vocab_label
from . import style
from .fonts import advances

# C0/C1 controls (whitespace is folded separately) and the XML non-characters.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def clean(value: str) -> str:
    """One line of printable text: whitespace runs become one space."""
    return " ".join(_UNPRINTABLE.sub("", value).split())


def _escape(line: str) -> str:
    return html.escape(line, quote=True).replace("\\", "\\\\")


def text(value: str) -> str:
    """Clean and escape text for an HTML-like label.

    Graphviz still expands ``\\N``, ``\\G`` and the like inside HTML-like
    labels (after reading entities), so every backslash is doubled.
    """
    return _escape(clean(value))


#: Kinds of text in a box: (font for measuring, size in points).
TITLE = (style.MEASURE_FONT_BOLD, style.TITLE_SIZE)
PERSON = (style.MEASURE_FONT, style.PERSON_SIZE)
META = (style.MEASURE_FONT, style.META_SIZE)


@lru_cache(maxsize=4)
def _advances(face: str) -> dict[str, float]:
    """Advance widths (per 1,000 units of size) of the Latin-1 characters of a shipped font file."""
    return advances(face)


def _other_advance(ch: str) -> float:
    """Width assumed outside Latin-1: full width for CJK and beyond, a wide average otherwise."""
    return 1000.0 if ch >= "\u2e80" else 650.0


def _width(text_: str, kind: tuple[str, float]) -> float:
    advances = _advances(kind[0])
    try:
        total = sum(map(advances.__getitem__, text_))
    except KeyError:  # beyond Latin-1
        total = sum(advances[ch] if ch in advances else _other_advance(ch) for ch in text_)
    return total * kind[1] / 1000


#: Texts whose wrapping and markup are kept: the titles and people of a chart of 20,000 roles and more, so that
#: an export that measures every label and then writes each (box_size, then the pages) finds them all again.
_KEPT = 65536


@lru_cache(maxsize=_KEPT)
def wrap(value: str, kind: tuple[str, float] = TITLE, width: float = style.TEXT_WIDTH) -> tuple[str, ...]:
    """Clean text broken into lines at most ``width`` points wide, at spaces when possible."""
    cleaned = clean(value)
    if _width(cleaned, kind) <= width:
        return (cleaned,)
    space = _width(" ", kind)
    lines: list[str] = []
    current, current_width = "", 0.0
    for word in cleaned.split(" "):
        word_width = _width(word, kind)
        if word_width > width:  # a word longer than a line is broken into line-wide pieces
            if current:
                lines.append(current)
                current, current_width = "", 0.0
            start = 0
            while word_width > width:
                end, piece_width = _fit(word, kind, width, start)
                lines.append(word[start:end])
                word_width -= piece_width
                start = end
            word = word[start:]
        if not current:
            current, current_width = word, word_width
        elif current_width + space + word_width <= width:
            current += " " + word
            current_width += space + word_width
        else:
            lines.append(current)
            current, current_width = word, word_width
    if current or not lines:
        lines.append(current)
    return tuple(lines)


def _fit(word: str, kind: tuple[str, float], width: float, start: int) -> tuple[int, float]:
    """Where the piece of ``word`` from ``start`` that fits in ``width`` ends (at least one character), and its width."""
    advances, scale = _advances(kind[0]), kind[1] / 1000
    used, end = 0.0, start
    while end < len(word):
        advance = advances.get(word[end])
        step = (advance if advance is not None else _other_advance(word[end])) * scale
        if used + step > width and end > start:
            break
        used += step
        end += 1
    return end, used


@lru_cache(maxsize=_KEPT)
def _markup(value: str, kind: tuple[str, float]) -> str:
    """Wrapped, escaped lines joined with line breaks."""
    return "<BR/>".join(_escape(line) for line in wrap(value, kind))


def label_height(role: Role) -> float:
    """Height in points the label of a role's box needs: its lines, with the padding of its cells."""
    return _label_height(role.title, None if role.vacant else role.person)


@lru_cache(maxsize=_KEPT)
def _label_height(title: str, person: str | None) -> float:
    """:func:`label_height` of a role titled ``title`` held by ``person`` (None: vacant)."""
    lines = 1 if person is None else len(wrap(person, PERSON)) if person.strip() else 0
    rows = 3 if lines else 2
    text_height = len(wrap(title, TITLE)) * style.TITLE_LINE_HEIGHT + lines * style.PERSON_LINE_HEIGHT + style.META_LINE_HEIGHT
    return text_height + 2 * rows + 2 * style.BOX_TEXT_PADDING


def _fte(value: float) -> str:
    return f"{value:g} FTE"


def meta_line(role: Role) -> str:
    """Category, FTE and employment, e.g. ``Network · 0.5 FTE · Contractor``."""
    return " · ".join(part for part in (_category(role.category), _terms(role.fte, role.employment)) if part)


def _category(category: str) -> str:
    return vocab_label(CATEGORIES, category)


@lru_cache(maxsize=1024)
def _terms(fte: float, employment: str) -> str:
    """FTE when below full time and employment when not staff, e.g. ``0.5 FTE · Shared``."""
    parts = []
    if abs(fte - 1.0) > 1e-9:
        parts.append(_fte(fte))
    if employment != "staff":
        parts.append(employment.capitalize())
    return " · ".join(parts)


def badge(counts: dict[Severity, int]) -> tuple[Severity, int] | None:
    """The worst severity among a role's findings and how many findings name it."""
    present = [s for s, n in counts.items() if n]
    if not present:
        return None
    return max(present), sum(counts.values())


def _font(size: float, colour: str, body: str) -> str:
    """Text in a size and colour; Graphviz refuses an empty FONT element, so none for no text."""
    return f'<FONT POINT-SIZE="{size:g}" COLOR="{colour}">{body}</FONT>' if body else ""


@lru_cache(maxsize=256)
def _frame(category: str, box: tuple[float, float]) -> tuple[str, str]:
    """The parts of a label around its text: one cell whose left border is the category strip.

    Its sizes are minimums, never fixed: text larger than the box spills over
    its edge instead of making Graphviz fail. The cell stays clear of the
    box's rounded corners.
    """
    width, height = box
    head = (
        '<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
        f'<TD BORDER="{style.STRIP_WIDTH:g}" SIDES="L" COLOR="{style.colour_for(category)}" '
        f'WIDTH="{width - 4:g}" HEIGHT="{height - 2 * style.CORNER_CLEARANCE:g}" '
        f'CELLPADDING="{style.BOX_TEXT_PADDING:g}" VALIGN="MIDDLE">'
        '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="1">'
    )
    return head, "</TABLE></TD></TR></TABLE>>"


def role_label(role: Role, counts: dict[Severity, int] | None = None, box: tuple[float, float] = (200.0, 72.0)) -> str:
    """The HTML-like label inside a role's box of ``box`` points (returned with its outer ``< >``)."""
    head, tail = _frame(role.category, box)
    mark = badge(counts) if counts else None
    span = ' COLSPAN="3"' if mark else ' COLSPAN="2"'
    rows = [
        f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"{span}>'
        f"{_font(style.TITLE_SIZE, style.TEXT_COLOUR, '<B>' + _markup(role.title, TITLE) + '</B>')}</TD></TR>"
    ]
    if role.vacant:
        rows.append(f'<TR><TD ALIGN="LEFT"{span}>{_font(style.PERSON_SIZE, style.VACANT_BORDER, "<I>Vacant</I>")}</TD></TR>')
    elif role.person.strip():
        person = _markup(role.person, PERSON)
        rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"{span}>{_font(style.PERSON_SIZE, style.MUTED_COLOUR, person)}</TD></TR>')
    colour = style.colour_for(role.category)
    footer = (
        f'<TD ALIGN="LEFT">{_font(style.META_SIZE, colour, _escape(_category(role.category)))}</TD>'
        f'<TD ALIGN="RIGHT">{_font(style.META_SIZE, style.MUTED_COLOUR, _escape(_terms(role.fte, role.employment)))}</TD>'
    )
    if mark is not None:
        severity, count = mark
        footer += (
            f'<TD FIXEDSIZE="TRUE" WIDTH="20" HEIGHT="13" BGCOLOR="{style.SEVERITY_COLOURS[severity]}" STYLE="ROUNDED">'
            f'{_font(style.META_SIZE, "#FFFFFF", f"<B>{count if count < 100 else 99}</B>")}</TD>'
        )
    rows.append(f"<TR>{footer}</TR>")
    return head + "".join(rows) + tail


__all__ = ["badge", "clean", "label_height", "meta_line", "role_label", "text", "wrap"]
