"""A chart page's heading, its date and the line under it never run into one another, whatever the paper.

The title is printed on one line left of the date, set smaller when a long
district name leaves it too little room. Text positions come from poppler's
``pdftotext -bbox-layout`` (:func:`tests.test_export_legible.read_pages`).
"""

from __future__ import annotations

import dataclasses

import pytest

from tdorg.export import ExportOptions, export_chart, export_packet
from tdorg.export.options import ORIENTATIONS, PAGE_SIZES
from tdorg.model.formats import load_chart
from tdorg.model.synthetic import synthetic_chart
from tests.samples import SAMPLE_JSON
from tests.test_export_legible import Page, needs_poppler, read_pages
from tests.test_export_support import needs_graphviz

LONG_NAME = "Consolidated Independent School District of the Greater Northwestern Lakes Region"
LONG_TITLE = "Coordinator of Instructional Technology Integration and Professional Learning Services"


def long_named(chart):
    chart.set_district(dataclasses.replace(chart.district, name=LONG_NAME))
    return chart


def overlaps(page: Page) -> list[tuple[str, str]]:
    """Pairs of the page's text lines whose boxes intersect by more than half a point."""
    out = []
    for i, a in enumerate(page.lines):
        for b in page.lines[i + 1:]:
            if min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 and min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5:
                out.append((a.text, b.text))
    return out


def check_heading(pages: list[Page]) -> None:
    for number, page in enumerate(pages, 1):
        assert overlaps(page) == [], number
        title = [line for line in page.lines if "Technology Department Organization" in line.text]
        assert len(title) <= 1, (number, title)  # on one line when there is one
        for line in title:
            assert LONG_NAME.split()[0] in line.text and line.x1 <= page.width


@needs_graphviz
@needs_poppler
@pytest.mark.parametrize("orientation", ORIENTATIONS)
@pytest.mark.parametrize("paper", list(PAGE_SIZES))
def test_a_long_heading_stays_clear_of_the_date_on_every_paper(paper, orientation, tmp_path) -> None:
    chart = long_named(load_chart(next(p for p in SAMPLE_JSON if p.stem == "patrick-henry")))
    root = chart.roots()[0]
    chart.update_role(root, title=LONG_TITLE)
    options = ExportOptions(page=paper, orientation=orientation)
    check_heading(read_pages(export_chart(chart, tmp_path / "chart.pdf", options)))


@needs_graphviz
@needs_poppler
@pytest.mark.parametrize("orientation", ORIENTATIONS)
def test_department_pages_and_the_packet_keep_a_long_heading_clear_on_a4(orientation, tmp_path) -> None:
    chart = long_named(synthetic_chart(60, seed=1))
    options = ExportOptions(page="a4", orientation=orientation)
    pages = read_pages(export_chart(chart, tmp_path / "chart.pdf", options))
    assert len(pages) > 1
    check_heading(pages)
    packet = read_pages(export_packet(chart, tmp_path / "packet.pdf", options))
    check_heading([page for page in packet if "continued on page" in " ".join(line.text for line in page.lines)])
