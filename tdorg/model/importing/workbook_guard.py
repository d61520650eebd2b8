"""Checking a workbook's size before it is opened: cells, rows and shared strings.

The workbook reader loads a whole sheet, as a rectangle from its first to its
last cell, and the whole shared-string table. A small file can declare a
huge one: a million empty strings, or one cell at A1 and one at XFD1048576.
These checks read the parts that say so — the sheets' cell references and the
shared strings of an ``.xlsx``, the rows and cells of an ``.ods``, the cell
records of an ``.xls`` — as a stream, with no more memory than one chunk,
and refuse the workbook with the limit it passes (see :mod:`.limits`).
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
import zlib
from typing import Iterator
from xml.etree import ElementTree

from . import limits
from .errors import SpreadsheetError

_CHUNK = 1024 * 1024
#: A cell whose first attribute is its reference, as Excel and most programs write it.
_CELL_REF = re.compile(rb"<c r=\"([A-Z]{1,3})(\d{1,7})\"")
_ROW_OR_CELL = re.compile(rb"<(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*)>")
_REF = re.compile(rb"\br=\"([A-Za-z]{0,3})(\d{0,7})\"")
_SHARED_STRING = re.compile(rb"<(?:[\w.-]+:)?si[\s/>]")
_ODS_TAG = re.compile(rb"<(/?)(?:[\w.-]+:)?(table|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*)>")
_ODS_REPEAT = re.compile(rb"number-(?:rows|columns)-repeated=\"(\d{1,9})\"")
_WORKSHEET_TYPE = "/worksheet"
#: What reading a damaged package raises: a bad zip directory, deflate stream, CRC or XML.
_DAMAGED = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError,
            ElementTree.ParseError, RuntimeError)
_RELS = "xl/_rels/workbook.xml.rels"


class Extent:
    """The rectangle from a sheet's first to its last cell, grown cell by cell."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.top = self.left = 1 << 30
        self.bottom = self.right = -1

    def add(self, row: int, column: int, rows: int = 1, columns: int = 1) -> None:
        self.top = min(self.top, row)
        self.left = min(self.left, column)
        self.bottom = max(self.bottom, row + rows - 1)
        self.right = max(self.right, column + columns - 1)

    def check(self) -> None:
        if self.bottom < 0:
            return
        height = self.bottom - self.top + 1
        if height > limits.MAX_ROWS + limits.HEADER_SEARCH_ROWS:
            raise SpreadsheetError(self.source, limits.too_many_rows())
        if self.right - self.left + 1 > limits.MAX_COLUMNS:
            raise SpreadsheetError(self.source, limits.too_many_columns(self.top + 1))
        if height * (self.right - self.left + 1) > limits.MAX_CELLS:
            raise SpreadsheetError(self.source, limits.too_many_cells())


def _column_number(letters: bytes) -> int:
    number = 0
    for byte in letters.upper():
        number = number * 26 + byte - 64
    return number - 1


def _damaged(source: str, error: Exception) -> SpreadsheetError:
    return SpreadsheetError(source, f"This workbook cannot be read; it may be damaged ({type(error).__name__}: {error}).")


def _chunks(package: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> Iterator[bytes]:
    """A part's bytes in pieces that end at a tag's start, so no tag is split between two."""
    if info.file_size > limits.MAX_XML_BYTES:
        raise SpreadsheetError(
            source,
            f"The part “{info.filename}” of the workbook is {info.file_size / 1024 / 1024:,.0f} MB of XML "
            f"unpacked; tdorg reads parts of at most {limits.MAX_XML_BYTES // 1024 // 1024} MB.",
        )
    carry = b""
    with package.open(info) as stream:
        while True:
            piece = stream.read(_CHUNK)
            if not piece:
                break
            data = carry + piece
            cut = data.rfind(b"<")
            if cut <= 0 or len(data) - cut > _CHUNK:
                cut = len(data)
            carry = data[cut:]
            yield data[:cut]
    if carry:
        yield carry


def _members(package: zipfile.ZipFile, source: str) -> list[zipfile.ZipInfo]:
    """The package's parts, once their number and their unpacked size together are within the limits."""
    members = package.infolist()
    if len(members) > limits.MAX_PARTS:
        raise SpreadsheetError(source, f"The workbook has more than {limits.MAX_PARTS:,} parts.")
    total = sum(info.file_size for info in members)
    if total > limits.MAX_PACKAGE_BYTES:
        raise SpreadsheetError(
            source,
            f"The workbook unpacks to {total / 1024 / 1024:,.0f} MB; tdorg reads workbooks of at most "
            f"{limits.MAX_PACKAGE_BYTES // 1024 // 1024} MB unpacked.",
        )
    return members


def _check_parts(package: zipfile.ZipFile, members: list[zipfile.ZipInfo], scanned: set[str], source: str) -> None:
    """Unpack every part not scanned otherwise, so each is known to hold no more than it declares."""
    for info in members:
        if info.filename not in scanned and not info.is_dir():
            for _ in _chunks(package, info, source):
                pass


def check_xlsx(data: bytes, source: str) -> None:
    """Refuse an .xlsx/.xlsm package (the file's bytes) whose sheets or shared strings pass a limit."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = _members(package, source)
            by_name = {info.filename: info for info in members}
            strings = [info for info in members if info.filename.lower().endswith("sharedstrings.xml")]
            for info in strings:
                _check_shared_strings(package, info, source)
            sheets = _sheet_parts(package, by_name, source)
            for name in sheets:
                _check_sheet(package, by_name[name], source)
            _check_parts(package, members, {i.filename for i in strings} | set(sheets), source)
    except SpreadsheetError:
        raise
    except _DAMAGED as error:
        raise _damaged(source, error) from None


def _sheet_parts(package: zipfile.ZipFile, by_name: dict[str, zipfile.ZipInfo], source: str) -> list[str]:
    """The worksheet parts the workbook's relationships name (every ``xl/worksheets/`` part without them)."""
    names = {n for n in by_name if n.lower().startswith("xl/worksheets/") and n.lower().endswith(".xml")}
    rels = by_name.get(_RELS)
    if rels is not None:
        text = b"".join(_chunks(package, rels, source))
        for element in ElementTree.fromstring(text):
            if str(element.get("Type", "")).endswith(_WORKSHEET_TYPE):
                target = str(element.get("Target", ""))
                name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
                names.add(name)
    return sorted(n for n in names if n in by_name)


def _check_shared_strings(package: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> None:
    count = 0
    for chunk in _chunks(package, info, source):
        count += len(_SHARED_STRING.findall(chunk))
        if count > limits.MAX_SHARED_STRINGS:
            raise SpreadsheetError(
                source,
                f"The workbook's shared-string table holds more than {limits.MAX_SHARED_STRINGS:,} strings; "
                f"tdorg reads at most {limits.MAX_SHARED_STRINGS:,}.",
            )


def _check_sheet(package: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> None:
    extent = Extent(source)
    row, column = 0, -1
    cells = 0
    for chunk in _chunks(package, info, source):
        refs = _CELL_REF.findall(chunk)
        tags = chunk.count(b"<c ") + chunk.count(b"<c>") + chunk.count(b"<c/>")
        cells += tags
        if cells > limits.MAX_CELLS:
            raise SpreadsheetError(source, limits.too_many_cells())
        if len(refs) == tags and b":c" not in chunk:  # every cell says where it is first (and none has a prefix)
            if refs:
                numbers = [int(digits) for _, digits in refs]
                columns = [_column_number(letters) for letters in {letters for letters, _ in refs}]
                extent.add(min(numbers) - 1, min(columns))
                extent.add(max(numbers) - 1, max(columns))
                row, column = numbers[-1] - 1, _column_number(refs[-1][0])
        else:
            row, column = _walk(chunk, extent, row, column)
        extent.check()


def _walk(chunk: bytes, extent: Extent, row: int, column: int) -> tuple[int, int]:
    """Follow rows and cells one by one, for cells without a reference (their place is the next one)."""
    for match in _ROW_OR_CELL.finditer(chunk):
        ref = _REF.search(match.group(2))
        if match.group(1) == b"row":
            row = int(ref.group(2)) - 1 if ref and ref.group(2) else row + 1
            column = -1
            continue
        if ref and ref.group(1):
            column = _column_number(ref.group(1))
            if ref.group(2):
                row = int(ref.group(2)) - 1
        else:
            column += 1
        extent.add(row, column)
    return row, column


def check_ods(data: bytes, source: str) -> None:
    """Refuse an .ods package (the file's bytes) whose sheets, with their repeated rows and cells, pass a limit."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = _members(package, source)
            try:
                info = package.getinfo("content.xml")
            except KeyError:
                raise SpreadsheetError(source, "This is not an OpenDocument spreadsheet: it has no content.") from None
            _check_ods_content(package, info, source)
            _check_parts(package, members, {"content.xml"}, source)
    except SpreadsheetError:
        raise
    except _DAMAGED as error:
        raise _damaged(source, error) from None


def _check_ods_content(package: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> None:
    """Rows and cells may repeat (``number-rows-repeated``); only those holding a value make the sheet bigger."""
    extent = Extent(source)
    row, column, repeat_rows = 0, 0, 1
    for chunk in _chunks(package, info, source):
        for match in _ODS_TAG.finditer(chunk):
            closing, name, attrs = match.groups()
            if name == b"table":  # a new sheet
                extent, row, column, repeat_rows = Extent(source), 0, 0, 1
                continue
            if name == b"table-row":
                if closing:
                    row += repeat_rows
                else:
                    found = _ODS_REPEAT.search(attrs)
                    repeat_rows, column = (int(found.group(1)) if found else 1), 0
                    if attrs.endswith(b"/"):
                        row += repeat_rows
                continue
            if closing:
                continue
            found = _ODS_REPEAT.search(attrs)
            repeat = int(found.group(1)) if found else 1
            if not attrs.endswith(b"/") or b"value-type" in attrs:  # a cell with content
                extent.add(row, column, repeat_rows, repeat)
                extent.check()
            column += repeat
        extent.check()


#: BIFF records that hold one cell, each starting with its row and column.
_XLS_CELLS = {0x0006, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x00D6}
_XLS_MULTI = {0x00BD, 0x00BE}  # MULRK, MULBLANK: row, first column … last column
_XLS_SST = 0x00FC
_XLS_BOF = 0x0809  # starts the workbook globals and each sheet
_XLS_DIMENSIONS = 0x0200  # a sheet's declared first and last rows and columns, which the reader sizes by


def _check_dimensions(body: bytes, source: str) -> None:
    """A sheet's declared extent: first before last, and within the cell limit."""
    if len(body) >= 14:
        first_row, last_row, first_column, last_column = struct.unpack_from("<IIHH", body)
    else:
        first_row, last_row, first_column, last_column = struct.unpack_from("<HHHH", body)
    if first_row > last_row or first_column > last_column:
        raise SpreadsheetError(source, "This workbook cannot be read; it is damaged (a sheet's size is wrong).")
    if (last_row - first_row) * (last_column - first_column) > limits.MAX_CELLS:
        raise SpreadsheetError(source, limits.too_many_cells())


def check_xls(data: bytes, source: str) -> None:
    """Refuse an .xls workbook (the file's bytes) whose cells or shared strings pass a limit."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as container:
            name = next((n for n in ("Workbook", "Book") if container.exists(n)), None)
            if name is None:
                raise SpreadsheetError(source, "This is not an Excel workbook: it holds no workbook stream.")
            stream = container.openstream(name).read()
    except SpreadsheetError:
        raise
    except Exception as error:  # olefile raises several kinds on a damaged container
        raise _damaged(source, error) from None
    _check_biff(stream, source)


def _check_biff(data: bytes, source: str) -> None:
    extent = Extent(source)
    offset, end, cells = 0, len(data), 0
    while offset + 4 <= end:
        kind, size = struct.unpack_from("<HH", data, offset)
        body = offset + 4
        offset = body + size
        if offset > end:  # a cut-off last record: the reader says what it makes of it
            break
        if kind == _XLS_BOF:
            extent.check()
            extent = Extent(source)
        elif kind in _XLS_CELLS and size >= 4:
            row, column = struct.unpack_from("<HH", data, body)
            extent.add(row, column)
            cells += 1
        elif kind in _XLS_MULTI and size >= 6:
            row, first = struct.unpack_from("<HH", data, body)
            (last,) = struct.unpack_from("<H", data, body + size - 2)
            extent.add(row, first, 1, max(last - first + 1, 1))
            cells += max(last - first + 1, 1)
        elif kind == _XLS_DIMENSIONS and size >= 10:
            _check_dimensions(data[body : body + size], source)
        elif kind == _XLS_SST and size >= 8:
            _total, unique = struct.unpack_from("<II", data, body)
            if unique > limits.MAX_SHARED_STRINGS:
                raise SpreadsheetError(
                    source,
                    f"The workbook's shared-string table holds {unique:,} strings; tdorg reads at most "
                    f"{limits.MAX_SHARED_STRINGS:,}.",
                )
        if cells > limits.MAX_CELLS:
            raise SpreadsheetError(source, limits.too_many_cells())
    extent.check()
