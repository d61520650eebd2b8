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


@lru_cache(maxsize=8192)
def wrap(value: str, width: int = style.TITLE_CHARS_PER_LINE) -> tuple[str, ...]:
    """Clean text broken into lines of about ``width`` characters, at spaces when possible."""
    cleaned = clean(value)
    if len(cleaned) <= width:
        return (cleaned,)
    lines: list[str] = []
    current = ""
    for word in cleaned.split(" "):
        while len(word) > width:  # a word longer than a line is broken
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current or not lines:
        lines.append(current)
    return tuple(lines)


@lru_cache(maxsize=8192)
def _markup(value: str, width: int) -> str:
    """Wrapped, escaped lines joined with line breaks."""
    return "<BR/>".join(_escape(line) for line in wrap(value, width))


def _person_lines(role: Role) -> tuple[str, ...]:
    if role.vacant:
        return ("Vacant",)
    return wrap(role.person, style.PERSON_CHARS_PER_LINE) if role.person.strip() else ()


def label_height(role: Role) -> float:
    """Height in points the text of a role's box needs."""
    return (
        len(wrap(role.title)) * style.TITLE_LINE_HEIGHT
        + len(_person_lines(role)) * style.PERSON_LINE_HEIGHT
        + len(wrap(meta_line(role), style.META_CHARS_PER_LINE)) * style.META_LINE_HEIGHT
    )


def _fte(value: float) -> str:
    return f"{value:g} FTE"


def meta_line(role: Role) -> str:
    """Category, FTE and employment, e.g. ``Network · 0.5 FTE · Contractor``."""
    return _meta(role.category, role.fte, role.employment)


@lru_cache(maxsize=1024)
def _meta(category: str, fte: float, employment: str) -> str:
    parts = [vocab_label(CATEGORIES, category)]
    if abs(fte - 1.0) > 1e-9:
        parts.append(_fte(fte))
    if employment != "staff":
        parts.append(employment.capitalize())
    return " · ".join(parts)


def badge(counts: dict[Severity, int]) -> tuple[Severity, str] | None:
    """The worst severity among a role's findings and its badge text, e.g. ``! 2``."""
    present = [s for s, n in counts.items() if n]
    if not present:
        return None
    worst = max(present)
    total = sum(counts.values())
    return worst, f"{style.SEVERITY_MARKS[worst]} {total}"


def role_label(role: Role, counts: dict[Severity, int] | None = None) -> str:
    """The HTML-like label of a role's box (returned with its outer ``< >``)."""
    colour = style.colour_for(role.category)
    title = _markup(role.title, style.TITLE_CHARS_PER_LINE)
    if role.vacant:
        person = "Vacant"
    else:
        person = _markup(role.person, style.PERSON_CHARS_PER_LINE) if role.person.strip() else ""
    if role.vacant:
        person, person_colour = f"<I>{person}</I>", style.VACANT_STROKE
    else:
        person_colour = style.TEXT_COLOUR
    mark = badge(counts) if counts else None
    meta_width = style.META_CHARS_PER_LINE - (8 if mark else 0)
    meta = _markup(meta_line(role), meta_width)
    span = ' COLSPAN="2"' if mark else ""
    rows = [
        f'<TR><TD{span}><FONT POINT-SIZE="{style.TITLE_SIZE:g}" COLOR="{style.TEXT_COLOUR}"><B>{title}</B></FONT></TD></TR>'
    ]
    if person:
        rows.append(
            f'<TR><TD{span}><FONT POINT-SIZE="{style.PERSON_SIZE:g}" COLOR="{person_colour}">{person}</FONT></TD></TR>'
        )
    meta_cell = f'<TD><FONT POINT-SIZE="{style.META_SIZE:g}" COLOR="{colour.stroke}">{meta}</FONT></TD>'
    if mark is not None:
        severity, mark_text = mark
        meta_cell += (
            f'<TD BGCOLOR="{style.SEVERITY_COLOURS[severity]}" STYLE="ROUNDED" FIXEDSIZE="TRUE" WIDTH="26" HEIGHT="12">'
            f'<FONT POINT-SIZE="{style.META_SIZE:g}" COLOR="#FFFFFF"><B>{text(mark_text)}</B></FONT></TD>'
        )
    rows.append(f"<TR>{meta_cell}</TR>")
    return '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">' + "".join(rows) + "</TABLE>>"


__all__ = ["badge", "clean", "meta_line", "role_label", "label_height", "text", "wrap"]
