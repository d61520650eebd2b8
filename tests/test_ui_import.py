"""File › Import from Spreadsheet… and File › Export Roles… in the editor."""

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tdorg.model.importing import plan_import, read_table
from tdorg.ui.spreadsheet.import_dialog import ImportDialog

STAFF = """Employee ID,Name,Title,Reports To,FTE,Department,Salary
100,Ann Lee,Superintendent,,1,Admin,190000
200,Bo Chen,Director of Technology,100,1,Technology,140000
300,Cy Diaz,Network Engineer,Bo Chen,1,Technology,90000
400,Di Ng,Help Desk Technician,Director of Technology,0.5,Technology,45000
500,Ed Fox,Building Technician,200,50%,Technology,60000
600,Fay Orr,,200,1,Technology,
700,Gus Pike,Technician,Nobody Here,1,Technology,55000
800,Hal Quinn,Systems Administrator,200,1.5,Technology,80000
200,Ida Ross,Integration Coach,200,1,Teaching,70000
"""
GOOD_IDS = {"100", "200", "300", "400", "500"}
Ok = QMessageBox.StandardButton.Ok


@pytest.fixture
def staff_csv(tmp_path):
    path = tmp_path / "staff.csv"
    path.write_text(STAFF, encoding="utf-8")
    return path


def pick(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def importing(dialogs, choice=None, scenario=None, seen=None):
    """Answer the import dialog: check the rows, then import "good" or "all" rows, or cancel (None)."""

    def handler(dialog):
        if seen is not None:
            seen.append(dialog)
        assert dialog.check_rows()
        if scenario is not None:
            dialog.as_scenario_radio.setChecked(True)
            dialog.name_field.setText(scenario)
        if choice is None:
            dialog.reject()
        else:
            assert dialog.choose(choice)

    dialogs.handle(ImportDialog, handler)


def test_import_lists_every_bad_row_and_imports_only_the_good_ones(make_window, dialogs, monkeypatch, staff_csv):
    window = make_window()
    pick(monkeypatch, staff_csv)
    seen = []
    importing(dialogs, "good", seen=seen)
    window.actions.import_sheet.trigger()
    dialog = seen[0]
    rows = [dialog.problems.topLevelItem(i) for i in range(dialog.problems.topLevelItemCount())]
    assert [(r.text(0), r.text(1)[:30]) for r in rows] == [
        ("7", "The title is empty; every role"),
        ("8", "Manager “Nobody Here” matches "),
        ("9", "FTE must be greater than 0 and"),
        ("10", "The position ID “200” is alrea"),
    ]
    assert dialog.summary.text() == "9 rows: 5 can be imported, 4 have problems that keep them out (header on row 1)."
    assert dialog.good_button.text() == "Import 5 good rows"
    assert dialog.all_button.text() == "Import all 9 rows (with the repairs listed)"
    assert dialog.destination.isHidden()  # an empty, unsaved chart is simply replaced
    chart = window.chart
    assert set(chart.roles) == GOOD_IDS
    assert chart.role("300").reports_to == "200" and chart.role("500").fte == 0.5
    assert chart.role("200").annual_cost == 140_000
    assert window.windowTitle() == "staff (imported)[*] — tdorg" and window.open_file.is_modified()
    assert set(window.scene.role_items()) == GOOD_IDS
    assert "4 rows left out" in window.message.text()


def test_import_all_rows_applies_the_listed_repairs(make_window, dialogs, monkeypatch, staff_csv):
    window = make_window()
    pick(monkeypatch, staff_csv)
    importing(dialogs, "all")
    window.actions.import_sheet.trigger()
    chart = window.chart
    assert len(chart) == 9
    assert chart.role("700").reports_to is None  # unknown manager: at the top
    assert chart.role("800").fte == 1.0
    assert any(r.title == "Untitled (row 7)" for r in chart.roles.values())


def test_cancel_imports_nothing(window, dialogs, monkeypatch, staff_csv):
    before = window.chart.copy()
    pick(monkeypatch, staff_csv)
    importing(dialogs, None)
    window.actions.import_sheet.trigger()
    assert window.chart == before and not window.open_file.is_modified() and len(window.sessions) == 1


def test_import_as_a_new_scenario_keeps_the_district_and_rule_settings(window, dialogs, monkeypatch, staff_csv):
    current = window.chart
    district = current.district
    pick(monkeypatch, staff_csv)
    seen = []
    importing(dialogs, "good", scenario="From HR", seen=seen)
    window.actions.import_sheet.trigger()
    assert "beside “Current”" in seen[0].as_scenario_radio.text()
    assert window.document.names == ["Current", "From HR"] and window.sessions.index == 1
    imported = window.chart
    assert set(imported.roles) == GOOD_IDS and imported.district == district
    assert imported.settings == current.settings
    assert window.document.scenarios[0].chart is current and "tsm" in current
    assert window.open_file.is_modified() and "From HR" in window.windowTitle()
    assert window.scenario_bar.combo.currentText() == "From HR"


def test_a_taken_scenario_name_is_refused_in_the_dialog(window, dialogs, monkeypatch, staff_csv):
    pick(monkeypatch, staff_csv)

    def handler(dialog):
        assert dialog.check_rows()
        dialog.as_scenario_radio.setChecked(True)
        dialog.name_field.setText("Current")
        assert not dialog.choose("good")
        assert "already a scenario named “Current”" in dialog.name_error.text()
        dialog.reject()

    dialogs.handle(ImportDialog, handler)
    window.actions.import_sheet.trigger()
    assert window.document.names == ["Current"]


def test_fixing_the_mapping_changes_the_plan(make_window, dialogs, monkeypatch, staff_csv):
    window = make_window()
    pick(monkeypatch, staff_csv)

    def handler(dialog):
        columns = dialog.columns
        assert columns.combos["manager"].currentText() == "D: Reports To"
        assert columns.combos["annual_cost"].currentText() == "G: Salary"
        assert columns.preview.rowCount() == 8 and columns.preview.item(0, 2).text() == "Superintendent"
        assert "→ Title" in columns.preview.horizontalHeaderItem(2).text()
        columns.combos["manager"].setCurrentIndex(0)  # "not imported": every role at the top
        assert columns.mapping.manager is None
        columns.combos["person"].setCurrentIndex(columns.combos["person"].findData(2))  # titles as names…
        assert columns.mapping.person == 2 and columns.mapping.title is None  # …takes the column from Title
        assert not dialog.check_rows()
        assert "Choose the column that holds the position titles" in columns.mapping_error.text()
        columns.combos["title"].setCurrentIndex(columns.combos["title"].findData(2))
        assert dialog.check_rows()
        dialog.choose("good")

    dialogs.handle(ImportDialog, handler)
    window.actions.import_sheet.trigger()
    assert all(r.reports_to is None for r in window.chart.roles.values())


def test_a_workbook_offers_its_sheets(make_window, dialogs, monkeypatch, tmp_path):
    path = tmp_path / "hr.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "Notes"
    workbook.active.append(["Nothing to see"])
    staff = workbook.create_sheet("Staff")
    for line in STAFF.splitlines()[:4]:
        staff.append(line.split(","))
    workbook.save(path)
    window = make_window()
    pick(monkeypatch, path)

    def handler(dialog):
        columns = dialog.columns
        assert columns.sheet.isVisibleTo(dialog) and columns.sheet.currentText() == "Notes"
        assert not dialog.check_rows()  # the notes sheet has no titles column
        columns.sheet.setCurrentText("Staff")
        assert columns.table.headers[2] == "Title"
        assert dialog.check_rows()
        dialog.choose("good")

    dialogs.handle(ImportDialog, handler)
    window.actions.import_sheet.trigger()
    assert set(window.chart.roles) == {"100", "200", "300"}


def test_a_file_that_cannot_be_read_is_explained_and_the_chart_stays(window, dialogs, monkeypatch, tmp_path):
    before = window.chart.copy()
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"this is no workbook")
    pick(monkeypatch, bad)
    dialogs.answer(Ok)
    window.actions.import_sheet.trigger()
    assert dialogs.seen[-1][0] == "Could not import “broken.xlsx”"
    assert "not an Excel .xlsx workbook" in dialogs.seen[-1][1]
    assert window.chart == before


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_roles_writes_a_sheet_that_imports_back(window, monkeypatch, tmp_path, suffix):
    window.editor.update("dir", {"annual_cost": 150_000.0}, "annual cost")
    target = tmp_path / "roles"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "Excel workbook (*.xlsx)" if suffix == ".xlsx" else "CSV"))
    window.actions.export_roles.trigger()
    written = target.with_suffix(suffix)
    assert written.is_file()
    roles = plan_import(read_table(written)).chart().roles
    assert {r.id: (r.title, r.reports_to, r.fte) for r in roles.values()} == {
        r.id: (r.title, r.reports_to, r.fte) for r in window.chart.roles.values()
    }
    assert roles["dir"].annual_cost == 150_000
    assert str(written) in window.statusBar().currentMessage()


def test_rows_going_into_the_open_file_meet_its_fte_threshold(window, dialogs, monkeypatch, tmp_path):
    sheet = tmp_path / "shared.csv"
    sheet.write_text("Employee ID,Name,Title,Reports To,FTE\n1,Ann Lee,Director of Technology,,0.6\n"
                     "2,Ann Lee,Network Engineer,1,0.6\n", encoding="utf-8")
    window.chart.set_settings(window.chart.settings.with_threshold("STR-2", "max_person_fte", 1.5))
    pick(monkeypatch, sheet)
    seen = []

    def handler(dialog):
        assert dialog.check_rows()  # a new chart has the default threshold: 1.2 FTE is too much
        seen.append([p.reason for p in dialog.plan.problems])
        dialog.as_scenario_radio.setChecked(True)  # the open file allows 1.5 FTE
        seen.append([p.reason for p in dialog.plan.problems])
        dialog.name_field.setText("Shared")
        assert dialog.choose("good")

    dialogs.handle(ImportDialog, handler)
    window.actions.import_sheet.trigger()
    as_new_chart, as_scenario = seen
    assert len(as_new_chart) == 1 and "would hold 1.2 FTE" in as_new_chart[0] and "at most 1 FTE" in as_new_chart[0]
    assert as_scenario == []
    assert window.document.names[-1] == "Shared" and window.chart.over_allocated_people() == {}
