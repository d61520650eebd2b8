"""Saving a document as a ``.tdorg`` file.

The database is built in memory through the ORM tables with bulk inserts,
then its bytes replace the target file atomically (see :mod:`.fileio`).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, insert, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from ... import __version__
from ..document import Document
from ..errors import FileError
from ..file_state import Fingerprint
from ..files import write_bytes
from .mapping import BadData, document_rows
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
        engine = create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)
        Base.metadata.create_all(engine)
        with Session(engine) as session:
            for table, values in rows.items():
                if values:
                    session.execute(insert(table), values)
            session.execute(text(f"PRAGMA application_id = {APPLICATION_ID:d}"))
            session.execute(text(f"PRAGMA user_version = {SCHEMA_VERSION:d}"))
            session.commit()
        return conn.serialize()
    finally:
        conn.close()
