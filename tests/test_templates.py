"""New from template: blank, size starters in their bands, and the sample districts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tdorg.model import Chart
from tdorg.model.formats.sample_json import read_json
from tdorg.model.rules import Severity, validate
from tdorg.model.templates import UnknownTemplateError, new_from_template, templates, templates_dir

SHARED = Path("/work/shared/samples")
SAMPLE_KEYS = ["francis-howell", "la-crosse", "patrick-henry", "west-salem"]


def folder() -> Path | None:
    """The shipped templates; the shared samples only when a checkout has none yet."""
    return None if list(templates_dir().glob("*.json")) else SHARED


def test_listing_has_blank_sizes_and_every_sample() -> None:
    listed = templates(folder())
    assert [t.key for t in listed] == ["blank", "very-small", "small", "medium", "large", *SAMPLE_KEYS]
    assert [t.kind for t in listed] == ["blank", "size", "size", "size", "size", "sample", "sample", "sample", "sample"]
    by_key = {t.key: t for t in listed}
    assert by_key["west-salem"].name == "School District of West Salem"
    assert "1,700 students" in by_key["west-salem"].description and "7 roles" in by_key["west-salem"].description
    assert all(t.name and t.description for t in listed)


@pytest.mark.parametrize("key", ["blank", "very-small", "small", "medium", "large", *SAMPLE_KEYS])
def test_each_template_builds_a_valid_independent_chart(key: str) -> None:
    chart = new_from_template(key, folder())
    assert isinstance(chart, Chart)
    report = validate(chart)
    assert "STR-1" not in report.rule_ids() and "STR-2" not in report.rule_ids()
    again = new_from_template(key, folder())
    assert again == chart and again is not chart
    if len(chart):
        first = chart.roles_in_order()[0].id
        chart.update_role(first, title="Changed")
        assert new_from_template(key, folder()).role(first).title != "Changed"


def test_samples_are_the_sample_files() -> None:
    for key in SAMPLE_KEYS:
        assert new_from_template(key, folder()) == read_json(SHARED / f"{key}.json")


@pytest.mark.parametrize(
    ("key", "low", "high"), [("very-small", 1, 999), ("small", 1000, 1999), ("medium", 2000, 14_999), ("large", 15_000, 10**7)]
)
def test_size_starters_are_in_their_band_and_meet_the_framework(key: str, low: int, high: int) -> None:
    chart = new_from_template(key)
    assert low <= chart.district.students <= high
    assert {t.key: t.students for t in templates(folder())}[key] == chart.district.students
    findings = validate(chart).findings
    assert [f for f in findings if f.severity > Severity.INFO] == []
    categories = {r.category for r in chart.roles.values()}
    assert {"superintendent", "it_leader", "integration_coach"} <= categories
    assert any(r.category == "privacy_officer" or "privacy_officer" in r.flags for r in chart.roles.values())
    leads = {f for r in chart.roles.values() for f in r.leads}
    assert {"data_privacy", "cybersecurity", "erate", "help_desk"} <= leads


def test_size_starters_grow_with_the_district() -> None:
    sizes = [len(new_from_template(k)) for k in ("very-small", "small", "medium", "large")]
    assert sizes == sorted(sizes) and sizes[0] < sizes[2]


def test_blank_is_empty() -> None:
    chart = new_from_template("blank")
    assert len(chart) == 0 and chart.district.name == ""


def test_unknown_key_names_the_templates() -> None:
    with pytest.raises(UnknownTemplateError, match="no template “nope”; the templates are: blank, very-small, small"):
        new_from_template("nope", folder())


def test_broken_files_in_the_folder_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "west-salem.json").write_bytes((SHARED / "west-salem.json").read_bytes())
    assert [t.key for t in templates(tmp_path) if t.kind == "sample"] == ["west-salem"]
