"""A chart or department too wide for its page as on the canvas is printed with its departments stacked in
columns (tdorg.export.compact_layout) when that keeps its titles at the minimum, rather than split further."""

from __future__ import annotations

import random

import pytest

from tdorg.export import ExportOptions, export_chart
from tdorg.export.compact_layout import compact_layout, stackings
from tdorg.export.graphviz.dotted_routes import crosses
from tdorg.export.pages import _Planner
from tdorg.export.graphviz.dot import box_size
from tdorg.export.pdf.chartpages import plan_for, planning_area
from tdorg.export.pdf.chartpdf import chart_area
from tdorg.model import Chart, Role
from tdorg.model.formats import load_chart
from tdorg.model.layout import Layout, Tree
from tdorg.model.synthetic import synthetic_chart
from tests.samples import SAMPLE_JSON
from tests.test_export_legible import check_legible, needs_poppler
from tests.test_export_support import needs_graphviz
from tests.test_layout import check_tree

LANDSCAPE = ExportOptions()
PORTRAIT = ExportOptions(orientation="portrait")


def random_chart(seed: int) -> Chart:
    """Up to 40 roles, some of them assistants, some managers with only leaf reports, one with columns chosen."""
    rng = random.Random(seed)
    roles = [Role(id="r0", title="Top")]
    for i in range(1, rng.randrange(3, 40)):
        boss = rng.randrange(i) if rng.random() < 0.7 else max(0, i - rng.randrange(1, 4))
        category = "admin_assistant" if rng.random() < 0.1 else "other"
        roles.append(Role(id=f"r{i}", title=f"Role {i}", reports_to=f"r{boss}", category=category))
    chart = Chart(roles=roles)
    leafy = [rid for rid in chart.roles if chart.children(rid) and all(not chart.children(k) for k in chart.children(rid))]
    if leafy and seed % 2:
        return Chart(roles=roles, arrangements={leafy[0]: 1 + seed % 3 if seed % 3 else 0})
    return chart


def crossed_boxes(tree: Tree, layout: Layout) -> list[tuple[str, str, str]]:
    """(manager, report, role) for each reporting line that passes through a third role's box."""
    bw, bh, e = layout.box_width, layout.box_height, 0.5
    boxes = {rid: (x + e, y + e, x + bw - e, y + bh - e) for rid, (x, y) in layout.positions.items()}
    out = []
    for manager in tree.order:
        for kid in tree.children[manager]:
            route = layout.route(manager, kid)
            assert all(a[0] == b[0] or a[1] == b[1] for a, b in zip(route, route[1:])), "orthogonal"
            out += [(manager, kid, rid) for a, b in zip(route, route[1:]) for rid, box in boxes.items()
                    if rid not in (manager, kid) and crosses(a, b, box)]
    return out


CHARTS = [pytest.param(lambda n=n: synthetic_chart(n), id=f"synthetic{n}") for n in (10, 15, 20, 30, 45, 80)]
CHARTS += [pytest.param(lambda s=s: random_chart(s), id=f"random{s}") for s in range(40)]
CHARTS += [pytest.param(lambda p=p: load_chart(p), id=p.stem) for p in SAMPLE_JSON]


@pytest.mark.parametrize("make", CHARTS)
def test_every_stacking_is_a_tidy_tree_whose_lines_pass_no_box(make) -> None:
    chart = make()
    tree = Tree.of(chart)
    laid = 0
    for level, rows in stackings(tree):
        layout = compact_layout(tree, (200.0, 80.0), 24.0, 56.0, level, rows)
        if layout is None:
            continue
        laid += 1
        check_tree(chart, layout)
        assert crossed_boxes(tree, layout) == [], (level, rows)
        for rid, columns in chart.arrangements.items():  # the user's row or columns are kept
            kids = chart.children(rid)
            lefts = {layout.positions[k][0] for k in kids}
            assert len(lefts) == (min(columns, len(kids)) if columns else len(kids)), (rid, columns)
    assert laid or tree.height() == 0 or chart.arrangements or tree.assistants


def page_counts(chart: Chart, options: ExportOptions, monkeypatch) -> tuple[int, int]:
    """Pages with stacking, and as the planner printed them before it stacked anything."""
    now = len(plan_for(chart, options, chart_area(options)).pages)
    with monkeypatch.context() as m:
        m.setattr(_Planner, "stacked", lambda self, whole: None)
        before = len(plan_for(chart.copy(), options, chart_area(options)).pages)  # a chart not planned yet
    return now, before


@pytest.mark.parametrize("n", range(10, 81, 5))
@pytest.mark.parametrize("options", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def test_no_chart_takes_more_pages_than_before(n: int, options, monkeypatch) -> None:
    for seed in (0, 1, 2):
        now, before = page_counts(synthetic_chart(n, seed=seed), options, monkeypatch)
        assert now <= before


@pytest.mark.parametrize("path", SAMPLE_JSON, ids=lambda p: p.stem)
def test_no_sample_takes_more_pages_than_before(path, monkeypatch) -> None:
    for options in (LANDSCAPE, PORTRAIT):
        now, before = page_counts(load_chart(path), options, monkeypatch)
        assert now <= before


def test_twenty_roles_take_two_pages_rather_than_three(monkeypatch) -> None:
    chart = synthetic_chart(20)
    assert page_counts(chart, LANDSCAPE, monkeypatch) == (2, 3)
    plan = plan_for(chart, LANDSCAPE, chart_area(LANDSCAPE))
    department = plan.pages[1]
    assert department.stacked and department.heads == ("cto",) and department.title_pt >= 8 - 1e-6
    assert set(department.tree.order) == set(Tree.of(chart).part(("cto",)).order), "the whole department"


def test_fifteen_roles_print_on_one_portrait_page(monkeypatch) -> None:
    chart = synthetic_chart(15)
    assert page_counts(chart, PORTRAIT, monkeypatch) == (1, 3)
    plan = plan_for(chart, PORTRAIT, chart_area(PORTRAIT))
    (page,) = plan.pages
    assert page.stacked and page.title_pt >= 8 - 1e-6 and 0.6 <= page.spacing < 1
    check_tree(chart, page.layout)
    assert plan.describe() == ("One page: the whole chart, role titles at 8.0 pt, reports stacked in columns "
                               "and boxes set closer together than on the canvas.")


def test_a_chart_that_fits_as_on_the_canvas_is_not_stacked() -> None:
    plan = plan_for(synthetic_chart(10), LANDSCAPE, chart_area(LANDSCAPE))
    assert not plan.pages[0].stacked and plan.describe().startswith("One page: the whole chart")
    assert "stacked" not in plan.describe()


@needs_graphviz
@needs_poppler
@pytest.mark.parametrize("n, options", [(15, PORTRAIT), (20, LANDSCAPE)], ids=["15-portrait", "20-landscape"])
def test_stacked_pages_print_every_title_at_the_minimum(n: int, options, tmp_path) -> None:
    chart = synthetic_chart(n)
    out = tmp_path / "chart.pdf"
    export_chart(chart, out, options)
    check_legible(chart, out, options)


def test_the_message_says_which_department_page_is_stacked() -> None:
    plan = plan_for(synthetic_chart(20), LANDSCAPE, chart_area(LANDSCAPE))
    assert [p.stacked for p in plan.pages] == [False, True]
    assert "page 2 the departments (one of them with its reports stacked in columns to keep it on one page)" in (
        plan.describe())


@pytest.mark.parametrize("n", [20, 25, 35])
def test_twenty_roles_or_more_cannot_print_on_one_letter_page_at_8_pt(n: int) -> None:
    """Why they take department pages: stacked as tightly as any level and column depth allows, and closed up
    to the closest spacing, the whole synthetic chart still prints its titles under 8 pt either way round."""
    chart = synthetic_chart(n)
    tree = Tree.of(chart)
    for options in (LANDSCAPE, PORTRAIT):
        planner = _Planner(tree, box_size(chart), planning_area(chart_area(options)), 1.0)
        best = planner._stacked_at(tree, 0.6, stackings(tree))
        assert best is not None and best[2] * 11 < 8
