"""A chart the desktop asks the running editor to open (macOS QFileOpenEvent) opens in its window."""

from pathlib import Path

from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from tdorg.model.document import Document
from tdorg.model.persistence import save_document
from tdorg.model.templates import new_from_template
from tdorg.ui.app import start
from tdorg.ui.window.file_open_events import follow_file_open_events
from tdorg.ui.dialogs.start_dialog import StartDialog


def _saved_chart(tmp_path: Path) -> Path:
    path = tmp_path / "west-salem.tdorg"
    save_document(Document.of(new_from_template("west-salem"), "Current"), path)
    return path


def test_a_file_open_event_opens_the_chart_in_the_running_window(make_window, qtbot, tmp_path):
    window = make_window("la-crosse")
    follow_file_open_events(window)
    path = _saved_chart(tmp_path)
    assert QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(path)))
    qtbot.waitUntil(lambda: window.open_file.path == path.resolve())
    assert window.chart.district.name == "School District of West Salem"


def test_a_file_open_event_at_start_up_answers_the_start_dialog(make_window, dialogs, qtbot, tmp_path):
    window = make_window()
    follow_file_open_events(window)
    path = _saved_chart(tmp_path)
    asked = []

    def open_file_while_asking(dialog: StartDialog) -> int:
        dialog.open()  # shown modally, as when macOS starts the app for a double-clicked file
        asked.append(QApplication.activeModalWidget() is dialog)
        QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(path)))
        return dialog.result()

    dialogs.handle(StartDialog, open_file_while_asking)
    start(window)
    assert asked == [True]
    qtbot.waitUntil(lambda: window.open_file.path == path.resolve())
    assert not window.open_file.is_modified()
