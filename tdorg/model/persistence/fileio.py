"""Reading a whole file and replacing a file atomically, with typed errors.

A save goes through :mod:`tdorg.model.atomic`: the new content is written to a
temporary file beside the target, flushed to disk and renamed over the
target, so a crash at any moment leaves either the old file or the new one,
never a mix; after an error the temporary file is removed. Here the OS
errors become :class:`FileError` sentences.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Callable

from ..atomic import atomic_write_bytes
from ..errors import FileError


def read_file_bytes(path: Path, inspect: Callable[[bytes, int], None] | None = None, head_size: int = 100) -> bytes:
    """The whole content of ``path``, opened for reading only.

    ``inspect(head, size)`` sees the first ``head_size`` bytes and the file's
    size before the rest is read, so it can refuse a large file cheaply.
    """
    try:
        with open(path, "rb") as f:
            head = f.read(head_size)
            if inspect is not None:
                inspect(head, os.fstat(f.fileno()).st_size)
            return head + f.read()
    except FileNotFoundError:
        parent = path.parent
        if not parent.is_dir():
            raise FileError(path, f"The folder “{parent}” does not exist.") from None
        raise FileError(path, "The file does not exist.") from None
    except IsADirectoryError:
        raise FileError(path, "This is a folder, not a tdorg file.") from None
    except PermissionError:
        raise FileError(path, "Permission denied: this file may not be read.") from None
    except OSError as err:
        raise FileError(path, f"The file could not be read ({_reason(err)}).") from None


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` by a file holding ``data``, or leave it untouched."""
    target = _resolve_target(path)
    folder = target.parent
    if target.is_dir():
        raise FileError(path, "This is a folder; choose a file name to save to.")
    if not folder.is_dir():
        raise FileError(path, f"The folder “{folder}” does not exist.")
    try:
        atomic_write_bytes(target, data)
    except OSError as err:
        raise _save_error(path, folder, err) from None


def pending_changes(path: Path) -> Path | None:
    """The journal beside ``path`` in which another program holds changes not yet in the file, if any."""
    for suffix in ("-wal", "-journal"):
        journal = path.with_name(path.name + suffix)
        try:
            if journal.stat().st_size > 0:
                return journal
        except OSError:
            continue
    return None


def _resolve_target(path: Path) -> Path:
    """Saving through a symbolic link replaces the file it points to, not the link."""
    target = Path(os.path.abspath(path))
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    return target


def _save_error(path: Path, folder: Path, err: OSError) -> FileError:
    if isinstance(err, PermissionError):
        return FileError(path, f"Permission denied: tdorg may not write in the folder “{folder}”.")
    if err.errno == errno.EROFS:
        return FileError(path, f"The folder “{folder}” is on a read-only disk; save somewhere else.")
    if err.errno == errno.ENOSPC:
        return FileError(path, "The disk is full; the file was not saved and the previous version is unchanged.")
    return FileError(path, f"The file could not be saved ({_reason(err)}); the previous version is unchanged.")


def _reason(err: OSError) -> str:
    return (err.strerror or type(err).__name__).rstrip(".").lower()
