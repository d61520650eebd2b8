"""File › Export… in the editor: options, background export, cancel, failures, packet with changes."""

import os

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tdorg.export import ExportOptions
from tdorg.model import Role
from tdorg.ui.exporting.export_dialog import ExportDialog, ExportJob
from tests.test_export_support import needs_graphviz, pdf_text


def finish(job: ExportJob) -> None:
    assert job.wait(120_000)
    QApplication.processEvents()


def choose(monkeypatch, target, **choices):
    def fake_exec(dialog):
        if choices.get("packet"):
            dialog.packet_radio.setChecked(True)
        if "format" in choices:
            dialog.format.setCurrentIndex(dialog.format.findData(choices["format"]))
        if "compare_to" in choices:
            dialog.changes_from.setCurrentIndex(dialog.changes_from.findData(choices["compare_to"]))
        return 1

    monkeypatch.setattr(ExportDialog, "exec", fake_exec)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))


@needs_graphviz
def test_export_writes_a_pdf_in_the_background(window, monkeypatch, tmp_path):
    choose(monkeypatch, tmp_path / "chart", format="pdf")
    job = window.exporter.run()
    finish(job)
    data = (tmp_path / "chart.pdf").read_bytes()
    assert data.startswith(b"%PDF")
    assert "Exported to" in window.statusBar().currentMessage()
    assert window.settings.value("export/format") == "pdf"


@needs_graphviz
def test_board_packet_is_a_pdf(window, monkeypatch, tmp_path):
    choose(monkeypatch, tmp_path / "packet.pdf", packet=True)
    finish(window.exporter.run())
    assert (tmp_path / "packet.pdf").read_bytes().startswith(b"%PDF")


def test_dot_source_needs_no_graphviz_and_holds_every_role(window, monkeypatch, tmp_path):
    window.editor.add_role("security", "dir")  # the export sees the chart as it is now
    choose(monkeypatch, tmp_path / "chart.dot", format="dot")
    finish(window.exporter.run())
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
    monkeypatch.setattr("tdorg.export.graphviz.renderer.graphviz_available", lambda: False)
    dialogs.answer(QMessageBox.StandardButton.Ok)
    choose(monkeypatch, tmp_path / "chart.svg", format="svg")
    monkeypatch.setattr("tdorg.ui.exporting.export_dialog.graphviz_available", lambda: True)
    finish(window.exporter.run())
    title, detail = dialogs.seen[-1]
    assert "could not be exported" in title and "Graphviz" in detail
    assert not (tmp_path / "chart.svg").exists()


def test_changes_from_a_scenario_are_offered_only_with_several_scenarios(window, monkeypatch):
    seen = []

    def look(dialog):
        offered = [dialog.changes_from.itemText(i) for i in range(dialog.changes_from.count())]
        dialog.changes_from.setCurrentIndex(dialog.changes_from.count() - 1)
        chart_only = (dialog.changes_row.isEnabled(), dialog.compare_to())
        dialog.packet_radio.setChecked(True)
        seen.append((dialog.changes_row.isHidden(), offered, chart_only, dialog.changes_row.isEnabled(),
                     dialog.compare_to()))
        return 0

    monkeypatch.setattr(ExportDialog, "exec", look)
    first = window.sessions.active.name
    assert window.exporter.run() is None
    window.sessions.add("Proposed 2027", window.chart.copy())
    window.sessions.add("Leaner", window.chart.copy(), show=False)
    assert window.exporter.run() is None
    assert seen[0][0] is True  # one scenario: nothing to compare with
    assert seen[1] == (False, ["None", first, "Leaner"], (False, None), True, "Leaner")


@needs_graphviz
def test_packet_includes_the_changes_from_the_chosen_scenario(window, monkeypatch, tmp_path):
    first = window.sessions.active.name
    proposal = window.chart.copy()
    proposal.remove_role("prog")
    proposal.add_role(Role(id="zta", title="Zero Trust Architect", category="security", reports_to="ism"))
    window.sessions.add("Proposed 2027", proposal)
    choose(monkeypatch, tmp_path / "packet.pdf", packet=True, compare_to=first)
    finish(window.exporter.run())
    text = pdf_text(tmp_path / "packet.pdf")
    section = text[text.index(f"Changes from “{first}” to “Proposed 2027”"):]
    assert "Added Zero Trust Architect Cybersecurity" in section and "Removed Programmer Data / SIS" in section
    assert f"Positions {len(proposal)} {len(proposal)} no change" in section
    assert "Exported to" in window.statusBar().currentMessage()


def test_an_export_onto_the_open_chart_is_refused(window, monkeypatch, dialogs, tmp_path):
    chart_file = tmp_path / "plan.tdorg"
    assert window.files.save_to(chart_file)
    saved = chart_file.read_bytes()
    os.link(chart_file, tmp_path / "plan.pdf")  # the same file under a PDF's name
    dialogs.answer(QMessageBox.StandardButton.Ok)
    choose(monkeypatch, tmp_path / "plan.pdf", format="pdf")
    assert window.exporter.run() is None
    title, detail = dialogs.seen[-1]
    assert "could not be exported" in title and "being read for this export" in detail
    assert chart_file.read_bytes() == saved


def test_powerpoint_slides_are_offered_with_the_options_slides_cannot_use_switched_off(make_window, monkeypatch,
                                                                                         tmp_path):
    from collections import Counter

    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE, MSO_SHAPE_TYPE

    window = make_window("small")
    dialog = ExportDialog(window, {"layout": "auto", "fit": "poster", "badges": "1"})
    assert [dialog.format.itemData(n) for n in range(dialog.format.count())] == ["pdf", "svg", "png", "dot", "pptx"]
    dialog.format.setCurrentIndex(dialog.format.findData("pptx"))
    assert not any(w.isEnabled() for w in (dialog.layout_combo, dialog.fit, dialog.poster_scale, dialog.badges))
    assert dialog.min_title.isEnabled() and dialog.ok.isEnabled()
    options = dialog.options()
    assert (options.format, options.layout, options.fit, options.badges) == ("pptx", "canvas", "page", False)
    assert dialog.remembered()["layout"] == "auto"  # the other formats keep what was chosen for them
    dialog.format.setCurrentIndex(dialog.format.findData("svg"))
    assert dialog.layout_combo.isEnabled() and dialog.badges.isEnabled()

    filters = []
    choose(monkeypatch, tmp_path / "chart", format="pptx")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (filters.append(a[3]), (str(tmp_path / "chart"), ""))[1])
    finish(window.exporter.run())
    assert filters == ["PowerPoint (*.pptx)"]
    deck = Presentation(str(tmp_path / "chart.pptx"))
    boxes = [shape.text_frame.paragraphs[0].text for slide in deck.slides for shape in slide.shapes
             if shape.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE and shape.auto_shape_type == MSO_SHAPE.ROUNDED_RECTANGLE]
    assert Counter(boxes) == Counter(role.title for role in window.chart.roles.values())
    assert "Exported to" in window.statusBar().currentMessage()
