"""How much of a spreadsheet tdorg reads, and the sentence for each limit.

A roster is a few thousand rows; a file far past these limits is a broken
export or a hostile one, and reading it whole would take minutes and
gigabytes. Every reader stops at the first limit it passes and raises a
:class:`~.errors.SpreadsheetError` whose message names the limit.
"""

from __future__ import annotations

from ..values import ROLES_MAX

#: The biggest spreadsheet file read at all, in bytes.
MAX_FILE_BYTES = 100 * 1024 * 1024
#: Data rows (below the header, blank rows not counted) in one sheet.
MAX_ROWS = ROLES_MAX
#: Columns in one row.
MAX_COLUMNS = 500
#: Cells in one sheet: its rows times its columns, empty cells included.
MAX_CELLS = 2_000_000
#: Characters in one cell: the most a cell of Excel can hold.
MAX_CELL_CHARS = 32_767
#: Characters of text in one sheet, all cells together.
MAX_TEXT_CHARS = 50_000_000
#: Characters in one line of a CSV file (a record may span several lines when quoted).
MAX_LINE_CHARS = MAX_COLUMNS * 200
#: Uncompressed size of one XML part of a workbook (a sheet, its shared strings), in bytes.
MAX_XML_BYTES = 50 * 1024 * 1024
#: Uncompressed size of all the parts of a workbook package together, in bytes.
MAX_PACKAGE_BYTES = 200 * 1024 * 1024
#: Distinct strings a workbook's shared-string table may hold.
MAX_SHARED_STRINGS = 1_000_000
#: Parts (members) of a workbook package.
MAX_PARTS = 10_000
#: How many non-blank rows at the top of a sheet are looked at to find the header row.
HEADER_SEARCH_ROWS = 12


def too_many_rows() -> str:
    return (
        f"The sheet has more than {MAX_ROWS:,} rows of data; tdorg imports at most {MAX_ROWS:,} rows. "
        "Split the sheet or remove the rows that are not positions."
    )


def too_many_columns(row: int) -> str:
    return f"row {row}: the row has more than {MAX_COLUMNS:,} columns; tdorg reads at most {MAX_COLUMNS:,}."


def too_many_cells() -> str:
    return (
        f"The sheet spans more than {MAX_CELLS:,} cells (rows × columns); tdorg reads at most {MAX_CELLS:,}. "
        "Delete the unused rows and columns, or copy the roster to a new sheet."
    )


def cell_too_long(row: int) -> str:
    return f"row {row}: a cell holds more than {MAX_CELL_CHARS:,} characters, the most a spreadsheet cell can hold."


def too_much_text() -> str:
    return f"The sheet holds more than {MAX_TEXT_CHARS:,} characters of text; tdorg reads at most {MAX_TEXT_CHARS:,}."


def file_too_big(size: int) -> str:
    return (
        f"The file is {size / 1024 / 1024:,.0f} MB; tdorg reads spreadsheets of at most "
        f"{MAX_FILE_BYTES // 1024 // 1024} MB."
    )
