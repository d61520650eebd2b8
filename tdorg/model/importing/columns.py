"""Which sheet column feeds which role field: guessed from the headers, fixed by the user.

:func:`guess_mapping` recognises the headers HR exports and hand-made sheets
use (case, spaces and punctuation do not matter); the result is a plain
:class:`ColumnMapping` a dialog can show and edit field by field, and
:func:`apply_overrides` applies the ``field=Column`` corrections a user types
on the command line.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from typing import Iterable, Sequence

from .errors import MappingError

#: Importable fields, in the order a dialog lists them, with their labels.
FIELD_LABELS: dict[str, str] = {
    "id": "Position ID",
    "title": "Title",
    "person": "Person (full name)",
    "first_name": "First name",
    "last_name": "Last name",
    "manager": "Manager / reports to",
    "fte": "FTE",
    "category": "Category",
    "vacant": "Vacant",
    "annual_cost": "Annual cost",
    "department": "Department (kept in notes)",
    "location": "Location (kept in notes)",
    "employment": "Employment type",
    "dotted_to": "Dotted lines to",
    "flags": "Flags",
    "service_areas": "Service areas",
    "core_services": "Core services",
    "leads": "Functions led",
    "backs_up": "Functions backed up",
    "notes": "Notes",
}

#: Headers recognised for each field, as normalised by :func:`normalise_header`, best first.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("id", "positionid", "roleid", "positionnumber", "posid", "positioncode", "employeeid", "employeenumber",
           "empid", "staffid", "personid"),
    "title": ("title", "jobtitle", "positiontitle", "roletitle", "position", "role", "job", "jobname", "positionname"),
    "person": ("person", "name", "employee", "employeename", "fullname", "staffname", "incumbent", "personname",
               "staffmember", "holder"),
    "first_name": ("firstname", "givenname", "first", "preferredname"),
    "last_name": ("lastname", "surname", "familyname", "last"),
    "manager": ("reportsto", "manager", "supervisor", "managername", "supervisorname", "reportstoid", "managerid",
                "supervisorid", "reportingto", "reportstoposition", "managerpositionid", "parentid", "boss"),
    "fte": ("fte", "fulltimeequivalent", "ftes"),
    "category": ("category", "roletype", "rolecategory", "positioncategory"),
    "vacant": ("vacant", "vacancy", "isvacant", "vacantposition"),
    "annual_cost": ("annualcost", "salary", "cost", "annualsalary", "totalcost", "budget", "compensation",
                    "salaryandbenefits", "salarybenefits"),
    "department": ("department", "dept", "departmentname", "division", "unit", "team"),
    "location": ("location", "building", "site", "school", "campus", "worklocation", "buildingname", "sitename"),
    "employment": ("employment", "employmenttype", "employeetype", "employmentstatus", "contracttype"),
    "dotted_to": ("dottedto", "dottedline", "dottedlines", "dottedlineto", "dotted", "matrixmanager",
                  "dottedlinemanager"),
    "flags": ("flags", "flag"),
    "service_areas": ("serviceareas", "servicearea"),
    "core_services": ("coreservices", "coreservice"),
    "leads": ("leads", "leadfor", "lead", "functionsled"),
    "backs_up": ("backsup", "backupfor", "backup", "functionsbackedup"),
    "notes": ("notes", "note", "comments", "comment", "remarks"),
}

#: Second pass, for fields still without a column: a header containing one of these words.
_CONTAINS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("manager", ("reportsto", "supervisor", "manager")),
    ("location", ("building", "location", "campus")),
    ("department", ("department", "dept")),
    ("annual_cost", ("salary", "cost")),
    ("fte", ("fte",)),
    ("title", ("title", "position")),
    ("person", ("name", "employee")),
)

_NON_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


def normalise_header(text: str) -> str:
    """A header reduced to lower-case letters and digits ("Reports-To " → "reportsto")."""
    return _NON_ALNUM.sub("", text.replace("#", "number").casefold())


@dataclass(frozen=True)
class ColumnMapping:
    """For each importable field, the 0-based index of the column that feeds it, or ``None``."""

    id: int | None = None
    title: int | None = None
    person: int | None = None
    first_name: int | None = None
    last_name: int | None = None
    manager: int | None = None
    fte: int | None = None
    category: int | None = None
    vacant: int | None = None
    annual_cost: int | None = None
    department: int | None = None
    location: int | None = None
    employment: int | None = None
    dotted_to: int | None = None
    flags: int | None = None
    service_areas: int | None = None
    core_services: int | None = None
    leads: int | None = None
    backs_up: int | None = None
    notes: int | None = None

    def column(self, field: str) -> int | None:
        check_field(field)
        return getattr(self, field)

    def with_column(self, field: str, column: int | None) -> "ColumnMapping":
        """A copy with ``field`` fed by ``column`` (``None``: not imported)."""
        check_field(field)
        if column is not None and (not isinstance(column, int) or isinstance(column, bool) or column < 0):
            raise MappingError(f"A column number must be 0 or more; got {column!r}.", field)
        return replace(self, **{field: column})

    def as_dict(self) -> dict[str, int | None]:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, int | None]) -> "ColumnMapping":
        for name in values:
            check_field(name)
        return cls(**values)

    def mapped(self) -> dict[str, int]:
        """Fields that have a column, in dialog order."""
        return {name: index for name, index in self.as_dict().items() if index is not None}

    def check(self, headers: Sequence[str]) -> None:
        """Raise :class:`MappingError` when the mapping cannot be used with ``headers``."""
        for name, index in self.mapped().items():
            if index >= len(headers):
                raise MappingError(
                    f"{FIELD_LABELS[name]} is set to column {index + 1}, but the sheet has {len(headers)} columns.", name
                )
        if self.title is None:
            shown = [h.strip()[:30] or f"column {n + 1}" for n, h in enumerate(headers[:8])]
            more = f" and {len(headers) - 8} more" if len(headers) > 8 else ""
            found = f"the sheet's columns are “{'”, “'.join(shown)}”{more}" if shown else "the sheet has no columns"
            raise MappingError(
                f"Choose the column that holds the position titles; every role needs a title ({found}).", "title"
            )

    def describe(self, headers: Sequence[str]) -> list[tuple[str, str, str | None]]:
        """``(field, label, header or None)`` for every field, for display."""
        out = []
        for name, index in self.as_dict().items():
            header = None
            if index is not None:
                header = headers[index] if index < len(headers) and headers[index] else f"column {index + 1}"
            out.append((name, FIELD_LABELS[name], header))
        return out


#: The name the issue and the documentation use for a column mapping.
Mapping = ColumnMapping

_FIELD_ALIASES: dict[str, str] = {
    "reportsto": "manager",
    "supervisor": "manager",
    "name": "person",
    "employee": "person",
    "position": "title",
    "positionid": "id",
    "cost": "annual_cost",
    "salary": "annual_cost",
    "building": "location",
    "site": "location",
}


def check_field(field: str) -> str:
    if field not in FIELD_LABELS:
        raise MappingError(f"“{field}” is not an importable field; the fields are: {', '.join(FIELD_LABELS)}.", field)
    return field


def field_named(text: str) -> str:
    """The field a user means by ``text`` ("reports to", "Manager", "annual_cost"…)."""
    key = normalise_header(text)
    for name, label in FIELD_LABELS.items():
        if key in (normalise_header(name), normalise_header(label)):
            return name
    if key in _FIELD_ALIASES:
        return _FIELD_ALIASES[key]
    raise MappingError(f"“{text}” is not an importable field; the fields are: {', '.join(FIELD_LABELS)}.")


def guess_mapping(headers: Sequence[str]) -> ColumnMapping:
    """The mapping the headers suggest; each column feeds at most one field."""
    keys = [normalise_header(h) for h in headers]
    taken: set[int] = set()
    chosen: dict[str, int] = {}
    for name, synonyms in SYNONYMS.items():
        best: tuple[int, int] | None = None
        for index, key in enumerate(keys):
            if index in taken or key not in synonyms:
                continue
            rank = (synonyms.index(key), index)
            if best is None or rank < best:
                best = rank
        if best is not None:
            chosen[name] = best[1]
            taken.add(best[1])
    for name, words in _CONTAINS:
        if name in chosen:
            continue
        for index, key in enumerate(keys):
            if index not in taken and any(word in key for word in words):
                chosen[name] = index
                taken.add(index)
                break
    if "person" in chosen:
        chosen.pop("first_name", None)
        chosen.pop("last_name", None)
    return ColumnMapping(**chosen)


def column_named(text: str, headers: Sequence[str]) -> int:
    """The column a user means: its header (any case or spacing) or its 1-based number."""
    exact = [i for i, h in enumerate(headers) if h == text]
    if exact:
        return exact[0]
    key = normalise_header(text)
    loose = [i for i, h in enumerate(headers) if key and normalise_header(h) == key]
    if loose:
        return loose[0]
    if text.strip().isdigit() and 1 <= int(text) <= len(headers):
        return int(text) - 1
    shown = ", ".join(f"“{h}”" for h in headers if h)
    raise MappingError(f"The sheet has no column “{text}”; its columns are: {shown}.")


def apply_overrides(mapping: ColumnMapping, specs: Iterable[str], headers: Sequence[str]) -> ColumnMapping:
    """Apply ``field=Column`` corrections; ``field=`` stops importing that field."""
    for spec in specs:
        if "=" not in spec:
            raise MappingError(f"“{spec}” is not a mapping; write field=Column, e.g. manager=\"Reports To\".")
        left, right = spec.split("=", 1)
        field = field_named(left)
        column = column_named(right.strip(), headers) if right.strip() else None
        mapping = mapping.with_column(field, column)
    return mapping


__all__ = [
    "ColumnMapping",
    "FIELD_LABELS",
    "Mapping",
    "SYNONYMS",
    "apply_overrides",
    "column_named",
    "field_named",
    "guess_mapping",
    "normalise_header",
]
