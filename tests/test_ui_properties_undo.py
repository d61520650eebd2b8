"""Undo and Redo keys inside a Properties field act on the document, leaving no stray edit behind."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def saved_window(make_window, tmp_path):
    window = make_window("francis-howell")
    assert window.files.save_to(tmp_path / "chart.tdorg")
    assert not window.isWindowModified()
    window.select_roles(["ne1"])
    return window


def type_into(field, text: str) -> None:
    field.setFocus()
    QApplication.processEvents()
    field.selectAll()
    QTest.keyClicks(field, text)


def leave(window) -> None:
    """Focus goes elsewhere, as a click on the canvas does: a field commits what it holds."""
    window.view.setFocus()
    QApplication.processEvents()


def test_ctrl_z_after_a_committed_title_undoes_the_step_and_the_field_shows_the_old_title(make_window, tmp_path):
    window = saved_window(make_window, tmp_path)
    title = window.properties.title
    type_into(title, "Senior Network Engineer")
    QTest.keyClick(title, Qt.Key.Key_Return)
    assert window.chart.role("ne1").title == "Senior Network Engineer" and window.isWindowModified()
    QTest.keyClick(title, Qt.Key.Key_Z, CTRL)
    assert window.chart.role("ne1").title == "Network Engineer 1"
    assert title.text() == "Network Engineer 1"
    leave(window)
    assert window.stack.count() == 1 and window.stack.index() == 0  # no second edit when focus leaves
    assert not window.isWindowModified() and window.stack.isClean()  # the chart equals the saved file
    title.setFocus()
    QTest.keyClick(title, Qt.Key.Key_Z, CTRL_SHIFT)
    assert window.chart.role("ne1").title == "Senior Network Engineer" == title.text()
    assert window.isWindowModified()


def test_ctrl_z_over_typing_not_yet_committed_reverts_the_field_and_records_nothing(make_window, tmp_path):
    window = saved_window(make_window, tmp_path)
    panel = window.properties
    type_into(panel.person, "Dana Ortiz")
    QTest.keyClick(panel.person, Qt.Key.Key_Z, CTRL)
    assert panel.person.text() == "" and window.chart.role("ne1").person == ""
    leave(window)
    assert window.stack.count() == 0 and not window.isWindowModified()


def test_ctrl_z_over_a_refused_value_clears_the_reason_and_a_second_ctrl_z_undoes_the_document(make_window, tmp_path):
    window = saved_window(make_window, tmp_path)
    panel = window.properties
    type_into(panel.cost, "12000")
    QTest.keyClick(panel.cost, Qt.Key.Key_Return)
    type_into(panel.cost, "a lot")
    QTest.keyClick(panel.cost, Qt.Key.Key_Return)
    assert "number of dollars" in panel._errors["annual_cost"].text()
    QTest.keyClick(panel.cost, Qt.Key.Key_Z, CTRL)
    assert panel.cost.text() == "12,000" and panel._errors["annual_cost"].isHidden()
    assert panel.cost.property("invalid") is False and window.chart.role("ne1").annual_cost == 12000
    QTest.keyClick(panel.cost, Qt.Key.Key_Z, CTRL)
    assert window.chart.role("ne1").annual_cost is None and panel.cost.text() == ""
    leave(window)
    assert window.stack.index() == 0 and not window.isWindowModified()


def test_undo_keys_in_the_fte_box_and_the_notes_reach_the_document(make_window, tmp_path):
    window = saved_window(make_window, tmp_path)
    panel = window.properties
    before = window.chart.role("ne1").fte
    type_into(panel.fte.lineEdit(), panel.fte.textFromValue(0.5))
    QTest.keyClick(panel.fte, Qt.Key.Key_Z, CTRL)  # typed, not committed: the box shows the role's FTE again
    assert panel.fte.cleanText() == panel.fte.textFromValue(before) and window.stack.count() == 0
    type_into(panel.fte.lineEdit(), panel.fte.textFromValue(0.5))
    QTest.keyClick(panel.fte, Qt.Key.Key_Return)
    assert window.chart.role("ne1").fte == 0.5
    panel.notes.setFocus()
    QTest.keyClicks(panel.notes, "Covers the east side")
    leave(window)  # the notes commit on leaving
    assert window.chart.role("ne1").notes == "Covers the east side" and window.stack.count() == 2
    panel.notes.setFocus()
    QTest.keyClick(panel.notes, Qt.Key.Key_Z, CTRL)
    assert window.chart.role("ne1").notes == "" and panel.notes.toPlainText() == ""
    QTest.keyClick(panel.notes, Qt.Key.Key_Y, CTRL)
    assert window.chart.role("ne1").notes == "Covers the east side"
    QTest.keyClick(panel.notes, Qt.Key.Key_Z, CTRL)
    QTest.keyClick(panel.notes, Qt.Key.Key_Z, CTRL)
    assert window.chart.role("ne1").fte == before and panel.fte.value() == before
    leave(window)
    assert window.stack.index() == 0 and window.stack.count() == 2 and not window.isWindowModified()
