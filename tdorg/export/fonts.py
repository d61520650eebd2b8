"""The fonts tdorg prints with: DejaVu Sans (four faces) and Droid Sans Fallback for CJK, shipped in
``resources/fonts/`` with their licences, so a name prints the same on every computer.

Typst composes the PDF pages with these fonts only (system fonts are ignored)
and Graphviz's drawings name the same family. Nothing searches the system's
font folders.
"""

from __future__ import annotations

from pathlib import Path

from .. import resource_path

#: The family every export names; Typst falls back to :data:`FALLBACK` for letters DejaVu lacks.
FAMILY = "DejaVu Sans"
FALLBACK = "Droid Sans Fallback"

#: The four faces of :data:`FAMILY`: regular, bold, oblique, bold oblique.
FACES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf")


def font_dir() -> Path:
    """The folder of the shipped fonts."""
    return resource_path("fonts")


__all__ = ["FACES", "FALLBACK", "FAMILY", "font_dir"]
