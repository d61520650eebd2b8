"""Chart text can never alter the graph: hostile titles and names render literally."""

from __future__ import annotations

import re

import pytest

from tdorg.export import ExportOptions, chart_to_dot, export_chart, export_packet
from tdorg.export.labels import clean, text
from tdorg.model import Chart, District, Role
from tests.test_export_support import needs_graphviz, norm, pdf_text, role_nodes, svg_edge_count, svg_nodes

HOSTILE_TITLES = {
    "quote": 'Director"; ] node [shape=box color=red]; x [label="',
    "html": "<b>bold</b>",
    "record": "{a|b}",
    "escapes": "\\N\\G\\L",
    "newline": "Line one\nLine two",
    "entities": "R&D &amp; &lt;tag&gt; <<>>",
    "close": "</TD></TR></TABLE>> ]; evil [label=x",
    "graph": "digraph { a -> b }",
    "apostrophe": "O'Brien's \"Tech\" Team \\",
}


def hostile_chart() -> Chart:
    roles = [Role(id="top", title="Superintendent", person='Ann "The Boss" <script>', category="superintendent")]
    # Two managers, so no row is long enough to be stacked.
    roles += [Role(id=m, title=f"Manager {m}", reports_to="top") for m in ("m1", "m2")]
    for i, (key, title) in enumerate(HOSTILE_TITLES.items()):
        roles.append(
            Role(
                id=key,
                title=title,
                reports_to="m1" if i % 2 else "m2",
                person=f"Person & <{i}>",
                category="network",
                dotted_to=("html",) if key == "quote" else (),
            )
        )
    return Chart(District(name='Evil "ISD" <b>&</b>', state="TX"), roles)


def expected_lines(chart: Chart) -> int:
    return sum(1 for r in chart.roles.values() if r.reports_to) + sum(len(r.dotted_to) for r in chart.roles.values())


def test_text_is_escaped_and_folded() -> None:
    assert text('a<b>&"c\'') == "a&lt;b&gt;&amp;&quot;c&#x27;"
    assert text("a\\Nb") == "a\\\\Nb"
    assert clean("a\n\tb\x00\x07c  d") == "a bc d"


@pytest.mark.parametrize("layout", ["auto", "canvas"])
def test_dot_source_holds_only_escaped_text(layout) -> None:
    source = chart_to_dot(hostile_chart(), ExportOptions(layout=layout, badges=True))
    assert "<b>bold</b>" not in source and "&lt;b&gt;bold&lt;/b&gt;" in source
    # The hostile title stays inside its label: no statement of its own, however the title wraps.
    assert not re.search(r"(^|;)\s*evil \[", source, re.M) and "&gt; ];" in source
    assert "\nLine" not in source  # a title's newline never reaches the DOT source


@needs_graphviz
@pytest.mark.parametrize("layout", ["auto", "canvas"])
def test_hostile_titles_render_literally_in_svg(layout, tmp_path) -> None:
    chart = hostile_chart()
    out = export_chart(chart, tmp_path / "evil.svg", ExportOptions(format="svg", layout=layout))
    nodes = role_nodes(svg_nodes(out))
    assert set(nodes) == set(chart.roles), "exactly one node per role, no injected ones"
    assert svg_edge_count(out) == expected_lines(chart)
    for rid, role in chart.roles.items():
        assert norm(role.title) in nodes[rid]
        assert norm(role.person) in nodes[rid]
    raw = out.read_text(encoding="utf-8")
    assert "<b>" not in raw and "<script>" not in raw
    assert 'fill="red"' not in raw and 'stroke="red"' not in raw


@needs_graphviz
def test_hostile_titles_render_literally_in_pdf(tmp_path) -> None:
    chart = hostile_chart()
    text_ = pdf_text(export_chart(chart, tmp_path / "evil.pdf", ExportOptions(layout="canvas")))
    for role in chart.roles.values():
        assert norm(role.title) in text_
    assert norm('Evil "ISD" <b>&</b>') in text_


@needs_graphviz
def test_hostile_text_in_the_packet_is_shown_as_typed(tmp_path) -> None:
    chart = hostile_chart()
    text_ = pdf_text(export_packet(chart, tmp_path / "packet.pdf", ExportOptions(badges=True)))
    assert norm('Evil "ISD" <b>&</b>') in text_
    for role in chart.roles.values():
        assert norm(role.title) in text_
