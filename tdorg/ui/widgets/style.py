"""Colours, fonts and icons: one place for the look of the editor."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap

from tdorg import resource_path
from tdorg.export.style import CATEGORY_COLOURS
from tdorg.model.rules.base import Severity

from .colour_scheme import BADGE_COLOURS, look, text_on

SEVERITY_TITLES: dict[Severity, str] = {
    Severity.ERROR: "Errors",
    Severity.WARNING: "Warnings",
    Severity.INFO: "Information",
}


def __getattr__(name: str) -> object:
    """The colour names (``TEXT``, ``TEXT_MUTED``, ``BOX_FILL``, ``MARK_COLOURS``…) of the scheme in use.

    They are read at each use, never kept: ``style.TEXT`` is the light or the
    dark text colour, as the scheme is now.
    """
    if name.isupper() and hasattr(look(), name.lower()):
        return getattr(look(), name.lower())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: The tag a marked box wears, per kind of change, in this order.
MARK_TAGS: dict[str, str] = {"added": "NEW", "removed": "REMOVED", "moved": "MOVED", "retitled": "RETITLED",
                             "fte": "FTE", "cost": "COST", "changed": "CHANGED"}


def mark_kind(kinds: frozenset[str] | set[str]) -> str:
    """The colour family of a box's changes: added, removed, or changed."""
    if "added" in kinds:
        return "added"
    if "removed" in kinds:
        return "removed"
    return "changed"


def category_colour(category: str) -> QColor:
    """The category's colour in this scheme: its boxes' strip and the text naming it on them."""
    return QColor(look().category(category))


def text_colour_on(colour: QColor, background: QColor) -> QColor:
    """``colour``, nudged if needed so text in it reads on ``background`` (WCAG AA)."""
    return QColor(text_on(colour.name(), background.name()))


def severity_colour(severity: Severity) -> QColor:
    """A finding badge's fill (white text on it, in either scheme)."""
    return QColor(BADGE_COLOURS[severity])


@lru_cache(maxsize=None)
def category_icon(category: str) -> QIcon:
    """The category's icon from ``resources/icons``; a colour swatch if missing."""
    path = resource_path("icons", f"{category}.svg")
    if path.is_file():
        icon = QIcon(str(path))
        if not icon.isNull():
            return icon
    return _swatch(category_colour(category))


@lru_cache(maxsize=None)
def app_icon() -> QIcon:
    path = resource_path("icons", "tdorg.svg")
    return QIcon(str(path)) if path.is_file() else _swatch(QColor(CATEGORY_COLOURS["it_leader"]))


@lru_cache(maxsize=None)
def severity_icon(severity: Severity) -> QIcon:
    pixmap = QPixmap(QSize(16, 16))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(severity_colour(severity))
    painter.drawEllipse(1, 1, 14, 14)
    painter.setPen(QColor(look().badge_text))
    font = QFont(ui_font())
    font.setBold(True)
    font.setPixelSize(11)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "i" if severity == Severity.INFO else "!")
    painter.end()
    return QIcon(pixmap)


def _swatch(colour: QColor) -> QIcon:
    pixmap = QPixmap(QSize(20, 20))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(1, 1, 18, 18, 4, 4)
    painter.end()
    return QIcon(pixmap)


def set_text_colour(label, colour: str) -> None:  # noqa: ANN001 - a QLabel
    """Give ``label``'s text ``colour`` through its palette (not a style sheet of its own: far cheaper to set)."""
    palette = label.palette()
    if palette.color(QPalette.ColorRole.WindowText) != QColor(colour):
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        label.setPalette(palette)


def ui_font() -> QFont:
    """The application font: a clear sans serif at a comfortable size."""
    font = QFont()
    font.setFamilies(["Inter", "Segoe UI", "Helvetica Neue", "Liberation Sans", "DejaVu Sans"])
    font.setPointSizeF(10.0)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font


def stylesheet() -> str:
    """The application's style sheet in the scheme's colours; widgets' own sheets use palette roles."""
    c = look()
    return f"""
QMainWindow::separator {{ background: {c.rule}; width: 1px; height: 1px; }}
QDockWidget {{ font-weight: 600; }}
QDockWidget::title {{ background: {c.chrome}; padding: 6px 8px; border-bottom: 1px solid {c.rule}; }}
QToolBar {{ background: {c.chrome}; border: none; border-bottom: 1px solid {c.rule}; spacing: 2px; padding: 3px; }}
QToolBar QToolButton {{ padding: 4px 6px; border-radius: 4px; }}
QToolBar QToolButton:hover {{ background: {c.hover}; }}
QToolBar QToolButton:checked {{ background: {c.checked}; }}
QStatusBar {{ background: {c.chrome}; border-top: 1px solid {c.rule}; }}
QLabel[role="field-error"] {{ color: {c.field_error}; }}
QLabel[role="heading"] {{ font-weight: 600; color: {c.text_muted}; padding-top: 6px; }}
QLabel[role="hint"] {{ color: {c.text_muted}; }}
QLineEdit[invalid="true"], QDoubleSpinBox[invalid="true"] {{ border: 1px solid {c.field_error}; }}
#propertiesBody, #metricsBody, #rulesBody {{ background: {c.panel}; }}
QWidget#metricRow[ruled="true"] {{ border-top: 1px solid {c.rule}; }}
QScrollArea#findingDetail {{ background: {c.chrome}; border-left: 1px solid {c.rule}; }}
QScrollArea#findingDetail QLabel {{ background: {c.chrome}; }}
QListWidget#rolePalette {{ background: palette(base); outline: none; }}
QListWidget#rolePalette::item {{ padding: 3px 4px; border-radius: 4px; }}
QListWidget#rolePalette::item:hover {{ background: {c.hover}; }}
QListWidget#rolePalette::item:selected {{ background: {c.checked}; color: {c.text}; }}
#findBar {{ background: palette(base); border: 1px solid {c.box_border}; border-radius: 6px; }}
#findBar QLineEdit {{ border: 1px solid {c.box_border}; border-radius: 4px; padding: 3px 6px; }}
#findBar QLineEdit[invalid="true"] {{ border-color: {c.field_error}; }}
#findBar QToolButton {{ border: none; border-radius: 4px; padding: 2px 6px; }}
#findBar QToolButton:hover {{ background: {c.hover}; }}
#compareHeading {{ background: {c.chrome}; border-bottom: 1px solid {c.rule}; }}
"""
