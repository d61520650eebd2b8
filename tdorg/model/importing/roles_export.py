"""Writing a chart's roles to a spreadsheet (CSV or Excel), every field a column.

The columns are those of the samples' CSV format plus notes and annual cost,
so the file reads back through :func:`~tdorg.model.importing.plan_import`
(and a CSV through :func:`~tdorg.model.formats.load_chart`) into the same
roles. Text that a spreadsheet program would run as a formula (starting
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading
``'`` so it shows as text; plain numbers are left alone. Both writers
replace the target file atomically, and neither writes a file the import
would refuse (see :mod:`.limits`): the message names the limit.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ..chart import Chart
from ..files import write_bytes
from ..formats.sample_csv import COLUMNS, role_to_row
from ..formula_guard import neutralise
from ..role import Role
from . import limits
from .errors import SpreadsheetError
from .workbook_guard import check_xlsx

_NUMBER_COLUMNS = frozenset({"fte", "annual_cost"})
_XLSX_WIDTHS = {"id": 12, "title": 40, "person": 24, "category": 20, "reports_to": 12, "notes": 40}


def role_cells(role: Role) -> list[str]:
    """The role's cells in :data:`COLUMNS` order, neutralised."""
    return [neutralise(cell) for cell in role_to_row(role)]


def roles_to_csv(chart: Chart) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for role in chart.roles_in_order():
        writer.writerow(role_cells(role))
    return buffer.getvalue()


_NOT_WRITTEN = "so the file was not written; export fewer roles (a scenario of them), or keep the chart as a .tdorg file."


def _check_importable(path: str | Path, chart: Chart) -> None:
    """Refuse, before anything is written, a sheet the import would not read back: more text than
    :data:`~.limits.MAX_TEXT_CHARS` (long notes on many roles), or a cell longer than a spreadsheet
    cell holds (:data:`~.limits.MAX_CELL_CHARS`: a role with dotted lines to thousands of roles)."""
    text = 0
    for role in chart.roles_in_order():
        lengths = list(map(len, role_cells(role)))
        text += sum(lengths)
        if max(lengths) > limits.MAX_CELL_CHARS:
            column = COLUMNS[lengths.index(max(lengths))]
            raise SpreadsheetError(path, f"The “{column}” cell of {role.id} would hold {max(lengths):,} characters, more "
                                         f"than the {limits.MAX_CELL_CHARS:,} a spreadsheet cell holds, {_NOT_WRITTEN}")
    if text > limits.MAX_TEXT_CHARS:
        raise SpreadsheetError(path, f"The roles hold {text:,} characters of text, more than the {limits.MAX_TEXT_CHARS:,} "
                                     f"tdorg imports from a sheet, {_NOT_WRITTEN}")


def _write_importable(path: str | Path, data: bytes) -> None:
    if len(data) > limits.MAX_FILE_BYTES:
        raise SpreadsheetError(path, f"The file would be {len(data) / 2**20:,.0f} MB, more than the "
                                     f"{limits.MAX_FILE_BYTES // 2**20} MB tdorg imports, {_NOT_WRITTEN}")
    write_bytes(path, data, error=SpreadsheetError)


def write_roles_csv(chart: Chart, path: str | Path) -> None:
    """Write every role with every field as CSV (UTF-8 with a byte-order mark, for Excel)."""
    _check_importable(path, chart)
    _write_importable(path, ("\ufeff" + roles_to_csv(chart)).encode("utf-8"))


def write_roles_xlsx(chart: Chart, path: str | Path, sheet: str = "Roles") -> None:
    """Write every role with every field to a one-sheet Excel workbook."""
    _check_importable(path, chart)
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet[:31] or "Roles"
    worksheet.append(list(COLUMNS))
    bold = Font(bold=True)
    for index, name in enumerate(COLUMNS, start=1):
        worksheet.cell(row=1, column=index).font = bold
        worksheet.column_dimensions[get_column_letter(index)].width = _XLSX_WIDTHS.get(name, 16)
    worksheet.freeze_panes = "A2"
    fte_at, cost_at = COLUMNS.index("fte"), COLUMNS.index("annual_cost")
    for role in chart.roles_in_order():
        cells: list[object] = list(role_cells(role))
        cells[fte_at] = float(role.fte)
        cells[cost_at] = role.annual_cost
        worksheet.append([_xlsx_value(value) for value in cells])
    buffer = io.BytesIO()
    try:
        workbook.save(buffer)
    except Exception as error:  # openpyxl refuses text it cannot store
        raise SpreadsheetError(path, f"The workbook could not be written ({type(error).__name__}: {error}).") from None
    data = buffer.getvalue()
    try:  # the import's own check of a workbook's parts: each sheet's XML, the whole package, cells, strings
        check_xlsx(data, str(path))
    except SpreadsheetError as error:
        raise SpreadsheetError(path, f"tdorg would not import this workbook ({error.reason.rstrip('.')}), so it was "
                                     "not written; export the roles as CSV, which takes a third of the room, or "
                                     "fewer roles (a scenario of them).") from None
    _write_importable(path, data)


_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _xlsx_value(value: object) -> object:
    """Strings without the control characters a workbook cannot hold, and no cell at all for an empty one
    (an empty cell written takes 30 bytes of the sheet's XML, whose size the import limits); numbers as they are."""
    if isinstance(value, str):
        return _ILLEGAL_XML.sub("\ufffd", value) or None
    return value
