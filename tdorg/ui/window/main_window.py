"""The main window: canvas in the centre, palette, properties, findings and metrics."""

from __future__ import annotations

import gc
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6 import QtWidgets  # the message box's class is made when first shown
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from tdorg.model.chart import Chart
from tdorg.model.document import Document
from tdorg.model.file_state import Fingerprint
from tdorg.model.rules import Report

from ..canvas.scene import ChartScene
from ..canvas.view import ChartView
from ..compare.comparer import Comparer
from ..editing.clipboard import RoleClipboard
from ..editing.editor import Editor
from ..editing.scenario_sessions import ScenarioSessions
from ..files.autosave import Autosave
from ..files.file_actions import FileActions
from ..files.open_file import OpenFile
from ..panels.findings_panel import FindingsPanel, finding_html
from ..panels.metrics_panel import MetricsPanel
from ..panels.palette import Palette
from ..panels.properties_panel import PropertiesPanel
from ..scenarios.scenario_bar import ScenarioBar
from ..widgets import style
from ..widgets.colour_scheme import on_scheme_change
from .accessible_names import name_panels_and_buttons
from .actions import Actions
from .canvas_menu import CanvasMenu
from .file_drop import FileDrop
from .first_size import size_to_screen
from .status_line import StatusLine
from .window_state import WindowState

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent

    from ..canvas.find_bar import FindBar
    from ..exporting.exporter import Exporter
    from ..exporting.printing import Printing
    from ..panels.outline_panel import OutlinePanel
    from ..spreadsheet.spreadsheet_actions import Spreadsheets


def _settle_memory() -> None:
    """Keep the long-lived chart, items and caches out of later garbage-collection passes.

    A big chart holds hundreds of thousands of objects; without this, an
    occasional full collection pauses an edit for several times its cost.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class MainWindow(QMainWindow):
    """One open document: its scenarios, each with its own undo history; the shown one on the canvas."""

    def __init__(self, settings: QSettings | None = None, recovery_dir: Path | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.matrix_dialog = None
        self.sessions = ScenarioSessions(self)
        self.open_file = OpenFile(self.sessions, self)
        self.editor = Editor(self.sessions.stack, self)
        self.scene = ChartScene(self)
        # an orientation left open ("auto") shows landscape until an export chooses
        portrait = self.settings.value("export/orientation", "landscape") == "portrait"
        self.scene.set_paper(str(self.settings.value("export/page", "letter")), "portrait" if portrait else "landscape")
        self.view = ChartView(self.scene, self.editor)
        self.setCentralWidget(self.view)
        self.setWindowIcon(style.app_icon())
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)

        self.palette = Palette()
        self.properties = PropertiesPanel(self.editor)
        self.findings = FindingsPanel()
        self.metrics = MetricsPanel()
        self._docks = [
            self._dock("Role types", self.palette, Qt.DockWidgetArea.LeftDockWidgetArea, "paletteDock"),
            self._dock("Properties", self.properties, Qt.DockWidgetArea.RightDockWidgetArea, "propertiesDock"),
            self._dock("Findings", self.findings, Qt.DockWidgetArea.BottomDockWidgetArea, "findingsDock"),
            self._dock("Metrics", self.metrics, Qt.DockWidgetArea.RightDockWidgetArea, "metricsDock"),
        ]
        self.splitDockWidget(self._docks[1], self._docks[3], Qt.Orientation.Vertical)
        # The outline is behind the palette's tab: its panel is made when the tab is first shown (see outline).
        self.outline_dock = self._dock("Outline", QWidget(), Qt.DockWidgetArea.LeftDockWidgetArea, "outlineDock")
        self.tabifyDockWidget(self._docks[0], self.outline_dock)
        self.outline_dock.visibilityChanged.connect(self._widen_outline)
        self._docks[0].raise_()
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)

        self.files = FileActions(self.open_file, self.sessions, self.set_document, self.settings, self.show_refusal,
                                 self.statusBar(), self)
        self.autosave = Autosave(self.open_file, self.sessions, self.show_refusal, self, recovery_dir)
        self.comparer = Comparer(self.sessions, self.show_note, self.files.start_folder, self.settings, self)
        self.scenario_bar = ScenarioBar(self.sessions, self.comparer, self.show_note, self.show_refusal, self)
        self.file_drop = FileDrop(self.files, lambda path: self.spreadsheets.import_spreadsheet(path),
                                  self.show_note, self.show_refusal, [self.view.viewport()], self)
        self.setAcceptDrops(True)  # files dropped on the window itself: see dragEnterEvent
        self.clipboard = RoleClipboard(self.editor, self.scene.selected_role_ids, self.reveal_roles, self.show_note,
                                       self)
        self.clipboard.watch_keys(self.view)
        self.actions = Actions(self)
        self.actions.build_menus()
        self.actions.build_toolbar()
        self.canvas_menu = CanvasMenu(self)
        self._build_status_bar()
        name_panels_and_buttons(self)
        self._connect()
        self.window_state = WindowState(self, self.settings, lambda: size_to_screen(self, *self._docks))
        self.set_document(Document.of(Chart()), None)
        sessions, group, scene = self.sessions, self.sessions.group, self.scene
        # Children are destroyed after the window: keep them from signalling into it.
        self.destroyed.connect(lambda *_: (sessions.blockSignals(True), group.blockSignals(True),
                                           scene.blockSignals(True)))

    # --- construction ---------------------------------------------------------

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        # not floatable: a drag on a title bar moves the panel to another side, never out of the window
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def docks(self) -> list[QDockWidget]:
        return list(self._docks)

    @cached_property
    def outline(self) -> OutlinePanel:
        """The outline panel, made (and put in its dock) the first time it is shown or asked for."""
        from ..panels.outline_panel import OutlinePanel

        outline = OutlinePanel(self.sessions, self.editor, self.reveal_roles)
        self.outline_dock.setWidget(outline)
        outline.show_roles(self.scene.selected_role_ids())
        return outline

    @cached_property
    def find_bar(self) -> FindBar:
        """Edit › Find…'s bar over the canvas, made the first time Find, Find Next or Find Previous is chosen."""
        from ..canvas.find_bar import FindBar

        bar = FindBar(self.view, self.sessions, self.reveal_roles)
        name_panels_and_buttons(self, [bar.field])  # its field's clear button too
        return bar

    @cached_property
    def exporter(self) -> Exporter:
        """File › Export… (and the export behind printing), loaded the first time it is used."""
        from ..exporting.exporter import Exporter

        return Exporter(self.sessions, self.settings, self.open_file.whereabouts, self.scene.set_paper,
                        self.statusBar(), self)

    @cached_property
    def spreadsheets(self) -> Spreadsheets:
        """Import from, Update from and Export Roles to a spreadsheet, loaded the first time one is used."""
        from ..spreadsheet.spreadsheet_actions import Spreadsheets

        return Spreadsheets(self.sessions, self.editor, self.files, self.open_file.whereabouts, self.set_document,
                            self.show_note, self.statusBar(), self)

    @cached_property
    def printing(self) -> Printing:
        """File › Print… and Print Preview…, loaded the first time one is chosen."""
        from ..exporting.printing import Printing

        return Printing(self.exporter, self.statusBar(), self)

    def _build_status_bar(self) -> None:
        self.status = StatusLine(self.statusBar())
        self.message, self.counts, self.zoom = self.status.message, self.status.counts, self.status.zoom

    def _connect(self) -> None:
        group = self.sessions.group
        group.indexChanged.connect(self.scene.flush)
        self.open_file.changed.connect(self.update_title)
        self.sessions.listChanged.connect(self.update_title)
        self.sessions.aboutToSwitch.connect(self._leave_scenario)
        self.sessions.activeChanged.connect(self._show_scenario)
        self.editor.refused.connect(self.show_refusal)
        self.editor.selectRequested.connect(self.select_roles)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.sessions.reportChanged.connect(self.scene.show_report)
        self.sessions.reportChanged.connect(self.view.description.update)  # after the badges
        self.sessions.reportChanged.connect(self._report_changed)
        self.scene.rolesChanged.connect(self._roles_changed)
        self.view.zoomChanged.connect(lambda s: self.zoom.setText(f"{s * 100:.0f}%"))
        self.view.editRequested.connect(self.edit_role)
        self.view.hint.connect(lambda text: self.status.hint(text))
        self.palette.activatedCategory.connect(self.add_from_palette)
        self.properties.selectRequested.connect(self.reveal_roles)
        self.properties.deleteRequested.connect(self.delete_selection)
        self.findings.rolesRequested.connect(self.reveal_roles)
        self.findings.rulesRequested.connect(self.edit_rules)
        self.scene.toggleRequested.connect(self.editor.toggle_collapsed)
        on_scheme_change(self._restyle)

    # --- the document -----------------------------------------------------------

    @property
    def document(self) -> Document:
        return self.sessions.document

    @property
    def chart(self) -> Chart | None:
        return self.sessions.document.chart

    @property
    def stack(self) -> QUndoStack:
        """The undo stack of the shown scenario."""
        return self.sessions.stack

    def set_document(self, document: Document, path: Path | None, *, modified: bool = False,
                     name: str | None = None, base: Fingerprint | None = None, read_only: bool = False) -> None:
        """Show ``document`` (its active scenario), replacing the current one.

        ``path`` is the file it belongs to (kept absolute), ``base`` what that
        file held when the document was read from it; a ``read_only`` window
        saves only under another name.
        """
        self.scene.detach()
        self.autosave.discard_file()
        self.open_file.follow(path, name=name, untitled=document.chart.district.name or "Untitled",
                              modified=modified, base=base, read_only=read_only)
        self.sessions.load(document)  # shows its active scenario (activeChanged), then its report

    def _leave_scenario(self) -> None:
        """Remember where the user was on the canvas of the scenario being left."""
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        self.sessions.active.view = (self.view.scale_factor(), centre)

    def _show_scenario(self) -> None:
        """Point the canvas, panels and editor at the shown scenario."""
        session = self.sessions.active
        chart = session.chart
        self.editor.stack = session.stack
        self.editor.chart = chart
        self.scene.set_chart(chart, session.report)
        self.properties.set_chart(chart)
        if self.matrix_dialog is not None:
            self.matrix_dialog.set_chart(chart)
        self.update_title()
        self._roles_changed([])
        self.view.current_id = None
        self.actions.all_dotted.setChecked(self.scene.show_all_dotted)
        if not self.scene.show_all_dotted:
            self.show_note(f"This chart has {self.scene.dotted_count():,} dotted lines; they are shown for "
                              "the selected roles. View › Show All Dotted Lines shows every one.")
        if session.view is not None:
            scale, centre = session.view
            self.view.set_scale(scale)
            self.view.centerOn(centre)
        else:
            self.initial_view()
        if len(chart) >= 1000:
            _settle_memory()

    def initial_view(self) -> None:
        """Fit the chart; a very big one opens at reading size on its top instead."""
        layout = self.scene.layout
        viewport = self.view.viewport().rect()
        if not layout.positions or viewport.width() < 50:
            self.view.fit()
            return
        fit_scale = min(viewport.width() / (layout.width + 60), viewport.height() / (layout.height + 60))
        if fit_scale >= 0.3:
            self.view.fit()
        else:
            chart = self.chart
            assert chart is not None
            self.view.set_scale(0.75)
            x, y = layout.positions[chart.roots()[0]]
            self.view.centerOn(x + layout.box_width / 2, y + viewport.height() / (2 * 0.75) - 40)

    def update_title(self) -> None:
        """The file's name, and the shown scenario's when the file holds several."""
        scenario = f" — {self.sessions.active.name}" if len(self.sessions) > 1 else ""
        self.setWindowTitle(f"{self.open_file.display_name}{scenario}[*] — tdorg")
        self.setWindowModified(self.open_file.is_modified())

    def showEvent(self, event) -> None:  # noqa: ANN001
        super().showEvent(event)
        if not getattr(self, "_shown_once", False):
            self._shown_once = True
            QTimer.singleShot(0, self.initial_view)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        """Files dragged over and dropped on the window outside the canvas (which the file drop watches)."""
        self.file_drop.take(event)

    dragMoveEvent = dropEvent = dragEnterEvent

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.files.maybe_save("closing"):
            job = self.exporter.job if "exporter" in self.__dict__ else None  # made, it may be exporting
            if job is not None and job.isRunning():  # stop a running export; it leaves no partial file
                job.cancel()
                job.wait(10_000)
            self.autosave.discard()
            self.window_state.save()
            self.open_file.guard.release()
            self.sessions.blockSignals(True)  # nothing may react while the window is torn down
            self.sessions.group.blockSignals(True)
            self.scene.blockSignals(True)
            self.scene.detach()
            event.accept()
        else:
            event.ignore()

    # --- reactions --------------------------------------------------------------

    def _selection_changed(self) -> None:
        ids = self.scene.selected_role_ids()
        self.properties.show_roles(ids)
        if "outline" in self.__dict__:  # made (see outline), it follows the canvas's selection
            self.outline.show_roles(ids)
        self._role_findings()

    def _roles_changed(self, touched: list[str]) -> None:
        self.properties.refresh(touched)
        chart = self.chart
        if chart is None:
            return
        self.status.show_counts(chart)

    def _report_changed(self, report: Report) -> None:
        self.findings.set_report(report, self.chart)
        self.metrics.set_report(report, no_roles=not self.chart)
        self.status.show_health(report)
        self._role_findings()

    def _role_findings(self) -> None:
        role_id = self.properties.role_id
        if role_id is None:
            return
        report = self.sessions.report
        html = f"<hr style='border:0; border-top:1px solid {style.RULE}'>".join(
            finding_html(f, self.chart, with_roles=False) for f in report.for_role(role_id)
        )
        self.properties.show_findings(html)

    def _restyle(self) -> None:
        """The status line's counts and the role's findings again, in the colours of the scheme now in use."""
        self.status.show_health(self.sessions.report)
        self._role_findings()

    def show_refusal(self, message: str) -> None:
        """A refused edit's reason, in red in the status bar for a while."""
        self.status.refusal(message)

    def show_note(self, message: str) -> None:
        """Neutral information in the status bar for a while."""
        self.status.note(message)

    # --- commands from menus and panels -------------------------------------------

    def select_roles(self, ids: list[str]) -> None:
        self.scene.select_roles(ids)
        if ids:
            self.view.current_id = ids[-1]

    def reveal_roles(self, ids: list[str]) -> None:
        """Select and centre roles, expanding first (one undo step) the collapsed managers that hide any."""
        self.editor.expand_to(ids)
        self.select_roles(ids)
        self.view.reveal(ids)

    def edit_role(self, role_id: str) -> None:
        self.select_roles([role_id])
        self._docks[1].show()
        self._docks[1].raise_()
        self.properties.focus_title()

    def _widen_outline(self, shown: bool) -> None:
        """The outline's columns need more room than the palette: widen the left side the first time it is
        shown; after that the width is the user's, however narrow they made it."""
        if not shown:
            return
        self.outline_dock.visibilityChanged.disconnect(self._widen_outline)
        wanted = self.outline.sizeHint().width()
        if self.outline_dock.width() < wanted:
            self.resizeDocks([self.outline_dock], [wanted], Qt.Orientation.Horizontal)

    def focus_outline(self) -> None:
        self.outline_dock.show()
        self.outline_dock.raise_()
        self.outline.focus_tree()

    def add_from_palette(self, category: str) -> None:
        selected = self.scene.selected_role_ids()
        manager = selected[-1] if len(selected) == 1 else None
        new_id = self.editor.add_role(category, manager)
        if new_id:
            self.view.reveal([new_id])

    def delete_selection(self) -> None:
        self.editor.delete(self.scene.selected_role_ids(), self.scene.selected_dotted())

    def select_all(self) -> None:
        if self.chart is not None:
            self.scene.select_roles(list(self.chart.roles))

    def shift_selected(self, delta: int) -> None:
        ids = self.scene.selected_role_ids()
        if len(ids) == 1:
            self.editor.shift_sibling(ids[0], delta)

    def make_top_level(self) -> None:
        ids = self.scene.selected_role_ids()
        if ids:
            self.editor.move(ids, None)

    def set_dotted_tool(self) -> None:
        on = self.actions.dotted_tool.isChecked()
        self.view.gestures.dotted_tool = on
        self.show_note("Dotted-line mode: drag from one box to another." if on else "")

    def toggle_all_dotted(self) -> None:
        self.scene.set_show_all_dotted(self.actions.all_dotted.isChecked())

    def edit_district(self) -> None:
        from ..dialogs.district_dialog import DistrictDialog

        if self.chart is not None:
            DistrictDialog(self.chart.district, self.editor, self).exec()

    def edit_rules(self) -> None:
        from ..dialogs.rules_dialog import edit_rules

        edit_rules(self.sessions, self.editor, self)

    def show_matrix(self) -> None:
        from ..dialogs.matrix_dialog import MatrixDialog

        if self.matrix_dialog is None:
            self.matrix_dialog = MatrixDialog(self.reveal_roles, self)
        self.matrix_dialog.set_chart(self.chart)
        self.matrix_dialog.show()
        self.matrix_dialog.raise_()
        self.matrix_dialog.activateWindow()

    def export_chart(self) -> None:
        if self.chart is not None:
            self.exporter.run()

    def show_shortcuts(self) -> None:
        from .help_text import SHORTCUTS_HTML

        QtWidgets.QMessageBox.information(self, "Mouse and keyboard", SHORTCUTS_HTML)

    def show_about(self) -> None:
        from .help_text import ABOUT_HTML

        QtWidgets.QMessageBox.about(self, "About tdorg", ABOUT_HTML)
