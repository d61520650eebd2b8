"""The undo stack's view of an edit: a ``QUndoCommand`` around a model :class:`~tdorg.model.edits.Edit`.

:func:`push` applies the edit once (raising the model's ``EditError`` and
leaving the chart as it was when it is refused, so nothing half-done reaches
the stack) and hands the command to the stack without running it twice. One
gesture (a drag of several boxes, a multi-delete) is one command.
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtGui import QUndoCommand, QUndoStack

from tdorg.model.chart import Chart
from tdorg.model.edits import Edit, Op


class EditCommand(QUndoCommand):
    """One undo step: ``ops`` on ``chart``, named ``text`` in Edit › Undo."""

    def __init__(self, chart: Chart, text: str, ops: Sequence[Op]) -> None:
        super().__init__(text)
        self.edit = Edit(chart, ops)
        self._applied = False

    def apply(self) -> None:
        """Run the edit once; a refusal is raised with the chart unchanged."""
        self.edit.apply()
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # the first redo, right after apply(), has nothing to do
            self._applied = False
            return
        self.edit.redo()

    def undo(self) -> None:
        self._applied = False
        self.edit.undo()


def push(stack: QUndoStack, command: EditCommand) -> None:
    """Apply ``command`` (raising ``EditError`` if refused) and put it on ``stack``."""
    command.apply()
    stack.push(command)
