"""District Facts: figures that contradict each other are explained beside their fields and OK is refused."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tdorg.ui.dialogs.district_dialog import DistrictDialog


def shown_dialog(window, qtbot) -> DistrictDialog:
    dialog = DistrictDialog(window.chart.district, window.editor, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_contradicting_facts_are_each_explained_and_ok_changes_nothing(window, qtbot, tmp_path):
    before = window.chart.district
    dialog = shown_dialog(window, qtbot)
    dialog.counts["students"].set_count(0)
    dialog.counts["staff"].set_count(300)
    dialog.buildings["elementary"].set_count(5)
    dialog.grades.setText("sixth to eighth")
    dialog.accept()
    assert dialog.isVisible() and window.chart.district == before and window.stack.count() == 0
    errors = dialog.errors
    assert "Students can't be 0 in a district with 300 staff" in errors["students"].text()
    assert not errors["students"].isHidden()
    assert "more buildings than students" in errors["buildings"].text() and not errors["buildings"].isHidden()
    assert "can't be read" in errors["one_to_one_grades"].text() and dialog.grades.property("invalid") is True
    qtbot.wait(50)  # the dialog grows to show the reasons
    dialog.grab().save(str(tmp_path / "district.png"))
    dialog.counts["students"].set_count(4000)
    dialog.grades.setText("6 to 8")
    QTest.keyClick(dialog.grades, Qt.Key.Key_Return)  # Enter is OK
    assert not dialog.isVisible()
    district = window.chart.district
    assert (district.students, district.staff, district.one_to_one_grades) == (4000, 300, "6 to 8")
    assert window.stack.count() == 1


def test_a_fixed_figure_clears_its_reason_on_the_next_ok(window, qtbot):
    dialog = shown_dialog(window, qtbot)
    dialog.grades.setText("4-14")
    dialog.accept()
    assert not dialog.errors["one_to_one_grades"].isHidden()
    dialog.grades.setText("4-12")
    dialog.counts["teachers"].set_count(10**6)
    dialog.counts["staff"].set_count(10)
    dialog.accept()
    assert dialog.errors["one_to_one_grades"].isHidden() and dialog.grades.property("invalid") is False
    assert "can't be more than all staff" in dialog.errors["teachers"].text()
    assert dialog.isVisible()
