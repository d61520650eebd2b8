"""An export plans a chart's pages once for the chart as it stands: the orientation's choice, the export
and the sentence describing its pages share the plans, an edit plans afresh, and a chart let go takes its
plans with it."""

from __future__ import annotations

import gc
import weakref

import pytest

import tdorg.export.pages as pages
from tdorg.export.chart_memo import ChartMemo
from tdorg.export.graphviz.dot import box_size
from tdorg.export.options import ExportOptions
from tdorg.export.orientation import choose_orientation
from tdorg.export.pdf.chartpages import describe_export, plan_for
from tdorg.export.pdf.chartpdf import chart_area
from tdorg.model import Chart, Role
from tdorg.model.synthetic import synthetic_chart


@pytest.fixture
def planned(monkeypatch: pytest.MonkeyPatch) -> list[tuple[float, float]]:
    """The areas the planner really plans for, in order."""
    areas: list[tuple[float, float]] = []
    plan = pages._plan

    def counted(chart, box, area, min_title_pt):
        areas.append(area)
        return plan(chart, box, area, min_title_pt)

    monkeypatch.setattr(pages, "_plan", counted)
    return areas


def test_an_export_with_the_orientation_open_plans_each_orientation_once(planned: list) -> None:
    chart = synthetic_chart(300, seed=300)
    options, _ = choose_orientation(chart, ExportOptions(format="pdf"))
    plan = plan_for(chart, options, chart_area(options))  # what the export's pages are drawn from
    sentence = describe_export(chart, options)
    assert len(planned) == 2 and planned[0] != planned[1]  # landscape and portrait, nothing again
    assert plan is plan_for(chart, options, chart_area(options))
    assert sentence == plan.describe()


def test_an_edit_plans_afresh_and_the_plan_is_the_edited_charts(planned: list) -> None:
    chart = synthetic_chart(300, seed=300)
    options = ExportOptions(format="pdf")
    before = plan_for(chart, options, chart_area(options))
    leaf = next(rid for rid in chart.tree_order() if not chart.children(rid))
    chart.update_role(leaf, title="Senior Network Engineer for the Northern Elementary Schools")
    after = plan_for(chart, options, chart_area(options))
    assert len(planned) == 2 and after is not before
    fresh = pages._plan(chart.copy(), box_size(chart), planned[1], options.min_title_pt)
    assert [(p.tree.order, p.layout.positions, p.scale, p.continued) for p in after.pages] == [
        (p.tree.order, p.layout.positions, p.scale, p.continued) for p in fresh.pages
    ]


def test_an_equal_chart_is_planned_for_itself(planned: list) -> None:
    chart = synthetic_chart(120, seed=1)
    options = ExportOptions(format="pdf")
    plan_for(chart, options, chart_area(options))
    twin = chart.copy()
    assert twin == chart
    plan_for(twin, options, chart_area(options))
    assert len(planned) == 2


def test_a_chart_let_go_is_not_kept_alive_by_its_plans() -> None:
    chart = synthetic_chart(120, seed=2)
    options = ExportOptions(format="pdf")
    plan_for(chart, options, chart_area(options))
    gone = weakref.ref(chart)
    del chart
    gc.collect()
    assert gone() is None


def test_a_result_made_while_the_chart_changed_is_not_kept() -> None:
    memo: ChartMemo[int] = ChartMemo()
    chart = Chart(roles=[Role(id="cto", title="Chief Technology Officer")])
    made: list[int] = []

    def edits_while_made() -> int:
        made.append(1)
        chart.update_role("cto", title=f"Chief Technology Officer {len(made)}")
        return len(made)

    assert memo.get(chart, "k", edits_while_made) == 1
    assert memo.get(chart, "k", lambda: 99) == 99  # nothing was kept for the revision it started from
    assert memo.get(chart, "k", lambda: 7) == 99
