"""Unicode fonts for the PDF pages tdorg composes with ReportLab.

DejaVu Sans is used where the system has it (it covers nearly every script
a name may use); otherwise the Bitstream Vera fonts that ship with ReportLab.
Both are embedded, so text stays selectable and searchable.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

REGULAR = "TdorgSans"
BOLD = "TdorgSans-Bold"
ITALIC = "TdorgSans-Italic"
BOLD_ITALIC = "TdorgSans-BoldItalic"

_DEJAVU_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts/dejavu",
    "/usr/local/share/fonts",
    "/Library/Fonts",
    os.path.expanduser("~/Library/Fonts"),
)
_DEJAVU = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf")
_VERA = ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "VeraBI.ttf")


def _candidates() -> list[tuple[Path, ...]]:
    out = [tuple(Path(d) / name for name in _DEJAVU) for d in _DEJAVU_DIRS]
    import reportlab

    bundled = Path(reportlab.__file__).parent / "fonts"
    out.append(tuple(bundled / name for name in _VERA))
    return out


@lru_cache(maxsize=1)
def register() -> str:
    """Register the four faces once; returns the family name to use in styles."""
    for files in _candidates():
        if not all(f.is_file() for f in files):
            continue
        try:
            for name, path in zip((REGULAR, BOLD, ITALIC, BOLD_ITALIC), files):
                pdfmetrics.registerFont(TTFont(name, str(path)))
        except (TTFError, OSError):
            continue
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD_ITALIC)
        return REGULAR
    return "Helvetica"  # pragma: no cover - ReportLab always ships Vera


def bold() -> str:
    return BOLD if register() == REGULAR else "Helvetica-Bold"


__all__ = ["bold", "register"]
