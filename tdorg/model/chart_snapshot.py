"""A chart's content at one moment (:meth:`.chart.Chart.snapshot`), for writing a file while the chart changes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from .reporting_lines import pre_order
from .district import District
from .role import Role
from .settings import RuleSettings


@dataclass(frozen=True)
class ChartSnapshot:
    """What a file keeps of a chart, read as the file writer reads a :class:`~.chart.Chart`."""

    district: District
    settings: RuleSettings
    notes: str
    roles: Mapping[str, Role]
    #: Each manager's reports in order (``None``: the top roles).
    children: Mapping[str | None, tuple[str, ...]]
    arrangements: Mapping[str, int]
    collapsed: frozenset[str]

    def roles_in_order(self) -> list[Role]:
        return [self.roles[i] for i in pre_order(self.children, None)]
