"""The choices an export offers (formats, layouts, paper, limits), as plain values: the command line's
``--help`` and the export dialog list them without loading the options' class."""

from __future__ import annotations

FORMATS = ("pdf", "svg", "png", "dot", "pptx")
#: What the export dialog calls each format, and the filter of its save dialog.
FORMAT_LABELS: dict[str, str] = {
    "pdf": "PDF document",
    "svg": "SVG drawing",
    "png": "PNG image",
    "dot": "Graphviz DOT source",
    "pptx": "PowerPoint slides",
}
FILE_FILTERS: dict[str, str] = {
    "pdf": "PDF (*.pdf)",
    "svg": "SVG (*.svg)",
    "png": "PNG (*.png)",
    "dot": "Graphviz DOT (*.dot)",
    "pptx": "PowerPoint (*.pptx)",
}
LAYOUTS = ("auto", "canvas")
FITS = ("page", "poster")
ORIENTATIONS = ("portrait", "landscape")

#: Paper sizes in points (width, height), portrait.
PAGE_SIZES: dict[str, tuple[float, float]] = {
    "letter": (612.0, 792.0),
    "legal": (612.0, 1008.0),
    "tabloid": (792.0, 1224.0),
    "a4": (595.28, 841.89),
    "a3": (841.89, 1190.55),
}

PAGE_LABELS: dict[str, str] = {
    "letter": "Letter",
    "legal": "Legal",
    "tabloid": "Tabloid",
    "a4": "A4",
    "a3": "A3",
}

DEFAULT_TIMEOUT = 120.0
#: The smallest size role titles may print at on a fitted page, in points: default and range.
DEFAULT_MIN_TITLE_PT = 8.0
MIN_TITLE_PTS = (6.0, 14.0)
#: A poster is printed at this share of reading size, in percent.
POSTER_SCALES = (25, 100)


__all__ = ["DEFAULT_MIN_TITLE_PT", "DEFAULT_TIMEOUT", "FILE_FILTERS", "FITS", "FORMATS", "FORMAT_LABELS", "LAYOUTS",
           "MIN_TITLE_PTS", "ORIENTATIONS", "PAGE_LABELS", "PAGE_SIZES", "POSTER_SCALES"]
