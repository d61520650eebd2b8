"""Any sheet: every row is imported or listed, and both import choices give a valid chart."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tdorg.model.importing import plan_import
from tdorg.model.importing.table import Table, TableRow

IDS = ["1", "2", "3", "A", "a", "EMP 1", ""]
TITLES = ["Director of Technology", "Technician", "Technician", "Coach", "", "=SUM(A1)", "T" * 201]
PEOPLE = ["Ann Lee", "Lee, Ann", "Bo", "", "Vacant", "Bo"]
FTES = ["", "1", "0.5", "50%", "0", "1.5", "abc", "0,25"]


@st.composite
def sheets(draw: st.DrawFn) -> Table:
    count = draw(st.integers(0, 12))
    rows = []
    for n in range(count):
        manager = draw(st.one_of(st.sampled_from(IDS + TITLES[:4] + PEOPLE + ["Nobody"]), st.just("")))
        dotted = draw(st.sampled_from(["", "1", "Coach;Bo", "Nobody", "2;2"]))
        cells = (draw(st.sampled_from(IDS)), draw(st.sampled_from(TITLES)), draw(st.sampled_from(PEOPLE)), manager,
                 draw(st.sampled_from(FTES)), dotted, draw(st.sampled_from(["", "network", "wizard", "Help desk"])))
        rows.append(TableRow(n + 2, cells))
    return Table(("ID", "Title", "Name", "Reports To", "FTE", "Dotted To", "Category"), tuple(rows))


@settings(max_examples=200, deadline=None)
@given(sheets())
def test_every_row_is_imported_or_listed(table: Table) -> None:
    plan = plan_import(table)
    assert [r.row for r in plan.rows] == [r.number for r in table.rows]
    blocking = {p.row for p in plan.problems if not p.imported}
    assert set(plan.bad_rows) == blocking
    good = plan.chart()
    assert len(good) == plan.good_count == len(table.rows) - len(blocking)
    assert {plan.row_of(role_id) for role_id in good.roles} == {r.number for r in table.rows} - blocking
    for problem in plan.problems:
        assert problem.reason and problem.row in {r.number for r in table.rows}
    every = plan.chart(include_bad=True)
    assert len(every) == len(table.rows)
    cells_of = {r.number: r.cells for r in table.rows}
    for role_id in good.roots():  # a good row at the top had no manager, or is listed as moved there
        row = plan.row_of(role_id)
        assert not cells_of[row][3] or any(p.row == row and p.field == "manager" for p in plan.problems)
