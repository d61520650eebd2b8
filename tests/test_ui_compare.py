"""Scenarios › Compare…: two charts side by side, the changes listed and their boxes highlighted."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tdorg.model.document import Document, Scenario
from tdorg.model.persistence import save_document

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
    dialog = two.compare_dialog
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
    dialog = two.compare_dialog
    assert marks(dialog.left) == {
        "dpo": {"removed"}, "hd": {"moved"}, "coach2": {"retitled", "fte"}, "net": {"cost", "changed"}}
    assert marks(dialog.right) == {
        "sec": {"added"}, "hd": {"moved"}, "coach2": {"retitled", "fte"}, "net": {"cost", "changed"}}
    assert dialog.left.scene.item("sec") is None and dialog.right.scene.item("dpo") is None
    assert dialog.right.scene.item("coach2").mark_tag() == "RETITLED · FTE"
    assert dialog.right.scene.item("supt").mark is None
    # the compare view works on copies: editing the scenarios leaves it as it was
    two.editor.delete(["hd"])
    assert dialog.right.scene.item("hd") is not None


def test_clicking_a_change_selects_and_centres_the_role_in_both_charts(two):
    two.scenario_bar.compare_action.trigger()
    dialog = two.compare_dialog
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
    dialog = two.compare_dialog
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
    dialog = window.compare_dialog
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
    assert getattr(window, "compare_dialog", None) is None
