"""The fonts tdorg prints with: DejaVu Sans (four faces) and Droid Sans Fallback for CJK, shipped in
``resources/fonts/`` with their licences, so a name prints the same on every computer.

Typst composes the PDF pages with these fonts only (system fonts are ignored),
Graphviz's drawings name the same family, and the ReportLab pages still in use
register them from the same folder. Nothing searches the system's font folders.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .. import resource_path

#: The family every export names; Typst falls back to :data:`FALLBACK` for letters DejaVu lacks.
FAMILY = "DejaVu Sans"
FALLBACK = "Droid Sans Fallback"

REGULAR = "TdorgSans"
BOLD = "TdorgSans-Bold"
ITALIC = "TdorgSans-Italic"
BOLD_ITALIC = "TdorgSans-BoldItalic"

_FACES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf")


def font_dir() -> Path:
    """The folder of the shipped fonts."""
    return resource_path("fonts")


@lru_cache(maxsize=1)
def register() -> str:
    """Register the four shipped faces with ReportLab once; returns the family name to use."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, face in zip((REGULAR, BOLD, ITALIC, BOLD_ITALIC), _FACES):
        pdfmetrics.registerFont(TTFont(name, str(font_dir() / face)))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
    return REGULAR


def bold() -> str:
    register()
    return BOLD


__all__ = ["FALLBACK", "FAMILY", "bold", "font_dir", "register"]
