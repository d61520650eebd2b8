"""Errors of spreadsheet import and export, each a sentence for the user."""

from __future__ import annotations

from ..errors import FileError, TdorgError


class SpreadsheetError(FileError):
    """A spreadsheet that cannot be read or written; names the file and the reason."""


class MappingError(TdorgError):
    """A column mapping the user gave that does not fit the sheet's columns."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
