"""The main window's first size: as designed where the screen has room, else a share of its free area, centred.

The docked panels take the designed share of what the window gets, so that
on a small screen (1280×800) the Properties and Metrics panels and the
canvas all stay inside it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

#: The size the window and its panels are laid out for.
DESIGNED = QSize(1400, 900)
#: The most of the screen's free area (without task bars and docks) a new window takes.
SCREEN_SHARE = 0.9


def first_geometry(available: QRect) -> QRect:
    """The window's rectangle on a screen whose free area is ``available``: at most the designed size and
    :data:`SCREEN_SHARE` of that area, centred in it."""
    size = QSize(min(DESIGNED.width(), int(available.width() * SCREEN_SHARE)),
                 min(DESIGNED.height(), int(available.height() * SCREEN_SHARE)))
    rect = QRect(available.topLeft(), size)
    rect.moveCenter(available.center())
    return rect


def size_to_screen(window: QMainWindow, palette: QDockWidget, properties: QDockWidget, findings: QDockWidget,
                   metrics: QDockWidget, available: QRect | None = None) -> None:
    """Give ``window`` its first geometry on its screen (or in ``available``) and its panels their share."""
    rect = first_geometry(window.screen().availableGeometry() if available is None else available)
    window.setGeometry(rect)
    across = rect.width() / DESIGNED.width()
    down = rect.height() / DESIGNED.height()
    window.resizeDocks([palette], [round(225 * across)], Qt.Orientation.Horizontal)
    window.resizeDocks([properties], [round(350 * across)], Qt.Orientation.Horizontal)
    window.resizeDocks([properties, metrics], [round(520 * down), round(300 * down)], Qt.Orientation.Vertical)
    window.resizeDocks([findings], [round(220 * down)], Qt.Orientation.Vertical)


__all__ = ["DESIGNED", "SCREEN_SHARE", "first_geometry", "size_to_screen"]
