"""Files dropped on the window: a chart opens (after asking about unsaved changes), a spreadsheet is imported.

Only drags of files are looked at: the palette's role types dragged onto the
canvas go on to the canvas's own gestures. A drag holding no file tdorg can
open shows the refusing cursor and says why in the status bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWidget

from ..widgets.role_type_drag import MIME_CATEGORY

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData

    from ..files.file_actions import FileActions

CHART_SUFFIXES = (".tdorg", ".json")
_DRAGS = frozenset((QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop))


def spreadsheet_suffixes() -> tuple[str, ...]:
    from tdorg.model.importing.table import CSV_EXTENSIONS, WORKBOOK_EXTENSIONS

    return CSV_EXTENSIONS + WORKBOOK_EXTENSIONS


def dropped_files(mime: "QMimeData") -> list[Path]:
    """The local files a drag carries (none for the palette's role types, text or web links)."""
    if mime.hasFormat(MIME_CATEGORY) or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def openable(paths: list[Path]) -> list[Path]:
    """The charts and spreadsheets among ``paths``, in their order."""
    known = CHART_SUFFIXES + spreadsheet_suffixes()
    return [path for path in paths if path.suffix.lower() in known and not path.is_dir()]


class FileDrop(QObject):
    """Opens what is dropped on the widgets it watches (the canvas) and what the window hands it (:meth:`take`)."""

    def __init__(self, files: "FileActions", import_spreadsheet: Callable[[Path], bool], note: Callable[[str], None],
                 refusal: Callable[[str], None], watched: list[QWidget], parent: QObject) -> None:
        """``import_spreadsheet(path)`` builds a chart from a dropped spreadsheet (File › Import from
        Spreadsheet…); ``note`` and ``refusal`` say in the status bar what a drop did or why it is refused."""
        super().__init__(parent)
        self.files, self.import_spreadsheet, self.note, self.refusal = files, import_spreadsheet, note, refusal
        for widget in watched:
            widget.setAcceptDrops(True)
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        return event.type() in _DRAGS and isinstance(event, QDropEvent) and self.handle(event)

    def take(self, event: QDropEvent) -> None:
        """A drag over or a drop on the window itself, from its own drag handlers (a filter of the window would hear
        every event of the window, hundreds as it is built and shown): files are handled, anything else ignored."""
        if not self.handle(event):
            event.ignore()

    def handle(self, event: QDropEvent) -> bool:
        """Whether ``event``, a drag entering, moving or dropping, carries files, handled here."""
        paths = dropped_files(event.mimeData())
        if not paths:
            return False  # not files: the canvas's own drags
        chosen = openable(paths)
        if not chosen:
            if event.type() == QEvent.Type.DragEnter:
                self.refusal(_refusal(paths))
            event.ignore()
        elif event.type() == QEvent.Type.Drop:
            event.acceptProposedAction()
            # Opened from the main loop: the desktop's drag has ended before any question is asked.
            QTimer.singleShot(0, self, lambda: self.open(chosen, len(paths)))
        else:
            event.acceptProposedAction()
        return True

    def open(self, chosen: list[Path], dropped: int) -> bool:
        """Open the first of the ``chosen`` files (``dropped`` files were dropped in all)."""
        path = chosen[0]
        if path.suffix.lower() in CHART_SUFFIXES:
            opened = self.files.open_path(path)
        else:
            opened = self.import_spreadsheet(path)
        if opened and dropped > 1:
            others = dropped - 1
            self.note(f"Opened “{path.name}”; tdorg opens one chart at a time, so the other {others} "
                      f"file{'s were' if others > 1 else ' was'} left alone.")
        return opened


def _refusal(paths: list[Path]) -> str:
    what = f"“{paths[0].name}”" if len(paths) == 1 else "these files"
    return (f"tdorg cannot open {what}: drop a chart (.tdorg, .json) or a spreadsheet "
            "(.csv, .xlsx and the like).")
