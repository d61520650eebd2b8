"""The fonts tdorg prints with: DejaVu Sans (four faces) and Droid Sans Fallback for CJK, shipped in
``resources/fonts/`` with their licences, so a name prints the same on every computer.

Typst composes the PDF pages with these fonts only (system fonts are ignored;
the templates name the two families), Graphviz's drawings name the same family
(``style.FONT``) and labels are wrapped with its metrics. Nothing searches the
system's font folders.
"""

from __future__ import annotations

from pathlib import Path

from .. import resource_path


def font_dir() -> Path:
    """The folder of the shipped fonts."""
    return resource_path("fonts")


__all__ = ["font_dir"]
