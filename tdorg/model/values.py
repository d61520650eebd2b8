"""The limits every text and number of a chart keeps, wherever it comes from.

Roles, district facts and rule settings check their values with these when
they are built, so the editor, every file reader and the import refuse the
same things with the same sentences, and whatever tdorg holds it can save.
"""

from __future__ import annotations

import math
from typing import Protocol, Sequence

from .errors import EditError, FieldValueError, TooManyRolesError

#: Longest role title and person name (the editor's fields stop there too).
TITLE_MAX = 200
PERSON_MAX = 200
#: Longest district name, state-wide grade list or rule/threshold name.
NAME_MAX = 200
#: Longest free text: a role's notes, the chart's notes, a reason a rule is off.
NOTES_MAX = 10_000
#: Most roles in one chart (twice the largest chart the editor is measured with) and in one file.
#: The editor refuses to grow a chart or a file past them, so whatever it saves it can open again.
ROLES_MAX = 100_000
FILE_ROLES_MAX = 200_000
#: Largest count of students, teachers, staff or devices.
COUNT_MAX = 100_000_000
#: Largest number of buildings of one level.
BUILDINGS_MAX = 100_000
#: Largest annual cost of a role.
COST_MAX = 1_000_000_000_000


def too_many_roles(limit: int = ROLES_MAX, where: str = "a chart") -> str:
    return f"The file holds more than {limit:,} roles in {where}; tdorg reads at most {limit:,}."


class FileRoom:
    """The roles a file's scenarios may hold together, and the bytes of rows, and how much their charts took.

    A scenario's chart takes the most roles, and bytes, it has held since it joined the file (its
    :class:`ChartRoom`'s peaks): its undo history can bring back whatever was deleted since, so an undo or
    redo, which asks for no room, can never take the file past its limits. Only an edit that takes a chart
    past its peak asks for room, in a few operations, whatever the number of scenarios.
    """

    __slots__ = ("limit", "taken", "bytes_limit", "bytes_taken", "too_large")

    def __init__(self, limit: int, bytes_limit: int, too_large: str) -> None:
        """``too_large`` says why an edit that would take the file past ``bytes_limit`` is refused."""
        self.limit, self.bytes_limit, self.too_large = limit, bytes_limit, too_large
        self.taken = self.bytes_taken = 0

    def check(self, more: int) -> None:
        """Raise :class:`TooManyRolesError` when ``more`` roles would take the file past its limit."""
        if self.taken + more > self.limit:
            raise TooManyRolesError(self.limit, "A file's scenarios together")


class KeptBytes(Protocol):
    """What a chart takes in a file, kept as it changes (:class:`.file_size.KeptSize`)."""

    bytes: int

    def close(self) -> None: ...


class ChartRoom:
    """The room one chart has taken in its file (none while it is in no file)."""

    __slots__ = ("file", "peak", "size", "bytes_peak")

    def __init__(self) -> None:
        self.file: FileRoom | None = None
        self.size: KeptBytes | None = None
        self.peak = self.bytes_peak = 0

    def join(self, file: FileRoom, roles: int, size: KeptBytes) -> None:
        """Take room for the chart's ``roles`` (already checked to fit) and ``size`` in ``file``."""
        self.file, self.peak, self.size, self.bytes_peak = file, roles, size, size.bytes
        file.taken += roles
        file.bytes_taken += size.bytes

    def leave(self) -> None:
        """Give the chart's room back to its file."""
        if self.file is not None:
            self.file.taken -= self.peak
            self.file.bytes_taken -= self.bytes_peak
        if self.size is not None:
            self.size.close()
        self.file, self.size = None, None
        self.peak = self.bytes_peak = 0

    def grow(self, roles: int) -> None:
        """Take room for the chart to hold ``roles`` roles, or raise :class:`TooManyRolesError` unchanged."""
        more = roles - self.peak
        if more <= 0 or self.file is None:
            return
        self.file.check(more)
        self.file.taken += more
        self.peak = roles

    def settle(self) -> None:
        """After an edit, take room for the bytes the chart now takes in its file; raise :class:`EditError`
        when the file would be larger than tdorg reads (the edit is then undone)."""
        file, size = self.file, self.size
        if file is None or size is None:
            return
        more = size.bytes - self.bytes_peak
        if more <= 0:
            return
        if file.bytes_taken + more > file.bytes_limit:
            raise EditError(file.too_large)
        file.bytes_taken += more
        self.bytes_peak = size.bytes


def shown(value: object) -> str:
    """``value`` for a message, short even when the value is huge."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        digits = int(value.bit_length() * math.log10(2)) + 1
        return f"a number of about {digits:,} digits"
    if isinstance(value, str) and len(value) > 60:
        return repr(value[:60] + "…")
    text = repr(value)
    return text if len(text) <= 80 else text[:79] + "…"


def is_finite_number(value: object) -> bool:
    """True for an int or float that is neither NaN nor infinite (yes/no values are not numbers)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return isinstance(value, int) or math.isfinite(value)


def text_problem(value: str, limit: int) -> str | None:
    """Why ``value`` cannot be kept as text (too long, or not valid Unicode), or ``None``."""
    if len(value) > limit:
        return f"can be at most {limit:,} characters long (this one has {len(value):,})"
    if "\x00" in value:  # no text file could hold it
        return f"holds a NUL character, which is not text (at character {value.index(chr(0)) + 1:,})"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        return f"holds a character that is not valid text (at character {err.start + 1:,})"
    return None


#: Texts looked at together by :func:`texts_fit`: at most this many times the limit in characters at once.
_TEXTS_AT_ONCE = 1024


def texts_fit(values: Sequence[object], limit: int) -> bool:
    """True when :func:`check_text` keeps every one of ``values`` as it is, found a thousand or so at a
    time; False when one needs a look of its own."""
    try:
        if max(map(len, values), default=0) > limit:  # type: ignore[arg-type]
            return False
        for start in range(0, len(values), _TEXTS_AT_ONCE):
            joined = "".join(values[start : start + _TEXTS_AT_ONCE])  # type: ignore[arg-type]
            if text_problem(joined, len(joined)) is not None:
                return False
    except TypeError:  # not all text
        return False
    return True


def check_text(field: str, value: object, limit: int, what: str) -> str:
    """``value`` when it is text within ``limit`` characters and valid Unicode; else :class:`FieldValueError`.

    ``what`` names the value at the start of a sentence, e.g. "The district name".
    """
    if not isinstance(value, str):
        raise FieldValueError(field, f"{what} must be text; got {shown(value)}.")
    problem = text_problem(value, limit)
    if problem:
        raise FieldValueError(field, f"{what} {problem}.")
    return value


def check_count(field: str, value: object, limit: int, what: str) -> int | None:
    """``value`` when it is ``None`` or a whole number from 0 to ``limit``; else :class:`FieldValueError`."""
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= limit:
        raise FieldValueError(field, f"{what} must be a whole number of 0 or more, at most {limit:,}; got {shown(value)}.")
    return value
