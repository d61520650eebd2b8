"""The one way the editor makes a menu or toolbar action."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence


def make_action(parent: QObject, text: str, slot: Callable[[], object],
                shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None, tip: str = "") -> QAction:
    """An action named ``text`` that calls ``slot()``; ``tip`` is shown in the status bar."""
    action = QAction(text, parent)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut) if isinstance(shortcut, str) else shortcut)
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action
