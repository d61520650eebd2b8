"""A role (position) in the technology department, as a plain value."""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, fields, replace
from itertools import repeat
from typing import Callable, Mapping, Sequence

from tdorg.lazy_imports import pattern

from .errors import FieldValueError, FteError
from .values import COST_MAX, NOTES_MAX, PERSON_MAX, TITLE_MAX, check_text, is_finite_number, shown, texts_fit
from .vocab import CATEGORIES, CORE_SERVICES, EMPLOYMENT_TYPES, FLAGS, SERVICE_AREAS

#: The category and the flag that make a role an assistant, hung beside its manager's connector.
ASSISTANT_CATEGORY = "admin_assistant"
ASSISTANT_FLAG = "assistant"

_ID = r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}"  # what a role id may be
_ID_RE = pattern(f"^{_ID}$")
#: Ids one to a line, each of them one :data:`_ID_RE` takes.
_ID_LINES_RE = pattern(f"(?:{_ID}\n)*")
_FUNCTION_RE = pattern(r"^[a-z0-9][a-z0-9_]{0,63}$")


@dataclass(frozen=True, slots=True)
class Role:
    """One position. Immutable: edits replace the value inside the chart.

    ``reports_to`` and ``dotted_to`` are the role's lines; the chart keeps
    them consistent with its own indexes, so change them through
    :class:`~tdorg.model.chart.Chart` operations only.
    """

    id: str
    title: str
    category: str = "other"
    person: str = ""
    reports_to: str | None = None
    dotted_to: tuple[str, ...] = ()
    fte: float = 1.0
    vacant: bool = False
    employment: str = "staff"
    flags: frozenset[str] = frozenset()
    service_areas: tuple[str, ...] = ()
    core_services: tuple[str, ...] = ()
    leads: tuple[str, ...] = ()
    backs_up: tuple[str, ...] = ()
    notes: str = ""
    annual_cost: float | None = None

    def has(self, flag: str) -> bool:
        return flag in self.flags

    def display_person(self) -> str:
        if self.vacant:
            return "Vacant"
        return self.person or "Unnamed"

    def with_changes(self, **changes: object) -> "Role":
        return replace(self, **changes)


def roles_from_columns(columns: Mapping[str, Sequence[object]], count: int) -> list[Role]:
    """``count`` roles whose fields are already checked, each field given as a column of values in role order:
    made a column at a time, without the per-role work of ``Role(...)``."""
    roles = list(map(object.__new__, repeat(Role, count)))
    for f in fields(Role):
        deque(map(getattr(Role, f.name).__set__, roles, columns[f.name]), maxlen=0)
    return roles


def is_assistant(role: Role) -> bool:
    """True for an admin assistant or a role marked as an assistant / staff position."""
    return role.category == ASSISTANT_CATEGORY or ASSISTANT_FLAG in role.flags


#: Fields a user edits through ``Chart.update_role`` (lines have their own operations).
EDITABLE_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(Role) if f.name not in ("id", "reports_to", "dotted_to")
)


def normalise_fields(changes: dict[str, object]) -> dict[str, object]:
    """Coerce lists to tuples/frozensets and check each value; raise on a bad one."""
    out: dict[str, object] = {}
    for name, value in changes.items():
        if name not in EDITABLE_FIELDS:
            raise FieldValueError(name, f"“{name}” is not a role field that can be edited this way.")
        out[name] = check_field(name, value)
    return out


def check_role(role: Role) -> Role:
    """Check every field of a whole role (used when roles are added or loaded)."""
    check_id(role.id)
    checks = _FIELD_CHECKS
    checked = {name: checks[name](getattr(role, name)) for name in EDITABLE_FIELDS}
    return Role(id=role.id, reports_to=role.reports_to, dotted_to=tuple(role.dotted_to), **checked)  # type: ignore[arg-type]


def check_id(role_id: object) -> str:
    if not isinstance(role_id, str) or not _ID_RE().match(role_id):
        raise FieldValueError(
            "id",
            f"Role id {shown(role_id)} is not valid: use 1–64 letters, digits, '_', '-' or '.', starting with a letter or digit.",
        )
    return role_id


def ids_valid(role_ids: Sequence[object]) -> bool:
    """True when :func:`check_id` takes every one of ``role_ids`` as it is, found in one pass over them all;
    False when one needs a look of its own."""
    if not role_ids:
        return True
    try:
        lines = "\n".join(role_ids)  # type: ignore[arg-type]
    except TypeError:  # not all text
        return False
    if lines.count("\n") != len(role_ids) - 1:  # an id holds a line break of its own
        return False
    return _ID_LINES_RE().fullmatch(lines + "\n") is not None


def check_fte(value: object, title: str = "") -> float:
    if isinstance(value, bool):
        raise FteError(value, title)
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        raise FteError(shown(value), title) from None
    if not math.isfinite(number) or number <= 0 or number > 1.0:
        raise FteError(value, title)
    return number


def check_field(name: str, value: object) -> object:
    """``value`` as the role field ``name`` keeps it (lists as tuples, texts stripped where they are);
    :class:`FieldValueError` or :class:`FteError` when it is not one the field can hold."""
    return field_check(name)(value)


def field_check(name: str) -> Callable[[object], object]:
    """The check of the role field ``name`` (see :func:`check_field`), to run on many values."""
    check = _FIELD_CHECKS.get(name)
    if check is None:
        raise FieldValueError(name, f"Unknown role field “{name}”.")
    return check


#: The longest text each text field keeps.
_TEXT_LIMITS = {"title": TITLE_MAX, "person": PERSON_MAX, "notes": NOTES_MAX}


def texts_as_kept(name: str, values: Sequence[object]) -> Sequence[str] | None:
    """The values of the text field ``name`` (title, person or notes) as the field keeps them, checked in a
    few passes over them all; ``None`` when one needs a look of its own, or ``name`` is not a text field."""
    limit = _TEXT_LIMITS.get(name)
    if limit is None or not texts_fit(values, limit):
        return None
    if name == "notes":
        return values  # type: ignore[return-value]  # all text, kept as it is
    kept = list(map(str.strip, values))  # type: ignore[arg-type]
    return kept if name == "person" or all(kept) else None


def _title(value: object) -> str:
    title = value.strip() if isinstance(value, str) else ""
    if not title:
        raise FieldValueError("title", "A role needs a title.")
    check_text("title", value, TITLE_MAX, "A title")
    return title


def _person(value: object) -> str:
    return "" if value is None else check_text("person", value, PERSON_MAX, "Person").strip()


def _notes(value: object) -> str:
    return "" if value is None else check_text("notes", value, NOTES_MAX, "Notes")


def _vacant(value: object) -> bool:
    if not isinstance(value, bool):
        raise FieldValueError("vacant", "Vacant must be yes or no.")
    return value


def _annual_cost(value: object) -> float | None:
    name = "annual_cost"
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise FieldValueError(name, "Annual cost must be a number.")
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            raise FieldValueError(name, f"Annual cost must be a number; got {shown(value)}.") from None
    if not is_finite_number(value) or not 0 <= value <= COST_MAX:  # type: ignore[operator]
        raise FieldValueError(name, f"Annual cost must be 0 or more, at most {COST_MAX:,}; got {shown(value)}.")
    return float(value)  # type: ignore[arg-type]


_FIELD_CHECKS: dict[str, Callable[[object], object]] = {
    "title": _title,
    "person": _person,
    "notes": _notes,
    "category": lambda value: _one_of("category", value, CATEGORIES, "category"),
    "employment": lambda value: _one_of("employment", value, EMPLOYMENT_TYPES, "employment type"),
    "fte": check_fte,
    "vacant": _vacant,
    "flags": lambda value: frozenset(_many_of("flags", value, FLAGS, "flag")),
    "service_areas": lambda value: _many_of("service_areas", value, SERVICE_AREAS, "service area"),
    "core_services": lambda value: _many_of("core_services", value, CORE_SERVICES, "core service"),
    "leads": lambda value: _functions("leads", value),
    "backs_up": lambda value: _functions("backs_up", value),
    "annual_cost": _annual_cost,
}


def _one_of(name: str, value: object, vocabulary: dict[str, str], what: str) -> str:
    if not isinstance(value, str) or value not in vocabulary:
        known = ", ".join(vocabulary)
        raise FieldValueError(name, f"Unknown {what} {shown(value)}; expected one of: {known}.")
    return value


def _as_list(name: str, value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(";") if v.strip()]
    if isinstance(value, (list, tuple, set, frozenset)):
        items = list(value)
        if not all(isinstance(v, str) for v in items):
            raise FieldValueError(name, f"{name.replace('_', ' ').capitalize()} must be a list of words.")
        return sorted(items) if isinstance(value, (set, frozenset)) else items
    raise FieldValueError(name, f"{name.replace('_', ' ').capitalize()} must be a list of words.")


def _dedupe(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _many_of(name: str, value: object, vocabulary: dict[str, str], what: str) -> tuple[str, ...]:
    items = _as_list(name, value)
    for item in items:
        if item not in vocabulary:
            known = ", ".join(vocabulary)
            raise FieldValueError(name, f"Unknown {what} {shown(item)}; expected one of: {known}.")
    return _dedupe(items)


def _functions(name: str, value: object) -> tuple[str, ...]:
    items = _as_list(name, value)
    for item in items:
        if not _FUNCTION_RE().match(item):
            raise FieldValueError(
                name, f"Function name {shown(item)} is not valid: use lower-case letters, digits and '_' (e.g. data_privacy)."
            )
    return _dedupe(items)
