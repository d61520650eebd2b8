"""When no orientation is chosen, a PDF fitted to the page prints in the orientation that prints it better:
fewer pages, then larger titles; landscape when they are as good."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from tdorg.cli.commands import run
from tdorg.export import ExportOptions
from tdorg.export.orientation import choose_orientation
from tdorg.model import Chart, Role
from tdorg.model.formats import load_chart, save_chart
from tdorg.model.synthetic import synthetic_chart
from tests.samples import SAMPLE_JSON
from tests.test_export_support import needs_graphviz


def chain(n: int) -> Chart:
    """A tall narrow chart: each role reports to the one above it."""
    return Chart(roles=[Role(id=f"r{i}", title=f"Role {i}", reports_to=f"r{i - 1}" if i else None) for i in range(n)])


def sample(stem: str) -> Chart:
    return load_chart(next(p for p in SAMPLE_JSON if p.stem == stem))


@pytest.mark.parametrize("make, expected, why", [
    (lambda: chain(6), "portrait", "its smallest role titles print at 10.8 pt where landscape's print at 8.0 pt"),
    (lambda: chain(10), "portrait", "it prints the chart on 1 page where landscape takes 2"),
    (lambda: synthetic_chart(15), "portrait", "it prints the chart on 1 page where landscape takes 2"),
    (lambda: synthetic_chart(30), "portrait", "it prints the chart on 2 pages where landscape takes 4"),
    (lambda: synthetic_chart(40), "landscape", ""),  # 4 pages against portrait's 5
    (lambda: sample("patrick-henry"), "landscape", ""),  # wide: 11.5 pt against 8.9 pt
    (lambda: sample("west-salem"), "portrait", "its smallest role titles print at 13.3 pt where landscape's print at 10.0 pt"),
], ids=["chain6", "chain10", "synthetic15", "synthetic30", "synthetic40", "patrick-henry", "west-salem"])
def test_the_orientation_that_prints_better_is_chosen(make, expected: str, why: str) -> None:
    options, note = choose_orientation(make(), ExportOptions())
    assert options.orientation == expected
    assert note == (f"Portrait, as no orientation was chosen: {why}." if why else "")


def test_only_pdfs_are_turned() -> None:
    options, note = choose_orientation(chain(10), ExportOptions(format="svg"))
    assert (options.orientation, note) == ("landscape", "")
    options, note = choose_orientation(chain(10), ExportOptions(format="svg"), packet=True)
    assert options.orientation == "portrait" and note.startswith("Portrait")


@needs_graphviz
def test_the_command_turns_the_page_only_when_no_orientation_is_given(tmp_path, capsys) -> None:
    chart, out = tmp_path / "chain.tdorg", tmp_path / "chart.pdf"
    save_chart(chain(10), chart)

    def export(*extra: str) -> tuple[str, tuple[float, float]]:
        assert run(["export", str(chart), "-o", str(out), *extra]) == 0
        box = PdfReader(str(out)).pages[0].mediabox
        return capsys.readouterr().out, (float(box.width), float(box.height))

    said, size = export()
    assert size == (612, 792) and "Portrait, as no orientation was chosen: it prints the chart on 1 page" in said
    said, size = export("--orientation", "landscape")
    assert size == (792, 612) and "Portrait" not in said and "Department pages" in said
