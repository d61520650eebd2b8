"""Splitters that stay where the user left them, from one opening of their window to the next."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget

#: The settings group of the splitters' positions: one entry for each splitter of each kind of window.
SPLITTERS = "splitters"
#: The object name of a splitter the main window remembers: looking for it by name spares PySide6 finding the
#: Python class of every widget of the window (which makes the classes, and their enums, of every kind of widget).
REMEMBERED = "rememberedSplitter"


def remember_splitters(window: QWidget, settings: QSettings, name: str | None = None) -> None:
    """Put every splitter of ``window`` (those named ``name``, if given) where it was last left, and keep each
    place the user drags it to."""
    splitters = window.findChildren(QSplitter) if name is None else window.findChildren(QSplitter, name)
    for n, splitter in enumerate(splitters):
        key = f"{SPLITTERS}/{type(window).__name__}/{n}"
        state = settings.value(key)
        if isinstance(state, QByteArray) and not state.isEmpty():
            splitter.restoreState(state)
        splitter.splitterMoved.connect(lambda _pos, _index, s=splitter, k=key: settings.setValue(k, s.saveState()))
