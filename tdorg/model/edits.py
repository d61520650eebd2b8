"""Edits of a chart: reversible operations, and one step made of several of them.

Every change the editor makes to a chart is a list of :class:`Op` objects,
each a pair of ``Chart`` calls (``do`` and ``undo``). An :class:`Edit` runs
them as one step: :meth:`Edit.apply` performs them the first time and, when
the model refuses one with an ``EditError``, undoes the ones already done and
re-raises, so the chart is never left half-changed. ``redo`` and ``undo``
replay the step later (the editor's undo stack calls them).

A new kind of edit is one more :class:`Op` subclass here: its ``__init__``
keeps what it needs, ``do`` changes the chart and remembers what ``undo``
needs to put it back.
"""

from __future__ import annotations

from typing import Sequence

from .chart import Chart, Removal
from .district import District
from .role import Role
from .settings import RuleSettings


class Op:
    """One reversible chart operation."""

    def do(self, chart: Chart) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def undo(self, chart: Chart) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class AddRole(Op):
    def __init__(self, role: Role, index: int | None = None) -> None:
        self.role, self.index = role, index

    def do(self, chart: Chart) -> None:
        chart.add_role(self.role, self.index)

    def undo(self, chart: Chart) -> None:
        chart.remove_role(self.role.id)


class RemoveRole(Op):
    def __init__(self, role_id: str) -> None:
        self.role_id = role_id
        self.removal: Removal | None = None

    def do(self, chart: Chart) -> None:
        self.removal = chart.remove_role(self.role_id)

    def undo(self, chart: Chart) -> None:
        assert self.removal is not None
        chart.restore(self.removal)


class Reparent(Op):
    def __init__(self, role_id: str, manager_id: str | None, index: int | None = None) -> None:
        self.role_id, self.manager_id, self.index = role_id, manager_id, index
        self.old: tuple[str | None, int] | None = None

    def do(self, chart: Chart) -> None:
        self.old = chart.reparent(self.role_id, self.manager_id, self.index)

    def undo(self, chart: Chart) -> None:
        assert self.old is not None
        chart.reparent(self.role_id, self.old[0], self.old[1])


class MoveSibling(Op):
    def __init__(self, role_id: str, index: int) -> None:
        self.role_id, self.index = role_id, index
        self.old = 0

    def do(self, chart: Chart) -> None:
        self.old = chart.move_sibling(self.role_id, self.index)

    def undo(self, chart: Chart) -> None:
        chart.move_sibling(self.role_id, self.old)


class AddDotted(Op):
    def __init__(self, source: str, target: str) -> None:
        self.source, self.target = source, target

    def do(self, chart: Chart) -> None:
        chart.add_dotted(self.source, self.target)

    def undo(self, chart: Chart) -> None:
        chart.remove_dotted(self.source, self.target)


class RemoveDotted(Op):
    def __init__(self, source: str, target: str) -> None:
        self.source, self.target = source, target
        self.position = 0

    def do(self, chart: Chart) -> None:
        self.position = chart.remove_dotted(self.source, self.target)

    def undo(self, chart: Chart) -> None:
        chart.add_dotted(self.source, self.target, self.position)


class UpdateRole(Op):
    def __init__(self, role_id: str, changes: dict[str, object]) -> None:
        self.role_id, self.changes = role_id, dict(changes)
        self.old: dict[str, object] = {}

    def do(self, chart: Chart) -> None:
        self.old = chart.update_role(self.role_id, **self.changes)

    def undo(self, chart: Chart) -> None:
        if self.old:
            chart.update_role(self.role_id, **self.old)


class SetArrangement(Op):
    """Arrange a manager's leaf reports in ``columns`` (0: one row), or automatically again (``None``)."""

    def __init__(self, role_id: str, columns: int | None) -> None:
        self.role_id, self.columns = role_id, columns
        self.old: int | None = None

    def do(self, chart: Chart) -> None:
        self.old = chart.set_arrangement(self.role_id, self.columns)

    def undo(self, chart: Chart) -> None:
        chart.set_arrangement(self.role_id, self.old, undoing=True)


class SetCollapsed(Op):
    """Collapse a manager's subtree on the canvas, or expand it."""

    def __init__(self, role_id: str, collapsed: bool) -> None:
        self.role_id, self.collapsed = role_id, collapsed
        self.old = False

    def do(self, chart: Chart) -> None:
        self.old = chart.set_collapsed(self.role_id, self.collapsed)

    def undo(self, chart: Chart) -> None:
        chart.set_collapsed(self.role_id, self.old, undoing=True)


class SetDistrict(Op):
    def __init__(self, district: District) -> None:
        self.district = district
        self.old: District | None = None

    def do(self, chart: Chart) -> None:
        self.old = chart.set_district(self.district)

    def undo(self, chart: Chart) -> None:
        assert self.old is not None
        chart.set_district(self.old)


class SetSettings(Op):
    def __init__(self, settings: RuleSettings) -> None:
        self.settings = settings
        self.old: RuleSettings | None = None

    def do(self, chart: Chart) -> None:
        self.old = chart.set_settings(self.settings)

    def undo(self, chart: Chart) -> None:
        assert self.old is not None
        chart.set_settings(self.old)


class Edit:
    """One step made of one or more operations on ``chart``, all done or none."""

    def __init__(self, chart: Chart, ops: Sequence[Op]) -> None:
        self.chart = chart
        self.ops = list(ops)

    def apply(self) -> None:
        """Run every operation once; on a refusal undo the done ones and re-raise (also when the chart's file
        would grow past what tdorg opens: :meth:`~.values.ChartRoom.settle`)."""
        done: list[Op] = []
        try:
            for op in self.ops:
                op.do(self.chart)
                done.append(op)
            self.chart.room.settle()
        except Exception:
            for op in reversed(done):
                op.undo(self.chart)
            raise

    def redo(self) -> None:
        for op in self.ops:
            op.do(self.chart)

    def undo(self) -> None:
        for op in reversed(self.ops):
            op.undo(self.chart)
