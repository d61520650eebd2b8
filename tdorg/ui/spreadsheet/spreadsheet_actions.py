"""File › Import from Spreadsheet…, Update from Spreadsheet… and Export Roles…: the steps around the dialogs.

A file that cannot be read or written is explained with the model's
sentence; the open chart stays as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject
from PySide6 import QtWidgets  # the file dialog's class is made when first shown
from PySide6.QtWidgets import QStatusBar, QWidget

from tdorg.model.document import Document
from tdorg.model.errors import TdorgError
from tdorg.model.scenarios import free_name

from ..widgets.error_box import os_error_text, show_error

if TYPE_CHECKING:
    from tdorg.model.importing import Table

    from ..editing.editor import Editor
    from ..editing.scenario_sessions import ScenarioSessions
    from ..files.file_actions import FileActions
    from .import_dialog import ScenarioTarget

IMPORT_FILTER = ("Spreadsheets (*.csv *.tsv *.txt *.tab *.xlsx *.xlsm *.xls *.ods);;CSV files (*.csv *.tsv *.txt *.tab);;"
                 "Excel workbooks (*.xlsx *.xlsm *.xls);;OpenDocument spreadsheets (*.ods)")
ROLES_FILTER = "CSV file (*.csv);;Excel workbook (*.xlsx)"


class Spreadsheets(QObject):
    """The spreadsheet room of one window: import a chart, update the shown scenario from a roster, export roles."""

    def __init__(self, sessions: "ScenarioSessions", editor: "Editor", files: "FileActions",
                 whereabouts: Callable[[], "tuple[Path | None, str]"], show_document: Callable[..., None],
                 note: Callable[[str], None], status: QStatusBar, parent: QWidget) -> None:
        """``whereabouts()`` gives the open file and its shown name; ``show_document`` opens a chart in the window."""
        super().__init__(parent)
        self.sessions, self.editor, self.files, self.whereabouts = sessions, editor, files, whereabouts
        self.show_document, self.note, self.status, self.window = show_document, note, status, parent

    def scenario_target(self, stem: str) -> "ScenarioTarget | None":
        """The open file as a home for the import, unless it is an empty, unsaved chart."""
        chart = self.sessions.document.chart
        if chart is None or (len(chart) == 0 and self.whereabouts()[0] is None and len(self.sessions) == 1):
            return None
        return self._new_scenario(stem)

    def _new_scenario(self, stem: str) -> "ScenarioTarget":
        """A new scenario beside the shown one, named after ``stem``, with the open chart's rule settings."""
        from .import_dialog import ScenarioTarget

        document = self.sessions.document
        assert document.chart is not None
        return ScenarioTarget(self.sessions.active.name, free_name(document, stem), document.check_new_name,
                              document.chart.max_person_fte())

    def _read_chosen(self, caption: str, path: str | Path | None,
                     failure: str = "Could not read") -> "tuple[Path, Table] | None":
        """The spreadsheet the user picks (or ``path``) and its first sheet; ``None`` when cancelled or unreadable."""
        from tdorg.model.importing import read_table

        if path is None:
            chosen, _ = QtWidgets.QFileDialog.getOpenFileName(self.window, caption,
                                                              self.files.start_folder("spreadsheet"), IMPORT_FILTER)
            if not chosen:
                return None
            path = chosen
            self.files.remember_folder(Path(chosen), "spreadsheet")
        path = Path(path)
        try:
            return path, read_table(path)
        except TdorgError as error:
            show_error(self.window, f"{failure} “{path.name}”", error)
        except OSError as error:
            show_error(self.window, f"{failure} “{path.name}”", os_error_text(path, error))
        return None

    def import_spreadsheet(self, path: str | Path | None = None) -> bool:
        """Ask for a spreadsheet, run the import dialog and open what the user chose to import."""
        from tdorg.model.importing import read_table

        from .import_dialog import ImportDialog

        chosen = self._read_chosen("Import from Spreadsheet", path, "Could not import")
        if chosen is None:
            return False
        path, table = chosen
        dialog = ImportDialog(path, table, read_table, self.scenario_target(path.stem), self.window)
        if not dialog.exec() or dialog.plan is None or dialog.choice is None:
            return False
        plan, include_bad = dialog.plan, dialog.choice == "all"
        try:
            if dialog.as_scenario:
                current = self.sessions.document.chart
                assert current is not None
                chart = plan.chart(include_bad, district=current.district)
                chart.set_settings(current.settings)
                self.sessions.add(dialog.scenario_name, chart)
                where = f"as the scenario “{dialog.scenario_name}”"
            else:
                if not self.files.maybe_save("opening the imported chart"):
                    return False
                chart = plan.chart(include_bad)
                self.show_document(Document.of(chart), None, modified=True, name=f"{path.stem} (imported)")
                where = "as a new chart"
        except TdorgError as error:
            show_error(self.window, f"Could not import “{path.name}”", error)
            return False
        left_out = 0 if include_bad else plan.bad_count
        note = f"Imported {len(chart):,} role{'s' if len(chart) != 1 else ''} from “{path.name}” {where}"
        self.note(note + (f"; {left_out:,} row{'s' if left_out != 1 else ''} left out." if left_out else "."))
        return True

    def update_from_spreadsheet(self, path: str | Path | None = None) -> bool:
        """Ask for a roster, preview the update of the shown scenario, and apply it as one undo step or a new scenario."""
        from tdorg.model.importing import read_table
        from tdorg.model.importing.sync import update_scenario_name

        from .sync_dialog import SyncDialog, sync_ops

        chart = self.sessions.document.chart
        if chart is None:
            return False
        chosen = self._read_chosen("Update from Spreadsheet", path)
        if chosen is None:
            return False
        path, table = chosen
        target = self._new_scenario(update_scenario_name())
        dialog = SyncDialog(path, table, read_table, chart, self.sessions.report, target, self.window)
        if not dialog.exec() or dialog.plan is None:
            return False
        plan = dialog.plan
        if dialog.as_scenario:
            try:
                self.sessions.add(dialog.scenario_name, plan.after)
            except TdorgError as error:
                show_error(self.window, "Could not add the updated scenario", error)
                return False
            where = f"into the new scenario “{dialog.scenario_name}”"
        elif not self.editor.run(f"Update from “{path.name}”", sync_ops(plan.steps)):
            return False
        else:
            where = f"into “{target.current}”"
        self.note(f"Brought “{path.name}” {where}: {plan.summary()}")
        return True

    def export_roles(self) -> bool:
        """Write the shown scenario's roles to a CSV file or an Excel workbook."""
        from tdorg.model.importing import write_roles_csv, write_roles_xlsx

        chart = self.sessions.document.chart
        if chart is None:
            return False
        stem = self.whereabouts()[1].replace(" (from template)", "").replace(" (imported)", "")
        stem = Path(stem).stem if stem.endswith(".tdorg") else stem
        if len(self.sessions) > 1:
            stem += f" - {self.sessions.active.name}"
        suggested = Path(self.files.start_folder("spreadsheet")) / f"{_safe(stem)} roles.csv"
        chosen, selected = QtWidgets.QFileDialog.getSaveFileName(self.window, "Export Roles", str(suggested),
                                                                 ROLES_FILTER)
        if not chosen:
            return False
        target = Path(chosen)
        self.files.remember_folder(target, "spreadsheet")
        if target.suffix.lower() not in (".csv", ".xlsx"):
            target = target.with_name(target.name + (".xlsx" if "xlsx" in selected else ".csv"))
        try:
            if target.suffix.lower() == ".xlsx":
                write_roles_xlsx(chart, target)
            else:
                write_roles_csv(chart, target)
        except TdorgError as error:
            show_error(self.window, f"Could not write “{target.name}”", error)
            return False
        except OSError as error:
            show_error(self.window, f"Could not write “{target.name}”", os_error_text(target, error))
            return False
        self.status.showMessage(f"Wrote {len(chart):,} roles to {target}", 8000)
        return True


def _safe(text: str) -> str:
    return "".join(c if c.isalnum() or c in " -_." else "_" for c in text).strip() or "chart"
