"""Files dropped on the window: charts open, spreadsheets are imported, other files are refused."""

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from tdorg.model.document import Document
from tdorg.model.formats import load_chart
from tdorg.model.persistence import save_document
from tdorg.ui.spreadsheet.import_dialog import ImportDialog
from tdorg.ui.widgets.role_type_drag import category_mime

from .conftest import TEMPLATES
from .test_ui_import import STAFF

COPY, LEFT, NONE = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def files_mime(*paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drag_over(widget, mime):
    """Enter and move over the middle of ``widget``: whether it would take the drop."""
    middle = widget.rect().center()
    enter = QDragEnterEvent(middle, COPY, mime, LEFT, NONE)
    QApplication.sendEvent(widget, enter)
    move = QDragMoveEvent(middle, COPY, mime, LEFT, NONE)
    QApplication.sendEvent(widget, move)
    return enter.isAccepted() and move.isAccepted()


def drop_on(widget, mime, qtbot=None):
    """Drag ``mime`` over ``widget`` and drop it there; whether the drop was taken."""
    drag_over(widget, mime)
    drop = QDropEvent(QPointF(widget.rect().center()), COPY, mime, LEFT, NONE)
    QApplication.sendEvent(widget, drop)
    QApplication.processEvents()  # the file opens from the main loop, after the drop
    return drop.isAccepted()


@pytest.fixture
def chart_file(tmp_path):
    path = tmp_path / "Westfield USD.tdorg"
    save_document(Document.of(load_chart(TEMPLATES / "patrick-henry.json")), path)
    return path


def test_a_chart_dropped_on_the_window_opens(window, chart_file):
    assert drop_on(window, files_mime(chart_file))
    assert window.open_file.path == chart_file
    assert "Westfield USD" in window.windowTitle()


def test_a_sample_dropped_on_the_canvas_opens_as_a_new_chart(window):
    assert drop_on(window.view.viewport(), files_mime(TEMPLATES / "patrick-henry.json"))
    assert window.open_file.path is None and window.open_file.display_name == "patrick-henry (imported)"
    assert len(window.chart) == len(load_chart(TEMPLATES / "patrick-henry.json"))


def test_a_drop_on_unsaved_changes_asks_first_and_cancel_keeps_the_chart(window, dialogs, chart_file):
    window.editor.add_role("security", "dir")
    before = len(window.chart)
    dialogs.answer(QMessageBox.StandardButton.Cancel)
    drop_on(window, files_mime(chart_file))
    assert "Save the changes" in dialogs.seen[0][0]
    assert len(window.chart) == before and window.open_file.path is None


def test_a_spreadsheet_dropped_starts_the_import_with_that_file(window, dialogs, tmp_path):
    sheet = tmp_path / "staff.csv"
    sheet.write_text(STAFF, encoding="utf-8")
    seen = []

    def look(dialog):
        seen.append(dialog.windowTitle())
        dialog.reject()

    dialogs.handle(ImportDialog, look)
    assert drop_on(window.view.viewport(), files_mime(sheet))
    assert len(seen) == 1 and "staff.csv" in seen[0]


def test_other_files_are_refused_with_a_reason_while_dragging(window, tmp_path):
    picture = tmp_path / "board photo.png"
    picture.write_bytes(b"\x89PNG")
    title = window.windowTitle()
    for widget in (window, window.view.viewport()):
        assert not drag_over(widget, files_mime(picture))  # the refusing cursor
        assert "cannot open “board photo.png”" in window.status.message.text()
        assert not drop_on(widget, files_mime(picture))
    assert window.windowTitle() == title


def test_of_several_files_the_first_chart_opens_and_the_note_says_so(window, chart_file, tmp_path):
    notes = tmp_path / "notes.txt.pdf"
    notes.write_bytes(b"%PDF")
    assert drop_on(window, files_mime(notes, chart_file, TEMPLATES / "patrick-henry.json"))
    assert window.open_file.path == chart_file
    message = window.status.message.text()
    assert "Opened “Westfield USD.tdorg”" in message and "other 2 files were left alone" in message


def test_role_types_from_the_palette_still_drop_on_the_canvas(window):
    before = len(window.chart)
    viewport = window.view.viewport()
    mime = category_mime("security")
    assert drag_over(viewport, mime)
    drop = QDropEvent(QPointF(QPoint(20, 20)), COPY, mime, LEFT, NONE)
    QApplication.sendEvent(viewport, drop)
    assert len(window.chart) == before + 1


def test_text_and_web_links_are_left_to_the_widgets(window):
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.org/chart.tdorg")])
    assert not drag_over(window, mime)
    assert window.status.message.text() == ""
