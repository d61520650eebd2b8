"""Cut, Copy, Paste and Duplicate of boxes in the editor: one undo step each, the system's clipboard,
across scenarios and windows, and refusals said in the status line."""

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from tdorg.model.clipboard import MIME_TYPE
from tests.test_ui_canvas import on_screen
from tests.test_ui_scenarios import duplicate as duplicate_scenario

#: In the Francis Howell sample: the Information Systems Manager and the six roles reporting to them.
ISM_TEAM = ["ism", "sws1", "sws2", "prog", "ne1", "ne2", "sa"]


def select(window, *ids):
    window.activateWindow()  # shortcuts act in the active window
    QTest.qWaitForWindowActive(window)
    window.select_roles(list(ids))
    window.view.setFocus()


def keys(window, key):
    QTest.keyClick(window.view, key, Qt.KeyboardModifier.ControlModifier)


def new_roles(window, before):
    return [r for r in window.chart.tree_order() if r not in before]


def test_copy_puts_tdorg_roles_and_an_outline_of_titles_on_the_clipboard(window):
    assert not window.actions.copy.isEnabled()
    select(window, "ism", "ne1")  # ne1 is inside ism's subtree: copied once
    assert window.actions.copy.isEnabled() and window.actions.cut.isEnabled() and window.actions.duplicate.isEnabled()
    keys(window, Qt.Key.Key_C)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasFormat(MIME_TYPE)
    assert mime.text().splitlines() == ["Information Systems Manager", "    Software Support Specialist 1",
                                        "    Software Support Specialist 2", "    Programmer", "    Network Engineer 1",
                                        "    Network Engineer 2", "    Systems Administrator"]
    assert window.actions.paste.isEnabled()
    assert "Copied 7 roles" in window.message.text()
    assert window.stack.count() == 0  # copying is not an edit


def test_paste_puts_the_subtree_under_the_selected_box_as_one_named_step_and_selects_it(window):
    chart = window.chart
    select(window, "ism")
    keys(window, Qt.Key.Key_C)
    select(window, "tsm")
    before = set(chart.roles)
    keys(window, Qt.Key.Key_V)
    pasted = new_roles(window, before)
    assert len(pasted) == 7
    top = chart.role(pasted[0])
    assert top.reports_to == "tsm" and chart.children("tsm")[-1] == pasted[0]
    assert [chart.role(r).title for r in chart.children(pasted[0])] == [chart.role(r).title for r in ISM_TEAM[1:]]
    assert all(chart.role(r).vacant for r in pasted)
    assert window.stack.count() == 1
    assert window.stack.undoText() == "Paste 7 roles under “Technology Services Manager”"
    assert sorted(window.scene.selected_role_ids()) == sorted(pasted)
    assert all(window.scene.item(r) is not None for r in pasted)  # the canvas drew them
    window.stack.undo()
    assert set(chart.roles) == before


def test_cut_is_one_step_and_undo_puts_back_exactly_what_was_there(window):
    chart = window.chart
    before = chart.copy()
    select(window, "ism")
    keys(window, Qt.Key.Key_X)
    assert not set(ISM_TEAM) & set(chart.roles)
    assert window.stack.count() == 1 and window.stack.undoText() == "Cut 7 roles"
    assert QGuiApplication.clipboard().mimeData().hasFormat(MIME_TYPE)
    window.stack.undo()
    assert chart == before
    assert set(window.scene.role_items()) == set(chart.roles)
    window.stack.redo()
    assert not set(ISM_TEAM) & set(chart.roles)


def test_cut_and_paste_moves_the_roles_with_their_people(window):
    chart = window.chart
    chart_people = {r: chart.role(r).person for r in ISM_TEAM}
    select(window, "ism")
    keys(window, Qt.Key.Key_X)
    select(window, "tsm")
    keys(window, Qt.Key.Key_V)
    assert chart.role("ism").reports_to == "tsm"
    assert {r: chart.role(r).person for r in ISM_TEAM} == chart_people
    assert window.stack.count() == 2


def test_duplicate_copies_beside_the_original_under_the_same_manager(window):
    chart = window.chart
    select(window, "ne1")
    before = set(chart.roles)
    keys(window, Qt.Key.Key_D)
    (copy,) = new_roles(window, before)
    siblings = chart.children("ism")
    assert siblings[siblings.index("ne1") + 1] == copy
    assert chart.role(copy).title == "Network Engineer 1" and chart.role(copy).vacant
    assert window.stack.undoText() == "Duplicate “Network Engineer 1”"
    assert window.scene.selected_role_ids() == [copy]
    assert not window.actions.dotted_tool.isChecked()  # Ctrl+D no longer switches the dotted-line tool


def test_a_copy_pastes_into_another_scenario_and_another_window(window, make_window, dialogs):
    select(window, "ism")
    keys(window, Qt.Key.Key_C)
    duplicate_scenario(window, dialogs, "Proposed 2027")
    proposed = window.chart
    assert proposed is window.document.scenarios[1].chart
    before = set(proposed.roles)
    select(window, "dir")
    keys(window, Qt.Key.Key_V)
    assert len(new_roles(window, before)) == 7
    assert len(window.document.scenarios[0].chart) == len(before)  # the other scenario is untouched

    other = make_window("la-crosse")
    chart = other.chart
    top = chart.roots()[0]
    before = set(chart.roles)
    select(other, top)
    keys(other, Qt.Key.Key_V)
    pasted = new_roles(other, before)
    assert len(pasted) == 7 and chart.role(pasted[0]).reports_to == top
    assert other.stack.undoText().startswith("Paste 7 roles under")


def test_paste_with_nothing_selected_makes_top_level_roles_and_says_so(window):
    chart = window.chart
    select(window, "ne1")
    keys(window, Qt.Key.Key_C)
    window.scene.clearSelection()
    before = chart.roots()
    keys(window, Qt.Key.Key_V)
    assert len(chart.roots()) == len(before) + 1
    assert window.stack.undoText() == "Paste “Network Engineer 1” as a top-level role"
    assert "select a box first to paste under it" in window.message.text()


def test_refusals_are_said_in_the_status_line(window):
    chart = window.chart
    count = len(chart)
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    select(window, "dir")
    assert not window.actions.paste.isEnabled()
    keys(window, Qt.Key.Key_V)  # the action is off: the canvas says why
    assert "Nothing to paste" in window.message.text()

    clipboard.setText("Quarterly budget")
    keys(window, Qt.Key.Key_V)
    assert "holds text, not tdorg roles" in window.message.text()

    for damaged in (b"\xff\xfe not text", b"{\"format\": \"tdorg-roles\", \"version\": 1, \"roles\": [{\"id\": 3}]}",
                    b"[[[[", b"{\"format\": \"tdorg-roles\", \"version\": 1, \"roles\": []}"):
        mime = QMimeData()
        mime.setData(MIME_TYPE, damaged)
        clipboard.setMimeData(mime)
        assert window.actions.paste.isEnabled()
        window.actions.paste.trigger()
        assert "clipboard" in window.message.text().lower()
    assert window.stack.count() == 0 and len(chart) == count

    window.scene.clearSelection()
    keys(window, Qt.Key.Key_C)
    assert window.message.text() == "Select the boxes to copy first."
    keys(window, Qt.Key.Key_D)
    assert window.message.text() == "Select the boxes to duplicate first."

    select(window, "ism")
    keys(window, Qt.Key.Key_C)
    select(window, "dir", "tsm")
    keys(window, Qt.Key.Key_V)
    assert "Select one box to paste under" in window.message.text()
    assert window.stack.count() == 0


def test_the_edit_menu_and_the_box_menu_offer_the_clipboard_commands(window):
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    texts = [a.text() for a in edit.actions()]
    assert texts[texts.index("Cu&t"):texts.index("Cu&t") + 4] == ["Cu&t", "&Copy", "&Paste", "D&uplicate"]
    menu = window.canvas_menu.build(on_screen(window, "ism"))
    labels = [a.text() for a in menu.actions()]
    for label in ("Cu&t", "&Copy", "&Paste", "D&uplicate"):
        assert label in labels
    assert window.scene.selected_role_ids() == ["ism"] and window.actions.copy.isEnabled()
    window.scene.clearSelection()
    QGuiApplication.clipboard().clear()
    empty = window.canvas_menu.build(QPoint(2, 2))
    assert "&Paste" in [a.text() for a in empty.actions()] and not window.actions.paste.isEnabled()


def test_a_paste_under_a_collapsed_box_expands_it_in_the_same_step(window):
    chart = window.chart
    assert window.editor.collapse(["ism"], True)
    select(window, "tsm")
    keys(window, Qt.Key.Key_C)
    select(window, "ism")
    steps = window.stack.count()
    before = set(chart.roles)
    keys(window, Qt.Key.Key_V)
    pasted = new_roles(window, before)
    assert not chart.is_collapsed("ism") and chart.role(pasted[0]).reports_to == "ism"
    assert window.stack.count() == steps + 1
    assert sorted(window.scene.selected_role_ids()) == sorted(pasted)
