"""Checking the fields of many roles a column at a time, as :func:`~.role.check_role` checks one role.

A reader holding many roles (a ``.tdorg`` file, a CSV or JSON chart, an imported sheet) gives each field
as a column of values in role order. The texts of a column are checked in a few passes over them all
(:func:`~.role.texts_as_kept`); any other value that many roles share, such as a category or a list of
flags, is checked the first time only, as its check depends on the value alone. A value those passes
cannot vouch for is checked on its own, so the error names it.
"""

from __future__ import annotations

from typing import Callable, Mapping, Sequence

from .errors import EditError
from .role import EDITABLE_FIELDS, field_check, texts_as_kept

#: Python types of values that can be equal without being the same value (1 == 1.0).
_NUMBERS = frozenset({int, float, bool})
#: What a reader makes of a refused value: the index of its role and the error (raised by the caller).
Refusal = Callable[[int, Exception], Exception]


def checked_column(
    check: Callable[[object], object],
    column: Sequence[object],
    refused: Refusal,
    errors: tuple[type[Exception], ...] = (EditError,),
) -> Sequence[object]:
    """Every value of one role field, checked; each distinct value once when no two could be equal yet differ.
    The first value that ``check`` refuses with one of ``errors`` raises ``refused(index, error)``."""
    try:
        distinct = set(column)
    except TypeError:  # a value that cannot be compared (a reader's odd data): one by one
        distinct = None
    if distinct is None or len({type(v) for v in distinct} & _NUMBERS) > 1:
        out: list[object] = []
        for n, value in enumerate(column):
            try:
                out.append(check(value))
            except errors as err:
                raise refused(n, err) from None
        return out
    checked: dict[object, object] = {}
    for value in distinct:
        try:
            checked[value] = check(value)
        except errors as err:
            raise refused(column.index(value), err) from None
    if all(result is value for value, result in checked.items()):
        return column  # every value kept as it is
    return list(map(checked.__getitem__, column))


def checked_fields(
    columns: Mapping[str, Sequence[object]],
    refused: Refusal,
    check_for: Callable[[str], Callable[[object], object]] = field_check,
    errors: tuple[type[Exception], ...] = (EditError,),
) -> dict[str, Sequence[object]]:
    """Every editable field's column of ``columns``, checked (see :func:`checked_column`); ``check_for``
    gives a field's check, for a reader whose values need turning into the field's first (a stored list)."""
    out: dict[str, Sequence[object]] = {}
    for name in EDITABLE_FIELDS:
        texts = texts_as_kept(name, columns[name])
        out[name] = checked_column(check_for(name), columns[name], refused, errors) if texts is None else texts
    return out
