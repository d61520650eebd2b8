"""File › Export… for one document: the options, the target file, and the one export running at a time.

The export stack (Graphviz, Typst, the packet) loads when the first export starts, not with the editor.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6 import QtWidgets  # its dialogs' classes are made when first shown
from PySide6.QtWidgets import QStatusBar, QWidget

from ..files.last_folder import remember_folder, start_folder

if TYPE_CHECKING:
    from tdorg.export import ExportOptions

    from ..editing.scenario_sessions import ScenarioSessions
    from .export_dialog import ChangesFrom, ExportJob

#: Where the open document lives: its file (None before the first save) and the name the window shows.
Whereabouts = Callable[[], "tuple[Path | None, str]"]


def ready_graphviz() -> None:
    """Have a Graphviz child started and waiting, so the export or print about to run does not wait for one
    to start. A child that cannot start is left for the drawing to report."""
    from tdorg.export import ExportError
    from tdorg.export.graphviz.renderer import prepare

    try:
        prepare()
    except ExportError:
        pass


class Exporter(QObject):
    """Exports the shown scenario of ``sessions`` in the background, with a progress dialog and Cancel."""

    def __init__(self, sessions: "ScenarioSessions", settings: QSettings, whereabouts: Whereabouts,
                 set_paper: Callable[[str, str], None], status: QStatusBar, parent: QWidget) -> None:
        """``set_paper(page, orientation)`` makes the canvas show what prints; ``status`` says how it went."""
        super().__init__(parent)
        self.sessions, self.settings, self.whereabouts = sessions, settings, whereabouts
        self.set_paper, self.status, self.window = set_paper, status, parent
        #: The export running now, if any.
        self.job: "ExportJob | None" = None

    def _changes_from(self, name: str | None) -> "ChangesFrom | None":
        """A snapshot of scenario ``name`` of the open document, to compare the shown one with."""
        from .export_dialog import ChangesFrom

        session = next((s for s in self.sessions.sessions if s.name == name), None)
        if session is None:
            return None
        return ChangesFrom(session.name, session.chart.copy(), session.report, self.sessions.active.name)

    def start(self, path: Path, options: "ExportOptions", packet: bool, compare_to: str | None = None,
              orientation_open: bool = False) -> "ExportJob":
        """Start the export with a progress dialog; returns the running job.

        With ``compare_to`` (a scenario of the document), a packet lists the
        changes from that scenario to the one on screen. With ``orientation_open``
        the export prints in the orientation that prints the chart better, and the
        canvas then shows that paper.
        """
        from .export_dialog import ExportJob

        chart = self.sessions.active.chart.copy()
        changes = self._changes_from(compare_to) if packet else None
        scenario = self.sessions.active.name if len(self.sessions.names()) > 1 else None
        job = ExportJob(chart, self.sessions.report, path, options, packet, self.window, changes, scenario,
                        orientation_open)

        def succeeded(target: str) -> None:
            self.set_paper(job.options.page, job.options.orientation)  # the canvas shows what printed
            self.status.showMessage(f"Exported to {target}. {job.pages_note}".strip(), 15000)

        job.succeeded.connect(succeeded)
        job.cancelled.connect(lambda: self.status.showMessage("Export cancelled; no file was written.", 8000))
        job.failed.connect(self._show_failure)
        self.run_job(job, "Exporting")
        return job

    def run_job(self, job: "ExportJob", title: str) -> None:
        """Start ``job`` as the one export running, with a progress dialog titled ``title`` whose Cancel stops it."""
        progress = QtWidgets.QProgressDialog("Preparing the export…", "Cancel", 0, 100, self.window)
        progress.setWindowTitle(title)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(job.cancel)
        job.progressed.connect(lambda stage, fraction: (progress.setLabelText(f"{stage}…"),
                                                        progress.setValue(int(fraction * 100))))

        def finish() -> None:
            progress.close()
            if self.job is job:
                self.job = None
            job.deleteLater()

        job.finished.connect(finish)
        self.job = job
        job.start()

    def _show_failure(self, message: str) -> None:
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Warning, "Export failed",
                                    "The chart could not be exported.", QtWidgets.QMessageBox.StandardButton.Ok,
                                    self.window)
        box.setInformativeText(message)
        box.exec()

    def remembered(self) -> dict[str, str]:
        """The choices of the last File › Export… (those never made are left out)."""
        keys = ("packet", "format", "layout", "page", "orientation", "fit", "badges", "poster_scale", "min_title_pt")
        values = {k: str(self.settings.value(f"export/{k}", "")) for k in keys}
        return {k: v for k, v in values.items() if v}

    def run(self) -> "ExportJob | None":
        """File › Export…: ask for options and a file, then export in the background."""
        from tdorg.export import ExportError
        from tdorg.export.option_choices import FILE_FILTERS
        from tdorg.export.target import check_target

        from .export_dialog import ExportDialog

        settings = self.settings
        remembered = self.remembered()
        shown = self.sessions.active.name
        others = [name for name in self.sessions.names() if name != shown]
        ready_graphviz()  # it starts while the choices are made
        dialog = ExportDialog(self.window, remembered, scenarios=others,
                              exported=shown)
        if not dialog.exec():
            return None
        for key, value in dialog.remembered().items():
            settings.setValue(f"export/{key}", value)
        options, packet, orientation_open = dialog.options(), dialog.packet(), dialog.orientation_open()
        if not orientation_open:
            self.set_paper(options.page, options.orientation)  # the canvas shows what prints on it
        path, display_name = self.whereabouts()
        stem = (path.stem if path else display_name.split(" (")[0]) or "chart"
        suffix = "packet" if packet else ""
        folder = Path(start_folder(settings, "export", path))
        suggested = folder / f"{stem}{' ' + suffix if suffix else ''}.{options.format}"
        name, _ = QtWidgets.QFileDialog.getSaveFileName(self.window, "Export To", str(suggested),
                                                        FILE_FILTERS[options.format])
        if not name:
            return None
        target = Path(name)
        remember_folder(settings, "export", target)
        if target.suffix.lower() != f".{options.format}":
            target = target.with_name(f"{target.name}.{options.format}")
        try:
            check_target(target, options.format, [path] if path else [])
        except ExportError as error:
            self._show_failure(str(error))
            return None
        return self.start(target, options, packet, dialog.compare_to(), orientation_open)

