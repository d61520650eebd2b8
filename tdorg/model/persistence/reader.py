"""Opening a ``.tdorg`` file.

The file is read once into memory and never opened for writing: its header is
checked, the bytes are handed to an in-memory SQLite database, old schemas
are upgraded there, and the rows become a :class:`Document`. Every failure is
one of the typed file errors, naming the file and the reason.
"""

from __future__ import annotations

import gc
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..document import Document
from ..errors import CorruptFileError, FileError, NotATdorgFileError, TooNewFileError
from ..files import read_bytes
from ..values import FILE_ROLES_MAX, ROLES_MAX, too_many_roles
from .fileio import pending_changes
from .header import looks_like_sqlite, parse_header
from .mapping import READ_ROWS, BadData, LoadedRows, document_from_rows
from .migrations import TABLES_BY_VERSION, upgrade
from .schema_check import schema_problem
from .tables import APPLICATION_ID, SCHEMA_VERSION

_WAL_MODE = b"\x02\x02"
_ROLLBACK_MODE = b"\x01\x01"
_READ_ERRORS = (sqlite3.Error, ValueError, TypeError, OverflowError)


def open_document(path: str | Path) -> Document:
    """Read the document saved at ``path``; the file itself is left untouched."""
    path = Path(path)
    data = read_bytes(path, inspect=lambda head, size: _check_header(path, head, size))
    version = parse_header(data).user_version  # type: ignore[union-attr]  # checked above
    journal = pending_changes(path)
    if journal is not None:
        raise FileError(
            path,
            f"Another program has changes to this file that are not in it yet (in “{journal.name}”); "
            "close that program and try again.",
        )
    budget = _Budget()
    conn = _in_memory(path, data, budget)
    try:
        return _document(path, conn, version, budget)
    except CorruptFileError:
        if budget.spent:
            raise CorruptFileError(path, _TOO_MUCH_WORK) from None
        raise
    finally:
        conn.close()


def _document(path: Path, conn: sqlite3.Connection, version: int, budget: "_Budget") -> Document:
    """The document held by ``conn`` once its schema and integrity are checked, upgraded to the current schema."""
    try:
        _check_tables(path, conn, version)
        _check_integrity(path, conn)
        budget.untimed()  # the rows left to read are plain values: only the work they take is limited
    except (sqlite3.Error, UnicodeError) as err:
        # Damage can garble the schema's own text so that even SQLite's checks can't be read.
        raise CorruptFileError(path, f"The file is damaged ({_detail(err)}).") from None
    try:
        upgrade(conn, version)
    except (sqlite3.Error, ValueError) as err:
        raise CorruptFileError(path, f"The file could not be brought up to date: it is damaged ({_detail(err)}).") from None
    try:
        _check_role_count(path, conn)
        with _collection_paused():
            return document_from_rows(_read_rows(conn))
    except BadData as err:
        raise CorruptFileError(path, str(err)) from None
    except _READ_ERRORS as err:
        raise CorruptFileError(path, f"The file is damaged and could not be read ({_detail(err)}).") from None


def _check_header(path: Path, data: bytes, size: int) -> None:
    """Refuse anything but a whole tdorg file this version reads, from its first bytes and size."""
    if not size:
        raise NotATdorgFileError(path, "The file is empty, so it is not a tdorg file.")
    if not looks_like_sqlite(data):
        raise NotATdorgFileError(path, "This is not a tdorg file (it is not an SQLite database).")
    header = parse_header(data)
    if header is None:
        raise CorruptFileError(path, f"The file is truncated: it is only {size} bytes long.")
    if header.application_id != APPLICATION_ID:
        raise NotATdorgFileError(path, "This is an SQLite database from another program, not a tdorg file.")
    page = header.page_size
    if page < 512 or page > 65536 or page & (page - 1):
        raise CorruptFileError(path, "The file is damaged: its header is not valid.")
    expected = header.expected_size
    if (expected is not None and size < expected) or size % page:
        should = f"{expected:,} bytes long" if expected is not None else f"a whole number of {page}-byte pages"
        raise CorruptFileError(
            path,
            f"The file is truncated: it should be {should} but is {size:,} bytes; "
            "it may have been copied or downloaded incompletely.",
        )
    version = header.user_version
    if version > SCHEMA_VERSION:
        raise TooNewFileError(
            path,
            f"This file was saved by a newer version of tdorg (file format {version}; this version reads "
            f"formats 1 to {SCHEMA_VERSION}). Update tdorg to open it.",
        )
    if version < 1:
        raise CorruptFileError(path, f"The file's format version ({version}) is not one tdorg has ever written.")


class _Budget:
    """A progress handler that stops SQLite after far more work, or time, than reading any chart takes.

    The time limit holds while the file is checked, when constraints a hostile file declares may run
    costly expressions in few instructions; reading the rows afterwards takes time in proportion to
    their number, so only the work is limited then.
    """

    #: SQLite virtual-machine instructions between two calls of the handler.
    STEP = 1_000
    #: Calls allowed: some 150 times what reading a 5,000-role file takes.
    CALLS = 50_000
    #: Seconds of reading allowed, for work SQLite does in few instructions.
    SECONDS = 4.0

    def __init__(self) -> None:
        self.calls = 0
        self.deadline = time.monotonic() + self.SECONDS
        self.spent = False

    def untimed(self) -> None:
        self.deadline = float("inf")

    def __call__(self) -> int:
        self.calls += 1
        self.spent = self.calls > self.CALLS or time.monotonic() > self.deadline
        return int(self.spent)  # non-zero interrupts the statement


_TOO_MUCH_WORK = ("The file takes far more work to read than any chart tdorg writes, so tdorg stopped; "
                  "it was made or changed by another program.")

#: Limits on what one statement may build (SQLite's own defaults are far larger).
_LIMITS = {
    sqlite3.SQLITE_LIMIT_LENGTH: 1024 * 1024,  # the longest text or row, 25 times a chart's longest
    sqlite3.SQLITE_LIMIT_SQL_LENGTH: 1024 * 1024,
    sqlite3.SQLITE_LIMIT_COLUMN: 200,
    sqlite3.SQLITE_LIMIT_EXPR_DEPTH: 100,
    sqlite3.SQLITE_LIMIT_COMPOUND_SELECT: 50,
    sqlite3.SQLITE_LIMIT_FUNCTION_ARG: 16,
    sqlite3.SQLITE_LIMIT_ATTACHED: 0,
    sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH: 1,
}


def _in_memory(path: Path, data: bytes, budget: _Budget) -> sqlite3.Connection:
    """An in-memory database holding ``data``, hardened: limits, a work budget, no trust in the schema."""
    if data[18:20] == _WAL_MODE:
        # Written in write-ahead-log mode by another tool; the journal beside it is empty
        # (checked above), so the file alone is complete. Read it as a plain database.
        data = data[:18] + _ROLLBACK_MODE + data[20:]
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        for limit, value in _LIMITS.items():
            conn.setlimit(limit, value)
        conn.execute("PRAGMA trusted_schema = OFF")
        if hasattr(conn, "setconfig"):  # Python 3.12 and later
            conn.setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)
        conn.set_progress_handler(budget, budget.STEP)
        conn.deserialize(data)
    except sqlite3.Error as err:
        conn.close()
        raise CorruptFileError(path, f"The file is damaged ({_detail(err)}).") from None
    return conn


def _check_integrity(path: Path, conn: sqlite3.Connection) -> None:
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.Error as err:
        raise CorruptFileError(path, f"The file is damaged ({_detail(err)}).") from None
    if problems != ["ok"]:
        lines = [line for p in problems for line in str(p).splitlines() if line and not line.startswith("***")]
        raise CorruptFileError(path, f"The file is damaged ({'; '.join(lines)}).")


def _check_tables(path: Path, conn: sqlite3.Connection, version: int) -> None:
    try:
        present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as err:
        raise CorruptFileError(path, f"The file is damaged ({_detail(err)}).") from None
    expected = TABLES_BY_VERSION[version]
    found = expected & present
    if len(found) < 2:  # a table name or two in common is a coincidence
        raise NotATdorgFileError(path, "This SQLite database does not hold tdorg's tables, so it is not a tdorg file.")
    missing = sorted(expected - present)
    if missing:
        raise CorruptFileError(path, f"The file is damaged: it lacks the table{'s' * (len(missing) > 1)} {', '.join(missing)}.")
    problem = schema_problem(conn, version)
    if problem:
        raise CorruptFileError(path, f"{problem} The file was made or changed by another program, so tdorg does not open it.")


def _check_role_count(path: Path, conn: sqlite3.Connection) -> None:
    """Refuse a file holding more roles than tdorg reads, before the rows are read."""
    (total,), = conn.execute("SELECT COUNT(*) FROM role")  # SQLite counts a table without reading its rows
    if total <= min(ROLES_MAX, FILE_ROLES_MAX):  # within both limits, however the scenarios share them
        return
    (total, most), = conn.execute(
        "SELECT COALESCE(SUM(n), 0), COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM role GROUP BY scenario_id)")
    if most > ROLES_MAX:
        raise CorruptFileError(path, too_many_roles(ROLES_MAX, "one scenario"))
    if total > FILE_ROLES_MAX:
        raise CorruptFileError(path, too_many_roles(FILE_ROLES_MAX, "all its scenarios"))


@contextmanager
def _collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while the rows and the chart's values are made: they hold no
    cycles, and the collector would otherwise walk the growing chart over and over."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_rows(conn: sqlite3.Connection) -> LoadedRows:
    """Every row, its values as stored (a yes/no is 0, 1 or anything else), for the mapping to check."""

    def rows(table: type, columns: tuple[str, ...], order: tuple[str, ...]) -> list[tuple]:
        query = f"SELECT {', '.join(columns)} FROM {table.__tablename__}"  # type: ignore[attr-defined]
        return conn.execute(query + (f" ORDER BY {', '.join(order)}" if order else "")).fetchall()

    return LoadedRows(**{name: rows(table, columns, order) for name, table, columns, order in READ_ROWS})


def _detail(err: BaseException) -> str:
    orig = getattr(err, "orig", None)
    text = str(orig if orig is not None else err).strip().splitlines()
    return (text[0] if text else type(err).__name__).rstrip(".")
