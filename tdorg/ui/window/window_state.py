"""The window as the user left it: its place and size, and where its panels are docked and which are shown.

Saved in the window's settings when it closes and restored when the next
window opens. A saved place that is on no screen now (a laptop taken from a
big monitor) is forgotten, and the window takes its first size instead. The
splitters inside the window keep their places too.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QByteArray, QPoint, QRect, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from ..widgets.splitter_memory import REMEMBERED, remember_splitters

GEOMETRY = "window/geometry"
#: The frame's rectangle on the desktop, to tell whether the saved place is on a screen now.
FRAME = "window/frame"
DOCKS = "window/docks"


def on_a_screen(frame: QRect) -> bool:
    """Whether the middle of ``frame``'s title bar is on one of the screens there are now."""
    grip = QPoint(frame.center().x(), frame.top() + 10)
    return any(screen.geometry().contains(grip) for screen in QGuiApplication.screens())


def _bytes(value: object) -> QByteArray | None:
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


class WindowState:
    """Restores ``window`` from ``settings`` (or runs ``first_size()``); :meth:`save` keeps it for next time."""

    def __init__(self, window: QMainWindow, settings: QSettings, first_size: Callable[[], None]) -> None:
        self.window, self.settings = window, settings
        #: Whether the window took the place it was left in.
        self.restored = self._restore()
        if not self.restored:
            first_size()
        remember_splitters(window, settings, REMEMBERED)

    def _restore(self) -> bool:
        geometry, frame = _bytes(self.settings.value(GEOMETRY)), self.settings.value(FRAME)
        if geometry is None or not isinstance(frame, QRect) or not on_a_screen(frame):
            return False
        if not self.window.restoreGeometry(geometry):
            return False
        docks = _bytes(self.settings.value(DOCKS))
        if docks is not None:
            self.window.restoreState(docks)
        return True

    def save(self) -> None:
        """Keep the window's place and panels in the settings (written to disk now)."""
        self.settings.setValue(GEOMETRY, self.window.saveGeometry())
        self.settings.setValue(FRAME, self.window.frameGeometry())
        self.settings.setValue(DOCKS, self.window.saveState())
        self.settings.sync()
