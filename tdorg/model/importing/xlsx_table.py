"""Reading one sheet of an Excel workbook (.xlsx) into a :class:`~.table.Table`.

The workbook is opened read-only with cached formula results (a formula's
last computed value, never the formula), so big sheets stream and nothing in
the file is evaluated. Every cell becomes text: whole numbers without a
decimal point, ``TRUE``/``FALSE`` as yes/no, dates in ISO form.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

from .csv_table import MAX_CELL, read_bytes
from .errors import SpreadsheetError
from .table import Table, build_table

_ZIP_MAGIC = b"PK\x03\x04"


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


def _open(path: str | Path):  # -> openpyxl Workbook
    import openpyxl

    with open(path, "rb") as handle:
        head = handle.read(4)
    if head != _ZIP_MAGIC:
        raise SpreadsheetError(path, "This is not an Excel .xlsx workbook (the file is not a zip package).")
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged package
        raise SpreadsheetError(path, f"This Excel workbook cannot be read; it may be damaged ({_reason(error)}).") from None


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split())[:200]
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def workbook_sheets(path: str | Path) -> list[str]:
    """The names of the workbook's worksheets, in order."""
    read_bytes(path)  # the usual messages for a missing or unreadable file
    workbook = _open(path)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def read_xlsx_table(path: str | Path, sheet: str | None = None) -> Table:
    """Read ``sheet`` (by name; default the first) of the workbook at ``path``."""
    read_bytes(path)
    workbook = _open(path)
    try:
        names = tuple(workbook.sheetnames)
        if not names:
            raise SpreadsheetError(path, "The workbook has no sheets.")
        name = names[0] if sheet is None else sheet
        if name not in names:
            shown = ", ".join(f"“{n}”" for n in names)
            raise SpreadsheetError(path, f"The workbook has no sheet named “{sheet}”; its sheets are {shown}.")
        worksheet = workbook[name]
        if not hasattr(worksheet, "iter_rows"):
            raise SpreadsheetError(path, f"“{name}” is a chart sheet, not a sheet of cells.")
        try:
            worksheet.reset_dimensions()
            rows = []
            for number, values in enumerate(worksheet.iter_rows(min_row=1, values_only=True), start=1):
                cells = [cell_text(v) for v in values]
                if any(len(c) > MAX_CELL for c in cells):
                    raise SpreadsheetError(path, f"row {number}: a cell holds more than {MAX_CELL:,} characters.")
                rows.append((number, cells))
        except SpreadsheetError:
            raise
        except Exception as error:  # damaged XML or zip members: openpyxl raises many kinds
            raise SpreadsheetError(path, f"The sheet “{name}” cannot be read; it may be damaged ({_reason(error)}).") from None
    finally:
        workbook.close()
    details = f"sheet “{name}”" + (f" (of {len(names)})" if len(names) > 1 else "")
    return build_table(rows, str(path), details, names)
