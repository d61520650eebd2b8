"""``.tdorg`` files built to stall or exhaust a reader: refused before any row is read, quickly, with a sentence."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tdorg.model.errors import CorruptFileError
from tdorg.model.formats import load_chart, save_chart
from tdorg.model.persistence import SCHEMA_VERSION, open_document
from tdorg.model.persistence import migrations
from tdorg.model.persistence.schema_check import expected_schema, schema_problem
from tdorg.model.synthetic import synthetic_chart
from tests.samples import SAMPLES

DATA = Path(__file__).parent / "data"

#: What a hostile program adds to a tdorg file, and the words the refusal must contain.
BOMBS = {
    "generated column": (
        ["ALTER TABLE role ADD COLUMN g TEXT GENERATED ALWAYS AS (printf('%.*c', 900000000, 'x')) VIRTUAL"],
        ("computed or hidden column role.g",),
    ),
    "trigger": (["CREATE TRIGGER t AFTER UPDATE ON role BEGIN SELECT 1; END"], ("trigger “t”",)),
    "view": (["CREATE VIEW v AS SELECT printf('%.*c', 900000000, 'x') FROM role"], ("view “v”",)),
    "expression index": (["CREATE INDEX i ON role (printf('%.*c', 100000, title))"], ("index “i”",)),
    "extra table": (["CREATE TABLE other (x)"], ("table “other”",)),
    "extra column": (["ALTER TABLE district ADD COLUMN extra TEXT"], ("district.extra",)),
}


def plain_file(tmp_path: Path, chart=None) -> Path:
    path = tmp_path / "plan.tdorg"
    save_chart(chart or load_chart(SAMPLES / "west-salem.json"), path)
    return path


def run_sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def rewrite_table(path: Path, table: str, extra: str) -> None:
    """Add ``extra`` (a table constraint) to the stored definition of ``table``, as another program could."""
    conn = sqlite3.connect(path)
    (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (sql.rstrip()[:-1] + f", {extra})", table))
    conn.commit()
    conn.close()


@pytest.mark.parametrize("kind", BOMBS)
def test_a_schema_tdorg_never_writes_is_refused_and_the_file_left_untouched(tmp_path, kind):
    statements, words = BOMBS[kind]
    path = plain_file(tmp_path)
    run_sql(path, *statements)
    before = path.read_bytes()
    with pytest.raises(CorruptFileError) as caught:
        open_document(path)
    message = str(caught.value)
    for word in words:
        assert word in message
    assert "another program" in message
    assert path.read_bytes() == before


def test_an_expensive_check_on_every_row_is_stopped_by_the_work_budget(tmp_path):
    path = plain_file(tmp_path, synthetic_chart(2000))
    costly = " AND ".join(["length(printf('%.*c', 900000, title)) > 0"] * 4)
    rewrite_table(path, "role", f"CHECK ({costly})")
    with pytest.raises(CorruptFileError, match="far more work to read"):
        open_document(path)


def test_a_text_longer_than_any_chart_holds_is_refused(tmp_path):
    path = plain_file(tmp_path)
    run_sql(path, "UPDATE district SET name = printf('%.*c', 3000000, 'x')")
    with pytest.raises(CorruptFileError):
        open_document(path)


def test_older_schemas_still_open_and_upgrade_to_the_current_one():
    assert open_document(DATA / "v1-west-salem.tdorg").names
    conn = sqlite3.connect(":memory:")
    for statement in migrations.V1_DDL:
        conn.execute(statement)
    for step in range(1, SCHEMA_VERSION):
        migrations.UPGRADES[step](conn)
    assert schema_problem(conn, SCHEMA_VERSION) is None
    assert set(expected_schema(SCHEMA_VERSION).tables) == migrations.TABLES_BY_VERSION[SCHEMA_VERSION]
