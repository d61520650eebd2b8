"""A chart that only just misses one page at the smallest title size is printed whole, the room between
its boxes closed up as little as it needs, rather than split into department pages; one that does not
fit even so keeps its department pages, laid out as on the canvas."""

from __future__ import annotations

import pytest

from tdorg.export import ExportOptions, export_chart
from tdorg.export.graphviz.dot import box_size, canvas_depth
from tdorg.export.pages import CLOSEST_SPACING, SPACING_STEPS, _Planner
from tdorg.export.pdf.chartpages import plan_for
from tdorg.export.pdf.chartpdf import chart_area
from tdorg.model import Chart, Role
from tdorg.model.formats import load_chart
from tdorg.model.layout import Tree, fit_depth, sizes
from tdorg.model.synthetic import synthetic_chart
from tests.samples import SAMPLES
from tests.test_export_legible import check_legible, needs_poppler
from tests.test_export_support import needs_graphviz
from tests.test_layout import check_tree

LETTER = ExportOptions()


def three_teams() -> Chart:
    """A superintendent, a director and three managers with two, three and three technicians, one
    manager's title long enough to take three lines (so every box is as tall): five rows of boxes."""
    roles = [Role(id="supt", title="Superintendent"),
             Role(id="dir", title="Director of Technology", reports_to="supt"),
             Role(id="net", title="Network Manager", reports_to="dir"),
             Role(id="tech", title="Technical Services Assistant Manager (technical projects)", reports_to="dir"),
             Role(id="edu", title="Technical Services Assistant Manager (educational projects)", reports_to="dir")]
    for manager, count in (("net", 2), ("tech", 3), ("edu", 3)):
        roles += [Role(id=f"{manager}{i}", title=f"Technician {manager} {i}", reports_to=manager)
                  for i in range(count)]
    return Chart(roles=roles)


def canvas_scale(chart: Chart, options: ExportOptions) -> float:
    """The largest scale the chart prints at on one page with the canvas's spacing."""
    from tdorg.export.pdf.chartpages import planning_area

    return fit_depth(Tree.of(chart), sizes(*box_size(chart)), planning_area(chart_area(options)))[1]


def test_a_chart_just_too_tall_for_the_page_is_closed_up_onto_it() -> None:
    chart = three_teams()
    assert canvas_scale(chart, LETTER) * 11 < 8, "as on the canvas it would print under 8 pt"
    plan = plan_for(chart, LETTER, chart_area(LETTER))
    (page,) = plan.pages
    assert page.title_pt >= 8 - 1e-6 and CLOSEST_SPACING <= page.spacing < 1
    base = sizes(*box_size(chart))
    assert page.layout.v_gap == pytest.approx(base.v_gap * page.spacing)
    assert page.layout.h_gap == pytest.approx(base.h_gap * page.spacing)
    check_tree(chart, page.layout)
    assert plan.describe().endswith("boxes set closer together than on the canvas.")


def test_the_spacing_is_the_loosest_that_fits() -> None:
    chart = three_teams()
    planner = _Planner(Tree.of(chart), box_size(chart), (708.0, 474.0), 8.0)
    tree = Tree.of(chart)
    fit, spacing = planner.closed_up(tree)
    assert planner.fits(tree, spacing, fit[0]) == fit
    step = (1 - CLOSEST_SPACING) / 2 ** SPACING_STEPS
    assert planner.fits(tree, spacing + step, fit[0]) is None


def test_the_canvas_columns_are_kept_where_they_fit_closed_up() -> None:
    chart = three_teams()
    (page,) = plan_for(chart, LETTER, chart_area(LETTER)).pages
    assert page.layout.depth == canvas_depth(chart, Tree.of(chart), LETTER) == 3
    # On A4 the canvas stacks the technicians two deep, as wide as the page then: closing up gains
    # little across, so the columns are chosen again, three deep.
    a4 = ExportOptions(page="a4")
    assert canvas_depth(chart, Tree.of(chart), a4) == 2
    (page,) = plan_for(chart, a4, chart_area(a4)).pages
    assert page.layout.depth == 3 and page.spacing < 1 and page.title_pt >= 8 - 1e-6
    check_tree(chart, page.layout)


def test_a_chart_that_fits_as_on_the_canvas_keeps_its_spacing() -> None:
    chart = three_teams()
    options = ExportOptions(orientation="portrait")
    assert canvas_scale(chart, options) * 11 >= 8
    (page,) = plan_for(chart, options, chart_area(options)).pages
    assert page.spacing == 1.0 and page.layout.v_gap == sizes().v_gap
    assert "closer" not in plan_for(chart, options, chart_area(options)).describe()


def test_a_chart_too_big_even_closed_up_keeps_department_pages_as_on_the_canvas() -> None:
    chart = synthetic_chart(60, seed=60)
    planner = _Planner(Tree.of(chart), box_size(chart), (708.0, 474.0), 8.0)
    assert planner.closed_up(Tree.of(chart)) is None
    plan = plan_for(chart, LETTER, chart_area(LETTER))
    assert len(plan.pages) > 1
    assert {page.spacing for page in plan.pages} == {1.0}
    assert {page.layout.v_gap for page in plan.pages} == {sizes().v_gap}


@needs_graphviz
@needs_poppler
@pytest.mark.parametrize("chart", [three_teams, lambda: load_chart(SAMPLES / "la-crosse.json")],
                         ids=["three-teams", "la-crosse"])
def test_it_prints_on_one_letter_page_with_every_title_at_8_pt(chart, tmp_path) -> None:
    chart = chart()
    (page,) = check_legible(chart, export_chart(chart, tmp_path / "chart.pdf", LETTER), LETTER)
    assert "continued on page" not in page.text
