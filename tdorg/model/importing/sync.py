"""Bringing a new roster into an existing chart, keeping what the sheet does not carry.

:func:`plan_sync` reads the sheet as an import would (:func:`.plan_import`),
pairs its rows with the chart's roles (:func:`.sync_match.match_rows`) and
works out the steps that turn the chart into the roster: roles removed,
fields the sheet carries changed, roles added, managers and dotted lines set.
Fields the sheet has no column for (flags, functions, service areas, core
services, notes…), dotted lines without a dotted-line column, rule settings
and the district are left as they are on every matched role. The steps are
ordered so that each one is a valid edit of the chart; the editor applies them
as one undo step and :func:`apply_steps` applies them here. The preview is a
:class:`~tdorg.model.compare.Comparison` of the chart before and after, with
the functions a removed role leaves without a lead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Sequence, Union

from ..chart import Chart
from ..compare import Comparison, compare
from ..errors import EditError, TdorgError
from ..role import Role
from ..rules import Report
from ..vocab import FUNCTIONS
from .columns import ColumnMapping
from .plan import ImportPlan, plan_import
from .references import find_loops
from .sync_match import Matching, match_rows
from .table import Table

#: Role fields each mapped column carries into matched roles (the manager and dotted lines apart). Without a
#: Vacant column, a person column makes a role vacant when its cell says so ("Vacant", "TBH"…) and filled
#: when it names someone; an empty cell leaves the role's vacancy as it is.
CARRIED: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "person": ("person",),
    "first_name": ("person",),
    "last_name": ("person",),
    "vacant": ("vacant",),
    "fte": ("fte",),
    "category": ("category",),
    "annual_cost": ("annual_cost",),
    "employment": ("employment",),
    "flags": ("flags",),
    "service_areas": ("service_areas",),
    "core_services": ("core_services",),
    "leads": ("leads",),
    "backs_up": ("backs_up",),
    "notes": ("notes",),
}
#: Problems that leave a row's manager unknown: a matched role keeps its manager.
_MANAGER_UNKNOWN = {"unknown_manager", "ambiguous_manager", "self_report", "cycle"}


def update_scenario_name(today: dt.date | None = None) -> str:
    """The name suggested for a scenario holding an update: "HR update 2027-09"."""
    return f"HR update {(today or dt.date.today()):%Y-%m}"


class SyncError(TdorgError):
    """The roster cannot be brought into the chart; the message says why."""


@dataclass(frozen=True)
class RemoveStep:
    role_id: str


@dataclass(frozen=True)
class UpdateStep:
    role_id: str
    changes: dict[str, object]


@dataclass(frozen=True)
class AddStep:
    role: Role


@dataclass(frozen=True)
class ReparentStep:
    role_id: str
    manager_id: str | None


@dataclass(frozen=True)
class DottedStep:
    role_id: str
    target_id: str
    add: bool


Step = Union[RemoveStep, UpdateStep, AddStep, ReparentStep, DottedStep]


def apply_steps(chart: Chart, steps: Sequence[Step]) -> None:
    """Apply the steps to ``chart`` in order (the editor wraps each in an undo operation instead)."""
    for step in steps:
        if isinstance(step, RemoveStep):
            chart.remove_role(step.role_id)
        elif isinstance(step, UpdateStep):
            chart.update_role(step.role_id, **step.changes)
        elif isinstance(step, AddStep):
            chart.add_role(step.role)
        elif isinstance(step, ReparentStep):
            chart.reparent(step.role_id, step.manager_id)
        elif step.add:
            chart.add_dotted(step.role_id, step.target_id)
        else:
            chart.remove_dotted(step.role_id, step.target_id)


@dataclass
class SyncPlan:
    """What bringing the sheet into the chart would do; nothing is changed until it is applied."""

    import_plan: ImportPlan
    matching: Matching
    steps: list[Step]
    after: Chart
    comparison: Comparison
    #: "Network Manager leaves: network has no lead", one for each function left without a lead.
    leads_lost: list[str] = field(default_factory=list)
    #: Reporting loops the sheet and the chart make together, and how each was broken.
    loops: list[str] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(self.steps)

    @property
    def skipped_rows(self) -> list[int]:
        """Rows with a problem that keeps them out: their roles are left as they are."""
        return self.import_plan.bad_rows

    def summary(self) -> str:
        if not self.has_changes:
            return f"The chart already matches the sheet: {len(self.matching.matched()):,} roles matched, no changes."
        c = self.comparison
        people = {x.role_id for x in c.fte_changed} | {x.role_id for x in c.other_changes if x.field in _PEOPLE}
        others = {x.role_id for x in c.other_changes if x.field not in _PEOPLE}
        counts = [(len(c.added), "added"), (len(c.removed), "removed"), (len(c.moved), "moved"),
                  (len(c.retitled), "retitled"), (len(people), "with a new person or FTE"),
                  (len(others), "with other fields changed")]
        return "Changes: " + ", ".join(f"{n:,} {what}" for n, what in counts if n) + "."


_PEOPLE = ("person", "vacant")


def carried_fields(mapping: ColumnMapping) -> tuple[str, ...]:
    """The role fields the mapping's columns bring into matched roles."""
    return tuple(dict.fromkeys(f for name in mapping.mapped() for f in CARRIED.get(name, ())))


def plan_sync(chart: Chart, table: Table, mapping: ColumnMapping | None = None,
              report_before: Report | None = None) -> SyncPlan:
    """Plan bringing ``table`` into ``chart`` through ``mapping`` (guessed when not given)."""
    plan = plan_import(table, mapping, max_person_fte=chart.max_person_fte())
    matching = match_rows(chart, plan)
    builder = _Steps(chart, plan, matching)
    steps = builder.build()
    after = chart.copy()
    try:
        apply_steps(after, steps)
    except EditError as error:
        raise SyncError(f"The sheet cannot be brought into the chart: {error}") from None
    comparison = compare(chart, after, report_before, None, "Chart", "After the update")
    return SyncPlan(plan, matching, steps, after, comparison, _leads_lost(chart, after, builder.removed),
                    builder.loops)


def _function_label(name: str) -> str:
    label = FUNCTIONS.get(name, name.replace("_", " "))
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def _leads_lost(before: Chart, after: Chart, removed: list[str]) -> list[str]:
    led_after = {f for role in after.roles.values() for f in role.leads}
    lines = []
    for role_id in removed:
        role = before.role(role_id)
        lost = [f for f in role.leads if f not in led_after]
        if lost:
            functions = ", ".join(_function_label(f) for f in lost)
            lines.append(f"{role.title} leaves: {functions} {'has' if len(lost) == 1 else 'have'} no lead")
    return lines


class _Steps:
    """Works out the steps, in an order in which each is a valid edit."""

    def __init__(self, chart: Chart, plan: ImportPlan, matching: Matching) -> None:
        self.chart, self.plan, self.matching = chart, plan, matching
        self.carried = carried_fields(plan.mapping)
        self.rows = matching.rows
        matched = matching.matched()
        self.removed = [r.id for r in chart.roles_in_order() if r.id not in matched]
        self.removed_set = set(self.removed)
        self.final_ids: list[str | None] = self._final_ids()
        self.loops: list[str] = []

    def _final_ids(self) -> list[str | None]:
        """Each row's role id after the update (``None``: a bad row of no role, left out)."""
        used = set(self.chart.roles)
        out: list[str | None] = []
        for planned, role_id in zip(self.rows, self.matching.roles):
            if role_id is not None:
                out.append(role_id)
                continue
            if not planned.ok:
                out.append(None)
                continue
            candidate, n = planned.role.id, 1
            while candidate in used:
                n += 1
                candidate = f"{planned.role.id}-{n}"
            used.add(candidate)
            out.append(candidate)
        return out

    def build(self) -> list[Step]:
        steps: list[Step] = [RemoveStep(role_id) for role_id in reversed(self.removed)]
        updates = self._updates()
        steps += [UpdateStep(role_id, {"person": ""}) for role_id, changes in updates if _frees_person(changes)]
        steps += [UpdateStep(role_id, changes) for role_id, changes in updates]
        steps += self._additions()
        steps += self._reparents()
        if self.plan.mapping.dotted_to is not None:
            steps += self._dotted()
        return steps

    def _updates(self) -> list[tuple[str, dict[str, object]]]:
        out = []
        for planned, role_id in zip(self.rows, self.matching.roles):
            if role_id is None or not planned.ok:
                continue
            current = self.chart.role(role_id)
            changes = {f: getattr(planned.role, f) for f in self.carried if getattr(planned.role, f) != getattr(current, f)}
            if "person" in self.carried and "vacant" not in self.carried and planned.role.vacant != current.vacant:
                if planned.role.vacant or planned.role.person:  # "Vacant" in the person cell, or a person named
                    changes["vacant"] = planned.role.vacant
            if changes:
                if _frees_person(changes):  # cleared first, so it is set again with the other changes
                    changes.setdefault("person", current.person)
                out.append((role_id, changes))
        return out

    def _additions(self) -> list[Step]:
        keep_flags = "flags" in self.carried
        out: list[Step] = []
        for planned, role_id, final in zip(self.rows, self.matching.roles, self.final_ids):
            if role_id is None and final is not None:
                role = planned.role.with_changes(id=final, reports_to=None, dotted_to=())
                out.append(AddStep(role if keep_flags else role.with_changes(flags=frozenset())))
        return out

    def _present_manager(self, role_id: str) -> str | None:
        """A matched role's manager once the removed roles are gone (their reports move up)."""
        manager = self.chart.role(role_id).reports_to
        while manager is not None and manager in self.removed_set:
            manager = self.chart.role(manager).reports_to
        return manager

    def _reparents(self) -> list[Step]:
        index = {pid.role.id: n for n, pid in enumerate(self.rows)}
        present: dict[str, str | None] = {}
        final: dict[str, str | None] = {}
        for n, (planned, role_id, new_id) in enumerate(zip(self.rows, self.matching.roles, self.final_ids)):
            if new_id is None:
                continue
            now = self._present_manager(role_id) if role_id is not None else None
            present[new_id] = now
            final[new_id] = self._sheet_manager(planned, index, now) if planned.ok else now
        for role_id in self.chart.roles:
            if role_id not in final and role_id not in self.removed_set:
                present[role_id] = final[role_id] = self._present_manager(role_id)
        self._break_loops(final)
        return [ReparentStep(role_id, final[role_id]) for role_id in _top_down(final) if final[role_id] != present[role_id]]

    def _sheet_manager(self, planned, index: dict[str, int], now: str | None) -> str | None:
        if self.plan.mapping.manager is None or any(p.kind in _MANAGER_UNKNOWN for p in planned.problems):
            return now
        if planned.role.reports_to is None:
            return None
        target = self.final_ids[index[planned.role.reports_to]]
        return target if target is not None else now

    def _break_loops(self, final: dict[str, str | None]) -> None:
        """A loop of the sheet's managers and the chart's kept ones: its first role goes to the top."""
        ids = list(final)
        position = {role_id: n for n, role_id in enumerate(ids)}
        for loop in find_loops([position.get(final[i]) if final[i] is not None else None for i in ids]):
            members = [ids[n] for n in loop]
            final[members[0]] = None
            names = " → ".join(self._title(m) for m in members + [members[0]])
            self.loops.append(f"The reporting lines of the sheet and the chart make a loop: {names}; "
                              f"{self._title(members[0])} goes to the top of the chart to break it.")

    def _title(self, role_id: str) -> str:
        if role_id in self.chart.roles:
            return f"“{self.chart.role(role_id).title}”"
        n = self.final_ids.index(role_id)
        return f"“{self.rows[n].role.title}” (row {self.rows[n].row})"

    def _dotted(self) -> list[Step]:
        index = {pid.role.id: n for n, pid in enumerate(self.rows)}
        out: list[Step] = []
        for planned, role_id, new_id in zip(self.rows, self.matching.roles, self.final_ids):
            if new_id is None or not planned.ok:
                continue
            wanted = [self.final_ids[index[t]] for t in planned.role.dotted_to if t in index]
            wanted = list(dict.fromkeys(t for t in wanted if t is not None and t != new_id))
            have = [t for t in self.chart.role(role_id).dotted_to if t not in self.removed_set] if role_id is not None else []
            out += [DottedStep(new_id, t, False) for t in have if t not in wanted]
            out += [DottedStep(new_id, t, True) for t in wanted if t not in have]
        return out


def _frees_person(changes: dict[str, object]) -> bool:
    """Whether the role's person must be cleared first, so the person's FTE total never passes 1.0 midway."""
    return "person" in changes or "fte" in changes or "vacant" in changes


def _top_down(managers: dict[str, str | None]) -> list[str]:
    """Role ids with every manager before its reports."""
    children: dict[str | None, list[str]] = {}
    for role_id, manager in managers.items():
        children.setdefault(manager, []).append(role_id)
    out: list[str] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        role_id = stack.pop()
        out.append(role_id)
        stack.extend(reversed(children.get(role_id, [])))
    return out
