"""People across roles: the key that matches a person, and the FTE each person holds summed over their roles."""

from __future__ import annotations

from typing import Iterable

from .errors import PersonOverAllocatedError
from .folding import fold
from .role import Role

#: The rule and threshold that limit one person's FTE summed over roles, and its default.
PERSON_FTE_RULE, PERSON_FTE_PARAM, DEFAULT_MAX_PERSON_FTE = "STR-2", "max_person_fte", 1.0

#: How far above a limit a sum of FTE may be before it is over: what floating-point addition can leave.
FTE_EPSILON = 1e-9


def person_key(person: str) -> str:
    """The key that matches a person across roles: the name ignoring case, accents and spacing."""
    return " ".join(fold(person).split())


def holder_key(role: Role) -> str | None:
    """The :func:`person_key` of the person holding ``role``; ``None`` for a vacant position
    (a plan, not a person) or a filled role that names no one (no one else's role matches it)."""
    if role.vacant or not role.person:
        return None
    return person_key(role.person)


def _counts(role: Role) -> bool:
    return bool(role.person) and not role.vacant


class PersonFte:
    """The FTE each person holds across a chart's roles, by :func:`person_key`: counted the first time it is
    asked for (opening a chart does not need it), then kept as roles come, go or change."""

    __slots__ = ("_fte",)

    def __init__(self) -> None:
        self._fte: dict[str, float] | None = None

    def of(self, roles: Iterable[Role]) -> dict[str, float]:
        """Each person's FTE; ``roles`` are the chart's, counted if nothing was yet."""
        if self._fte is None:
            self._fte = {}
            self.count(roles, +1)
        return self._fte

    def count(self, roles: Iterable[Role], sign: int) -> None:
        """Add (``sign`` +1) or take away (-1) the FTE of each role to its holder's total, once there are totals."""
        totals = self._fte
        if totals is None:
            return
        for role in roles:
            if not _counts(role):
                continue
            key = person_key(role.person)
            total = totals.get(key, 0.0) + sign * role.fte
            if total <= FTE_EPSILON:
                totals.pop(key, None)
            else:
                totals[key] = total

    def check(self, new: Role, old: Role | None, roles: Iterable[Role], limit: float) -> None:
        """Raise :class:`PersonOverAllocatedError` when ``new`` (replacing ``old``, if given) would take its holder
        past ``limit``."""
        if not _counts(new):
            return
        key = person_key(new.person)
        total = self.of(roles).get(key, 0.0) + new.fte
        if old is not None and _counts(old) and person_key(old.person) == key:
            total -= old.fte
        if total > limit + FTE_EPSILON:
            raise PersonOverAllocatedError(new.person, round(total, 4), limit)


__all__ = ["DEFAULT_MAX_PERSON_FTE", "FTE_EPSILON", "PERSON_FTE_PARAM", "PERSON_FTE_RULE", "PersonFte", "holder_key",
           "person_key"]
