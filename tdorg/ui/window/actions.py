"""Menus, toolbar and shortcuts of the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from ..spreadsheet import spreadsheet_actions
from ..widgets.actions import make_action

if TYPE_CHECKING:
    from .main_window import MainWindow


class Actions(QObject):
    """Every action of the window, built once; menus and toolbar share them."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        w = window
        files = w.files
        self.new = self._action("&New", files.new_blank, QKeySequence.StandardKey.New, "Start a blank chart")
        self.open = self._action("&Open…", files.open, QKeySequence.StandardKey.Open, "Open a chart file")
        self.save = self._action("&Save", files.save, QKeySequence.StandardKey.Save, "Save the chart")
        self.save_as = self._action("Save &As…", files.save_as, QKeySequence.StandardKey.SaveAs)
        self.export = self._action("&Export…", w.export_chart, "Ctrl+E", "Export the chart as PDF, SVG, PNG or DOT")
        self.import_sheet = self._action("&Import from Spreadsheet…", lambda: spreadsheet_actions.import_spreadsheet(w),
                                         "Ctrl+Shift+I", "Build a chart from a CSV file or an Excel workbook")
        self.update_sheet = self._action("&Update from Spreadsheet…",
                                         lambda: spreadsheet_actions.update_from_spreadsheet(w), None,
                                         "Bring a new roster into the shown scenario, keeping flags, functions and lines")
        self.export_roles = self._action("Export &Roles…", lambda: spreadsheet_actions.export_roles(w), None,
                                         "Write the roles of the shown scenario to a CSV file or an Excel workbook")
        self.quit = self._action("&Quit", w.close, QKeySequence.StandardKey.Quit)
        group = w.sessions.group  # Undo and Redo act on the shown scenario's history
        self.undo = group.createUndoAction(w, "&Undo")
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo = group.createRedoAction(w, "&Redo")
        self.redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")])
        self.undo_tool = self._action("Undo", group.undo)
        self.redo_tool = self._action("Redo", group.redo)
        self._follow_stack()
        self.delete = self._action("&Delete", w.delete_selection, QKeySequence.StandardKey.Delete,
                                   "Delete the selected roles and dotted lines", canvas=True)
        self.select_all = self._action("Select &All", w.select_all, QKeySequence.StandardKey.SelectAll, canvas=True)
        self.move_left = self._action("Move &Left Among Siblings", lambda: w.shift_selected(-1), "Ctrl+Left",
                                      canvas=True)
        self.move_right = self._action("Move &Right Among Siblings", lambda: w.shift_selected(+1), "Ctrl+Right",
                                       canvas=True)
        self.make_top = self._action("Make &Top-Level Role", w.make_top_level)
        self.dotted_tool = self._action("Draw &Dotted Lines", w.set_dotted_tool, "Ctrl+D",
                                        "Drag from one box to another to draw a dotted line "
                                        "(or hold Shift while dragging)")
        self.dotted_tool.setCheckable(True)
        self.district = self._action("District &Facts…", w.edit_district, "Ctrl+I",
                                     "Students, teachers, devices, buildings and other district facts")
        self.rules = self._action("&Rules…", w.edit_rules, None,
                                  "The framework's rules: change thresholds, switch a rule off with a reason")
        self.matrix = self._action("Responsibility &Matrix…", w.show_matrix, None,
                                   "Who leads and who backs up each function, and each person's load")
        self.zoom_in = self._action("Zoom &In", w.view.zoom_in, QKeySequence.StandardKey.ZoomIn)
        self.zoom_out = self._action("Zoom &Out", w.view.zoom_out, QKeySequence.StandardKey.ZoomOut)
        self.fit = self._action("&Fit to Window", w.view.fit, "Ctrl+9", "Show the whole chart")
        self.actual = self._action("&Actual Size", w.view.actual_size, "Ctrl+0", "Zoom to 100%")
        self.all_dotted = self._action("Show All Dotted &Lines", w.toggle_all_dotted, None,
                                       "Show every dotted line, not only those of the selected roles")
        self.all_dotted.setCheckable(True)
        self.all_dotted.setChecked(True)
        self.shortcuts = self._action("&Mouse and Keyboard", w.show_shortcuts, QKeySequence.StandardKey.HelpContents)
        self.about = self._action("&About tdorg", w.show_about)
        self.recent_menu = QMenu("Open &Recent", w)
        self.recent_menu.aboutToShow.connect(lambda: files.fill_recent_menu(self.recent_menu))
        self.template_menu = QMenu("New from &Template", w)
        self.template_menu.aboutToShow.connect(lambda: files.fill_template_menu(self.template_menu))

    def _follow_stack(self) -> None:
        """Toolbar Undo/Redo stay short; their tooltips say what they will do."""
        group = self.window.sessions.group
        group.indexChanged.connect(self._sync_undo)
        group.activeStackChanged.connect(self._sync_undo)
        self._sync_undo()

    def _sync_undo(self, _index: object = 0) -> None:
        stack = self.window.sessions.group
        self.undo_tool.setEnabled(stack.canUndo())
        self.redo_tool.setEnabled(stack.canRedo())
        self.undo_tool.setToolTip(f"Undo {stack.undoText()}" if stack.canUndo() else "Nothing to undo")
        self.redo_tool.setToolTip(f"Redo {stack.redoText()}" if stack.canRedo() else "Nothing to redo")

    def _action(self, text: str, slot: Callable[[], object], shortcut: object = None, tip: str = "",
                canvas: bool = False) -> QAction:
        action = make_action(self.window, text, slot, shortcut, tip)
        if tip:
            action.setToolTip(f"{text.replace('&', '').rstrip('…')}: {tip}")
        if canvas:  # only while the canvas has the focus, so text fields keep their keys
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.window.view.addAction(action)
        return action

    def build_menus(self) -> None:
        bar = self.window.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.new])
        file_menu.addMenu(self.template_menu)
        file_menu.addAction(self.open)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.save, self.save_as])
        file_menu.addSeparator()
        file_menu.addAction(self.import_sheet)
        file_menu.addAction(self.update_sheet)
        file_menu.addAction(self.export)
        file_menu.addAction(self.export_roles)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit = bar.addMenu("&Edit")
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.delete, self.select_all])
        edit.addSeparator()
        edit.addActions(self.window.find_bar.actions_for_menu())
        edit.addSeparator()
        edit.addActions([self.move_left, self.move_right, self.make_top, self.dotted_tool])
        view = bar.addMenu("&View")
        view.addActions([self.zoom_in, self.zoom_out, self.fit, self.actual])
        view.addSeparator()
        view.addAction(self.all_dotted)
        view.addSeparator()
        for dock in self.window.docks():
            view.addAction(dock.toggleViewAction())
        chart = bar.addMenu("&Chart")
        chart.addActions([self.district, self.rules, self.matrix])
        self.window.scenario_bar.build_menu(bar)
        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.shortcuts, self.about])

    def build_toolbar(self) -> QToolBar:
        bar = QToolBar("Main toolbar", self.window)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        # the overflow button (») for actions that do not fit: without the tool buttons' padding, which hid its arrow
        bar.setStyleSheet("QToolButton#qt_toolbar_ext_button { padding: 0px; min-width: 16px; }")
        bar.setIconSize(QSize(18, 18))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addActions([self.new, self.open, self.save])
        bar.addSeparator()
        bar.addActions([self.undo_tool, self.redo_tool, self.delete])
        bar.addSeparator()
        bar.addAction(self.dotted_tool)
        bar.addSeparator()
        bar.addActions([self.zoom_out, self.zoom_in, self.fit, self.actual])
        bar.addSeparator()
        bar.addActions([self.district, self.export])
        bar.addSeparator()
        self.window.scenario_bar.add_to_toolbar(bar)
        self.window.addToolBar(bar)
        return bar
