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
from tests.edit_machine import MACHINE_SETTINGS
from tests.test_edit_state_machine import UndoStackMachine

pytest.importorskip("PySide6.QtWidgets")

from tdorg.ui.canvas.items.role_item import BOX_HEIGHT, BOX_WIDTH  # noqa: E402
from tdorg.ui.canvas.scene import ChartScene  # noqa: E402


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

    @invariant()
    def boxes_stand_where_a_full_layout_puts_them(self):
        self.scene.flush()
        chart = self.chart
        tree = Tree.of(chart)
        depth = canvas_depth(chart, tree, ExportOptions(page=self.scene.paper[0], orientation=self.scene.paper[1]))
        shown = tree.folded(chart.hidden_roles()) if chart.collapsed else tree
        full = layout_tree(shown, sizes(BOX_WIDTH, BOX_HEIGHT), depth) if chart.roles else None
        expected = full.positions if full is not None else {}
        assert self.scene.layout.positions == expected
        items = self.scene.role_items()
        assert {rid: (items[rid].pos().x(), items[rid].pos().y()) for rid in expected} == expected
        assert set(items) == set(chart.roles)


SceneMachine.TestCase.settings = MACHINE_SETTINGS
test_the_canvas_layout_matches_a_full_layout_after_every_step = SceneMachine.TestCase
