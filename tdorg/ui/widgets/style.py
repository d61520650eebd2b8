"""Colours, fonts and icons: one place for the look of the editor."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from tdorg import resource_path

# The palette is the exported charts' own, so the screen and the PDF agree.
from tdorg.export.style import (
    BOX_BORDER,
    BOX_FILL,
    CATEGORY_COLOURS,
    SEVERITY_COLOURS,
    VACANT_BORDER,
    VACANT_FILL,
)
from tdorg.export.style import DOTTED_COLOUR as DOTTED_LINE
from tdorg.export.style import EDGE_COLOUR as MANAGER_LINE
from tdorg.export.style import MUTED_COLOUR as TEXT_MUTED
from tdorg.export.style import TEXT_COLOUR as TEXT
from tdorg.model.rules.base import Severity

SEVERITY_TITLES: dict[Severity, str] = {
    Severity.ERROR: "Errors",
    Severity.WARNING: "Warnings",
    Severity.INFO: "Information",
}

# Canvas colours.
CANVAS_BACKGROUND = "#F1F5F9"
SELECTION = "#2563EB"
ACCEPT = "#16A34A"
REFUSE = "#DC2626"
FIELD_ERROR = "#B91C1C"

#: Compare view: (outline, fill) of boxes added, removed, and otherwise changed.
MARK_COLOURS: dict[str, tuple[str, str]] = {
    "added": ("#16A34A", "#DCFCE7"),
    "removed": ("#DC2626", "#FEE2E2"),
    "changed": ("#D97706", "#FEF3C7"),
}
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
    return QColor(CATEGORY_COLOURS.get(category, CATEGORY_COLOURS["other"]))


def severity_colour(severity: Severity) -> QColor:
    return QColor(SEVERITY_COLOURS[severity])


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
    painter.setPen(QColor("white"))
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


def ui_font() -> QFont:
    """The application font: a clear sans serif at a comfortable size."""
    font = QFont()
    font.setFamilies(["Inter", "Segoe UI", "Helvetica Neue", "Liberation Sans", "DejaVu Sans"])
    font.setPointSizeF(10.0)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font


STYLESHEET = f"""
QMainWindow::separator {{ background: #E2E8F0; width: 1px; height: 1px; }}
QDockWidget {{ font-weight: 600; }}
QDockWidget::title {{ background: #F8FAFC; padding: 6px 8px; border-bottom: 1px solid #E2E8F0; }}
QToolBar {{ background: #F8FAFC; border: none; border-bottom: 1px solid #E2E8F0; spacing: 2px; padding: 3px; }}
QToolBar QToolButton {{ padding: 4px 6px; border-radius: 4px; }}
QToolBar QToolButton:hover {{ background: #E2E8F0; }}
QToolBar QToolButton:checked {{ background: #DBEAFE; }}
QStatusBar {{ background: #F8FAFC; border-top: 1px solid #E2E8F0; }}
QLabel[role="field-error"] {{ color: {FIELD_ERROR}; }}
QLabel[role="heading"] {{ font-weight: 600; color: {TEXT_MUTED}; padding-top: 6px; }}
QLabel[role="hint"] {{ color: {TEXT_MUTED}; }}
QLineEdit[invalid="true"], QDoubleSpinBox[invalid="true"] {{ border: 1px solid {FIELD_ERROR}; }}
"""
