"""The board packet's "Who is responsible for what": the matrix in tables of a few people, lists for big charts."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from tdorg.export import export_packet
from tdorg.export.packet.blocks import Paragraph, to_data
from tdorg.export.packet.matrix import MAX_GRID_PEOPLE, NAMES_PER_CELL, PEOPLE_PER_TABLE, matrix_section
from tdorg.model import Chart
from tdorg.model.formats import load_chart
from tdorg.model.matrix import responsibility_matrix
from tdorg.model.synthetic import synthetic_chart
from tdorg.export.pdf.typst_doc import compile_pdf
from tests.charts import role
from tests.samples import SAMPLES
from tests.test_export_support import needs_graphviz, norm

LETTER = (612.0, 792.0)
WIDTH = LETTER[0] - 72


def _section_pages(chart: Chart) -> list[str]:
    """The section alone, printed by the packet's template on Letter pages."""
    size = {"w": LETTER[0], "h": LETTER[1]}
    data = {"title": "Matrix", "footer": "", "margin": 36, "footer_space": 24, "text": size, "chart_size": size,
            "cover": [to_data(Paragraph("Matrix", "title"))], "chart_title": "", "stamp": "", "legend": [], "charts": [], "structure": [],
            "body": [to_data(b) for b in matrix_section(chart, WIDTH)]}
    pages = PdfReader(io.BytesIO(compile_pdf("packet.typ", data))).pages
    return [norm(p.extract_text()) for p in pages][2:]  # after the empty cover and the chart in words


def _team(people: int) -> Chart:
    roles = [role("cto", "Director of Technology", "it_leader", None, person="Sam Ortiz", leads=("network",))]
    roles += [role(f"t{n}", f"Technician {n}", "building_technician", "cto", person=f"Tech Person {n}",
                   backs_up=("network", "device_repair"), leads=("device_repair",) if n == 1 else ())
              for n in range(1, people)]
    roles.append(role("open", "Network Engineer", "network", "cto", vacant=True, backs_up=("servers",)))
    return Chart(roles=roles)


@needs_graphviz
def test_the_packet_of_a_sample_has_the_section(tmp_path) -> None:
    chart = load_chart(SAMPLES / "patrick-henry.json")
    matrix = responsibility_matrix(chart)
    pages = [norm(p.extract_text()) for p in PdfReader(str(export_packet(chart, tmp_path / "p.pdf"))).pages]
    page = next(p for p in pages if "Who is responsible for what" in p)
    for row in matrix.rows:
        assert norm(row.label) in page
        if row.note:
            assert norm(row.note) in page
    for column in matrix.columns:
        assert all(word in page for word in norm(column.heading).split())
    assert norm(matrix.summary()) in page
    assert "Functions led" in page and "Unowned" in page and "One person" in page


def test_people_are_split_into_tables_of_a_few_columns() -> None:
    chart = _team(PEOPLE_PER_TABLE * 2 + 1)
    people = len(responsibility_matrix(chart).columns)
    text = " ".join(_section_pages(chart))
    assert people == PEOPLE_PER_TABLE * 2 + 2
    assert f"People 1–{PEOPLE_PER_TABLE} of {people}" in text
    assert f"People {2 * PEOPLE_PER_TABLE + 1}–{people} of {people}" in text
    for n in range(1, people - 1):
        assert f"Tech Person {n}" in text
    assert text.count("Functions backed up") == 3  # the load rows under every table
    assert "Network Engineer vacant" in text
    assert "Device repair rests on Tech Person 1 alone" not in text  # others back it up
    assert "Servers has backups but no lead." in text


def test_a_chart_with_more_people_than_tables_can_hold_is_listed_by_function() -> None:
    chart = synthetic_chart(1000)
    matrix = responsibility_matrix(chart)
    assert len(matrix.columns) > MAX_GRID_PEOPLE
    pages = _section_pages(chart)
    text = " ".join(pages)
    assert "too many for one column each" in text and "People 1–" not in text
    repair = next(r for r in matrix.rows if r.function == "device_repair")
    backups = sum(1 for cell in repair.cells.values() if cell.backups)
    assert norm(f"… and {backups - NAMES_PER_CELL:,} more") in text
    assert "Load" in text and re.search(r"\d+ more are not\.", text)
    assert len(pages) < 10  # lists stay short however big the chart
