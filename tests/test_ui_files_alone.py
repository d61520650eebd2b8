"""The file state, the File menu's work and autosave without a main window: the sessions, a widget, settings."""

from __future__ import annotations

import pytest

from tdorg.model.document import Document
from tests.charts import compliant_chart

pytest.importorskip("PySide6.QtWidgets")

from tdorg.ui.editing.editor import Editor  # noqa: E402
from tdorg.ui.editing.scenario_sessions import ScenarioSessions  # noqa: E402
from tdorg.ui.files.autosave import Autosave  # noqa: E402
from tdorg.ui.files.file_actions import FileActions  # noqa: E402
from tdorg.ui.files.file_guard import FileGuard  # noqa: E402
from tdorg.ui.files.open_file import OpenFile  # noqa: E402


class Rooms:
    """What a window hands the file rooms, kept by a plain widget; a chart is shown as the window shows it."""

    def __init__(self, host, tmp_path) -> None:  # noqa: ANN001
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QStatusBar

        self.sessions = ScenarioSessions(host)
        self.open_file = OpenFile(self.sessions, host)
        self.announced: list[str] = []
        self.open_file.changed.connect(lambda: self.announced.append(self.open_file.display_name))
        self.refusals: list[str] = []
        self.status = QStatusBar(host)
        self.autosave = Autosave(self.open_file, self.sessions, self.refusals.append, host, tmp_path / "recovery")
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        self.files = FileActions(self.open_file, self.sessions, self.show, settings, self.refusals.append,
                                 self.status, host)
        self.editor = Editor(self.sessions.stack, host)

    def show(self, document: Document, path, *, modified: bool = False, name: str | None = None,  # noqa: ANN001
             base=None, read_only: bool = False) -> None:  # noqa: ANN001
        self.autosave.discard_file()
        self.open_file.follow(path, name=name, untitled=document.chart.district.name or "Untitled",
                              modified=modified, base=base, read_only=read_only)
        self.sessions.load(document)
        self.editor.stack, self.editor.chart = self.sessions.stack, self.sessions.active.chart


@pytest.fixture
def rooms(qtbot, tmp_path):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    made = Rooms(host, tmp_path)
    made.show(Document.of(compliant_chart()), None)
    yield made
    made.autosave.discard()
    made.open_file.guard.release()
    for signalling in (made.sessions, made.sessions.group):  # nothing may signal into objects on their way out
        signalling.blockSignals(True)
    made.sessions.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_new_chart_is_named_for_its_district_and_an_edit_makes_it_modified(rooms):
    district = rooms.sessions.document.chart.district.name
    assert rooms.open_file.whereabouts() == (None, district) and not rooms.open_file.is_modified()
    rooms.announced.clear()
    assert rooms.editor.add_role("security", "supt")
    assert rooms.open_file.is_modified() and rooms.announced  # the title and autosave hear of it
    rooms.sessions.stack.undo()
    assert not rooms.open_file.is_modified()


def test_a_shown_name_and_the_modified_mark_come_with_the_document(rooms):
    rooms.show(Document.of(compliant_chart()), None, modified=True, name="Recovered plan")
    assert rooms.open_file.display_name == "Recovered plan" and rooms.announced[-1] == "Recovered plan"
    assert rooms.open_file.is_modified()


def test_saving_names_the_file_locks_it_and_drops_the_recovery_file(rooms, tmp_path):
    assert rooms.editor.add_role("security", "supt")
    assert rooms.autosave.save_now() and rooms.autosave.file.exists()
    rooms.refusals.append("an older problem")
    target = tmp_path / "plan.tdorg"
    assert rooms.files.save_to(target)
    assert rooms.open_file.whereabouts() == (target.resolve(), "plan.tdorg")
    assert not rooms.open_file.is_modified() and not rooms.autosave.file.exists()
    assert rooms.refusals[-1] == "" and rooms.status.currentMessage() == f"Saved {target.resolve()}"
    assert FileGuard(None).holder(target.resolve()) is not None  # another window sees the lock
    assert rooms.files.start_folder() == str(tmp_path.resolve())



def test_an_autosave_that_cannot_write_says_so_once(rooms, tmp_path):
    (tmp_path / "recovery").write_text("a file where the folder should be")
    assert rooms.editor.add_role("security", "supt")
    assert not rooms.autosave.save_now() and not rooms.autosave.save_now()
    assert len(rooms.refusals) == 1 and rooms.refusals[0].startswith("Autosave failed")
    rooms.sessions.stack.undo()  # back at the saved state: the recovery file it could not write is forgotten
    rooms.autosave.discard()  # as a closing window does, without a traceback
    assert not rooms.open_file.is_modified() and len(rooms.refusals) == 1
