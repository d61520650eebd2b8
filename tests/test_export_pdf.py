"""PDF on paper: page sizes and orientation, fit to one sheet, posters that hold every box."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from tdorg.export import ExportOptions, export_chart
from tdorg.export.option_choices import PAGE_SIZES
from tdorg.export.pdf.sheets import fit_sheet, poster_sheets
from tdorg.model.formats import load_chart
from tdorg.model.synthetic import synthetic_chart
from tests.samples import SAMPLES
from tests.test_export_support import needs_graphviz, needs_poppler, norm, pdf_text, visible_page_texts


def page_sizes(path) -> list[tuple[float, float]]:
    return [(round(float(p.mediabox.width), 1), round(float(p.mediabox.height), 1)) for p in PdfReader(str(path)).pages]


@needs_graphviz
@pytest.mark.parametrize("page", sorted(PAGE_SIZES))
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_fit_gives_one_sheet_of_the_chosen_paper(page, orientation, tmp_path) -> None:
    chart = load_chart(SAMPLES / "la-crosse.json")
    out = export_chart(chart, tmp_path / "c.pdf", ExportOptions(page=page, orientation=orientation, fit="page"))
    w, h = PAGE_SIZES[page]
    expected = (round(min(w, h), 1), round(max(w, h), 1))
    if orientation == "landscape":
        expected = expected[::-1]
    # Every page is of the chosen paper (on landscape sheets, set in DejaVu Sans, La Crosse takes two pages).
    sizes = page_sizes(out)
    assert set(sizes) == {expected} and len(sizes) <= 2
    assert "Technician 6" in pdf_text(out)


def test_fit_scales_down_and_centres() -> None:
    sheet = fit_sheet(2000.0, 500.0, (36.0, 56.0, 720.0, 520.0))
    assert sheet.scale == pytest.approx(0.36)
    assert sheet.tx == pytest.approx(36.0)
    assert sheet.ty == pytest.approx(56.0 + (520.0 - 180.0) / 2)


def test_fit_enlarges_a_small_chart_only_until_titles_reach_14_pt() -> None:
    assert fit_sheet(100.0, 50.0, (0.0, 0.0, 700.0, 500.0)).scale == pytest.approx(14 / 11)


def test_poster_tiles_cover_the_chart_and_each_box_lies_whole_on_a_tile() -> None:
    area = (36.0, 56.0, 720.0, 520.0)
    box = (200.0, 72.0)
    chart_w, chart_h = 5000.0, 1300.0
    sheets = poster_sheets(chart_w, chart_h, area, box=box, overlap=36.0)
    assert len(sheets) == sheets[0].rows * sheets[0].cols > 1
    assert all(s.scale == 1.0 for s in sheets)
    # Each region maps onto the clip area exactly.
    for s in sheets:
        rx, ry, rw, rh = s.region
        assert (rx + s.tx, ry + s.ty, rw, rh) == pytest.approx(area)
    # Every box position on a grid of candidates lies inside some region.
    step = 37.0
    x = 0.0
    while x + box[0] <= chart_w:
        y = 0.0
        while y + box[1] <= chart_h:
            assert any(
                s.region[0] <= x and x + box[0] <= s.region[0] + s.region[2]
                and s.region[1] <= y and y + box[1] <= s.region[1] + s.region[3]
                for s in sheets
            ), (x, y)
            y += step
        x += step


def test_a_chart_that_fits_is_one_poster_sheet() -> None:
    sheets = poster_sheets(300.0, 200.0, (0.0, 0.0, 700.0, 500.0), box=(200.0, 72.0), overlap=36.0)
    assert len(sheets) == 1 and sheets[0].scale == 1.0


@needs_graphviz
@needs_poppler
@pytest.mark.parametrize("layout", ["auto", "canvas"])
def test_sample_poster_shows_every_title_whole_on_some_sheet(layout, tmp_path) -> None:
    chart = load_chart(SAMPLES / "francis-howell.json")
    out = export_chart(chart, tmp_path / "poster.pdf", ExportOptions(layout=layout, fit="poster", page="letter"))
    overview, *pages = visible_page_texts(out)
    assert "Overview" in overview
    assert len(pages) > 1
    assert page_sizes(out) == [(792.0, 612.0)] * (len(pages) + 1)
    missing = [r.title for r in chart.roles.values() if not any(norm(r.title) in p for p in pages)]
    assert missing == []
    # A sheet shows only its part of the chart: no sheet holds every title.
    assert not any(all(norm(r.title) in p for r in chart.roles.values()) for p in pages)


@needs_graphviz
@needs_poppler
def test_two_thousand_roles_as_a_poster(tmp_path) -> None:
    chart = synthetic_chart(2000, seed=7)
    out = export_chart(chart, tmp_path / "poster.pdf", ExportOptions(layout="canvas", fit="poster", page="a3"))
    _overview, *pages = visible_page_texts(out)
    assert len(pages) > 10
    missing = [r.title for r in chart.roles.values() if not any(norm(r.title) in p for p in pages)]
    assert missing == []
    # Each sheet stores only its own piece of the chart, so the file grows with the chart, not with the sheets.
    assert out.stat().st_size < 6_000_000


@needs_graphviz
def test_the_composer_sets_the_drawings_labels_as_its_own_text() -> None:
    from tdorg.export.pdf.chartpdf import chart_area
    from tdorg.export.pdf.sheet_pages import chart_sheets

    chart = synthetic_chart(300, seed=5)
    for options in (ExportOptions(format="pdf"), ExportOptions(format="pdf", fit="poster")):
        drawn = chart_sheets(chart, options, chart_area(options, headed=options.fit == "page"))
        figures = [f for page in drawn.pages for f in page["figures"]]
        assert figures and all(b"<text" not in svg for svg in drawn.files.values())
        printed = {text for f in figures for *_, text in f["labels"]["lines"]}
        assert {norm(r.title).split()[0] for r in chart.roles.values()} <= {w for t in printed for w in t.split()}
