"""How a manager's leaf reports are arranged when the user chooses it rather than the layout.

A chart keeps an arrangement only for the managers the user overrides; every
other manager is arranged automatically (to fit the page). An arrangement is
a number of columns: :data:`ONE_ROW` (0) puts every leaf report side by side,
``n`` from 1 up stacks them in ``n`` columns. A leaf report is a report with
no reports of its own that is not an assistant (assistants hang beside their
manager's connector whatever the arrangement).
"""

from __future__ import annotations

from .errors import FieldValueError
from .plural import plural
from .values import ROLES_MAX, shown

#: Every leaf report in one row.
ONE_ROW = 0
#: The most columns any file may ask for: no chart has more roles.
MAX_COLUMNS = ROLES_MAX


def check_arrangement(value: object, leaf_reports: int | None = None) -> int:
    """``value`` when it is :data:`ONE_ROW` or a number of columns from 1 to ``leaf_reports``
    (to :data:`MAX_COLUMNS` when the count is not given); else :class:`FieldValueError`."""
    most = MAX_COLUMNS if leaf_reports is None else leaf_reports
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COLUMNS:
        raise FieldValueError(
            "arrangement",
            f"An arrangement is one row (0) or a number of columns from 1 to {most:,}; got {shown(value)}.",
        )
    if value > most:
        raise FieldValueError(
            "arrangement",
            f"{plural(value, 'column')} is more than the {plural(most, 'leaf report')} there are to stack.",
        )
    return value


def describe_arrangement(value: int | None) -> str:
    """The arrangement in words, as a menu or a message shows it."""
    if value is None:
        return "Automatic"
    if value == ONE_ROW:
        return "One row"
    return f"Stacked in {plural(value, 'column')}"


__all__ = ["MAX_COLUMNS", "ONE_ROW", "check_arrangement", "describe_arrangement"]
