"""Scenarios › Compare…: two charts side by side, the changes listed and their boxes highlighted."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tdorg.model.document import Document, Scenario
from tdorg.model.persistence import save_document

from tdorg.ui.compare.compare_follow import DELAY_MS

from .charts import compliant_chart
from .test_compare import proposed


@pytest.fixture
def two(make_window):
    """A window holding "Current" and "Proposed 2027" (the known edits of test_compare), Proposed shown."""
    window = make_window()
    current = compliant_chart()
    document = Document([Scenario("Current", current), Scenario("Proposed 2027", proposed(current))], active=1)
    window.set_document(document, None)
    return window


def marks(pane):
    return {role_id: item.mark for role_id, item in pane.scene.role_items().items() if item.mark}


def visible(pane, role_id):
    view = pane.view
    area = view.mapToScene(view.viewport().rect()).boundingRect()
    return area.contains(pane.scene.item(role_id).sceneBoundingRect().center())


def test_compare_lists_exactly_the_expected_changes(two):
    two.scenario_bar.compare_action.trigger()
    dialog = two.comparer.dialog
    assert dialog.isVisible()
    assert (dialog.combo_a.currentText(), dialog.combo_b.currentText()) == ("Current", "Proposed 2027")
    changes = dialog.changes
    assert changes.lines("added") == ["Security Analyst [sec] — Vi Tran"]
    assert changes.lines("removed") == ["Data Privacy Officer [dpo] — Ari Chen"]
    assert changes.lines("moved") == ["Help Desk Technician: reports to Director of Technology → Building Technician"]
    assert changes.lines("retitled") == ["“Integration Coach” → “Instructional Technology Coach”"]
    assert changes.lines("fte") == ["Instructional Technology Coach: 1 → 0.5 (−0.5)"]
    assert changes.lines("cost") == ["Network Engineer: — → $95,000"]
    assert changes.lines("changed") == ["Network Engineer: flags none → intake_owner"]
    assert changes.lines("district") == ["students: 1,200 → 1,500"]
    assert [line.split(":")[0] for line in changes.lines("introduced")] == [
        "PRV-1 error", "RED-1 warning", "HLP-1 warning"]
    assert changes.lines("resolved") == []
    assert [line.split(" ")[0] for line in changes.lines("reworded")] == ["INT-3", "STF-2"]
    assert changes.lines("metrics")  # students per tech FTE changed with the district
    assert "Roles 9 → 9 (+0)" in dialog.summary.text() and "3 introduced" in dialog.summary.text()


def test_boxes_are_highlighted_by_their_kind_of_change(two):
    two.scenario_bar.compare()
    dialog = two.comparer.dialog
    assert marks(dialog.left) == {
        "dpo": {"removed"}, "hd": {"moved"}, "coach2": {"retitled", "fte"}, "net": {"cost", "changed"}}
    assert marks(dialog.right) == {
        "sec": {"added"}, "hd": {"moved"}, "coach2": {"retitled", "fte"}, "net": {"cost", "changed"}}
    assert dialog.left.scene.item("sec") is None and dialog.right.scene.item("dpo") is None
    assert dialog.right.scene.item("coach2").mark_tag() == "RETITLED · FTE"
    assert dialog.right.scene.item("supt").mark is None
    # the compare view works on copies: an edit reaches it only once the edits pause
    two.editor.delete(["hd"])
    assert dialog.right.scene.item("hd") is not None


def test_clicking_a_change_selects_and_centres_the_role_in_both_charts(two):
    two.scenario_bar.compare_action.trigger()
    dialog = two.comparer.dialog
    for pane in (dialog.left, dialog.right):
        pane.view.set_scale(1.5)
        pane.view.centerOn(0, 0)
    changes = dialog.changes
    item = changes.change_item("moved", 0)
    changes.scrollToItem(item)
    QTest.mouseClick(changes.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     changes.visualItemRect(item).center())
    for pane in (dialog.left, dialog.right):
        assert pane.scene.selected_role_ids() == ["hd"] and visible(pane, "hd")
    changes.setCurrentItem(changes.change_item("added", 0))  # keyboard: the current change follows too
    assert dialog.right.scene.selected_role_ids() == ["sec"] and visible(dialog.right, "sec")
    assert dialog.left.scene.selected_role_ids() == []
    changes.setCurrentItem(changes.change_item("introduced", 2))  # HLP-1 names two roles
    assert sorted(dialog.right.scene.selected_role_ids()) == ["hd", "net"]


def test_swap_and_picking_other_scenarios(two):
    two.scenario_bar.compare_action.trigger()
    dialog = two.comparer.dialog
    dialog.swap()
    assert dialog.changes.lines("added") == ["Data Privacy Officer [dpo] — Ari Chen"]
    assert marks(dialog.left)["sec"] == {"removed"}
    dialog.combo_b.setCurrentIndex(dialog.combo_a.currentIndex())  # a scenario against itself
    assert dialog.changes.groups == {} and marks(dialog.left) == {} and marks(dialog.right) == {}


def test_compare_with_a_file(make_window, monkeypatch, tmp_path):
    current = compliant_chart()
    other = tmp_path / "proposal.tdorg"
    save_document(Document.of(proposed(current), "Proposal"), other)
    window = make_window()
    window.set_document(Document.of(current), None)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    window.scenario_bar.compare_action.trigger()  # one scenario only: the file is asked for
    dialog = window.comparer.dialog
    assert [dialog.combo_a.itemText(i) for i in range(dialog.combo_a.count())] == ["Current", "proposal.tdorg"]
    assert dialog.combo_b.currentText() == "proposal.tdorg"
    assert dialog.changes.lines("added") == ["Security Analyst [sec] — Vi Tran"]
    assert marks(dialog.right)["sec"] == {"added"}


def test_a_file_that_cannot_be_compared_is_explained(window, dialogs, monkeypatch, tmp_path):
    bad = tmp_path / "bad.tdorg"
    bad.write_bytes(b"not a chart")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    dialogs.answer(QMessageBox.StandardButton.Ok)
    window.scenario_bar.compare_file_action.trigger()
    assert dialogs.seen[-1][0] == "Could not open “bad.tdorg”" and dialogs.seen[-1][1]
    assert window.comparer.dialog is None


def count_refreshes(dialog, monkeypatch):
    calls = []
    original = dialog.refresh
    monkeypatch.setattr(dialog, "refresh", lambda: (calls.append(1), original())[1])
    return calls


def test_edits_to_a_compared_scenario_refresh_the_window_after_a_pause(two, qtbot, monkeypatch):
    two.scenario_bar.compare_action.trigger()
    dialog = two.comparer.dialog
    calls = count_refreshes(dialog, monkeypatch)
    two.editor.delete(["hd"])  # Proposed 2027, on the right
    two.editor.update("net", {"title": "Senior Network Engineer"}, "title")
    assert dialog.right.scene.item("hd") is not None and calls == []  # not yet: edits may follow
    qtbot.waitUntil(lambda: bool(calls), timeout=DELAY_MS + 2000)
    qtbot.wait(DELAY_MS + 50)
    assert calls == [1]  # two edits, one comparison
    assert dialog.right.scene.item("hd") is None and dialog.left.scene.item("hd") is not None
    assert "Help Desk Technician [hd]" in dialog.changes.lines("removed")[-1]
    assert "“Network Engineer” → “Senior Network Engineer”" in dialog.changes.lines("retitled")
    assert dialog.right.scene.chart is not two.chart  # still a copy, never the live chart
    two.actions.undo.trigger()
    two.actions.undo.trigger()
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=DELAY_MS + 2000)
    assert dialog.changes.lines("moved") == [
        "Help Desk Technician: reports to Director of Technology → Building Technician"]


def test_edits_to_the_left_scenario_follow_and_others_are_ignored(two, dialogs, qtbot, monkeypatch):
    from .test_ui_scenarios import duplicate

    duplicate(two, dialogs, "Plan C")  # a third scenario, shown
    two.scenario_bar.compare()
    dialog = two.comparer.dialog
    dialog.choose(0, 1)
    calls = count_refreshes(dialog, monkeypatch)
    two.editor.delete(["sec"])  # Plan C is not compared
    qtbot.wait(DELAY_MS + 100)
    assert calls == []
    two.scenario_bar.switch(0)
    two.editor.update("supt", {"person": "Dana Ruiz", "vacant": False}, "person")
    qtbot.waitUntil(lambda: bool(calls), timeout=DELAY_MS + 2000)
    assert dialog.left.scene.chart.role("supt").person == "Dana Ruiz"
    assert dialog.right.scene.item("sec") is not None  # Proposed 2027 still has its analyst


def test_the_users_view_is_kept_across_a_refresh(two, qtbot):
    two.scenario_bar.compare_action.trigger()
    dialog = two.comparer.dialog
    dialog.changes.setCurrentItem(dialog.changes.change_item("added", 0))  # looks at the new analyst
    dialog.right.view.set_scale(1.3)
    two.editor.update("cto", {"fte": 0.5}, "FTE")
    qtbot.waitUntil(lambda: dialog.changes.lines("fte")[:1] == ["Director of Technology: 1 → 0.5 (−0.5)"],
                    timeout=DELAY_MS + 2000)
    assert abs(dialog.right.view.scale_factor() - 1.3) < 1e-6 and visible(dialog.right, "sec")
    assert dialog.right.scene.selected_role_ids() == ["sec"]


def test_renaming_moving_and_deleting_scenarios_retarget_the_window(two, dialogs, qtbot):
    from .test_ui_scenarios import duplicate, name_as

    duplicate(two, dialogs, "Plan C")
    two.scenario_bar.switch(1)
    two.scenario_bar.compare()
    dialog = two.comparer.dialog
    assert (dialog.combo_a.currentText(), dialog.combo_b.currentText()) == ("Current", "Proposed 2027")
    name_as(dialogs, "Proposed 2028")
    two.scenario_bar.rename_action.trigger()
    assert dialog.combo_b.currentText() == "Proposed 2028" and "Proposed 2028" in dialog.right.heading.text()
    two.scenario_bar.move_left_action.trigger()  # Proposed first: the window still compares the same two
    assert [dialog.combo_a.itemText(i) for i in range(3)] == ["Proposed 2028", "Current", "Plan C"]
    assert (dialog.combo_a.currentText(), dialog.combo_b.currentText()) == ("Current", "Proposed 2028")
    assert dialog.changes.lines("added") == ["Security Analyst [sec] — Vi Tran"]
    two.scenario_bar.switch(2)
    two.editor.delete(["net"])  # Plan C differs from Proposed now
    dialogs.answer(QMessageBox.StandardButton.Yes)
    two.scenario_bar.switch(1)
    two.scenario_bar.delete_action.trigger()  # deletes "Current", the left side
    assert two.document.names == ["Proposed 2028", "Plan C"] and dialog.isVisible()
    assert (dialog.combo_a.currentText(), dialog.combo_b.currentText()) == ("Plan C", "Proposed 2028")
    assert "“Current” was deleted" in two.comparer.follower.notice.text() and two.comparer.follower.notice.isVisible()
    assert dialog.changes.lines("added") == ["Network Engineer [net] — Kim Hale"]
    dialogs.answer(QMessageBox.StandardButton.Yes)
    two.scenario_bar.delete_action.trigger()  # only one scenario left: nothing to compare
    assert not dialog.isVisible()
    two.editor.delete(["hd"])
    qtbot.wait(DELAY_MS + 100)  # a closed window follows nothing


def test_opening_another_document_closes_the_window(two):
    two.scenario_bar.compare_action.trigger()
    dialog = two.comparer.dialog
    two.set_document(Document.of(compliant_chart()), None)
    assert not dialog.isVisible()
