"""``tdorg import`` and ``tdorg export-roles`` on the command line."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from tdorg.cli.commands import run
from tdorg.model import Document
from tdorg.model.formats import load_chart, read_json
from tdorg.model.persistence import open_document, save_document

from .charts import compliant_chart

SHEET = (
    "Employee ID;Employee Name;Job Title;Supervisor;FTE;Building\r\n"
    "1;Ann Lee;Superintendent;;1;District Office\r\n"
    "2;Bo Chen;Director of Technology;Ann Lee;1;District Office\r\n"
    "3;Cy Diaz;Technician;Nobody;1;High School\r\n"
    "4;Di Ng;Integration Coach;2;2;Elementary\r\n"
    "5;Ed Fox;Help Desk;Director of Technology;0.5;\r\n"
)


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "hr.csv"
    path.write_bytes(SHEET.replace("Ann Lee", "Anne Lée").encode("cp1252"))
    return path


def test_import_writes_good_rows_and_lists_every_problem(sheet: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "chart.tdorg"
    assert run(["import", str(sheet), str(out)]) == 0
    text = capsys.readouterr().out
    assert "semicolon-separated" in text
    assert re.search(r"\n  Manager / reports to +← Supervisor\n", text)
    assert re.search(r"\n  Location \(kept in notes\) +← Building\n", text)
    assert "row 4: Manager “Nobody” matches no position ID, person or title in the sheet." in text
    assert "row 5: FTE must be greater than 0 and at most 1.0" in text
    assert f"Wrote {out} (3 roles); skipped 2 rows (4, 5)." in text
    chart = open_document(out).chart
    assert sorted(chart.roles) == ["1", "2", "5"]
    assert chart.role("1").person == "Anne Lée" and chart.role("5").reports_to == "2"


def test_all_or_nothing_writes_nothing(sheet: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "chart.json"
    assert run(["import", str(sheet), str(out), "--all-or-nothing"]) == 1
    assert "Nothing was written" in capsys.readouterr().out
    assert not out.exists()


def test_every_row_imports_bad_rows_repaired(sheet: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "chart.json"
    assert run(["import", str(sheet), str(out), "--every-row"]) == 0
    assert "If every row is imported: imported at the top of the chart." in capsys.readouterr().out
    chart = read_json(out)
    assert len(chart) == 5 and chart.role("4").fte == 1.0 and chart.role("3").reports_to is None


def test_mapping_override_and_district_from(sheet: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    facts = tmp_path / "facts.json"
    from tdorg.model.formats import save_chart

    save_chart(compliant_chart(), facts)
    out = tmp_path / "chart.json"
    args = ["import", str(sheet), str(out), "--mapping", "location=", "--mapping", "Manager=Supervisor",
            "--district-from", str(facts)]
    assert run(args) == 0
    assert "not imported: Building" in capsys.readouterr().out
    chart = read_json(out)
    assert chart.district == compliant_chart().district
    assert chart.role("1").notes == ""


def test_clean_excel_sheet_imports_without_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.title = "Notes"
    staff = workbook.create_sheet("Staff")
    for row in [["Position", "Name", "Reports To"], ["Director of Technology", "Bo", None], ["Technician", "Cy", "Bo"]]:
        staff.append(row)
    path = tmp_path / "staff.xlsx"
    workbook.save(path)
    out = tmp_path / "c.csv"
    assert run(["import", str(path), str(out), "--sheet", "Staff", "--all-or-nothing"]) == 0
    text = capsys.readouterr().out
    assert "sheet “Staff” (of 2)" in text and "Problems" not in text
    chart = load_chart(out)
    assert chart.role("technician").reports_to == "director-of-technology"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--mapping", "shoe=Title"], "“shoe” is not an importable field"),
        (["--mapping", "title=Nope"], "no column “Nope”"),
        (["--sheet", "X"], "A CSV file has a single sheet"),
    ],
)
def test_bad_arguments_are_one_line_errors(sheet: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           args: list[str], message: str) -> None:
    assert run(["import", str(sheet), str(tmp_path / "o.json"), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_unknown_output_extension_is_refused_before_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["import", str(tmp_path / "missing.csv"), str(tmp_path / "o.pdf")]) == 2
    assert "cannot tell the format" in capsys.readouterr().err


def test_sheet_where_no_row_can_be_imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("Title,FTE\nTech,9\n", encoding="utf-8")
    assert run(["import", str(path), str(tmp_path / "o.json")]) == 2
    assert "No row can be imported" in capsys.readouterr().err
    assert not (tmp_path / "o.json").exists()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_roles_and_import_back(tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]) -> None:
    document = Document.of(compliant_chart(), "Current")
    document.duplicate(0, "Proposed")
    document.scenarios[1].chart.remove_role("dpo")
    source = tmp_path / "plan.tdorg"
    save_document(document, source)
    sheet = tmp_path / f"roles{suffix}"
    assert run(["export-roles", str(source), str(sheet), "--scenario", "Proposed"]) == 0
    captured = capsys.readouterr()
    assert f"Wrote {sheet} (8 roles)." in captured.out and "“Proposed” were written" in captured.err
    back = tmp_path / "back.json"
    assert run(["import", str(sheet), str(back), "--all-or-nothing"]) == 0
    assert read_json(back).roles_in_order() == document.scenarios[1].chart.roles_in_order()


def test_export_roles_refuses_other_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["export-roles", "/work/shared/samples/west-salem.json", str(tmp_path / "r.ods")]) == 2
    assert ".csv or an .xlsx" in capsys.readouterr().err


def test_a_sheet_without_a_title_column_says_how_to_name_one(tmp_path, capsys):
    from tdorg.cli.commands import run

    sheet = tmp_path / "odd.csv"
    sheet.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    assert run(["import", str(sheet), str(tmp_path / "out.tdorg")]) == 2
    err = capsys.readouterr().err
    assert str(sheet) in err and "“a”, “b”, “c”" in err and "--mapping title=COLUMN" in err
    assert not (tmp_path / "out.tdorg").exists()
