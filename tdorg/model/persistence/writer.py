"""Saving a document as a ``.tdorg`` file.

The database is built in memory, from an empty database of the ORM tables
(made once) and one bulk insert per table, compacted (``VACUUM``: each index
copied in its order, its pages full), then its bytes replace the target file
atomically (see :mod:`.fileio`).
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from ... import __version__
from ..document import Document
from ..errors import FileError
from ..file_state import Fingerprint
from ..files import write_bytes
from .mapping import WRITTEN_COLUMNS, BadData, document_rows
from .other_writers import check_no_other_writer
from .tables import APPLICATION_ID, SCHEMA_VERSION, Base


def save_document(doc: Document, path: str | Path) -> Fingerprint:
    """Write ``doc`` to ``path``; on any failure the previous file is unchanged.

    Refused while another SQLite program is changing the file. Returns the
    fingerprint of the file written.
    """
    path = Path(path)
    try:
        data = document_bytes(doc)
    except BadData as err:
        raise FileError(path, f"The file was not saved: {err}") from None
    except OverflowError:
        raise FileError(path, "The file was not saved: a number in the chart is too large to store.") from None
    except UnicodeError as err:
        raise FileError(path, f"The file was not saved: a text in the chart is not valid Unicode ({err}).") from None
    except (SQLAlchemyError, sqlite3.Error) as err:
        raise FileError(path, f"The file was not saved: the document could not be stored ({err}).") from None
    check_no_other_writer(path)
    return write_bytes(path, data)


def document_bytes(doc: Document) -> bytes:
    """The complete ``.tdorg`` file content for ``doc``."""
    rows = document_rows(doc, __version__)
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        conn.deserialize(_empty_file())
        with conn:  # one transaction
            for table, values in rows.items():
                if values:
                    columns = WRITTEN_COLUMNS[table]
                    conn.executemany(
                        f"INSERT INTO {table.__tablename__} ({', '.join(columns)}) "  # type: ignore[attr-defined]
                        f"VALUES ({', '.join('?' * len(columns))})",
                        values,
                    )
        conn.execute("VACUUM")  # each table and index copied in its order: their pages as full as file_size counts
        return conn.serialize()
    finally:
        conn.close()


@lru_cache(maxsize=1)
def _empty_file() -> bytes:
    """A ``.tdorg`` database with the current schema and no rows."""
    conn = sqlite3.connect(":memory:")
    try:
        Base.metadata.create_all(create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool))
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")
        conn.commit()
        return conn.serialize()
    finally:
        conn.close()
