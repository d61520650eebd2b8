"""Crash recovery writes back to the right file, is offered once, never offers stale work, and an
autosave that fails says so once instead of raising."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from tdorg.model import Chart, District, Document
from tdorg.model.persistence import open_document, save_document
from tdorg.model.templates import new_from_template
from tdorg.ui.files import autosave as autosave_module
from tdorg.ui.files.autosave import find_recoveries
from tdorg.ui.files.recovery import offer_recovery

B = QMessageBox.StandardButton


def _leave_as_a_crash_would(window) -> None:  # noqa: ANN001
    """Copy the window's recovery files under a new name, with no live owner, as a killed process leaves them."""
    token = uuid.uuid4().hex
    autosave = window.autosave
    shutil.copy(autosave.file, autosave.directory / f"{token}.tdorg")
    shutil.copy(autosave.note, autosave.directory / f"{token}.json")


def test_recovering_work_on_a_chart_opened_by_a_relative_path_saves_to_that_chart(
        make_window, dialogs, monkeypatch, tmp_path):
    folder_a, folder_b = tmp_path / "a", tmp_path / "b"
    folder_a.mkdir()
    folder_b.mkdir()
    save_document(Document.of(new_from_template("west-salem")), folder_a / "plan.tdorg")
    save_document(Document.of(Chart(District(name="Another district"))), folder_b / "plan.tdorg")
    b_before = (folder_b / "plan.tdorg").read_bytes()

    monkeypatch.chdir(folder_a)
    crashed = make_window()
    assert crashed.files.open_path("plan.tdorg", ask=False)
    assert crashed.open_file.path == folder_a.resolve() / "plan.tdorg"
    new_role = crashed.editor.add_role("security", "dti")
    assert crashed.autosave.save_now()
    assert json.loads(crashed.autosave.note.read_text(encoding="utf-8"))["original"] == str(
        folder_a.resolve() / "plan.tdorg")
    _leave_as_a_crash_would(crashed)
    crashed.open_file._forced_modified = False
    crashed.sessions.set_clean()
    crashed.close()

    monkeypatch.chdir(folder_b)
    window = make_window()
    dialogs.answer(B.Yes)
    assert offer_recovery(window.autosave, window.set_document, window)
    assert window.open_file.path == folder_a.resolve() / "plan.tdorg"
    assert window.files.save()
    assert (folder_b / "plan.tdorg").read_bytes() == b_before
    assert new_role in open_document(folder_a / "plan.tdorg").chart.roles


def test_a_note_with_a_relative_path_is_recovered_as_an_unsaved_chart(make_window, dialogs, tmp_path):
    directory = tmp_path / "recovery"
    directory.mkdir()
    save_document(Document.of(new_from_template("west-salem")), directory / "feedface.tdorg")
    note = {"original": "plan.tdorg", "name": "plan.tdorg", "saved_at": 1.0}
    (directory / "feedface.json").write_text(json.dumps(note), encoding="utf-8")
    window = make_window()
    dialogs.answer(B.Yes)
    assert offer_recovery(window.autosave, window.set_document, window)
    assert window.open_file.path is None and window.open_file.is_modified()


def test_a_recovery_being_offered_is_not_offered_by_a_second_window(make_window, dialogs, monkeypatch, tmp_path):
    directory = tmp_path / "recovery"
    directory.mkdir()
    save_document(Document.of(new_from_template("west-salem")), directory / "0badcafe.tdorg")
    (directory / "0badcafe.json").write_text(json.dumps({"original": None, "name": "Plan", "saved_at": 1.0}),
                                             encoding="utf-8")
    first, second = make_window(), make_window()
    seen_by_second: list[bool] = []

    def while_first_asks(box: QMessageBox) -> QMessageBox.StandardButton:
        # would show a second dialog if it were offered
        seen_by_second.append(offer_recovery(second.autosave, second.set_document, second))
        return B.Discard

    monkeypatch.setattr(QMessageBox, "exec", while_first_asks)
    assert not offer_recovery(first.autosave, first.set_document, first)
    assert seen_by_second == [False]
    assert list(directory.iterdir()) == []


def test_a_recovery_kept_for_later_can_be_offered_again(make_window, dialogs, tmp_path):
    directory = tmp_path / "recovery"
    directory.mkdir()
    save_document(Document.of(new_from_template("west-salem")), directory / "0badcafe.tdorg")
    (directory / "0badcafe.json").write_text(json.dumps({"original": None, "name": "Plan", "saved_at": 1.0}),
                                             encoding="utf-8")
    window = make_window()
    dialogs.answer(B.Cancel, B.Cancel)  # Later, twice
    assert not offer_recovery(window.autosave, window.set_document, window)
    assert not offer_recovery(window.autosave, window.set_document, window)
    assert len(dialogs.seen) == 2 and len(find_recoveries(directory)) == 1


def test_undoing_back_to_the_saved_state_removes_the_recovery_file(make_window, tmp_path):
    path = tmp_path / "plan.tdorg"
    save_document(Document.of(new_from_template("west-salem")), path)
    window = make_window()
    assert window.files.open_path(path, ask=False)
    window.editor.add_role("security", "dti")
    assert window.autosave.save_now() and window.autosave.file.exists()
    window.stack.undo()
    assert not window.open_file.is_modified()
    assert not window.autosave.file.exists() and not window.autosave.note.exists()
    window.stack.redo()
    assert window.autosave.save_now() and window.autosave.file.exists()


def test_an_autosave_failure_of_any_kind_is_said_once_in_the_status_bar(make_window, monkeypatch):
    window = make_window("west-salem")
    said: list[str] = []
    monkeypatch.setattr(window.status, "refusal", said.append)

    def cannot_encode(*args: object, **kwargs: object) -> None:
        raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")

    monkeypatch.setattr(autosave_module, "write_recovery", cannot_encode)
    window.editor.add_role("security", "dti")
    assert not window.autosave.save_now()
    window.editor.add_role("network", "dti")
    assert not window.autosave.save_now()
    assert len(said) == 1 and said[0].startswith("Autosave failed") and "surrogates not allowed" in said[0]
    monkeypatch.undo()
    monkeypatch.setattr(window.status, "refusal", said.append)
    assert window.autosave.save_now()
    monkeypatch.setattr(autosave_module, "write_recovery", cannot_encode)
    window.editor.add_role("help_desk", "dti")
    assert not window.autosave.save_now()
    assert len(said) == 2  # failing again after a success is said again


def test_the_timers_autosave_writes_in_the_background_what_the_chart_was_when_it_began(make_window, monkeypatch):
    """The minute's write runs in a thread from a snapshot: edits made meanwhile wait for the next one."""
    window = make_window("west-salem")
    autosave = window.autosave
    window.editor.add_role("security", "dti")
    written = len(window.chart.roles)
    assert autosave.save_in_background() and not autosave.save_in_background()  # one write at a time
    window.editor.add_role("network", "dti")  # while it writes
    autosave.wait()
    assert len(open_document(autosave.file).chart.roles) == written
    assert autosave.save_in_background()
    autosave.wait()
    assert len(open_document(autosave.file).chart.roles) == written + 1
    assert not autosave.save_in_background()  # nothing new since

    said: list[str] = []
    monkeypatch.setattr(autosave, "refusal", said.append)

    def cannot_write(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(autosave_module, "write_recovery", cannot_write)
    window.editor.add_role("help_desk", "dti")
    assert autosave.save_in_background()
    autosave.wait()
    assert len(said) == 1 and said[0].startswith("Autosave failed") and "No space left" in said[0]
    assert autosave.save_in_background()  # tried again at the next minute
    autosave.wait()
    assert len(said) == 1  # the same reason is not said again


def test_saving_or_undoing_to_the_saved_state_while_an_autosave_writes_leaves_no_recovery_file(
        make_window, tmp_path):
    path = tmp_path / "plan.tdorg"
    save_document(Document.of(new_from_template("west-salem")), path)
    window = make_window()
    assert window.files.open_path(path, ask=False)
    window.editor.add_role("security", "dti")
    assert window.autosave.save_in_background()
    window.stack.undo()  # back at the saved state: the write under way finishes first, then its file goes
    assert not window.autosave.file.exists() and not window.autosave.note.exists()
