"""Autosave to a recovery file every minute, and recovery after a crash.

The minute's write happens in a thread of its own, from a snapshot of the
document taken on the way (a few milliseconds at 50,000 roles), so the
editor goes on taking edits while the file is built and written (about
0.6 s of CPU at 50,000 roles, once a freeze every minute).

Each window writes its unsaved work to ``<AppData>/recovery/<token>.tdorg``
(atomically, through the normal ``.tdorg`` writer) with a small JSON note
beside it saying which file it belongs to. A lock file marks the recovery
file as in use while the window lives. A clean exit, every successful save
and undoing back to the saved state delete the recovery file; one left
behind without a live owner is offered at the next start, and its lock is
held while it is being offered, so two windows never offer the same one.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QTimer, Signal

from tdorg.model.errors import TdorgError
from tdorg.model.file_state import Fingerprint
from tdorg.model.recovery import noted_original, read_note, write_recovery

from .user_data import default_recovery_dir

if TYPE_CHECKING:
    from ..editing.scenario_sessions import ScenarioSessions
    from .open_file import OpenFile

log = logging.getLogger("tdorg.ui")

INTERVAL_MS = 60_000


@dataclass(frozen=True)
class Recovery:
    """A recovery file left behind by a window that did not close properly."""

    file: Path
    note: Path
    lock: Path
    original: Path | None
    name: str
    saved_at: float
    base: Fingerprint | None = None
    hold: QLockFile | None = field(default=None, compare=False, repr=False)

    def describe(self) -> str:
        when = time.strftime("%A %d %B at %H:%M", time.localtime(self.saved_at))
        target = f"“{self.original.name}”" if self.original else f"the unsaved chart “{self.name}”"
        return f"Changes to {target}, autosaved {when}"

    def release(self) -> None:
        """Let another window offer it (it is kept for later)."""
        if self.hold is not None and self.hold.isLocked():
            self.hold.unlock()

    def discard(self) -> None:
        for path in (self.file, self.note):
            path.unlink(missing_ok=True)
        self.release()
        self.lock.unlink(missing_ok=True)


def find_recoveries(directory: Path | None = None) -> list[Recovery]:
    """Recovery files whose window is gone (their lock was free or stale), newest first.

    Each comes with its lock held by this process until :meth:`Recovery.release`
    or :meth:`Recovery.discard` (or until it is garbage-collected).
    """
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
            continue  # another running window owns it, or is offering it
        try:
            data = read_note(note)
            found.append(Recovery(file, note, lock_path, noted_original(data), str(data.get("name", "Untitled")),
                                  float(data.get("saved_at", file.stat().st_mtime)),
                                  Fingerprint.from_dict(data.get("base")), lock))
        except (OSError, ValueError, KeyError, TypeError):
            try:
                found.append(Recovery(file, note, lock_path, None, file.stem, file.stat().st_mtime, None, lock))
            except OSError:
                lock.unlock()
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


class Autosave(QObject):
    """Writes the document of ``sessions`` to its recovery file while ``open_file`` has unsaved changes.

    The timer's writes run in a thread (:meth:`save_in_background`); :meth:`save_now` writes at once, after the
    one under way. A failure is said with ``refusal`` (the status bar's warning).
    """

    #: From the writing thread: the state written, and the failure's reason ("" when it was written).
    _written = Signal(object, str)

    def __init__(self, open_file: "OpenFile", sessions: "ScenarioSessions", refusal: Callable[[str], None],
                 parent: QObject, directory: Path | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.open_file, self.sessions, self.refusal = open_file, sessions, refusal
        self.directory = directory or default_recovery_dir()
        token = os.urandom(16).hex()  # as secrets.token_hex, without loading secrets (and hmac) at start-up
        self.file = self.directory / f"{token}.tdorg"
        self.note = self.directory / f"{token}.json"
        self._lock = QLockFile(str(self.directory / f"{token}.lock"))
        self._lock.setStaleLockTime(0)
        self._saved_state: tuple | None = None
        self._writer: threading.Thread | None = None
        self.last_error = ""
        self._written.connect(self._background_finished)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_in_background)
        self.timer.start()
        open_file.changed.connect(self._drop_when_clean)

    def _drop_when_clean(self) -> None:
        """Back at the saved state (undo, or a save): the recovery file would only offer stale work."""
        if not self.open_file.is_modified():
            self.discard_file()

    def save_now(self) -> bool:
        """Write the recovery file if there are unsaved changes not yet written, at once (after a write under
        way in the background).

        A failure of any kind is said once in the status bar (again only when
        the reason changes) and never escapes: the timer keeps trying.
        """
        self.wait()
        job = self._job()
        if job is None:
            return False
        state, write = job
        reason = _reason(write)
        self._finished(state, reason)
        return not reason

    def save_in_background(self) -> bool:
        """Start writing the recovery file in a thread if there are unsaved changes not yet written (and no
        write under way); True when one started. The result comes back to the event loop, as :meth:`save_now`'s."""
        if self._writer is not None:
            return False
        job = self._job()
        if job is None:
            return False
        state, write = job
        self._writer = threading.Thread(target=lambda: self._written.emit(state, _reason(write)),
                                        name="tdorg-autosave", daemon=True)
        self._writer.start()
        return True

    def wait(self) -> None:
        """Let a write under way in the background finish, and take its result."""
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.join()
            QCoreApplication.sendPostedEvents(self)  # its result, before anything reads the state

    def _job(self) -> tuple[tuple, Callable[[], None]] | None:
        """The state to write and the write of a snapshot of it (None: nothing new to write)."""
        document, open_file = self.sessions.document, self.open_file
        if document is None or not open_file.is_modified():
            self.discard_file()
            return None
        state = (document.active, *((id(s.chart), s.chart.revision, s.name) for s in document.scenarios))
        if state == self._saved_state and self.file.exists():
            return None
        snapshot = document.snapshot()
        original = None if open_file.guard.read_only else open_file.path  # read-only work is recovered unsaved
        name, base, lock = open_file.display_name, open_file.guard.base, self._lock

        def write() -> None:
            self.directory.mkdir(parents=True, exist_ok=True)
            if not lock.isLocked():
                lock.tryLock(0)
            write_recovery(snapshot, self.file, self.note, original, name, base)

        return state, write

    def _background_finished(self, state: tuple, reason: str) -> None:
        self._writer = None
        self._finished(state, reason)

    def _finished(self, state: tuple, reason: str) -> None:
        """A write's result: the state it wrote, or why it failed ("" when it did not)."""
        if reason:
            if reason != self.last_error:
                self.last_error = reason
                self.refusal(f"Autosave failed, so unsaved changes are not protected until you save: "
                                    f"{reason}")
            return
        self._saved_state = state
        self.last_error = ""

    def discard_file(self) -> None:
        """Forget the recovery file (after a save: the real file is current).

        One that cannot be removed (its folder is unreadable, or not a folder)
        is logged, not raised: it is offered again at the next start.
        """
        self.wait()  # a write under way would bring the file back
        for path in (self.file, self.note):
            try:
                path.unlink(missing_ok=True)
            except OSError as error:
                log.warning("Could not remove the recovery file %s: %s", path, error)
        self._saved_state = None

    def discard(self) -> None:
        """Clean exit: remove the recovery file and release the lock."""
        self.timer.stop()
        self.discard_file()
        if self._lock.isLocked():
            self._lock.unlock()


def _reason(write: Callable[[], None]) -> str:
    """Run ``write``; why it failed, "" when it did not (nothing escapes: a timer's or a thread's failure must
    reach the user, not a traceback)."""
    try:
        write()
    except Exception as error:  # noqa: BLE001
        return str(error) if isinstance(error, (TdorgError, OSError)) else f"{type(error).__name__}: {error}"
    return ""
