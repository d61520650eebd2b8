"""The one way the editor makes a menu or toolbar action."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

#: The key of a standard command on platforms whose own conventions give it none (Quit on Windows and bare X11).
FALLBACK_KEYS = {QKeySequence.StandardKey.Quit: "Ctrl+Q"}


def standard_keys(key: QKeySequence.StandardKey) -> list[QKeySequence]:
    """Every key this platform gives ``key`` (Find Next: F3 and Ctrl+G), else tdorg's fallback."""
    bindings = QKeySequence.keyBindings(key)
    return bindings or ([QKeySequence(FALLBACK_KEYS[key])] if key in FALLBACK_KEYS else [])


def make_action(parent: QObject, text: str, slot: Callable[[], object],
                shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None, tip: str = "") -> QAction:
    """An action named ``text`` that calls ``slot()``; ``tip`` is shown in the status bar."""
    action = QAction(text, parent)
    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(standard_keys(shortcut))
    elif shortcut:
        action.setShortcut(QKeySequence(shortcut) if isinstance(shortcut, str) else shortcut)
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def literal(text: str) -> str:
    """``text`` for a button, check box or menu entry shown as written: an "&" from the data is not a shortcut mark."""
    return text.replace("&", "&&")
