"""Reading a text file for a sample format, with clear errors for what is not text."""

from __future__ import annotations

from pathlib import Path

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
