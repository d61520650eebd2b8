"""PowerPoint export: native boxes and glued connectors, department slides, title and findings slides."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from datetime import date

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE, MSO_SHAPE_TYPE

from tdorg.export.run import ExportRun
from tdorg.export import ExportCancelledError, ExportOptions, export_chart
from tdorg.export.slides.boxes import BOTTOM, site
from tdorg.export.slides.deck import plan_slides
from tdorg.launcher import main
from tdorg.model.formats import save_chart
from tdorg.model.rules import validate
from tdorg.model.synthetic import synthetic_chart

from .charts import compliant_chart
from .pptx_paths import connector_path, glued

NAMES = {"net": "Nguyễn Văn An", "tech": "Żaneta Kowalska", "hd": "Σοφία Παπαδοπούλου"}
DAY = date(2026, 12, 2)


def _named_chart():
    chart = compliant_chart()
    roles = [replace(r, person=NAMES.get(r.id, r.person)) for r in chart.roles.values()]
    return type(chart)(chart.district, roles)


def _boxes(slide):
    """Role boxes by shape id, each as (title, person line)."""
    out = {}
    for shape in slide.shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE and shape.auto_shape_type == MSO_SHAPE.ROUNDED_RECTANGLE:
            lines = [p.text for p in shape.text_frame.paragraphs]
            out[shape.shape_id] = (shape, lines)
    return out


def _role_of(chart):
    """(title, person text) → role id for a chart whose roles that pair tells apart."""
    keys = {}
    for role in chart.roles.values():
        keys[(role.title, "Vacant" if role.vacant else role.person)] = role.id
    assert len(keys) == len(chart)
    return keys


def _export(tmp_path, chart, name="chart.pptx", scenario=None):
    target = tmp_path / name
    export_chart(chart, target, ExportOptions.for_path(target), ExportRun(title_date=DAY, scenario=scenario))
    return Presentation(str(target))


def _rect(shape):
    return shape.left, shape.top, shape.width, shape.height


def _check_connector(line, boxes):
    """The line is orthogonal, glued to the manager's bottom, and drawn from that site to the report's."""
    (begin_id, begin_site), (end_id, end_site) = glued(line)
    assert begin_site == BOTTOM
    path = connector_path(line)
    manager, report = (_rect(boxes[i][0]) for i in (begin_id, end_id))
    assert max(abs(a - b) for a, b in zip(path[0], site(manager, BOTTOM))) <= 2
    assert max(abs(a - b) for a, b in zip(path[-1], site(report, end_site))) <= 2
    for (ax, ay), (bx, by) in zip(path, path[1:]):
        assert abs(ax - bx) <= 2 or abs(ay - by) <= 2, path
    assert path[1][1] > path[0][1]  # it leaves the manager downwards
    return begin_id, end_id


def test_a_small_chart_is_three_slides_of_editable_shapes(tmp_path):
    chart = _named_chart()
    deck = _export(tmp_path, chart, scenario="Proposed 2027")
    assert len(deck.slides) == 3
    assert abs(deck.slide_width / deck.slide_height - 16 / 9) < 0.01
    title_text = " ".join(s.text_frame.text for s in deck.slides[0].shapes if s.has_text_frame)
    assert "Compliant School District (NY)" in title_text
    assert "“Proposed 2027”" in title_text and "December 2, 2026" in title_text
    slide = deck.slides[1]
    boxes = _boxes(slide)
    assert Counter(lines[0] for _, lines in boxes.values()) == Counter(r.title for r in chart.roles.values())
    alt = {shape._element.xpath("./*[1]/p:cNvPr")[0].get("descr") for shape, _ in boxes.values()}
    assert "Network Engineer, Nguyễn Văn An, reports to Director of Technology" in alt
    assert "Superintendent, Dana Reyes" in alt
    people = {lines[1] for _, lines in boxes.values()}
    assert set(NAMES.values()) <= people  # the letters as typed, as text
    key = _role_of(chart)
    role_at = {sid: key[(lines[0], lines[1])] for sid, (_, lines) in boxes.items()}
    pairs = [_check_connector(line, boxes) for line in slide.shapes if line.name == "Reporting line"]
    assert Counter((role_at[b], role_at[e]) for b, e in pairs) == Counter(
        (r.reports_to, r.id) for r in chart.roles.values() if r.reports_to)
    dotted = [glued(s) for s in slide.shapes if s.name == "Dotted line"]
    assert Counter((role_at[b], role_at[e]) for (b, _), (e, _) in dotted) == Counter(
        (r.id, t) for r in chart.roles.values() for t in r.dotted_to)
    for each in deck.slides:  # text stays text
        assert not [s for s in each.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]


def test_the_findings_slide_counts_by_severity_and_lists_the_worst_first(tmp_path):
    chart = synthetic_chart(60)
    report = validate(chart)
    deck = _export(tmp_path, chart)
    slide = deck.slides[len(deck.slides) - 1]
    assert slide.shapes.title.text == "Findings against the framework"
    table = next(s for s in slide.shapes if s.has_table).table
    rows = [[table.cell(r, c).text for c in range(2)] for r in range(len(table.rows))]
    from tdorg.model.rules.base import Severity

    assert rows == [["Severity", "Findings"], ["Errors", f"{len(report.by_severity(Severity.ERROR)):,}"],
                    ["Warnings", f"{len(report.by_severity(Severity.WARNING)):,}"],
                    ["Notes", f"{len(report.by_severity(Severity.INFO)):,}"]]
    listed = [p.text for s in slide.shapes if s.has_text_frame for p in s.text_frame.paragraphs
              if p.runs and p.runs[0].text.strip() in {f.rule_id for f in report.findings}]
    worst = sorted(report.findings, key=lambda f: -f.severity)
    assert listed and listed[0].startswith(worst[0].rule_id)


def test_a_300_role_chart_takes_department_slides_with_links_between_them(tmp_path):
    chart = synthetic_chart(300)
    options = ExportOptions(format="pptx")
    plan = plan_slides(chart, options)
    assert len(plan.pages) > 1
    deck = _export(tmp_path, chart)
    slides = list(deck.slides)
    assert len(slides) == len(plan.pages) + 2
    seen = set()
    for page, slide in zip(plan.pages, slides[1:]):
        boxes = _boxes(slide)
        assert len(boxes) == len(page.tree.order)
        assert Counter(lines[0] for _, lines in boxes.values()) == Counter(chart.roles[r].title for r in page.tree.order)
        for shape, _ in boxes.values():
            size = shape.text_frame.paragraphs[0].runs[0].font.size.pt
            assert options.min_title_pt - 0.05 <= size <= 14.05
        lines = [s for s in slide.shapes if s.name == "Reporting line"]
        assert len(lines) == sum(len(k) for k in page.tree.children.values())
        for line in lines:
            _check_connector(line, boxes)
        notes = [s for s in slide.shapes if s.name == "Continued"]
        assert len(notes) == len(page.continued)
        for note in notes:
            number = int(note.text_frame.text.rsplit(" ", 1)[1])
            target = note.click_action.target_slide
            assert slides.index(target) + 1 == number
            heading = " ".join(s.text_frame.text for s in target.shapes if s.has_text_frame)
            assert f"from slide {slides.index(slide) + 1}" in heading
            notes = target.notes_slide.notes_text_frame.text
            assert f"continued from slide {slides.index(slide) + 1}." in notes
        seen.update(page.tree.order)
    assert seen == set(chart.roles)


def test_the_command_line_writes_slides_and_says_which_slide_holds_what(tmp_path):
    source = tmp_path / "plan.json"
    save_chart(_named_chart(), source)
    out = tmp_path / "board.pptx"
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        assert main(["export", str(source), "-o", str(out)]) == 0
    assert "PowerPoint slides" in stdout.getvalue()
    assert "Slides: the title on slide 1, the chart on slide 2, the findings on slide 3" in stdout.getvalue()
    assert len(Presentation(str(out)).slides) == 3
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        assert main(["export", str(source), "-o", str(tmp_path / "auto.pptx"), "--layout", "auto"]) == 2
    assert "laid out as on the canvas" in stderr.getvalue()
    assert not (tmp_path / "auto.pptx").exists()
    with contextlib.redirect_stderr(io.StringIO()) as stderr:
        assert main(["export", str(source), "-o", str(tmp_path / "packet.pptx"), "--packet"]) == 2
    assert "a board packet is a PDF; name the file .pdf" in stderr.getvalue()


def test_chart_text_is_written_as_typed_markup_and_all(tmp_path):
    chart = compliant_chart()
    roles = [replace(r, title='Chief <b>&amp; "{id}" Officer', person="Zoë & Co") if r.id == "cto" else r
             for r in chart.roles.values()]
    deck = _export(tmp_path, type(chart)(chart.district, roles))
    texts = [shape.text_frame.text for shape in deck.slides[1].shapes if shape.has_text_frame]
    assert 'Chief <b>&amp; "{id}" Officer\nZoë & Co\nIT leader' in texts


def test_a_cancelled_export_leaves_the_previous_file(tmp_path):
    target = tmp_path / "chart.pptx"
    target.write_bytes(b"previous")
    with pytest.raises(ExportCancelledError):
        export_chart(compliant_chart(), target, ExportOptions(format="pptx"), ExportRun(cancel=lambda: True))
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["chart.pptx"]


def test_export_help_does_not_load_python_pptx(tmp_path):
    code = ("import contextlib, io, json, sys\nfrom tdorg.launcher import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n    assert main(['export', '--help']) == 0\n"
            "print(json.dumps(sorted(sys.modules)))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    modules = json.loads(result.stdout.strip().splitlines()[-1])
    assert not [m for m in modules if m.split(".")[0] in ("pptx", "lxml")]
