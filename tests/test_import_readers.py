"""Spreadsheets as HR systems export them: encodings, delimiters, .xls and .ods, title rows above the header."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tdorg.cli.commands import run
from tdorg.model.importing import read_table, workbook_sheets

from .test_import_table import write_xlsx

ROWS = [["Position ID", "Job Title", "Employee Name", "Reports To"],
        ["1", "Directeur – Technologie", "Zoë Ørsted", ""],
        ["2", "Técnico de Redes", "José Núñez", "1"]]


def text_of(rows: list[list[str]], delimiter: str) -> str:
    return "".join(delimiter.join(row) + "\r\n" for row in rows)


@pytest.mark.parametrize(("encoding", "name"), [
    ("utf-16", "UTF-16 LE with byte-order mark"),  # Excel's "Unicode Text"
    ("utf-16-be", "UTF-16 BE with byte-order mark"),
])
def test_utf16_tab_separated_with_a_byte_order_mark(tmp_path: Path, encoding: str, name: str) -> None:
    data = text_of(ROWS, "\t").encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / "unicode.txt"
    path.write_bytes(data)
    table = read_table(path)
    assert table.headers == tuple(ROWS[0])
    assert [list(r.cells) for r in table.rows] == ROWS[1:]
    assert table.details == f"{name}, tab-separated"


def test_utf16_without_a_byte_order_mark_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "nobom.csv"
    path.write_bytes(text_of(ROWS, ",").encode("utf-16-le"))
    table = read_table(path)
    assert [list(r.cells) for r in table.rows] == ROWS[1:]
    assert "UTF-16 LE" in table.details


def test_cp1252_with_accents_and_a_pipe_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "hr.csv"
    path.write_bytes(text_of(ROWS, "|").encode("cp1252"))
    table = read_table(path)
    assert [list(r.cells) for r in table.rows] == ROWS[1:]
    assert table.details == "Windows-1252 (Latin-1), pipe-separated"


def test_quoted_fields_with_delimiters_and_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "quoted.csv"
    path.write_text('Title;Name;Notes\r\n"Tech; Level 2";"Doe, Jane";"two\r\nlines"\r\nCoach;Bo;x\r\n', "utf-8")
    table = read_table(path)
    assert [r.cells for r in table.rows] == [("Tech; Level 2", "Doe, Jane", "two\r\nlines"), ("Coach", "Bo", "x")]
    assert [r.number for r in table.rows] == [2, 3]


def test_a_file_that_is_utf8_at_first_and_cp1252_later(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    head = "Title,Name,Notes\r\n" + f"Tech,Ann,{'n' * 60}\r\n" * 5_000  # past the part the encoding is detected on
    path.write_bytes(head.encode() + "Coach,Zoë\r\n".encode("cp1252"))
    table = read_table(path)
    assert table.rows[-1].cells == ("Coach", "Zoë", "")
    assert "1252" in table.details


def test_a_file_that_is_utf8_at_first_and_latin1_later(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    head = "Title,Name,Notes\r\n" + f"Tech,Ann,{'n' * 60}\r\n" * 5_000
    path.write_bytes(head.encode() + b"Coach,Zo\xeb,\x81\r\n")  # 0x81 is not Windows-1252
    table = read_table(path)
    assert table.rows[-1].cells == ("Coach", "Zoë", "\x81")
    assert table.details.startswith("Latin-1")


def test_two_title_rows_above_the_header_are_skipped_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "titled.csv"
    path.write_text("Technology Department — staff list as of 1 Sept,,,\r\nPrepared by HR,,,\r\n,,,\r\n"
                    + text_of(ROWS, ","), encoding="utf-8")
    table = read_table(path)
    assert table.header_row == 4
    assert table.headers == tuple(ROWS[0])
    assert [(r.number, r.cells[0]) for r in table.above_header] == [
        (1, "Technology Department — staff list as of 1 Sept"), (2, "Prepared by HR")]
    assert [r.number for r in table.rows] == [5, 6]
    assert table.where == "header on row 4"


def write_xls(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    for name, rows in sheets.items():
        sheet = book.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    sheet.write(r, c, value)
    book.save(str(path))
    return path


def write_ods(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    pytest.importorskip("odf")
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        table = Table(name=name)
        for row in rows:
            line = TableRow()
            for value in row:
                if value is None:
                    line.addElement(TableCell())
                elif isinstance(value, (int, float)):
                    cell = TableCell(valuetype="float", value=value)
                    cell.addElement(P(text=str(value)))
                    line.addElement(cell)
                else:
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=value))
                    line.addElement(cell)
            table.addElement(line)
        document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


TITLED = [["Technology Department — staff list as of 1 Sept"], ["Prepared by HR", None, None],
          ["Position ID", "Title", "Name", "FTE"], [1001, "Network Manager", "Zoë Ørsted", 1],
          [None, None, None, None], [1002, "Technician", "José Núñez", 0.5]]


@pytest.mark.parametrize("suffix", [".xls", ".ods", ".xlsx"])
def test_workbooks_of_every_kind_with_title_rows(tmp_path: Path, suffix: str) -> None:
    sheets = {"Notes": [["nothing here"]], "Staff": TITLED}
    path = tmp_path / f"staff{suffix}"
    if suffix == ".xls":
        write_xls(path, sheets)
    elif suffix == ".ods":
        write_ods(path, sheets)
    else:
        write_xlsx(path, sheets)
    assert workbook_sheets(path) == ["Notes", "Staff"]
    table = read_table(path, "Staff")
    assert table.sheet == "Staff" and table.header_row == 3
    assert table.where == "sheet “Staff”, header on row 3"
    assert table.headers == ("Position ID", "Title", "Name", "FTE")
    assert [(r.number, r.cells) for r in table.rows] == [
        (4, ("1001", "Network Manager", "Zoë Ørsted", "1")), (6, ("1002", "Technician", "José Núñez", "0.5"))]
    assert [r.number for r in table.above_header] == [1, 2]


def test_a_sheet_that_starts_lower_down_keeps_its_row_numbers(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["C5"], sheet["D5"] = "Title", "Name"
    sheet["C6"], sheet["D6"] = "Tech", "Ann"
    book.save(tmp_path / "low.xlsx")
    table = read_table(tmp_path / "low.xlsx")
    assert table.header_row == 5
    assert [(r.number, r.cells) for r in table.rows] == [(6, ("Tech", "Ann"))]


def test_import_names_the_sheet_and_header_row_with_the_problems(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    rows = TITLED + [[1003, "Coach", "Ana Ruiz", 3]]
    path = write_xls(tmp_path / "staff.xls", {"Staff": rows})
    assert run(["import", str(path), str(tmp_path / "out.json")]) == 0
    text = capsys.readouterr().out
    assert "Rows above the header, not imported: 1, 2." in text
    assert "Problems (1; sheet “Staff”, header on row 3):" in text
    assert "row 7: FTE must be greater than 0 and at most 1.0" in text
