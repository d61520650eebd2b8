"""File › Export… in the editor: options, background export, cancel and failures."""

import shutil

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tdorg.export import ExportOptions
from tdorg.ui.export_dialog import ExportDialog, ExportJob, run_export

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")


def finish(job: ExportJob) -> None:
    assert job.wait(120_000)
    QApplication.processEvents()


def choose(monkeypatch, target, **choices):
    def fake_exec(dialog):
        if choices.get("packet"):
            dialog.packet_radio.setChecked(True)
        if "format" in choices:
            dialog.format.setCurrentIndex(dialog.format.findData(choices["format"]))
        return 1

    monkeypatch.setattr(ExportDialog, "exec", fake_exec)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))


@needs_dot
def test_export_writes_a_pdf_in_the_background(window, monkeypatch, tmp_path):
    choose(monkeypatch, tmp_path / "chart", format="pdf")
    job = run_export(window)
    finish(job)
    data = (tmp_path / "chart.pdf").read_bytes()
    assert data.startswith(b"%PDF")
    assert "Exported to" in window.statusBar().currentMessage()
    assert window.settings.value("export/format") == "pdf"


@needs_dot
def test_board_packet_is_a_pdf(window, monkeypatch, tmp_path):
    choose(monkeypatch, tmp_path / "packet.pdf", packet=True)
    finish(run_export(window))
    assert (tmp_path / "packet.pdf").read_bytes().startswith(b"%PDF")


def test_dot_source_needs_no_graphviz_and_holds_every_role(window, monkeypatch, tmp_path):
    window.editor.add_role("security", "dir")  # the export sees the chart as it is now
    choose(monkeypatch, tmp_path / "chart.dot", format="dot")
    finish(run_export(window))
    text = (tmp_path / "chart.dot").read_text(encoding="utf-8")
    assert all(f"\t{role_id} [label=" in text for role_id in window.chart.roles)
    assert "security" in window.chart.roles


def test_a_cancelled_export_writes_nothing(window, tmp_path):
    job = ExportJob(window.chart.copy(), None, tmp_path / "x.svg", ExportOptions(format="svg"), False)
    seen = []
    job.cancelled.connect(lambda: seen.append("cancelled"))
    job.cancel()
    job.start()
    finish(job)
    assert seen == ["cancelled"] and not (tmp_path / "x.svg").exists()


def test_missing_graphviz_is_explained_in_a_dialog(window, monkeypatch, dialogs, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    dialogs.answer(QMessageBox.StandardButton.Ok)
    choose(monkeypatch, tmp_path / "chart.svg", format="svg")
    monkeypatch.setattr("tdorg.ui.export_dialog.graphviz_available", lambda: True)
    finish(run_export(window))
    title, detail = dialogs.seen[-1]
    assert "could not be exported" in title and "Graphviz" in detail
    assert not (tmp_path / "chart.svg").exists()
