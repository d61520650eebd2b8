"""Offering the work a crashed tdorg autosaved, at start-up."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from tdorg.model.errors import TdorgError
from tdorg.model.persistence import open_document

from ..widgets.error_box import show_error
from .autosave import Autosave, Recovery, find_recoveries

#: Shows a recovered document as ``show(document, path, modified=, name=, base=)`` does.
ShowDocument = Callable[..., None]


def offer_recovery(autosave: Autosave, show: ShowDocument, parent: QWidget) -> bool:
    """Offer the newest orphaned recovery file in ``autosave``'s folder; True when one was recovered and shown.

    Recover opens it as an unsaved chart (Save writes to the file it came
    from); Discard deletes it; Later keeps it for the next start. The
    recovery files stay locked until the choice is made, so another tdorg
    starting meanwhile does not offer them too.
    """
    recoveries = find_recoveries(autosave.directory)
    try:
        return bool(recoveries) and _offer(autosave, show, parent, recoveries)
    finally:
        for recovery in recoveries:
            recovery.release()


def _offer(autosave: Autosave, show: ShowDocument, parent: QWidget, recoveries: list[Recovery]) -> bool:
    recovery = recoveries[0]
    box = QMessageBox(QMessageBox.Icon.Question, "Recover unsaved work",
                      "tdorg did not close properly last time. Recover the unsaved work?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
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
        show_error(parent, "Could not recover the autosaved work", error)
        return False
    name = recovery.original.name if recovery.original else recovery.name
    show(document, recovery.original, modified=True, name=name, base=recovery.base)
    recovery.discard()
    autosave.save_now()
    return True
