"""The editor's one error box: what could not be done, and why; also written to the log."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6 import QtWidgets  # the message box's class is made when first shown
from PySide6.QtWidgets import QWidget

log = logging.getLogger("tdorg.ui")


def show_error(parent: QWidget | None, title: str, error: object) -> None:
    """A warning box titled ``title`` (e.g. "Could not open “plan.tdorg”") with ``error``'s sentence below."""
    log.warning("%s: %s", title, error)
    box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Warning, title, title,
                                QtWidgets.QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(str(error))
    box.exec()


def os_error_text(path: str | Path, error: OSError) -> str:
    """An operating-system error as a sentence naming the file."""
    return f"{path}: {error.strerror or error}"
