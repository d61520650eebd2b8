"""The second edition in the editor: the board in the palette, the privacy-officer setting in the
district facts, and each metric's inputs in the metrics panel."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tdorg.model.rules import validate
from tdorg.ui.dialogs.district_dialog import DistrictDialog
from tdorg.ui.panels.palette import Palette


def test_the_palette_offers_the_board_of_education(qtbot):
    palette = Palette()
    qtbot.addWidget(palette)
    categories = [palette.category_of(palette.item(n)) for n in range(palette.count())]
    assert "board" in categories and categories.index("board") < categories.index("superintendent")


def test_the_privacy_officer_setting_follows_the_state_and_applies_as_one_step(window):
    chart = window.chart  # Francis Howell, Missouri
    dialog = DistrictDialog(chart.district, window.editor, window)
    assert dialog.privacy.itemText(0) == "As the state's law says (not required)"
    dialog.state.setText("NY")
    assert dialog.privacy.itemText(0) == "As the state's law says (required)"
    assert "Education Law § 2-d" in dialog.privacy.toolTip()
    dialog.state.setText("MO")
    dialog.privacy.setCurrentIndex(1)
    dialog.accept()
    assert chart.district.privacy_officer_required is True
    assert window.stack.undoText() == "Edit district facts"
    assert [f.severity.label for f in validate(chart).findings if f.rule_id == "PRV-1"] == ["error"]
    window.stack.undo()
    assert chart.district.privacy_officer_required is None


def test_the_metrics_panel_shows_each_ratios_inputs(window):
    QApplication.processEvents()
    rows = [label for label, _value, _reference in window.metrics.metric_rows()]
    inputs = dict(zip(rows, window.metrics.metric_inputs()))
    support = inputs["Devices per technician FTE"]
    assert "Building technician: 12 roles, 12 FTE (whole FTE)" in support
    assert any(line.startswith("“Technology Services Manager”: 1 FTE × 1/1 of its led functions") for line in support)
    window.editor.set_district(window.chart.district.with_changes(one_to_one_grades="K-12"))
    QApplication.processEvents()
    rows = {label: value for label, value, _reference in window.metrics.metric_rows()}
    assert rows["Devices per technician FTE"] == "about 1,229 devices"  # 17,200 students on 14 support FTE
