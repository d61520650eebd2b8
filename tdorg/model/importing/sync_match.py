"""Which sheet row is which role of the chart, for bringing a new roster into a chart.

Rows are matched to roles by position ID when the sheet has an ID (key)
column; rows without an ID, and every row of a sheet without one, are matched
by title and person together, then by title alone, then by person alone —
each only where the key picks one row and one role. Where several rows and
roles share a title and person, they are paired in order and the pairing is
listed, so the user can check it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Hashable

from ..chart import Chart
from ..people import person_key
from ..role import Role
from .plan import ImportPlan, PlannedRow
from .references import title_key


@dataclass
class Matching:
    """Rows paired with chart roles: ``roles[i]`` is the role id of ``rows[i]`` or ``None`` (a new role)."""

    rows: list[PlannedRow]
    roles: list[str | None]
    #: One sentence for each title and person that several rows or roles share.
    ambiguous: list[str] = field(default_factory=list)

    def matched(self) -> dict[str, int]:
        """Role id → index of its row."""
        return {role_id: n for n, role_id in enumerate(self.roles) if role_id is not None}


def _both(role: Role) -> Hashable | None:
    return (title_key(role.title), person_key(role.person) if role.person and not role.vacant else "")


def _title(role: Role) -> Hashable | None:
    return title_key(role.title)


def _person(role: Role) -> Hashable | None:
    return person_key(role.person) if role.person and not role.vacant else None


def match_rows(chart: Chart, plan: ImportPlan) -> Matching:
    """Pair the plan's rows with the chart's roles (see the module's description)."""
    rows = list(plan.rows)
    out = Matching(rows, [None] * len(rows))
    free_roles = {role.id: role for role in chart.roles_in_order()}
    waiting = list(range(len(rows)))
    column = plan.mapping.id
    if column is not None:
        cells = {r.number: r.cells for r in plan.table.rows}
        waiting = []
        for n, planned in enumerate(rows):
            raw = cells.get(planned.row, ())
            if column >= len(raw) or not raw[column].strip():
                waiting.append(n)  # no ID: matched by title and person
            elif planned.role.id in free_roles and not any(p.kind == "duplicate_id" for p in planned.problems):
                out.roles[n] = planned.role.id
                del free_roles[planned.role.id]
    for key, in_order in ((_both, True), (_title, False), (_person, False)):
        waiting = _match_by(out, waiting, free_roles, key, in_order)
    return out


def _match_by(
    out: Matching, waiting: list[int], free_roles: dict[str, Role], key: Callable[[Role], Hashable | None], in_order: bool
) -> list[int]:
    """Match waiting rows to free roles with equal keys; returns the rows still waiting."""
    by_key: dict[Hashable, list[str]] = {}
    for role in free_roles.values():
        k = key(role)
        if k is not None:
            by_key.setdefault(k, []).append(role.id)
    rows_by_key: dict[Hashable, list[int]] = {}
    for n in waiting:
        k = key(out.rows[n].role)
        if k is not None and k in by_key:
            rows_by_key.setdefault(k, []).append(n)
    for k, row_indexes in rows_by_key.items():
        role_ids = by_key[k]
        if len(row_indexes) > 1 or len(role_ids) > 1:
            if not in_order:
                continue
            out.ambiguous.append(_ambiguity(out, row_indexes, [free_roles[r] for r in role_ids]))
        for n, role_id in zip(row_indexes, role_ids):
            out.roles[n] = role_id
            del free_roles[role_id]
    return [n for n in waiting if out.roles[n] is None]


def _ambiguity(out: Matching, row_indexes: list[int], roles: list[Role]) -> str:
    sample = out.rows[row_indexes[0]].role
    who = f"“{sample.title}”" + (f" — {sample.person}" if sample.person else "")
    rows = ", ".join(str(out.rows[n].row) for n in row_indexes[:8]) + (", …" if len(row_indexes) > 8 else "")
    ids = ", ".join(r.id for r in roles[:8]) + (", …" if len(roles) > 8 else "")
    paired = min(len(row_indexes), len(roles))
    return (f"{who}: {len(row_indexes)} row{'s' if len(row_indexes) != 1 else ''} ({rows}) and {len(roles)} "
            f"role{'s' if len(roles) != 1 else ''} ({ids}) match; {paired} paired in order. "
            "Add a position ID column to pair them exactly.")
