"""Export: the chart as DOT, SVG, PNG or PDF through Graphviz, the board packet, and PowerPoint slides.

This package reads :mod:`tdorg.model` and never imports the GUI or the
command line. Failures raise :class:`ExportError` subclasses whose messages can
be shown to a user as they are; nothing half-written is left at the target.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy_imports import lazy_names

if TYPE_CHECKING:
    from .api import Progress, export_chart, export_packet
    from .run import ExportRun
    from .graphviz.dot import build_graph, chart_to_dot
    from .errors import (
        ExportCancelledError,
        ExportError,
        ExportOptionError,
        ExportTimeoutError,
        ExportWriteError,
        GraphvizFailedError,
        GraphvizMissingError,
        GraphvizOutputError,
    )
    from .graphviz.renderer import graphviz_available
    from .option_choices import FILE_FILTERS, FITS, FORMAT_LABELS, FORMATS, LAYOUTS, ORIENTATIONS, PAGE_SIZES
    from .options import ExportOptions

#: Where each public name lives; a name's module (and Graphviz, ReportLab, pypdf) loads on first use.
__getattr__ = lazy_names(__name__, {
    "api": ("Progress", "export_chart", "export_packet"),
    "run": ("ExportRun",),
    "graphviz.dot": ("build_graph", "chart_to_dot"),
    "errors": (
        "ExportCancelledError", "ExportError", "ExportOptionError", "ExportTimeoutError", "ExportWriteError",
        "GraphvizFailedError", "GraphvizMissingError", "GraphvizOutputError",
    ),
    "option_choices": ("FILE_FILTERS", "FITS", "FORMAT_LABELS", "FORMATS", "LAYOUTS", "ORIENTATIONS", "PAGE_SIZES"),
    "options": ("ExportOptions",),
    "graphviz.renderer": ("graphviz_available",),
})

__all__ = [
    "ExportCancelledError",
    "ExportError",
    "ExportOptionError",
    "ExportOptions",
    "ExportRun",
    "ExportTimeoutError",
    "ExportWriteError",
    "FILE_FILTERS",
    "FITS",
    "FORMAT_LABELS",
    "FORMATS",
    "GraphvizFailedError",
    "GraphvizMissingError",
    "GraphvizOutputError",
    "LAYOUTS",
    "ORIENTATIONS",
    "PAGE_SIZES",
    "Progress",
    "build_graph",
    "chart_to_dot",
    "export_chart",
    "export_packet",
    "graphviz_available",
]
