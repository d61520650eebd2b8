"""Files in the editor: save and reopen, prompts, error dialogs, autosave and recovery."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from tdorg.model.document import Document
from tdorg.model.persistence import open_document, save_document
from tdorg.model.formats import read_json
from tdorg.ui.app import NO_DISPLAY_HINT, has_display
from tdorg.ui.files.autosave import find_recoveries
from tdorg.ui.files.recovery import offer_recovery

from .conftest import TEMPLATES

Save, Discard, Cancel = (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard,
                         QMessageBox.StandardButton.Cancel)


def test_save_then_reopen_through_the_ui_gives_the_same_chart(make_window, monkeypatch, tmp_path):
    window = make_window("la-crosse")
    window.editor.add_role("security", "dir")
    window.editor.add_dotted("tech1", "nm")
    assert window.open_file.is_modified() and window.windowTitle().startswith("School District of La Crosse")
    target = tmp_path / "la crosse plan"  # the .tdorg extension is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "tdorg chart (*.tdorg)"))
    window.actions.save.trigger()
    saved = target.with_name("la crosse plan.tdorg")
    assert saved.is_file()
    assert not window.open_file.is_modified() and not window.isWindowModified()
    assert window.windowTitle() == "la crosse plan.tdorg[*] — tdorg"
    expected = window.chart.copy()

    window.close()  # else the second window would first say the chart is open in another window
    other = make_window()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), "Charts"))
    other.actions.open.trigger()
    assert other.chart == expected
    assert other.open_file.path == saved and not other.open_file.is_modified()
    assert other.files.recent()[0] == str(saved.resolve())
    assert set(other.scene.role_items()) == set(expected.roles)


def test_title_shows_unsaved_changes_and_undo_back_to_the_save_clears_it(make_window, monkeypatch, tmp_path):
    window = make_window("west-salem")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "ws.tdorg"), ""))
    assert window.files.save()
    window.editor.shift_sibling("tech1", 1)
    assert window.isWindowModified()
    window.stack.undo()
    assert not window.isWindowModified()


def test_closing_with_unsaved_changes_asks_first(make_window, dialogs, monkeypatch, tmp_path):
    window = make_window("west-salem")
    window.editor.add_role("network", "dti")
    snapshot = window.chart.copy()
    dialogs.answer(Cancel)
    assert not window.close()
    assert window.isVisible() and window.chart == snapshot
    assert "Save the changes" in dialogs.seen[-1][0]
    # Open… asks too; Cancel keeps the chart and shows no file dialog
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    dialogs.answer(Cancel)
    assert not window.files.open()
    assert window.chart == snapshot
    # Save from the prompt writes the file, then the window closes
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "ws.tdorg"), ""))
    dialogs.answer(Save)
    assert window.close()
    assert open_document(tmp_path / "ws.tdorg").chart == snapshot


def test_discarding_at_close_closes_without_saving(make_window, dialogs, tmp_path):
    window = make_window("west-salem")
    window.editor.add_role("network", "dti")
    dialogs.answer(Discard)
    assert window.close()
    assert not list(tmp_path.glob("*.tdorg"))


def test_a_bad_file_is_explained_in_a_dialog_and_the_chart_stays_open(make_window, dialogs, tmp_path):
    window = make_window("patrick-henry")
    snapshot = window.chart.copy()
    bad = tmp_path / "broken.tdorg"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 40)
    dialogs.answer(QMessageBox.StandardButton.Ok)
    assert not window.files.open_path(bad)
    title, reason = dialogs.seen[-1]
    assert title == "Could not open “broken.tdorg”" and "broken.tdorg" in reason
    assert "Traceback" not in reason
    assert window.chart == snapshot and window.open_file.path is None
    not_ours = tmp_path / "notes.tdorg"
    not_ours.write_text("hello", encoding="utf-8")
    dialogs.answer(QMessageBox.StandardButton.Ok)
    assert not window.files.open_path(not_ours)
    assert "notes.tdorg" in dialogs.seen[-1][1]
    assert window.chart == snapshot


def test_opening_a_sample_json_gives_an_unsaved_chart(make_window):
    window = make_window()
    assert window.files.open_path(TEMPLATES / "la-crosse.json", ask=False)
    assert window.chart == read_json(TEMPLATES / "la-crosse.json")
    assert window.open_file.path is None


def test_autosave_writes_a_recovery_file_only_while_there_are_unsaved_changes(make_window, tmp_path):
    window = make_window("west-salem")
    autosave = window.autosave
    assert not autosave.save_now() and not autosave.file.exists()
    window.editor.add_role("security", "dti")
    assert autosave.save_now()
    assert open_document(autosave.file).chart == window.chart
    note = json.loads(autosave.note.read_text(encoding="utf-8"))
    assert note["name"] == window.open_file.display_name
    assert not autosave.save_now()  # nothing new since
    assert find_recoveries(autosave.directory) == []  # owned by a live window
    window.stack.undo()
    window.stack.redo()
    assert autosave.save_now()


def write_crash_leftovers(directory: Path, document: Document, original: Path | None) -> Path:
    """What a window that died without closing leaves in the recovery folder."""
    directory.mkdir(parents=True, exist_ok=True)
    file = directory / "0123456789abcdef.tdorg"
    save_document(document, file)
    note = {"original": str(original) if original else None, "name": "Proposed plan", "saved_at": time.time()}
    (directory / "0123456789abcdef.json").write_text(json.dumps(note), encoding="utf-8")
    return file


def test_after_a_crash_the_autosaved_work_is_offered_and_recovered(make_window, dialogs, tmp_path):
    chart = read_json(TEMPLATES / "francis-howell.json")
    chart.remove_role("tsm")
    original = tmp_path / "plan.tdorg"
    write_crash_leftovers(tmp_path / "recovery", Document.of(chart), original)
    window = make_window()
    dialogs.answer(QMessageBox.StandardButton.Yes)
    assert offer_recovery(window.autosave, window.set_document, window)
    text, detail = dialogs.seen[-1]
    assert "did not close properly" in text and "plan.tdorg" in detail
    assert window.chart == chart
    assert window.open_file.is_modified() and window.open_file.path == original
    assert find_recoveries(tmp_path / "recovery") == []  # now this window's own autosave


def test_recovery_can_be_discarded_or_kept_for_later(make_window, dialogs, tmp_path):
    chart = read_json(TEMPLATES / "west-salem.json")
    file = write_crash_leftovers(tmp_path / "recovery", Document.of(chart), None)
    window = make_window()
    dialogs.answer(QMessageBox.StandardButton.Cancel)
    assert not offer_recovery(window.autosave, window.set_document, window) and file.exists()
    dialogs.answer(QMessageBox.StandardButton.Discard)
    assert not offer_recovery(window.autosave, window.set_document, window) and not file.exists()
    assert len(window.chart) == 0


def test_without_a_display_the_program_prints_a_hint_and_exits_2():
    assert not has_display({}, "linux")
    assert has_display({"DISPLAY": ":0"}, "linux") and has_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert has_display({}, "win32")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    code = "import sys; from tdorg.ui.app import main; sys.exit(main([]))"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == NO_DISPLAY_HINT
