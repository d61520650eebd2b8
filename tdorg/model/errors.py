"""Typed errors with a human sentence.

Every error tdorg raises towards a user derives from :class:`TdorgError`; its
``str()`` is a complete sentence that can be shown as it is, in a dialog or on
the command line. Edit errors leave the chart unchanged; file errors name the
file and the reason.
"""

from __future__ import annotations


class TdorgError(Exception):
    """Base of every error that carries a message meant for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


# --- edit errors ---------------------------------------------------------


class EditError(TdorgError):
    """An edit was refused; the chart is unchanged."""


class UnknownRoleError(EditError):
    def __init__(self, role_id: str, context: str = "") -> None:
        where = f" ({context})" if context else ""
        super().__init__(f"There is no role with id “{role_id}”{where}.")
        self.role_id = role_id


class DuplicateIdError(EditError):
    def __init__(self, role_id: str) -> None:
        super().__init__(f"A role with id “{role_id}” already exists; ids must be unique.")
        self.role_id = role_id


class SelfReportError(EditError):
    def __init__(self, role_id: str, title: str = "") -> None:
        name = title or role_id
        super().__init__(f"“{name}” cannot report to itself.")
        self.role_id = role_id


class CycleError(EditError):
    def __init__(
        self, role_id: str, manager_id: str, role_title: str = "", manager_title: str = "", loop: list[str] | None = None
    ) -> None:
        if loop:
            path = " → ".join(f"“{t}”" for t in [*loop, loop[0]])
            message = f"The reporting lines make a loop: {path}; someone in it must report outside the loop."
        else:
            message = (
                f"“{role_title or role_id}” cannot report to “{manager_title or manager_id}”, "
                f"because “{manager_title or manager_id}” already reports, directly or indirectly, "
                f"to “{role_title or role_id}”; that would make a reporting loop."
            )
        super().__init__(message)
        self.loop = loop or []
        self.role_id = role_id
        self.manager_id = manager_id


class FteError(EditError):
    def __init__(self, value: object, title: str = "") -> None:
        who = f" for “{title}”" if title else ""
        super().__init__(
            f"FTE{who} must be a number greater than 0 and at most 1.0 (one full-time position); got {value!r}."
        )
        self.value = value


class PersonOverAllocatedError(EditError):
    def __init__(self, person: str, total: float, limit: float = 1.0) -> None:
        most = f"{limit:.1f}" if float(limit * 10).is_integer() else f"{limit:g}"
        why = " (the chart's STR-2 threshold)" if limit != 1.0 else ""
        super().__init__(f"{person} would hold {total:g} FTE across roles; one person can hold at most {most} FTE{why}.")
        self.person = person
        self.total = total


class TooManyRolesError(EditError):
    """An edit would make a chart, or a file's scenarios together, hold more roles than a file may."""

    def __init__(self, limit: int, where: str = "A chart") -> None:
        super().__init__(f"{where} can hold at most {limit:,} roles, so no more can be added; a chart "
                         f"this size opens again only while it stays within that.")
        self.limit = limit


class FieldValueError(EditError):
    """A field got a value of the wrong kind or outside its vocabulary."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


# --- file errors ---------------------------------------------------------


class FileError(TdorgError):
    """A file could not be read or written; names the file and the reason."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class NotATdorgFileError(FileError):
    """Not SQLite at all, or SQLite written by another program."""


class CorruptFileError(FileError):
    """A tdorg file that is truncated, damaged, or holds inconsistent data."""


class TooNewFileError(FileError):
    """Written by a newer tdorg whose schema this version does not know."""


class FormatError(FileError):
    """A JSON or CSV file with a problem at a named place."""

    def __init__(self, path: object, reason: str, line: int | None = None, field: str | None = None) -> None:
        where = []
        if line is not None:
            where.append(f"line {line}")
        if field:
            where.append(f"field “{field}”")
        prefix = f"{', '.join(where)}: " if where else ""
        super().__init__(path, prefix + reason)
        self.line = line
        self.field = field
