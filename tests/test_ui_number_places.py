"""A number typed finer than its box keeps (too many decimal places, a fraction of a whole count) is refused
with the reason beside the field, never rounded silently."""

from __future__ import annotations

from tdorg.ui.dialogs.district_dialog import DistrictDialog
from tdorg.ui.dialogs.rules_dialog import RulesDialog
from tdorg.ui.widgets.fields import NumberBox

from .test_ui_rough_edges import type_into


def test_an_fte_with_three_decimal_places_is_refused_not_rounded(window):
    panel = window.properties
    window.select_roles(["ne1"])
    fte = window.chart.role("ne1").fte
    type_into(panel.fte, "0.333")
    assert panel._errors["fte"].text() == (f"FTE takes at most 2 decimal places; “0.333” was not taken, "
                                           f"so it stays {panel.fte.textFromValue(fte)}.")
    assert window.chart.role("ne1").fte == fte and window.stack.count() == 0
    type_into(panel.fte, "0.500")  # trailing zeros say nothing finer
    assert window.chart.role("ne1").fte == 0.5 and panel._errors["fte"].isHidden()


def test_a_whole_count_or_threshold_refuses_a_fraction(window, qtbot):
    dialog = DistrictDialog(window.chart.district, window.editor, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    students = dialog.counts["students"]
    type_into(students, "12.5")
    assert dialog.errors["students"].text() == "Students takes whole numbers only; “12.5” was not taken, so it stays 17,200."
    assert students.count() == 17200 and dialog.isVisible()
    rules = RulesDialog(window.chart.settings, window.editor, parent=window)
    qtbot.addWidget(rules)
    rules.show()
    qtbot.waitExposed(rules)
    rules.activateWindow()
    row, spin = next((r, spin) for r in rules.rows.values() for spin in r.spins.values()
                     if isinstance(spin, NumberBox) and spin.maximum() >= 3 and spin.minimum() <= 2)
    before = spin.value()
    type_into(spin, "2.5")
    assert "takes whole numbers only; “2.5” was not taken" in row.error.text() and not row.error.isHidden()
    assert spin.value() == before and rules.isVisible()
