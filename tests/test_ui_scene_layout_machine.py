"""The canvas keeps its layout between edits: after every step of random edits, undo, redo, collapses,
arrangements and scenario switches, each box stands exactly where a full layout of the chart puts it.

The scene re-lays only what an edit changed (:class:`tdorg.model.layout_cache.LiveLayout`), at the column
depth the whole chart prints at on the canvas's paper; this checks it against laying the whole chart
out from scratch (:func:`tdorg.model.layout.layout_tree` at :func:`tdorg.export.graphviz.dot.canvas_depth`,
with collapsed managers folded as the canvas shows them).
"""

from __future__ import annotations

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import invariant, precondition, rule

from tdorg.export.graphviz.dot import canvas_depth
from tdorg.export.options import ExportOptions
from tdorg.model import edits
from tdorg.model.layout import Tree, layout_tree, sizes
from tdorg.model.role import Role
from tdorg.model.rules import validate
from tdorg.model.synthetic import synthetic_chart
from tests.charts import compliant_chart
from tests.edit_machine import MACHINE_SETTINGS
from tests.test_ui_collapse import drawn
from tests.test_edit_state_machine import UndoStackMachine

pytest.importorskip("PySide6.QtWidgets")

from tdorg.ui.canvas.items.role_item import BOX_HEIGHT, BOX_WIDTH  # noqa: E402
from tdorg.ui.canvas.scene import ChartScene  # noqa: E402
from tdorg.ui.editing import undo_command as cmd  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402


class SceneMachine(UndoStackMachine):
    def start_with(self, charts):
        super().start_with(charts)
        self.scene = ChartScene()
        self.scene.set_chart(self.chart, self.reports()[self.index])

    def teardown(self) -> None:
        self.scene.detach()
        self.scene.deleteLater()
        super().teardown()

    def show(self, index: int) -> None:
        super().show(index)
        self.scene.set_chart(self.chart, self.reports()[self.index])

    @rule(data=st.data())
    def collapse(self, data):
        managers = [r for r in self.ids() if self.chart.child_count(r)]
        if managers:
            manager = data.draw(st.sampled_from(managers))
            self.push("Collapse", [edits.SetCollapsed(manager, manager not in self.chart.collapsed)])

    @rule(data=st.data(), columns=st.sampled_from([None, 0, 1, 2, 3]))
    def arrange(self, data, columns):
        managers = [r for r in self.ids() if self.chart.child_count(r)]
        if managers:
            self.push("Arrange", [edits.SetArrangement(data.draw(st.sampled_from(managers)), columns)])

    @precondition(lambda self: bool(self.ids()))
    @rule(data=st.data(), page=st.sampled_from([("letter", "landscape"), ("tabloid", "portrait"), ("a4", "portrait")]))
    def paper(self, data, page):
        self.scene.set_paper(*page)

    @rule(data=st.data(), count=st.integers(4, 30))
    def add_reports(self, data, count):
        """Many reports at once under one role: its group of leaves grows into columns, and the column depth the
        whole chart prints at may change."""
        manager = data.draw(st.sampled_from(self.ids())) if self.ids() else None
        first = self.counter + 1
        self.counter += count
        self.push("Add reports", [edits.AddRole(Role(id=f"n{n}", title=f"Technician {n}", category="building_technician",
                                                     reports_to=manager)) for n in range(first, first + count)])

    @invariant()
    def boxes_stand_where_a_full_layout_puts_them(self):
        assert_full_layout(self.scene, self.chart)

    @invariant()
    def lines_kept_moved_or_drawn_again_are_those_a_fresh_canvas_draws(self):
        self.scene.flush()
        fresh = ChartScene()
        fresh.set_paper(*self.scene.paper)
        fresh.set_chart(self.chart.copy(), self.reports()[self.index])
        assert drawn(self.scene) == drawn(fresh)


def assert_full_layout(scene: ChartScene, chart) -> None:  # noqa: ANN001
    """Every box of ``scene`` stands where a full layout of ``chart`` puts it."""
    scene.flush()
    tree = Tree.of(chart)
    depth = canvas_depth(chart, tree, ExportOptions(page=scene.paper[0], orientation=scene.paper[1]))
    shown = tree.folded(chart.hidden_roles()) if chart.collapsed else tree
    full = layout_tree(shown, sizes(BOX_WIDTH, BOX_HEIGHT), depth) if chart.roles else None
    expected = full.positions if full is not None else {}
    assert scene.layout.positions == expected
    assert scene.layout.depth == (full.depth if full is not None else scene.layout.depth)
    items = scene.role_items()
    assert {rid: (items[rid].pos().x(), items[rid].pos().y()) for rid in expected} == expected
    assert set(items) == set(chart.roles)


SceneMachine.TestCase.settings = MACHINE_SETTINGS
test_the_canvas_layout_matches_a_full_layout_after_every_step = SceneMachine.TestCase


def test_edits_that_change_the_column_depth_keep_the_full_layout():
    """Reports added one by one under a manager stack into ever deeper columns until the depth the chart prints
    at changes; after every add, every undo and every redo each box stands where a full layout puts it."""
    chart = compliant_chart()
    stack = QUndoStack()
    scene = ChartScene()
    scene.set_chart(chart, validate(chart))
    manager = next(r for r in chart.roles if chart.role(r).reports_to and not chart.child_count(r))
    depths = [scene.layout.depth]
    for n in range(60):
        role = Role(id=f"t{n}", title=f"Technician {n}", category="building_technician", reports_to=manager)
        cmd.push(stack, cmd.EditCommand(chart, "Add", [edits.AddRole(role)]))
        assert_full_layout(scene, chart)
        depths.append(scene.layout.depth)
    assert len(set(depths)) >= 3, depths  # the depth changed, more than once
    while stack.canUndo():
        stack.undo()
        assert_full_layout(scene, chart)
    assert scene.layout.depth == depths[0]
    while stack.canRedo():
        stack.redo()
        assert_full_layout(scene, chart)
    assert scene.layout.depth == depths[-1]
    scene.detach()


def test_edits_while_a_manager_is_collapsed_keep_the_full_layout():
    """With a subtree collapsed, edits among the shown roles (and ones that show or hide roles) leave every shown
    box where a full layout of the folded chart puts it, after each edit, undo and redo."""
    chart = synthetic_chart(300, seed=2)
    stack = QUndoStack()
    scene = ChartScene()
    scene.set_chart(chart, validate(chart))
    order = chart.tree_order()
    folded = next(r for r in order if chart.role(r).reports_to and len(chart.descendants(r)) >= 5)
    cmd.push(stack, cmd.EditCommand(chart, "Collapse", [edits.SetCollapsed(folded, True)]))
    assert_full_layout(scene, chart)
    hidden = chart.hidden_roles()
    shown = [r for r in order if r not in hidden and r != folded]
    managers = [r for r in shown if chart.child_count(r) >= 2 and chart.role(r).reports_to]
    leaves = [r for r in shown if not chart.child_count(r)]
    steps = [
        [edits.Reparent(leaves[0], managers[-1])],
        [edits.AddRole(Role(id="new1", title="New technician", category="building_technician", reports_to=managers[0]))],
        [edits.UpdateRole(leaves[1], {"category": "admin_assistant"})],  # it hangs beside its manager now
        [edits.RemoveRole(leaves[2])],
        [edits.MoveSibling(managers[1], 0)],
        [edits.Reparent(managers[2], managers[-1])],
        [edits.AddRole(Role(id="new2", title="Hidden technician", category="building_technician", reports_to=folded))],
        [edits.Reparent(next(iter(hidden)), managers[0])],  # shown again
        [edits.Reparent(leaves[3], folded)],  # hidden now
    ]
    for ops in steps:
        cmd.push(stack, cmd.EditCommand(chart, "Edit", ops))
        assert_full_layout(scene, chart)
        assert not any(scene.item(r).isVisible() for r in chart.hidden_roles())
    while stack.canUndo():
        stack.undo()
        assert_full_layout(scene, chart)
    while stack.canRedo():
        stack.redo()
        assert_full_layout(scene, chart)
    scene.detach()
