"""The lines between a chart's roles, indexed: each manager's reports in order, and who has a dotted line to whom."""

from __future__ import annotations

from itertools import repeat
from operator import attrgetter, lt
from typing import Mapping, Sequence

from .errors import CycleError, FieldValueError, SelfReportError, UnknownRoleError
from .graph import find_reporting_cycle
from .role import Role

_MANAGER, _DOTTED = attrgetter("reports_to"), attrgetter("dotted_to")


def pre_order(children: Mapping[str | None, Sequence[str]], top: str | None) -> list[str]:
    """Every role under ``top`` (``None``: the whole forest) in pre-order, siblings in ``children``'s order."""
    out: list[str] = []
    stack = list(reversed(children.get(top, ())))
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(reversed(children.get(current, ())))
    return out


class ReportingLines:
    """``children``: each manager's reports in the user's order (``None``: the top roles; a role without reports
    may have no list); ``dotted_in``: for each role, the roles with a dotted line to it.

    The roles themselves (their ``reports_to`` and ``dotted_to``) are the chart's: it changes both together.
    """

    __slots__ = ("children", "dotted_in")

    def __init__(self) -> None:
        self.children: dict[str | None, list[str]] = {None: []}
        self.dotted_in: dict[str, set[str]] = {}

    def load(self, roles: dict[str, Role]) -> None:
        """Index the lines of a new chart's ``roles`` (by id, in the chart's order, managers possibly after their
        reports), refusing a line to a role that is not there or to itself, and a loop."""
        # As files and copies list roles, each manager before its reports: then the lines cannot make a loop.
        place = dict(zip(roles, range(len(roles))))
        place[None] = -1
        managers = list(map(_MANAGER, roles.values()))
        managers_first = all(map(lt, map(place.get, managers, repeat(len(roles))), range(len(roles))))
        dotted_in = self.dotted_in  # filled as the lines are checked
        for role in roles.values() if not managers_first else filter(_DOTTED, roles.values()):
            if role.reports_to is not None and not managers_first:  # else each manager is a role listed before
                if role.reports_to == role.id:
                    raise SelfReportError(role.id, role.title)
                if role.reports_to not in roles:
                    raise UnknownRoleError(role.reports_to, f"the manager of “{role.title}”")
            for target in role.dotted_to:
                if target not in roles:
                    raise UnknownRoleError(target, f"a dotted line of “{role.title}”")
                if target == role.id:
                    raise FieldValueError("dotted_to", f"“{role.title}” cannot have a dotted line to itself.")
                sources = dotted_in.get(target)
                if sources is None:
                    dotted_in[target] = {role.id}
                else:
                    sources.add(role.id)
        if not managers_first:
            _check_acyclic(roles)
        children = self.children  # a role without reports has no list yet
        for role_id, manager in zip(roles, managers):
            siblings = children.get(manager)
            if siblings is None:
                children[manager] = [role_id]
            else:
                siblings.append(role_id)

    def place(self, role_id: str, manager: str | None, index: int | None) -> None:
        """List ``role_id`` under ``manager`` at ``index`` (kept within the list; ``None``: last)."""
        siblings = self.children.setdefault(manager, [])
        siblings.insert(len(siblings) if index is None else max(0, min(index, len(siblings))), role_id)

    def take(self, role_id: str, manager: str | None) -> int:
        """Take ``role_id`` from ``manager``'s reports; returns where it was."""
        siblings = self.children[manager]
        index = siblings.index(role_id)
        siblings.pop(index)
        return index

    def add_dotted(self, source: str, target: str) -> None:
        self.dotted_in.setdefault(target, set()).add(source)

    def drop_dotted(self, source: str, target: str) -> None:
        self.dotted_in.get(target, set()).discard(source)


def _check_acyclic(roles: dict[str, Role]) -> None:
    """Raise :class:`CycleError` naming a loop in the reporting lines, if any."""
    loop = find_reporting_cycle({r.id: r.reports_to for r in roles.values()})
    if loop:
        first, last = roles[loop[0]], roles[loop[-1]]
        raise CycleError(last.id, first.id, last.title, first.title, loop=[roles[i].title for i in loop])


__all__ = ["ReportingLines", "pre_order"]
