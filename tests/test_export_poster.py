"""Posters: an overview first, only sheets that hold a role, named by grid place, each light, at a chosen size."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from tdorg.cli.commands import run
from tdorg.export import ExportOptionError, ExportOptions, export_chart
from tdorg.export.pdf.sheets import holding_boxes, poster_sheets, row_letters
from tdorg.model.formats import load_chart
from tdorg.model.synthetic import synthetic_chart
from tests.samples import SAMPLES
from tests.test_export_support import needs_graphviz, needs_poppler, norm, visible_page_texts

SHEET_LABEL = re.compile(r"Sheet ([A-Z]+)(\d+) — row ([A-Z]+), column (\d+)")


def test_rows_are_lettered_like_a_map() -> None:
    assert [row_letters(i) for i in (0, 1, 25, 26, 27, 51, 52)] == ["A", "B", "Z", "AA", "AB", "AZ", "BA"]


def test_a_smaller_poster_takes_fewer_tiles_that_still_map_onto_the_sheet() -> None:
    area = (36.0, 56.0, 720.0, 520.0)
    full = poster_sheets(8000.0, 1500.0, area, box=(200.0, 81.0), overlap=36.0)
    half = poster_sheets(8000.0, 1500.0, area, box=(200.0, 81.0), overlap=36.0, scale=0.5)
    assert len(half) < len(full) / 2
    for s in half:
        rx, ry, rw, rh = s.region
        assert s.scale == 0.5
        assert (rx * 0.5 + s.tx, ry * 0.5 + s.ty, rw * 0.5, rh * 0.5) == pytest.approx(area)


def test_only_tiles_whose_cell_holds_a_box_are_kept_and_each_box_is_whole_on_one() -> None:
    area = (0.0, 0.0, 700.0, 500.0)
    box = (200.0, 81.0)
    sheets = poster_sheets(4000.0, 1400.0, area, box=box, overlap=36.0)
    boxes = [(x, y, *box) for x, y in ((10.0, 10.0), (1890.0, 700.0), (3790.0, 1300.0), (455.0, 330.0))]
    kept = holding_boxes(sheets, boxes, 4000.0, 1400.0)
    assert 0 < len(kept) <= len(boxes) < len(sheets)
    for bx, by, bw, bh in boxes:
        assert any(
            s.region[0] <= bx and bx + bw <= s.region[0] + s.region[2]
            and s.region[1] <= by and by + bh <= s.region[1] + s.region[3]
            for s in kept
        ), (bx, by)
    assert holding_boxes(sheets, [], 4000.0, 1400.0) == sheets  # nothing known: nothing left out


@pytest.mark.parametrize("scale", [10, 24.9, 101])
def test_poster_scale_is_between_25_and_100_percent(scale) -> None:
    with pytest.raises(ExportOptionError, match="between 25% and 100%"):
        ExportOptions(fit="poster", poster_scale=scale)


@needs_graphviz
@needs_poppler
def test_thousand_role_poster_prints_only_sheets_with_roles(tmp_path) -> None:
    chart = synthetic_chart(1000)
    out = export_chart(chart, tmp_path / "poster.pdf", ExportOptions(layout="canvas", fit="poster"))
    reader = PdfReader(str(out))
    overview = norm(reader.pages[0].extract_text())
    assert overview.startswith("Overview") or "Overview:" in overview
    rows, cols = (int(n) for n in re.search(r"The grid has (\d+) rows, .* and (\d+) columns", overview).groups())
    _, *tiles = visible_page_texts(out)
    assert len(tiles) < 0.75 * rows * cols
    titles = {norm(r.title) for r in chart.roles.values()}
    names = []
    for page, tile in zip(reader.pages[1:], tiles):
        label = SHEET_LABEL.search(norm(page.extract_text()))
        assert label and label.group(1) == label.group(3) and label.group(2) == label.group(4)
        names.append(label.group(1) + label.group(2))
        assert any(title in tile for title in titles), f"sheet {names[-1]} shows no role"
    assert len(set(names)) == len(names)
    # The overview names each printed sheet in its grid cell.
    assert set(names) <= set(re.findall(r"\b[A-Z]+\d+\b", overview))
    assert [t for t in titles if not any(t in tile for tile in tiles)] == []
    # Its titles would print a third of a point high on the overview, which leaves them to the sheets.
    assert [t for t in titles if t in overview] == []
    assert out.stat().st_size < 4_000_000  # about 19 KB a sheet, tagged


@needs_graphviz
def test_an_overview_drawn_large_enough_to_read_keeps_its_titles(tmp_path) -> None:
    chart = synthetic_chart(100)
    out = export_chart(chart, tmp_path / "poster.pdf", ExportOptions(layout="canvas", fit="poster"))
    reader = PdfReader(str(out))
    assert len(reader.pages) > 2  # an overview and several sheets
    overview = norm(reader.pages[0].extract_text())
    assert "Overview:" in overview
    assert all(norm(r.title) in overview for r in chart.roles.values())


@needs_graphviz
def test_each_sheet_carries_only_its_part_of_the_chart(tmp_path) -> None:
    chart = synthetic_chart(1000)
    out = export_chart(chart, tmp_path / "poster.pdf", ExportOptions(layout="canvas", fit="poster"))
    whole = sum(len(norm(role.title)) + len(norm(role.person)) for role in chart.roles.values())
    for page in PdfReader(str(out)).pages[1:]:
        assert len(norm(page.extract_text())) < whole / 8  # a sheet's text is its own roles', not the chart's


@needs_graphviz
@needs_poppler
def test_half_size_poster_takes_fewer_sheets_and_keeps_every_title(tmp_path, capsys) -> None:
    sample = str(SAMPLES / "francis-howell.json")
    full, half = tmp_path / "full.pdf", tmp_path / "half.pdf"
    assert run(["export", sample, "-o", str(full), "--fit", "poster"]) == 0
    assert run(["export", sample, "-o", str(half), "--fit", "poster", "--scale", "50"]) == 0
    assert 1 <= len(PdfReader(str(half)).pages) < len(PdfReader(str(full)).pages)
    texts = visible_page_texts(half)
    tiles = texts[1:] if len(texts) > 1 else texts  # an overview comes first when there are several sheets
    chart = load_chart(SAMPLES / "francis-howell.json")
    assert [r.title for r in chart.roles.values() if not any(norm(r.title) in t for t in tiles)] == []
    capsys.readouterr()
    assert run(["export", sample, "-o", str(tmp_path / "x.pdf"), "--scale", "50"]) == 2
    assert "--fit poster" in capsys.readouterr().err
    assert run(["export", sample, "-o", str(tmp_path / "x.pdf"), "--fit", "poster", "--scale", "10"]) == 2
    assert "between 25% and 100%" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
