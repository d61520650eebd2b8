"""Chart › Rules…: thresholds and switched-off rules as one undoable change, shown with the findings."""

from PySide6.QtGui import QPalette

from tdorg.model.persistence import open_document
from tdorg.model.rules import RULES, validate
from tdorg.ui.dialogs.rules_dialog import RulesDialog


def rule_ids(window):
    return {f.rule_id for f in window.findings.findings()}


def rules(dialogs, work):
    """Answer the next rules dialog with ``work(dialog)``."""
    dialogs.handle(RulesDialog, work)


def test_the_dialog_lists_every_rule_with_its_thresholds_and_defaults(window, dialogs):
    shown = []
    rules(dialogs, lambda d: (shown.append(d), d.reject()))
    window.actions.rules.trigger()
    dialog = shown[0]
    assert list(dialog.rows) == [r.id for r in RULES]
    row = dialog.rows["STF-3"]
    assert row.title.text().startswith("<b>STF-3</b>") and "info" in row.title.text()
    assert set(row.spins) == {"high_per_tech", "middle_per_tech", "elementary_per_tech"}
    assert row.spins["elementary_per_tech"].value() == 3.5
    assert "default 3.5" in row.defaults["elementary_per_tech"].text()
    assert not row.reset.isEnabled() and not row.off.isChecked() and row.reason.isHidden()


def test_a_threshold_changes_the_findings_and_undo_restores_them(window, dialogs):
    # The sample's technology services manager has 13 front-line reports: within the front-line limit of 15.
    assert "SPN-1" not in rule_ids(window)
    before = window.findings.findings()
    seen = []

    def lower_the_limit(dialog):
        seen.append(dialog)
        spin = dialog.rows["SPN-1"].spins["max_front_line_reports"]
        base = spin.palette().color(QPalette.ColorRole.Base)
        spin.setValue(12)
        assert spin.palette().color(QPalette.ColorRole.Base) != base  # an override is highlighted
        assert "changed" in dialog.rows["SPN-1"].defaults["max_front_line_reports"].text()
        assert dialog.rows["SPN-1"].reset.isEnabled()
        dialog.accept()

    rules(dialogs, lower_the_limit)
    window.actions.rules.trigger()
    assert window.chart.settings.threshold("SPN-1", "max_front_line_reports", 15) == 12
    assert "SPN-1" in rule_ids(window)
    assert window.findings.findings() == validate(window.chart).findings
    assert window.stack.count() == 1 and window.stack.undoText() == "Change SPN-1 threshold"
    window.actions.undo.trigger()
    assert window.findings.findings() == before and "SPN-1" not in rule_ids(window)
    window.actions.redo.trigger()
    assert "SPN-1" in rule_ids(window)

    def reset(dialog):
        row = dialog.rows["SPN-1"]
        assert row.spins["max_front_line_reports"].value() == 12
        row.reset.click()
        assert row.spins["max_front_line_reports"].value() == 15 and not row.reset.isEnabled()
        dialog.accept()

    rules(dialogs, reset)
    window.actions.rules.trigger()
    assert window.chart.settings.thresholds == {} and "SPN-1" not in rule_ids(window)


def test_ok_without_changes_adds_no_undo_step(window, dialogs):
    rules(dialogs, lambda d: d.accept())
    window.actions.rules.trigger()
    assert window.stack.count() == 0


def test_switching_a_rule_off_needs_a_reason_and_shows_it_under_the_findings(window, dialogs, tmp_path):
    assert window.findings.switched_off_group() is None
    attempts = []

    def switch_off(dialog):
        row = dialog.rows["FUN-1"]
        row.off.setChecked(True)
        assert row.reason.isVisibleTo(dialog) and not row.spins["essential_network"].isEnabled()
        dialog.accept()  # no reason yet: refused, the dialog stays open
        attempts.append(dialog.result())
        assert "Say why FUN-1 is switched off" in row.error.text()
        row.reason.setText("Student accounts are run by the regional service agency")
        dialog.accept()

    rules(dialogs, switch_off)
    window.actions.rules.trigger()
    assert attempts == [0]
    reason = "Student accounts are run by the regional service agency"
    assert window.chart.settings.disabled == {"FUN-1": reason}
    assert "FUN-1" not in rule_ids(window)
    assert window.stack.undoText() == "Switch off FUN-1"
    group = window.findings.switched_off_group()
    assert group.text(0) == "Switched off (1)"
    assert group.child(0).text(0) == f"Every essential function has a lead — {reason}" and group.child(0).text(1) == "FUN-1"
    assert window.findings.switched_off() == [("FUN-1", reason)]
    window.findings.tree.setCurrentItem(group.child(0))
    assert reason in window.findings.detail.text() and "Chart › Rules…" in window.findings.detail.text()

    assert window.files.save_to(tmp_path / "fh.tdorg")
    assert open_document(tmp_path / "fh.tdorg").chart.settings.disabled == {"FUN-1": reason}

    window.actions.undo.trigger()
    assert window.findings.switched_off_group() is None and "FUN-1" in rule_ids(window)


def test_double_clicking_a_switched_off_rule_opens_the_rules(window, dialogs):
    def switch_off(dialog):
        dialog.rows["CMP-1"].off.setChecked(True)
        dialog.rows["CMP-1"].reason.setText("The district does not take E-rate")
        dialog.accept()

    rules(dialogs, switch_off)
    window.actions.rules.trigger()
    opened = []
    rules(dialogs, lambda d: (opened.append(d.rows["CMP-1"].reason.text()), d.reject()))
    item = window.findings.switched_off_group().child(0)
    window.findings.tree.itemDoubleClicked.emit(item, 0)
    assert opened == ["The district does not take E-rate"]


def test_rule_settings_belong_to_the_shown_scenario(window, dialogs):
    from tests.test_ui_scenarios import duplicate

    duplicate(window, dialogs, "Plan B")

    def switch_off(dialog):
        assert "in the scenario “Plan B”" in dialog.intro.text()
        dialog.rows["FUN-1"].off.setChecked(True)
        dialog.rows["FUN-1"].reason.setText("Student accounts are run by the regional agency")
        dialog.accept()

    rules(dialogs, switch_off)
    window.actions.rules.trigger()
    plan_b, current = window.chart, window.document.scenarios[0].chart
    assert plan_b.settings.is_disabled("FUN-1") and not current.settings.is_disabled("FUN-1")
    window.scenario_bar.switch(0)
    assert window.findings.switched_off_group() is None and "FUN-1" in rule_ids(window)
