"""Random edit sequences with random undo and redo, in two scenarios, keep every chart sound.

A hypothesis state machine holds a document of two scenarios the way the
editor does (:class:`~tdorg.ui.scenario_sessions.ScenarioSessions`: one
``QUndoStack`` and one live validator per scenario, the stacks in one
``QUndoGroup``). It pushes the editor's own undo commands (add, remove,
re-parent, dotted lines, field edits, sibling reorder, district facts, rule
settings, multi-role gestures) onto the shown scenario's stack, undoes and
redoes through the group as Edit › Undo does, and switches scenario at
random. After every step each chart is a valid forest, each scenario's live
findings equal a from-scratch validation, and the scenario not shown is
exactly as it was left; undoing everything in a scenario gives its starting
chart exactly, and redoing everything gives its last chart exactly.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from tdorg.model import Chart, Role
from tdorg.model.document import Document, Scenario
from tdorg.model.errors import EditError
from tdorg.model.rules import validate
from tdorg.model.vocab import CATEGORIES, FLAGS
from tests.charts import compliant_chart

QtWidgets = pytest.importorskip("PySide6.QtWidgets")

from tdorg.ui import commands as cmd  # noqa: E402
from tdorg.ui.scenario_sessions import ScenarioSessions  # noqa: E402

SCALE = float(os.environ.get("TDORG_HEAVY_SCALE", "1"))


def check_forest(chart: Chart) -> None:
    seen: list[str] = []
    for parent in (None, *chart.roles):
        for child in chart.children(parent):
            assert chart.role(child).reports_to == parent
            seen.append(child)
    assert sorted(seen) == sorted(chart.roles), "each role appears once among its manager's reports"
    for role_id in chart.roles:
        assert role_id not in set(chart.ancestors(role_id)), "no reporting loop"
        for target in chart.role(role_id).dotted_to:
            assert target in chart.roles and role_id in chart.dotted_reports(target)


class EditMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
        current = compliant_chart()
        proposed = current.copy()
        proposed.remove_role("dpo")
        proposed.reparent("hd", "tech")
        self.sessions = ScenarioSessions()
        self.sessions.load(Document([Scenario("Current", current), Scenario("Proposed", proposed)]))
        self.start = [current.copy(), proposed.copy()]
        self.tip = [current.copy(), proposed.copy()]  # each chart with every pushed command done
        self.left = [current.copy(), proposed.copy()]  # each chart as it was after its last step
        self.counter = 0

    def teardown(self) -> None:
        self.sessions.close()
        self.sessions.deleteLater()

    # --- the shown scenario ---------------------------------------------------

    @property
    def index(self) -> int:
        return self.sessions.index

    @property
    def chart(self) -> Chart:
        return self.sessions.active.chart

    @property
    def stack(self):  # noqa: ANN201 - QUndoStack
        return self.sessions.stack

    # --- helpers ------------------------------------------------------------

    def ids(self) -> list[str]:
        return sorted(self.chart.roles)

    def push(self, text: str, ops: list[cmd.Op]) -> None:
        before = self.chart.copy()
        try:
            cmd.push(self.stack, cmd.EditCommand(self.chart, text, ops))
        except EditError:
            assert self.chart == before, "a refused edit left the chart changed"
            return
        self.tip[self.index] = self.chart.copy()

    # --- edits --------------------------------------------------------------

    @rule(data=st.data(), category=st.sampled_from(sorted(CATEGORIES)))
    def add(self, data, category):
        self.counter += 1
        parent = data.draw(st.sampled_from([None, *self.ids()]))
        role = Role(id=f"n{self.counter}", title=f"New role {self.counter}", category=category, reports_to=parent)
        self.push("Add", [cmd.AddRole(role, data.draw(st.none() | st.integers(0, 5)))])

    @precondition(lambda self: len(self.chart) > 1)
    @rule(data=st.data())
    def remove(self, data):
        victims = data.draw(st.lists(st.sampled_from(self.ids()), min_size=1, max_size=3, unique=True))
        self.push("Delete", [cmd.RemoveRole(v) for v in victims])

    @precondition(lambda self: len(self.chart) > 1)
    @rule(data=st.data())
    def reparent(self, data):
        movers = data.draw(st.lists(st.sampled_from(self.ids()), min_size=1, max_size=3, unique=True))
        target = data.draw(st.sampled_from([None, *self.ids()]))
        self.push("Move", [cmd.Reparent(m, target, data.draw(st.none() | st.integers(0, 4))) for m in movers])

    @precondition(lambda self: len(self.chart) > 1)
    @rule(data=st.data())
    def add_dotted(self, data):
        source, target = data.draw(st.lists(st.sampled_from(self.ids()), min_size=2, max_size=2, unique=True))
        self.push("Dotted line", [cmd.AddDotted(source, target)])

    @rule(data=st.data())
    def remove_dotted(self, data):
        lines = [(r, t) for r in self.ids() for t in self.chart.role(r).dotted_to]
        if lines:
            source, target = data.draw(st.sampled_from(lines))
            self.push("Remove dotted line", [cmd.RemoveDotted(source, target)])

    @rule(
        data=st.data(),
        changes=st.fixed_dictionaries(
            {},
            optional={
                "title": st.text(min_size=0, max_size=12),
                "fte": st.sampled_from([0.25, 0.5, 1.0, 1.5, 0]),
                "person": st.sampled_from(["", "Ari Chen", "Jo Banks", "Someone New"]),
                "vacant": st.booleans(),
                "flags": st.frozensets(st.sampled_from(sorted(FLAGS)), max_size=2),
                "leads": st.lists(st.sampled_from(["network", "help_desk", "data_privacy", "erate"]), max_size=2),
                "category": st.sampled_from(sorted(CATEGORIES)),
            },
        ),
    )
    def update(self, data, changes):
        if self.ids():
            self.push("Edit", [cmd.UpdateRole(data.draw(st.sampled_from(self.ids())), changes)])

    @rule(data=st.data())
    def reorder(self, data):
        if self.ids():
            role_id = data.draw(st.sampled_from(self.ids()))
            self.push("Reorder", [cmd.MoveSibling(role_id, data.draw(st.integers(0, 6)))])

    @rule(students=st.integers(0, 40_000))
    def district(self, students):
        self.push("District", [cmd.SetDistrict(self.chart.district.with_changes(students=students))])

    @rule(limit=st.integers(1, 12), off=st.sampled_from([None, "SPN-1", "RED-1", "STF-2"]))
    def rule_settings(self, limit, off):
        settings = self.chart.settings.with_threshold("SPN-1", "max_direct_reports", limit)
        settings = settings.disable(off, "Not for this district") if off else settings.enable("RED-1")
        self.push("Rules", [cmd.SetSettings(settings)])

    # --- scenarios ------------------------------------------------------------------

    @rule()
    def switch(self):
        self.sessions.switch(1 - self.index)
        assert self.sessions.group.activeStack() is self.sessions.sessions[self.index].stack

    # --- undo and redo ----------------------------------------------------------

    # --- undo and redo, as Edit › Undo does: on the shown scenario's stack -----------

    @precondition(lambda self: self.sessions.group.canUndo())
    @rule(times=st.integers(1, 4))
    def undo(self, times):
        for _ in range(times):
            self.sessions.group.undo()

    @precondition(lambda self: self.sessions.group.canRedo())
    @rule(times=st.integers(1, 4))
    def redo(self, times):
        for _ in range(times):
            self.sessions.group.redo()

    @rule()
    def undo_all_then_redo_all(self):
        group = self.sessions.group
        while group.canUndo():
            group.undo()
        assert self.chart == self.start[self.index]
        while group.canRedo():
            group.redo()
        assert self.chart == self.tip[self.index]

    # --- invariants -------------------------------------------------------------

    @invariant()
    def sound(self):
        for session in self.sessions.sessions:
            check_forest(session.chart)
            fresh = validate(session.chart)
            assert session.validator.report.findings == fresh.findings
            assert session.validator.report.metrics == fresh.metrics
            assert session.validator.report.disabled == fresh.disabled

    @invariant()
    def the_other_scenario_is_untouched(self):
        other = 1 - self.index
        assert self.sessions.sessions[other].chart == self.left[other], "an edit reached the scenario not shown"
        self.left[self.index] = self.chart.copy()


EditMachine.TestCase.settings = settings(
    max_examples=int(40 * SCALE),
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_random_edits_with_undo_and_redo = EditMachine.TestCase
