"""A sheet read from a spreadsheet file: header cells and data rows, as text.

Both readers (CSV and Excel) give the same neutral :class:`Table`, so the
column mapping and the import plan never care where the cells came from.
Row numbers are the sheet's own, 1-based, as a spreadsheet program shows
them; wholly blank rows hold no data and are left out of ``rows`` but keep
the numbering of the rows after them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import SpreadsheetError

#: File name extensions :func:`read_table` understands.
CSV_EXTENSIONS: tuple[str, ...] = (".csv", ".txt", ".tsv")
XLSX_EXTENSIONS: tuple[str, ...] = (".xlsx", ".xlsm")
TABLE_EXTENSIONS: tuple[str, ...] = CSV_EXTENSIONS + XLSX_EXTENSIONS


@dataclass(frozen=True)
class TableRow:
    """One data row: its 1-based row number in the sheet and its cells as text."""

    number: int
    cells: tuple[str, ...]

    def cell(self, index: int | None) -> str:
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index]


@dataclass(frozen=True)
class Table:
    """The header cells and the data rows of one sheet."""

    headers: tuple[str, ...]
    rows: tuple[TableRow, ...]
    header_row: int = 1
    source: str = ""
    #: How the file was read, for the user: e.g. "UTF-8, comma-separated" or "sheet “Staff”".
    details: str = ""
    sheet_names: tuple[str, ...] = field(default=())

    def __len__(self) -> int:
        return len(self.rows)


def build_table(raw_rows: list[tuple[int, list[str]]], source: str, details: str, sheets: tuple[str, ...] = ()) -> Table:
    """A table from numbered rows of cells: the first non-blank row is the header."""
    rows = [(n, [c.strip() if isinstance(c, str) else c for c in cells]) for n, cells in raw_rows]
    rows = [(n, cells) for n, cells in rows if any(cells)]
    if not rows:
        raise SpreadsheetError(source, "The sheet is empty: there is no header row and no data.")
    header_number, header = rows[0]
    while header and not header[-1]:
        header.pop()
    width = len(header)
    data = []
    for number, cells in rows[1:]:
        while len(cells) > width and not cells[-1]:
            cells.pop()
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        data.append(TableRow(number, tuple(cells)))
    return Table(tuple(header), tuple(data), header_number, source, details, sheets)


def read_table(path: str | Path, sheet: str | None = None) -> Table:
    """Read a CSV or Excel sheet (by extension); ``sheet`` picks an Excel sheet by name."""
    suffix = Path(path).suffix.lower()
    if suffix in XLSX_EXTENSIONS:
        from .xlsx_table import read_xlsx_table

        return read_xlsx_table(path, sheet)
    if suffix == ".xls":
        raise SpreadsheetError(
            path, "This is an old-style Excel file (.xls); open it in a spreadsheet program and save it as .xlsx or .csv."
        )
    if suffix in CSV_EXTENSIONS:
        if sheet is not None:
            raise SpreadsheetError(path, "A CSV file has a single sheet; leave out the sheet name.")
        from .csv_table import read_csv_table

        return read_csv_table(path)
    shown = f"“{suffix}”" if suffix else "no extension"
    raise SpreadsheetError(
        path, f"tdorg cannot import a file with {shown}; use a .csv file (comma, semicolon or tab separated) or an .xlsx workbook."
    )
