"""What the user chose for an export: format, layout, paper and time limit."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .errors import ExportOptionError
from .option_choices import (
    DEFAULT_MIN_TITLE_PT,
    DEFAULT_TIMEOUT,
    FITS,
    FORMATS,
    LAYOUTS,
    MIN_TITLE_PTS,
    ORIENTATIONS,
    PAGE_SIZES,
    POSTER_SCALES,
)


@dataclass(frozen=True)
class ExportOptions:
    """Choices for one export.

    ``page``, ``orientation`` and ``fit`` shape PDF output: ``fit="page"``
    scales the chart onto one sheet when its role titles still print at
    ``min_title_pt`` or more, and otherwise prints it as department pages
    (with the canvas layout); ``fit="poster"`` keeps it at reading size and
    tiles it over as many sheets as it needs; ``poster_scale``
    (percent, 25–100) shrinks the poster so that it takes fewer sheets. SVG
    and PNG hold the whole chart at its natural size. ``timeout`` bounds each
    Graphviz run. PowerPoint slides (``pptx``) are always drawn in the canvas
    layout, on department slides when needed, by the same ``min_title_pt`` rule.
    """

    format: str = "pdf"
    layout: str = "canvas"
    page: str = "letter"
    orientation: str = "landscape"
    fit: str = "page"
    badges: bool = False
    timeout: float = DEFAULT_TIMEOUT
    margin: float = 36.0
    overlap: float = 36.0
    png_dpi: float = 144.0
    poster_scale: float = 100.0
    min_title_pt: float = DEFAULT_MIN_TITLE_PT

    def __post_init__(self) -> None:
        _one_of("format", self.format, FORMATS)
        _one_of("layout", self.layout, LAYOUTS)
        _one_of("page", self.page, tuple(PAGE_SIZES))
        _one_of("orientation", self.orientation, ORIENTATIONS)
        _one_of("fit", self.fit, FITS)
        if not self.timeout > 0:
            raise ExportOptionError(f"The time limit must be more than 0 seconds; got {self.timeout!r}.")
        if self.margin < 0 or self.overlap < 0:
            raise ExportOptionError("Margins and overlap cannot be negative.")
        low, high = POSTER_SCALES
        if not low <= self.poster_scale <= high:
            raise ExportOptionError(
                f"The poster scale must be between {low}% and {high}%; got {self.poster_scale!r}."
            )
        low, high = MIN_TITLE_PTS
        if not low <= self.min_title_pt <= high:
            raise ExportOptionError(
                f"The smallest title size must be between {low:g} and {high:g} points; got {self.min_title_pt!r}."
            )
        if not self.png_dpi > 0:
            raise ExportOptionError(f"The PNG resolution must be more than 0 dots per inch; got {self.png_dpi!r}.")

    @property
    def page_size(self) -> tuple[float, float]:
        """Width and height of the sheet in points, after orientation."""
        w, h = PAGE_SIZES[self.page]
        return (max(w, h), min(w, h)) if self.orientation == "landscape" else (min(w, h), max(w, h))

    def with_changes(self, **changes: object) -> "ExportOptions":
        return replace(self, **changes)  # type: ignore[arg-type]

    @classmethod
    def for_path(cls, path: str | Path, **changes: object) -> "ExportOptions":
        """Options whose format follows the file's extension (``.pdf``, ``.svg``, ``.png``, ``.dot``/``.gv``,
        ``.pptx``)."""
        suffix = Path(path).suffix.lower().lstrip(".")
        fmt = "dot" if suffix == "gv" else suffix
        if fmt not in FORMATS:
            fmt = "pdf"
        return cls(format=fmt, **changes)  # type: ignore[arg-type]


def _one_of(name: str, value: object, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise ExportOptionError(f"Unknown {name} {value!r}; expected one of: {', '.join(allowed)}.")


__all__ = ["ExportOptions"]
