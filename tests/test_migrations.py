"""Files written by older schemas open correctly, through one upgrade step per version."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from tdorg.model import Chart, Document
from tdorg.model.errors import CorruptFileError
from tdorg.model.formats.sample_json import read_json
from tdorg.model.persistence import APPLICATION_ID, SCHEMA_VERSION, open_document, save_document
from tdorg.model.persistence import migrations
from tests.samples import SAMPLES
from tdorg.model.persistence.migrations import TABLES_BY_VERSION, UPGRADES, V1_DDL, V1_SCENARIO_NAME, upgrade
from tdorg.model.persistence.writer import document_bytes
from tests.test_persistence import SAMPLE_FILES, every_field_chart

DATA = Path(__file__).parent / "data"


def without_costs(chart: Chart) -> Chart:
    """What a version-1 file can hold of ``chart``: roles had no annual cost then."""
    return Chart(chart.district, [replace(r, annual_cost=None) for r in chart.roles_in_order()], chart.settings, chart.notes)


def write_v1(chart: Chart, path: Path) -> None:
    """Write ``chart`` the way tdorg wrote schema version 1: its DDL, then its rows."""
    conn = sqlite3.connect(path)
    for statement in V1_DDL:
        conn.execute(statement)
    d, b = chart.district, chart.district.buildings
    conn.execute(
        "INSERT INTO chart VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (chart.notes, d.name, d.state, d.students, d.teachers, d.staff, d.devices,
         b.elementary, b.middle, b.high, b.other, b.total, d.one_to_one_grades, d.erate),
    )  # fmt: skip
    for position, r in enumerate(chart.roles_in_order()):
        conn.execute(
            "INSERT INTO role VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (r.id, position, r.reports_to, r.title, r.category, r.person, r.fte, r.vacant, r.employment,
             ";".join(sorted(r.flags)), ";".join(r.service_areas), ";".join(r.core_services),
             ";".join(r.leads), ";".join(r.backs_up), r.notes),
        )  # fmt: skip
        for line, target in enumerate(r.dotted_to):
            conn.execute("INSERT INTO dotted_line VALUES (?, ?, ?)", (r.id, line, target))
    for rule_id, values in chart.settings.thresholds.items():
        for name, value in values.items():
            conn.execute("INSERT INTO threshold VALUES (?, ?, ?)", (rule_id, name, value))
    for rule_id, reason in chart.settings.disabled.items():
        conn.execute("INSERT INTO disabled_rule VALUES (?, ?)", (rule_id, reason))
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_one_upgrade_step_per_version() -> None:
    assert SCHEMA_VERSION == 5
    assert sorted(UPGRADES) == list(range(1, SCHEMA_VERSION))
    assert sorted(TABLES_BY_VERSION) == list(range(1, SCHEMA_VERSION + 1))


def test_a_version_1_file_opens_as_one_scenario_and_is_not_modified(tmp_path: Path) -> None:
    chart = without_costs(every_field_chart())
    path = tmp_path / "old.tdorg"
    write_v1(chart, path)
    before = path.read_bytes()
    doc = open_document(path)
    assert doc.names == [V1_SCENARIO_NAME] and doc.active == 0
    assert doc.chart == chart
    assert doc.chart.children("cto") == ("z-net", "a.help", "m_tech")
    assert doc.chart.role("z-net").dotted_to == ("cao", "supt")
    assert doc.chart.settings == chart.settings
    assert all(r.annual_cost is None for r in doc.chart.roles.values())
    assert path.read_bytes() == before
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_every_sample_written_as_version_1_opens_equal(sample: Path, tmp_path: Path) -> None:
    chart = read_json(sample)
    path = tmp_path / "old.tdorg"
    write_v1(chart, path)
    assert open_document(path).chart == chart


def test_the_committed_version_1_file_opens() -> None:
    """A file kept as it was written with the version-1 schema (the West Salem sample)."""
    path = DATA / "v1-west-salem.tdorg"
    before = path.read_bytes()
    assert int.from_bytes(before[60:64], "big") == 1
    doc = open_document(path)
    assert doc.chart == read_json(SAMPLES / "west-salem.json")
    assert path.read_bytes() == before


def test_an_upgraded_file_is_saved_in_the_current_schema(tmp_path: Path) -> None:
    old = tmp_path / "old.tdorg"
    write_v1(without_costs(every_field_chart()), old)
    doc = open_document(old)
    doc.chart.update_role("cto", annual_cost=99_000)
    new = tmp_path / "new.tdorg"
    save_document(doc, new)
    assert int.from_bytes(new.read_bytes()[60:64], "big") == SCHEMA_VERSION
    assert open_document(new) == doc


def _schema(conn: sqlite3.Connection) -> dict[str, tuple]:
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    out = {}
    for table in tables:
        indexes = sorted(
            (unique, tuple(c[2] for c in conn.execute(f"PRAGMA index_info('{name}')")))
            for _seq, name, unique, *_rest in conn.execute(f"PRAGMA index_list('{table}')")
        )
        out[table] = (
            conn.execute(f"PRAGMA table_info('{table}')").fetchall(),
            sorted(conn.execute(f"PRAGMA foreign_key_list('{table}')").fetchall()),
            indexes,
        )
    return out


def test_the_upgraded_schema_is_the_schema_of_new_files(tmp_path: Path) -> None:
    old = tmp_path / "old.tdorg"
    write_v1(Chart(), old)
    upgraded = sqlite3.connect(":memory:")
    upgraded.deserialize(old.read_bytes())
    upgrade(upgraded, 1)
    fresh = sqlite3.connect(":memory:")
    fresh.deserialize(document_bytes(Document.of(Chart())))
    assert _schema(upgraded) == _schema(fresh)
    assert set(_schema(fresh)) == TABLES_BY_VERSION[SCHEMA_VERSION]
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_failing_upgrade_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = tmp_path / "old.tdorg"
    write_v1(without_costs(every_field_chart()), old)
    conn = sqlite3.connect(":memory:")
    conn.deserialize(old.read_bytes())
    before = _schema(conn), conn.execute("SELECT * FROM role ORDER BY position").fetchall()

    def half_done(c: sqlite3.Connection) -> None:
        c.execute("ALTER TABLE role RENAME TO v1_role")
        c.execute("CREATE TABLE scenario (id INTEGER)")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setitem(migrations.UPGRADES, 1, half_done)
    with pytest.raises(sqlite3.OperationalError):
        upgrade(conn, 1)
    assert (_schema(conn), conn.execute("SELECT * FROM role ORDER BY position").fetchall()) == before
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1


def test_a_version_1_file_with_a_reporting_loop_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "old.tdorg"
    write_v1(without_costs(every_field_chart()), path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE role SET reports_to = 'coach' WHERE id = 'supt'")
    conn.close()
    with pytest.raises(CorruptFileError) as caught:
        open_document(path)
    assert "loop" in str(caught.value) and str(path) in str(caught.value)


def test_a_version_1_file_without_its_chart_row_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "old.tdorg"
    write_v1(Chart(), path)
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM chart")
    conn.close()
    with pytest.raises(CorruptFileError) as caught:
        open_document(path)
    assert "no scenario" in str(caught.value)


#: What each older schema lacked of the next one, as statements undoing what its upgrade step adds.
_UNDO_STEP = {
    4: ("DROP TABLE collapsed",),
    3: ("DROP TABLE arrangement",),
    2: ("ALTER TABLE district DROP COLUMN privacy_officer_required",),
}


def write_older(document: Document, path: Path, version: int) -> None:
    """Write ``document`` as tdorg wrote schema ``version`` (2 or later): the current file, each later step undone."""
    conn = sqlite3.connect(":memory:")
    conn.deserialize(document_bytes(document))
    for step in range(SCHEMA_VERSION - 1, version - 1, -1):
        for statement in _UNDO_STEP[step]:
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version:d}")
    conn.commit()
    path.write_bytes(conn.serialize())
    conn.close()


def test_a_version_2_file_opens_with_its_rule_settings_and_follows_its_state_law(tmp_path: Path) -> None:
    chart = every_field_chart()
    chart.set_settings(
        chart.settings.with_threshold("SPN-1", "max_direct_reports", 12).disable("SEC-1", "Contracted out")
    )
    document = Document.of(chart, "Current")
    document.duplicate(0, "Proposed")
    path = tmp_path / "v2.tdorg"
    write_older(document, path, 2)
    before = path.read_bytes()
    opened = open_document(path)
    assert opened.names == ["Current", "Proposed"]
    assert opened.chart == chart and opened.chart.settings == chart.settings
    assert opened.chart.district.privacy_officer_required is None
    assert path.read_bytes() == before


def test_the_privacy_officer_setting_is_saved(tmp_path: Path) -> None:
    chart = every_field_chart()
    chart.set_district(chart.district.with_changes(privacy_officer_required=True))
    path = tmp_path / "plan.tdorg"
    save_document(Document.of(chart), path)
    assert open_document(path).chart.district.privacy_officer_required is True


def test_a_version_3_file_opens_with_every_manager_arranged_automatically(tmp_path: Path) -> None:
    chart = every_field_chart()
    chart.set_district(chart.district.with_changes(privacy_officer_required=True))
    document = Document.of(chart, "Current")
    document.duplicate(0, "Proposed")
    path = tmp_path / "v3.tdorg"
    write_older(document, path, 3)
    before = path.read_bytes()
    opened = open_document(path)
    assert opened == document
    assert all(not s.chart.arrangements for s in opened.scenarios)
    assert opened.chart.district.privacy_officer_required is True
    assert path.read_bytes() == before
    opened.chart.set_arrangement("cto", 2)
    again = tmp_path / "v4.tdorg"
    save_document(opened, again)
    assert int.from_bytes(again.read_bytes()[60:64], "big") == SCHEMA_VERSION
    assert open_document(again).chart.arrangements == {"cto": 2}


@pytest.mark.parametrize("version", [3, 4])
def test_the_upgrade_of_a_recent_version_gives_the_schema_of_new_files(tmp_path: Path, version: int) -> None:
    path = tmp_path / f"v{version}.tdorg"
    write_older(Document.of(every_field_chart()), path, version)
    conn = sqlite3.connect(":memory:")
    conn.deserialize(path.read_bytes())
    upgrade(conn, version)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    fresh = sqlite3.connect(":memory:")
    fresh.deserialize(document_bytes(Document.of(Chart())))
    assert _schema(conn) == _schema(fresh)


def test_a_version_4_file_opens_with_nothing_collapsed_and_keeps_collapse_once_saved(tmp_path: Path) -> None:
    chart = every_field_chart()
    chart.set_arrangement("cto", 2)
    document = Document.of(chart, "Current")
    document.duplicate(0, "Proposed")
    path = tmp_path / "v4.tdorg"
    write_older(document, path, 4)
    assert int.from_bytes(path.read_bytes()[60:64], "big") == 4
    before = path.read_bytes()
    opened = open_document(path)
    assert opened == document
    assert all(not s.chart.collapsed for s in opened.scenarios)
    assert opened.chart.arrangements == {"cto": 2}
    assert path.read_bytes() == before  # opening upgrades a copy in memory
    opened.chart.set_collapsed("cto", True)
    again = tmp_path / "v5.tdorg"
    save_document(opened, again)
    assert int.from_bytes(again.read_bytes()[60:64], "big") == SCHEMA_VERSION
    back = open_document(again)
    assert back.chart.collapsed == {"cto"} and back.scenario("Proposed").chart.collapsed == frozenset()


def test_the_version_4_upgrade_is_one_transaction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "v4.tdorg"
    write_older(Document.of(every_field_chart()), path, 4)
    failing = sqlite3.connect(":memory:")
    failing.deserialize(path.read_bytes())

    def broken(db: sqlite3.Connection) -> None:
        db.execute(migrations.V5_COLLAPSED_DDL)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setitem(UPGRADES, 4, broken)
    with pytest.raises(sqlite3.OperationalError):
        upgrade(failing, 4)
    assert failing.execute("PRAGMA user_version").fetchone()[0] == 4
    assert "collapsed" not in _schema(failing)
