"""The board packet is a tagged, accessible PDF (PDF/UA-1): title, language, headings in order, tables
with header cells, lists, the chart as figures with alternative text and in words, and names in any script."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from tdorg.export.run import ExportRun
from tdorg.export import ExportOptions, export_chart, export_packet
from tdorg.export.pdf.accessibility import check_pdf
from tdorg.model import Chart
from tdorg.model.formats import load_chart
from tests.charts import compliant_chart, role
from tests.pdf_structure import elements, figure_pages
from tests.samples import SAMPLES
from tests.test_export_support import needs_graphviz, norm

pytestmark = needs_graphviz

NAMES = ("Nguyễn Thị Minh", "Żaneta Wróblewska", "Σοφία Παπαδοπούλου", "王小明")


def _named_chart() -> Chart:
    chart = compliant_chart()
    top = next(rid for rid in chart.roles if chart.roles[rid].reports_to is None)
    roles = list(chart.roles.values())
    roles += [role(f"n{i}", f"Building Technician {name.split()[0]}", "building_technician", top, person=name)
              for i, name in enumerate(NAMES)]
    roles.append(role("odd", "Lead #1 *Data* $Ops$ [West] \\Annex", "data_sis", top, person="Ann Lee"))
    return Chart(roles=roles, district=chart.district)


@pytest.fixture(scope="module")
def packet(tmp_path_factory):
    chart = load_chart(SAMPLES / "francis-howell.json")
    out = export_packet(chart, tmp_path_factory.mktemp("a11y") / "packet.pdf", None, ExportRun(title_date=date(2027, 3, 4)))
    return chart, out


def test_the_packet_is_marked_titled_and_in_english(packet) -> None:
    chart, out = packet
    reader = PdfReader(str(out))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "en"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == f"{chart.district.name} ({chart.district.state}) · Technology Department Organization: board packet"
    assert "/StructTreeRoot" in root and "/Outlines" in root  # tagged, with bookmarks


def test_headings_come_in_order_and_tables_lists_and_figures_are_tagged(packet) -> None:
    _, out = packet
    tags = [e.tag for e in elements(out)]
    headings = [int(t[1]) for t in tags if t in ("H1", "H2", "H3")]
    assert headings[0] == 1 and headings.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(headings, headings[1:]))  # no level skipped
    assert {"Table", "THead", "TR", "TH", "TD", "L", "LI", "LBody", "Figure"} <= set(tags)
    figures = [e for e in elements(out) if e.tag == "Figure"]
    assert figures and all(e.alt and "organization chart" in e.alt for e in figures)
    assert figure_pages(out) == [1, 2]  # department pages follow the cover


def test_bookmarks_name_the_sections(packet) -> None:
    _, out = packet
    def flat(items: list) -> list[str]:
        return [t for item in items for t in (flat(item) if isinstance(item, list) else [norm(item.title)])]

    titles = flat(PdfReader(str(out)).outline)
    for section in ("Technology Department Organization", "Organization chart", "The chart in words",
                    "Staffing metrics", "Findings against the framework", "Who is responsible for what"):
        assert any(section in t for t in titles), section


def test_the_chart_in_words_lists_every_role_in_reporting_order(packet) -> None:
    chart, out = packet
    pages = [norm(p.extract_text()) for p in PdfReader(str(out)).pages]
    start = next(i for i, p in enumerate(pages) if "The chart in words" in p)
    words = " ".join(pages[start:start + 3])
    words = words[words.index("The chart in words"):words.index("Staffing metrics")]
    at = 0
    for rid in chart.tree_order():
        found = words.find(norm(chart.roles[rid].title), at)
        assert found >= 0, chart.roles[rid].title
        at = found
    assert "Director of Technology, reports to Superintendent; 3 direct reports:" in words


def test_names_in_any_script_and_markup_characters_print_as_typed(tmp_path) -> None:
    chart = _named_chart()
    out = export_packet(chart, tmp_path / "p.pdf", ExportOptions(badges=False), ExportRun(title_date=date(2027, 3, 4)))
    reader = PdfReader(str(out))
    chart_text = " ".join(reader.pages[i].extract_text() for i in figure_pages(out))
    everything = " ".join(p.extract_text() for p in reader.pages)
    for name in NAMES:
        assert name in chart_text and name in everything
    assert "Lead #1 *Data* $Ops$ [West] \\Annex" in everything
    fonts = {str(f.get_object()["/BaseFont"]) for p in reader.pages
             for f in p["/Resources"].get("/Font", {}).values()}
    assert any("DejaVuSans" in f for f in fonts) and any("DroidSansFallback" in f for f in fonts)


def test_a_chart_deeper_than_the_list_nests_still_lists_every_role_in_order(tmp_path) -> None:
    roles = [role("r0", "Superintendent", "superintendent", None)]
    roles += [role(f"r{i}", f"Step {i} Lead", "it_manager", f"r{i - 1}") for i in range(1, 60)]
    out = export_packet(Chart(roles=roles), tmp_path / "deep.pdf", None, ExportRun(title_date=date(2027, 3, 4)))
    words = " ".join(norm(p.extract_text()) for p in PdfReader(str(out)).pages)
    words = words[words.index("The chart in words"):words.index("Staffing metrics")]
    at = 0
    for i in range(1, 60):
        at = words.index(f"Step {i} Lead, reports to", at)
    assert "Level 60: Step 59 Lead, reports to Step 58 Lead" in words


@pytest.mark.parametrize("fit", ["page", "poster"])
def test_the_packet_and_the_chart_pdf_pass_the_accessibility_check(packet, fit, tmp_path) -> None:
    chart, out = packet
    chart_pdf = export_chart(chart, tmp_path / "chart.pdf", ExportOptions(fit=fit))
    for path in (out, chart_pdf):
        found = check_pdf(path)
        assert found.missing == [] and found.accessible, found.lines()
        assert found.pdfua_part == "1" and found.tables_without_headers == 0 and found.figures_without_alt == 0
