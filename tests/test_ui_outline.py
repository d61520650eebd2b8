"""The outline panel: the chart as a tree, edited by keys and drag and drop, in step with the canvas."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from tdorg.model.chart import Chart
from tdorg.model.document import Document
from tdorg.ui.panels.outline_model import FINDINGS, HELD_BY, ROLE, OutlineModel
from tdorg.ui.widgets.role_type_drag import category_mime

Key, Mod = Qt.Key, Qt.KeyboardModifier
ACCESSIBLE_TEXT, ACCESSIBLE_DESCRIPTION = Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.AccessibleDescriptionRole


@pytest.fixture
def outline(window):
    """The Francis Howell sample with the keyboard in its outline (every row read once, as a full walk would)."""
    QAbstractItemModelTester(window.outline.model, QAbstractItemModelTester.FailureReportingMode.Fatal, window)
    window.activateWindow()
    window.focus_outline()
    QApplication.processEvents()
    assert window.outline.tree.hasFocus()
    return window.outline


def tree_of(model: OutlineModel, parent: QModelIndex = QModelIndex()) -> dict[str | None, list[str]]:
    """Every manager's rows as the model gives them to a view."""
    rows = [model.role_id(model.index(n, ROLE, parent)) for n in range(model.rowCount(parent))]
    tree = {model.role_id(parent): rows}
    for n in range(len(rows)):
        tree.update(tree_of(model, model.index(n, ROLE, parent)))
    return tree


def chart_tree(chart: Chart) -> dict[str | None, list[str]]:
    return {None: list(chart.roots()), **{r: list(chart.children(r)) for r in chart.roles}}


def current_on(outline, role_id: str) -> None:
    index = outline.model.index_of(role_id)
    outline.tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                                  | QItemSelectionModel.SelectionFlag.Rows)


def press(outline, key: Qt.Key, modifiers: Qt.KeyboardModifier = Mod.NoModifier) -> None:
    QTest.keyClick(outline.tree, key, modifiers)
    QApplication.processEvents()


def type_title(outline, text: str, key: Qt.Key = Key.Key_Return) -> None:
    """Type into the open title editor, then press ``key`` (Enter keeps it, Esc cancels)."""
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and outline.tree.isAncestorOf(editor)
    editor.selectAll()
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, key)
    QApplication.processEvents()
    QApplication.processEvents()  # the delegate commits on the next turn


def test_rows_are_the_chart_in_reporting_order_with_person_and_findings(outline, window):
    model, chart = outline.model, window.chart
    assert tree_of(model) == chart_tree(chart)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == ["Role", "Held by", "Findings"]
    ism = model.index_of("ism")
    assert ism.data() == "Information Systems Manager" and ism.parent() == model.index_of("dir")
    assert ism.siblingAtColumn(HELD_BY).data() == chart.role("ism").display_person()
    counts = {f.severity for f in window.sessions.report.for_role("dir")}
    assert counts  # the sample's director has findings: an icon and words, not colour alone
    dir_findings = model.index_of("dir", FINDINGS)
    assert dir_findings.data(Qt.ItemDataRole.DecorationRole) is not None
    assert dir_findings.data() and dir_findings.data()[0].isdigit()
    assert "warning" in dir_findings.data() or "error" in dir_findings.data()
    assert outline.tree.isExpanded(model.index_of("ism"))  # a small chart opens fully expanded


def test_rows_and_panel_speak_to_a_screen_reader(outline, window):
    window.editor.update("ne1", {"vacant": True, "person": ""}, "person")
    model = outline.model
    row = model.index_of("ne1")
    findings = model.index_of("ne1", FINDINGS).data() or "no findings"
    spoken = f"Network Engineer 1, vacant, reports to Information Systems Manager, {findings}"
    assert row.data(ACCESSIBLE_TEXT) == spoken
    assert row.data(ACCESSIBLE_DESCRIPTION) == "Network, no direct reports"
    assert model.index_of("ism").data(ACCESSIBLE_DESCRIPTION).endswith("6 direct reports")
    assert model.index_of("supt").data(ACCESSIBLE_TEXT).startswith("Superintendent, ")
    assert "top of the chart" in model.index_of("supt").data(ACCESSIBLE_TEXT)
    assert model.index_of("ne1", HELD_BY).data(ACCESSIBLE_TEXT) == "Vacant"
    assert outline.accessibleName() == "Outline" and "Insert adds a report" in outline.accessibleDescription()
    assert outline.tree.accessibleName() == "Chart outline" and outline.tree.accessibleDescription()
    assert window.outline_dock.objectName() == "outlineDock"
    window.editor.update("ism", {"title": "Systems Manager"}, "title")
    assert "reports to Systems Manager" in model.index_of("ne1").data(ACCESSIBLE_TEXT)


def test_f2_renames_in_place_enter_keeps_it_escape_cancels(outline, window):
    chart = window.chart
    current_on(outline, "prog")
    press(outline, Key.Key_F2)
    type_title(outline, "Senior Programmer")
    assert chart.role("prog").title == "Senior Programmer"
    assert window.stack.count() == 1 and "Change title" in window.stack.undoText()
    press(outline, Key.Key_F2)
    type_title(outline, "Never Kept", Key.Key_Escape)
    assert chart.role("prog").title == "Senior Programmer" and window.stack.count() == 1
    press(outline, Key.Key_F2)
    type_title(outline, "   ")  # an empty title is refused with the editor's message
    assert chart.role("prog").title == "Senior Programmer" and window.stack.count() == 1
    assert window.message.text()
    window.actions.undo.trigger()
    assert outline.model.index_of("prog").data() == "Programmer"


def test_insert_adds_a_report_and_shift_enter_a_sibling_ready_to_name(outline, window):
    chart = window.chart
    current_on(outline, "ism")
    press(outline, Key.Key_Insert)
    type_title(outline, "Database Administrator")
    new = outline.current_id()
    assert chart.role(new).title == "Database Administrator" and chart.role(new).reports_to == "ism"
    assert chart.children("ism")[-1] == new and window.scene.selected_role_ids() == [new]
    press(outline, Key.Key_Return, Mod.ShiftModifier)
    type_title(outline, "Data Analyst")
    sibling = outline.current_id()
    assert chart.children("ism")[-2:] == (new, sibling) and chart.role(sibling).category == chart.role(new).category
    current_on(outline, "sws1")
    press(outline, Key.Key_Return, Mod.ControlModifier)  # Ctrl+Enter adds a report too
    type_title(outline, "Trainee")
    assert chart.role(outline.current_id()).reports_to == "sws1"
    assert window.stack.count() == 6  # each add and each rename is one step
    assert tree_of(outline.model) == chart_tree(chart)


def test_delete_key_deletes_the_selected_rows_as_one_step(outline, window):
    chart = window.chart
    outline.tree.setFocus()
    current_on(outline, "bt2")
    add = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    outline.tree.selectionModel().select(outline.model.index_of("bt3"), add)
    press(outline, Key.Key_Delete)
    assert "bt2" not in chart and "bt3" not in chart and window.stack.count() == 1
    assert tree_of(outline.model) == chart_tree(chart)
    window.actions.undo.trigger()
    assert "bt2" in chart and tree_of(outline.model) == chart_tree(chart)


def test_alt_arrows_move_among_siblings_and_a_level_out_or_in(outline, window):
    chart = window.chart
    current_on(outline, "sws2")
    press(outline, Key.Key_Up, Mod.AltModifier)
    assert chart.children("ism")[:2] == ("sws2", "sws1")
    press(outline, Key.Key_Down, Mod.AltModifier)
    assert chart.children("ism")[:2] == ("sws1", "sws2")
    press(outline, Key.Key_Right, Mod.AltModifier)  # under the sibling above, as its last report
    assert chart.role("sws2").reports_to == "sws1"
    assert outline.current_id() == "sws2" and outline.tree.isExpanded(outline.model.index_of("sws1"))
    press(outline, Key.Key_Left, Mod.AltModifier)  # back out, right after its old manager
    assert chart.role("sws2").reports_to == "ism" and chart.children("ism")[:2] == ("sws1", "sws2")
    press(outline, Key.Key_Left, Mod.AltModifier)
    assert chart.role("sws2").reports_to == "dir" and chart.children("dir").index("sws2") == \
        chart.children("dir").index("ism") + 1
    assert window.stack.count() == 5 and outline.current_id() == "sws2"
    assert tree_of(outline.model) == chart_tree(chart)
    current_on(outline, "supt")
    press(outline, Key.Key_Left, Mod.AltModifier)
    assert "already at the top" in window.message.text() and window.stack.count() == 5
    current_on(outline, "aa")
    press(outline, Key.Key_Right, Mod.AltModifier)
    assert "no role above it" in window.message.text() and window.stack.count() == 5


def test_drag_and_drop_moves_roles_and_refuses_a_loop_with_the_editors_message(outline, window):
    model, chart = outline.model, window.chart
    data = model.mimeData([model.index_of("hd"), model.index_of("hd", HELD_BY)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index_of("ism"))  # onto a row
    assert chart.role("hd").reports_to == "ism" and chart.children("ism")[-1] == "hd"
    data = model.mimeData([model.index_of("bt3")])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index_of("tsm"))  # between rows
    assert chart.children("tsm")[:3] == ("bt3", "bt1", "bt2") and window.stack.count() == 2
    before, steps = chart.copy(), window.stack.count()
    loop = model.mimeData([model.index_of("dir")])
    assert not model.dropMimeData(loop, Qt.DropAction.MoveAction, -1, -1, model.index_of("sws1"))
    assert chart == before and window.stack.count() == steps
    assert "loop" in window.message.text()
    added = model.dropMimeData(category_mime("security"), Qt.DropAction.CopyAction, 1, 0, model.index_of("ism"))
    assert added and chart.children("ism")[1].startswith("security")  # a role type from the palette
    assert tree_of(model) == chart_tree(chart)


def test_selection_follows_both_ways_without_feedback(outline, window):
    revealed = []
    reveal = outline.reveal
    outline.reveal = lambda ids: (revealed.append(list(ids)), reveal(ids))
    current_on(outline, "ne2")
    assert window.scene.selected_role_ids() == ["ne2"] and revealed == [["ne2"]]
    view = window.view
    assert view.mapToScene(view.viewport().rect()).boundingRect().intersects(
        window.scene.item("ne2").sceneBoundingRect())  # scrolled into view
    outline.tree.collapse(outline.model.index_of("tsm"))
    window.select_roles(["bt7", "bt9"])  # boxes selected on the canvas
    assert sorted(outline.selected_ids()) == ["bt7", "bt9"] and outline.current_id() in ("bt7", "bt9")
    assert outline.tree.isExpanded(outline.model.index_of("tsm"))  # scrolled to, so shown
    assert revealed == [["ne2"]]  # taking the canvas's selection hands nothing back
    window.select_roles([])
    assert outline.selected_ids() == [] and revealed == [["ne2"]]


def test_the_tree_follows_edits_undo_and_redo_in_place_keeping_expansion_and_the_current_row(outline, window):
    model, chart, tree = outline.model, window.chart, outline.tree
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    window.editor.add_role("network", "dir", 0)  # selects the new role
    tree.collapse(model.index_of("tsm"))
    current_on(outline, "ne1")
    window.editor.move(["tsm"], "ism")
    window.editor.delete(["ism"])  # its reports, tsm among them, move up to dir
    window.editor.shift_sibling("aa", +1)
    for _ in range(4):
        assert tree_of(model) == chart_tree(chart)
        window.actions.undo.trigger()
    assert tree_of(model) == chart_tree(chart)
    for _ in range(4):
        window.actions.redo.trigger()
        assert tree_of(model) == chart_tree(chart)
    assert not resets
    assert not tree.isExpanded(model.index_of("tsm")) and tree.isExpanded(model.index_of("dir"))
    assert outline.current_id() == "ne1"


def random_edits(window, dice: random.Random, steps: int):
    """Random adds, deletes, moves, reorders, undos and redos, one at a time."""
    chart, editor = window.chart, window.editor
    for _ in range(steps):
        ids = sorted(chart.roles)
        kind = dice.choice(["add", "delete", "move", "shift", "undo", "undo", "redo"])
        if kind == "add":
            editor.add_role("help_desk", dice.choice(ids), dice.choice([None, 0, 1]))
        elif kind == "delete" and len(ids) > 3:
            editor.delete(dice.sample(ids, dice.choice([1, 2])))
        elif kind == "move":
            target = dice.choice(ids + [None])
            movers = dice.sample(ids, 2)
            if editor.move_problem(movers, target) is None:
                editor.move(movers, target, dice.choice([None, 0]))
        elif kind == "shift":
            editor.shift_sibling(dice.choice(ids), dice.choice([-1, 1]))
        elif kind == "undo":
            window.actions.undo.trigger()
        else:
            window.actions.redo.trigger()
        yield kind


def test_many_random_edits_and_undos_keep_the_tree_in_step(outline, window):
    for kind in random_edits(window, random.Random(15), 120):
        assert tree_of(outline.model) == chart_tree(window.chart), kind


def test_a_tree_read_only_in_parts_stays_in_step(window):
    """Rows the view never asked for are read from the chart when it does; the rest follow each edit."""
    chart, dice = window.chart, random.Random(7)
    model = OutlineModel(window.editor)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal, window)
    model.set_chart(chart)
    for kind in random_edits(window, dice, 150):
        role_id = dice.choice(sorted(chart.roles))
        index = model.index_of(role_id)  # the rows down to it are read now, if they were not
        manager = chart.role(role_id).reports_to
        assert index.row() == chart.index_among_siblings(role_id), kind
        assert model.role_id(index.parent()) == manager, kind
    assert tree_of(model) == chart_tree(chart)


def test_a_scenario_switch_or_an_opened_document_shows_its_chart(outline, window):
    model = outline.model
    window.sessions.duplicate(name="Proposed")
    proposed = window.chart
    assert model.chart is proposed
    window.editor.delete(["cao"])
    assert tree_of(model) == chart_tree(proposed)
    window.sessions.switch(0)
    assert model.chart is window.chart and "cao" in tree_of(model)
    window.set_document(Document.of(Chart()), None)
    assert model.rowCount() == 0 and outline.hint.isVisibleTo(outline)


def test_insert_on_a_blank_chart_adds_its_first_role(make_window):
    window = make_window()
    window.activateWindow()
    window.focus_outline()
    QApplication.processEvents()
    outline = window.outline
    assert outline.tree.hasFocus()
    assert outline.hint.isVisibleTo(outline)
    press(outline, Key.Key_Insert)
    type_title(outline, "Chief Technology Officer")
    press(outline, Key.Key_Insert)
    type_title(outline, "Network Manager")
    chart = window.chart
    (top,) = chart.roots()
    assert chart.role(top).title == "Chief Technology Officer" and chart.role(top).category == "it_leader"
    assert [chart.role(r).title for r in chart.children(top)] == ["Network Manager"]
    assert not outline.hint.isVisibleTo(outline)


def test_the_outline_is_widened_when_first_shown_and_keeps_the_users_width_after(window):
    window.resize(1400, 900)
    window.focus_outline()
    QApplication.processEvents()
    wanted = window.outline.sizeHint().width()
    assert window.outline_dock.width() >= wanted - 8  # room for its columns, the first time
    window.resizeDocks([window.outline_dock], [wanted // 2], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    narrowed = window.outline_dock.width()
    assert narrowed < wanted - 8
    window.docks()[0].raise_()  # the palette's tab, then the outline's again
    QApplication.processEvents()
    window.focus_outline()
    QApplication.processEvents()
    assert window.outline_dock.width() == narrowed
