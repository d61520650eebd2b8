"""The user's arrangement of a manager's leaf reports: kept by the chart, honoured by the layout at every depth,
fixed while the page fitter chooses the other managers' columns, and shown identically on every page."""

from __future__ import annotations

import pytest

from tdorg.export.graphviz.dot import box_size
from tdorg.export.pages import plan_pages, whole_chart
from tdorg.model import Chart, Role
from tdorg.model.arrangement import ONE_ROW, describe_arrangement
from tdorg.model.chart import ARRANGED, STRUCTURAL
from tdorg.model.errors import FieldValueError, UnknownRoleError
from tdorg.model.layout import Tree, compute_layout, fit_depth, layout_tree, sizes
from tests.test_layout import check_tree, star


def columns_of(layout, ids) -> list[list[str]]:
    """``ids`` grouped by the x of their boxes, left to right, each column top to bottom."""
    by_x: dict[float, list[tuple[float, str]]] = {}
    for rid in ids:
        x, y = layout.positions[rid]
        by_x.setdefault(x, []).append((y, rid))
    return [[rid for _, rid in sorted(by_x[x])] for x in sorted(by_x)]


def two_teams(first: int = 9, second: int = 9) -> Chart:
    roles = [Role(id="boss", title="Director")]
    roles += [Role(id=m, title=f"Manager {m}", reports_to="boss") for m in ("a", "b")]
    roles += [Role(id=f"a{i}", title=f"Tech {i}", reports_to="a") for i in range(first)]
    roles += [Role(id=f"b{i}", title=f"Analyst {i}", reports_to="b") for i in range(second)]
    return Chart(roles=roles)


@pytest.mark.parametrize("depth", [1, 2, 6, 20])
def test_stacked_in_n_columns_at_every_depth_keeping_the_sibling_order(depth: int) -> None:
    chart = star(8)
    chart.set_arrangement("boss", 3)
    layout = compute_layout(chart, depth=depth)
    kids = [f"k{i}" for i in range(8)]
    assert columns_of(layout, kids) == [["k0", "k1", "k2"], ["k3", "k4", "k5"], ["k6", "k7"]]
    assert layout.stacked == {"boss"}
    check_tree(chart, layout)


def test_columns_are_as_even_as_the_count_allows() -> None:
    chart = star(5)
    chart.set_arrangement("boss", 4)
    layout = compute_layout(chart, depth=1)
    assert [len(c) for c in columns_of(layout, [f"k{i}" for i in range(5)])] == [2, 1, 1, 1]


def test_one_row_and_one_column() -> None:
    chart = star(7)
    chart.set_arrangement("boss", ONE_ROW)
    row = compute_layout(chart, depth=6)
    assert not row.stacked and len({row.positions[f"k{i}"][1] for i in range(7)}) == 1
    chart.set_arrangement("boss", 1)
    column = compute_layout(chart, depth=1)
    assert column.stacked == {"boss"} and len({column.positions[f"k{i}"][0] for i in range(7)}) == 1


def test_automatic_again_follows_the_depth() -> None:
    chart = star(8)
    before = compute_layout(chart, depth=3).positions
    chart.set_arrangement("boss", ONE_ROW)
    assert compute_layout(chart, depth=3).positions != before
    assert chart.set_arrangement("boss", None) == ONE_ROW
    assert chart.arrangements == {} and compute_layout(chart, depth=3).positions == before


def test_more_columns_than_leaves_left_after_an_edit_become_one_row() -> None:
    chart = star(6)
    chart.set_arrangement("boss", 5)
    for i in range(3):
        chart.remove_role(f"k{i}")
    assert chart.arrangement("boss") == 5
    layout = compute_layout(chart, depth=6)
    assert not layout.stacked and len({layout.positions[f"k{i}"][1] for i in range(3, 6)}) == 1


def test_the_page_fitter_keeps_an_arranged_manager_and_chooses_only_for_the_others() -> None:
    chart = two_teams(30, 30)
    tree, box = Tree.of(chart), sizes(200, 72)
    area = (792.0, 612.0)
    free_depth, _ = fit_depth(tree, box, area)
    assert free_depth > 1  # on its own the page stacks both teams
    chart.set_arrangement("a", ONE_ROW)
    tree = Tree.of(chart)
    depth, _ = fit_depth(tree, box, area)
    layout = layout_tree(tree, box, depth)
    assert "a" not in layout.stacked and "b" in layout.stacked
    assert len({layout.positions[f"a{i}"][1] for i in range(30)}) == 1
    check_tree(chart, layout)


def test_department_pages_and_the_whole_chart_show_the_users_arrangement() -> None:
    chart = two_teams(12, 40)
    chart.set_arrangement("a", 2)
    whole = whole_chart(chart, box_size(chart), (792.0, 612.0)).pages[0].layout
    assert [len(c) for c in columns_of(whole, [f"a{i}" for i in range(12)])] == [6, 6]
    plan = plan_pages(chart, box_size(chart), (400.0, 300.0), 8.0)
    shown = [p.layout for p in plan.pages if "a0" in p.layout.positions and "a" in p.layout.positions]
    assert shown, "team a is drawn with its manager on some page"
    for layout in shown:  # a page may show some of the team: those it shows, in two columns
        team = [f"a{i}" for i in range(12) if f"a{i}" in layout.positions]
        heights = [len(c) for c in columns_of(layout, team)]
        assert len(heights) == 2 and max(heights) - min(heights) <= 1


def test_a_part_of_the_tree_keeps_the_arrangements() -> None:
    chart = two_teams()
    chart.set_arrangement("b", 3)
    part = Tree.of(chart).part(["b"])
    assert part.arrangements["b"] == 3
    assert [len(c) for c in columns_of(layout_tree(part, sizes(), 1), [f"b{i}" for i in range(9)])] == [3, 3, 3]


# --- the chart's side: checks, announcements, undo of a removal, copies --------------------------


def test_setting_an_arrangement_is_checked_and_announced() -> None:
    chart = star(4, leaves=False)  # k0 has a report of its own: three leaves
    changes = []
    chart.subscribe(changes.append)
    assert chart.leaf_reports("boss") == ("k1", "k2", "k3")
    with pytest.raises(FieldValueError, match="4 columns is more than the 3 leaf reports"):
        chart.set_arrangement("boss", 4)
    for bad in (-1, True, 2.0, "3", 10**30):
        with pytest.raises(FieldValueError):
            chart.set_arrangement("boss", bad)  # type: ignore[arg-type]
    with pytest.raises(FieldValueError, match="no reports without reports"):
        chart.set_arrangement("k1", ONE_ROW)
    with pytest.raises(UnknownRoleError):
        chart.set_arrangement("nobody", 1)
    assert changes == [] and chart.arrangements == {}
    assert chart.set_arrangement("boss", 3) is None
    assert chart.set_arrangement("boss", 3) == 3  # the same again announces nothing
    assert [(c.kind, c.role_ids) for c in changes] == [(ARRANGED, ("boss",))]
    assert ARRANGED in STRUCTURAL  # the canvas lays the chart out again


def test_an_assistant_is_not_a_leaf_report_to_arrange() -> None:
    chart = star(2)
    chart.add_role(Role(id="aa", title="Assistant", category="admin_assistant", reports_to="boss"))
    assert chart.leaf_reports("boss") == ("k0", "k1")


def test_removing_a_manager_and_undoing_it_keeps_its_arrangement() -> None:
    chart = two_teams()
    chart.set_arrangement("a", 2)
    removal = chart.remove_role("a")
    assert "a" not in chart.arrangements
    chart.restore(removal)
    assert chart.arrangements == {"a": 2}


def test_copies_and_equality_include_the_arrangements() -> None:
    chart = two_teams()
    chart.set_arrangement("b", ONE_ROW)
    copy = chart.copy()
    assert copy == chart and copy.arrangements == {"b": ONE_ROW}
    copy.set_arrangement("b", 2)
    assert copy != chart and chart.arrangement("b") == ONE_ROW


def test_a_chart_refuses_an_arrangement_of_a_missing_role_or_out_of_range() -> None:
    roles = list(two_teams().roles_in_order())
    with pytest.raises(UnknownRoleError):
        Chart(roles=roles, arrangements={"ghost": 2})
    with pytest.raises(FieldValueError):
        Chart(roles=roles, arrangements={"a": -3})
    assert Chart(roles=roles, arrangements={"a": 50}).arrangement("a") == 50  # more than its leaves: one row


def test_arrangements_in_words() -> None:
    assert [describe_arrangement(v) for v in (None, ONE_ROW, 1, 4)] == [
        "Automatic", "One row", "Stacked in 1 column", "Stacked in 4 columns"]
