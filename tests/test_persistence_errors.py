"""Bad files give the right typed error naming the file, and are never modified by opening."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Callable

import pytest

from tdorg.model.errors import CorruptFileError, FileError, NotATdorgFileError, TooNewFileError
from tdorg.model.persistence import APPLICATION_ID, SCHEMA_VERSION, open_chart, open_document, save_chart
from tests.test_persistence import every_field_chart

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def valid_file(folder: Path) -> Path:
    path = folder / "source.tdorg"
    save_chart(every_field_chart(), path)
    return path


def tampered(*statements: str) -> Callable[[Path], Path]:
    """A valid file changed with SQL, as another tool or a damaged disk might leave it."""

    def make(folder: Path) -> Path:
        path = valid_file(folder)
        conn = sqlite3.connect(path)
        for statement in statements:
            conn.execute(statement)
        conn.commit()
        conn.close()
        return path

    return make


def raw_bytes(make_bytes: Callable[[bytes], bytes]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = valid_file(folder)
        path.write_bytes(make_bytes(path.read_bytes()))
        return path

    return make


def foreign_sqlite(application_id: int, *statements: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "other.db"
        conn = sqlite3.connect(path)
        for statement in statements:
            conn.execute(statement)
        conn.execute(f"PRAGMA application_id = {application_id}")
        conn.commit()
        conn.close()
        return path

    return make


def header_field(offset: int, value: int) -> Callable[[bytes], bytes]:
    return lambda data: data[:offset] + value.to_bytes(4, "big", signed=True) + data[offset + 4 :]


_ROLE_WITHOUT_KEYS = (
    "CREATE TABLE role_copy AS SELECT * FROM role",
    "DROP TABLE role",
    "ALTER TABLE role_copy RENAME TO role",
    "INSERT INTO role SELECT scenario_id, id, 99, reports_to, title, category, person, fte, vacant, employment, "
    "flags, service_areas, core_services, leads, backs_up, notes, annual_cost FROM role WHERE id = 'coach'",
)

# (maker, error type, words the message must contain)
BAD_FILES: dict[str, tuple[Callable[[Path], Path], type[FileError], tuple[str, ...]]] = {
    "empty": (raw_bytes(lambda d: b""), NotATdorgFileError, ("empty",)),
    "text": (raw_bytes(lambda d: "name,title\nsupt,Superintendent\n".encode()), NotATdorgFileError, ("not an SQLite",)),
    "png": (raw_bytes(lambda d: b"\x89PNG\r\n\x1a\n" + bytes(500)), NotATdorgFileError, ("not a tdorg file",)),
    "other program": (
        foreign_sqlite(0, "CREATE TABLE contacts (name TEXT, phone TEXT)", "INSERT INTO contacts VALUES ('a', '1')"),
        NotATdorgFileError,
        ("another program",),
    ),
    "other tables, tdorg id": (
        foreign_sqlite(APPLICATION_ID, "CREATE TABLE contacts (name TEXT)", "PRAGMA user_version = 2"),
        NotATdorgFileError,
        ("tdorg's tables",),
    ),
    "truncated half": (raw_bytes(lambda d: d[: len(d) // 2]), CorruptFileError, ("truncated", "incompletely")),
    "truncated header": (raw_bytes(lambda d: d[:60]), CorruptFileError, ("truncated",)),
    "truncated magic": (raw_bytes(lambda d: d[:9]), CorruptFileError, ("truncated",)),
    "zeroed page": (raw_bytes(lambda d: d[: 4096 * 3] + bytes(4096) + d[4096 * 4 :]), CorruptFileError, ("damaged",)),
    "garbage page": (
        raw_bytes(lambda d: d[: 4096 * 2] + bytes(range(256)) * 16 + d[4096 * 3 :]),
        CorruptFileError,
        ("damaged",),
    ),
    "bad page size": (raw_bytes(lambda d: d[:16] + b"\x03\x00" + d[18:]), CorruptFileError, ("header",)),
    "too new": (raw_bytes(header_field(60, SCHEMA_VERSION + 1)), TooNewFileError, ("newer version", "Update tdorg")),
    "version zero": (raw_bytes(header_field(60, 0)), CorruptFileError, ("format version (0)",)),
    "table missing": (tampered("DROP TABLE threshold"), CorruptFileError, ("lacks the table threshold",)),
    "column missing": (tampered("ALTER TABLE role DROP COLUMN notes"), CorruptFileError, ("role.notes",)),
    "cycle": (tampered("UPDATE role SET reports_to = 'm_tech' WHERE id = 'supt'"), CorruptFileError, ("loop", "Current")),
    "unknown manager": (
        tampered("UPDATE role SET reports_to = 'ghost' WHERE id = 'coach'"),
        CorruptFileError,
        ("“ghost”", "Integration Coach"),
    ),
    "FTE out of range": (tampered("UPDATE role SET fte = 1.5 WHERE id = 'z-net'"), CorruptFileError, ("z-net", "FTE", "1.5")),
    "FTE zero": (tampered("UPDATE role SET fte = 0 WHERE id = 'coach'"), CorruptFileError, ("coach", "FTE")),
    "duplicate id": (tampered(*_ROLE_WITHOUT_KEYS), CorruptFileError, ("“coach”", "unique")),
    "unknown category": (tampered("UPDATE role SET category = 'wizard' WHERE id = 'cao'"), CorruptFileError, ("cao", "wizard")),
    "unknown flag": (tampered("UPDATE role SET flags = 'cabinet;boss' WHERE id = 'cao'"), CorruptFileError, ("boss",)),
    "vacant not yes/no": (tampered("UPDATE role SET vacant = 'maybe'"), CorruptFileError, ("vacant", "maybe")),
    "dotted line to nobody": (
        tampered("INSERT INTO dotted_line VALUES (1, 'coach', 5, 'ghost')"),
        CorruptFileError,
        ("“ghost”", "dotted line"),
    ),
    "dotted line from nobody": (
        tampered("INSERT INTO dotted_line VALUES (1, 'ghost', 0, 'cto')"),
        CorruptFileError,
        ("“ghost”", "dotted line"),
    ),
    "arrangement of nobody": (
        tampered("INSERT INTO arrangement VALUES (1, 'ghost', 2)"),
        CorruptFileError,
        ("“ghost”", "arranged"),
    ),
    "collapsed nobody": (tampered("INSERT INTO collapsed VALUES (1, 'ghost')"), CorruptFileError, ("“ghost”", "collapsed")),
    "arrangement not a number": (
        tampered("INSERT INTO arrangement VALUES (1, 'cto', 'wide')"),
        CorruptFileError,
        ("arrangement", "'wide'"),
    ),
    "arrangement negative": (tampered("INSERT INTO arrangement VALUES (1, 'cto', -2)"), CorruptFileError, ("arrangement", "-2")),
    "arrangement twice": (
        tampered(
            "CREATE TABLE a_copy AS SELECT * FROM arrangement", "DROP TABLE arrangement",
            "ALTER TABLE a_copy RENAME TO arrangement", "INSERT INTO arrangement VALUES (1, 'cto', 1)",
            "INSERT INTO arrangement VALUES (1, 'cto', 2)",
        ),
        CorruptFileError,
        ("“cto”", "twice"),
    ),
    "negative students": (tampered("UPDATE district SET students = -5"), CorruptFileError, ("Students", "-5")),
    "threshold not a number": (tampered("UPDATE threshold SET value = 'lots'"), CorruptFileError, ("lots", "not a number")),
    "no scenario": (tampered("DELETE FROM district", "DELETE FROM scenario"), CorruptFileError, ("no scenario",)),
    "no district": (tampered("DELETE FROM district"), CorruptFileError, ("no district",)),
    "rows of a missing scenario": (
        tampered("INSERT INTO disabled_rule VALUES (7, 'X-1', 'because')"),
        CorruptFileError,
        ("scenario (7)",),
    ),
    "active out of range": (tampered("UPDATE document SET active = 3"), CorruptFileError, ("active scenario",)),
    "no document row": (tampered("DELETE FROM document"), CorruptFileError, ("document record",)),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=str)
def test_a_bad_file_gives_its_typed_error_and_is_left_untouched(case: str, tmp_path: Path) -> None:
    make, error_type, words = BAD_FILES[case]
    path = make(tmp_path)
    before = path.read_bytes()
    stamp = os.stat(path).st_mtime_ns
    with pytest.raises(FileError) as caught:
        open_document(path)
    assert type(caught.value) is error_type
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    for word in words:
        assert word in message
    assert path.read_bytes() == before
    assert os.stat(path).st_mtime_ns == stamp
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no journal or copy left beside it


def test_a_missing_file_names_it(tmp_path: Path) -> None:
    path = tmp_path / "absent.tdorg"
    with pytest.raises(FileError) as caught:
        open_chart(path)
    assert type(caught.value) is FileError
    assert str(caught.value) == f"{path}: There is no such file."


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "absent.tdorg"
    with pytest.raises(FileError) as caught:
        open_chart(path)
    assert type(caught.value) is FileError
    assert f"folder “{tmp_path / 'nowhere'}” does not exist" in str(caught.value)


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(FileError) as caught:
        open_chart(tmp_path)
    assert type(caught.value) is FileError and "is a folder" in str(caught.value)


@pytest.mark.skipif(AS_ROOT, reason="the superuser may read any file")
def test_an_unreadable_file_is_reported(tmp_path: Path) -> None:
    path = valid_file(tmp_path)
    path.chmod(0)
    try:
        with pytest.raises(FileError) as caught:
            open_chart(path)
    finally:
        path.chmod(0o644)
    assert type(caught.value) is FileError and "Permission denied" in str(caught.value)


def test_a_file_another_program_left_in_wal_mode_opens(tmp_path: Path) -> None:
    path = valid_file(tmp_path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    conn.execute("UPDATE role SET title = 'Chief Information Officer' WHERE id = 'cto'")
    conn.commit()
    conn.close()  # the last connection folds the log back into the file
    before = path.read_bytes()
    assert before[18:20] == b"\x02\x02"
    assert open_chart(path).role("cto").title == "Chief Information Officer"
    assert path.read_bytes() == before


def test_a_file_another_program_is_still_changing_is_refused(tmp_path: Path) -> None:
    path = valid_file(tmp_path)
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("UPDATE role SET title = 'Changed elsewhere' WHERE id = 'cto'")
        conn.commit()  # the change is in the log beside the file, not yet in the file
        before = path.read_bytes()
        with pytest.raises(FileError) as caught:
            open_chart(path)
        assert type(caught.value) is FileError
        assert "source.tdorg-wal" in str(caught.value) and "Another program" in str(caught.value)
        assert path.read_bytes() == before
    finally:
        conn.close()
    assert open_chart(path).role("cto").title == "Changed elsewhere"
