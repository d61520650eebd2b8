"""Facts about a chart that several rules read, each computed once, on demand.

A :class:`Context` lives for one validation pass. Its properties are lazy, so
a pass that re-runs only the rules touched by an edit pays only for what those
rules read. Every property is linear in the number of roles or better.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from ..chart import Chart, person_key
from ..role import Role
from ..vocab import TECH_CATEGORIES, TECHNICIAN_CATEGORIES

#: Categories that make up the "technology staff" of STF-2.
TECH_STAFF_CATEGORIES = TECH_CATEGORIES | {"it_leader", "it_manager"}


class Context:
    def __init__(self, chart: Chart) -> None:
        self.chart = chart
        self.roles = chart.roles

    def title(self, role_id: str) -> str:
        return self.roles[role_id].title

    def titles(self, role_ids: list[str] | tuple[str, ...], limit: int = 4) -> str:
        """“A”, “B” and 3 more — a readable list of role titles."""
        names = [f"“{self.title(i)}”" for i in role_ids[:limit]]
        rest = len(role_ids) - len(names)
        if rest > 0:
            names.append(f"{rest} more")
        if len(names) == 1:
            return names[0]
        return ", ".join(names[:-1]) + " and " + names[-1]

    # --- flags and categories ---------------------------------------------

    @cached_property
    def by_flag(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for role in self.roles.values():
            for flag in role.flags:
                out[flag].append(role.id)
        return out

    @cached_property
    def by_category(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for role in self.roles.values():
            out[role.category].append(role.id)
        return out

    def is_superintendent(self, role: Role) -> bool:
        return role.category == "superintendent" or role.has("superintendent")

    @cached_property
    def superintendents(self) -> list[str]:
        return [r.id for r in self.roles.values() if self.is_superintendent(r)]

    @cached_property
    def top_it_leader(self) -> str | None:
        """The one role flagged top IT leader, or ``None`` when not exactly one."""
        flagged = self.by_flag.get("top_it_leader", [])
        return flagged[0] if len(flagged) == 1 else None

    @cached_property
    def it_subtree(self) -> frozenset[str]:
        """The top IT leader and everyone under it (empty without one leader)."""
        leader = self.top_it_leader
        if leader is None:
            return frozenset()
        return frozenset([leader, *self.chart.descendants(leader)])

    # --- functions and services -------------------------------------------

    @cached_property
    def leads(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for role in self.roles.values():
            for function in role.leads:
                out[function].append(role.id)
        return out

    @cached_property
    def backups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for role in self.roles.values():
            for function in role.backs_up:
                out[function].append(role.id)
        return out

    @cached_property
    def service_area_roles(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for role in self.roles.values():
            for area in role.service_areas:
                out[area].append(role.id)
        return out

    @cached_property
    def core_service_roles(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for role in self.roles.values():
            for service in role.core_services:
                out[service].append(role.id)
        return out

    def same_person(self, a: str, b: str) -> bool:
        if a == b:
            return True
        ra, rb = self.roles[a], self.roles[b]
        return bool(ra.person and rb.person and not ra.vacant and not rb.vacant) and person_key(
            ra.person
        ) == person_key(rb.person)

    # --- staffing figures ---------------------------------------------------

    def filled_fte(self, categories: frozenset[str] | set[str]) -> float:
        return sum(
            r.fte for c in categories for r in (self.roles[i] for i in self.by_category.get(c, ())) if not r.vacant
        )

    @cached_property
    def technician_fte(self) -> float:
        return self.filled_fte(TECHNICIAN_CATEGORIES)

    @cached_property
    def tech_staff_fte(self) -> float:
        return self.filled_fte(TECH_STAFF_CATEGORIES)

    @cached_property
    def integration_fte(self) -> float:
        return self.filled_fte({"integration_coach"})

    # --- lines ---------------------------------------------------------------

    def reaches(self, start: str, targets: set[str] | frozenset[str], predicate=None) -> bool:
        """Whether following solid lines up and dotted lines out from ``start``
        arrives at a role in ``targets`` (or one satisfying ``predicate``).

        ``start`` itself does not count. The walk visits each role once.
        """
        seen = {start}
        frontier = [start]
        while frontier:
            role = self.roles[frontier.pop()]
            nexts = [role.reports_to] if role.reports_to is not None else []
            nexts.extend(role.dotted_to)
            for nxt in nexts:
                if nxt in seen:
                    continue
                if nxt in targets or (predicate is not None and predicate(self.roles[nxt])):
                    return True
                seen.add(nxt)
                frontier.append(nxt)
        return False

    def has_line_to(self, start: str, targets: frozenset[str] | set[str]) -> bool:
        """A solid or dotted line (direct or through managers) joins ``start`` to ``targets``,
        in either direction: ``start`` reaches them, or one of them has a dotted line to ``start``."""
        if self.reaches(start, targets):
            return True
        return any(source in targets for source in self.chart.dotted_reports(start))
