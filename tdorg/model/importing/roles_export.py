"""Writing a chart's roles to a spreadsheet (CSV or Excel), every field a column.

The columns are those of the samples' CSV format plus notes and annual cost,
so the file reads back through :func:`~tdorg.model.importing.plan_import`
(and a CSV through :func:`~tdorg.model.formats.load_chart`) into the same
roles. Text that a spreadsheet program would run as a formula (starting
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading
``'`` so it shows as text; plain numbers are left alone. Both writers
replace the target file atomically.
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


def _check_importable(path: str | Path, chart: Chart) -> None:
    """Refuse, before anything is written, a sheet of more text than the import reads back
    (:data:`~.limits.MAX_TEXT_CHARS`): a chart of long notes on many roles can hold more."""
    text = sum(sum(map(len, role_cells(role))) for role in chart.roles_in_order())
    if text > limits.MAX_TEXT_CHARS:
        raise SpreadsheetError(path, f"The roles hold {text:,} characters of text, more than the {limits.MAX_TEXT_CHARS:,} "
                                     "tdorg imports from a sheet, so the file was not written; export fewer roles "
                                     "(a scenario of them), or keep the chart as a .tdorg file.")


def write_roles_csv(chart: Chart, path: str | Path) -> None:
    """Write every role with every field as CSV (UTF-8 with a byte-order mark, for Excel)."""
    _check_importable(path, chart)
    data = ("\ufeff" + roles_to_csv(chart)).encode("utf-8")
    if len(data) > limits.MAX_FILE_BYTES:
        raise SpreadsheetError(path, f"The file would be {len(data) / 2**20:,.0f} MB, more than the "
                                     f"{limits.MAX_FILE_BYTES // 2**20} MB tdorg imports, so it was not written; export "
                                     "fewer roles, or keep the chart as a .tdorg file.")
    write_bytes(path, data, error=SpreadsheetError)


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
    write_bytes(path, buffer.getvalue(), error=SpreadsheetError)


_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _xlsx_value(value: object) -> object:
    """Strings without the control characters a workbook cannot hold; numbers as they are."""
    if isinstance(value, str):
        return _ILLEGAL_XML.sub("\ufffd", value)
    return value
