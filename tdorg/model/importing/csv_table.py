"""Reading a CSV export into a :class:`~.table.Table`.

Spreadsheet programs and HR systems write CSV in several dialects; this
reader takes UTF-8 with or without a byte-order mark, falls back to the
Windows Western code page (a superset of Latin-1) when the bytes are not
UTF-8, and detects the delimiter (comma, semicolon or tab) from the header
line. Row numbers count records, as a spreadsheet program shows them.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .. import files
from .errors import SpreadsheetError
from .table import Table, build_table

DELIMITERS: dict[str, str] = {",": "comma", ";": "semicolon", "\t": "tab"}
_SQLITE_MAGIC = b"SQLite format 3\x00"
_ZIP_MAGIC = b"PK\x03\x04"
#: The largest cell accepted, in characters; a bigger one is a broken file, not a spreadsheet.
MAX_CELL = 1_000_000


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes, or a :class:`SpreadsheetError` saying why it cannot be read."""
    return files.read_bytes(path, error=SpreadsheetError)


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was read in."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8 with byte-order mark"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252 (Latin-1)"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


def detect_delimiter(text: str) -> str:
    """The delimiter used most on the first non-blank line, outside quotes; comma when none."""
    line = _first_record(text)
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _first_record(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line
    return ""


def read_csv_table(path: str | Path) -> Table:
    data = read_bytes(path)
    if data.startswith(_SQLITE_MAGIC):
        raise SpreadsheetError(path, "This is a database file, not a CSV sheet; open .tdorg files with Open, not Import.")
    if data.startswith(_ZIP_MAGIC):
        raise SpreadsheetError(path, "This looks like an Excel workbook, not CSV text; give it the .xlsx extension.")
    if b"\x00" in data:
        raise SpreadsheetError(
            path, "This is not a CSV text file: it holds binary data (UTF-16 exports must be saved again as UTF-8)."
        )
    try:
        text, encoding = decode(data)
    except UnicodeDecodeError:
        raise SpreadsheetError(path, "The byte-order mark says UTF-8 but the text is not UTF-8.") from None
    return parse_csv_text(text, str(path), encoding)


def parse_csv_text(text: str, source: str = "", encoding: str = "UTF-8") -> Table:
    """A table from CSV text; the delimiter is detected."""
    delimiter = detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    rows: list[tuple[int, list[str]]] = []
    number = 0
    previous_limit = csv.field_size_limit()
    csv.field_size_limit(MAX_CELL)
    try:
        for cells in reader:
            number += 1
            rows.append((number, cells))
    except csv.Error as error:
        raise SpreadsheetError(source, f"row {number + 1}: this is not a readable CSV file ({error}).") from None
    finally:
        csv.field_size_limit(previous_limit)
    details = f"{encoding}, {DELIMITERS[delimiter]}-separated"
    return build_table(rows, source, details)
