"""Facts about a chart that several rules read, each computed once, on demand.

A :class:`Context` lives for one validation pass. Its properties are lazy, so
a pass that re-runs only the rules touched by an edit pays only for what those
rules read. Every property is linear in the number of roles or better.

The framework's shared definitions live here, once, for every rule:

- a **vacant** position is a plan, not a person: :meth:`Context.person` is
  ``None`` for it, :meth:`Context.filled` drops it, and ratios count filled FTE;
- **a line into IT** (:attr:`Context.into_it`): the role is in the top IT
  leader's subtree, or it or one of its managers has a dotted line into it;
- the **effective FTE of a kind of work** (:meth:`Context.effective_fte`);
- the **device count**, entered or estimated from the 1:1 grades (:attr:`Context.devices`);
- a **person** is matched by name ignoring case, accents and spacing
  (:func:`~tdorg.model.chart.holder_key`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, NamedTuple, Sequence, TypeVar

from ..chart import Chart
from ..exact_sum import EXACT_ONE, exact
from ..grades import GRADES_TAUGHT, OneToOneGrades, parse_grades
from ..people import holder_key
from ..privacy_laws import PrivacyLaw, named_officer_required, state_law
from ..role import Role
from ..vocab import TECH_CATEGORIES, WorkKind
from .kept_findings import KeptFindings
from .role_indexes import is_superintendent, is_teaching_learning, keyed_index, listed_index
from .sentences import and_list

if TYPE_CHECKING:
    from .metrics import Spans

T = TypeVar("T")

#: Categories that make up the "technology staff" of STF-2.
TECH_STAFF_CATEGORIES = TECH_CATEGORIES | {"it_leader", "it_manager"}


class Share(NamedTuple):
    """What one filled role adds to the effective FTE of a kind of work."""

    role_id: str
    fte: float
    #: 1 for a role of the kind's category, else the share of its led functions of the kind.
    share: float
    #: The led functions of the kind (empty when the role counts by its category).
    functions: tuple[str, ...] = ()

    @property
    def effective(self) -> float:
        return self.fte * self.share


@dataclass(frozen=True)
class EffectiveFte:
    """The effective FTE of one kind of work, with who counts and how.

    The roles counting whole are held category by category, as the pass's indexes list them, so a
    ratio reads its total and each category's count without going through every role."""

    kind: WorkKind
    #: The filled roles of the kind's categories, each category (sorted) with its roles in the chart's order.
    whole: tuple[tuple[str, Sequence[str]], ...]
    #: The filled roles of other categories counting by the share of their led functions of the kind.
    partial: tuple[Share, ...]
    #: Vacant roles that would count if filled.
    vacant: tuple[str, ...]
    #: The effective FTE of the filled roles, summed exactly (the ratios, their explanations and STF-3 read it).
    total: float
    #: The effective FTE the vacant roles would add (a plan: no ratio counts it).
    vacant_fte: float
    roles: Mapping[str, Role] = field(repr=False, compare=False, default_factory=dict)

    @property
    def shares(self) -> tuple[Share, ...]:
        """Every filled role's share: the whole roles first, then the partial ones."""
        whole = [Share(r, self.roles[r].fte, 1.0) for _, ids in self.whole for r in ids]
        return (*whole, *self.partial)

    @property
    def role_ids(self) -> tuple[str, ...]:
        return (*(r for _, ids in self.whole for r in ids), *(s.role_id for s in self.partial))


class Devices(NamedTuple):
    """The device count a ratio divides: entered, or estimated from the 1:1 grades."""

    count: int | None
    estimated: bool = False
    grades: OneToOneGrades | None = None
    #: The 1:1 grades as entered when they could not be read.
    unreadable: str = ""

    def basis(self, students: int | None) -> str:
        """How the count was found, in words."""
        if self.count is None:
            return ""
        if not self.estimated or self.grades is None:
            return f"{self.count:,} devices entered"
        return (
            f"About {self.count:,} devices (estimated from 1:1 grades {self.grades.label()}): "
            f"{students or 0:,} students × {self.grades.count}/{len(GRADES_TAUGHT)} grades (K counted as a grade)"
        )


class LinesIntoIt:
    """The roles with a line into IT, as a set to ask: the top IT leader's subtree, and the roles
    outside it with a dotted line into it from themselves or one of their managers."""

    __slots__ = ("subtree", "outside")

    def __init__(self, subtree: set[str], outside: set[str]) -> None:
        self.subtree, self.outside = subtree, outside

    def __contains__(self, role_id: object) -> bool:
        return role_id in self.subtree or role_id in self.outside

    def __bool__(self) -> bool:
        return bool(self.subtree)


class Context:
    def __init__(self, chart: Chart, kept: bool = False) -> None:
        """A pass over ``chart``; a live validator keeps one (``kept``) across passes, its indexes brought
        up to date edit by edit (:mod:`.index_updates`), and starts each pass with :meth:`new_pass`."""
        self.chart = chart
        self.roles = chart.roles
        #: FTE sums are kept exactly, category by category (:attr:`exact_fte`), rather than summed each pass.
        self.kept = kept
        #: Kept across passes: each IT manager's span (see ``metrics.manager_spans``), and the managers
        #: whose span an edit may have changed since.
        self.kept_spans: Spans | None = None
        self.stale_spans: set[str] = set()
        #: Kept across passes the same way: INT-2's finding (or ``None``) for each integration role, and STR-2's
        #: for each person (by holder key) over the limit.
        self.integration_findings = KeptFindings()
        self.people_findings = KeptFindings()
        self._memo: dict[object, tuple[object, set[str]]] = {}
        #: The roles whose titles the work under way has named (see :meth:`naming`).
        self._named: set[str] | None = None

    def new_pass(self) -> None:
        """Forget what the last pass worked out for itself (the figures), keeping the indexes."""
        self._memo.clear()

    def forget_spans(self) -> None:
        """Work every span out again (the thresholds, or the IT organization, changed)."""
        self.kept_spans = None
        self.stale_spans.clear()

    def district_changed(self) -> None:
        """Forget what was read from the district facts."""
        for name in ("devices", "privacy_law", "named_privacy_officer_required"):
            self.__dict__.pop(name, None)

    def memo(self, key: object, compute: Callable[[], T]) -> T:
        """``compute()``, worked out once per validation pass for ``key``; each caller is told
        the titles it named."""
        return self.stored(self._memo, key, compute)

    def stored(self, store: dict, key: object, compute: Callable[[], T]) -> T:
        """``compute()``'s result as ``store`` keeps it for ``key`` (worked out and kept if it has none), with
        the titles it named counted as named by the work under way."""
        entry = store.get(key)
        if entry is None:
            entry = store[key] = self.naming(compute)  # naming counts them
        else:
            self.named(entry[1])
        return entry[0]  # type: ignore[return-value]

    def named(self, role_ids: set[str]) -> None:
        """Count these titles among those the work under way named (a result kept from an earlier pass names them)."""
        if self._named is not None and role_ids:
            self._named |= role_ids

    def naming(self, compute: Callable[[], T]) -> tuple[T, set[str]]:
        """``compute()`` and the roles whose titles it named: a new title for any other role
        leaves its result as it is."""
        outer, self._named = self._named, set()
        try:
            value = compute()
        finally:
            named, self._named = self._named, outer
        if outer is not None:
            outer |= named
        return value, named

    def title(self, role_id: str) -> str:
        if self._named is not None:
            self._named.add(role_id)
        return self.roles[role_id].title

    def titles(self, role_ids: list[str] | tuple[str, ...], limit: int = 4) -> str:
        """“A”, “B” and 3 more — a readable list of role titles."""
        names = [f"“{self.title(i)}”" for i in role_ids[:limit]]
        rest = len(role_ids) - len(names)
        if rest > 0:
            names.append(f"{rest} more")
        return and_list(names)

    # --- people and vacancies -------------------------------------------------

    def person(self, role_id: str) -> str | None:
        """The key of the person holding the role: ``None`` for a vacancy or a role naming no one."""
        return holder_key(self.roles[role_id])

    def same_person(self, a: str, b: str) -> bool:
        """Whether two roles are held by one person (a role is always its own holder)."""
        if a == b:
            return True
        key = self.person(a)
        return key is not None and key == self.person(b)

    @cached_property
    def place(self) -> dict[str, int]:
        """Each role's place in the chart's order of roles (a live validator keeps its own, in the same order)."""
        return dict(zip(self.roles, range(len(self.roles))))

    @cached_property
    def holders(self) -> dict[str, list[str]]:
        """The roles each person holds, by :func:`~tdorg.model.chart.holder_key` (vacancies and roles naming no one left out)."""
        return keyed_index(self.roles, "holders")

    def is_vacant(self, role_id: str) -> bool:
        """A vacant position is a plan, not a person: it holds no one and covers nothing that needs a person."""
        return self.roles[role_id].vacant

    def filled(self, role_ids: list[str] | tuple[str, ...]) -> list[str]:
        return [r for r in role_ids if not self.is_vacant(r)]

    def vacant(self, role_ids: list[str] | tuple[str, ...]) -> list[str]:
        return [r for r in role_ids if self.is_vacant(r)]

    def who(self, role_ids: list[str] | tuple[str, ...]) -> str:
        """A person and their roles — “Max Ruiz (“Help Desk”)” — or the role titles when unnamed."""
        name = self.roles[role_ids[0]].person if self.person(role_ids[0]) else ""
        return f"{name} ({self.titles(role_ids)})" if name else self.titles(role_ids)

    # --- flags and categories ---------------------------------------------

    @cached_property
    def by_flag(self) -> dict[str, list[str]]:
        return keyed_index(self.roles, "by_flag")

    @cached_property
    def by_category(self) -> dict[str, list[str]]:
        return keyed_index(self.roles, "by_category")

    def is_superintendent(self, role: Role) -> bool:
        return is_superintendent(role)

    def is_teaching_learning(self, role: Role) -> bool:
        return is_teaching_learning(role)

    @cached_property
    def integration_roles(self) -> list[str]:
        """The roles :func:`is_integration_role` names, found through the indexes."""
        found = [*self.by_category.get("integration_coach", ()), *self.leads.get("instructional_integration", ())]
        return list(dict.fromkeys(found))

    @cached_property
    def superintendents(self) -> list[str]:
        return listed_index(self.roles, "superintendents")

    @property
    def top_it_leader(self) -> str | None:
        """The one role flagged top IT leader, or ``None`` when not exactly one."""
        flagged = self.by_flag.get("top_it_leader", [])
        return flagged[0] if len(flagged) == 1 else None

    def leader_or_none(self) -> list[str]:
        """The top IT leader as a list of role ids to highlight (empty without one)."""
        return [self.top_it_leader] if self.top_it_leader else []

    @cached_property
    def it_subtree(self) -> set[str]:
        """The top IT leader and everyone under it (empty without one leader)."""
        leader = self.top_it_leader
        if leader is None:
            return set()
        return {leader, *self.chart.descendants(leader)}

    # --- functions and services -------------------------------------------

    @cached_property
    def leads(self) -> dict[str, list[str]]:
        return keyed_index(self.roles, "leads")

    @cached_property
    def backups(self) -> dict[str, list[str]]:
        return keyed_index(self.roles, "backups")

    @cached_property
    def service_area_roles(self) -> dict[str, list[str]]:
        return keyed_index(self.roles, "service_area_roles")

    @cached_property
    def core_service_roles(self) -> dict[str, list[str]]:
        return keyed_index(self.roles, "core_service_roles")

    @cached_property
    def privacy_owners(self) -> list[str]:
        """Roles that own student-data privacy: the flag, the category, or the lead of data privacy."""
        return listed_index(self.roles, "privacy_owners")

    @property
    def intake_owners(self) -> list[str]:
        """Roles flagged intake owner; without any, the leads of the help desk."""
        return self.by_flag.get("intake_owner", []) or self.leads.get("help_desk", [])

    # --- lines ---------------------------------------------------------------

    @property
    def into_it(self) -> LinesIntoIt:
        """Roles with a line into IT: in the top IT leader's subtree, or with a dotted line
        into it from the role or one of its managers. Empty without one top IT leader."""
        return LinesIntoIt(self.it_subtree, self.dotted_into_it)

    @cached_property
    def dotted_into_it(self) -> set[str]:
        """The roles outside the IT subtree with a dotted line into it, from themselves or a manager."""
        subtree = self.it_subtree
        outside: set[str] = set()
        if not subtree:
            return outside
        for role_id in self.dotted_sources:
            if role_id not in subtree and role_id not in outside and any(t in subtree for t in self.roles[role_id].dotted_to):
                outside.add(role_id)
                outside.update(r for r in self.chart.descendants(role_id) if r not in subtree)  # an IT team below
        return outside

    @cached_property
    def dotted_sources(self) -> list[str]:
        """Roles with a dotted line of their own."""
        return listed_index(self.roles, "dotted_sources")

    def covering(self, role_ids: list[str]) -> list[str]:
        """Of the roles serving something, those that count for the IT department: the ones with
        a line into IT; every one of them when the chart has no single top IT leader."""
        if not self.it_subtree:
            return list(role_ids)
        into = self.into_it
        return [r for r in role_ids if r in into]

    def some(self, role_ids: list[str] | tuple[str, ...], filled: bool = False, through_it: bool = False) -> bool:
        """Whether one of ``role_ids`` is filled (when ``filled``) and counts for the IT department (when
        ``through_it``, as :meth:`covering` counts): found at the first such role, without listing them all."""
        into = self.into_it if through_it and self.it_subtree else None
        roles = self.roles
        return any((not filled or not roles[r].vacant) and (into is None or r in into) for r in role_ids)

    def reaches(self, start: str, predicate) -> bool:
        """Whether following solid lines up and dotted lines out from ``start`` arrives at a
        role satisfying ``predicate`` (``start`` itself does not count). Each role is visited once."""
        seen = {start}
        frontier = [start]
        while frontier:
            role = self.roles[frontier.pop()]
            nexts = [role.reports_to] if role.reports_to is not None else []
            nexts.extend(role.dotted_to)
            for nxt in nexts:
                if nxt in seen:
                    continue
                if predicate(self.roles[nxt]):
                    return True
                seen.add(nxt)
                frontier.append(nxt)
        return False

    # --- staffing figures ---------------------------------------------------

    def effective_fte(self, kind: WorkKind) -> EffectiveFte:
        """The filled FTE doing ``kind`` of work: a role of its categories counts whole; another
        role counts its FTE times the share of its led functions that are of the kind."""
        return self.memo(("effective_fte", kind), lambda: self._effective_fte(kind))

    def _effective_fte(self, kind: WorkKind) -> EffectiveFte:
        categories = sorted(kind.categories)
        filled, vacant = self.filled_by_category, self.vacant_by_category
        partial: list[Share] = []
        vacant_partial: list[Share] = []
        by_share = [r for f in sorted(kind.functions) for r in self.leads.get(f, ())
                    if self.roles[r].category not in kind.categories]
        for role_id in dict.fromkeys(by_share):
            role = self.roles[role_id]
            mine = tuple(f for f in role.leads if f in kind.functions)
            share = Share(role.id, role.fte, len(mine) / len(role.leads), mine)
            (vacant_partial if role.vacant else partial).append(share)
        return EffectiveFte(
            kind,
            tuple((c, filled[c]) for c in categories if filled.get(c)),
            tuple(partial),
            (*(r for c in categories for r in vacant.get(c, ())), *(s.role_id for s in vacant_partial)),
            self.fte_sum([(c, False) for c in categories], [s.effective for s in partial]),
            self.fte_sum([(c, True) for c in categories], [s.effective for s in vacant_partial]),
            self.roles,
        )

    def fte_sum(self, groups: Iterable[tuple[str, bool]], extra: Iterable[float] = ()) -> float:
        """The FTE of the filled (``False``) or vacant (``True``) roles of each ``(category, vacant)`` group,
        and the ``extra`` values, summed exactly and rounded once: a kept sum and a fresh one agree."""
        if self.kept:
            sums = self.exact_fte
            return (sum(sums.get(g, 0) for g in groups) + sum(map(exact, extra))) / EXACT_ONE
        filled, vacant = self.filled_by_category, self.vacant_by_category
        values = [self.roles[r].fte for c, v in groups for r in (vacant if v else filled).get(c, ())]
        return math.fsum([*values, *extra])

    @cached_property
    def exact_fte(self) -> dict[tuple[str, bool], int]:
        """The FTE of each category's filled (``False``) and vacant (``True``) roles, exactly (see :func:`exact`)."""
        out: dict[tuple[str, bool], int] = {}
        for role in self.roles.values():
            key = (role.category, role.vacant)
            out[key] = out.get(key, 0) + exact(role.fte)
        return out

    @cached_property
    def filled_by_category(self) -> dict[str, list[str]]:
        """The filled roles of each category, in the chart's order."""
        return keyed_index(self.roles, "filled_by_category")

    @cached_property
    def vacant_by_category(self) -> dict[str, list[str]]:
        """The vacant roles of each category, in the chart's order."""
        return keyed_index(self.roles, "vacant_by_category")

    @cached_property
    def devices(self) -> Devices:
        """Devices entered, or students × (1:1 grades ÷ grades taught) when not entered."""
        district = self.chart.district
        if district.devices is not None:
            return Devices(district.devices)
        grades = parse_grades(district.one_to_one_grades)
        if grades is None:
            return Devices(None, unreadable=district.one_to_one_grades.strip())
        if district.students is None:
            return Devices(None, grades=grades)
        return Devices(round(district.students * grades.share()), True, grades)

    # --- the law -------------------------------------------------------------

    @cached_property
    def privacy_law(self) -> PrivacyLaw | None:
        return state_law(self.chart.district.state)

    @cached_property
    def named_privacy_officer_required(self) -> bool:
        district = self.chart.district
        return named_officer_required(district.state, district.privacy_officer_required)


