"""Roles checked a column at a time (CSV and JSON charts, imported sheets) equal roles checked one by one,
and a refused value is reported for the first row that holds one, as a role-by-role check reports it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tdorg.model.errors import FormatError
from tdorg.model.formats import load_chart, read_csv, save_chart
from tdorg.model.importing.rows import _check_values, check_drafts, read_cells
from tdorg.model.importing.table import Table, TableRow
from tdorg.model.importing.columns import guess_mapping
from tdorg.model.role import check_role
from tdorg.model.synthetic import synthetic_chart

HEADER = "id,title,person,category,reports_to,fte,notes"


def _csv(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "roles.csv"
    path.write_text("\n".join([HEADER, "top,Director,,it_leader,,1.0,", *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_a_chart_read_a_column_at_a_time_holds_the_roles_checked_one_by_one(tmp_path, suffix):
    chart = synthetic_chart(300, seed=4)
    path = tmp_path / f"chart{suffix}"
    save_chart(chart, path)
    read = load_chart(path)
    assert read.roles_in_order() == [check_role(role) for role in chart.roles_in_order()]


def test_a_csv_error_names_the_first_row_refused_whatever_its_field(tmp_path):
    path = _csv(tmp_path, "a,Tech,,unknown_kind,top,1.0,", "b," + "T" * 201 + ",,other,top,1.0,")
    with pytest.raises(FormatError, match="Unknown category") as caught:
        read_csv(path)
    assert caught.value.line == 3


def test_a_taken_id_before_a_refused_value_is_the_error(tmp_path):
    path = _csv(tmp_path, "a,Tech,,other,top,1.0,", "a,Tech,,other,top,1.0,", "b,Tech,,other,top,2.0,")
    with pytest.raises(FormatError, match="used twice") as caught:
        read_csv(path)
    assert caught.value.line == 4
    path = _csv(tmp_path, "a,Tech,,other,top,2.0,", "a,Tech,,other,top,1.0,")
    with pytest.raises(FormatError, match="FTE") as caught:
        read_csv(path)
    assert caught.value.line == 3


def _drafts(table: Table):
    columns = guess_mapping(table.headers).mapped()
    return [read_cells(row.number, row.cells, columns, lambda title: "other") for row in table.rows]


@pytest.mark.parametrize("bad", [False, True], ids=["clean", "with refused values"])
def test_imported_rows_checked_together_are_those_checked_one_by_one(bad):
    cells = [("t1", "Technician", "Ann Lee", "other", "", "Note"), ("t2", "Coach", "", "integration_coach", "t1", "")]
    if bad:
        cells += [("t3", "T" * 300, "", "other", "t1", ""), ("t4", "Tech", "", "other", "t1", "N" * 10_001),
                  ("t5", "Tech", "Bo\x00", "other", "t1", "")]
    table = Table(("ID", "Title", "Person", "Category", "Reports To", "Notes"),
                  tuple(TableRow(n + 2, row) for n, row in enumerate(cells)))
    together, alone = _drafts(table), _drafts(table)
    check_drafts(together)
    for draft in alone:
        _check_values(draft)
    assert [(d.values, d.problems) for d in together] == [(d.values, d.problems) for d in alone]
    assert any(d.problems for d in together) is bad
