"""Rough edges of the editor a desktop user meets: panels, fields, labels, messages and the toolbar."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from tdorg.model.formats import load_chart
from tdorg.model.rules import Severity, validate
from tdorg.ui.findings_panel import FindingsPanel
from tdorg.ui.rules_dialog import RulesDialog

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
    from tdorg.ui.district_dialog import DistrictDialog

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
    from tdorg.ui.name_dialog import NameDialog

    panel = window.properties
    assert shown_as(panel.flags.box("teaching_learning_leader").text()) == "Teaching & learning leader"
    assert shown_as(panel.service_areas.box("instruction").text()) == "Curriculum & instruction support"
    dialogs.handle(NameDialog, lambda d: (d.field.setText("R&D 2027"), d.accept()))
    window.scenario_bar.duplicate_action.trigger()
    window.scenario_bar.menu.aboutToShow.emit()
    entries = [shown_as(a.text()) for a in window.scenario_bar.switch_group.actions()]
    assert "R&D 2027" in entries
