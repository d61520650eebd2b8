"""Saving and opening .tdorg files gives back exactly what was saved."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from tdorg.model import Buildings, Chart, District, Document, Role, RuleSettings
from tdorg.model.errors import FileError
from tdorg.model.formats.sample_json import read_json
from tdorg.model.persistence import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    open_chart,
    open_document,
    save_chart,
    save_document,
)
from tdorg.model.rules import validate
from tdorg.model.synthetic import synthetic_chart

from tests.samples import SAMPLES
SAMPLE_FILES = sorted(SAMPLES.glob("*.json"))


def every_field_chart() -> Chart:
    """A chart with every field of the district, settings and roles set to something non-default."""
    district = District(
        name="Lakeview Unified — “Ünïcode” District",
        state="MN",
        students=12_345,
        teachers=0,
        staff=1_020,
        devices=15_000,
        buildings=Buildings(elementary=7, middle=2, high=None, other=0, total=11),
        one_to_one_grades="K-12",
        erate=False,
    )
    settings = RuleSettings(
        thresholds={"STF-1": {"devices_per_technician": 650.5, "min": 2.0}, "SPAN-1": {"max_reports": 9.0}},
        disabled={"SEC-1": "Security is contracted to the regional service agency.\nReviewed yearly."},
    )
    roles = [
        Role("supt", "Superintendent", "superintendent", "Ana María O'Neil", None,
             flags=frozenset({"superintendent", "cabinet"}), annual_cost=245_000.0),
        Role("cto", "Chief Technology Officer", "it_leader", "Sam Lee", "supt",
             flags=frozenset({"top_it_leader", "cabinet"}), service_areas=("administrative", "instruction"),
             core_services=("planning", "support"), leads=("strategic_planning", "procurement"),
             backs_up=("data_privacy",), notes="Line one\nLine two; with a semicolon", annual_cost=151_234.56),
        # Siblings deliberately out of alphabetical and id order.
        Role("z-net", "Network Manager", "network", "Kim", "cto", dotted_to=("cao", "supt"), fte=0.5,
             employment="contractor", leads=("network", "my_own_function")),
        Role("a.help", "Help Desk Lead", "help_desk", "", "cto", vacant=True, fte=0.25,
             flags=frozenset({"intake_owner"}), employment="shared", annual_cost=0.0),
        Role("m_tech", "Technician", "building_technician", "Kim", "cto", fte=0.5, dotted_to=("a.help",)),
        Role("cao", "Chief Academic Officer", "executive", "", "supt",
             flags=frozenset({"cabinet", "teaching_learning_leader"})),
        Role("coach", "Integration Coach", "integration_coach", "Lee Park", "cao", dotted_to=("cto",),
             service_areas=("instruction",), core_services=("professional_development",)),
        # A second top role (a forest), with a report of its own.
        Role("board", "School Board Liaison", "other", "", None, fte=0.1),
        Role("dpo", "Privacy Officer", "privacy_officer", "", "board", flags=frozenset({"privacy_officer"})),
    ]  # fmt: skip
    return Chart(district, roles, settings, notes="Assumptions:\n- costs from the 2025 budget\n- ✓ checked")


def test_every_field_round_trips(tmp_path: Path) -> None:
    chart = every_field_chart()
    path = tmp_path / "lakeview.tdorg"
    save_chart(chart, path)
    back = open_chart(path)
    assert back == chart
    # Equality already covers these; spell out the parts most easily lost.
    assert back.district.buildings == Buildings(elementary=7, middle=2, high=None, other=0, total=11)
    assert back.district.erate is False and back.district.teachers == 0
    assert back.settings.disabled["SEC-1"].endswith("Reviewed yearly.")
    assert back.settings.threshold("STF-1", "devices_per_technician", 0) == 650.5
    assert back.children("cto") == ("z-net", "a.help", "m_tech")
    assert back.roots() == ("supt", "board")
    assert back.role("z-net").dotted_to == ("cao", "supt")
    assert back.role("cto").notes == "Line one\nLine two; with a semicolon"
    assert back.role("cto").annual_cost == 151_234.56
    assert back.role("m_tech").annual_cost is None
    assert back.role("a.help").vacant is True and back.role("a.help").employment == "shared"
    assert back.role("z-net").leads == ("network", "my_own_function")
    assert back.notes == chart.notes
    assert validate(back).findings == validate(chart).findings


def test_saved_file_is_marked_as_tdorg(tmp_path: Path) -> None:
    path = tmp_path / "marked.tdorg"
    save_chart(every_field_chart(), path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT count(*) FROM role").fetchone()[0] == 9
    conn.close()
    assert APPLICATION_ID.to_bytes(4, "big") == b"TDOR"


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_every_sample_round_trips(sample: Path, tmp_path: Path) -> None:
    chart = read_json(sample)
    assert len(chart) > 0
    path = tmp_path / f"{sample.stem}.tdorg"
    save_chart(chart, path)
    back = open_chart(path)
    assert back == chart
    assert back.tree_order() == chart.tree_order()
    assert validate(back).findings == validate(chart).findings
    assert validate(back).metrics == validate(chart).metrics


def test_several_scenarios_round_trip(tmp_path: Path) -> None:
    current = every_field_chart()
    proposed = current.copy()
    proposed.remove_role("m_tech")
    proposed.add_role(Role("sec", "Cybersecurity Analyst", "security", "", "cto", fte=1.0, leads=("cybersecurity",)), 0)
    proposed.set_settings(proposed.settings.enable("SEC-1").with_threshold("SPAN-1", "max_reports", 5))
    proposed.notes = "Proposed for 2027."
    empty = Chart(District(name="Blank"))
    doc = Document.of(current)
    doc.add("Proposed 2027", proposed)
    doc.add("Blank slate", empty)
    doc.active = 1
    path = tmp_path / "scenarios.tdorg"
    save_document(doc, path)
    back = open_document(path)
    assert back == doc
    assert back.names == ["Current", "Proposed 2027", "Blank slate"]
    assert back.active == 1 and back.chart == proposed
    assert back.scenario("Proposed 2027").chart.children("cto")[0] == "sec"
    assert back.scenario("Current").chart.settings.is_disabled("SEC-1")
    assert len(back.scenario("Blank slate").chart) == 0
    assert open_chart(path) == proposed  # the active scenario


def test_each_scenario_keeps_its_own_arrangements(tmp_path: Path) -> None:
    current = every_field_chart()
    current.set_arrangement("cto", 2)
    doc = Document.of(current)
    doc.duplicate(0, "Proposed 2027")
    proposed = doc.scenario("Proposed 2027").chart
    assert proposed.arrangements == {"cto": 2}  # a copy to a new scenario keeps them
    proposed.set_arrangement("cto", 0)
    proposed.set_arrangement("cao", 1)
    path = tmp_path / "arranged.tdorg"
    save_document(doc, path)
    back = open_document(path)
    assert back == doc
    assert back.scenario("Current").chart.arrangements == {"cto": 2}
    assert back.scenario("Proposed 2027").chart.arrangements == {"cto": 0, "cao": 1}


def test_each_scenario_keeps_its_own_collapsed_managers(tmp_path: Path) -> None:
    current = every_field_chart()
    managers = [rid for rid in current.tree_order() if current.child_count(rid)]
    current.set_collapsed(managers[-1], True)
    doc = Document.of(current)
    doc.duplicate(0, "Proposed 2027")
    proposed = doc.scenario("Proposed 2027").chart
    assert proposed.collapsed == {managers[-1]}  # a copy to a new scenario keeps them
    proposed.set_collapsed(managers[-1], False)
    proposed.set_collapsed(managers[0], True)
    path = tmp_path / "collapsed.tdorg"
    save_document(doc, path)
    back = open_document(path)
    assert back == doc
    assert back.scenario("Current").chart.collapsed == {managers[-1]}
    assert back.scenario("Proposed 2027").chart.collapsed == {managers[0]}


def test_roles_read_from_a_file_are_those_check_role_makes(tmp_path: Path) -> None:
    """The reader checks each row once and the chart trusts it: the result is what the model's own checks give."""
    from tdorg.model.persistence.mapping import ROLE_COLUMNS
    from tdorg.model.role import EDITABLE_FIELDS, check_role

    assert set(EDITABLE_FIELDS) | {"id", "reports_to"} <= set(ROLE_COLUMNS)
    chart = every_field_chart()
    path = tmp_path / "plan.tdorg"
    save_chart(chart, path)
    for role in open_chart(path).roles.values():
        assert check_role(role) == role == chart.role(role.id)
        assert isinstance(role.flags, frozenset) and isinstance(role.leads, tuple)


def test_large_synthetic_chart_round_trips(tmp_path: Path) -> None:
    chart = synthetic_chart(1500, seed=7)
    path = tmp_path / "large.tdorg"
    save_chart(chart, path)
    back = open_chart(path)
    assert len(back) == 1500
    assert back == chart
    assert sum(len(r.dotted_to) for r in back.roles.values()) == sum(len(r.dotted_to) for r in chart.roles.values())


def test_saving_again_replaces_the_file_and_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "again.tdorg"
    chart = every_field_chart()
    save_chart(chart, path)
    os.chmod(path, 0o640)
    chart.update_role("cto", title="Chief Information Officer")
    save_chart(chart, path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert open_chart(path).role("cto").title == "Chief Information Officer"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again.tdorg"]


def test_saving_is_deterministic(tmp_path: Path) -> None:
    chart = every_field_chart()
    save_chart(chart, tmp_path / "a.tdorg")
    save_chart(chart.copy(), tmp_path / "b.tdorg")
    assert (tmp_path / "a.tdorg").read_bytes() == (tmp_path / "b.tdorg").read_bytes()


def test_saving_through_a_link_updates_the_linked_file(tmp_path: Path) -> None:
    real = tmp_path / "real.tdorg"
    link = tmp_path / "link.tdorg"
    save_chart(Chart(District(name="Old")), real)
    link.symlink_to(real)
    save_chart(every_field_chart(), link)
    assert link.is_symlink()
    assert open_chart(real) == every_field_chart()


def test_a_document_without_scenarios_is_not_saved(tmp_path: Path) -> None:
    path = tmp_path / "nothing.tdorg"
    with pytest.raises(FileError) as caught:
        save_document(Document(), path)
    assert str(path) in str(caught.value) and "no scenario" in str(caught.value)
    assert not path.exists()


def test_an_empty_chart_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "empty.tdorg"
    save_chart(Chart(), path)
    assert open_chart(path) == Chart()
