"""Every sample exported to every format holds every role."""

from __future__ import annotations

import re
import tempfile

import pytest
from PIL import Image

from tdorg.export import ExportOptions, chart_to_dot, export_chart
from tdorg.export.api import MAX_PNG_PIXELS
from tdorg.export.pdf.chartpages import plan_for
from tdorg.export.pdf.chartpdf import chart_area
from tdorg.model.formats import load_chart
from tdorg.model.layout import stacks_reports
from tests.samples import SAMPLE_JSON
from tests.test_export_support import (
    needs_graphviz,
    norm,
    pdf_page_count,
    pdf_text,
    role_nodes,
    svg_edge_count,
    svg_nodes,
)

LAYOUTS = ["auto", "canvas"]


def sample_ids(path) -> str:
    return path.stem


@pytest.fixture(params=SAMPLE_JSON, ids=sample_ids)
def sample(request):
    return load_chart(request.param)


def test_there_are_samples() -> None:
    assert len(SAMPLE_JSON) >= 4


@needs_graphviz
@pytest.mark.parametrize("layout", LAYOUTS)
def test_pdf_has_pages_and_every_title(sample, layout, tmp_path) -> None:
    options = ExportOptions(layout=layout)
    out = export_chart(sample, tmp_path / "chart.pdf", options)
    assert out == tmp_path / "chart.pdf"
    plan = plan_for(sample, options, chart_area(options))
    assert pdf_page_count(out) == (1 if plan is None else len(plan.pages))
    text = pdf_text(out)
    missing = [r.title for r in sample.roles.values() if norm(r.title) not in text]
    assert missing == []
    assert norm(sample.district.name) in text


@needs_graphviz
@pytest.mark.parametrize("layout", LAYOUTS)
def test_svg_parses_and_has_a_node_per_role(sample, layout, tmp_path) -> None:
    out = export_chart(sample, tmp_path / "chart.svg", ExportOptions(format="svg", layout=layout))
    nodes = role_nodes(svg_nodes(out))
    assert set(nodes) == set(sample.roles)
    for rid, role in sample.roles.items():
        assert norm(role.title) in nodes[rid]
        assert norm(role.display_person() if role.vacant or role.person else "") in nodes[rid]
    if layout == "canvas":
        lines = sum(1 for r in sample.roles.values() if r.reports_to) + sum(len(r.dotted_to) for r in sample.roles.values())
        assert svg_edge_count(out) == lines


@needs_graphviz
@pytest.mark.parametrize("layout", LAYOUTS)
def test_png_decodes_with_a_sane_size(sample, layout, tmp_path) -> None:
    out = export_chart(sample, tmp_path / "chart.png", ExportOptions(format="png", layout=layout))
    with Image.open(out) as image:
        image.verify()
    with Image.open(out) as image:
        width, height = image.size
        assert image.format == "PNG"
    assert 400 <= width <= MAX_PNG_PIXELS and 150 <= height <= MAX_PNG_PIXELS


@pytest.mark.parametrize("layout", LAYOUTS)
def test_dot_source_names_every_role_and_line(sample, layout, tmp_path) -> None:
    out = export_chart(sample, tmp_path / "chart.dot", ExportOptions(format="dot", layout=layout))
    source = out.read_text(encoding="utf-8")
    assert source == chart_to_dot(sample, ExportOptions(layout=layout))
    declared = set(re.findall(r'^\t"?([A-Za-z0-9_.\-]+)"? \[label=<', source, re.M))
    assert declared == set(sample.roles)
    for rid, role in sample.roles.items():
        manager = role.reports_to
        if manager:
            if layout == "auto" and stacks_reports(sample, manager):
                tail = rf'"{re.escape(manager)}~\d+~\d+"'  # hangs from a joint of the manager's spine
            else:
                tail = rf'"?{re.escape(manager)}"?'
            assert re.search(rf'^\s*{tail} -> "?{re.escape(rid)}"?[ \n]', source, re.M)
        for target in role.dotted_to:
            # dashed, from the role to its dotted-line manager
            assert re.search(rf'^\t"?{re.escape(rid)}"? -> "?{re.escape(target)}"? \[.*style=dashed', source, re.M)


def test_format_follows_the_extension() -> None:
    assert ExportOptions.for_path("x.SVG").format == "svg"
    assert ExportOptions.for_path("x.gv").format == "dot"
    assert ExportOptions.for_path("x.png").format == "png"


@needs_graphviz
def test_vacancies_say_vacant_with_a_dashed_border(sample, tmp_path) -> None:
    role_id = next(iter(sample.roles))
    sample.update_role(role_id, vacant=True, person="")
    source = chart_to_dot(sample)
    assert re.search(rf'^\t"?{re.escape(role_id)}"? \[label=<.*Vacant.*style="rounded,filled,dashed"', source, re.M)
    out = export_chart(sample, tmp_path / "chart.svg", ExportOptions(format="svg"))
    assert "Vacant" in svg_nodes(out)[role_id]


@needs_graphviz
@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_label_fits_its_box(sample, layout) -> None:
    from tdorg.export.graphviz.dot import engine_for
    from tdorg.export.graphviz.renderer import layout_engine, render
    from tdorg.model.synthetic import synthetic_chart

    for chart in (sample, synthetic_chart(300, seed=2)):
        options = ExportOptions(layout=layout, badges=True)
        with tempfile.TemporaryFile() as drawing:
            warnings = render(chart_to_dot(chart, options).encode(), layout_engine(*engine_for(options)), "svg",
                              drawing, timeout=60)
        assert "too small" not in warnings, warnings[:300]


def test_badges_without_a_report_come_from_validating_the_chart(sample) -> None:
    from tdorg.model.rules import validate

    named = {r for f in validate(sample).findings for r in f.role_ids}
    assert named, "the sample breaks some rules"
    with_badges = chart_to_dot(sample, ExportOptions(badges=True))
    without = chart_to_dot(sample, ExportOptions(badges=False))
    assert with_badges != without
    assert with_badges == chart_to_dot(sample, ExportOptions(badges=True), validate(sample))
