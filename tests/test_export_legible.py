"""Printed charts stay legible: every role title at the chosen minimum or more, on every paper.

Text positions come from poppler's ``pdftotext -bbox-layout``: a line's box is
as tall as the font's ascent plus descent, which for Arial's metrics (the
charts' font, or Liberation Sans with the same metrics) is 1.117 times the
font size.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tdorg.export import ExportOptions, export_chart
from tdorg.export.pdf.chartpages import HEADING_SPACE, plan_for
from tdorg.export.pdf.chartpdf import chart_area
from tdorg.export.labels import wrap
from tdorg.model.formats import load_chart
from tdorg.model.synthetic import synthetic_chart
from tests.samples import SAMPLE_JSON
from tests.test_export_support import needs_graphviz, norm

#: Height of a line's box over the font size: the pages are set in the shipped DejaVu Sans, whose ascent
#: and descent as the PDF gives them to poppler add up to one em.
LINE_BOX = 1.0
PAPERS = [(page, orientation) for page in ("letter", "a4") for orientation in ("landscape", "portrait")]

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    y0: float  # from the top of the page
    x1: float
    y1: float

    @property
    def size(self) -> float:
        return (self.y1 - self.y0) / LINE_BOX


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    lines: list[Line]

    @property
    def text(self) -> str:
        return norm(" ".join(line.text for line in self.lines))


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_LINE = re.compile(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', re.S)
_WORD = re.compile(r"<word [^>]*>(.*?)</word>", re.S)


def read_pages(path: Path) -> list[Page]:
    out = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, check=True, timeout=120)
    pages = []
    for width, height, body in _PAGE.findall(out.stdout.decode("utf-8")):
        lines = [
            Line(" ".join(html.unescape(w) for w in _WORD.findall(words)), float(a), float(b), float(c), float(d))
            for a, b, c, d, words in _LINE.findall(body)
        ]
        pages.append(Page(float(width), float(height), lines))
    return pages


def check_legible(chart, path: Path, options: ExportOptions) -> list[Page]:
    """Every title printed at the minimum or more, no text past the margins, references that point right."""
    pages = read_pages(path)
    plan = plan_for(chart, options, chart_area(options))
    assert plan is not None and len(pages) == len(plan.pages)
    # Every role's title, at the minimum size or more, on some page.
    sizes: dict[str, float] = {}
    for page in pages:
        for line in page.lines:
            sizes[line.text] = max(sizes.get(line.text, 0.0), line.size)
    small = {}
    for role in chart.roles.values():
        first = wrap(role.title)[0]
        size = sizes.get(first, 0.0)
        if size < options.min_title_pt - 0.05:
            small[role.title] = round(size, 2)
    assert small == {}, f"titles missing or printed too small: {dict(list(small.items())[:8])}"
    # Nothing runs past the margins: no box is cut by a page edge.
    m = options.margin - 3  # a footer's descenders reach just under the margin
    for number, page in enumerate(pages, 1):
        for line in page.lines:
            assert m <= line.x0 and line.x1 <= page.width - m, (number, line)
            assert m <= line.y0 and line.y1 <= page.height - m, (number, line)
    # "continued on page N" under each box whose department goes on, and page N says where it came from.
    for number, page in enumerate(pages, 1):
        marks = [int(n) for n in re.findall(r"continued on page (\d+)", page.text)]
        expected = plan.pages[number - 1].continued
        assert sorted(marks) == sorted(expected.values())
        for rid, target in expected.items():
            top = options.margin + HEADING_SPACE
            heading = " ".join(line.text for line in pages[target - 1].lines if line.y1 <= top)
            assert f"from page {number}" in heading
            assert norm(chart.roles[rid].title) in norm(heading)
    return pages


@needs_graphviz
@needs_poppler
@pytest.mark.parametrize("page, orientation", PAPERS)
@pytest.mark.parametrize("path", SAMPLE_JSON, ids=lambda p: p.stem)
def test_samples_print_legibly_on_every_paper(path, page, orientation, tmp_path) -> None:
    chart = load_chart(path)
    options = ExportOptions(page=page, orientation=orientation)
    check_legible(chart, export_chart(chart, tmp_path / "chart.pdf", options), options)


@needs_graphviz
@needs_poppler
@pytest.mark.parametrize("page, orientation", PAPERS)
@pytest.mark.parametrize("size", [60, 300])
def test_synthetic_charts_print_legibly_on_every_paper(size, page, orientation, tmp_path) -> None:
    chart = synthetic_chart(size, seed=size)
    options = ExportOptions(page=page, orientation=orientation)
    pages = check_legible(chart, export_chart(chart, tmp_path / "chart.pdf", options), options)
    assert len(pages) > 1, "too big for one page at 8 pt: department pages"


@needs_graphviz
@needs_poppler
@pytest.mark.heavy
@pytest.mark.parametrize("page, orientation", [("letter", "landscape"), ("a4", "portrait")])
def test_two_thousand_roles_print_legibly(page, orientation, tmp_path) -> None:
    chart = synthetic_chart(2000, seed=7)
    options = ExportOptions(page=page, orientation=orientation)
    check_legible(chart, export_chart(chart, tmp_path / "chart.pdf", options), options)


@needs_graphviz
@needs_poppler
def test_a_larger_minimum_gives_larger_titles_on_more_pages(tmp_path) -> None:
    chart = synthetic_chart(60, seed=60)
    normal = ExportOptions()
    large = ExportOptions(min_title_pt=11.0)
    few = check_legible(chart, export_chart(chart, tmp_path / "a.pdf", normal), normal)
    many = check_legible(chart, export_chart(chart, tmp_path / "b.pdf", large), large)
    assert len(many) > len(few)


@needs_graphviz
@needs_poppler
@pytest.mark.parametrize("path", [p for p in SAMPLE_JSON if p.stem in ("patrick-henry", "west-salem")], ids=lambda p: p.stem)
def test_a_small_chart_is_centred_and_not_blown_up(path, tmp_path) -> None:
    chart = load_chart(path)
    options = ExportOptions()
    (page,) = check_legible(chart, export_chart(chart, tmp_path / "chart.pdf", options), options)
    titles = {wrap(r.title)[0] for r in chart.roles.values()}
    boxes = [line for line in page.lines if line.text in titles]
    assert max(line.size for line in boxes) <= 14.05
    left = min(line.x0 for line in boxes)
    right = max(line.x1 for line in boxes)
    # The chart's text sits in the middle of the page (boxes' text starts right of their colour strip).
    assert abs((left + right) / 2 - page.width / 2) < 20


@needs_graphviz
@needs_poppler
@pytest.mark.parametrize("size", [60, 300])
def test_the_packets_chart_pages_print_every_title_legibly(size, tmp_path) -> None:
    from tdorg.export import export_packet
    from tests.pdf_structure import figure_pages

    chart = synthetic_chart(size)
    options = ExportOptions()
    out = export_packet(chart, tmp_path / "packet.pdf", options)
    pages = read_pages(out)
    sizes: dict[str, float] = {}
    for number in figure_pages(out):
        for line in pages[number].lines:
            sizes[line.text] = max(sizes.get(line.text, 0.0), line.size)
    small = {r.title: sizes.get(wrap(r.title)[0], 0.0) for r in chart.roles.values()
             if sizes.get(wrap(r.title)[0], 0.0) < options.min_title_pt - 0.05}
    assert small == {}
