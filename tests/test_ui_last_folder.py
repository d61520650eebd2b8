"""Every file dialog opens in the folder last used for its kind of file, at first in Documents."""

import os

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from tdorg.ui.exporting.export_dialog import ExportDialog

from .conftest import TEMPLATES
from .test_ui_import import STAFF


@pytest.fixture
def documents(tmp_path, monkeypatch):
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(folder))
    return folder


@pytest.fixture
def asked(monkeypatch):
    """Where each file dialog opened (its folder, or its suggested file), by title; ``answers`` picks files."""
    seen: dict[str, str] = {}
    answers: dict[str, str] = {}

    def dialog(_parent, title, where, _filter, *_rest, **_kwargs):
        seen[title] = where
        return answers.pop(title, ""), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    monkeypatch.setattr(ExportDialog, "exec", lambda _dialog: 1)
    return seen, answers


def every_dialog(window):
    """Open each file dialog once (each is cancelled unless answered)."""
    window.files.open()
    window.files.save_as()
    window.spreadsheets.import_spreadsheet()
    window.spreadsheets.export_roles()
    window.exporter.run()


def test_at_first_every_dialog_opens_in_documents_never_the_programs_folder(make_window, documents, asked,
                                                                             monkeypatch, tmp_path):
    program = tmp_path / "program"
    program.mkdir()
    monkeypatch.chdir(program)
    seen, _answers = asked
    every_dialog(make_window("patrick-henry"))
    assert seen["Open Chart"] == seen["Import from Spreadsheet"] == str(documents)
    for title in ("Save Chart As", "Export Roles", "Export To"):
        assert os.path.dirname(seen[title]) == str(documents), title
    assert not any(str(program) in where for where in seen.values())


def test_each_kind_of_file_remembers_its_own_folder_for_the_next_window(make_window, documents, asked, tmp_path):
    charts, sheets, exports = (tmp_path / name for name in ("charts", "sheets", "exports"))
    for folder in (charts, sheets, exports):
        folder.mkdir()
    (charts / "patrick-henry.json").write_bytes((TEMPLATES / "patrick-henry.json").read_bytes())
    (sheets / "staff.csv").write_text(STAFF, encoding="utf-8")
    seen, answers = asked
    window = make_window()
    answers["Open Chart"] = str(charts / "patrick-henry.json")
    assert window.files.open()
    answers["Export Roles"] = str(sheets / "roles.csv")
    assert window.spreadsheets.export_roles()
    answers["Export To"] = str(exports / "chart.dot")
    window.settings.setValue("export/format", "dot")
    job = window.exporter.run()
    assert job is not None and job.wait(60_000)

    every_dialog(make_window())
    assert seen["Open Chart"] == str(charts)
    assert seen["Import from Spreadsheet"] == str(sheets)
    assert os.path.dirname(seen["Export Roles"]) == str(sheets)
    assert os.path.dirname(seen["Export To"]) == str(exports)


def test_an_exports_first_folder_is_the_saved_charts(make_window, documents, asked, tmp_path):
    seen, _answers = asked
    window = make_window("patrick-henry")
    assert window.files.save_to(tmp_path / "plan.tdorg")
    window.exporter.run()
    assert os.path.dirname(seen["Export To"]) == str(tmp_path.resolve())


@pytest.mark.parametrize("start", ["template", "sample", "blank"])
def test_save_as_proposes_the_districts_name(make_window, documents, asked, start):
    seen, _answers = asked
    window = make_window()
    if start == "template":
        assert window.files.new_from_template("patrick-henry")
    elif start == "sample":
        assert window.files.open_path(TEMPLATES / "patrick-henry.json", ask=False)
    else:
        window.editor.set_district(window.chart.district.with_changes(name="Westfield USD"))
    window.files.save_as()
    expected = "Westfield USD.tdorg" if start == "blank" else "Patrick Henry Local Schools.tdorg"
    assert seen["Save Chart As"] == str(documents / expected)


def test_a_chart_without_a_district_name_is_proposed_under_its_shown_name(make_window, documents, asked):
    seen, _answers = asked
    window = make_window()
    window.files.save_as()
    assert seen["Save Chart As"] == str(documents / "Untitled.tdorg")
