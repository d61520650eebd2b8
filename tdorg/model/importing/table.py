"""A sheet read from a spreadsheet file: header cells and data rows, as text.

Every reader (CSV, Excel, OpenDocument) gives the same neutral
:class:`Table`, so the column mapping and the import plan never care where
the cells came from. Row numbers are the sheet's own, 1-based, as a
spreadsheet program shows them; wholly blank rows hold no data and are left
out of ``rows`` but keep the numbering of the rows after them.

The header row is the row, among the first few, that holds the most known
column names ("Title", "Reports To", "Position ID"…); a title or notes above
it are kept in ``above_header`` for the user to see. Readers hand rows over
one at a time and :func:`build_table` stops at the first limit of
:mod:`.limits` a sheet passes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from . import limits
from .columns import SYNONYMS, normalise_header
from .errors import SpreadsheetError

#: File name extensions :func:`read_table` understands.
CSV_EXTENSIONS: tuple[str, ...] = (".csv", ".txt", ".tsv", ".tab")
WORKBOOK_EXTENSIONS: tuple[str, ...] = (".xlsx", ".xlsm", ".xls", ".ods")
TABLE_EXTENSIONS: tuple[str, ...] = CSV_EXTENSIONS + WORKBOOK_EXTENSIONS

_KNOWN_HEADERS = frozenset(name for names in SYNONYMS.values() for name in names)


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
    #: The sheet read, for a workbook; empty for a CSV file.
    sheet: str = ""
    #: Non-blank rows above the header row (a title, notes), ignored by the import.
    above_header: tuple[TableRow, ...] = field(default=())

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def where(self) -> str:
        """Which sheet and header row the rows were read with, e.g. "sheet “Staff”, header on row 3"."""
        sheet = f"sheet “{self.sheet}”, " if self.sheet else ""
        return f"{sheet}header on row {self.header_row}"


def header_score(cells: Sequence[str]) -> int:
    """How many distinct known column names a row holds."""
    return len({key for key in (normalise_header(c) for c in cells if c) if key in _KNOWN_HEADERS})


def _clean(number: int, cells: Sequence[object], source: str) -> list[str]:
    if len(cells) > limits.MAX_COLUMNS:
        cells = list(cells)
        while len(cells) > limits.MAX_COLUMNS and not cells[-1]:
            cells.pop()
        if len(cells) > limits.MAX_COLUMNS:
            raise SpreadsheetError(source, limits.too_many_columns(number))
    out = [c.strip() if isinstance(c, str) else str(c) for c in cells]
    while out and not out[-1]:
        out.pop()
    if any(len(c) > limits.MAX_CELL_CHARS for c in out):
        raise SpreadsheetError(source, limits.cell_too_long(number))
    return out


def build_table(
    raw_rows: Iterable[tuple[int, Sequence[object]]],
    source: str,
    details: str,
    sheets: tuple[str, ...] = (),
    sheet: str = "",
) -> Table:
    """A table from numbered rows of cells, read one at a time within the limits."""
    top: list[tuple[int, list[str]]] = []
    data: list[TableRow] = []
    width = 0
    text = 0
    for number, raw in raw_rows:
        cells = _clean(number, raw, source)
        if not cells:
            continue
        text += sum(map(len, cells))
        if text > limits.MAX_TEXT_CHARS:
            raise SpreadsheetError(source, limits.too_much_text())
        if len(top) < limits.HEADER_SEARCH_ROWS and not data:
            top.append((number, cells))
            if len(top) == limits.HEADER_SEARCH_ROWS:
                width, data = _split_header(top, source)
            continue
        if len(data) >= limits.MAX_ROWS:
            raise SpreadsheetError(source, limits.too_many_rows())
        data.append(_row(number, cells, width))
        if len(data) * max(width, 1) > limits.MAX_CELLS:
            raise SpreadsheetError(source, limits.too_many_cells())
    if not top:
        raise SpreadsheetError(source, "The sheet is empty: there is no header row and no data.")
    if len(top) < limits.HEADER_SEARCH_ROWS:
        width, data = _split_header(top, source)
    header_at = _header_index(top)
    header_number, header = top[header_at]
    above = tuple(TableRow(n, tuple(c)) for n, c in top[:header_at])
    return Table(tuple(header), tuple(data), header_number, source, details, sheets, sheet, above)


def _header_index(top: list[tuple[int, list[str]]]) -> int:
    """The first of the rows holding the most known column names (the first row when none holds one)."""
    scores = [header_score(cells) for _, cells in top]
    return scores.index(max(scores))


def _split_header(top: list[tuple[int, list[str]]], source: str) -> tuple[int, list[TableRow]]:
    """The header's width and the data rows among the top rows."""
    at = _header_index(top)
    width = len(top[at][1])
    rows = [_row(n, cells, width) for n, cells in top[at + 1 :]]
    if len(rows) * max(width, 1) > limits.MAX_CELLS:
        raise SpreadsheetError(source, limits.too_many_cells())
    return width, rows


def _row(number: int, cells: list[str], width: int) -> TableRow:
    if len(cells) < width:
        cells = cells + [""] * (width - len(cells))
    return TableRow(number, tuple(cells))


def read_table(path: str | Path, sheet: str | None = None) -> Table:
    """Read a CSV file or a workbook sheet (by extension); ``sheet`` picks a workbook's sheet by name."""
    suffix = Path(path).suffix.lower()
    if suffix in WORKBOOK_EXTENSIONS:
        from .workbook_table import read_workbook_table

        return read_workbook_table(path, sheet)
    if suffix in CSV_EXTENSIONS:
        if sheet is not None:
            raise SpreadsheetError(path, "A CSV file has a single sheet; leave out the sheet name.")
        from .csv_table import read_csv_table

        return read_csv_table(path)
    shown = f"“{suffix}”" if suffix else "no extension"
    raise SpreadsheetError(
        path,
        f"tdorg cannot import a file with {shown}; use a .csv file (comma, semicolon, tab or | separated) "
        "or a workbook (.xlsx, .xlsm, .xls, .ods).",
    )
