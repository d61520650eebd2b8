"""A chart's roles added up (FTE, vacancies, annual cost), kept as roles come, go or change."""

from __future__ import annotations

from typing import Iterable, NamedTuple

from .exact_sum import EXACT_ONE, exact
from .role import Role


class Totals(NamedTuple):
    """Every role added up: FTE, vacancies, annual cost and how many roles have one."""

    fte: float
    vacant: int
    cost: float
    costed: int


class KeptTotals:
    """The roles' FTE (exactly), vacancies, annual cost (exactly) and roles with a cost: added up the first time
    asked for, then kept role by role, summed exactly and rounded once as the rules' FTE sums are."""

    __slots__ = ("_sums",)

    def __init__(self) -> None:
        self._sums: list[int] | None = None

    def of(self, roles: Iterable[Role]) -> Totals:
        """The totals; ``roles`` are the chart's, added up if nothing was yet."""
        if self._sums is None:
            self._sums = [0, 0, 0, 0]
            self.count(roles, +1)
        fte, vacant, cost, costed = self._sums
        return Totals(fte / EXACT_ONE, vacant, cost / EXACT_ONE, costed)

    def count(self, roles: Iterable[Role], sign: int) -> None:
        """Add (``sign`` +1) or take away (-1) roles coming or going, once there are totals."""
        sums = self._sums
        if sums is None:
            return
        for role in roles:
            sums[0] += sign * exact(role.fte)
            sums[1] += sign * role.vacant
            if role.annual_cost is not None:
                sums[2] += sign * exact(role.annual_cost)
                sums[3] += sign


__all__ = ["KeptTotals", "Totals"]
