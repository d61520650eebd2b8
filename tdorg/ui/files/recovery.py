"""Offering the work a crashed tdorg autosaved, at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from tdorg.model.errors import TdorgError
from tdorg.model.persistence import open_document

from ..widgets.error_box import show_error
from .autosave import Recovery, find_recoveries

if TYPE_CHECKING:
    from ..window.main_window import MainWindow


def offer_recovery(window: "MainWindow") -> bool:
    """Offer the newest orphaned recovery file; True when one was recovered.

    Recover opens it as an unsaved chart (Save writes to the file it came
    from); Discard deletes it; Later keeps it for the next start. The
    recovery files stay locked until the choice is made, so another tdorg
    starting meanwhile does not offer them too.
    """
    recoveries = find_recoveries(window.autosave.directory)
    try:
        return bool(recoveries) and _offer(window, recoveries)
    finally:
        for recovery in recoveries:
            recovery.release()


def _offer(window: "MainWindow", recoveries: list[Recovery]) -> bool:
    recovery = recoveries[0]
    box = QMessageBox(QMessageBox.Icon.Question, "Recover unsaved work",
                      "tdorg did not close properly last time. Recover the unsaved work?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, window)
    box.button(QMessageBox.StandardButton.Yes).setText("Recover")
    box.button(QMessageBox.StandardButton.Cancel).setText("Later")
    more = f"\n\n{len(recoveries) - 1} older recovery file(s) will be offered next time." if len(recoveries) > 1 else ""
    box.setInformativeText(recovery.describe() + "." + more)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Discard:
        recovery.discard()
        return False
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        document = open_document(recovery.file)
    except TdorgError as error:
        show_error(window, "Could not recover the autosaved work", error)
        return False
    name = recovery.original.name if recovery.original else recovery.name
    window.set_document(document, recovery.original, modified=True, name=name, base=recovery.base)
    recovery.discard()
    window.autosave.save_now()
    return True
