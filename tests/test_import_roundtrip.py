"""Roles written to CSV and Excel read back the same; CSV and Excel of the same data agree."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from tdorg.model import Chart, Role
from tdorg.model.formats import load_chart
from tdorg.model.formats.sample_csv import COLUMNS
from tdorg.model.importing.errors import SpreadsheetError
from tdorg.model.importing import neutralise, plan_import, read_table, write_roles_csv, write_roles_xlsx

from .charts import compliant_chart

SAMPLES = Path("/work/shared/samples")
HOSTILE = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tTabbed", "\rCarriage"]


def reimport(path: Path) -> Chart:
    plan = plan_import(read_table(path))
    assert plan.problems == []
    return plan.chart()


def chart_with_everything() -> Chart:
    chart = compliant_chart()
    chart.update_role("net", annual_cost=91_500.0, notes="Keeps the core switches.\nSecond line", employment="contractor")
    chart.update_role("tech", vacant=True, person="", annual_cost=48_250.75)
    chart.add_role(Role(id="x1", title=HOSTILE[0], person=HOSTILE[1], reports_to="cto", notes=HOSTILE[3], fte=0.25))
    chart.add_role(Role(id="x2", title="Ünïcode – “quotes”, commas; semi", reports_to="cto", fte=0.5,
                        person="Zoë O’Brien"))
    return chart


def same_roles(a: Chart, b: Chart) -> None:
    assert a.roles_in_order() == b.roles_in_order()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_gives_every_field_back(tmp_path: Path, suffix: str) -> None:
    chart = chart_with_everything()
    path = tmp_path / f"roles{suffix}"
    (write_roles_csv if suffix == ".csv" else write_roles_xlsx)(chart, path)
    same_roles(reimport(path), chart)


def test_exported_csv_is_also_a_sample_format_csv(tmp_path: Path) -> None:
    chart = compliant_chart()
    path = tmp_path / "roles.csv"
    write_roles_csv(chart, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    same_roles(load_chart(path), chart)


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.csv")), ids=lambda p: p.stem)
def test_samples_import_like_the_sample_reader(sample: Path) -> None:
    same_roles(reimport(sample), load_chart(sample))


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.csv")), ids=lambda p: p.stem)
def test_csv_and_excel_of_the_same_data_give_the_same_chart(tmp_path: Path, sample: Path) -> None:
    with sample.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for n, row in enumerate(rows):
        # numbers as numbers, as a person typing into Excel would leave them
        sheet.append([float(c) if n and rows[0][i] == "fte" and c else c for i, c in enumerate(row)])
    xlsx = tmp_path / f"{sample.stem}.xlsx"
    workbook.save(xlsx)
    assert reimport(xlsx) == reimport(sample)


def test_hr_style_sheet_same_from_csv_semicolon_latin1_and_excel(tmp_path: Path) -> None:
    rows = [
        ["Employee ID", "Employee Name", "Job Title", "Supervisor", "FTE", "Building"],
        [10, "Renée Søren", "Director of Technology", None, 1, "District Office"],
        [11, "Łukasz Ortiz", "Network Engineer", "Renée Søren", 1, None],
        [12, "Ana Ruiz", "Building Technician", 10, 0.5, "Lincoln Elementary"],
    ]
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    xlsx = tmp_path / "hr.xlsx"
    workbook.save(xlsx)
    text = "\r\n".join(";".join("" if c is None else str(c) for c in row) for row in rows) + "\r\n"
    csv_path = tmp_path / "hr.csv"
    csv_path.write_bytes(text.replace("Łukasz", "Lukasz").encode("latin-1"))
    from_csv, from_xlsx = reimport(csv_path), reimport(xlsx)
    from_xlsx.update_role("11", person="Lukasz Ortiz")
    assert from_csv == from_xlsx
    assert from_csv.role("12").reports_to == "10" and from_csv.role("12").fte == 0.5


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_like_text_gets_a_quote(text: str) -> None:
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["", "Director", "1.0", "-1", "+2.5", "85000", "x=1", "'quoted"])
def test_ordinary_text_and_plain_numbers_are_left_alone(text: str) -> None:
    assert neutralise(text) == text


def test_no_cell_in_either_export_starts_like_a_formula(tmp_path: Path) -> None:
    chart = chart_with_everything()
    write_roles_csv(chart, tmp_path / "r.csv")
    write_roles_xlsx(chart, tmp_path / "r.xlsx")
    with (tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as handle:
        csv_cells = [cell for row in csv.reader(handle) for cell in row]
    workbook = openpyxl.load_workbook(tmp_path / "r.xlsx")
    xlsx_cells = [c.value for row in workbook.active.iter_rows() for c in row]
    assert all(c.data_type != "f" for row in workbook.active.iter_rows() for c in row)
    for cell in csv_cells + [c for c in xlsx_cells if isinstance(c, str)]:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert "'" + HOSTILE[0] in csv_cells and "'" + HOSTILE[0] in xlsx_cells
    assert [c.value for c in next(workbook.active.iter_rows())] == list(COLUMNS)


def test_control_characters_are_replaced_and_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"old")
    chart = Chart()
    chart.add_role(Role(id="a", title="Tech", notes="bad \x01 byte"))  # a chart never holds NUL itself
    write_roles_xlsx(chart, target)  # control characters are replaced, never a crash
    assert reimport(target).role("a").notes == "bad \ufffd byte"
    for write in (write_roles_csv, write_roles_xlsx):
        with pytest.raises(SpreadsheetError, match="does not exist"):
            write(chart, tmp_path / "missing-dir" / "x.csv")
    assert not (tmp_path / "missing-dir").exists()


@pytest.mark.parametrize("text", ["=1+1", "'=x", "''+", "'", "-", "@SUM(A1)", "plain", "-2.5", "'quoted'"])
def test_neutralised_text_reads_back_exactly(text: str):
    from tdorg.model.formula_guard import FORMULA_STARTS, neutralise, unneutralise

    assert unneutralise(neutralise(text)) == text
    if text != "-2.5":  # plain numbers stay numbers
        assert not neutralise(text).startswith(FORMULA_STARTS)
