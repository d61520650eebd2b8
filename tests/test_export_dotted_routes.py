"""Dotted lines pass through no box but the two they join, on every sample and some synthetic charts.

Read from the drawn SVG: each box's rectangle from its outline, each dotted line's points from its path
(straight legs, so its control points lie on it).
"""

from __future__ import annotations

import html
import io
import re

import pytest

from tdorg.export import ExportOptions, export_chart
from tdorg.export.graphviz.dot import box_size
from tdorg.export.graphviz.dotted_routes import crosses
from tdorg.export.graphviz.page_drawings import _ids, page_source
from tdorg.export.graphviz.renderer import render
from tdorg.export.pdf.chartpages import plan_for
from tdorg.export.pdf.chartpdf import chart_area
from tdorg.model.formats import load_chart
from tdorg.model.synthetic import synthetic_chart
from tests.samples import SAMPLE_JSON
from tests.test_export_support import needs_graphviz

_GROUP = re.compile(r'<g id="[^"]*" class="(node|edge)">\s*<title>(.*?)</title>(.*?)</g>', re.S)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _points(d: str) -> list[tuple[float, float]]:
    numbers = [float(n) for n in _NUMBER.findall(d)]
    return list(zip(numbers[::2], numbers[1::2]))


def crossings(svg: str) -> list[tuple[str, str]]:
    """(dotted line, box) for each box a dotted line passes through that is not one of its ends."""
    boxes, dotted = {}, []
    for kind, title, body in _GROUP.findall(svg):
        title = html.unescape(title)
        outline = re.search(r'<(?:path|polygon)[^>]*?(?:d|points)="([^"]+)"', body)
        if kind == "node" and outline and "corner" not in title:
            xs, ys = zip(*_points(outline.group(1)))
            boxes[title] = (min(xs) + 1, min(ys) + 1, max(xs) - 1, max(ys) - 1)  # inside its border
        elif kind == "edge" and "stroke-dasharray" in body and outline:
            dotted.append((title, _points(outline.group(1))))
    out = []
    for title, points in dotted:
        ends = title.split("->")
        for name, rect in boxes.items():
            if name not in ends and any(crosses(p, q, rect) for p, q in zip(points, points[1:])):
                out.append((title, name))
    return out


def _svg(chart, tmp_path) -> str:
    return export_chart(chart, tmp_path / "chart.svg", ExportOptions(format="svg", layout="canvas")).read_text()


@needs_graphviz
@pytest.mark.parametrize("path", SAMPLE_JSON, ids=lambda p: p.stem)
def test_no_sample_has_a_dotted_line_through_a_box(path, tmp_path) -> None:
    assert crossings(_svg(load_chart(path), tmp_path)) == []


@needs_graphviz
@pytest.mark.parametrize("size, seed", [(20, 0), (40, 2), (60, 1)])
def test_no_synthetic_chart_has_a_dotted_line_through_a_box(size, seed, tmp_path) -> None:
    assert crossings(_svg(synthetic_chart(size, seed=seed), tmp_path)) == []


def test_the_check_sees_a_straight_line_through_a_box() -> None:
    svg = (
        '<g id="node1" class="node"><title>a</title><path d="M0,0 L10,0 10,10 0,10 Z"/></g>'
        '<g id="node2" class="node"><title>b</title><path d="M20,0 L30,0 30,10 20,10 Z"/></g>'
        '<g id="node3" class="node"><title>c</title><path d="M40,0 L50,0 50,10 40,10 Z"/></g>'
        '<g id="edge1" class="edge"><title>a&#45;&gt;c</title><path stroke-dasharray="5,2" d="M10,5C10,5 40,5 40,5"/></g>'
    )
    assert crossings(svg) == [("a->c", "b")]


@needs_graphviz
@pytest.mark.parametrize("chart", [*(load_chart(p) for p in SAMPLE_JSON), synthetic_chart(60, seed=1)],
                         ids=lambda c: c.district.name[:20])
def test_no_department_page_has_a_dotted_line_through_a_box(chart) -> None:
    options = ExportOptions()
    plan = plan_for(chart, options, chart_area(options))
    box = box_size(chart)
    for page in plan.pages:
        svg = io.BytesIO()
        render(page_source(chart, box, page, {}), "nop2", "svg", svg, timeout=60)
        ids = {v: k for k, v in _ids(chart, page.tree).items()}
        text = re.sub(r"<title>(.*?)</title>", lambda m: f"<title>{_named(ids, html.unescape(m.group(1)))}</title>",
                      svg.getvalue().decode())
        assert crossings(text) == [], page.number


def _named(ids: dict[str, str], title: str) -> str:
    return "->".join(ids.get(part, part) for part in title.split("->"))
