"""Reading one sheet of a workbook (.xlsx, .xlsm, .xls, .ods) into a :class:`~.table.Table`.

python-calamine reads all four formats. Formulas give their last computed
value, never the formula, and nothing in the file is evaluated. Before the
workbook is opened, :mod:`.workbook_guard` checks that its sheets and shared
strings are within the limits. Every cell becomes text: whole numbers
without a decimal point, ``TRUE``/``FALSE`` as yes/no, dates in ISO form.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import math
from pathlib import Path
from typing import Iterator, Sequence

from . import workbook_guard
from .csv_table import read_spreadsheet_bytes
from .errors import SpreadsheetError
from .table import Table, build_table

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Each extension, the file's first bytes, the check made before opening it, and its name for the user.
_KINDS = {
    ".xlsx": (_ZIP_MAGIC, workbook_guard.check_xlsx, "an Excel .xlsx workbook"),
    ".xlsm": (_ZIP_MAGIC, workbook_guard.check_xlsx, "an Excel .xlsm workbook"),
    ".ods": (_ZIP_MAGIC, workbook_guard.check_ods, "an OpenDocument .ods spreadsheet"),
    ".xls": (_OLE_MAGIC, workbook_guard.check_xls, "an Excel 97–2003 .xls workbook"),
}


def cell_text(value: object) -> str:
    """A cell value as the text a user sees in the spreadsheet."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _reraise_interrupts(error: BaseException) -> None:
    """Let Ctrl+C and exits through; a failure inside calamine, even a Rust panic (a ``BaseException``), is a damaged file."""
    if isinstance(error, (KeyboardInterrupt, SystemExit, GeneratorExit)):
        raise error


def _reason(error: BaseException) -> str:
    text = " ".join(str(error).split())[:200]
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _open(path: str | Path):  # -> python_calamine.CalamineWorkbook
    """The workbook, read once into memory and checked against the limits before it is opened."""
    suffix = Path(path).suffix.lower()
    magic, check, what = _KINDS[suffix]
    data = read_spreadsheet_bytes(path)
    if not data.startswith(magic):
        raise SpreadsheetError(path, f"This is not {what} (the file does not start as one does).")
    check(data, str(path))
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except BaseException as error:  # calamine raises several kinds on a damaged workbook
        _reraise_interrupts(error)
        raise SpreadsheetError(path, f"This workbook cannot be read; it may be damaged ({_reason(error)}).") from None


def _sheet_names(workbook) -> list[str]:
    from python_calamine import SheetTypeEnum

    return [s.name for s in workbook.sheets_metadata if s.typ in (SheetTypeEnum.WorkSheet, SheetTypeEnum.DialogSheet)]


def workbook_sheets(path: str | Path) -> list[str]:
    """The names of the workbook's sheets of cells, in order."""
    workbook = _open(path)
    try:
        return _sheet_names(workbook)
    finally:
        workbook.close()


def _rows(sheet) -> Iterator[tuple[int, Sequence[str]]]:
    """The sheet's rows from its first cell's, numbered as the sheet numbers them.

    calamine gives the rows from the sheet's first row, the empty ones above the first cell included;
    those are passed over without being looked at.
    """
    first = sheet.start[0] if sheet.start else 0
    for number, values in enumerate(itertools.islice(sheet.iter_rows(), first, None), start=first + 1):
        yield number, [v if type(v) is str else cell_text(v) for v in values]


def read_workbook_table(path: str | Path, sheet: str | None = None) -> Table:
    """Read ``sheet`` (by name; default the first) of the workbook at ``path``."""
    workbook = _open(path)
    try:
        names = tuple(_sheet_names(workbook))
        if not names:
            raise SpreadsheetError(path, "The workbook has no sheet of cells.")
        name = names[0] if sheet is None else sheet
        if name not in names:
            shown = ", ".join(f"“{n}”" for n in names)
            raise SpreadsheetError(path, f"The workbook has no sheet named “{sheet}”; its sheets are {shown}.")
        try:
            cells = workbook.get_sheet_by_name(name)
            table = build_table(_rows(cells), str(path), _details(name, names), names, name)
        except SpreadsheetError:
            raise
        except BaseException as error:  # damaged XML or records: calamine raises several kinds
            _reraise_interrupts(error)
            raise SpreadsheetError(path, f"The sheet “{name}” cannot be read; it may be damaged ({_reason(error)}).") from None
    finally:
        workbook.close()
    return table


def _details(name: str, names: tuple[str, ...]) -> str:
    return f"sheet “{name}”" + (f" (of {len(names)})" if len(names) > 1 else "")
