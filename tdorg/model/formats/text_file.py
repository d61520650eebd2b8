"""Reading and writing the text of a sample format, with errors a user can act on."""

from __future__ import annotations

import errno
from pathlib import Path

from ..atomic import atomic_write_text
from ..errors import FileError, FormatError

_SQLITE_MAGIC = b"SQLite format 3\x00"


def read_text(path: str | Path) -> str:
    """The file's text (UTF-8, with or without a byte-order mark).

    Raises :class:`FileError` when the file cannot be read and
    :class:`FormatError` when it is empty, binary or not UTF-8.
    """
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise FileError(path, "There is no such file.") from None
    except IsADirectoryError:
        raise FileError(path, "This is a folder, not a file.") from None
    except PermissionError:
        raise FileError(path, "You do not have permission to read this file.") from None
    except OSError as error:
        raise FileError(path, f"The file cannot be read ({error.strerror or error}).") from None
    if data.startswith(_SQLITE_MAGIC):
        raise FormatError(path, "This is a database file, not text; a tdorg chart file must end in .tdorg.")
    if b"\x00" in data:
        raise FormatError(path, "This is not a text file: it holds binary data.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FormatError(
            path,
            f"The file is not UTF-8 text (byte 0x{data[error.start]:02x} cannot be read); save it as UTF-8.",
            line,
        ) from None
    if not text.strip():
        raise FormatError(path, "The file is empty.")
    return text


def write_text(path: str | Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) atomically; :class:`FileError` when it cannot be written."""
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise FileError(path, "This is a folder; choose a file name to write to.")
    if not folder.is_dir():
        raise FileError(path, f"The folder “{folder}” does not exist.")
    try:
        atomic_write_text(target, text)
    except PermissionError:
        raise FileError(path, f"You do not have permission to write in the folder “{folder}”.") from None
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise FileError(path, "The disk is full; nothing was written and any previous file is unchanged.") from None
        if error.errno == errno.EROFS:
            raise FileError(path, f"The folder “{folder}” is on a read-only disk; write somewhere else.") from None
        reason = (error.strerror or type(error).__name__).rstrip(".")
        raise FileError(path, f"The file could not be written ({reason}); any previous file is unchanged.") from None
