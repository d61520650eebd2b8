"""The editor's undo stacks: random edits with undo and redo through the ``QUndoGroup``, two scenarios.

The same rules and invariants as the model's test (:mod:`tests.edit_machine`),
with the histories the editor keeps
(:class:`~tdorg.ui.editing.scenario_sessions.ScenarioSessions`: one ``QUndoStack``
and one live validator per scenario, the stacks in one ``QUndoGroup``): each
edit is pushed as the editor's :class:`~tdorg.ui.editing.undo_command.EditCommand` onto
the shown scenario's stack, undone and redone through the group as
Edit › Undo does, and switching re-targets the group.
"""

from __future__ import annotations

import pytest

from tdorg.model.document import Document, Scenario
from tests.edit_machine import MACHINE_SETTINGS, EditMachine

QtWidgets = pytest.importorskip("PySide6.QtWidgets")

from tdorg.ui.editing import undo_command as cmd  # noqa: E402
from tdorg.ui.editing.scenario_sessions import ScenarioSessions  # noqa: E402


class UndoStackMachine(EditMachine):
    def start_with(self, charts):
        QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
        self.sessions = ScenarioSessions()
        self.sessions.load(Document([Scenario("Current", charts[0]), Scenario("Proposed", charts[1])]))

    def teardown(self) -> None:
        self.sessions.close()
        self.sessions.deleteLater()

    @property
    def index(self) -> int:
        return self.sessions.index

    def charts(self):
        return [s.chart for s in self.sessions.sessions]

    def reports(self):
        return [s.validator.report for s in self.sessions.sessions]

    def apply(self, text, ops):
        cmd.push(self.sessions.stack, cmd.EditCommand(self.chart, text, ops))

    def can_undo(self) -> bool:
        return self.sessions.group.canUndo()

    def can_redo(self) -> bool:
        return self.sessions.group.canRedo()

    def undo_step(self) -> None:
        self.sessions.group.undo()

    def redo_step(self) -> None:
        self.sessions.group.redo()

    def show(self, index: int) -> None:
        self.sessions.switch(index)
        assert self.sessions.group.activeStack() is self.sessions.sessions[self.index].stack


UndoStackMachine.TestCase.settings = MACHINE_SETTINGS
test_random_edits_with_undo_and_redo = UndoStackMachine.TestCase
