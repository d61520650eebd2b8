"""Bad CSV rows: a FormatError naming the file, the row's line and the column."""

from __future__ import annotations

from pathlib import Path

import pytest

from tdorg.model.errors import FormatError
from tdorg.model.formats import read_csv

HEADER = "id,title,person,category,reports_to,dotted_to,fte,vacant,employment,flags,service_areas"
ROWS = [
    "supt,Superintendent,,superintendent,,,1.0,,staff,superintendent;cabinet,",
    "cto,CTO,Bo Chen,it_leader,supt,,1.0,,staff,top_it_leader;cabinet,administrative",
    'nm,"Network Manager, senior",,network,cto,,1.0,,staff,,communication',
    "tech,Technician,,building_technician,nm,,0.5,yes,staff,,",
]


def write_rows(tmp_path: Path, rows: list[str], header: str = HEADER) -> Path:
    path = tmp_path / "roles.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def replace_row(index: int, old: str, new: str) -> list[str]:
    rows = list(ROWS)
    assert old in rows[index]
    rows[index] = rows[index].replace(old, new, 1)
    return rows


def csv_error(path: Path) -> FormatError:
    with pytest.raises(FormatError) as caught:
        read_csv(path)
    error = caught.value
    assert str(error).startswith(f"{path}: ")
    if error.line is not None:
        assert f"line {error.line}" in str(error)
    if error.field:
        assert f"field “{error.field}”" in str(error)
    return error


def test_the_good_rows_load(tmp_path: Path) -> None:
    chart = read_csv(write_rows(tmp_path, ROWS))
    assert chart.role("nm").title == "Network Manager, senior"
    assert chart.role("tech").vacant


@pytest.mark.parametrize(
    "index, old, new, field, words",
    [
        (3, ",0.5,", ",half,", "fte", "must be a number"),
        (3, ",0.5,", ",1.5,", "fte", "at most 1.0"),
        (3, ",0.5,", ",-0.5,", "fte", "greater than 0"),
        (2, ",network,", ",router,", "category", "Unknown category 'router'"),
        (1, "top_it_leader;cabinet", "top_it_leader;boss", "flags", "Unknown flag 'boss'"),
        (2, ",communication", ",comms", "service_areas", "Unknown service area 'comms'"),
        (3, ",yes,", ",maybe,", "vacant", "“yes” or empty"),
        (3, ",staff,", ",volunteer,", "employment", "volunteer"),
        (3, "tech,", "nm,", "id", "used twice (first on line 4)"),
        (3, ",nm,", ",boss,", "reports_to", "“boss”"),
        (3, ",nm,", ",tech,", "reports_to", "itself"),
        (3, ",nm,,", ",nm,ghost,", "dotted_to", "“ghost”"),
        (0, ",superintendent,,", ",superintendent,nm,", "reports_to", "loop"),
        (3, "tech,Technician", "tech,", "title", "needs a title"),
        (3, "tech,", ",", "id", "not valid"),
    ],
)
def test_row_problem_names_the_line_and_field(
    tmp_path: Path, index: int, old: str, new: str, field: str, words: str
) -> None:
    error = csv_error(write_rows(tmp_path, replace_row(index, old, new)))
    assert error.line == index + 2
    assert error.field == field
    assert words in str(error)


def test_lines_count_multi_line_cells_and_blank_lines(tmp_path: Path) -> None:
    header = HEADER + ",notes"
    rows = [ROWS[0] + ',"first line\nsecond line\nthird line"', "", ROWS[1] + ",", ROWS[2] + ",", ROWS[3] + ","]
    rows[4] = rows[4].replace(",0.5,", ",2,")
    error = csv_error(write_rows(tmp_path, rows, header))
    assert error.line == 8 and error.field == "fte"


@pytest.mark.parametrize("column", ["id", "title", "category", "reports_to"])
def test_missing_required_column(tmp_path: Path, column: str) -> None:
    header = HEADER.replace(column, "something_else", 1)
    error = csv_error(write_rows(tmp_path, ROWS, header))
    assert error.line == 1 and error.field == column and "no “" + column + "” column" in str(error)


def test_duplicate_column(tmp_path: Path) -> None:
    error = csv_error(write_rows(tmp_path, ROWS, HEADER + ",fte"))
    assert error.line == 1 and error.field == "fte" and "twice" in str(error)


def test_too_many_cells(tmp_path: Path) -> None:
    rows = list(ROWS)
    rows[2] += ",extra,more"
    error = csv_error(write_rows(tmp_path, rows))
    assert error.line == 4 and "13 cells but the header has 11" in str(error)


def test_bad_annual_cost(tmp_path: Path) -> None:
    rows = [r + "," for r in ROWS]
    rows[1] += "about 90k"
    error = csv_error(write_rows(tmp_path, rows, HEADER + ",annual_cost"))
    assert error.line == 3 and error.field == "annual_cost"


def test_unterminated_quote(tmp_path: Path) -> None:
    rows = list(ROWS) + ['x,"never closed,,other,,,1.0,,staff,,']
    error = csv_error(write_rows(tmp_path, rows))
    assert error.line == 6 and "not a readable CSV" in str(error)


def test_header_only_gives_an_empty_chart(tmp_path: Path) -> None:
    assert len(read_csv(write_rows(tmp_path, []))) == 0
