"""The tidy tree layout: no overlaps, managers above reports, the user's order, stacked leaves, assistants."""

from __future__ import annotations

import pytest

from tdorg.model import Chart, Role
from tdorg.model.formats import load_chart
from tdorg.model.layout import Layout, columns, compute_layout
from tdorg.model.synthetic import synthetic_chart
from tests.samples import SAMPLE_JSON


def overlapping_pairs(layout: Layout) -> list[tuple[str, str]]:
    """Pairs of boxes that overlap (sweep over x; boxes touching edges do not count)."""
    bw, bh = layout.box_width, layout.box_height
    boxes = sorted(layout.positions.items(), key=lambda item: item[1][0])
    active: list[tuple[str, float, float]] = []
    bad = []
    for rid, (x, y) in boxes:
        active = [a for a in active if a[1] + bw > x + 1e-6]
        for other, ox, oy in active:
            if oy < y + bh - 1e-6 and y < oy + bh - 1e-6:
                bad.append((other, rid))
        active.append((rid, x, y))
    return bad


def check_tree(chart: Chart, layout: Layout) -> None:
    assert set(layout.positions) == set(chart.roles)
    assert overlapping_pairs(layout) == []
    for rid, role in chart.roles.items():
        x, y = layout.positions[rid]
        assert x >= -1e-6 and y >= -1e-6
        assert x + layout.box_width <= layout.width + 1e-6
        assert y + layout.box_height <= layout.height + 1e-6
        if role.reports_to is not None:
            assert layout.positions[role.reports_to][1] + layout.box_height < y
    for rid in [None, *chart.roles]:
        kids = [k for k in chart.children(rid) if k not in layout.assistants]
        if rid is not None and rid in layout.stacked:
            # filled column by column, top to bottom, in the chart's order
            places = [layout.positions[k] for k in kids]
            assert places == sorted(places)
            continue
        xs = [layout.positions[k][0] for k in kids]
        assert xs == sorted(xs) and len(set(xs)) == len(xs)


def chain(n: int) -> Chart:
    return Chart(roles=[Role(id=f"r{i}", title=f"Role {i}", reports_to=f"r{i - 1}" if i else None) for i in range(n)])


def star(n: int, leaves: bool = True) -> Chart:
    roles = [Role(id="boss", title="Boss")]
    roles += [Role(id=f"k{i}", title=f"Report {i}", reports_to="boss") for i in range(n)]
    if not leaves:
        roles.append(Role(id="deep", title="Deep", reports_to="k0"))
    return Chart(roles=roles)


@pytest.mark.parametrize("path", SAMPLE_JSON, ids=lambda p: p.stem)
def test_samples_lay_out_as_tidy_trees(path) -> None:
    chart = load_chart(path)
    check_tree(chart, compute_layout(chart))


@pytest.mark.parametrize("n", [100, 500, 2000])
def test_synthetic_charts_have_no_overlaps(n: int) -> None:
    chart = synthetic_chart(n, seed=n)
    layout = compute_layout(chart, depth=6)
    check_tree(chart, layout)
    assert layout.stacked, "a realistic district has managers with many leaf reports"


def test_empty_chart() -> None:
    layout = compute_layout(Chart())
    assert layout.positions == {} and layout.width == 0 and layout.height == 0


def test_single_role_starts_at_origin() -> None:
    layout = compute_layout(Chart(roles=[Role(id="a", title="A")]), box_width=150, box_height=50)
    assert layout.positions == {"a": (0.0, 0.0)}
    assert (layout.width, layout.height) == (150, 50)


def test_manager_is_centred_over_a_row_of_reports() -> None:
    layout = compute_layout(star(3))
    xs = [layout.positions[f"k{i}"][0] for i in range(3)]
    assert layout.positions["boss"][0] == pytest.approx((xs[0] + xs[-1]) / 2)
    assert xs[1] - xs[0] == pytest.approx(layout.box_width + layout.h_gap)


def test_sibling_order_follows_the_chart_and_survives_a_reorder() -> None:
    chart = star(4)
    chart.move_sibling("k3", 0)
    layout = compute_layout(chart)
    order = sorted(chart.children("boss"), key=lambda k: layout.positions[k][0])
    assert order == ["k3", "k0", "k1", "k2"]


def test_dotted_lines_do_not_move_anything() -> None:
    chart = synthetic_chart(200, seed=3)
    before = compute_layout(chart).positions
    plain = Chart(chart.district, [r.with_changes(dotted_to=()) for r in chart.roles_in_order()])
    assert compute_layout(plain).positions == before


def test_depth_one_keeps_leaves_in_one_row() -> None:
    layout = compute_layout(star(6), depth=1)
    assert not layout.stacked
    assert len({layout.positions[f"k{i}"][1] for i in range(6)}) == 1


def test_leaves_no_more_than_the_depth_make_one_column() -> None:
    layout = compute_layout(star(5), depth=6)
    assert layout.stacked == {"boss"}
    assert len({layout.positions[f"k{i}"][0] for i in range(5)}) == 1


def test_more_leaves_than_the_depth_are_stacked_in_columns() -> None:
    chart = star(13)
    layout = compute_layout(chart, depth=6)
    assert layout.stacked == {"boss"}
    cols, rows = columns(13, 6)
    assert (cols, rows) == (3, 5)
    assert cols * rows >= 13 and cols > 1
    xs = {layout.positions[f"k{i}"][0] for i in range(13)}
    ys = {layout.positions[f"k{i}"][1] for i in range(13)}
    assert len(xs) == cols and len(ys) == rows
    # filled column by column, top to bottom, in the chart's order
    for i in range(12):
        (x0, y0), (x1, y1) = layout.positions[f"k{i}"], layout.positions[f"k{i + 1}"]
        assert (x0 == x1 and y1 > y0) or (x1 > x0)
    check_tree(chart, layout)


def test_a_manager_with_a_non_leaf_report_keeps_one_row() -> None:
    layout = compute_layout(star(10, leaves=False), depth=6)
    assert not layout.stacked
    assert len({layout.positions[f"k{i}"][1] for i in range(10)}) == 1


def test_stacked_reporting_lines_hang_from_a_spine_beside_each_column() -> None:
    layout = compute_layout(star(8), depth=3)
    route = layout.route("boss", "k5")
    kx, ky = layout.positions["k5"]
    assert route[0] == (layout.positions["boss"][0] + layout.box_width / 2, layout.box_height)
    assert route[-1] == (kx, ky + layout.box_height / 2)
    assert all(a[0] == b[0] or a[1] == b[1] for a, b in zip(route, route[1:])), "orthogonal"


def test_a_forest_is_laid_side_by_side_in_order() -> None:
    chart = Chart(roles=[Role(id=r, title=r.upper()) for r in ("a", "b", "c")] + [Role(id="a1", title="A1", reports_to="a")])
    layout = compute_layout(chart)
    xs = [layout.positions[r][0] for r in ("a", "b", "c")]
    assert xs == sorted(xs)
    assert {layout.positions[r][1] for r in ("a", "b", "c")} == {0.0}
    check_tree(chart, layout)


def test_cousins_never_collide_when_subtrees_interleave() -> None:
    # A deep narrow subtree beside a wide one: the contour must be checked on every level.
    roles = [Role(id="top", title="Top")]
    roles += [Role(id="left", title="L", reports_to="top"), Role(id="right", title="R", reports_to="top")]
    roles += [Role(id=f"l{i}", title="x", reports_to="left" if i == 0 else f"l{i - 1}") for i in range(5)]
    roles += [Role(id=f"r{i}", title="y", reports_to="right") for i in range(5)]
    roles += [Role(id=f"rr{i}", title="z", reports_to="r0") for i in range(5)]
    chart = Chart(roles=roles)
    check_tree(chart, compute_layout(chart))


def test_a_chain_of_thousands_needs_no_recursion() -> None:
    chart = chain(3000)
    layout = compute_layout(chart)
    assert len(layout.positions) == 3000
    assert layout.positions["r2999"][1] == pytest.approx(2999 * (layout.box_height + layout.v_gap))
    assert {x for x, _ in layout.positions.values()} == {0.0}


def test_five_thousand_roles() -> None:
    chart = synthetic_chart(5000, seed=1)
    layout = compute_layout(chart, depth=8)
    assert len(layout.positions) == 5000
    assert overlapping_pairs(layout) == []
