"""Finding roles by what a user types: title, person or id, ignoring case and accents.

Every word typed must appear somewhere in the role's title, person or id
("desk ortiz" finds the help desk technician Ana Ortíz). Matches come in
the chart's tree order (a manager before its reports, reports in the user's
order). The folded text of each role is kept between searches and worked
out again only for roles that changed, so searching a 5,000-role chart on
every keystroke stays cheap.
"""

from __future__ import annotations

from .chart import Chart
from .folding import fold
from .role import Role


def _haystack(role: Role) -> str:
    return fold(f"{role.title}\n{role.person}\n{role.id}")


class RoleFinder:
    """Searches one chart at a time; remembers the folded text of each role until the role changes."""

    def __init__(self) -> None:
        self._chart: Chart | None = None
        self._revision = -1
        self._folded: dict[str, tuple[Role, str]] = {}
        self._order: list[tuple[str, str]] = []

    def _refresh(self, chart: Chart) -> None:
        if chart is self._chart and chart.revision == self._revision:
            return
        if chart is not self._chart:
            self._folded = {}
        roles = chart.roles
        folded: dict[str, tuple[Role, str]] = {}
        for role_id in chart.tree_order():
            role = roles[role_id]
            known = self._folded.get(role_id)
            folded[role_id] = known if known is not None and known[0] is role else (role, _haystack(role))
        self._folded = folded
        self._order = [(role_id, text) for role_id, (_role, text) in folded.items()]
        self._chart, self._revision = chart, chart.revision

    def find(self, chart: Chart, query: str) -> list[str]:
        """Ids of the roles matching every word of ``query``, in tree order; none for an empty query."""
        words = fold(query).split()
        if not words:
            return []
        self._refresh(chart)
        if len(words) == 1:
            word = words[0]
            return [role_id for role_id, text in self._order if word in text]
        return [role_id for role_id, text in self._order if all(w in text for w in words)]
