"""Sheet rows read into role fields, with a problem for each cell that does not fit.

:func:`read_cells` and :func:`check_drafts` never raise for bad data: they
record a :class:`RowProblem` and keep a repaired value (the field's default,
or a guess) so the row can still be imported when the user asks for every
row. The model's own field checks run on all the rows' values together, a
column at a time (:mod:`~tdorg.model.role_columns`), and row by row only
when one of them refuses a value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..errors import EditError, FieldValueError
from ..formula_guard import unneutralise
from ..role import EDITABLE_FIELDS, Role, check_role
from ..role_columns import checked_fields
from .cells import (
    CellError,
    is_vacant_person,
    parse_category,
    parse_core_services,
    parse_employment,
    parse_flags,
    parse_fte,
    parse_functions,
    parse_money,
    parse_service_areas,
    parse_yes_no,
    split_list,
)

CategoryGuesser = Callable[[str], str]


@dataclass(frozen=True)
class RowProblem:
    """Why a sheet row cannot be imported as it is.

    ``row`` is the sheet's 1-based row number; ``field`` the importable field
    at fault (``None`` for the row as a whole); ``kind`` a stable code
    (``empty_title``, ``fte``, ``duplicate_id``, ``unknown_manager``,
    ``ambiguous_manager``, ``self_report``, ``cycle``, ``bad_value``; and, for
    rows that are imported anyway, ``manager_skipped``, ``unknown_dotted``,
    ``ambiguous_dotted``, ``dotted_skipped``, ``over_allocated``).
    ``imported`` is true when the row is still imported with the change the
    reason describes; ``repair`` says what importing every row does with it.
    """

    row: int
    reason: str
    field: str | None = None
    kind: str = "bad_value"
    imported: bool = False
    repair: str = ""

    def __str__(self) -> str:
        return f"row {self.row}: {self.reason}"


@dataclass
class Draft:
    """A row on its way to becoming a role."""

    row: int
    raw_id: str
    values: dict[str, object]
    manager_ref: str
    dotted_refs: list[str]
    problems: list[RowProblem] = field(default_factory=list)
    category_guessed: bool = False
    id: str = ""
    sheet_title: str = ""

    @property
    def bad(self) -> bool:
        return any(not p.imported for p in self.problems)

    @property
    def label(self) -> str:
        return f"“{self.sheet_title}” (row {self.row})" if self.sheet_title else f"row {self.row}"

    def add(self, reason: str, field: str | None, kind: str = "bad_value", repair: str = "", imported: bool = False) -> None:
        self.problems.append(RowProblem(self.row, reason, field, kind, imported, repair))


_DEFAULTS = {"person": "", "category": "other", "employment": "staff", "notes": "", "annual_cost": None,
             "flags": frozenset(), "service_areas": (), "core_services": (), "leads": (), "backs_up": ()}
_LIST_PARSERS = {
    "flags": parse_flags,
    "service_areas": parse_service_areas,
    "core_services": parse_core_services,
    "leads": parse_functions,
    "backs_up": parse_functions,
}


def read_cells(
    number: int, cells: tuple[str, ...], columns: dict[str, int], guesser: CategoryGuesser, fte_percent: bool = False
) -> Draft:
    """A draft from one row's cells, its values not yet through the model's checks (see :func:`check_drafts`);
    ``columns`` maps fields to column indexes (see ``ColumnMapping.mapped``).

    With ``fte_percent`` (an "FTE %" column) a bare number in the FTE cell is a percentage.
    """
    width = len(cells)
    text = {name: cells[index] for name, index in columns.items() if index < width and cells[index]}  # no empty cells
    for name, value in text.items():
        text[name] = (unneutralise(value) if value[0] == "'" else value).strip()
    get = text.get

    title = get("title", "")
    person = get("person", "") or " ".join(p for p in (get("first_name", ""), get("last_name", "")) if p)
    draft = Draft(number, get("id", ""), {}, get("manager", ""), split_list(get("dotted_to", ""), ";"), sheet_title=title)
    values = draft.values
    if not title:
        title = f"Untitled (row {number})"
        draft.add("The title is empty; every role needs a title.", "title", "empty_title", f"imported as “{title}”")
    values["title"] = title
    vacant = is_vacant_person(person)
    values["person"] = "" if vacant else person
    if get("vacant", ""):
        try:
            vacant = parse_yes_no(get("vacant", "")) or vacant
        except CellError as error:
            draft.add(str(error), "vacant", repair="imported as filled")
    values["vacant"] = vacant
    values["fte"] = 1.0
    if get("fte", ""):
        try:
            fte = get("fte", "")
            values["fte"] = parse_fte(fte + "%" if fte_percent and not fte.endswith("%") else fte)
        except CellError as error:
            draft.add(str(error), "fte", "fte", "imported with FTE 1.0")
    guess = None
    if get("category", ""):
        try:
            values["category"] = parse_category(get("category", ""))
        except CellError as error:
            guess = _guess(guesser, title)
            draft.add(str(error), "category", repair=f"imported as {guess}")
    if "category" not in values:
        values["category"] = guess or _guess(guesser, title)
        draft.category_guessed = True
    values["employment"] = "staff"
    if get("employment", ""):
        try:
            values["employment"] = parse_employment(get("employment", ""))
        except CellError as error:
            draft.add(str(error), "employment", repair="imported as staff")
    values["annual_cost"] = None
    try:
        values["annual_cost"] = parse_money(get("annual_cost", ""))
    except CellError as error:
        draft.add(str(error), "annual_cost", repair="imported without a cost")
    for name, parse in _LIST_PARSERS.items():
        values[name] = _DEFAULTS[name]
        if get(name, ""):
            try:
                values[name] = parse(get(name, ""))
            except CellError as error:
                draft.add(str(error), name, repair="imported without them")
    values["notes"] = _notes(get("notes", ""), get("department", ""), get("location", ""))
    return draft


def _guess(guesser: CategoryGuesser, title: str) -> str:
    try:
        return str(guesser(title))
    except Exception:  # a caller's guesser that fails leaves the role uncategorised
        return "other"


def _notes(notes: str, department: str, location: str) -> str:
    lines = [notes] if notes else []
    if department:
        lines.append(f"Department: {department}")
    if location:
        lines.append(f"Location: {location}")
    return "\n".join(lines)


def check_drafts(drafts: list[Draft]) -> None:
    """Run the model's own field checks on every draft's values: a column at a time, or, when a value is
    refused there, draft by draft, each failure a problem and a default."""
    columns = {name: [draft.values[name] for draft in drafts] for name in EDITABLE_FIELDS}
    try:
        checked = checked_fields(columns, lambda _n, err: err)
    except EditError:
        for draft in drafts:
            _check_values(draft)
        return
    for name, column in checked.items():
        if column is not columns[name]:
            for draft, value in zip(drafts, column):
                draft.values[name] = value


def _check_values(draft: Draft) -> None:
    """Run the model's own field checks; each failure becomes a problem and a default."""
    values = draft.values
    for _ in range(len(values) + 1):
        try:
            checked = check_role(Role(id="row", **values))  # type: ignore[arg-type]
        except FieldValueError as error:
            name = error.field
            draft.add(str(error), name if name in values else None, repair=_repair(values, name))
            continue
        except EditError as error:
            draft.add(str(error), "fte", "fte", "imported with FTE 1.0")
            values["fte"] = 1.0
            continue
        values.update({k: getattr(checked, k) for k in values})
        return


def _repair(values: dict[str, object], name: str) -> str:
    if name == "title":
        values["title"] = str(values["title"])[:200].strip()
        return "imported with the title cut to 200 characters"
    if name == "notes":
        values["notes"] = str(values["notes"])[:10_000]
        return "imported with the notes cut to 10,000 characters"
    values[name] = _DEFAULTS.get(name)
    return f"imported without the {name.replace('_', ' ')}"
