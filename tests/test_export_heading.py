"""A chart page's heading, its date and the line under it never run into one another, whatever the paper.

The title is printed on one line left of the date, set smaller when a long
district name leaves it too little room, down to 10 pt; a longer one wraps
onto two lines, and the line under it moves down to clear them. Text positions come from poppler's
``pdftotext -bbox-layout`` (:func:`tests.test_export_legible.read_pages`).
"""

from __future__ import annotations

import dataclasses

import pytest

from tdorg.export import ExportOptions, export_chart, export_packet
from tdorg.export.option_choices import ORIENTATIONS, PAGE_SIZES
from tdorg.model.formats import load_chart
from tdorg.model.synthetic import synthetic_chart
from tests.samples import SAMPLE_JSON
from tests.test_export_legible import Line, Page, needs_poppler, read_pages
from tests.test_export_support import needs_graphviz, norm

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


def title_lines(page: Page) -> list[Line]:
    """The lines of the page's title: from the top left, the lines of the first one's size under it."""
    top = min(line.y0 for line in page.lines)
    first = min((line for line in page.lines if line.y0 < top + 3), key=lambda line: line.x0)
    return [line for line in page.lines if line.x0 == first.x0 and abs(line.size - first.size) < 0.1
            and line.y0 < first.y1 + first.size]


def check_heading(pages: list[Page]) -> None:
    for number, page in enumerate(pages, 1):
        assert overlaps(page) == [], number
        title = title_lines(page)
        if not title[0].text.startswith(LONG_NAME.split()[0]):
            continue  # a packet's page headed otherwise
        assert len(title) <= 2, (number, title)  # on one line, or wrapped onto two rather than printed small
        assert "Technology Department Organization" in norm(" ".join(line.text for line in title))
        date = max((line for line in page.lines if line.y0 < title[0].y1), key=lambda line: line.x0)
        for line in title:
            assert line.size >= 9 - 0.05 and line.x1 < date.x0, (number, line)


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


@needs_graphviz
@needs_poppler
def test_a_long_district_name_wraps_onto_two_lines_rather_than_printing_small(tmp_path) -> None:
    chart = long_named(load_chart(next(p for p in SAMPLE_JSON if p.stem == "patrick-henry")))
    options = ExportOptions(page="a4", orientation="portrait")  # on one line the title printed at 5.9 pt
    (page,) = read_pages(export_chart(chart, tmp_path / "chart.pdf", options))
    title = title_lines(page)
    assert len(title) == 2 and all(line.size >= 9.9 for line in title)
    words = norm(" ".join(line.text for line in title))
    assert words.startswith(LONG_NAME) and words.endswith("· Technology Department Organization")
