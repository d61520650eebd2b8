"""The responsibility matrix: who leads and who backs up each function.

[FORUM]'s first lesson is "define who is responsible for what and who is
back-up". Rows are functions: every function a role leads or backs up, and
the framework's essential (FUN-1) and critical (EMP-1) functions as the
chart's thresholds choose them, so one that nobody owns still shows.
Columns are people: the filled roles of one person (matched by
:func:`~tdorg.model.chart.holder_key`) share a column; a vacant position is
a plan, not a person, and has a column of its own marked vacant; so has a
filled role that names no one.

A function is *unowned* when no filled role leads it, and *single-person*
when its filled leads and backups are all one person: a vacant backup is no
backup. The load of a column is the number of functions it leads and backs
up, and the person's FTE summed over all their roles. One pass over the roles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Callable, Mapping

from .chart import Chart
from .matrix_status import COVERED, SINGLE_PERSON, STATUS_LABELS, UNOWNED
from .people import holder_key
from .role import Role
from .rules.context import Context
from .rules.ownership import ContractorOnly, EssentialLeads
from .vocab import FUNCTIONS, label

LEAD_MARK, BACKUP_MARK, BOTH_MARK = "L", "B", "L/B"


def required_functions(ctx: Context) -> tuple[str, ...]:
    """The functions shown even when no role names them: those FUN-1 (essential) and EMP-1
    (critical) check on this chart, as its thresholds choose them."""
    return tuple(dict.fromkeys(EssentialLeads().checked(ctx) + ContractorOnly().checked(ctx)))


class Column:
    """One person (or one vacant or unnamed role) and their load, worked out from its roles when asked."""

    __slots__ = ("_chart", "_roles", "vacant", "named")

    def __init__(self, chart: Chart, first: Role, named: bool) -> None:
        self._chart = chart
        self._roles = [first]
        self.vacant = first.vacant
        #: The heading is a person's name, not a role's title.
        self.named = named

    @property
    def heading(self) -> str:
        first = self._roles[0]
        return first.person if self.named else first.title

    @property
    def role_ids(self) -> tuple[str, ...]:
        """The roles with functions, in the chart's order."""
        return tuple(r.id for r in self._roles)

    @property
    def titles(self) -> tuple[str, ...]:
        return tuple(r.title for r in self._roles)

    @property
    def fte(self) -> float:
        """The person's FTE summed over all their roles (those without functions too)."""
        first = self._roles[0]
        return self._chart.person_fte(first.person) if self.named else first.fte

    @property
    def functions_led(self) -> int:
        return len({f for r in self._roles for f in r.leads})

    @property
    def functions_backed_up(self) -> int:
        return len({f for r in self._roles for f in r.backs_up})

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

    def __repr__(self) -> str:
        return f"<Column {self.label!r}: {', '.join(self.role_ids)}>"


def _fte_text(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


#: The load shown under the functions: each row's heading and a column's figure.
LOAD_ROWS: tuple[tuple[str, Callable[[Column], str]], ...] = (
    ("Functions led", lambda c: str(c.functions_led)),
    ("Functions backed up", lambda c: str(c.functions_backed_up)),
    ("FTE", lambda c: _fte_text(c.fte)),
)


class Cell:
    """The roles of one column that lead and back up one function."""

    __slots__ = ("leads", "backups")

    def __init__(self, leads: tuple[str, ...] = (), backups: tuple[str, ...] = ()) -> None:
        self.leads = leads
        self.backups = backups

    @property
    def mark(self) -> str:
        if self.leads and self.backups:
            return BOTH_MARK
        return LEAD_MARK if self.leads else BACKUP_MARK

    @property
    def role_id(self) -> str:
        """The role to show for the cell: a lead before a backup."""
        return (self.leads or self.backups)[0]

    def __repr__(self) -> str:
        return f"<Cell {self.mark}: {', '.join(self.leads + self.backups)}>"


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
    """A chart's functions (rows) by people (columns); ``row.cells`` holds a row's cells by column index."""

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

    def summary(self) -> str:
        """“11 functions, 4 people, 1 vacant position: 5 unowned, 2 resting on one person.”"""
        people = sum(1 for c in self.columns if not c.vacant)
        vacant = len(self.columns) - people
        parts = [f"{len(self.rows)} functions", f"{people} {'person' if people == 1 else 'people'}"]
        if vacant:
            parts.append(f"{vacant} vacant position{'' if vacant == 1 else 's'}")
        unowned, single = len(self.unowned), len(self.single_person)
        marks = [f"{unowned} unowned"] if unowned else []
        marks += [f"{single} resting on one person"] if single else []
        if not marks:
            return ", ".join(parts) + ": every function has a lead and a backup who is another person."
        return ", ".join(parts) + ": " + ", ".join(marks) + "."

    def holders(self, row: Row, lead: bool) -> list[tuple[Column, tuple[str, ...]]]:
        """The columns that lead (or back up) ``row``'s function, each with its roles doing so."""
        out = []
        for n, cell in row.cells.items():
            ids = cell.leads if lead else cell.backups
            if ids:
                out.append((self.columns[n], ids))
        return out

    def as_dict(self) -> dict[str, object]:
        def holders(row: Row, lead: bool) -> list[dict[str, object]]:
            return [{"name": c.heading, "vacant": c.vacant, "roles": list(ids)} for c, ids in self.holders(row, lead)]

        return {
            "functions": [
                {
                    "function": r.function,
                    "label": r.label,
                    "required": r.required,
                    "status": r.status,
                    "note": r.note,
                    "leads": holders(r, True),
                    "backups": holders(r, False),
                }
                for r in self.rows
            ],
            "people": [
                {
                    "name": c.heading,
                    "named": c.named,
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
    """The chart's matrix: columns in the chart's order of roles (a file's tree order, roles added
    since at the end), by each person's first role; rows in the vocabulary's order of functions,
    then the chart's own functions by label."""
    columns: list[Column] = []
    column_of_key: dict[str, int] = {}
    column_of_role: dict[str, int] = {}
    ctx = Context(chart)
    required = required_functions(ctx)
    cells: dict[str, dict[int, Cell]] = {f: {} for f in required}
    for role in chart.roles.values():
        if not role.leads and not role.backs_up:
            continue
        key = holder_key(role)
        n = column_of_key.get(key, -1) if key is not None else -1
        if n < 0:
            n = len(columns)
            columns.append(Column(chart, role, key is not None))
            if key is not None:
                column_of_key[key] = n
        else:
            columns[n]._roles.append(role)
        column_of_role[role.id] = n
        if role.leads:
            _place(cells, role.leads, n, role.id, True)
        if role.backs_up:
            _place(cells, role.backs_up, n, role.id, False)
    order = {f: n for n, f in enumerate(FUNCTIONS)}
    functions = sorted(cells, key=lambda f: (order.get(f, len(order)), label(FUNCTIONS, f).casefold(), f))
    rows = tuple(_row(ctx, f, cells[f], columns, f in required) for f in functions)
    return Matrix(rows, tuple(columns), MappingProxyType(column_of_role))


def _place(cells: dict[str, dict[int, Cell]], functions: tuple[str, ...], column: int, role_id: str,
           lead: bool) -> None:
    """Note that ``role_id``, in ``column``, leads (or backs up) each of ``functions``."""
    for function in functions:
        row = cells.get(function)
        if row is None:
            row = cells[function] = {}
        cell = row.get(column)
        if cell is None:
            row[column] = Cell((role_id,), ()) if lead else Cell((), (role_id,))
        elif lead:
            cell.leads += (role_id,)
        else:
            cell.backups += (role_id,)


def _row(ctx: Context, function: str, by_column: dict[int, Cell], columns: list[Column], required: bool) -> Row:
    if list(by_column) != sorted(by_column):  # a person's later role added an earlier column
        by_column = dict(sorted(by_column.items()))
    name = label(FUNCTIONS, function)
    filled_lead = -1
    people = 0
    vacant_leads: list[str] = []
    planned: list[str] = []
    for n, cell in by_column.items():
        if columns[n].vacant:
            vacant_leads += cell.leads
            planned += cell.backups
            continue
        people += 1
        if cell.leads and filled_lead < 0:
            filled_lead = n
    if filled_lead < 0:
        status = UNOWNED
        if vacant_leads:
            note = f"No one leads {name.lower()} today: its lead, {ctx.titles(vacant_leads)}, is vacant."
        elif by_column:
            note = f"{name} has backups but no lead."
        else:
            note = f"No role leads or backs up {name.lower()}."
    elif people == 1:
        status = SINGLE_PERSON
        note = f"{name} rests on {columns[filled_lead].who} alone: no other person backs it up."
        if planned:
            planned_backups = "is a planned backup" if len(planned) == 1 else "are planned backups"
            note += f" {ctx.titles(planned)} {planned_backups} (vacant)."
    else:
        status, note = COVERED, ""
    return Row(function, name, required, MappingProxyType(by_column), status, note)


__all__ = [
    "BACKUP_MARK",
    "BOTH_MARK",
    "COVERED",
    "Cell",
    "Column",
    "LEAD_MARK",
    "LOAD_ROWS",
    "Matrix",
    "Row",
    "SINGLE_PERSON",
    "STATUS_LABELS",
    "UNOWNED",
    "required_functions",
    "responsibility_matrix",
]
