"""Two editors on one chart, another program writing it, hard links: no save loses work silently."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from tdorg.model import Chart, District, Document
from tdorg.model.persistence import open_document, save_document
from tdorg.model.templates import new_from_template
from tdorg.ui.files.file_guard import Holder, lock_path

B = QMessageBox.StandardButton


def _plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.tdorg"
    save_document(Document.of(new_from_template("west-salem")), path)
    return path


def _roles_on_disk(path: Path) -> set[str]:
    return set(open_document(path).chart.roles)


def test_a_chart_open_in_another_window_is_said_and_can_be_opened_read_only(make_window, dialogs, monkeypatch,
                                                                             tmp_path):
    path = _plan(tmp_path)
    first = make_window()
    assert first.files.open_path(path, ask=False)
    assert lock_path(path).exists()
    second = make_window()
    dialogs.answer(B.Cancel)
    assert not second.files.open_path(path, ask=False)
    text, detail = dialogs.seen[-1]
    assert text == "“plan.tdorg” is open in another tdorg window." and "Read-only" in detail
    assert second.open_file.path is None
    dialogs.answer(B.Open)  # Open Read-Only
    assert second.files.open_path(path, ask=False)
    assert second.open_file.guard.read_only and "(read-only)" in second.windowTitle()
    second.editor.add_role("security", "dti")
    asked: list[str] = []
    copy = tmp_path / "my copy.tdorg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append(a[2]), (str(copy), ""))[1])
    assert second.files.save()  # read-only: Save asks for another name
    assert asked and copy.is_file() and _roles_on_disk(copy) == set(second.chart.roles)
    assert _roles_on_disk(path) == set(first.chart.roles)
    first.close()
    assert not lock_path(path).exists()


def test_two_windows_saving_one_chart_never_lose_an_edit_silently(make_window, dialogs, monkeypatch, tmp_path):
    path = _plan(tmp_path)
    first, second = make_window(), make_window()
    assert first.files.open_path(path, ask=False)
    dialogs.answer(B.Ignore)  # Open Anyway
    assert second.files.open_path(path, ask=False)
    first_role = first.editor.add_role("security", "dti")
    assert first.files.save()
    second.editor.add_role("network", "dti")
    mine = set(second.chart.roles)
    assert first_role not in mine

    dialogs.answer(B.Cancel)
    assert not second.files.save()
    text, detail = dialogs.seen[-1]
    assert "“plan.tdorg” was changed by another program or another tdorg window" in text
    assert "Overwrite" in detail and "Reload" in detail
    assert first_role in _roles_on_disk(path) and second.open_file.is_modified()

    copy = tmp_path / "plan (copy).tdorg"
    suggested: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (suggested.append(a[2]), (str(copy), ""))[1])
    dialogs.answer(B.SaveAll)  # Save as a Copy…
    assert second.files.save()
    assert suggested == [str(copy)]
    assert _roles_on_disk(copy) == mine and first_role in _roles_on_disk(path)
    assert second.open_file.path == copy.resolve()

    # the first window saves again over its own file: nothing changed there since, so no question
    first.editor.add_role("help_desk", "dti")
    assert first.files.save()
    first.close()
    third = make_window()
    assert third.files.open_path(path, ask=False)  # the lock went with the first window


def test_overwrite_and_reload_after_a_change_on_disk(make_window, dialogs, tmp_path):
    path = _plan(tmp_path)
    window = make_window()
    assert window.files.open_path(path, ask=False)
    window.editor.add_role("network", "dti")
    mine = set(window.chart.roles)
    save_document(Document.of(Chart(District(name="Written by another program"))), path)
    dialogs.answer(B.Save)  # Overwrite
    assert window.files.save()
    assert _roles_on_disk(path) == mine and not window.open_file.is_modified()

    window.editor.add_role("security", "dti")
    save_document(Document.of(Chart(District(name="Written again"))), path)
    dialogs.answer(B.Reset)  # Reload
    assert not window.files.save()
    assert window.chart.district.name == "Written again" and not window.open_file.is_modified()
    assert window.open_file.path == path.resolve()


def test_a_file_touched_but_not_changed_saves_without_a_question(make_window, tmp_path):
    path = _plan(tmp_path)
    window = make_window()
    assert window.files.open_path(path, ask=False)
    os.utime(path, (1, 1))  # a sync client rewrote it with the same content
    window.editor.add_role("network", "dti")
    assert window.files.save()


def test_saving_a_hard_linked_chart_says_it_becomes_a_copy(make_window, dialogs, tmp_path):
    path = _plan(tmp_path)
    other_name = tmp_path / "board.tdorg"
    os.link(path, other_name)
    window = make_window()
    assert window.files.open_path(path, ask=False)
    window.editor.add_role("network", "dti")
    dialogs.answer(B.Cancel)
    assert not window.files.save()
    text, detail = dialogs.seen[-1]
    assert "“plan.tdorg” is a hard link" in text and "1 other name" in text and "keep the chart" in detail
    assert os.stat(path).st_nlink == 2 and window.open_file.is_modified()
    dialogs.answer(B.Ok)
    assert window.files.save()
    assert set(window.chart.roles) == _roles_on_disk(path) != _roles_on_disk(other_name)
    window.editor.add_role("security", "dti")
    assert window.files.save()  # no longer linked: no question


def test_save_as_onto_a_chart_open_in_another_window_asks(make_window, dialogs, monkeypatch, tmp_path):
    path = _plan(tmp_path)
    first = make_window()
    assert first.files.open_path(path, ask=False)
    second = make_window("la-crosse")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    dialogs.answer(B.Cancel)
    assert not second.files.save()
    assert dialogs.seen[-1][0] == "“plan.tdorg” is open in another tdorg window."
    assert open_document(path).chart.district.name != second.chart.district.name


_HOLD_LOCK = """
import sys, time
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
assert lock.tryLock(0)
print("locked", flush=True)
time.sleep(120)
"""


def test_the_lock_of_a_tdorg_that_crashed_is_taken_over_without_a_question(make_window, tmp_path):
    path = _plan(tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, str(lock_path(path))], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        holder.send_signal(signal.SIGKILL)
        holder.wait(30)
    finally:
        holder.kill()
    assert lock_path(path).exists()  # left behind by the killed process
    window = make_window()
    assert window.files.open_path(path, ask=False)  # no dialog: the owner is gone
    assert not window.open_file.guard.read_only and window.open_file.guard.holder(path) is None


def test_a_lock_from_another_computer_names_it():
    assert Holder(4242, "cto-laptop").describe() == "open in tdorg on another computer (cto-laptop)"
    assert Holder(os.getpid(), "").describe() == "open in another tdorg window"


def test_a_read_only_window_autosaves_its_work_as_an_unsaved_chart(make_window, dialogs, tmp_path):
    path = _plan(tmp_path)
    first, second = make_window(), make_window()
    assert first.files.open_path(path, ask=False)
    dialogs.answer(B.Open)
    assert second.files.open_path(path, ask=False)
    second.editor.add_role("network", "dti")
    assert second.autosave.save_now()
    assert json.loads(second.autosave.note.read_text(encoding="utf-8"))["original"] is None


def test_work_of_a_read_only_window_recovered_suggests_the_chart_name(make_window, dialogs, monkeypatch, tmp_path):
    path = _plan(tmp_path)
    first, second = make_window(), make_window()
    assert first.files.open_path(path, ask=False)
    dialogs.answer(B.Open)
    assert second.files.open_path(path, ask=False)
    # as recovery shows it
    second.set_document(second.document, None, modified=True, name=second.open_file.display_name)
    suggested: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (suggested.append(a[2]), ("", ""))[1])
    assert not second.files.save()
    assert Path(suggested[0]).name == "plan.tdorg"
