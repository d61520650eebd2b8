"""New, Open, Save, Save As and recent files, with prompts and error dialogs.

Every failure of the core (a corrupt, foreign or newer file, a folder that
cannot be written) is shown in a dialog with the core's sentence, and the
chart that was open stays open.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QMenu, QStatusBar, QWidget

from tdorg.model.chart import Chart
from tdorg.model.document import Document
from tdorg.model.atomic import other_names
from tdorg.model.errors import TdorgError
from tdorg.model.file_state import Fingerprint, absolute

from ..widgets.error_box import os_error_text, show_error
from .last_folder import remember_folder, start_folder
from ..widgets.actions import literal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from tdorg.model.templates import Template

    from ..editing.scenario_sessions import ScenarioSessions
    from .open_file import OpenFile

OPEN_FILTER = "Charts (*.tdorg *.json *.csv);;tdorg charts (*.tdorg);;Sample JSON (*.json);;CSV roles (*.csv)"
SAVE_FILTER = "tdorg chart (*.tdorg)"
MAX_RECENT = 8
#: What the shown name of a chart file opened read-only ends with.
READ_ONLY = " (read-only)"


def template_entries() -> list[Template]:
    """The size starters and the sample districts (blank has its own command)."""
    from tdorg.model.templates import templates

    return [t for t in templates() if t.kind != "blank"]


class FileActions(QObject):
    """The File menu's work for one window."""

    def __init__(self, open_file: "OpenFile", sessions: "ScenarioSessions", show_document: Callable[..., None],
                 settings: QSettings, refusal: Callable[[str], None], status: QStatusBar, parent: QWidget) -> None:
        """``show_document(document, path, name=, base=, read_only=)`` shows a chart in the window.

        ``refusal`` says (or, with "", clears) a problem in the status bar; ``status`` tells of a save.
        """
        super().__init__(parent)
        self.open_file, self.sessions, self.show_document, self.settings = open_file, sessions, show_document, settings
        self.refusal, self.status, self.window = refusal, status, parent

    # --- dialogs ------------------------------------------------------------------

    def maybe_save(self, doing: str = "continuing") -> bool:
        """Ask to save unsaved changes; False when the user cancels."""
        if not self.open_file.is_modified():
            return True
        from PySide6.QtWidgets import QMessageBox  # its class is made when first shown, as the file dialog's

        box = QMessageBox(QMessageBox.Icon.Question, "Unsaved changes",
                          f"Save the changes to “{self.open_file.display_name}” before {doing}?",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self.window)
        box.setInformativeText("If you don't save, your changes since the last save are lost.")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def start_folder(self, kind: str = "chart") -> str:
        """Where a file dialog for ``kind`` files ("chart", "export", "spreadsheet") opens."""
        return start_folder(self.settings, kind, self.open_file.path)

    def remember_folder(self, path: Path, kind: str = "chart") -> None:
        remember_folder(self.settings, kind, path)

    # --- new and open ---------------------------------------------------------------

    def new_blank(self) -> bool:
        if not self.maybe_save("starting a new chart"):
            return False
        self.show_document(Document.of(Chart()), None, name="Untitled")
        return True

    def new_from_template(self, key: str) -> bool:
        """A new unsaved chart from template ``key`` (see :func:`tdorg.model.templates.templates`)."""
        from tdorg.model import templates

        if not self.maybe_save("starting a new chart"):
            return False
        try:
            chart = templates.new_from_template(key)
        except TdorgError as error:
            show_error(self.window, "Could not read the template", error)
            return False
        name = f"{chart.district.name or key.replace('-', ' ').title()} (from template)"
        self.show_document(Document.of(chart), None, name=name)
        return True

    def open(self) -> bool:
        if not self.maybe_save("opening another chart"):
            return False
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self.window, "Open Chart", self.start_folder(), OPEN_FILTER)
        if not path:
            return False
        self.remember_folder(Path(path))
        return self.open_path(Path(path), ask=False)

    def open_path(self, path: Path | str, ask: bool = True, read_only: bool | None = None) -> bool:
        """Open ``path`` (.tdorg, or a sample .json/.csv as a new unsaved chart).

        Unless ``read_only`` is given, a chart open in another tdorg window is
        opened only when the user chooses to (read-only, or anyway).
        """
        from tdorg.model.formats import load_chart
        from tdorg.model.persistence import open_document  # SQLAlchemy loads with the first chart file

        path = absolute(path)
        if ask and not self.maybe_save("opening another chart"):
            return False
        try:
            if path.suffix.lower() == ".tdorg":
                read_only = self._open_elsewhere(path) if read_only is None else read_only
                if read_only is None:
                    return False
                base = Fingerprint.of_file(path)  # before reading: a change after this is caught at save
                document = open_document(path)
                name = f"{path.name}{READ_ONLY}" if read_only else None
                self.show_document(document, path, name=name, base=base, read_only=read_only)
            else:
                chart = load_chart(path)
                self.show_document(Document.of(chart), None, name=f"{path.stem} (imported)")
        except TdorgError as error:
            show_error(self.window, f"Could not open “{path.name}”", error)
            return False
        except OSError as error:
            show_error(self.window, f"Could not open “{path.name}”", os_error_text(path, error))
            return False
        self.add_recent(path)
        return True

    def _open_elsewhere(self, path: Path) -> bool | None:
        """Ask what to do when ``path`` is open in another tdorg: True read-only, False anyway, None cancel."""
        from PySide6.QtWidgets import QMessageBox

        holder = self.open_file.guard.holder(path)
        if holder is None:
            return False
        answer = self._ask("Chart in use", f"“{path.name}” is {holder.describe()}.",
                           "If it is changed in both places, the second save must choose between the two versions. "
                           "Read-only shows the chart and saves it only under another name.",
                           {QMessageBox.StandardButton.Open: "Open Read-Only",
                            QMessageBox.StandardButton.Ignore: "Open Anyway", QMessageBox.StandardButton.Cancel: ""})
        if answer == QMessageBox.StandardButton.Open:
            return True
        return False if answer == QMessageBox.StandardButton.Ignore else None

    # --- saving -----------------------------------------------------------------------

    def save(self) -> bool:
        path = self.open_file.path
        if path is None or self.open_file.guard.read_only:
            return self.save_as()
        return self.save_to(path)

    def save_as(self, suggested: Path | None = None) -> bool:
        name = self.open_file.display_name
        chart = self.sessions.document.chart
        # a new chart is named for its district; work recovered from a chart file opened read-only keeps its name
        if self.open_file.path is None and chart is not None and chart.district.name and not name.endswith(READ_ONLY):
            name = chart.district.name
        suggested = suggested or self.open_file.path or Path(self.start_folder()) / _file_name(name)
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self.window, "Save Chart As", str(suggested), SAVE_FILTER)
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != ".tdorg":
            target = target.with_name(target.name + ".tdorg")
        return self.save_to(target)

    def save_to(self, path: Path) -> bool:
        from tdorg.model.persistence import save_document

        document = self.sessions.document
        if document is None:
            return False
        path = absolute(path)
        decision = self._may_replace(path)
        if decision is not True:
            return decision == "copy" and self.save_as(path.with_name(f"{path.stem} (copy){path.suffix}"))
        try:
            base = save_document(document, path)
        except TdorgError as error:
            show_error(self.window, f"Could not save “{path.name}”", error)
            return False
        except OSError as error:
            show_error(self.window, f"Could not save “{path.name}”", os_error_text(path, error))
            return False
        self.open_file.mark_saved(path, base)  # clean again: autosave drops its recovery file
        self.add_recent(path)
        self.remember_folder(path)
        self.refusal("")
        self.status.showMessage(f"Saved {path}", 5000)
        return True

    def _may_replace(self, path: Path) -> bool | str:
        """Whether saving may replace ``path``: True, False (cancelled or reloaded) or "copy" (save a copy)."""
        guard = self.open_file.guard
        if path == guard.path and not guard.read_only:
            choice = self._changed_on_disk(path) if guard.changed_on_disk() else True
            if choice is not True:
                return choice
        else:
            holder = guard.holder(path)
            if holder is not None and not self._confirm(
                    "Chart in use", f"“{path.name}” is {holder.describe()}.",
                    "Saving here replaces the chart that is being edited there.", "Replace It"):
                return False
        links = other_names(path)
        if links and not self._confirm(
                "Saving makes a copy", f"“{path.name}” is a hard link: the same file has {links} other "
                f"name{'' if links == 1 else 's'}.", "Saving writes a new file under this name only; the other "
                f"name{'' if links == 1 else 's'} will keep the chart as it is now.", "Save"):
            return False
        return True

    def _changed_on_disk(self, path: Path) -> bool | str:
        """The file changed on disk since it was opened or saved: True to overwrite it, "copy" or False."""
        from PySide6.QtWidgets import QMessageBox

        answer = self._ask("File changed on disk",
                           f"“{path.name}” was changed by another program or another tdorg window since you opened it.",
                           "Overwrite replaces the other changes with yours; Save as a Copy keeps both; Reload shows "
                           "the file as it is now and drops your unsaved changes.",
                           {QMessageBox.StandardButton.SaveAll: "Save as a Copy…",
                            QMessageBox.StandardButton.Save: "Overwrite", QMessageBox.StandardButton.Reset: "Reload",
                            QMessageBox.StandardButton.Cancel: ""})
        if answer == QMessageBox.StandardButton.Save:
            return True
        if answer == QMessageBox.StandardButton.SaveAll:
            return "copy"
        if answer == QMessageBox.StandardButton.Reset:
            self.open_path(path, ask=False, read_only=False)
        return False

    def _confirm(self, title: str, text: str, detail: str, go: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        buttons = {QMessageBox.StandardButton.Cancel: "", QMessageBox.StandardButton.Ok: go}
        return self._ask(title, text, detail, buttons) == QMessageBox.StandardButton.Ok

    def _ask(self, title: str, text: str, detail: str, buttons: dict[QMessageBox.StandardButton, str]) -> object:
        """A warning with ``buttons`` (each with its text, "" keeps the standard one); the first is the default."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, self.window)
        for button, label in buttons.items():
            box.addButton(button)
            if label:
                box.button(button).setText(label)
        box.setInformativeText(detail)
        box.setDefaultButton(next(iter(buttons)))
        return box.exec()

    # --- recent files and templates -------------------------------------------------------

    def recent(self) -> list[str]:
        value = self.settings.value("recentFiles", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def add_recent(self, path: Path) -> None:
        entry = str(absolute(path))
        files = [entry] + [p for p in self.recent() if p != entry]
        self.settings.setValue("recentFiles", files[:MAX_RECENT])

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        files = self.recent()
        for path in files:
            action = menu.addAction(literal(f"{Path(path).name}  —  {Path(path).parent}"))
            action.setEnabled(Path(path).exists())
            action.triggered.connect(lambda _=False, p=path: self.open_path(Path(p)))
        if not files:
            menu.addAction("No recent files").setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("Clear List").triggered.connect(lambda: self.settings.setValue("recentFiles", []))

    def fill_template_menu(self, menu: QMenu) -> None:
        menu.clear()
        kind = None
        for template in template_entries():
            if kind is not None and template.kind != kind:
                menu.addSeparator()
            kind = template.kind
            action = menu.addAction(literal(template.name))
            action.setStatusTip(template.description)
            action.setToolTip(template.description)
            action.triggered.connect(lambda _=False, key=template.key: self.new_from_template(key))
        if menu.isEmpty():
            menu.addAction("No templates found").setEnabled(False)


def _file_name(display_name: str) -> str:
    stem = display_name.replace(" (from template)", "").replace(" (imported)", "").replace(READ_ONLY, "")
    stem = stem.removesuffix(".tdorg")
    safe = "".join(c if c.isalnum() or c in " -_." else "_" for c in stem).strip() or "chart"
    return f"{safe}.tdorg"
