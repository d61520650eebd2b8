"""Reading a CSV export into a :class:`~.table.Table`, one record at a time.

Spreadsheet programs and HR systems write CSV in many ways. The encoding is
taken from a byte-order mark (UTF-8, UTF-16 LE/BE) or detected with
charset-normalizer among the common ones (UTF-8, UTF-16, Windows-1252,
Latin-1) on the first part of the file; the delimiter (comma, semicolon,
tab or ``|``) is the one the first records use most consistently outside
quotes. Row numbers count records, as a spreadsheet program shows them.
Lines, cells and rows are read within the limits of :mod:`.limits`.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
from pathlib import Path
from typing import BinaryIO, Iterator

from .. import files
from . import limits
from .errors import SpreadsheetError
from .table import Table, build_table

DELIMITERS: dict[str, str] = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
_SQLITE_MAGIC = b"SQLite format 3\x00"
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
#: Bytes at the start of the file that the encoding and the delimiter are detected on.
SAMPLE_BYTES = 256 * 1024
_CHUNK_CHARS = 1024 * 1024
_NON_BLANK = re.compile(r"[^\r\n]+")
#: A line longer than the limit; tried only where a line starts, so the search stays linear.
_LONG_LINE_RE = re.compile(r"(?<![^\r\n])[^\r\n]{%d}" % (limits.MAX_LINE_CHARS + 1))
_LINE_END = re.compile(r"(?<=\n)|(?<=\r)(?!\n)")
#: Characters other than "\r" and "\n" that ``str.splitlines`` breaks at (inside a cell they are text).
_OTHER_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
#: Records at the start of the file that the delimiter is detected on.
SAMPLE_RECORDS = 20
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with byte-order mark"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 LE with byte-order mark"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 BE with byte-order mark"),
)
#: The encodings charset-normalizer chooses among, and how each is named to the user.
ENCODINGS: dict[str, str] = {
    "utf_8": "UTF-8",
    "utf_16_le": "UTF-16 LE",
    "utf_16_be": "UTF-16 BE",
    "cp1252": "Windows-1252 (Latin-1)",
    "latin_1": "Latin-1",
}


def read_spreadsheet_bytes(path: str | Path) -> bytes:
    """The file's bytes, once it is known to be an ordinary file within the size limit."""
    return files.read_bytes(path, error=SpreadsheetError, limit=limits.MAX_FILE_BYTES)


def detect_encoding(sample: bytes) -> tuple[str, str]:
    """The codec to read the file with and its name for the user, from the file's first bytes."""
    for bom, codec, name in _BOMS:
        if sample.startswith(bom):
            return codec, name
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8", ENCODINGS["utf_8"]
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(sample, cp_isolation=list(ENCODINGS)).best()
    codec = best.encoding if best is not None and best.encoding in ENCODINGS else "cp1252"
    if codec == "cp1252" and any(b in sample for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")):
        codec = "latin_1"  # bytes Windows-1252 leaves undefined
    return codec, ENCODINGS[codec]


def detect_delimiter(text: str) -> str:
    """The delimiter the first records use most consistently, outside quotes; comma when none is used."""
    records = _sample_records(text)
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        counts = [record.count(delimiter) for record in records]
        used = [n for n in counts if n]
        if not used:
            continue
        common = max(set(used), key=lambda n: (used.count(n), n))
        score = (used.count(common), common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _sample_records(text: str) -> list[str]:
    """The first non-blank records of ``text`` with quoted parts removed."""
    records: list[str] = []
    current: list[str] = []
    quoted = False
    for char in text.lstrip("\r\n"):  # blank lines at the top hold no record
        if char == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif char in "\r\n":
            record = "".join(current)
            if record.strip():
                records.append(record)
                if len(records) >= SAMPLE_RECORDS:
                    return records
            current = []
        else:
            current.append(char)
    if "".join(current).strip():
        records.append("".join(current))
    return records


_LONG_LINE = f"a line is longer than {limits.MAX_LINE_CHARS:,} characters; this is not a roster."


class _BadLine(Exception):
    """A line too long, or holding binary data; ``str()`` says which."""


def _pieces(stream: io.TextIOBase) -> Iterator[str]:
    """The stream's text in pieces that end at a line end (the last may not), none with a longer line than allowed."""
    carry = ""
    while True:
        chunk = stream.read(_CHUNK_CHARS)
        if not chunk:
            break
        if "\x00" in chunk:
            raise _BadLine("this is not a CSV text file: it holds binary data.")
        data = carry + chunk
        end = len(data) - 1 if data.endswith("\r") else len(data)  # a final "\r" may have its "\n" next
        cut = max(data.rfind("\n", 0, end), data.rfind("\r", 0, end)) + 1
        carry = data[cut:]
        if cut:
            yield data[:cut]
        if len(carry) > limits.MAX_LINE_CHARS:
            raise _BadLine(_LONG_LINE)
    if carry:
        yield carry


def _breaks(text: str, start: int = 0, end: int | None = None) -> int:
    """How many line ends (``\\n``, ``\\r\\n`` or ``\\r``) ``text[start:end]`` holds."""
    end = len(text) if end is None else end
    return text.count("\n", start, end) + text.count("\r", start, end) - text.count("\r\n", start, end)


def _bounded(lines: Iterator[str]) -> Iterator[str]:
    for line in lines:
        if len(line) > limits.MAX_LINE_CHARS:
            raise _BadLine(_LONG_LINE)
        yield line


def _lines_of(piece: str) -> list[str]:
    lines = _LINE_END.split(piece) if _OTHER_BREAKS.search(piece) else piece.splitlines(keepends=True)
    return [line for line in lines if line]


def _records(stream: io.TextIOBase, delimiter: str, source: str) -> Iterator[tuple[int, list[str]]]:
    """Numbered records; blank ones only count.

    Until the first quote, each line is one record: the non-blank lines are found in the text and
    split at the delimiter directly (what the csv module does with a line without quotes), so blank
    lines cost nothing. From the first quote on, the csv module reads the lines, as a quoted cell
    may hold delimiters and line breaks.
    """
    number = 0  # lines before the current piece
    pieces = _pieces(stream)
    try:
        for piece in pieces:
            quote = piece.find('"')
            plain = piece if quote < 0 else piece[: max(piece.rfind("\n", 0, quote), piece.rfind("\r", 0, quote)) + 1]
            too_long = _LONG_LINE_RE.search(plain)
            if too_long is not None:
                plain = plain[: too_long.start()]
            position, line = 0, number + 1
            for match in _NON_BLANK.finditer(plain):
                line += _breaks(plain, position, match.start())
                position = match.start()
                cells = match.group().split(delimiter)
                if max(map(len, cells)) > limits.MAX_CELL_CHARS:
                    raise SpreadsheetError(source, limits.cell_too_long(line))
                yield line, cells
            number += _breaks(plain)
            if too_long is not None:
                raise _BadLine(_LONG_LINE)
            if quote >= 0:
                lines = _bounded(itertools.chain(_lines_of(piece[len(plain):]), itertools.chain.from_iterable(
                    map(_lines_of, pieces))))
                yield from _quoted_records(lines, delimiter, source, number)
                return
    except _BadLine as error:
        raise SpreadsheetError(source, f"row {number + 1}: {error}") from None


def _quoted_records(lines: Iterator[str], delimiter: str, source: str, before: int) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(lines, delimiter=delimiter, strict=False)
    number = before
    previous_limit = csv.field_size_limit()
    csv.field_size_limit(limits.MAX_CELL_CHARS)
    try:
        for number, cells in enumerate(reader, start=before + 1):
            if cells:  # a blank line only counts
                yield number, cells
    except _BadLine as error:
        raise SpreadsheetError(source, f"row {number + 1}: {error}") from None
    except csv.Error as error:
        if "field limit" in str(error):
            raise SpreadsheetError(source, limits.cell_too_long(number + 1)) from None
        raise SpreadsheetError(source, f"row {number + 1}: this is not a readable CSV file ({error}).") from None
    finally:
        csv.field_size_limit(previous_limit)


def _check_magic(path: str | Path, head: bytes) -> None:
    if head.startswith(_SQLITE_MAGIC):
        raise SpreadsheetError(path, "This is a database file, not a CSV sheet; open .tdorg files with Open, not Import.")
    if head.startswith(_ZIP_MAGIC):
        raise SpreadsheetError(path, "This looks like an Excel or OpenDocument workbook, not CSV text; give it the .xlsx or .ods extension.")
    if head.startswith(_OLE_MAGIC):
        raise SpreadsheetError(path, "This looks like an old-style Excel workbook, not CSV text; give it the .xls extension.")


def read_csv_table(path: str | Path) -> Table:
    with io.BytesIO(read_spreadsheet_bytes(path)) as handle:
        sample = handle.read(SAMPLE_BYTES)
        _check_magic(path, sample)
        codec, encoding = detect_encoding(sample)
        try:
            return _read(handle, codec, encoding, str(path))
        except UnicodeDecodeError:
            if codec != "utf-8":
                raise SpreadsheetError(path, f"The text is not readable as {encoding} further into the file.") from None
        # the first part was UTF-8 and a later one is not: Windows-1252, or Latin-1 (which reads any byte)
        try:
            return _read(handle, "cp1252", ENCODINGS["cp1252"], str(path))
        except UnicodeDecodeError:
            return _read(handle, "latin_1", ENCODINGS["latin_1"], str(path))


def _read(handle: BinaryIO, codec: str, encoding: str, source: str) -> Table:
    handle.seek(0)
    stream = io.TextIOWrapper(handle, encoding=codec, errors="strict", newline="")
    try:
        sample = stream.read(SAMPLE_BYTES // 2)
        delimiter = detect_delimiter(sample)
        stream.seek(0)
        details = f"{encoding}, {DELIMITERS[delimiter]}-separated"
        return build_table(_records(stream, delimiter, source), source, details)
    finally:
        stream.detach()


def parse_csv_text(text: str, source: str = "", encoding: str = "UTF-8") -> Table:
    """A table from CSV text; the delimiter is detected."""
    delimiter = detect_delimiter(text[: SAMPLE_BYTES // 2])
    details = f"{encoding}, {DELIMITERS[delimiter]}-separated"
    return build_table(_records(io.StringIO(text, newline=""), delimiter, source), source, details)
