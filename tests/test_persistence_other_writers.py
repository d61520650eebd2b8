"""A chart that another SQLite program is changing is never replaced under it.

`tdorg convert … FILE` and `tdorg rules FILE --set …` used to succeed and throw away the other
program's work; now they refuse with a one-line message and exit 2, and the other program's edits
stay in the file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Iterator

import pytest

from tdorg.cli.commands import run
from tdorg.model import Chart, District
from tdorg.model.errors import FileError
from tdorg.model.persistence import open_chart, save_chart
from tests.samples import SAMPLES


def _chart_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.tdorg"
    save_chart(Chart(District(name="Before")), path)
    return path


@contextlib.contextmanager
def another_program(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection to ``path`` as another SQLite program would hold it, closed at the end."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        yield connection
    finally:
        connection.close()


def _rename_district(connection: sqlite3.Connection, name: str) -> None:
    tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    district = next(t for t in tables if "district" in t)
    connection.execute(f"UPDATE {district} SET name = ?", (name,))


def test_convert_refuses_while_another_program_holds_a_write_transaction(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _chart_file(tmp_path)
    with another_program(path) as other:
        other.execute("BEGIN IMMEDIATE")
        _rename_district(other, "Edited by the other program")
        assert run(["convert", str(SAMPLES / "la-crosse.json"), str(path)]) == 2
        err = capsys.readouterr().err
        assert "Another program is" in err and str(path) in err and "Traceback" not in err
        other.execute("COMMIT")
    assert open_chart(path).district.name == "Edited by the other program"


def test_convert_refuses_while_committed_edits_wait_in_the_write_ahead_log(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _chart_file(tmp_path)
    with another_program(path) as other:
        other.execute("PRAGMA journal_mode=WAL")
        other.execute("PRAGMA wal_autocheckpoint=0")
        _rename_district(other, "Committed in the log")  # committed, but only in plan.tdorg-wal
        assert run(["convert", str(SAMPLES / "la-crosse.json"), str(path)]) == 2
        assert "plan.tdorg-wal" in capsys.readouterr().err
        assert run(["rules", str(path), "--disable", "SEC-1=Contracted out"]) == 2
        assert "Another program" in capsys.readouterr().err
        other.execute("PRAGMA journal_mode=DELETE")  # the other program finishes: its edits reach the file
    assert open_chart(path).district.name == "Committed in the log"


def test_a_reader_does_not_block_a_save(tmp_path: Path) -> None:
    path = _chart_file(tmp_path)
    with another_program(path) as reader:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
        save_chart(Chart(District(name="After")), path)
    assert open_chart(path).district.name == "After"


def test_saving_onto_a_file_that_is_not_sqlite_still_works(tmp_path: Path) -> None:
    path = tmp_path / "notes.tdorg"
    path.write_text("not a database", encoding="utf-8")
    save_chart(Chart(District(name="Fresh")), path)
    assert open_chart(path).district.name == "Fresh"


def test_the_editor_path_gets_the_same_refusal(tmp_path: Path) -> None:
    path = _chart_file(tmp_path)
    with another_program(path) as other:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(FileError, match="holds a SQLite write transaction"):
            save_chart(Chart(District(name="Mine")), path)
    assert open_chart(path).district.name == "Before"


def test_saving_over_a_named_pipe_does_not_wait_for_it(tmp_path: Path) -> None:
    path = tmp_path / "p.tdorg"
    os.mkfifo(path)
    save_chart(Chart(District(name="Replaced the pipe")), path)
    assert open_chart(path).district.name == "Replaced the pipe"


def test_rules_set_refuses_while_another_program_holds_the_write_lock(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _chart_file(tmp_path)
    before = path.read_bytes()
    with another_program(path) as other:
        other.execute("BEGIN IMMEDIATE")  # the chart still reads, but a save would be lost under this writer
        assert run(["rules", str(path), "--disable", "SEC-1=Contracted out"]) == 2
        err = capsys.readouterr().err
        assert "holds a SQLite write transaction" in err and err.count("\n") == 1
    assert path.read_bytes() == before
