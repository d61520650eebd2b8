"""Spreadsheet bombs: small files that declare huge sheets end quickly with a message naming the limit."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tdorg.model.importing import SpreadsheetError, read_table
from tdorg.model.importing import limits

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006"
MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def write_xlsx_parts(path: Path, sheet_data: str, shared: str = "") -> Path:
    """A minimal .xlsx package written part by part, so a test can make any sheet or string table."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "[Content_Types].xml",
            f'<Types xmlns="{PKG}/content-types"><Default Extension="rels" ContentType="application/'
            f'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{MAIN}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{MAIN}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{MAIN}.sharedStrings+xml"/></Types>',
        )
        package.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PKG}/relationships"><Relationship Id="rId1" '
            f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        package.writestr(
            "xl/workbook.xml",
            f'<workbook {NS} {R}><sheets><sheet name="Staff" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        package.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{PKG}/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" '
            f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL}/sharedStrings" '
            f'Target="sharedStrings.xml"/></Relationships>',
        )
        package.writestr("xl/worksheets/sheet1.xml", f"<worksheet {NS}><sheetData>{sheet_data}</sheetData></worksheet>")
        package.writestr("xl/sharedStrings.xml", f"<sst {NS}>{shared}</sst>")
    return path


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


HEADER_ROW = f'<row r="1">{inline("A1", "Title")}{inline("B1", "Name")}</row>'


def test_a_hand_made_package_reads(tmp_path: Path) -> None:
    rows = HEADER_ROW + f'<row r="2">{inline("A2", "Tech")}<c r="B2" t="s"><v>0</v></c></row>'
    table = read_table(write_xlsx_parts(tmp_path / "ok.xlsx", rows, "<si><t>Ann</t></si>"))
    assert table.headers == ("Title", "Name")
    assert [r.cells for r in table.rows] == [("Tech", "Ann")]


def test_too_many_shared_strings(tmp_path: Path) -> None:
    strings = "<si/>" * (limits.MAX_SHARED_STRINGS + 1)
    path = write_xlsx_parts(tmp_path / "strings.xlsx", HEADER_ROW, strings)
    assert path.stat().st_size < 100_000  # small on disk
    with pytest.raises(SpreadsheetError, match=f"more than {limits.MAX_SHARED_STRINGS:,} strings"):
        read_table(path)


def test_a_part_bigger_than_the_limit_unpacked_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.xlsx"
    write_xlsx_parts(path, HEADER_ROW)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package:
        with package.open("xl/worksheets/sheet2.xml", "w", force_zip64=True) as part:
            block = b"<row/>" * 65536
            for _ in range(limits.MAX_XML_BYTES // len(block) + 1):
                part.write(block)
    with pytest.raises(SpreadsheetError, match=f"at most {limits.MAX_XML_BYTES // 1024 // 1024} MB"):
        read_table(path)


def test_two_cells_far_apart_are_refused_before_the_sheet_is_loaded(tmp_path: Path) -> None:
    rows = HEADER_ROW + f'<row r="1048576">{inline("XFD1048576", "x")}</row>'
    with pytest.raises(SpreadsheetError, match=f"more than {limits.MAX_ROWS:,} rows"):
        read_table(write_xlsx_parts(tmp_path / "sparse.xlsx", rows))


def test_a_sheet_whose_first_cell_is_a_million_rows_down_keeps_its_numbers(tmp_path: Path) -> None:
    rows = (f'<row r="1000000">{inline("A1000000", "Title")}</row>'
            f'<row r="1000001">{inline("A1000001", "Tech")}</row>')
    table = read_table(write_xlsx_parts(tmp_path / "low.xlsx", rows))
    assert table.header_row == 1_000_000
    assert [(r.number, r.cells) for r in table.rows] == [(1_000_001, ("Tech",))]


def test_many_parts_that_unpack_past_the_package_limit_are_refused_unread(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_PACKAGE_BYTES", 3 * 1024 * 1024)
    path = write_xlsx_parts(tmp_path / "parts.xlsx", HEADER_ROW)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package:
        for n in range(4):
            package.writestr(f"xl/media/padding{n}.xml", b" " * 1024 * 1024)
    with pytest.raises(SpreadsheetError, match="at most 3 MB unpacked"):
        read_table(path)


def test_a_wide_sheet_is_refused(tmp_path: Path) -> None:
    rows = HEADER_ROW + f'<row r="2">{inline("A2", "Tech")}{inline("ZZ2", "x")}</row>'
    with pytest.raises(SpreadsheetError, match=f"more than {limits.MAX_COLUMNS:,} columns"):
        read_table(write_xlsx_parts(tmp_path / "wide.xlsx", rows))


def test_cells_without_references_are_counted_by_place(tmp_path: Path) -> None:
    many = "".join(f'<row><c t="inlineStr"><is><t>Tech {n}</t></is></c></row>' for n in range(limits.MAX_ROWS + 20))
    with pytest.raises(SpreadsheetError, match=f"more than {limits.MAX_ROWS:,} rows"):
        read_table(write_xlsx_parts(tmp_path / "rows.xlsx", HEADER_ROW + many))


def test_a_million_row_csv_stops_at_the_row_limit(tmp_path: Path) -> None:
    path = tmp_path / "million.csv"
    with open(path, "w", encoding="utf-8") as out:
        out.write("Title,Name,Reports To\n")
        out.writelines(f"Tech {n},Person {n},Boss\n" for n in range(1_000_000))
    with pytest.raises(SpreadsheetError, match=f"more than {limits.MAX_ROWS:,} rows of data"):
        read_table(path)


def test_five_megabytes_of_blank_lines_is_an_empty_sheet(tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_bytes(b"\n" * 5_000_000)
    with pytest.raises(SpreadsheetError, match="empty"):
        read_table(path)


@pytest.mark.parametrize("quote", ["", '"'])
def test_blank_lines_keep_the_row_numbers(tmp_path: Path, quote: str) -> None:
    path = tmp_path / "gaps.csv"
    header = f"{quote}Title{quote},Name\r\n".encode()
    path.write_bytes(header + b"\r\n" * 300_000 + b"Tech,Ann\r\n\n\n" + b'"Coach\n\nLead",Bo\r\n' + b"Aide,Cy\r")
    table = read_table(path)
    assert [(r.number, r.cells) for r in table.rows] == [
        (300_002, ("Tech", "Ann")), (300_005, ("Coach\n\nLead", "Bo")), (300_006, ("Aide", "Cy"))]


def test_a_line_of_separators_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "commas.csv"
    path.write_bytes(b"Title\n" + b"," * 5_000_000)
    with pytest.raises(SpreadsheetError, match=f"row 2: a line is longer than {limits.MAX_LINE_CHARS:,}"):
        read_table(path)


def test_a_cell_longer_than_a_spreadsheet_cell_names_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "cell.csv"
    path.write_text(f"Title,Notes\nTech,{'x' * (limits.MAX_CELL_CHARS + 1)}\n", encoding="utf-8")
    with pytest.raises(SpreadsheetError, match=f"row 2: a cell holds more than {limits.MAX_CELL_CHARS:,}"):
        read_table(path)


def test_a_file_bigger_than_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with open(path, "wb") as out:
        out.truncate(limits.MAX_FILE_BYTES + 1)  # sparse: no disk used
    with pytest.raises(SpreadsheetError, match=f"at most {limits.MAX_FILE_BYTES // 1024 // 1024} MB"):
        read_table(path)


@pytest.mark.parametrize("name", ["pipe.csv", "pipe.xlsx"])
def test_a_pipe_is_refused_without_waiting(tmp_path: Path, name: str) -> None:
    import os

    path = tmp_path / name
    os.mkfifo(path)
    with pytest.raises(SpreadsheetError, match="not an ordinary file"):
        read_table(path)


def test_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.csv"
    link.symlink_to("/dev/zero")
    with pytest.raises(SpreadsheetError, match="not an ordinary file"):
        read_table(link)


ODS_CELL = '<table:table-cell office:value-type="string"><text:p>T</text:p></table:table-cell>'


def write_ods_content(path: Path, rows: str) -> Path:
    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
        f'<office:spreadsheet><table:table table:name="Staff">{rows}</table:table></office:spreadsheet>'
        "</office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        package.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>',
        )
    return path


def test_ods_trailing_empty_repeated_rows_are_fine(tmp_path: Path) -> None:
    rows = (f"<table:table-row>{ODS_CELL}</table:table-row>"
            '<table:table-row table:number-rows-repeated="1048575">'
            '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>')
    assert read_table(write_ods_content(tmp_path / "ok.ods", rows)).headers == ("T",)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (f'<table:table-row table:number-rows-repeated="1000000">{ODS_CELL}</table:table-row>', "rows of data"),
        (f'<table:table-row>{ODS_CELL}<table:table-cell table:number-columns-repeated="16000"/>'
         f"{ODS_CELL}</table:table-row>", "columns"),
    ],
)
def test_ods_repeated_cells_with_content_are_counted(tmp_path: Path, rows: str, message: str) -> None:
    with pytest.raises(SpreadsheetError, match=message):
        read_table(write_ods_content(tmp_path / "bomb.ods", rows))


def test_xls_cells_far_apart_are_refused(tmp_path: Path) -> None:
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    sheet = book.add_sheet("Staff")
    sheet.write(0, 0, "Title")
    sheet.write(65535, 255, "x")
    book.save(str(tmp_path / "sparse.xls"))
    with pytest.raises(SpreadsheetError, match=f"more than {limits.MAX_CELLS:,} cells"):  # as the sheet declares
        read_table(tmp_path / "sparse.xls")
