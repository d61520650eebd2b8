"""Undo commands: every edit of a chart goes through one of these.

An :class:`EditCommand` holds one or more small operations, each a pair of
``Chart`` calls (do and undo). :meth:`EditCommand.apply` performs them the
first time and raises the model's :class:`EditError` — leaving the chart as
it was — when one is refused, so nothing half-done ever reaches the undo
stack; :func:`push` then hands the command to the stack without running it
twice. One gesture (a drag of several boxes, a multi-delete) is one command.
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtGui import QUndoCommand, QUndoStack

from tdorg.model.chart import Chart, Removal
from tdorg.model.district import District
from tdorg.model.role import Role
from tdorg.model.settings import RuleSettings


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


class EditCommand(QUndoCommand):
    """One undo step made of one or more operations on ``chart``."""

    def __init__(self, chart: Chart, text: str, ops: Sequence[Op]) -> None:
        super().__init__(text)
        self.chart = chart
        self.ops = list(ops)
        self._applied = False

    def apply(self) -> None:
        """Run every operation once; on a refusal undo the done ones and re-raise."""
        done: list[Op] = []
        try:
            for op in self.ops:
                op.do(self.chart)
                done.append(op)
        except Exception:
            for op in reversed(done):
                op.undo(self.chart)
            raise
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # the first redo, right after apply(), has nothing to do
            self._applied = False
            return
        for op in self.ops:
            op.do(self.chart)

    def undo(self) -> None:
        self._applied = False
        for op in reversed(self.ops):
            op.undo(self.chart)


def push(stack: QUndoStack, command: EditCommand) -> None:
    """Apply ``command`` (raising ``EditError`` if refused) and put it on ``stack``."""
    command.apply()
    stack.push(command)


def quoted(title: str, limit: int = 40) -> str:
    """A role title in typographic quotes, shortened for menus."""
    if len(title) > limit:
        title = title[: limit - 1].rstrip() + "…"
    return f"“{title}”"
