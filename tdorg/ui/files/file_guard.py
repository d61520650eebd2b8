"""The window's chart file: a lock while it is open, and what the file was when it was opened.

The lock is a small file beside the chart (``.plan.tdorg.lock``, a
:class:`QLockFile` holding the process id and computer name), so another
tdorg window, on this computer or another one sharing the folder, can say
who has the chart open. A lock whose process has died is stale and taken
over. Before a save replaces the chart, its content is compared with the
fingerprint taken when it was opened or last saved.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from PySide6 import QtCore  # QSysInfo's class is made when a lock is first described
from PySide6.QtCore import QLockFile, QObject

from tdorg.model.file_state import Fingerprint


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


def _lock_file(path: Path) -> QLockFile:
    lock = QLockFile(str(lock_path(path)))
    lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
    return lock


class Holder(NamedTuple):
    """Who holds a chart's lock."""

    pid: int
    host: str

    def describe(self) -> str:
        if self.host and self.host != QtCore.QSysInfo.machineHostName():
            return f"open in tdorg on another computer ({self.host})"
        if self.pid == os.getpid():
            return "open in another tdorg window"
        return f"open in another tdorg window (process {self.pid})"


class FileGuard(QObject):
    """Holds the lock of the window's file and remembers the file as it was read or written."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.base: Fingerprint | None = None
        self.read_only = False
        self._lock: QLockFile | None = None

    def holder(self, path: Path) -> Holder | None:
        """Who else has ``path`` open in tdorg; None when no one (or only this window) does."""
        if path == self.path and self._lock is not None:
            return None
        lock = _lock_file(path)
        if lock.tryLock(0):
            lock.unlock()
            return None
        if lock.error() != QLockFile.LockError.LockFailedError:
            return None  # no lock can be made there (a read-only folder): no one is known to have it open
        pid, host, _app = lock.getLockInfo()
        return Holder(pid, host)

    def follow(self, path: Path | None, base: Fingerprint | None, read_only: bool = False) -> None:
        """``path`` is now the window's file, as described by ``base``; hold its lock unless read-only.

        A lock another window held when the file was opened is taken once it is free (at a later save).
        """
        if path != self.path or read_only != self.read_only:
            self.release()
            self.path, self.read_only = path, read_only
        if self._lock is None and self.path is not None and not self.read_only:
            lock = _lock_file(self.path)
            if lock.tryLock(0):  # else another window has it, or the folder takes no lock file
                self._lock = lock
        self.base = base

    def release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
        self.path = None
        self.read_only = False

    def changed_on_disk(self) -> bool:
        """Whether the file exists and no longer holds what was opened or last saved."""
        path, base = self.path, self.base
        return path is not None and base is not None and path.exists() and not base.matches(path)
