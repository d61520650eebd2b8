"""Checking how a ``.tdorg`` file's tables are defined, before any row is read.

A file can declare more than tables: computed (generated) columns, triggers,
views, virtual tables and indexes on expressions all run code when SQLite
reads or checks the rows, enough to stall a program or exhaust its memory.
tdorg writes none of them, so a file whose schema is not exactly one tdorg
writes is refused. The expected schema of the current version comes from the
ORM tables; that of an older version from its frozen DDL and the upgrade
steps up to it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import create_engine
from sqlalchemy.pool import StaticPool

from .migrations import UPGRADES, V1_DDL
from .tables import SCHEMA_VERSION, Base

#: Tables SQLite itself may add to any database (AUTOINCREMENT counters, ANALYZE statistics).
_SQLITE_TABLES = frozenset({"sqlite_sequence", "sqlite_stat1", "sqlite_stat4"})


@dataclass(frozen=True)
class Schema:
    #: Each table's columns with their type affinity.
    tables: dict[str, dict[str, str]]
    #: Indexes declared by name (the automatic ones of keys and UNIQUE are not listed).
    indexes: frozenset[str]


def schema_problem(conn: sqlite3.Connection, version: int) -> str | None:
    """Why the schema of ``conn`` is not the one tdorg writes for ``version`` (a sentence), or ``None``."""
    expected = expected_schema(version)
    for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master"):
        if kind in ("view", "trigger"):
            return f"It holds a {kind} “{name}”, which tdorg never writes."
        if kind == "table" and str(sql or "").lstrip().upper().startswith("CREATE VIRTUAL"):
            return f"It holds a virtual table “{name}”, which tdorg never writes."
        if kind == "table" and name not in expected.tables and name not in _SQLITE_TABLES:
            return f"It holds a table “{name}” that tdorg does not write."
        if kind == "index" and sql is not None and name not in expected.indexes:
            return f"It holds an index “{name}” that tdorg does not write."
    present = _columns(conn, tuple(expected.tables))
    for table, columns in expected.tables.items():
        found = present.get(table)
        if found is None:
            continue  # a missing table is reported on its own
        hidden = [name for name, (_affinity, flag) in found.items() if flag]
        if hidden:
            return f"The table {table} has a computed or hidden column {table}.{hidden[0]}, which tdorg never writes."
        extra = sorted(set(found) - set(columns))
        if extra:
            return f"The table {table} has a column {table}.{extra[0]} that tdorg does not write."
        missing = sorted(set(columns) - set(found))
        if missing:
            return f"The table {table} lacks the column {table}.{missing[0]}."
        for name, affinity in columns.items():
            if found[name][0] != affinity:
                return f"The column {table}.{name} is declared as {found[name][0]}, not {affinity}."
    return None


@lru_cache(maxsize=None)
def expected_schema(version: int) -> Schema:
    """The schema tdorg writes (or wrote) for ``version``."""
    conn = sqlite3.connect(":memory:")
    try:
        if version == SCHEMA_VERSION:
            Base.metadata.create_all(create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool))
        else:
            for statement in V1_DDL:
                conn.execute(statement)
            for step in range(1, version):
                UPGRADES[step](conn)
        return _describe(conn)
    finally:
        conn.close()


def _describe(conn: sqlite3.Connection) -> Schema:
    names = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    columns = _columns(conn, tuple(names))
    tables = {
        name: {column: affinity for column, (affinity, _hidden) in columns[name].items()}
        for name in names
        if name not in _SQLITE_TABLES
    }
    indexes = frozenset(name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
    return Schema(tables, indexes)


def _columns(conn: sqlite3.Connection, tables: tuple[str, ...]) -> dict[str, dict[str, tuple[str, int]]]:
    """Each column of each of ``tables`` the database holds, in one query: its type affinity and its
    ``hidden`` flag (0 for a plain column)."""
    query = ("SELECT m.name, x.name, x.type, x.hidden FROM sqlite_master AS m, pragma_table_xinfo(m.name) AS x "
             f"WHERE m.type = 'table' AND m.name IN ({', '.join('?' * len(tables))})")
    found: dict[str, dict[str, tuple[str, int]]] = {}
    for table, name, declared, hidden in conn.execute(query, tables):
        found.setdefault(table, {})[name] = (_affinity(declared or ""), hidden)
    return found


@lru_cache(maxsize=64)
def _affinity(declared: str) -> str:
    """The type affinity SQLite gives a column declared as ``declared`` (its rules, in its order)."""
    upper = declared.upper()
    if "INT" in upper:
        return "INTEGER"
    if any(word in upper for word in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if "BLOB" in upper or not upper:
        return "BLOB"
    if any(word in upper for word in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    return "NUMERIC"
