"""The responsibility matrix: who leads and who backs up each function.

[FORUM]'s first lesson is "define who is responsible for what and who is
back-up". Rows are functions: every function a role leads or backs up, and
the framework's essential (FUN-1) and critical (EMP-1) functions, so one that
nobody owns still shows. Columns are people: the filled roles of one person
(matched by :func:`~tdorg.model.chart.holder_key`) share a column; a vacant
position is a plan, not a person, and has a column of its own marked vacant;
so has a filled role that names no one.

A function is *unowned* when no filled role leads it, and *single-person*
when its filled leads and backups are all one person: a vacant backup is no
backup. The load of a column is the number of functions it leads and backs
up, and the person's FTE summed over all their roles. One pass over the roles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from .chart import Chart, holder_key
from .role import Role
from .rules.context import Context
from .vocab import CRITICAL_FUNCTIONS, ESSENTIAL_FUNCTIONS, FUNCTIONS, label

#: A row's status.
COVERED = "covered"
UNOWNED = "unowned"
SINGLE_PERSON = "single_person"

STATUS_LABELS = {COVERED: "", UNOWNED: "Unowned", SINGLE_PERSON: "One person"}

LEAD_MARK, BACKUP_MARK, BOTH_MARK = "L", "B", "L/B"

#: Functions shown even when no role names them.
REQUIRED_FUNCTIONS: tuple[str, ...] = tuple(dict.fromkeys(ESSENTIAL_FUNCTIONS + CRITICAL_FUNCTIONS))


@dataclass(frozen=True)
class Column:
    """One person (or one vacant or unnamed role) and their load."""

    heading: str
    role_ids: tuple[str, ...]
    titles: tuple[str, ...]
    vacant: bool
    fte: float
    functions_led: int
    functions_backed_up: int
    named: bool = True  # the heading is a person's name, not a role's title

    @property
    def label(self) -> str:
        """The heading as a column title: a vacant position says so."""
        return f"{self.heading} (vacant)" if self.vacant else self.heading

    @property
    def who(self) -> str:
        """The person's name, or the role's title in quotes when it names no one."""
        return self.heading if self.named else f"“{self.heading}”"

    @property
    def detail(self) -> str:
        """What the heading leaves out: the roles a person holds, or that a position is vacant."""
        if self.vacant:
            return "Vacant position (planned)"
        if not self.named:
            return "No person named"
        return "; ".join(self.titles)


@dataclass(frozen=True)
class Cell:
    """The roles of one column that lead and back up one function."""

    leads: tuple[str, ...] = ()
    backups: tuple[str, ...] = ()

    @property
    def mark(self) -> str:
        if self.leads and self.backups:
            return BOTH_MARK
        return LEAD_MARK if self.leads else BACKUP_MARK

    @property
    def role_id(self) -> str:
        """The role to show for the cell: a lead before a backup."""
        return (self.leads or self.backups)[0]


@dataclass(frozen=True)
class Row:
    """One function: its cells by column index, and whether it is owned and backed up."""

    function: str
    label: str
    required: bool
    cells: Mapping[int, Cell]
    status: str
    note: str

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class Matrix:
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    _column_of_role: Mapping[str, int] = field(default_factory=dict, repr=False)

    def column_of(self, role_id: str) -> int | None:
        """The column holding ``role_id``, if it leads or backs up anything."""
        return self._column_of_role.get(role_id)

    @property
    def unowned(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.status == UNOWNED)

    @property
    def single_person(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.status == SINGLE_PERSON)

    def as_dict(self) -> dict[str, object]:
        def holders(row: Row, which: str) -> list[dict[str, object]]:
            return [
                {"name": self.columns[c].heading, "vacant": self.columns[c].vacant, "roles": list(ids)}
                for c, cell in row.cells.items()
                if (ids := getattr(cell, which))
            ]

        return {
            "functions": [
                {
                    "function": r.function,
                    "label": r.label,
                    "required": r.required,
                    "status": r.status,
                    "note": r.note,
                    "leads": holders(r, "leads"),
                    "backups": holders(r, "backups"),
                }
                for r in self.rows
            ],
            "people": [
                {
                    "name": c.heading,
                    "vacant": c.vacant,
                    "roles": [{"id": i, "title": t} for i, t in zip(c.role_ids, c.titles)],
                    "functions_led": c.functions_led,
                    "functions_backed_up": c.functions_backed_up,
                    "fte": round(c.fte, 4),
                }
                for c in self.columns
            ],
            "unowned": [r.function for r in self.unowned],
            "single_person": [r.function for r in self.single_person],
        }


def responsibility_matrix(chart: Chart) -> Matrix:
    """The chart's matrix: columns in tree order of each person's first role, rows in the
    vocabulary's order of functions, then the chart's own functions by label."""
    roles = chart.roles
    column_of_key: dict[str, int] = {}
    column_roles: list[list[Role]] = []
    column_of_role: dict[str, int] = {}
    #: function → column → ([lead role ids], [backup role ids])
    cells: dict[str, dict[int, tuple[list[str], list[str]]]] = {f: {} for f in REQUIRED_FUNCTIONS}
    for role_id in chart.tree_order():
        role = roles[role_id]
        if not role.leads and not role.backs_up:
            continue
        key = holder_key(role)
        column = column_of_key.get(key) if key is not None else None
        if column is None:
            column = len(column_roles)
            column_roles.append([])
            if key is not None:
                column_of_key[key] = column
        column_roles[column].append(role)
        column_of_role[role_id] = column
        for which, functions in ((0, role.leads), (1, role.backs_up)):
            for function in functions:
                cells.setdefault(function, {}).setdefault(column, ([], []))[which].append(role_id)
    columns = [_column(chart, held) for held in column_roles]
    order = {f: n for n, f in enumerate(FUNCTIONS)}
    functions = sorted(cells, key=lambda f: (order.get(f, len(order)), label(FUNCTIONS, f).casefold(), f))
    ctx = Context(chart)
    rows = tuple(_row(ctx, f, cells[f], columns) for f in functions)
    return Matrix(rows, tuple(columns), MappingProxyType(column_of_role))


def _column(chart: Chart, held: list[Role]) -> Column:
    first = held[0]
    named = holder_key(first) is not None
    heading, fte = (first.person, chart.person_fte(first.person)) if named else (first.title, first.fte)
    return Column(
        heading=heading,
        role_ids=tuple(r.id for r in held),
        titles=tuple(r.title for r in held),
        vacant=first.vacant,
        fte=fte,
        functions_led=len({f for r in held for f in r.leads}),
        functions_backed_up=len({f for r in held for f in r.backs_up}),
        named=named,
    )


def _row(ctx: Context, function: str, by_column: dict[int, tuple[list[str], list[str]]], columns: list[Column]) -> Row:
    row_cells = {c: Cell(tuple(leads), tuple(backups)) for c, (leads, backups) in sorted(by_column.items())}
    name = label(FUNCTIONS, function)
    filled_leads = [c for c, cell in row_cells.items() if cell.leads and not columns[c].vacant]
    vacant_leads = [i for c, cell in row_cells.items() if columns[c].vacant for i in cell.leads]
    people = {c for c, cell in row_cells.items() if not columns[c].vacant}
    if not filled_leads:
        status = UNOWNED
        if vacant_leads:
            note = f"No one leads {name.lower()} today: its lead, {ctx.titles(vacant_leads)}, is vacant."
        elif row_cells:
            note = f"{name} has backups but no lead."
        else:
            note = f"No role leads or backs up {name.lower()}."
    elif len(people) == 1:
        status = SINGLE_PERSON
        note = f"{name} rests on {columns[filled_leads[0]].who} alone: no other person backs it up."
        planned = [i for c, cell in row_cells.items() if columns[c].vacant for i in cell.backups]
        if planned:
            note += f" {ctx.titles(planned)} {'is a planned backup' if len(planned) == 1 else 'are planned backups'} (vacant)."
    else:
        status, note = COVERED, ""
    return Row(function, name, function in REQUIRED_FUNCTIONS, MappingProxyType(row_cells), status, note)


__all__ = [
    "BACKUP_MARK",
    "BOTH_MARK",
    "COVERED",
    "Cell",
    "Column",
    "LEAD_MARK",
    "Matrix",
    "REQUIRED_FUNCTIONS",
    "Row",
    "SINGLE_PERSON",
    "STATUS_LABELS",
    "UNOWNED",
    "responsibility_matrix",
]
