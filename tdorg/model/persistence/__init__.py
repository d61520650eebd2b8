"""``.tdorg`` files: a document of named scenarios in an SQLite database.

- :func:`save_document` / :func:`open_document` write and read a whole
  :class:`~tdorg.model.document.Document`;
- :func:`save_chart` / :func:`open_chart` are conveniences for a single chart
  (saved as the only scenario, "Current"; opened as the active scenario).

Saving is atomic and opening never writes to the file. Failures raise the
typed errors of :mod:`tdorg.model.errors`: :class:`FileError` (missing file,
folder, permission), :class:`NotATdorgFileError`, :class:`CorruptFileError`
and :class:`TooNewFileError`.
"""

from __future__ import annotations

from pathlib import Path

from ..chart import Chart
from ..document import Document
from .reader import open_document
from .tables import APPLICATION_ID, SCHEMA_VERSION
from .writer import save_document

#: File name extension of tdorg files.
EXTENSION = ".tdorg"


def save_chart(chart: Chart, path: str | Path, name: str = "Current") -> None:
    """Save ``chart`` as a file whose only scenario is ``name``."""
    save_document(Document.of(chart, name), path)


def open_chart(path: str | Path) -> Chart:
    """The chart of the active scenario of the file at ``path``."""
    return open_document(path).chart


__all__ = [
    "APPLICATION_ID",
    "EXTENSION",
    "SCHEMA_VERSION",
    "open_chart",
    "open_document",
    "save_chart",
    "save_document",
]
