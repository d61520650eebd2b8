"""The packet tells the board what it is looking at: scenario, comparison, marks, changed thresholds, plain words."""

from __future__ import annotations

import re
from dataclasses import replace

from tdorg.export.run import ExportRun
from tdorg.export import ExportOptions, export_packet
from tdorg.model import Chart
from tdorg.model.compare import compare
from tdorg.model.vocab import CATEGORIES, CORE_SERVICES, FLAGS, FUNCTIONS, SERVICE_AREAS
from tests.test_export_legible import needs_poppler, read_pages
from tests.test_export_packet import current_and_proposal, page_texts
from tests.test_export_support import needs_graphviz, norm


def packet(tmp_path, options=None):
    current, proposal = current_and_proposal()
    comparison = compare(current, proposal, name_a="Current", name_b="Proposed 2027")
    return proposal, comparison, export_packet(proposal, tmp_path / "p.pdf", options, comparison=comparison)


@needs_graphviz
def test_cover_names_the_scenario_and_what_it_is_compared_with(tmp_path) -> None:
    _, _, out = packet(tmp_path)
    cover = page_texts(out)[0]
    assert "Scenario “Proposed 2027”, compared with “Current”" in cover
    _, proposal = current_and_proposal()
    alone = page_texts(export_packet(proposal, tmp_path / "q.pdf", None, ExportRun(scenario="Current")))[0]
    assert "Scenario “Current”" in alone and "compared with" not in alone


@needs_graphviz
@needs_poppler
def test_the_compared_chart_page_tags_new_and_moved_roles_with_a_legend(tmp_path) -> None:
    proposal, comparison, out = packet(tmp_path)
    (page,) = [p for p in read_pages(out) if "Organization chart" in p.text]
    assert "Organization chart · Proposed 2027, compared with Current" in page.text
    assert page.text.count("Organization chart") == 1, "the title once"
    for label, roles in (("NEW", [r.id for r in comparison.added]), ("MOVED", [m.role_id for m in comparison.moved])):
        tags = [line for line in page.lines if line.text == label]
        assert len(tags) == len(roles)
        for rid in roles:
            title = next(line for line in page.lines if line.text == proposal.roles[rid].title)
            # the tag sits on the top edge of the role's box, right of its title
            assert any(0 < title.y0 - tag.y1 < 30 and tag.x0 > title.x0 for tag in tags), (label, rid)
    assert "added since Current" in page.text and "reports to a different manager than in Current" in page.text
    assert "vacant position" in page.text


@needs_graphviz
def test_changed_thresholds_are_listed_as_changes_beside_rules_switched_off(tmp_path) -> None:
    _, proposal = current_and_proposal()
    settings = proposal.settings.with_threshold("SPN-1", "max_direct_reports", 12)
    proposal.set_settings(settings.disable("SEC-1", "Contracted to the regional agency."))
    text = " ".join(page_texts(export_packet(proposal, tmp_path / "p.pdf")))
    assert "Thresholds changed for this chart" in text
    assert "Direct reports per manager, at most: 12 (framework default 10)" in text
    assert text.index("Thresholds changed") < text.index("Rules switched off for this chart")


def marked_ids(chart: Chart) -> Chart:
    """The same chart with every role id made unmistakable (``zqid…``), so any id that leaks is found."""
    def mark(rid: str | None) -> str | None:
        return None if rid is None else f"zqid{rid}"

    roles = [replace(r, id=mark(r.id), reports_to=mark(r.reports_to), dotted_to=tuple(map(mark, r.dotted_to)))
             for r in chart.roles_in_order()]
    return Chart(chart.district, roles, chart.settings)


@needs_graphviz
def test_no_internal_identifiers_reach_the_page(tmp_path) -> None:
    current, proposal = (marked_ids(c) for c in current_and_proposal())
    comparison = compare(current, proposal, name_a="Current", name_b="Proposed 2027")
    out = export_packet(proposal, tmp_path / "p.pdf", ExportOptions(badges=True), comparison=comparison)
    text = norm(" ".join(page_texts(out)))
    assert not re.search(r"\b(role|position) ids?\b", text, re.I)
    codes = {key for vocab in (CATEGORIES, FLAGS, FUNCTIONS, SERVICE_AREAS, CORE_SERVICES) for key in vocab if "_" in key}
    assert [code for code in codes if re.search(rf"\b{re.escape(code)}\b", text)] == []
    assert re.findall(r"zqid\w*", text) == []
