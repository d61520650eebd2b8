"""Reading CSV and Excel sheets: encodings, delimiters, row numbers, unreadable files."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tdorg.model.errors import FileError
from tdorg.model.importing import SpreadsheetError, read_table, workbook_sheets
from tdorg.model.importing.csv_table import detect_delimiter

ROWS = [["Employee Name", "Job Title", "Reports To"], ["José Núñez", "Técnico de Redes", "Zoë Ørsted"]]


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",", encoding: str = "utf-8") -> Path:
    text = "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "latin-1", "cp1252"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_encodings_and_delimiters(tmp_path: Path, encoding: str, delimiter: str) -> None:
    table = read_table(write_csv(tmp_path / "staff.csv", ROWS, delimiter, encoding))
    assert table.headers == tuple(ROWS[0])
    assert [r.cells for r in table.rows] == [tuple(ROWS[1])]
    assert table.rows[0].number == 2


def test_windows_1252_punctuation_is_read(tmp_path: Path) -> None:
    path = tmp_path / "hr.csv"
    path.write_bytes("Title,Name\r\nDirector – Technology,O’Brien\r\n".encode("cp1252"))
    table = read_table(path)
    assert table.rows[0].cells == ("Director – Technology", "O’Brien")
    assert "1252" in table.details


def test_byte_order_mark_is_not_part_of_the_first_header(tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path / "bom.csv", ROWS, encoding="utf-8-sig"))
    assert table.headers[0] == "Employee Name"
    assert "byte-order mark" in table.details


def test_delimiter_inside_quotes_is_not_counted() -> None:
    assert detect_delimiter('"Doe, Jane; Sr.";Title;Manager\n') == ";"
    assert detect_delimiter("Name\tTitle\tManager, ID\n") == "\t"
    assert detect_delimiter("Title\n") == ","


def test_row_numbers_skip_blank_rows_but_keep_counting(tmp_path: Path) -> None:
    path = tmp_path / "gaps.csv"
    path.write_text("\nTitle,Name\n\nTech,Ann\n,\nCoach,Bo\n", encoding="utf-8")
    table = read_table(path)
    assert table.header_row == 2
    assert [(r.number, r.cells) for r in table.rows] == [(4, ("Tech", "Ann")), (6, ("Coach", "Bo"))]


def test_quoted_cells_with_newlines_count_as_one_row(tmp_path: Path) -> None:
    path = tmp_path / "multi.csv"
    path.write_text('Title,Notes\nTech,"two\nlines"\nCoach,x\n', encoding="utf-8")
    table = read_table(path)
    assert [r.number for r in table.rows] == [2, 3]
    assert table.rows[0].cells[1] == "two\nlines"


def test_short_rows_are_padded(tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text("Title,Name,Manager\nTech\n", encoding="utf-8")
    assert read_table(path).rows[0].cells == ("Tech", "", "")


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def test_xlsx_first_or_named_sheet_and_cell_types(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "staff.xlsx",
        {
            "Summary": [["nothing here"]],
            "Staff": [["Position ID", "Title", "FTE", "Salary", "Vacant"], [1001, "Tech", 0.5, 85000.0, True], [],
                      [1002, "Coach", 1, None, False]],
        },
    )
    assert workbook_sheets(path) == ["Summary", "Staff"]
    assert read_table(path).headers == ("nothing here",)
    table = read_table(path, sheet="Staff")
    assert table.sheet_names == ("Summary", "Staff")
    assert [(r.number, r.cells) for r in table.rows] == [
        (2, ("1001", "Tech", "0.5", "85000", "yes")),
        (4, ("1002", "Coach", "1", "", "no")),
    ]


def test_xlsx_formulas_give_their_cached_value_not_the_formula(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "f.xlsx", {"S": [["Title", "FTE"], ["Tech", "=1/2"]]})
    # openpyxl writes no cached value, so the cell reads as empty: never as formula text
    assert read_table(path).rows[0].cells == ("Tech", "")


def test_xlsx_unknown_sheet_names_the_sheets(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", {"One": [["Title"]], "Two": [["Title"]]})
    with pytest.raises(SpreadsheetError, match="no sheet named “Three”; its sheets are “One”, “Two”"):
        read_table(path, sheet="Three")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "cannot be read"),
        ("text.xlsx", b"Title,Name\n", "not an Excel .xlsx workbook"),
        ("old.xls", b"\xd0\xcf\x11\xe0", "not an Excel 97–2003 .xls workbook"),
        ("fake.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "cannot be read"),
        ("text.ods", b"Title\n", "not an OpenDocument .ods spreadsheet"),
        ("zip.csv", b"PK\x03\x04rest", "workbook, not CSV text"),
        ("chart.tdorg", b"SQLite format 3\x00", "cannot import a file"),
        ("db.csv", b"SQLite format 3\x00rest", "database file"),
        ("nul.csv", b"Title\r\nTe\x00ch\r\n", "binary data"),
        ("empty.csv", b"", "empty"),
        ("blank.csv", b"\n,,\n\n", "empty"),
    ],
)
def test_unreadable_files_give_a_clear_error(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SpreadsheetError, match=message) as caught:
        read_table(path)
    assert str(path) in str(caught.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(FileError, match="no such file"):
        read_table(tmp_path / "nope.csv")
    folder = tmp_path / "dir.csv"
    folder.mkdir()
    with pytest.raises(FileError, match="folder"):
        read_table(folder)


def test_huge_cell_is_refused_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text("Title,Notes\nTech," + "x" * 2_000_000 + "\n", encoding="utf-8")
    with pytest.raises(SpreadsheetError, match="row 2"):
        read_table(path)
