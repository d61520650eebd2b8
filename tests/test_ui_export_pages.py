"""File › Export… about pages: the smallest title size, the exported scenario, and which mode gave which pages."""

from PySide6.QtWidgets import QApplication, QFileDialog

from tdorg.ui.exporting.export_dialog import ExportDialog, ExportJob
from tests.test_export_support import needs_graphviz


def finish(job: ExportJob) -> None:
    assert job.wait(120_000)
    QApplication.processEvents()


def test_the_dialog_names_the_scenario_and_offers_the_smallest_title_size(qtbot) -> None:
    dialog = ExportDialog(None, {"min_title_pt": "10"}, exported="Proposed 2027")
    qtbot.addWidget(dialog)
    assert dialog.scenario_label.text() == "Exports the scenario “Proposed 2027”."
    assert dialog.options().min_title_pt == 10.0 and dialog.options().layout == "canvas"
    assert dialog.remembered()["min_title_pt"] == "10"
    assert dialog.min_title.isEnabled()
    dialog.fit.setCurrentIndex(dialog.fit.findData("poster"))
    assert not dialog.min_title.isEnabled(), "a poster keeps reading size"
    dialog.fit.setCurrentIndex(dialog.fit.findData("page"))
    dialog.layout_combo.setCurrentIndex(dialog.layout_combo.findData("auto"))
    assert not dialog.min_title.isEnabled(), "only the canvas layout is split into pages"


@needs_graphviz
def test_the_status_bar_says_which_mode_gave_which_pages(window, monkeypatch, tmp_path) -> None:
    def fake_exec(dialog):
        dialog.min_title.setCurrentIndex(dialog.min_title.findData("14"))
        return 1

    monkeypatch.setattr(ExportDialog, "exec", fake_exec)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "chart.pdf"), ""))
    finish(window.exporter.run())
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Exported to {tmp_path / 'chart.pdf'}.")
    assert "role titles at" in message and "pt" in message
    assert window.settings.value("export/min_title_pt") == "14"
