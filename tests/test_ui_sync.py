"""File › Update from Spreadsheet…: preview the roster's changes, apply them as one undo step or a new scenario."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from tdorg.model import Document
from tdorg.ui.spreadsheet.sync_dialog import SyncDialog

from .charts import compliant_chart

HEADER = "Position ID,Title,Name,Reports To,FTE"


def write_roster(tmp_path, chart, drop=(), extra=()):
    lines = [f"{r.id},{r.title},{r.person},{r.reports_to or ''},{r.fte:g}"
             for r in chart.roles_in_order() if r.id not in drop]
    path = tmp_path / "roster.csv"
    path.write_text("\n".join([HEADER, *lines, *extra]) + "\n", encoding="utf-8")
    return path


def open_chart(make_window, monkeypatch, path):
    window = make_window()
    window.set_document(Document.of(compliant_chart(), "Current"), None)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    return window


def answer(dialogs, seen, scenario=None):
    def handler(dialog):
        seen.append(dialog)
        assert dialog.preview()
        if scenario is not None:
            dialog.as_scenario_radio.setChecked(True)
            dialog.name_field.setText(scenario)
        assert dialog.apply()

    dialogs.handle(SyncDialog, handler)


def test_update_is_previewed_applied_as_one_undo_step_and_undone_exactly(make_window, dialogs, monkeypatch, tmp_path):
    original = compliant_chart()
    path = write_roster(tmp_path, original, drop=("net",), extra=["t2,Building Technician,Lou Diaz,cto,1"])
    window = open_chart(make_window, monkeypatch, path)
    seen = []
    answer(dialogs, seen)
    window.actions.update_sheet.trigger()
    dialog = seen[0]
    assert dialog.leads.text() == "⚠ Network Engineer leaves: network, cybersecurity, servers have no lead"
    assert dialog.changes.lines("added") == ["Building Technician [t2] — Lou Diaz"]
    assert dialog.changes.lines("removed") == ["Network Engineer [net] — Kim Hale"]
    assert any("FUN-1" in line for line in dialog.changes.lines("introduced"))
    chart = window.chart
    assert "net" not in chart and chart.role("t2").reports_to == "cto"
    assert chart.role("dpo") == original.role("dpo")  # flags and functions kept
    stack = window.sessions.active.stack
    assert stack.count() == 1 and stack.undoText() == "Update from “roster.csv”"
    stack.undo()
    assert window.chart == original
    stack.redo()
    assert "t2" in window.chart and "net" not in window.chart


def test_update_into_a_new_scenario_leaves_the_shown_one(make_window, dialogs, monkeypatch, tmp_path):
    original = compliant_chart()
    path = write_roster(tmp_path, original, drop=("hd",))
    window = open_chart(make_window, monkeypatch, path)
    seen = []
    answer(dialogs, seen, scenario="HR update 2027-09")
    window.actions.update_sheet.trigger()
    assert window.document.names == ["Current", "HR update 2027-09"]
    assert window.document.scenario("Current").chart == original
    assert "hd" not in window.document.scenario("HR update 2027-09").chart


def test_an_unchanged_roster_offers_nothing_to_apply(make_window, dialogs, monkeypatch, tmp_path):
    path = write_roster(tmp_path, compliant_chart())
    window = open_chart(make_window, monkeypatch, path)
    seen = []

    def handler(dialog):
        seen.append(dialog)
        assert dialog.preview()
        dialog.reject()

    dialogs.handle(SyncDialog, handler)
    window.actions.update_sheet.trigger()
    assert not seen[0].apply_button.isEnabled()
    assert "no changes" in seen[0].summary.text()
    assert window.sessions.active.stack.count() == 0


def test_rows_above_the_header_are_shown_in_the_column_step(make_window, dialogs, monkeypatch, tmp_path):
    path = tmp_path / "titled.csv"
    chart = compliant_chart()
    lines = [f"{r.id},{r.title},{r.person},{r.reports_to or ''},{r.fte:g}" for r in chart.roles_in_order()]
    path.write_text("\n".join(["Technology Department — staff list as of 1 Sept", "", HEADER, *lines]) + "\n",
                    encoding="utf-8")
    window = open_chart(make_window, monkeypatch, path)
    seen = []

    def handler(dialog):
        seen.append(dialog)
        dialog.reject()

    dialogs.handle(SyncDialog, handler)
    window.actions.update_sheet.trigger()
    text = seen[0].columns.above_label.text()
    assert text.startswith("The header is row 3; the row above it (1) is not imported")
    assert "Technology Department — staff list as of 1 Sept" in text
