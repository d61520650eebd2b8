"""A manager's reporting lines, drawn as one path of joined stretches, cover exactly the routes the layout gives
each of its reports: rows, stacked columns and assistants, on charts laid out at several column depths."""

from __future__ import annotations

import pytest

from tdorg.model.layout import Tree, layout_tree, sizes
from tdorg.model.synthetic import synthetic_chart
from tests.charts import compliant_chart

pytest.importorskip("PySide6.QtWidgets")

from tdorg.ui.canvas.items.edge_items import reporting_lines  # noqa: E402

Stretch = tuple[bool, float, float, float]  # horizontal?, the y (or x) it runs along, from, to


def drawn(path) -> list[Stretch]:  # noqa: ANN001
    """The path's stretches: each a move to its start and a line to its end, along one axis."""
    out = []
    for i in range(0, path.elementCount(), 2):
        start, end = path.elementAt(i), path.elementAt(i + 1)
        assert start.isMoveTo() and end.isLineTo()
        if start.y == end.y:
            out.append((True, start.y, min(start.x, end.x), max(start.x, end.x)))
        else:
            assert start.x == end.x
            out.append((False, start.x, min(start.y, end.y), max(start.y, end.y)))
    return out


def routed(layout, manager: str, reports) -> list[Stretch]:  # noqa: ANN001
    out = []
    for report in reports:
        points = layout.route(manager, report)
        for (x1, y1), (x2, y2) in zip(points, points[1:]):
            out.append((True, y1, min(x1, x2), max(x1, x2)) if y1 == y2 else (False, x1, min(y1, y2), max(y1, y2)))
    return out


@pytest.mark.parametrize("chart", [compliant_chart(), synthetic_chart(1500, seed=3)], ids=["small", "synthetic"])
@pytest.mark.parametrize("depth", [1, 3, 8])
def test_the_lines_drawn_are_the_routes_joined(chart, depth):
    layout = layout_tree(Tree.of(chart), sizes(200.0, 72.0), depth)
    kinds = set()
    for manager in chart.roles:
        reports = chart.children(manager)
        if not reports:
            continue
        kinds.add("stacked" if manager in layout.stacked else "row")
        kinds.update("assistant" for r in reports if r in layout.assistants)
        lines, routes = drawn(reporting_lines(layout, manager, reports)), routed(layout, manager, reports)
        for horizontal, at, low, high in routes:  # every stretch of every route is drawn
            assert any(h == horizontal and a == at and lo <= low and high <= hi for h, a, lo, hi in lines)
        for horizontal, at, low, high in lines:  # and nothing else: each line is made of routes' stretches, end to end
            covered = sorted((lo, hi) for h, a, lo, hi in routes if h == horizontal and a == at and low <= lo and hi <= high)
            reach = low
            for lo, hi in covered:
                assert lo <= reach, (manager, horizontal, at, low, high)
                reach = max(reach, hi)
            assert reach == high
        assert len(lines) == len(set(lines))  # each stretch once
    if len(chart) > 100:  # the synthetic chart has every kind of line
        assert kinds >= ({"row", "assistant"} if depth == 1 else {"row", "stacked", "assistant"})
