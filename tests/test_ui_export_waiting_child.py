"""The editor's first export and first print are drawn by a Graphviz child started before they were asked for."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tdorg.export.graphviz import renderer
from tdorg.ui.exporting.export_dialog import ExportDialog
from tests.test_export_support import needs_graphviz
from tests.test_export_waiting_child import _starts as _runs
from tests.test_export_waiting_child import no_waiting_child  # noqa: F401 - each test starts with no child waiting

pytestmark = needs_graphviz


def test_a_child_waits_while_the_export_dialog_is_open_and_draws_the_first_export(window, monkeypatch, tmp_path):
    runs = _runs(monkeypatch)
    seen = []

    def choose_svg(dialog):
        seen.append(renderer._spare is not None and renderer._spare[1].poll() is None)  # noqa: SLF001
        dialog.format.setCurrentIndex(dialog.format.findData("svg"))
        return 1

    monkeypatch.setattr(ExportDialog, "exec", choose_svg)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "chart.svg"), ""))
    job = window.exporter.run()
    assert job.wait(120_000)
    assert seen == [True]
    assert runs == [True]
    assert b"Director of Technology" in (tmp_path / "chart.svg").read_bytes()


def test_a_cancelled_export_dialog_leaves_the_child_waiting_for_the_next_one(window, monkeypatch):
    monkeypatch.setattr(ExportDialog, "exec", lambda dialog: 0)
    assert window.exporter.run() is None
    waiting = renderer._spare[1]  # noqa: SLF001
    assert waiting.poll() is None
    assert window.exporter.run() is None
    assert renderer._spare[1] is waiting  # noqa: SLF001


def test_print_previews_chart_pdf_is_drawn_by_a_child_started_when_it_was_asked_for(window, qtbot, monkeypatch):
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    runs = _runs(monkeypatch)
    shown = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda dialog: shown.append(dialog.windowTitle()) or 0)
    with qtbot.waitSignal(window.printing.done, timeout=120_000):
        window.printing.preview()
    assert shown == ["Print Preview"]
    assert runs and runs[0] is True


def test_a_graphviz_that_cannot_start_is_reported_by_the_export_not_the_dialog(window, monkeypatch, tmp_path,
                                                                                 dialogs):
    monkeypatch.setattr(renderer, "child_command", lambda: [str(tmp_path / "no-such-program")])
    dialogs.answer(QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(ExportDialog, "exec", lambda dialog: (
        dialog.format.setCurrentIndex(dialog.format.findData("svg")), 1)[1])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "chart.svg"), ""))
    job = window.exporter.run()
    assert job.wait(120_000)
    QApplication.processEvents()
    title, detail = dialogs.seen[-1]
    assert "could not be exported" in title and "could not be started" in detail
    assert not (tmp_path / "chart.svg").exists()
