"""Properties, findings and metrics panels, and the district-facts dialog."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tdorg.model.rules import Severity, validate
from tdorg.ui.dialogs.district_dialog import DistrictDialog


def rule_ids(window, severity=None):
    return {f.rule_id for f in window.findings.findings() if severity is None or f.severity == severity}


def test_findings_follow_an_edit_that_breaks_a_rule_and_one_that_fixes_it(window):
    chart = window.chart
    assert "CAB-1" not in rule_ids(window)
    window.select_roles(["dir"])
    flags = window.properties.flags
    flags.box("top_it_leader").setChecked(False)  # nobody is the top IT leader any more
    assert "top_it_leader" not in chart.role("dir").flags
    assert "CAB-1" in rule_ids(window, Severity.ERROR)
    errors = window.findings.counts()[Severity.ERROR]
    assert window.findings.group(Severity.ERROR).text(0) == f"Errors ({errors})"
    flags.box("top_it_leader").setChecked(True)
    assert "CAB-1" not in rule_ids(window)
    # and a fix of a finding the sample starts with: CAB-2 (leader not on the cabinet)
    assert "CAB-2" in rule_ids(window)
    flags.box("cabinet").setChecked(True)
    assert "CAB-2" not in rule_ids(window)
    assert window.findings.findings() == validate(chart).findings
    assert window.scene.item("dir").finding_count == len(validate(chart).for_role("dir"))


def test_clicking_a_finding_selects_and_centres_its_roles(window):
    finding = next(f for f in window.findings.findings() if f.rule_id == "CAB-2")
    item = window.findings.item_for(finding)
    tree = window.findings.tree
    tree.scrollToItem(item)
    window.view.set_scale(1.0)
    window.view.centerOn(0, 0)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     tree.visualItemRect(item).center())
    assert window.scene.selected_role_ids() == list(finding.role_ids) == ["dir"]
    box = window.scene.item("dir").sceneBoundingRect()
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(box.center())
    assert "Source" in window.findings.detail.text() and finding.fix[:20] in window.findings.detail.text()
    assert window.properties.role_id == "dir"


def test_properties_panel_edits_fields_as_undoable_commands(window):
    chart = window.chart
    panel = window.properties
    window.select_roles(["ne1"])
    panel.title.setText("Senior Network Engineer")
    panel.title.editingFinished.emit()
    assert chart.role("ne1").title == "Senior Network Engineer"
    panel.person.setText("Dana Ortiz")
    panel.person.editingFinished.emit()
    assert chart.role("ne1").person == "Dana Ortiz"
    panel.fte.setValue(0.5)
    assert chart.role("ne1").fte == 0.5
    panel.category.setCurrentIndex(panel.category.findData("security"))
    panel.category.activated.emit(panel.category.currentIndex())
    assert chart.role("ne1").category == "security"
    panel.leads.input.setText("Cybersecurity")
    panel.leads.input.returnPressed.emit()
    assert chart.role("ne1").leads[-1] == "cybersecurity"
    panel.cost.setText("$92,500")
    panel.cost.editingFinished.emit()
    assert chart.role("ne1").annual_cost == 92500.0
    assert window.stack.count() == 6
    assert window.stack.undoText() == "Change annual cost of “Senior Network Engineer”"
    while window.stack.canUndo():
        window.stack.undo()
    assert chart.role("ne1").title == "Network Engineer 1"
    assert panel.title.text() == "Network Engineer 1"  # the panel follows undo


def test_refused_values_are_explained_next_to_the_field_and_change_nothing(window):
    chart = window.chart
    snapshot = chart.copy()
    panel = window.properties
    window.select_roles(["ne1"])
    panel.title.setText("   ")
    panel.title.editingFinished.emit()
    error = panel._errors["title"]
    assert not error.isHidden() and "needs a title" in error.text()
    assert panel.title.property("invalid") is True
    # one person cannot hold more than 1.0 FTE across roles
    window.select_roles(["ne2"])
    panel.person.setText("Sam Lee")
    panel.person.editingFinished.emit()
    window.select_roles(["ne1"])
    panel.person.setText("Sam Lee")
    panel.person.editingFinished.emit()
    assert "1.0 FTE" in panel._errors["person"].text()
    assert chart.role("ne1").person == ""
    panel.cost.setText("a lot")
    panel.cost.editingFinished.emit()
    assert "number of dollars" in panel._errors["annual_cost"].text()
    assert chart.role("ne1").annual_cost is None
    window.stack.undo()
    assert chart == snapshot


def test_metrics_show_figures_beside_reference_values(window):
    rows = {label: (value, reference) for label, value, reference in window.metrics.metric_rows()}
    value, reference = rows["Students per technology-staff FTE"]
    assert value == "781.8 students" and "1,900" in reference
    window.editor.set_district(window.chart.district.with_changes(students=44000))
    QApplication.processEvents()
    rows = {label: (value, reference) for label, value, reference in window.metrics.metric_rows()}
    assert rows["Students per technology-staff FTE"][0].startswith("2,000")


def test_district_dialog_checks_values_in_place_and_applies_as_one_step(window):
    chart = window.chart
    dialog = DistrictDialog(chart.district, window.editor, window)
    dialog.state.setText("M1")
    dialog.counts["devices"].set_count(25000)
    dialog.accept()
    assert dialog.result() == 0 and "two-letter" in dialog.errors["state"].text()
    assert chart.district.devices is None
    dialog.state.setText("MO")
    dialog.buildings["high"].set_count(3)
    dialog.accept()
    assert chart.district.devices == 25000 and chart.district.buildings.high == 3
    assert window.stack.undoText() == "Edit district facts"
    assert any(m.key == "devices_per_technician" and m.value for m in window.sessions.report.metrics)
    window.stack.undo()
    assert chart.district.devices is None
