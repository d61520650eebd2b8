"""The import plan: every sheet row either becomes a role or is listed with its problem.

:func:`plan_import` reads the rows through a column mapping, gives each row
an id, resolves managers and dotted lines, and finds duplicate ids,
reporting loops, and names holding more than 1.0 FTE (listed, still imported). Nothing is imported
until the caller asks :meth:`ImportPlan.chart` for a chart of the good rows
(or of every row, repaired). A good row whose manager is a bad row goes to
the top of the chart, and that is listed as a problem too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..chart import Chart
from ..district import District
from ..people import DEFAULT_MAX_PERSON_FTE, FTE_EPSILON, person_key
from ..role import Role
from ..settings import RuleSettings
from .categories import guess_category
from .columns import ColumnMapping, guess_mapping
from .references import ReferenceIndex, Resolved, RowKeys, find_loops
from .rows import CategoryGuesser, Draft, RowProblem, check_drafts, read_cells
from .table import Table

_ID_CHARS = re.compile(r"[^A-Za-z0-9_.\-]+")


@dataclass(frozen=True)
class PlannedRow:
    """A sheet row as it would be imported with every row (bad ones repaired)."""

    row: int
    role: Role
    ok: bool
    category_guessed: bool
    problems: tuple[RowProblem, ...]


@dataclass(frozen=True)
class ImportPlan:
    """What importing a sheet would do; build the chart with :meth:`chart`."""

    table: Table
    mapping: ColumnMapping
    rows: tuple[PlannedRow, ...]

    @property
    def problems(self) -> list[RowProblem]:
        """Every problem, in sheet order."""
        return [p for r in self.rows for p in r.problems]

    @property
    def bad_rows(self) -> list[int]:
        """Rows left out when only good rows are imported."""
        return [r.row for r in self.rows if not r.ok]

    @property
    def good_count(self) -> int:
        return sum(1 for r in self.rows if r.ok)

    @property
    def bad_count(self) -> int:
        return len(self.rows) - self.good_count

    @property
    def roles(self) -> list[Role]:
        """The good rows as roles, as :meth:`chart` imports them."""
        return list(self._roles(include_bad=False))

    def row_of(self, role_id: str) -> int | None:
        for r in self.rows:
            if r.role.id == role_id:
                return r.row
        return None

    def chart(self, include_bad: bool = False, district: District | None = None) -> Chart:
        """A new chart of the good rows, or of every row with its problems repaired.

        Every row's fields passed the model's checks as the row was read (its problems repaired
        until they did), and every id is one the model accepts, so the chart trusts them."""
        return Chart.of_checked(district or District(), self._roles(include_bad), RuleSettings(), "", {})

    def summary(self) -> str:
        total = len(self.rows)
        changed = sum(1 for r in self.rows if r.ok and r.problems)
        text = f"{total:,} row{'s' if total != 1 else ''}: {self.good_count:,} can be imported"
        if changed:
            text += f" ({changed:,} with a change listed below)"
        if self.bad_count:
            text += f", {self.bad_count:,} {'has' if self.bad_count == 1 else 'have'} problems that keep {'it' if self.bad_count == 1 else 'them'} out"
        return text + "."

    def _roles(self, include_bad: bool) -> Iterator[Role]:
        chosen = [r for r in self.rows if include_bad or r.ok]
        keep = {r.role.id for r in chosen}
        for planned in chosen:
            role = planned.role
            changes: dict[str, object] = {}
            if role.reports_to is not None and role.reports_to not in keep:
                changes["reports_to"] = None
            if any(t not in keep for t in role.dotted_to):
                changes["dotted_to"] = tuple(t for t in role.dotted_to if t in keep)
            yield role.with_changes(**changes) if changes else role


def plan_import(
    table: Table,
    mapping: ColumnMapping | None = None,
    *,
    category_guesser: CategoryGuesser = guess_category,
    max_person_fte: float = DEFAULT_MAX_PERSON_FTE,
) -> ImportPlan:
    """Plan importing ``table`` through ``mapping`` (guessed from the headers when not given).

    ``max_person_fte`` is the most FTE one person may hold across rows: the STR-2
    threshold of the chart the rows go into."""
    mapping = guess_mapping(table.headers) if mapping is None else mapping
    mapping.check(table.headers)
    columns = mapping.mapped()
    fte_header = table.headers[mapping.fte].casefold() if mapping.fte is not None else ""
    percent = "%" in fte_header or "percent" in fte_header
    drafts = [read_cells(row.number, row.cells, columns, category_guesser, percent) for row in table.rows]
    check_drafts(drafts)
    _assign_ids(drafts)
    index = ReferenceIndex([RowKeys(d.raw_id, str(d.values["person"]), d.sheet_title, d.label) for d in drafts])
    managers = _resolve_managers(drafts, index)
    repaired = _break_loops(drafts, managers)
    dotted = _resolve_dotted(drafts, index)
    if mapping.flags is None:
        _flag_single(drafts, "it_leader", "top_it_leader")
        _flag_single(drafts, "superintendent", "superintendent")
    _check_people(drafts, max_person_fte)
    _note_skipped(drafts, managers, dotted)
    rows = []
    for draft, manager, targets in zip(drafts, repaired, dotted):
        role = Role(
            id=draft.id,
            reports_to=drafts[manager].id if manager is not None else None,
            dotted_to=tuple(dict.fromkeys(drafts[t].id for t in targets)),
            **draft.values,  # type: ignore[arg-type]
        )
        rows.append(PlannedRow(draft.row, role, not draft.bad, draft.category_guessed, tuple(draft.problems)))
    return ImportPlan(table, mapping, tuple(rows))


def _slug(text: str) -> str:
    return _ID_CHARS.sub("-", text.strip()).strip("-._").lower()[:48].strip("-._")


def _assign_ids(drafts: list[Draft]) -> None:
    """Keep valid ids from the sheet; make ids from titles for the rest; flag duplicates."""
    used: set[str] = set()
    first: dict[str, int] = {}
    waiting: list[Draft] = []
    for draft in drafts:
        if not draft.raw_id:
            waiting.append(draft)
            continue
        if draft.raw_id in first:
            draft.add(
                f"The position ID “{draft.raw_id}” is already used on row {first[draft.raw_id]}; IDs must be unique.",
                "id",
                "duplicate_id",
                "imported with a new ID",
            )
            waiting.append(draft)
            continue
        first[draft.raw_id] = draft.row
        clean = _ID_CHARS.sub("_", draft.raw_id).strip("_.-")[:64]
        if clean and clean not in used:
            draft.id = clean
            used.add(clean)
        else:
            waiting.append(draft)
    counters: dict[str, int] = {}
    for draft in waiting:
        base = _slug(draft.raw_id) or _slug(str(draft.values["title"])) or "role"
        candidate = base
        n = counters.get(base, 1)
        while candidate in used:
            n += 1
            candidate = f"{base}-{n}"
        counters[base] = n
        draft.id = candidate
        used.add(candidate)


def _resolve_managers(drafts: list[Draft], index: ReferenceIndex) -> list[int | None]:
    managers: list[int | None] = []
    for n, draft in enumerate(drafts):
        found = index.resolve(draft.manager_ref)
        if found.problem:
            draft.add(found.problem, "manager", found.kind, "imported at the top of the chart")
        elif found.index == n:
            draft.add("The role is listed as its own manager.", "manager", "self_report", "imported at the top of the chart")
            found = Resolved()
        managers.append(found.index)
    return managers


def _break_loops(drafts: list[Draft], managers: list[int | None]) -> list[int | None]:
    """Report every row of each reporting loop; the repaired lines put each loop's first row at the top."""
    repaired = list(managers)
    for loop in find_loops(managers):
        names = " → ".join(drafts[i].label for i in loop + [loop[0]])
        head = min(loop, key=lambda i: drafts[i].row)
        for i in loop:
            repair = "imported at the top of the chart" if i == head else "imported with its manager from the sheet"
            drafts[i].add(f"The reporting lines make a loop: {names}.", "manager", "cycle", repair)
        repaired[head] = None
    return repaired


def _resolve_dotted(drafts: list[Draft], index: ReferenceIndex) -> list[list[int]]:
    out: list[list[int]] = []
    for n, draft in enumerate(drafts):
        targets: list[int] = []
        for ref in draft.dotted_refs:
            found = index.resolve(ref, "Dotted line")
            if found.problem:
                draft.add(found.problem + " The dotted line is left out.", "dotted_to", found.kind, imported=True)
            elif found.index == n:
                draft.add("A role cannot have a dotted line to itself; it is left out.", "dotted_to", "unknown_dotted",
                          imported=True)
            elif found.index is not None:
                targets.append(found.index)
        out.append(targets)
    return out


def _flag_single(drafts: list[Draft], category: str, flag: str) -> None:
    """With no flags column, the only role of a leading category gets its flag."""
    holders = [d for d in drafts if d.values["category"] == category]
    if len(holders) == 1:
        values = holders[0].values
        values["flags"] = frozenset(values["flags"]) | {flag}  # type: ignore[arg-type]


def _check_people(drafts: list[Draft], limit: float) -> None:
    """A person may hold ``limit`` FTE in all; list the rows that take a name past it (two people may share a
    name)."""
    held: dict[str, tuple[float, list[int]]] = {}
    for draft in drafts:
        person, fte = str(draft.values["person"]), float(draft.values["fte"])  # type: ignore[arg-type]
        if draft.bad or not person or draft.values["vacant"]:
            continue
        key = person_key(person)
        total, rows = held.get(key, (0.0, []))
        if total + fte > limit + FTE_EPSILON:
            where = ", ".join(str(r) for r in rows)
            draft.add(
                f"{person} would hold {total + fte:g} FTE with row{'s' if len(rows) > 1 else ''} {where}; one person "
                f"can hold at most {limit:g} FTE. The row is imported and the chart shows the error (STR-2) until it is "
                "fixed; if these are two people with the same name, tell them apart in the person field.",
                "person",
                "over_allocated",
                imported=True,
            )
        held[key] = (total + fte, rows + [draft.row])


def _note_skipped(drafts: list[Draft], managers: list[int | None], dotted: list[list[int]]) -> None:
    """List good rows that change because a row they point at is left out."""
    for draft, manager, targets in zip(drafts, managers, dotted):
        if draft.bad:
            continue
        if manager is not None and drafts[manager].bad:
            boss = drafts[manager]
            draft.add(
                f"Its manager {boss.label} has a problem of its own; when only good rows are imported, "
                "this role goes to the top of the chart.",
                "manager",
                "manager_skipped",
                imported=True,
            )
        for target in targets:
            if drafts[target].bad:
                draft.add(
                    f"Its dotted line to {drafts[target].label} is left out when only good rows are imported.",
                    "dotted_to",
                    "dotted_skipped",
                    imported=True,
                )
