"""The board packet: cover, vector chart pages, metrics with references, findings by severity, changes."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from tdorg.export.run import ExportRun
from tdorg.export import ExportOptions, export_packet
from tdorg.export.packet.compare import FINDINGS_PER_RULE, ROLES_PER_KIND
from tdorg.model import Role
from tdorg.model.compare import compare
from tdorg.model.formats import load_chart
from tdorg.model.rules import validate
from tdorg.model.rules.base import Severity
from tdorg.model.synthetic import synthetic_chart
from tests.charts import compliant_chart
from tests.pdf_structure import figure_pages
from tests.samples import SAMPLE_JSON, SAMPLES
from tests.test_compare import proposed
from tests.test_export_support import needs_graphviz, norm

pytestmark = needs_graphviz


def page_texts(path) -> list[str]:
    return [norm(p.extract_text()) for p in PdfReader(str(path)).pages]


@pytest.mark.parametrize("path", SAMPLE_JSON, ids=lambda p: p.stem)
def test_packet_holds_cover_chart_metrics_and_findings(path, tmp_path) -> None:
    chart = load_chart(path)
    report = validate(chart)
    out = export_packet(chart, tmp_path / "packet.pdf", ExportOptions(badges=True), ExportRun(title_date=date(2027, 3, 4)))
    pages = page_texts(out)
    everything = " ".join(pages)
    cover = pages[0]
    assert "Technology Department Organization" in cover
    assert norm(chart.district.name) in cover and "March 4, 2027" in cover
    assert f"Positions {len(chart)}" in cover
    for metric in report.metrics:
        assert norm(metric.label) in everything
        assert norm(metric.reference) in everything
    for finding in report.findings:
        assert norm(finding.message) in everything
        assert norm(finding.source) in everything
        if finding.fix:
            assert norm(finding.fix) in everything
    for role in chart.roles.values():
        assert norm(role.title) in everything
    assert "Changes from" not in everything  # only with a comparison


def test_findings_are_grouped_errors_then_warnings_then_notes(tmp_path) -> None:
    chart = load_chart(SAMPLES / "francis-howell.json")
    report = validate(chart)
    assert report.by_severity(Severity.ERROR) and report.by_severity(Severity.WARNING)
    text = " ".join(page_texts(export_packet(chart, tmp_path / "p.pdf", None, ExportRun(report=report))))
    heads = [
        text.index(f"Errors ({len(report.by_severity(Severity.ERROR))})"),
        text.index(f"Warnings ({len(report.by_severity(Severity.WARNING))})"),
    ]
    if report.by_severity(Severity.INFO):
        heads.append(text.index(f"Notes ({len(report.by_severity(Severity.INFO))})"))
    assert heads == sorted(heads)
    first_error = report.by_severity(Severity.ERROR)[0]
    first_warning = report.by_severity(Severity.WARNING)[0]
    assert heads[0] < text.index(norm(first_error.message)) < heads[1] < text.index(norm(first_warning.message))


def test_chart_pages_carry_the_vector_chart(tmp_path) -> None:
    chart = load_chart(SAMPLES / "la-crosse.json")
    out = export_packet(chart, tmp_path / "p.pdf", ExportOptions(orientation="landscape"))
    reader = PdfReader(str(out))
    chart_pages = figure_pages(out)
    assert chart_pages == list(range(1, 1 + len(chart_pages)))  # right after the cover
    page = reader.pages[1]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # chart pages follow the orientation
    assert float(reader.pages[0].mediabox.width) < float(reader.pages[0].mediabox.height)  # text pages portrait
    # The drawing is vector paths and text in the page's own fonts, no picture of it.
    assert "/Font" in page["/Resources"]
    assert not any(x.get_object().get("/Subtype") == "/Image" for x in page["/Resources"].get("/XObject", {}).values())
    assert "Organization chart" in norm(page.extract_text())
    text = " ".join(norm(reader.pages[i].extract_text()) for i in chart_pages)
    assert all(norm(role.title) in text for role in chart.roles.values())


def test_poster_packet_has_several_chart_pages(tmp_path) -> None:
    chart = load_chart(SAMPLES / "francis-howell.json")
    out = export_packet(chart, tmp_path / "p.pdf", ExportOptions(fit="poster"))
    reader = PdfReader(str(out))
    chart_pages = figure_pages(out)
    assert len(chart_pages) > 1 and chart_pages == list(range(1, 1 + len(chart_pages)))
    text = norm(reader.pages[1].extract_text())
    assert "sheet 1 of" in text and "— row " in text


def test_rules_switched_off_are_listed_with_their_reasons(tmp_path) -> None:
    chart = load_chart(SAMPLES / "west-salem.json")
    chart.set_settings(chart.settings.disable("SEC-1", "Cybersecurity is contracted to the regional service agency."))
    text = " ".join(page_texts(export_packet(chart, tmp_path / "p.pdf")))
    assert "Rules switched off for this chart" in text
    assert "Cybersecurity is contracted to the regional service agency." in text


def test_a_chart_without_findings_says_so(tmp_path) -> None:
    from tdorg.model.rules.base import Report

    chart = load_chart(SAMPLES / "west-salem.json")
    text = " ".join(page_texts(export_packet(chart, tmp_path / "p.pdf", None, ExportRun(report=Report()))))
    assert "meets every rule of the framework" in text


def current_and_proposal():
    """“Current” breaks three rules and has a security analyst; the proposal fixes them with a privacy officer."""
    return proposed(compliant_chart()), compliant_chart()


def test_packet_lists_the_changes_from_another_chart(tmp_path) -> None:
    current, proposal = current_and_proposal()
    comparison = compare(current, proposal, name_a="Current", name_b="Proposed 2027")
    pages = page_texts(export_packet(proposal, tmp_path / "p.pdf", comparison=comparison))
    everything = " ".join(pages)
    heading = "Changes from “Current” to “Proposed 2027”"
    assert "Scenario “Proposed 2027”, compared with “Current”" in pages[0]
    assert everything.index("Findings against the framework") < everything.index(heading)
    before, section = everything.split(heading)
    assert "Security Analyst" not in before  # the removed role is named only among the changes
    assert "Positions 9 9 no change" in section
    assert "Roles: 1 added, 1 removed, 1 moved to a new manager, 1 retitled, 1 with a new FTE" in section
    assert "Teachers per integration FTE 60 45 −15" in section
    assert "Widest span of control in IT 5 6 +1" in section
    resolved = section[section.index("Findings resolved (3)"):section.index("Role changes")]
    for finding in comparison.findings_resolved:
        assert finding.rule_id in resolved and norm(finding.message) in resolved
    assert "Findings introduced" not in section
    roles = section[section.index("Role changes (7)"):]
    assert "Added Data Privacy Officer Privacy officer · reports to Director of Technology" in roles
    assert "Removed Security Analyst Cybersecurity" in roles
    assert "Moved Help Desk Technician reports to Building Technician → Director of Technology" in roles
    assert "Retitled Integration Coach was “Instructional Technology Coach”" in roles


def test_long_change_lists_are_cut_short(tmp_path) -> None:
    current = synthetic_chart(300, seed=3)
    grown = current.copy()
    for i, manager in enumerate(["fm1", "fm4", "fm6", "fm9", "tsm"]):  # 12 more reports each: five spans too wide
        for k in range(12):
            n = 12 * i + k
            grown.add_role(Role(id=f"new{n}", title=f"Field Analyst {n}", category="help_desk", reports_to=manager))
    comparison = compare(current, grown, name_a="Current", name_b="Grown")
    assert len(comparison.added) == 60 and [f.rule_id for f in comparison.findings_introduced] == ["SPN-1"] * 5
    out = export_packet(grown, tmp_path / "p.pdf", ExportOptions(layout="canvas"), comparison=comparison)
    section = " ".join(page_texts(out)).split("Changes from “Current” to “Grown”")[1]
    listed = [n for n in range(60) if f"Field Analyst {n} Help desk" in section]
    assert listed == list(range(ROLES_PER_KIND))
    assert norm(f"… and {60 - ROLES_PER_KIND} more roles added") in section
    introduced = section[section.index("Findings introduced (5)"):section.index("Role changes (60)")]
    assert introduced.count("SPN-1") == 1  # one row per rule
    assert introduced.count("direct reports, more than") == FINDINGS_PER_RULE
    assert norm(f"… and {5 - FINDINGS_PER_RULE} more") in introduced
