"""Charts the desktop asks the running editor to open (macOS Finder: double-click, drop on the Dock icon).

macOS delivers such a request as a ``QFileOpenEvent`` to the application rather
than as a command-line argument, also when it starts the app for the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from ..dialogs.start_dialog import StartDialog

if TYPE_CHECKING:
    from .main_window import MainWindow


class FileOpenEvents(QObject):
    """Opens the chart of every file-open event in ``window``, asking first about unsaved changes."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent) or not event.file():
            return super().eventFilter(watched, event)
        path = Path(event.file())
        asking = QApplication.activeModalWidget()
        if isinstance(asking, StartDialog):  # the file answers "how to begin"
            asking.reject()
        # Opened from the main loop, after the start dialog's own loop has ended.
        QTimer.singleShot(0, self._window, lambda: self._window.files.open_path(path))
        return True


def follow_file_open_events(window: MainWindow) -> FileOpenEvents:
    """Install the filter on the application; it lives as long as ``window``."""
    events = FileOpenEvents(window)
    QApplication.instance().installEventFilter(events)
    return events
