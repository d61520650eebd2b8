"""Splitters that stay where the user left them, from one opening of their window to the next."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget

#: The settings group of the splitters' positions: one entry for each splitter of each kind of window.
SPLITTERS = "splitters"


def remember_splitters(window: QWidget, settings: QSettings) -> None:
    """Put every splitter of ``window`` where it was last left, and keep each place the user drags it to."""
    for n, splitter in enumerate(window.findChildren(QSplitter)):
        key = f"{SPLITTERS}/{type(window).__name__}/{n}"
        state = settings.value(key)
        if isinstance(state, QByteArray) and not state.isEmpty():
            splitter.restoreState(state)
        splitter.splitterMoved.connect(lambda _pos, _index, s=splitter, k=key: settings.setValue(k, s.saveState()))
