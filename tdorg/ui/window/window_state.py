"""The window as the user left it: its place and size, its panels, and the splitters of its windows.

Saved in the window's settings when it closes and restored when the next
window opens. A saved place that is on no screen now (a laptop taken from a
big monitor) is forgotten, and the window takes its first size instead.
Every window of the editor (the compare window, ...) keeps the positions of
its splitters, saved when it is hidden and restored when it is shown.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QRect, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

GEOMETRY = "window/geometry"
#: The frame's rectangle on the desktop, to tell whether the saved place is on a screen now.
FRAME = "window/frame"
DOCKS = "window/docks"
SPLITTERS = "splitters"


def on_a_screen(frame: QRect) -> bool:
    """Whether the middle of ``frame``'s title bar is on one of the screens there are now."""
    grip = QPoint(frame.center().x(), frame.top() + 10)
    return any(screen.geometry().contains(grip) for screen in QGuiApplication.screens())


def _bytes(value: object) -> QByteArray | None:
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_splitters(window: QWidget, settings: QSettings) -> None:
    for n, splitter in enumerate(window.findChildren(QSplitter)):
        settings.setValue(f"{SPLITTERS}/{type(window).__name__}/{n}", splitter.saveState())


def restore_splitters(window: QWidget, settings: QSettings) -> None:
    for n, splitter in enumerate(window.findChildren(QSplitter)):
        state = _bytes(settings.value(f"{SPLITTERS}/{type(window).__name__}/{n}"))
        if state is not None:
            splitter.restoreState(state)


class WindowState(QObject):
    """Restores ``window`` from ``settings`` (or runs ``first_size()``); :meth:`save` keeps it for next time."""

    def __init__(self, window: QMainWindow, settings: QSettings, first_size: Callable[[], None]) -> None:
        super().__init__(window)
        self.window, self.settings = window, settings
        #: Whether the window took the place it was left in.
        self.restored = self._restore()
        if not self.restored:
            first_size()
        window.installEventFilter(self)

    def _restore(self) -> bool:
        geometry, frame = _bytes(self.settings.value(GEOMETRY)), self.settings.value(FRAME)
        if geometry is None or not isinstance(frame, QRect) or not on_a_screen(frame):
            return False
        if not self.window.restoreGeometry(geometry):
            return False
        docks = _bytes(self.settings.value(DOCKS))
        if docks is not None:
            self.window.restoreState(docks)
        restore_splitters(self.window, self.settings)
        return True

    def save(self) -> None:
        """Keep the window's place, panels and splitters in the settings (written to disk now)."""
        self.settings.setValue(GEOMETRY, self.window.saveGeometry())
        self.settings.setValue(FRAME, self.window.frameGeometry())
        self.settings.setValue(DOCKS, self.window.saveState())
        save_splitters(self.window, self.settings)
        self.settings.sync()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if watched is self.window:
            if kind == QEvent.Type.ChildPolished:  # a dialog of the window: follow its splitters
                child = event.child()
                if isinstance(child, QWidget) and child.isWindow():
                    child.removeEventFilter(self)
                    child.installEventFilter(self)
        elif event.spontaneous() or not isinstance(watched, QWidget):
            pass  # minimised and shown again by the desktop: the splitters are as they were
        elif kind == QEvent.Type.Show:
            restore_splitters(watched, self.settings)
        elif kind == QEvent.Type.Hide:
            save_splitters(watched, self.settings)
        return False
