"""File › Export… about pages: the smallest title size, the exported scenario, and which mode gave which pages."""

import pytest
from pypdf import PdfReader
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


def test_the_orientation_is_open_unless_one_was_chosen(qtbot) -> None:
    dialog = ExportDialog(None, {})
    qtbot.addWidget(dialog)
    assert dialog.orientation_open() and dialog.options().orientation == "landscape"
    assert dialog.remembered()["orientation"] == "auto"
    chosen = ExportDialog(None, {"orientation": "portrait"})
    qtbot.addWidget(chosen)
    assert not chosen.orientation_open() and chosen.options().orientation == "portrait"


@needs_graphviz
@pytest.mark.parametrize("remembered, size, said", [
    ("auto", (612, 792), "Portrait, as no orientation was chosen: its smallest role titles print at 13.3 pt"),
    ("landscape", (792, 612), None),
])
def test_an_open_orientation_prints_the_one_that_prints_larger(make_window, monkeypatch, tmp_path,
                                                              remembered: str, size, said) -> None:
    window = make_window("west-salem")
    window.settings.setValue("export/orientation", remembered)
    target = tmp_path / "chart.pdf"
    monkeypatch.setattr(ExportDialog, "exec", lambda dialog: 1)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    finish(window.exporter.run())
    box = PdfReader(str(target)).pages[0].mediabox
    assert (float(box.width), float(box.height)) == size
    message = window.statusBar().currentMessage()
    assert (said in message) if said else "Portrait" not in message
    assert window.scene.paper == ("letter", "portrait" if said else "landscape"), "the canvas shows what printed"
