"""Work the page export does once and keeps gives what doing it again would: the planner's fits of the
parts it tries again, and the DOT defaults quoted once a set."""

from __future__ import annotations

import graphviz
import pytest

from tdorg.export import ExportOptions
from tdorg.export import pages
from tdorg.export.graphviz import dot
from tdorg.export.pdf.chartpages import plan_for
from tdorg.export.pdf.chartpdf import chart_area
from tdorg.model.synthetic import synthetic_chart


class _Forgetting(dict):
    """A memo that never holds anything: every fit is measured afresh."""

    def __contains__(self, key: object) -> bool:
        return False


def _pages(plan: pages.PagePlan) -> list[tuple]:
    return [(p.tree.order, p.tree.children, p.heads, p.from_page, p.part, p.continued, p.top, p.spacing, p.stacked,
             p.scale, p.layout.positions) for p in plan.pages]


@pytest.mark.parametrize("size, orientation", [(20, "landscape"), (30, "portrait"), (300, "landscape"),
                                               (300, "portrait"), (2000, "landscape")])
def test_kept_fits_plan_the_same_pages(monkeypatch: pytest.MonkeyPatch, size: int, orientation: str) -> None:
    chart = synthetic_chart(size, seed=size)
    options = ExportOptions(format="pdf", orientation=orientation)
    kept = plan_for(chart, options, chart_area(options))
    made = pages._Planner.__init__

    def forgetting(self: pages._Planner, *args: object) -> None:
        made(self, *args)
        self.found = _Forgetting()

    monkeypatch.setattr(pages._Planner, "__init__", forgetting)
    fresh = plan_for(chart.copy(), options, chart_area(options))  # a chart not planned yet
    assert _pages(kept) == _pages(fresh)
    assert kept.width == fresh.width and kept.height == fresh.height


def test_defaults_are_the_statements_graphviz_writes() -> None:
    for kind, attrs in (("graph", {"pad": "0.0556", **dot.PINNED}), ("node", {"label": "a \"b\" c", "width": "2"}),
                        ("edge", {"dir": "none", "color": "#94A3B8"})):
        made, kept = graphviz.Digraph(), graphviz.Digraph()
        made.attr(kind, **attrs)
        for _ in range(2):  # the second time from the memo
            dot.set_defaults(kept, kind, **attrs)
        assert kept.body == made.body * 2
