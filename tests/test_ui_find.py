"""Edit › Find…: find roles by title, person or id as the user types, and step through the matches."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tdorg.model.search import RoleFinder, fold
from tdorg.model.synthetic import synthetic_chart


def find(window, text):
    window.actions.find.trigger()
    bar = window.find_bar
    bar.field.setText(text)
    return bar


def visible(window, role_id):
    view = window.view
    area = view.mapToScene(view.viewport().rect()).boundingRect()
    return area.contains(window.scene.item(role_id).sceneBoundingRect().center())


def test_ctrl_f_opens_the_bar_over_the_canvas_with_the_field_focused(window):
    bar = window.find_bar
    assert not bar.isVisible() and window.actions.find.shortcut().toString() == "Ctrl+F"
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible() and bar.field.hasFocus()
    area = window.view.viewport().geometry()
    assert area.contains(bar.geometry())  # over the canvas, not over a dock


def test_matches_by_title_as_the_user_types_and_selects_the_first(window):
    bar = find(window, "building tech")
    expected = [f"bt{n}" for n in range(1, 13)]
    assert bar.matches == expected
    assert bar.count.text() == "1 of 12"
    assert window.scene.selected_role_ids() == ["bt1"] and visible(window, "bt1")
    bar.field.setText("BUILDING TECHNICIAN 1")  # case does not matter; every word must appear
    assert bar.matches == ["bt1", "bt10", "bt11", "bt12"] and bar.count.text() == "1 of 4"


def test_matches_by_person_ignoring_accents(window):
    window.editor.update("tsm", {"person": "José Ortíz", "vacant": False}, "person")
    bar = find(window, "jose ortiz")
    assert bar.matches == ["tsm"] and bar.count.text() == "1 of 1"
    assert window.scene.selected_role_ids() == ["tsm"]
    bar.field.setText("ORTÍZ")
    assert bar.matches == ["tsm"]


def test_matches_by_id(window):
    bar = find(window, "sws")
    assert bar.matches == ["sws1", "sws2"]
    bar.field.setText("cao")
    assert bar.matches == ["cao"] and window.scene.selected_role_ids() == ["cao"]


def test_enter_and_f3_step_forward_and_back_wrapping_around(window):
    bar = find(window, "network engineer")
    assert bar.matches == ["ne1", "ne2"] and bar.count.text() == "1 of 2"
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 2" and window.scene.selected_role_ids() == ["ne2"]
    QTest.keyClick(bar.field, Qt.Key.Key_Return)  # past the last: back to the first
    assert bar.count.text() == "1 of 2" and window.scene.selected_role_ids() == ["ne1"]
    QTest.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # before the first: the last
    assert bar.count.text() == "2 of 2" and window.scene.selected_role_ids() == ["ne2"]
    window.view.setFocus()
    window.actions.find_next.trigger()  # F3 works from the canvas too
    assert window.scene.selected_role_ids() == ["ne1"] and visible(window, "ne1")
    window.actions.find_previous.trigger()
    assert window.scene.selected_role_ids() == ["ne2"] and visible(window, "ne2")
    assert window.actions.find_next.shortcut().toString() == "F3"


def test_no_match_says_so_and_escape_closes(window):
    window.select_roles(["dir"])
    bar = find(window, "zebra keeper")
    assert bar.matches == [] and bar.count.text() == "No match"
    assert bar.field.property("invalid") == "true" and not bar.next_button.isEnabled()
    QTest.keyClick(bar.field, Qt.Key.Key_Return)  # nothing to go to: the selection stays
    assert window.scene.selected_role_ids() == ["dir"]
    QTest.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and window.view.hasFocus()


def test_the_count_follows_edits_without_touching_the_canvas(window):
    bar = find(window, "programmer")
    assert bar.matches == ["prog"]
    items = dict(window.scene.role_items())
    bar.field.setText("programm")
    assert window.scene.role_items() == items  # typing never rebuilds the canvas
    window.editor.delete(["prog"])
    window.scene.flush()
    assert bar.matches == [] and bar.count.text() == "No match"
    window.actions.undo.trigger()
    window.scene.flush()
    assert bar.matches == ["prog"] and bar.count.text() == "1 match"


def test_the_finder_folds_only_roles_that_changed():
    chart = synthetic_chart(5000, seed=3)
    finder = RoleFinder()
    first = chart.roles_in_order()[10]
    assert first.id in finder.find(chart, first.id)
    kept = dict(finder._folded)
    some = next(iter(chart.roles))
    chart.update_role(some, person="Zoë Lindqvist")
    assert finder.find(chart, "zoe lindqvist") == [some]
    changed = [r for r in finder._folded if finder._folded[r] is not kept.get(r)]
    assert changed == [some]
    assert fold("Ångström ÉCOLE") == "angstrom ecole"
