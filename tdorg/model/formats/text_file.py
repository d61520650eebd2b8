"""Reading and writing the text of a sample format, with errors a user can act on."""

from __future__ import annotations

from pathlib import Path

from ..errors import FileError, FormatError
from ..files import read_bytes, write_bytes

_SQLITE_MAGIC = b"SQLite format 3\x00"
#: The largest JSON or CSV chart read: many times a 5,000-role chart, small enough to read in seconds.
MAX_TEXT_BYTES = 64 * 1024 * 1024


def read_text(path: str | Path) -> str:
    """The file's text (UTF-8, with or without a byte-order mark).

    Raises :class:`FileError` when the file cannot be read and
    :class:`FormatError` when it is empty, binary or not UTF-8.
    """
    data = read_bytes(path, limit=MAX_TEXT_BYTES)
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
    """Replace ``path`` with ``text`` (UTF-8) atomically; :class:`FileError` when it cannot be written, or when
    it would be larger than :func:`read_text` reads (the target is then left as it was)."""
    data = text.encode("utf-8")
    if len(data) > MAX_TEXT_BYTES:
        raise FileError(path, f"The file would be {len(data) / 2**20:,.0f} MB, more than the {MAX_TEXT_BYTES // 2**20} MB "
                              "tdorg reads, so it was not written; save the chart as a .tdorg file instead.")
    write_bytes(path, data)
