"""The chart: district facts, roles in a reporting forest, and the edits on them.

Every edit either succeeds completely or raises an :class:`EditError` and
leaves the chart exactly as it was. Each successful edit returns what is
needed to undo it and announces a :class:`Change` to the chart's listeners.

What the chart keeps beside its roles, brought up to date by each edit, is in
modules of its own: the lines between roles (:mod:`.reporting_lines`), each
person's FTE across roles (:mod:`.people`) and the roles' totals
(:mod:`.chart_totals`).
"""

from __future__ import annotations

from operator import attrgetter
from types import MappingProxyType
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Mapping, NamedTuple

from .arrangement import check_arrangement
from .chart_totals import KeptTotals, Totals
from .district import District
from .errors import (
    CycleError,
    DuplicateIdError,
    EditError,
    FieldValueError,
    SelfReportError,
    TooManyRolesError,
    UnknownRoleError,
)
from .people import DEFAULT_MAX_PERSON_FTE, FTE_EPSILON, PERSON_FTE_PARAM, PERSON_FTE_RULE, PersonFte, person_key
from .reporting_lines import ReportingLines, pre_order
from .role import Role, check_id, check_role, is_assistant, normalise_fields
from .settings import RuleSettings
from .values import NOTES_MAX, ROLES_MAX, ChartRoom, check_text

if TYPE_CHECKING:
    from .chart_snapshot import ChartSnapshot

# Kinds of change a listener can receive.
ADDED = "added"
REMOVED = "removed"
UPDATED = "updated"
REPARENTED = "reparented"
DOTTED = "dotted"
REORDERED = "reordered"
DISTRICT = "district"
SETTINGS = "settings"
ARRANGED = "arranged"
COLLAPSED = "collapsed"

#: Kinds that move boxes: they change the shape of the reporting forest or how a manager's reports are arranged.
#: (A collapse or expand moves boxes only on the canvas: the chart prints whole, see :meth:`Chart.set_collapsed`.)
STRUCTURAL = frozenset({ADDED, REMOVED, REPARENTED, REORDERED, ARRANGED})

_ID = attrgetter("id")


class Change(NamedTuple):
    """One announced change: what happened and to which roles."""

    kind: str
    role_ids: tuple[str, ...] = ()
    fields: frozenset[str] = frozenset()


class Removal(NamedTuple):
    """Everything :meth:`Chart.restore` needs to undo :meth:`Chart.remove_role`."""

    role: Role
    index: int
    children: tuple[str, ...]
    dotted_from: tuple[tuple[str, int], ...]
    #: The arrangement the user chose for the role's reports, if any.
    arrangement: int | None = None
    #: Whether the role's reports were collapsed on the canvas.
    collapsed: bool = False


Listener = Callable[[Change], None]


class Chart:
    """A district's technology department as a reporting forest.

    ``arrangements`` holds, for the managers whose leaf reports the user
    arranged (see :mod:`.arrangement`), the number of columns chosen; the
    layout arranges the others itself. ``collapsed`` names the managers whose
    reports, and everything below them, the canvas hides (the chart still
    holds, checks and prints them).
    """

    def __init__(
        self,
        district: District | None = None,
        roles: Iterable[Role] = (),
        settings: RuleSettings | None = None,
        notes: str = "",
        arrangements: Mapping[str, int] | None = None,
        collapsed: Iterable[str] = (),
    ) -> None:
        self._setup(district, settings, notes)
        self._load(list(roles))
        self._load_arrangements(arrangements or {})
        self._load_collapsed(collapsed)

    @classmethod
    def of_checked(
        cls,
        district: District,
        roles: Iterable[Role],
        settings: RuleSettings,
        notes: str,
        arrangements: Mapping[str, int],
        collapsed: Iterable[str] = (),
    ) -> "Chart":
        """A chart of roles whose every field has just passed :func:`~.role.check_role`'s checks
        (a file reader checks each row once, as it reads it); everything else is checked here."""
        chart = cls.__new__(cls)
        chart._setup(district, settings, notes)
        chart._load(list(roles), trusted=True)
        chart._load_arrangements(arrangements)
        chart._load_collapsed(collapsed)
        return chart

    def _setup(self, district: District | None, settings: RuleSettings | None, notes: str) -> None:
        self._district = district or District()
        self._settings = settings or RuleSettings()
        self.notes = check_text("notes", notes, NOTES_MAX, "The chart's notes")
        self._roles: dict[str, Role] = {}
        self._arrangements: dict[str, int] = {}
        self._collapsed: set[str] = set()
        self._district.check()
        self.room = ChartRoom()  # how far the file it is a scenario of lets it grow
        #: What the chart keeps beside its roles: the lines between them, each person's FTE and the totals.
        self._lines = ReportingLines()
        self._people = PersonFte()
        self._totals = KeptTotals()
        self._listeners: list[Listener] = []
        self.revision = 0

    # --- construction -----------------------------------------------------

    def _load(self, roles: list[Role], trusted: bool = False) -> None:
        """Fill a new chart with roles in the given order, managers possibly after their reports.

        ``trusted`` roles come from another chart, or were checked as they were read, and skip the field checks."""
        checked = dict(zip(map(_ID, roles), roles)) if trusted else {}
        if len(checked) < len(roles):  # roles to check, or two with one id
            checked = {}
            for role in roles:
                role = role if trusted else check_role(role)
                if role.id in checked:
                    raise DuplicateIdError(role.id)
                checked[role.id] = role
        self._lines.load(checked)  # a chart that fails a check is dropped
        self._roles = checked

    def _load_arrangements(self, arrangements: Mapping[str, int]) -> None:
        for role_id, columns in arrangements.items():
            if role_id not in self._roles:
                raise UnknownRoleError(role_id, "a manager whose reports are arranged")
            self._arrangements[role_id] = check_arrangement(columns)

    def _load_collapsed(self, collapsed: Iterable[str]) -> None:
        for role_id in collapsed:
            if role_id not in self._roles:
                raise UnknownRoleError(role_id, "a collapsed manager")
            self._collapsed.add(role_id)

    def copy(self) -> "Chart":
        """An independent chart with the same content and no listeners."""
        return Chart.of_checked(self._district, self.roles_in_order(), self._settings, self.notes, self._arrangements,
                                self._collapsed)

    # --- observation ------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _announce(self, kind: str, role_ids: Iterable[str] = (), fields_: Iterable[str] = ()) -> None:
        self.revision += 1
        change = Change(kind, tuple(role_ids), frozenset(fields_))
        for listener in list(self._listeners):
            listener(change)

    # --- queries ----------------------------------------------------------

    @property
    def district(self) -> District:
        return self._district

    @property
    def settings(self) -> RuleSettings:
        return self._settings

    @property
    def roles(self) -> Mapping[str, Role]:
        return MappingProxyType(self._roles)

    def __len__(self) -> int:
        return len(self._roles)

    def __contains__(self, role_id: object) -> bool:
        return role_id in self._roles

    def role(self, role_id: str) -> Role:
        try:
            return self._roles[role_id]
        except KeyError:
            raise UnknownRoleError(role_id) from None

    def children(self, role_id: str | None) -> tuple[str, ...]:
        """Direct reports in the user's order; ``None`` gives the top roles."""
        if role_id is not None and role_id not in self._roles:
            raise UnknownRoleError(role_id)
        return tuple(self._lines.children.get(role_id, ()))

    def child_count(self, role_id: str | None) -> int:
        return len(self._lines.children.get(role_id, ()))

    def roots(self) -> tuple[str, ...]:
        return tuple(self._lines.children[None])

    @property
    def arrangements(self) -> Mapping[str, int]:
        """The columns the user chose per manager (0: one row); managers not listed are automatic."""
        return MappingProxyType(self._arrangements)

    def arrangement(self, role_id: str) -> int | None:
        """The columns chosen for ``role_id``'s leaf reports, or ``None`` when they are arranged automatically."""
        self.role(role_id)
        return self._arrangements.get(role_id)

    @property
    def collapsed(self) -> frozenset[str]:
        """The managers whose subtrees the canvas hides."""
        return frozenset(self._collapsed)

    def is_collapsed(self, role_id: str) -> bool:
        """True when ``role_id`` is collapsed and has reports to hide."""
        return role_id in self._collapsed and bool(self._lines.children.get(role_id))

    def hidden_roles(self) -> dict[str, str]:
        """Every role a collapsed manager hides, each with the shown manager it is folded into
        (the highest collapsed one above it)."""
        hidden: dict[str, str] = {}
        for manager in self._collapsed:
            if manager in hidden or not self._lines.children.get(manager):
                continue
            if any(a in self._collapsed for a in self.ancestors(manager)):
                continue  # a collapsed manager above hides it and its subtree
            hidden.update(dict.fromkeys(self.descendants(manager), manager))
        return hidden

    def collapsed_above(self, role_id: str) -> list[str]:
        """The collapsed managers above ``role_id``, nearest first: those that hide it."""
        return [a for a in self.ancestors(role_id) if a in self._collapsed]

    def leaf_reports(self, role_id: str) -> tuple[str, ...]:
        """The reports of ``role_id`` an arrangement places: no reports of their own, not assistants."""
        return tuple(
            kid for kid in self.children(role_id)
            if not self._lines.children.get(kid) and not is_assistant(self._roles[kid])
        )

    def dotted_reports(self, role_id: str) -> frozenset[str]:
        """Roles that have a dotted line to ``role_id``."""
        return frozenset(self._lines.dotted_in.get(role_id, ()))

    def index_among_siblings(self, role_id: str) -> int:
        role = self.role(role_id)
        return self._lines.children[role.reports_to].index(role_id)

    def ancestors(self, role_id: str) -> Iterator[str]:
        """Managers of ``role_id`` upwards, nearest first."""
        current = self.role(role_id).reports_to
        while current is not None:
            yield current
            current = self._roles[current].reports_to

    def is_under(self, role_id: str, manager_id: str) -> bool:
        """True when ``manager_id`` is ``role_id`` itself or one of its managers."""
        if role_id == manager_id:
            return True
        return any(a == manager_id for a in self.ancestors(role_id))

    def descendants(self, role_id: str) -> list[str]:
        """Every role under ``role_id`` (not itself), in pre-order."""
        return pre_order(self._lines.children, role_id)

    def tree_order(self) -> list[str]:
        """All role ids in pre-order, top roles first, siblings in user order."""
        return pre_order(self._lines.children, None)

    def roles_in_order(self) -> list[Role]:
        return [self._roles[i] for i in self.tree_order()]

    def snapshot(self) -> "ChartSnapshot":
        """What a file keeps of the chart now, for writing it while the chart goes on changing (its roles are
        immutable, so only the containers are copied: a few milliseconds at 50,000 roles)."""
        from .chart_snapshot import ChartSnapshot

        return ChartSnapshot(self._district, self._settings, self.notes, dict(self._roles),
                             {manager: tuple(reports) for manager, reports in self._lines.children.items()},
                             dict(self._arrangements), frozenset(self._collapsed))

    def person_fte(self, person: str) -> float:
        return self._people.of(self._roles.values()).get(person_key(person), 0.0)

    def totals(self) -> Totals:
        """The roles' FTE, vacancies and annual cost added up, summed exactly and rounded once (kept as roles
        change after the first time asked for)."""
        return self._totals.of(self._roles.values())

    def max_person_fte(self) -> float:
        """The most FTE one person may hold across roles: the chart's STR-2 threshold."""
        return self._settings.threshold(PERSON_FTE_RULE, PERSON_FTE_PARAM, DEFAULT_MAX_PERSON_FTE)

    def over_allocated_people(self) -> dict[str, float]:
        """People (by normalised name) whose FTE across roles exceeds the chart's limit."""
        limit = self.max_person_fte()
        return {p: t for p, t in self._people.of(self._roles.values()).items() if t > limit + FTE_EPSILON}

    def new_id(self, stem: str) -> str:
        """A fresh id built from ``stem`` (e.g. a category)."""
        base = "".join(c if c.isalnum() or c in "_-." else "_" for c in stem.lower()).strip("_") or "role"
        base = base[:56]
        if base not in self._roles:
            return base
        n = 2
        while f"{base}-{n}" in self._roles:
            n += 1
        return f"{base}-{n}"

    def reparent_problem(self, role_id: str, manager_id: str | None) -> EditError | None:
        """The error :meth:`reparent` would raise, or ``None`` if it is allowed."""
        role = self._roles.get(role_id)
        if role is None:
            return UnknownRoleError(role_id)
        if manager_id is None:
            return None
        manager = self._roles.get(manager_id)
        if manager is None:
            return UnknownRoleError(manager_id, "the new manager")
        if manager_id == role_id:
            return SelfReportError(role_id, role.title)
        if self.is_under(manager_id, role_id):
            return CycleError(role_id, manager_id, role.title, manager.title)
        return None

    # --- edits ------------------------------------------------------------

    def add_role(self, role: Role, index: int | None = None) -> Role:
        """Add a role (with its manager and dotted lines); returns the stored value."""
        role = check_role(role)
        if role.id in self._roles:
            raise DuplicateIdError(role.id)
        if len(self._roles) >= ROLES_MAX:
            raise TooManyRolesError(ROLES_MAX)
        if role.reports_to is not None and role.reports_to not in self._roles:
            raise UnknownRoleError(role.reports_to, f"the manager of “{role.title}”")
        for target in role.dotted_to:
            if target not in self._roles:
                raise UnknownRoleError(target, f"a dotted line of “{role.title}”")
        self._check_person_total(role, None)
        self.room.grow(len(self._roles) + 1)
        self._insert(role, index)
        self._announce(ADDED, (role.id,))
        return role

    def remove_role(self, role_id: str) -> Removal:
        """Remove a role; its reports move up to its manager in its place."""
        role = self.role(role_id)
        siblings = self._lines.children[role.reports_to]
        index = siblings.index(role_id)
        children = tuple(self._lines.children.get(role_id, ()))
        dotted_from = tuple(
            (source, self._roles[source].dotted_to.index(role_id)) for source in sorted(self._lines.dotted_in.get(role_id, ()))
        )
        for source, _ in dotted_from:
            src = self._roles[source]
            self._roles[source] = src.with_changes(dotted_to=tuple(t for t in src.dotted_to if t != role_id))
        self._lines.dotted_in.pop(role_id, None)
        for target in role.dotted_to:
            self._lines.drop_dotted(role_id, target)
        siblings[index : index + 1] = list(children)
        for child in children:
            self._roles[child] = self._roles[child].with_changes(reports_to=role.reports_to)
        self._lines.children.pop(role_id, None)
        del self._roles[role_id]
        arrangement = self._arrangements.pop(role_id, None)
        collapsed = role_id in self._collapsed
        self._collapsed.discard(role_id)
        self._count_person(role, -1)
        self._announce(REMOVED, (role_id,) + children + tuple(s for s, _ in dotted_from))
        return Removal(role, index, children, dotted_from, arrangement, collapsed)

    def restore(self, removal: Removal) -> None:
        """Undo :meth:`remove_role` exactly."""
        role = removal.role
        if role.id in self._roles:
            raise DuplicateIdError(role.id)
        siblings = self._lines.children[role.reports_to]
        del siblings[removal.index : removal.index + len(removal.children)]
        siblings.insert(removal.index, role.id)
        self._roles[role.id] = role
        if removal.arrangement is not None:
            self._arrangements[role.id] = removal.arrangement
        if removal.collapsed:
            self._collapsed.add(role.id)
        self._lines.children[role.id] = list(removal.children)
        for child in removal.children:
            self._roles[child] = self._roles[child].with_changes(reports_to=role.id)
        for target in role.dotted_to:
            self._lines.add_dotted(role.id, target)
        for source, position in removal.dotted_from:
            src = self._roles[source]
            targets = list(src.dotted_to)
            targets.insert(position, role.id)
            self._roles[source] = src.with_changes(dotted_to=tuple(targets))
            self._lines.add_dotted(source, role.id)
        self._count_person(role, +1)
        self._announce(ADDED, (role.id,) + removal.children + tuple(s for s, _ in removal.dotted_from))

    def update_role(self, role_id: str, **changes: object) -> dict[str, object]:
        """Change fields of a role; returns the old values (for undo)."""
        old = self.role(role_id)
        checked = normalise_fields(changes)
        new = old.with_changes(**checked)
        if new == old:
            return {}
        self._check_person_total(new, old)
        previous = {name: getattr(old, name) for name in checked}
        self._count_person(old, -1)
        self._roles[role_id] = new
        self._count_person(new, +1)
        self._announce(UPDATED, (role_id,), checked.keys())
        return previous

    def reparent(self, role_id: str, manager_id: str | None, index: int | None = None) -> tuple[str | None, int]:
        """Make ``role_id`` report to ``manager_id``; returns the old manager and index."""
        problem = self.reparent_problem(role_id, manager_id)
        if problem is not None:
            raise problem
        role = self._roles[role_id]
        old_manager = role.reports_to
        old_index = self._lines.take(role_id, old_manager)
        self._lines.place(role_id, manager_id, index)
        self._roles[role_id] = role.with_changes(reports_to=manager_id)
        affected = tuple(x for x in (role_id, old_manager, manager_id) if x is not None)
        self._announce(REPARENTED, affected)
        return old_manager, old_index

    def move_sibling(self, role_id: str, index: int) -> int:
        """Move a role to ``index`` among its siblings; returns the old index."""
        role = self.role(role_id)
        siblings = self._lines.children[role.reports_to]
        old = siblings.index(role_id)
        index = max(0, min(index, len(siblings) - 1))
        if index != old:
            siblings.pop(old)
            siblings.insert(index, role_id)
            self._announce(REORDERED, (role_id,))
        return old

    def add_dotted(self, role_id: str, target_id: str, index: int | None = None) -> None:
        role = self.role(role_id)
        target = self._roles.get(target_id)
        if target is None:
            raise UnknownRoleError(target_id, "the end of the dotted line")
        if target_id == role_id:
            raise FieldValueError("dotted_to", f"“{role.title}” cannot have a dotted line to itself.")
        if target_id in role.dotted_to:
            raise FieldValueError("dotted_to", f"“{role.title}” already has a dotted line to “{target.title}”.")
        targets = list(role.dotted_to)
        targets.insert(len(targets) if index is None else index, target_id)
        self._roles[role_id] = role.with_changes(dotted_to=tuple(targets))
        self._lines.add_dotted(role_id, target_id)
        self._announce(DOTTED, (role_id, target_id))

    def remove_dotted(self, role_id: str, target_id: str) -> int:
        """Remove a dotted line; returns its position (for undo)."""
        role = self.role(role_id)
        if target_id not in role.dotted_to:
            raise FieldValueError("dotted_to", f"“{role.title}” has no dotted line to “{target_id}”.")
        position = role.dotted_to.index(target_id)
        self._roles[role_id] = role.with_changes(dotted_to=tuple(t for t in role.dotted_to if t != target_id))
        self._lines.drop_dotted(role_id, target_id)
        self._announce(DOTTED, (role_id, target_id))
        return position

    def set_arrangement(self, role_id: str, columns: int | None, *, undoing: bool = False) -> int | None:
        """Arrange ``role_id``'s leaf reports in ``columns`` (0: one row; ``None``: automatically,
        as the page suits); returns the previous choice (for undo).

        ``undoing`` puts back an earlier choice, which may name more columns than
        there are leaf reports now (the layout then puts them in one row).
        """
        role = self.role(role_id)
        old = self._arrangements.get(role_id)
        if columns is None:
            self._arrangements.pop(role_id, None)
        elif undoing:
            self._arrangements[role_id] = check_arrangement(columns)
        else:
            leaves = len(self.leaf_reports(role_id))
            if not leaves:
                raise FieldValueError("arrangement", f"“{role.title}” has no reports without reports of their own to arrange.")
            self._arrangements[role_id] = check_arrangement(columns, leaves)
        if self._arrangements.get(role_id) != old:
            self._announce(ARRANGED, (role_id,))
        return old

    def set_collapsed(self, role_id: str, collapsed: bool, *, undoing: bool = False) -> bool:
        """Collapse ``role_id`` (its reports and everything below them leave the canvas) or expand it;
        returns whether it was collapsed (for undo).

        Only the canvas hides a collapsed subtree: its roles stay in the chart,
        in the findings and in every export. A role that comes to report to a
        collapsed manager is hidden with the others. ``undoing`` puts back an
        earlier state, even on a role that has no reports any more.
        """
        role = self.role(role_id)
        old = role_id in self._collapsed
        if collapsed and not undoing and not self._lines.children.get(role_id):
            raise FieldValueError("collapsed", f"“{role.title}” has no reports to collapse.")
        if collapsed != old:
            if collapsed:
                self._collapsed.add(role_id)
            else:
                self._collapsed.discard(role_id)
            self._announce(COLLAPSED, (role_id,))
        return old

    def set_district(self, district: District) -> District:
        district.check()
        old = self._district
        if district != old:
            self._district = district
            self._announce(DISTRICT)
        return old

    def set_settings(self, settings: RuleSettings) -> RuleSettings:
        old = self._settings
        if settings != old:
            self._settings = settings
            self._announce(SETTINGS)
        return old

    # --- comparison -------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Chart):
            return NotImplemented
        return (
            self._district == other._district
            and self._settings == other._settings
            and self.notes == other.notes
            and self.roles_in_order() == other.roles_in_order()
            and self._arrangements == other._arrangements
            and self._collapsed == other._collapsed
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<Chart {self._district.name!r}: {len(self._roles)} roles>"

    # --- internals --------------------------------------------------------

    def _insert(self, role: Role, index: int | None) -> None:
        lines = self._lines
        lines.place(role.id, role.reports_to, index)
        lines.children.setdefault(role.id, [])
        self._roles[role.id] = role
        for target in role.dotted_to:
            lines.add_dotted(role.id, target)
        self._count_person(role, +1)

    def _count_person(self, role: Role, sign: int) -> None:
        """Add (``sign`` +1) or take away (-1) a role coming or going in its holder's total and the chart's totals."""
        self._totals.count((role,), sign)
        self._people.count((role,), sign)

    def _check_person_total(self, new: Role, old: Role | None) -> None:
        self._people.check(new, old, self._roles.values(), self.max_person_fte())


__all__ = [
    "ADDED",
    "ARRANGED",
    "COLLAPSED",
    "Chart",
    "Change",
    "DISTRICT",
    "DOTTED",
    "REMOVED",
    "REORDERED",
    "REPARENTED",
    "Removal",
    "SETTINGS",
    "STRUCTURAL",
    "UPDATED",
    "check_id",
]
