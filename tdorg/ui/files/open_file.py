"""The open document's file: where it lives, the name shown for it, whether it has unsaved work, and its lock."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from tdorg.model.file_state import Fingerprint, absolute

from .file_guard import FileGuard

if TYPE_CHECKING:
    from ..editing.scenario_sessions import ScenarioSessions


class OpenFile(QObject):
    """The file state of the document in ``sessions``, shared by the title, the File menu and autosave."""

    #: The path, the shown name or the modified flag changed.
    changed = Signal()

    def __init__(self, sessions: "ScenarioSessions", parent: QObject) -> None:
        super().__init__(parent)
        self.sessions = sessions
        #: The file the document belongs to (absolute), None before its first save.
        self.path: Path | None = None
        self.display_name = "Untitled"
        self._forced_modified = False
        #: The file's lock and what it held when it was read or written.
        self.guard = FileGuard(self)
        sessions.modifiedChanged.connect(self._announce)
        sessions.group.cleanChanged.connect(self._announce)

    def _announce(self, *_args: object) -> None:
        self.changed.emit()

    def whereabouts(self) -> tuple[Path | None, str]:
        """The file (None before the first save) and the name shown for it."""
        return self.path, self.display_name

    def follow(self, path: Path | str | None, *, name: str | None = None, untitled: str = "Untitled",
               modified: bool = False, base: Fingerprint | None = None, read_only: bool = False) -> None:
        """A new document belongs to ``path`` (None: to no file yet), as ``base`` describes it.

        It is shown as ``name``, else by its file's name, else as ``untitled``;
        ``modified`` marks it unsaved even before an edit; a ``read_only``
        document saves only under another name.
        """
        self.path = absolute(path) if path is not None else None
        self.guard.follow(self.path, base, read_only)
        self.display_name = name or (Path(path).name if path is not None else untitled)
        self._forced_modified = modified
        self.changed.emit()

    def is_modified(self) -> bool:
        """Unsaved work in any scenario, or scenarios added, renamed or deleted since the save."""
        return self._forced_modified or self.sessions.is_modified()

    def mark_saved(self, path: Path, base: Fingerprint | None = None) -> None:
        """The document was saved to ``path``, which now holds ``base``."""
        self.path = absolute(path)
        self.guard.follow(self.path, base)
        self.display_name = Path(path).name
        self._forced_modified = False
        self.sessions.set_clean()
        self.changed.emit()
