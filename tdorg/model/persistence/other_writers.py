"""Refusing to replace a ``.tdorg`` file that another SQLite program is changing.

Replacing the file under such a program would throw away its work: changes
it committed into a write-ahead log, or the transaction it has under way.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from ..atomic import real_target
from ..errors import FileError
from .fileio import pending_changes

_SQLITE_HEADER = b"SQLite format 3\x00"
_BUSY_CODES = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def check_no_other_writer(path: Path) -> None:
    """Raise :class:`FileError` when another program holds changes to ``path`` or is writing to it."""
    path = real_target(path)
    journal = pending_changes(path)
    if journal is not None:
        raise FileError(path, f"Another program is changing this file: its changes are still in “{journal.name}”. "
                              "Close that program (or let it finish), then save again; the file was not changed.")
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return  # a save replaces it without reading it (a named pipe would never answer)
        with open(path, "rb") as handle:
            if handle.read(len(_SQLITE_HEADER)) != _SQLITE_HEADER:
                return
    except OSError:
        return  # a new file, or one the save itself will explain
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=0,
                                     isolation_level=None)
    except sqlite3.Error:
        return
    try:
        connection.execute("BEGIN IMMEDIATE")  # takes the write lock only if no one else holds it
        connection.execute("ROLLBACK")
    except sqlite3.Error as err:
        if getattr(err, "sqlite_errorcode", None) in _BUSY_CODES:
            raise FileError(path, "Another program is writing to this file right now (it holds a SQLite write "
                                  "transaction on it). Close that program (or let it finish), then save again; "
                                  "the file was not changed.") from None
    finally:
        connection.close()
