"""Layout that fits the paper: assistants beside their manager, column depths chosen for the page,
and the canvas showing the arrangement that prints."""

from __future__ import annotations

import re

import pytest

from tdorg.export import ExportOptions, chart_to_dot
from tdorg.export.graphviz.dot import box_size, canvas_depth, fit_area
from tdorg.export.pages import whole_chart
from tdorg.model import Chart, Role
from tdorg.model.formats import load_chart
from tdorg.model.layout import Tree, compute_layout, fit_depth, layout_tree, sizes
from tdorg.model.synthetic import synthetic_chart
from tests.samples import SAMPLE_JSON
from tests.test_layout import check_tree


def team(reports: int = 4, assistants: tuple[Role, ...] = ()) -> Chart:
    roles = [Role(id="boss", title="Director")]
    roles += [Role(id=f"k{i}", title=f"Manager {i}", reports_to="boss") for i in range(reports)]
    roles += [Role(id=f"k{i}x", title=f"Analyst {i}", reports_to=f"k{i}") for i in range(reports)]
    roles += [r.with_changes(reports_to="boss") for r in assistants]
    return Chart(roles=roles)


ADMIN = Role(id="aa", title="Administrative Assistant", category="admin_assistant")
STAFF = Role(id="cos", title="Chief of Staff", category="executive", flags=frozenset({"assistant"}))


@pytest.mark.parametrize("helper", [ADMIN, STAFF], ids=["admin assistant", "marked assistant"])
def test_an_assistant_hangs_beside_its_managers_connector_between_the_levels(helper) -> None:
    chart = team(assistants=(helper,))
    layout = compute_layout(chart)
    check_tree(chart, layout)
    bw, bh = layout.box_width, layout.box_height
    bx, by = layout.positions["boss"]
    ax, ay = layout.positions[helper.id]
    row = {layout.positions[f"k{i}"][1] for i in range(4)}
    assert len(row) == 1, "the reports keep one row"
    assert by + bh < ay and ay + bh < min(row), "between the manager and the reports' row"
    connector = bx + bw / 2
    assert ax == pytest.approx(connector + layout.h_gap / 2), "just right of the connector"
    route = layout.route("boss", helper.id)
    assert route == [(connector, by + bh), (connector, ay + bh / 2), (ax, ay + bh / 2)]
    # the reports' lines pass the assistant on the same connector
    assert layout.route("boss", "k0")[:2] == [(connector, by + bh), (connector, layout.buses["boss"])]


def test_two_assistants_sit_right_then_left_and_a_third_below() -> None:
    helpers = tuple(ADMIN.with_changes(id=f"a{i}", title=f"Assistant {i}") for i in range(3))
    chart = team(assistants=helpers)
    layout = compute_layout(chart)
    check_tree(chart, layout)
    connector = layout.positions["boss"][0] + layout.box_width / 2
    (x0, y0), (x1, y1), (x2, y2) = (layout.positions[f"a{i}"] for i in range(3))
    assert x0 > connector and x1 + layout.box_width < connector and y0 == y1
    assert x2 > connector and y2 > y0
    assert min(layout.positions[f"k{i}"][1] for i in range(4)) > y2 + layout.box_height


def test_an_assistant_with_reports_of_its_own_is_an_ordinary_report() -> None:
    chart = team(assistants=(ADMIN,))
    chart.add_role(Role(id="clerk", title="Clerk", reports_to="aa"))
    layout = compute_layout(chart)
    assert "aa" not in layout.assistants
    assert layout.positions["aa"][1] == layout.positions["k0"][1]


@pytest.mark.parametrize("area, deep", [((3000.0, 500.0), False), ((500.0, 3000.0), True)])
def test_the_column_depth_follows_the_pages_shape_and_keeps_the_order(area, deep) -> None:
    roles = [Role(id="boss", title="Boss")] + [Role(id=f"k{i:02}", title=f"R {i}", reports_to="boss") for i in range(24)]
    chart = Chart(roles=roles)
    tree = Tree.of(chart)
    box = sizes(200, 64)
    depth, scale = fit_depth(tree, box, area)
    layout = layout_tree(tree, box, depth)
    check_tree(chart, layout)  # stacked reports: column by column, top to bottom, in the chart's order
    assert scale == pytest.approx(min(area[0] / layout.width, area[1] / layout.height))
    for other in (1, 2, 3, 4, 6, 8, 12, 24):  # no depth prints the chart larger
        w, h = layout_tree(tree, box, other).width, layout_tree(tree, box, other).height
        assert min(area[0] / w, area[1] / h) <= scale * 1.02 + 1e-9
    assert (depth >= 8) if deep else (depth <= 3)


def test_a_deep_and_a_flat_page_give_different_arrangements_of_a_district() -> None:
    chart = synthetic_chart(300, seed=2)
    tree, box = Tree.of(chart), box_size(chart)
    landscape = fit_depth(tree, sizes(*box), fit_area(ExportOptions()))[0]
    portrait = fit_depth(tree, sizes(*box), fit_area(ExportOptions(page="a3", orientation="portrait")))[0]
    assert landscape == canvas_depth(chart, tree)
    assert portrait >= landscape


@pytest.mark.parametrize("path", SAMPLE_JSON, ids=lambda p: p.stem)
def test_the_export_pins_every_box_where_the_layout_puts_it(path) -> None:
    chart = load_chart(path)
    plan = whole_chart(chart, box_size(chart), fit_area(ExportOptions()))
    layout = plan.pages[0].layout
    source = chart_to_dot(chart, ExportOptions(layout="canvas"))
    pins = {m[0]: (float(m[1]), float(m[2])) for m in re.findall(r'^\t"?([\w.\-]+)"? \[label=<.*pos="([\d.]+),([\d.]+)!"', source, re.M)}
    assert set(pins) == set(chart.roles)
    for rid, (x, y) in pins.items():
        cx, cy = layout.center(rid)
        assert (x, layout.height - y) == pytest.approx((cx, cy), abs=0.01)


def test_canvas_and_export_show_the_same_arrangement(qtbot) -> None:
    from tdorg.model.rules import validate
    from tdorg.ui.canvas.scene import ChartScene

    chart = synthetic_chart(300, seed=5)
    scene = ChartScene()
    scene.set_chart(chart, validate(chart))
    printed = whole_chart(chart, box_size(chart), fit_area(ExportOptions())).pages[0].layout
    shown = scene.layout
    assert shown.depth == printed.depth and shown.stacked == printed.stacked and shown.assistants == printed.assistants
    # Boxes are as wide on the canvas as on paper: every box has the same x; the canvas's boxes are a
    # little taller, so its levels are a little further apart, in the same order.
    assert shown.box_width == printed.box_width
    for rid, (x, _) in printed.positions.items():
        assert shown.positions[rid][0] == pytest.approx(x)
    by_height = sorted(chart.roles, key=lambda r: (printed.positions[r][1], r))
    assert by_height == sorted(chart.roles, key=lambda r: (shown.positions[r][1], r))
    # and on screen, the same chart relaid with the canvas's box is exactly what the canvas shows
    assert layout_tree(Tree.of(chart), sizes(shown.box_width, shown.box_height), printed.depth).positions == shown.positions


def test_marking_a_role_as_assistant_moves_it_on_the_canvas(qtbot) -> None:
    from tdorg.model.rules import validate
    from tdorg.ui.canvas.scene import ChartScene

    chart = team(assistants=(STAFF.with_changes(flags=frozenset()),))
    scene = ChartScene()
    scene.set_chart(chart, validate(chart))
    assert "cos" not in scene.layout.assistants
    chart.update_role("cos", flags=frozenset({"assistant"}))
    scene.flush()
    assert "cos" in scene.layout.assistants
    x, y = scene.layout.positions["cos"]
    assert y < scene.layout.positions["k0"][1]
    item = scene.item("cos")
    assert item is not None and (item.pos().x(), item.pos().y()) == (x, y)


@pytest.mark.parametrize("suffix", [".tdorg", ".json", ".csv"])
def test_the_assistant_mark_is_kept_in_every_file_format(suffix, tmp_path) -> None:
    from tdorg.model.formats import save_chart

    chart = team(assistants=(STAFF,))
    path = tmp_path / f"chart{suffix}"
    save_chart(chart, path)
    again = load_chart(path)
    assert "assistant" in again.roles["cos"].flags
    assert compute_layout(again).positions == compute_layout(chart).positions


def test_the_canvas_follows_the_paper_chosen_for_printing(qtbot) -> None:
    from tdorg.model.rules import validate
    from tdorg.ui.canvas.scene import ChartScene

    roles = [Role(id="boss", title="Boss")] + [Role(id=f"k{i:02}", title=f"R {i}", reports_to="boss") for i in range(40)]
    chart = Chart(roles=roles)
    scene = ChartScene()
    scene.set_chart(chart, validate(chart))
    wide = scene.layout
    scene.set_paper("a3", "portrait")
    tall = scene.layout
    expected = whole_chart(chart, box_size(chart), fit_area(ExportOptions(page="a3", orientation="portrait")))
    assert tall.depth == expected.pages[0].layout.depth > wide.depth
    assert tall.height / tall.width > wide.height / wide.width
    assert all(scene.item(rid).pos().toTuple() == tall.positions[rid] for rid in chart.roles)
    scene.set_paper("no such paper", "sideways")  # an unreadable remembered choice: Letter landscape
    assert scene.layout.positions == wide.positions
