"""Where each kind of file dialog opens: the folder last used for that kind of file.

Charts (Open, Save As, Compare with a File), exports (Export…) and
spreadsheets (Import, Update, Export Roles) each remember their folder in
the settings. Before the first use the open chart's folder is offered, else
the user's Documents folder: never the folder the program was started from.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

#: The setting holding each kind's last folder ("lastFolder" is the charts' from before there were kinds).
FOLDER_KEYS = {"chart": "lastFolder", "export": "exportFolder", "spreadsheet": "spreadsheetFolder"}


def documents_folder() -> str:
    """The user's Documents folder (their home folder where there is none)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def start_folder(settings: QSettings, kind: str, document: Path | None = None) -> str:
    """The folder a ``kind`` file dialog opens in; ``document`` is the open chart's file, if it has one."""
    last = settings.value(FOLDER_KEYS[kind], "", str)
    if last and Path(last).is_dir():
        return last
    if document is not None and document.parent.is_dir():
        return str(document.parent)
    return documents_folder()


def remember_folder(settings: QSettings, kind: str, chosen: Path) -> None:
    """``chosen`` (a file) was picked in a ``kind`` file dialog: the next one opens in its folder."""
    settings.setValue(FOLDER_KEYS[kind], str(chosen.parent))
