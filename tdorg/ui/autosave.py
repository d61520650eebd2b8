"""Autosave to a recovery file every minute, and recovery after a crash.

Each window writes its unsaved work to ``<AppData>/recovery/<token>.tdorg``
(atomically, through the normal ``.tdorg`` writer) with a small JSON note
beside it saying which file it belongs to. A lock file marks the recovery
file as in use while the window lives. A clean exit, and every successful
save, delete the recovery file; one left behind without a live owner is
offered at the next start.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer

from tdorg.model.errors import TdorgError
from tdorg.model.recovery import read_note, write_recovery

if TYPE_CHECKING:
    from .main_window import MainWindow

INTERVAL_MS = 60_000


def default_recovery_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".tdorg") / "recovery"


@dataclass(frozen=True)
class Recovery:
    """A recovery file left behind by a window that did not close properly."""

    file: Path
    note: Path
    lock: Path
    original: Path | None
    name: str
    saved_at: float

    def describe(self) -> str:
        when = time.strftime("%A %d %B at %H:%M", time.localtime(self.saved_at))
        target = f"“{self.original.name}”" if self.original else f"the unsaved chart “{self.name}”"
        return f"Changes to {target}, autosaved {when}"

    def discard(self) -> None:
        for path in (self.file, self.note, self.lock):
            path.unlink(missing_ok=True)


def find_recoveries(directory: Path | None = None) -> list[Recovery]:
    """Recovery files whose window is gone (their lock is free or stale), newest first."""
    directory = directory or default_recovery_dir()
    found: list[Recovery] = []
    if not directory.is_dir():
        return found
    for note in directory.glob("*.json"):
        file = note.with_suffix(".tdorg")
        lock_path = note.with_suffix(".lock")
        if not file.is_file():
            note.unlink(missing_ok=True)
            continue
        lock = QLockFile(str(lock_path))
        lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
        if not lock.tryLock(0):
            continue  # another running window owns it
        lock.unlock()
        try:
            data = read_note(note)
            original = Path(data["original"]) if data.get("original") else None
            found.append(Recovery(file, note, lock_path, original, str(data.get("name", "Untitled")),
                                  float(data.get("saved_at", file.stat().st_mtime))))
        except (OSError, ValueError, KeyError, TypeError):
            found.append(Recovery(file, note, lock_path, None, file.stem, file.stat().st_mtime))
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


class Autosave(QObject):
    """Writes the window's document to its recovery file while it has unsaved changes."""

    def __init__(self, window: "MainWindow", directory: Path | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(window)
        self.window = window
        self.directory = directory or default_recovery_dir()
        token = uuid.uuid4().hex
        self.file = self.directory / f"{token}.tdorg"
        self.note = self.directory / f"{token}.json"
        self._lock = QLockFile(str(self.directory / f"{token}.lock"))
        self._lock.setStaleLockTime(0)
        self._saved_state: tuple | None = None
        self.last_error = ""
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()

    def save_now(self) -> bool:
        """Write the recovery file if there are unsaved changes not yet written."""
        window = self.window
        if window.document is None or not window.is_modified():
            return False
        document = window.document
        state = (document.active, *((id(s.chart), s.chart.revision, s.name) for s in document.scenarios))
        if state == self._saved_state and self.file.exists():
            return False
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            if not self._lock.isLocked():
                self._lock.tryLock(0)
            write_recovery(window.document, self.file, self.note, window.path, window.display_name)
        except (TdorgError, OSError) as error:
            self.last_error = str(error)
            window.statusBar().showMessage(f"Autosave failed: {error}", 10000)
            return False
        self._saved_state = state
        self.last_error = ""
        return True

    def discard_file(self) -> None:
        """Forget the recovery file (after a save: the real file is current)."""
        self.file.unlink(missing_ok=True)
        self.note.unlink(missing_ok=True)
        self._saved_state = None

    def discard(self) -> None:
        """Clean exit: remove the recovery file and release the lock."""
        self.timer.stop()
        self.discard_file()
        if self._lock.isLocked():
            self._lock.unlock()
