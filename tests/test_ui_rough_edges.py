"""Rough edges of the editor a desktop user meets: panels, fields, labels, messages and the toolbar."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from tdorg.model.formats import load_chart
from tdorg.model.rules import Severity, validate
from tdorg.ui.panels.findings_panel import FindingsPanel
from tdorg.ui.dialogs.rules_dialog import RulesDialog

from .charts import compliant_chart
from .samples import SAMPLES


def test_groups_with_findings_show_expanded_after_a_chart_that_had_none(qtbot):
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    clean = compliant_chart()
    panel.set_report(validate(clean), clean)
    assert panel.counts()[Severity.ERROR] == 0
    broken = load_chart(SAMPLES / "francis-howell.json")
    panel.set_report(validate(broken), broken)
    assert panel.counts()[Severity.ERROR] and panel.counts()[Severity.WARNING]
    for severity, count in panel.counts().items():
        assert panel.group(severity).isExpanded() == bool(count), severity
    # a group the user collapsed stays collapsed while it keeps findings
    panel.group(Severity.WARNING).setExpanded(False)
    other = load_chart(SAMPLES / "patrick-henry.json")
    panel.set_report(validate(other), other)
    assert panel.counts()[Severity.WARNING] and not panel.group(Severity.WARNING).isExpanded()
    assert panel.group(Severity.INFO).isExpanded()


def wheel(widget, steps=-1) -> bool:
    """Turn the mouse wheel over ``widget``'s centre (negative: towards the user); whether ``widget`` took it.

    A turn the widget leaves (ignores) goes on to its parents, which is how a list scrolls under it."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_the_wheel_scrolls_the_rules_list_instead_of_changing_an_unfocused_threshold(window, qtbot):
    dialog = RulesDialog(window.chart.settings, window.editor, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    spin = dialog.rows["SPN-1"].spins["max_direct_reports"]
    dialog.scroll.ensureWidgetVisible(spin)
    before = spin.value()
    assert not wheel(spin, -1)  # left to the scroll area
    assert spin.value() == before and not spin.hasFocus()
    assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus  # a wheel turn does not give it focus
    dialog.activateWindow()
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    assert wheel(spin, 1)
    assert spin.value() == before + 1  # a focused field still takes the wheel


def test_every_number_field_of_the_editor_ignores_the_wheel_until_focused(window, qtbot):
    from tdorg.ui.dialogs.district_dialog import DistrictDialog

    dialog = DistrictDialog(window.chart.district, window.editor, window)
    qtbot.addWidget(dialog)
    window.select_roles(["ne1"])
    for spin in (window.properties.fte, dialog.counts["students"]):
        before = spin.value()
        assert not wheel(spin, 1)
        assert spin.value() == before and spin.focusPolicy() == Qt.FocusPolicy.StrongFocus


def shown_as(text: str) -> str:
    """What Qt draws for a button or menu ``text``: "&&" is an ampersand, a single "&" marks the shortcut letter."""
    assert QKeySequence.mnemonic(text).isEmpty(), f"“{text}” makes a shortcut out of an “&”"
    return text.replace("&&", "&")


def test_an_ampersand_from_the_vocabulary_or_the_data_is_shown_as_written(window, dialogs):
    from tdorg.ui.dialogs.name_dialog import NameDialog

    panel = window.properties
    assert shown_as(panel.flags.box("teaching_learning_leader").text()) == "Teaching & learning leader"
    assert shown_as(panel.service_areas.box("instruction").text()) == "Curriculum & instruction support"
    dialogs.handle(NameDialog, lambda d: (d.field.setText("R&D 2027"), d.accept()))
    window.scenario_bar.duplicate_action.trigger()
    window.scenario_bar.menu.aboutToShow.emit()
    entries = [shown_as(a.text()) for a in window.scenario_bar.switch_group.actions()]
    assert "R&D 2027" in entries


def type_into(spin, text):
    """Select a spin box's text, type ``text`` and press Enter, as a person does."""
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, text)
    QTest.keyClick(spin, Qt.Key.Key_Return)


def test_an_fte_outside_the_range_is_refused_with_the_reason_beside_the_field(window):
    panel = window.properties
    window.select_roles(["ne1"])
    fte = window.chart.role("ne1").fte
    steps = window.stack.count()
    for typed in ("3", "0"):
        type_into(panel.fte, typed)
        message = panel._errors["fte"]
        assert not message.isHidden(), typed
        assert f"“{typed}” was not taken" in message.text() and "FTE" in message.text()
        assert ("at most 1.00" if typed == "3" else "at least 0.05") in message.text()
        assert window.chart.role("ne1").fte == fte and window.stack.count() == steps
    type_into(panel.fte, "0.75")
    assert window.chart.role("ne1").fte == 0.75 and panel._errors["fte"].isHidden()


def test_district_figures_outside_their_range_or_against_each_other_are_explained(window, qtbot):
    from tdorg.ui.dialogs.district_dialog import DistrictDialog

    dialog = DistrictDialog(window.chart.district, window.editor, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    students, teachers = dialog.counts["students"], dialog.counts["teachers"]
    type_into(students, "-50")
    assert "Students can't be negative; “-50” was not taken" in dialog.errors["students"].text()
    assert not dialog.errors["students"].isHidden() and students.count() == 17200  # kept as it was
    type_into(teachers, "99,999,999,999")
    assert "Teachers can be at most 100,000,000; “99,999,999,999” was not taken, so it stays Unknown." == \
        dialog.errors["teachers"].text()
    assert teachers.count() is None
    assert dialog.isVisible()  # Enter on a refused figure keeps the dialog open with the reason
    type_into(students, "5000")  # Enter on a figure that is taken is OK
    assert window.chart.district.students == 5000 and not dialog.isVisible()
    dialog = DistrictDialog(window.chart.district, window.editor, window)
    qtbot.addWidget(dialog)
    teachers = dialog.counts["teachers"]
    teachers.set_count(400)
    dialog.counts["staff"].set_count(300)
    dialog.accept()
    assert dialog.result() == 0 and window.chart.district.teachers is None
    assert "Teachers (400) can't be more than all staff (300)" in dialog.errors["teachers"].text()
    dialog.counts["staff"].set_count(600)
    dialog.accept()
    assert window.chart.district.teachers == 400 and window.chart.district.staff == 600


def test_facts_read_from_a_file_may_disagree_but_entered_ones_may_not():
    import pytest

    from tdorg.model.district import District
    from tdorg.model.errors import FieldValueError

    saved = District(teachers=400, staff=300)
    saved.check()  # a chart saved like this still opens
    with pytest.raises(FieldValueError) as refused:
        saved.check_together()
    assert refused.value.field == "teachers"
    District(teachers=300, staff=300).check_together()


def test_a_threshold_outside_its_range_is_refused_with_the_reason_and_the_dialog_stays_open(window, qtbot):
    dialog = RulesDialog(window.chart.settings, window.editor, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    row = dialog.rows["SPN-1"]
    type_into(row.spins["max_direct_reports"], "5000")
    assert dialog.isVisible() and row.spins["max_direct_reports"].value() == 10
    assert "at most 1,000; “5000” was not taken, so it stays 10" in row.error.text()
    assert not row.error.isHidden()


def test_function_suggestions_are_labels_once_each_in_a_popup_wide_enough_and_the_field_clears(window, qtbot):
    panel = window.properties
    window.select_roles(["ne1"])
    leads = panel.leads
    completer = leads.input.completer()
    words = completer.model().stringList()
    assert "Cybersecurity" in words and "cybersecurity" not in words
    assert len({w.casefold() for w in words}) == len(words)
    leads.input.setFocus()
    QTest.keyClicks(leads.input, "cyber")
    qtbot.waitUntil(completer.popup().isVisible)
    popup = completer.popup()
    widest = max(popup.fontMetrics().horizontalAdvance(w) for w in words)
    assert popup.width() > widest
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: leads.input.text() == "")
    assert window.chart.role("ne1").leads == ("network", "cybersecurity")  # the suggestion, not "cyber"
    assert leads.input.text() == ""
    QTest.keyClicks(leads.input, "procure")  # typed, not added, then another role is selected
    window.select_roles(["ne2"])
    assert leads.input.text() == "" and "procurement" not in window.chart.role("ne2").leads


def test_a_long_refusal_in_the_status_bar_ends_in_an_ellipsis_with_the_whole_message_in_the_tooltip(make_window, qtbot):
    window = make_window("francis-howell")
    window.resize(1024, 700)
    message = ("“Network Engineer 1” can't report to “Help Desk Technician”: that would make a reporting loop "
               "(Help Desk Technician → Technology Services Manager → Network Engineer 1), so the chart stays as it was.")
    window.status.refusal(message)
    label = window.status.message
    qtbot.waitUntil(lambda: label.width() > 0)
    shown = label.shown_text()
    assert label.fontMetrics().horizontalAdvance(shown) <= label.width()
    assert shown.endswith("…") and message.startswith(shown[:-1])
    assert label.toolTip() == message == label.text()
    window.resize(2400, 700)
    qtbot.waitUntil(lambda: label.shown_text() == message)


def test_panels_move_and_close_but_do_not_float_off_by_a_drag(window):
    from PySide6.QtWidgets import QDockWidget

    docks = window.findChildren(QDockWidget)
    assert docks
    for dock in docks:
        features = dock.features()
        assert not features & QDockWidget.DockWidgetFeature.DockWidgetFloatable, dock.windowTitle()
        assert features & QDockWidget.DockWidgetFeature.DockWidgetMovable
        assert features & QDockWidget.DockWidgetFeature.DockWidgetClosable


def test_at_1024_by_700_the_toolbar_overflows_into_a_visible_button_instead_of_hiding_actions(make_window, qtbot):
    from PySide6.QtWidgets import QToolBar, QToolButton

    window = make_window("francis-howell")
    window.resize(1024, 700)
    bar = window.findChild(QToolBar, "mainToolbar")
    qtbot.waitUntil(lambda: bar.width() <= 1024)
    hidden = [a for a in bar.actions() if not a.isSeparator() and not bar.widgetForAction(a).isVisible()]
    assert window.actions.export in hidden  # the case of the report: it does not fit at this width
    extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension.isVisible() and extension.width() >= 16
    assert bar.geometry().contains(extension.geometry().translated(bar.pos()).center())
    contents = extension.contentsRect()
    assert contents.width() > 0  # room for its arrow inside the padding


def test_counts_in_the_status_bar_use_the_singular_for_one(window):
    from tdorg.model.chart import Chart
    from tdorg.model.plural import plural

    from .charts import role

    one = Chart(window.chart.district, [role("a", "Director of Technology", "it_leader", None, annual_cost=120000.0),
                                        role("b", "Network Engineer", "network", "a")])
    window.status.show_counts(one)
    assert "(1 of 2 roles costed)" in window.status.counts.text()
    one.remove_role("b")
    window.status.show_counts(one)
    assert window.status.counts.text().startswith("1 role · 1 FTE")
    assert plural(2, "role") == "2 roles" and plural(1200, "student") == "1,200 students"


def test_the_palette_keeps_no_type_highlighted_after_a_drag_or_a_double_click(window):
    palette = window.palette
    item = palette.item_for("network")
    palette.setCurrentItem(item)
    assert item.isSelected()
    palette.startDrag(Qt.DropAction.CopyAction)  # the offscreen drag ends at once
    assert not palette.selectedItems() and palette.currentItem() is None
    window.select_roles(["dir"])
    palette.setCurrentItem(item)
    palette.itemDoubleClicked.emit(item)
    assert not palette.selectedItems() and palette.currentItem() is None


def test_duplicate_proposes_next_years_plan_or_the_next_number(window, dialogs):
    from datetime import date

    from tdorg.ui.dialogs.name_dialog import NameDialog

    proposed = []
    dialogs.handle(NameDialog, lambda d: (proposed.append(d.field.text()), d.accept()))
    window.scenario_bar.duplicate_action.trigger()
    dialogs.handle(NameDialog, lambda d: (proposed.append(d.field.text()), d.accept()))
    window.scenario_bar.duplicate_action.trigger()  # a copy of the copy
    year = date.today().year + 1
    assert proposed == [f"Proposed {year}", f"Proposed {year + 1}"]


def test_save_as_proposes_the_districts_name_in_the_last_folder_used(make_window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    asked = []
    answers = []

    def save_dialog(_parent, _title, suggested, _filter):
        asked.append(suggested)
        return (answers.pop(0) if answers else "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    window = make_window()
    window.files.new_blank()
    window.editor.set_district(window.chart.district.with_changes(name="Maple Valley Schools"))
    folder = tmp_path / "plans"
    folder.mkdir()
    answers.append(str(folder / "maple.tdorg"))
    assert window.files.save_as()
    assert asked[0].endswith("Maple Valley Schools.tdorg")
    window.files.new_blank()
    window.editor.set_district(window.chart.district.with_changes(name="Cedar Ridge USD"))
    window.files.save_as()  # cancelled
    assert asked[1] == str(folder / "Cedar Ridge USD.tdorg")
    # the folder is remembered in the settings, for the next start too
    assert make_window(show=False).files.start_folder() == str(folder)
