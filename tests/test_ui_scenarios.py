"""Scenarios in the editor: duplicate, rename, delete, switch, one undo history each, save and reopen."""

from PySide6.QtWidgets import QMessageBox

from tdorg.model.persistence import open_document
from tdorg.model.rules import validate
from tdorg.ui.dialogs.name_dialog import NameDialog

Yes, Cancel = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel


def name_as(dialogs, *names):
    """Answer the next name dialog by typing each name in turn and pressing OK."""

    def handler(dialog):
        for name in names:
            dialog.field.setText(name)
            dialog.accept()
        return None

    dialogs.handle(NameDialog, handler)


def duplicate(window, dialogs, name):
    name_as(dialogs, name)
    window.scenario_bar.duplicate_action.trigger()


def shows(window, chart):
    """The canvas, panels and editor all show ``chart``."""
    assert window.chart is chart and window.editor.chart is chart and window.scene.chart is chart
    assert set(window.scene.role_items()) == set(chart.roles)
    assert window.findings.findings() == validate(chart).findings
    return True


def test_duplicate_gives_an_independent_copy_with_its_own_undo_history(window, dialogs):
    current = window.chart
    original = current.copy()
    duplicate(window, dialogs, "Proposed 2027")
    assert window.document.names == ["Current", "Proposed 2027"]
    proposed = window.chart
    assert proposed is not current and proposed == original
    assert window.sessions.index == 1 and window.scenario_bar.combo.currentText() == "Proposed 2027"
    assert "Proposed 2027" in window.windowTitle() and window.isWindowModified()
    assert shows(window, proposed)
    assert not window.actions.undo.isEnabled()  # the copy starts with an empty history

    new_id = window.editor.add_role("security", "dir")
    assert new_id in proposed and new_id not in current
    assert current == original
    assert window.actions.undo.text().replace("&", "").startswith("Undo Add “Cybersecurity Specialist”")

    window.scenario_bar.combo.activated.emit(0)  # the user picks "Current" in the switcher
    assert window.sessions.index == 0 and shows(window, current)
    assert not window.actions.undo.isEnabled()  # Current's own (empty) history
    window.editor.delete(["tsm"])
    assert "tsm" not in current and "tsm" in proposed
    window.actions.undo.trigger()
    assert current == original and new_id in proposed  # undo acted on the scenario shown only

    window.scenario_bar.next_action.trigger()
    assert window.sessions.index == 1 and shows(window, proposed)
    window.actions.undo.trigger()
    assert proposed == original
    window.actions.redo.trigger()
    assert new_id in proposed and current == original


def test_switching_keeps_each_scenarios_view_and_selection_cleared(window, dialogs):
    window.view.set_scale(1.0)
    window.view.centerOn(window.scene.item("tsm").sceneBoundingRect().center())
    duplicate(window, dialogs, "Plan B")
    window.view.set_scale(0.5)
    window.scenario_bar.previous_action.trigger()
    assert abs(window.view.scale_factor() - 1.0) < 1e-6
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(window.scene.item("tsm").sceneBoundingRect().center())
    assert window.properties.role_id is None and window.scene.selected_role_ids() == []


def test_rename_explains_a_taken_name_in_place(window, dialogs):
    duplicate(window, dialogs, "Plan B")
    name_as(dialogs, "Current", "  Proposed 2027 ")
    assert window.scenario_bar.rename_action.isEnabled()
    window.scenario_bar.rename_action.trigger()
    assert window.document.names == ["Current", "Proposed 2027"]
    assert window.scenario_bar.combo.itemText(1) == "Proposed 2027"
    assert "Proposed 2027" in window.windowTitle()


def test_rename_dialog_keeps_a_refused_name_with_its_reason(make_window):
    window = make_window("west-salem")
    document = window.document
    dialog = NameDialog("Rename", "Name", "Current", document.check_new_name, parent=window)
    dialog.field.setText("Current")
    dialog.accept()
    assert dialog.result() == 0 and dialog.error.isVisibleTo(dialog)
    assert "already a scenario named “Current”" in dialog.error.text()
    dialog.field.setText("")
    dialog.accept()
    assert "needs a name" in dialog.error.text()


def test_delete_asks_first_and_never_removes_the_last_scenario(window, dialogs):
    current = window.chart
    assert not window.scenario_bar.delete_action.isEnabled()
    window.scenario_bar.delete()  # the only scenario: refused without a dialog
    assert "at least one scenario" in window.message.text() and len(window.sessions) == 1
    duplicate(window, dialogs, "Plan B")
    duplicate(window, dialogs, "Plan C")
    assert window.document.names == ["Current", "Plan B", "Plan C"]
    window.scenario_bar.switch(1)
    dialogs.answer(Cancel)
    window.scenario_bar.delete_action.trigger()
    assert window.document.names == ["Current", "Plan B", "Plan C"]
    assert "Delete the scenario “Plan B”?" in dialogs.seen[-1][0]
    plan_c = window.document.scenarios[2].chart
    dialogs.answer(Yes)
    window.scenario_bar.delete_action.trigger()
    assert window.document.names == ["Current", "Plan C"]
    assert window.sessions.index == 1 and shows(window, plan_c)
    window.scenario_bar.switch(0)
    dialogs.answer(Yes)
    window.scenario_bar.delete_action.trigger()
    assert window.document.names == ["Plan C"] and shows(window, plan_c)
    assert window.document.active == 0 and current is not plan_c
    assert not window.scenario_bar.delete_action.isEnabled()
    assert "Plan C" not in window.windowTitle()  # one scenario: the title names the file alone


def test_save_and_reopen_keep_every_scenario_and_the_shown_one(make_window, dialogs, monkeypatch, tmp_path):
    window = make_window("la-crosse")
    duplicate(window, dialogs, "Proposed 2027")
    window.editor.add_role("security", "dir")
    window.scenario_bar.switch(0)
    window.editor.shift_sibling("tech1", 1)
    window.scenario_bar.switch(1)
    expected = window.document
    target = tmp_path / "plans.tdorg"
    assert window.files.save_to(target)
    assert not window.open_file.is_modified() and not window.isWindowModified()
    assert window.windowTitle() == "plans.tdorg — Proposed 2027[*] — tdorg"
    assert open_document(target) == expected

    other = make_window()
    dialogs.answer(QMessageBox.StandardButton.Ignore)  # still open in the first window: Open Anyway
    assert other.files.open_path(target, ask=False)
    assert other.document == expected
    assert other.document.names == ["Current", "Proposed 2027"] and other.sessions.index == 1
    assert other.scenario_bar.combo.currentText() == "Proposed 2027" and shows(other, other.document.chart)
    assert not other.open_file.is_modified()


def test_the_document_is_modified_by_any_scenarios_edits_or_the_scenario_list(window, dialogs, tmp_path):
    assert window.files.save_to(tmp_path / "fh.tdorg") and not window.open_file.is_modified()
    duplicate(window, dialogs, "Plan B")  # not an undo step: the document is modified until saved
    assert window.open_file.is_modified() and not window.stack.canUndo()
    assert window.files.save_to(tmp_path / "fh.tdorg") and not window.open_file.is_modified()
    window.editor.add_role("network", "dir")
    window.scenario_bar.switch(0)
    assert window.stack.isClean() and window.open_file.is_modified()  # Plan B's edit still counts
    assert window.isWindowModified()
    window.scenario_bar.switch(1)
    window.stack.undo()
    assert not window.open_file.is_modified()


def test_scenario_totals_show_in_the_switcher_and_the_status_bar(window, dialogs):
    window.select_roles(["dir"])
    window.editor.update("dir", {"annual_cost": 150_000.0}, "annual cost")
    duplicate(window, dialogs, "Leaner")
    window.editor.delete(["tsm"])
    tips = window.scenario_bar.tooltips()
    current, leaner = window.sessions.summaries()
    assert tips[0].startswith("Current\n") and tips[1].startswith("Leaner\n")
    assert f"{current.roles} roles" in tips[0] and f"{leaner.roles} roles" in tips[1]
    assert leaner.roles == current.roles - 1
    assert "Annual cost $150,000" in tips[0] and f"({current.roles - 1} without a cost)" in tips[0]
    assert f"{leaner.errors} error" in tips[1]
    window.scenario_bar.combo.refresh_tooltips()
    assert window.scenario_bar.combo.toolTip().startswith(tips[1])
    assert f"$150,000 a year (1 of {leaner.roles} roles costed)" in window.counts.text()


def test_moving_scenarios_reorders_the_switcher_and_survives_save_and_reopen(make_window, dialogs, tmp_path):
    window = make_window("west-salem")
    duplicate(window, dialogs, "Plan B")
    duplicate(window, dialogs, "Plan C")
    target = tmp_path / "plans.tdorg"
    assert window.files.save_to(target) and not window.open_file.is_modified()
    plan_c = window.chart
    bar = window.scenario_bar
    assert window.sessions.index == 2 and not bar.move_right_action.isEnabled()
    bar.move_left_action.trigger()
    assert window.document.names == ["Current", "Plan C", "Plan B"]
    assert [bar.combo.itemText(i) for i in range(bar.combo.count())] == ["Current", "Plan C", "Plan B"]
    assert window.sessions.index == 1 and bar.combo.currentText() == "Plan C" and shows(window, plan_c)
    assert window.open_file.is_modified() and window.isWindowModified() and not window.stack.canUndo()
    bar.move_left_action.trigger()
    assert window.document.names == ["Plan C", "Current", "Plan B"] and window.sessions.index == 0
    assert not bar.move_left_action.isEnabled() and bar.move_right_action.isEnabled()
    assert "now scenario 1 of 3" in window.message.text()
    before = plan_c.copy()
    window.editor.delete([plan_c.roles_in_order()[-1].id])
    window.actions.undo.trigger()  # each scenario keeps its own history across the move
    assert plan_c == before
    assert window.stack is window.sessions.sessions[0].stack and window.sessions.sessions[0].chart is plan_c
    window.scenario_bar.switch(2)
    assert window.chart is window.document.scenarios[2].chart and window.sessions.active.name == "Plan B"
    assert window.files.save_to(target)

    other = make_window()
    dialogs.answer(QMessageBox.StandardButton.Ignore)  # still open in the first window: Open Anyway
    assert other.files.open_path(target, ask=False)
    assert other.document.names == ["Plan C", "Current", "Plan B"] and other.sessions.index == 2
    assert other.document == window.document and not other.open_file.is_modified()
