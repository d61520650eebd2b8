"""Menus, toolbar and shortcuts of the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, NamedTuple

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from ..editing.clipboard import DUPLICATE_KEY
from ..widgets.actions import make_action, standard_keys

if TYPE_CHECKING:
    from .main_window import MainWindow


Key = QKeySequence.StandardKey


class ActionSpec(NamedTuple):
    """One action of the window: its attribute on :class:`Actions`, its words and what it runs."""

    name: str
    text: str
    #: The window's method (or a call on the window) the action runs, found each time it is triggered (so the
    #: parts of the window made on first use, such as printing, are made then).
    slot: Callable[["MainWindow"], Callable[[], object]]
    shortcut: str | QKeySequence.StandardKey | None = None
    tip: str = ""
    #: Only while the canvas has the focus (so text fields keep their keys).
    canvas: bool = False
    checkable: bool = False


#: Every action of the menus and the toolbar, in one table.
ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("new", "&New", lambda w: w.files.new_blank, Key.New, "Start a blank chart"),
    ActionSpec("open", "&Open…", lambda w: w.files.open, Key.Open, "Open a chart file"),
    ActionSpec("save", "&Save", lambda w: w.files.save, Key.Save, "Save the chart"),
    ActionSpec("save_as", "Save &As…", lambda w: w.files.save_as, Key.SaveAs),
    ActionSpec("export", "&Export…", lambda w: w.export_chart, "Ctrl+E", "Export the chart as PDF, SVG, PNG or DOT"),
    ActionSpec("import_sheet", "&Import from Spreadsheet…",
               lambda w: w.spreadsheets.import_spreadsheet, "Ctrl+Shift+I",
               "Build a chart from a CSV file or an Excel workbook"),
    ActionSpec("update_sheet", "&Update from Spreadsheet…",
               lambda w: w.spreadsheets.update_from_spreadsheet, None,
               "Bring a new roster into the shown scenario, keeping flags, functions and lines"),
    ActionSpec("export_roles", "Export &Roles…", lambda w: w.spreadsheets.export_roles, None,
               "Write the roles of the shown scenario to a CSV file or an Excel workbook"),
    ActionSpec("print_preview", "Print Pre&view…", lambda w: w.printing.preview, None,
               "See the pages Print… would print"),
    ActionSpec("print", "&Print…", lambda w: w.printing.print_chart, Key.Print,
               "Print the chart as File › Export… lays it out as a PDF"),
    ActionSpec("quit", "&Quit", lambda w: w.close, Key.Quit),
    ActionSpec("undo_tool", "Undo", lambda w: w.sessions.group.undo),
    ActionSpec("redo_tool", "Redo", lambda w: w.sessions.group.redo),
    ActionSpec("cut", "Cu&t", lambda w: w.clipboard.cut, Key.Cut,
               "Copy the selected roles with everyone under them, and delete them (one undo step)", canvas=True),
    ActionSpec("copy", "&Copy", lambda w: w.clipboard.copy, Key.Copy,
               "Copy the selected roles with everyone under them", canvas=True),
    ActionSpec("paste", "&Paste", lambda w: w.clipboard.paste, Key.Paste,
               "Paste the copied roles under the selected box, as vacant positions", canvas=True),
    ActionSpec("duplicate", "D&uplicate", lambda w: w.clipboard.duplicate, DUPLICATE_KEY,
               "Copy the selected roles, with everyone under them, beside themselves", canvas=True),
    ActionSpec("delete", "&Delete", lambda w: w.delete_selection, Key.Delete,
               "Delete the selected roles and dotted lines", canvas=True),
    ActionSpec("select_all", "Select &All", lambda w: w.select_all, Key.SelectAll, canvas=True),
    ActionSpec("find", "&Find…", lambda w: w.find_bar.open_bar, Key.Find, "Find a role by its title, person or id"),
    ActionSpec("find_next", "Find &Next", lambda w: lambda: w.find_bar.step(1), Key.FindNext),
    ActionSpec("find_previous", "Find Pre&vious", lambda w: lambda: w.find_bar.step(-1), Key.FindPrevious),
    ActionSpec("move_left", "Move &Left Among Siblings", lambda w: lambda: w.shift_selected(-1), "Ctrl+Left",
               canvas=True),
    ActionSpec("move_right", "Move &Right Among Siblings", lambda w: lambda: w.shift_selected(+1), "Ctrl+Right",
               canvas=True),
    ActionSpec("make_top", "Make &Top-Level Role", lambda w: w.make_top_level),
    ActionSpec("dotted_tool", "Draw &Dotted Lines", lambda w: w.set_dotted_tool, "Ctrl+L",
               "Drag from one box to another to draw a dotted line (or hold Shift while dragging)", checkable=True),
    ActionSpec("district", "District &Facts…", lambda w: w.edit_district, "Ctrl+I",
               "Students, teachers, devices, buildings and other district facts"),
    ActionSpec("rules", "&Rules…", lambda w: w.edit_rules, None,
               "The framework's rules: change thresholds, switch a rule off with a reason"),
    ActionSpec("matrix", "Responsibility &Matrix…", lambda w: w.show_matrix, None,
               "Who leads and who backs up each function, and each person's load"),
    ActionSpec("zoom_in", "Zoom &In", lambda w: w.view.zoom_in, Key.ZoomIn),
    ActionSpec("zoom_out", "Zoom &Out", lambda w: w.view.zoom_out, Key.ZoomOut),
    ActionSpec("fit", "&Fit to Window", lambda w: w.view.fit, "Ctrl+9", "Show the whole chart"),
    ActionSpec("actual", "&Actual Size", lambda w: w.view.actual_size, "Ctrl+0", "Zoom to 100%"),
    ActionSpec("outline", "Go to &Outline", lambda w: w.focus_outline, "Alt+1",
               "Move the keyboard to the outline: the chart as a tree of roles"),
    ActionSpec("all_dotted", "Show All Dotted &Lines", lambda w: w.toggle_all_dotted, None,
               "Show every dotted line, not only those of the selected roles", checkable=True),
    ActionSpec("collapse", "&Collapse", lambda w: lambda: w.editor.collapse(w.scene.selected_role_ids(), True), "-",
               "Hide the reports of the selected managers and everything below them", canvas=True),
    ActionSpec("expand", "E&xpand", lambda w: lambda: w.editor.collapse(w.scene.selected_role_ids(), False), "+",
               "Show the reports of the selected collapsed managers again", canvas=True),
    ActionSpec("expand_all", "Expand All &Roles", lambda w: w.editor.expand_all, None,
               "Show every role a collapsed manager hides"),
    ActionSpec("shortcuts", "&Mouse and Keyboard", lambda w: w.show_shortcuts, Key.HelpContents),
    ActionSpec("about", "&About tdorg", lambda w: w.show_about),
)


class Actions(QObject):
    """Every action of the window, built once from :data:`ACTIONS`; menus and toolbar share them."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.by_name: dict[str, QAction] = {}
        for spec in ACTIONS:
            action = self._action(spec)
            setattr(self, spec.name, action)
            self.by_name[spec.name] = action
        self.all_dotted.setChecked(True)
        group = window.sessions.group  # Undo and Redo act on the shown scenario's history
        self.undo = group.createUndoAction(window, "&Undo")
        self.undo.setShortcuts(standard_keys(QKeySequence.StandardKey.Undo))
        self.redo = group.createRedoAction(window, "&Redo")
        redo = standard_keys(QKeySequence.StandardKey.Redo)
        self.redo.setShortcuts(redo + [QKeySequence("Ctrl+Y")] * (QKeySequence("Ctrl+Y") not in redo))
        self.toolbar: QToolBar | None = None
        self._follow_stack()
        self._follow_clipboard()
        files = window.files
        self.recent_menu = QMenu("Open &Recent", window)
        self.recent_menu.aboutToShow.connect(lambda: files.fill_recent_menu(self.recent_menu))
        self.template_menu = QMenu("New from &Template", window)
        self.template_menu.aboutToShow.connect(lambda: files.fill_template_menu(self.template_menu))

    def _follow_stack(self) -> None:
        """Toolbar Undo/Redo stay short; their tooltips say what they will do."""
        group = self.window.sessions.group
        group.indexChanged.connect(self._sync_undo)
        group.activeStackChanged.connect(self._sync_undo)
        self._sync_undo()

    def _sync_undo(self, _index: object = 0) -> None:
        stack = self.window.sessions.group
        for action, can, tip in (
                (self.undo_tool, stack.canUndo(), f"Undo {stack.undoText()}" if stack.canUndo() else "Nothing to undo"),
                (self.redo_tool, stack.canRedo(), f"Redo {stack.redoText()}" if stack.canRedo() else "Nothing to redo")):
            action.setEnabled(can)  # for the toolbar's overflow menu
            # the toolbar's button takes the new tooltip and state, not from its action: a changed action has the
            # toolbar, and the main window with it, lay themselves out again (see _ActionsKeptStill)
            button = self.toolbar.widgetForAction(action) if self.toolbar is not None else None
            if button is not None:
                button.setEnabled(can)
            (button or action).setToolTip(tip)

    def _follow_clipboard(self) -> None:
        """Cut, Copy and Duplicate need a selected box; Paste needs tdorg roles on the clipboard (asked
        only when the clipboard changes: another program's clipboard can be slow to answer)."""
        clipboard = self.window.clipboard
        clipboard.changed.connect(lambda: self.paste.setEnabled(clipboard.holds_roles()))
        self.window.scene.selectionChanged.connect(self._sync_selection)
        self.window.sessions.activeChanged.connect(self._sync_selection)
        self.paste.setEnabled(clipboard.holds_roles())
        self._sync_selection()

    def _sync_selection(self) -> None:
        for action in (self.cut, self.copy, self.duplicate):
            action.setEnabled(self.window.clipboard.can_copy())

    def _action(self, spec: ActionSpec) -> QAction:
        window = self.window
        action = make_action(window, spec.text, lambda: spec.slot(window)(), spec.shortcut, spec.tip)
        if spec.tip:
            action.setToolTip(f"{spec.text.replace('&', '').rstrip('…')}: {spec.tip}")
        if spec.canvas:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.window.view.addAction(action)
        action.setCheckable(spec.checkable)
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
        file_menu.addActions([self.print_preview, self.print])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit = bar.addMenu("&Edit")
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.cut, self.copy, self.paste, self.duplicate])
        edit.addSeparator()
        edit.addActions([self.delete, self.select_all])
        edit.addSeparator()
        edit.addActions([self.find, self.find_next, self.find_previous])
        edit.addSeparator()
        edit.addActions([self.move_left, self.move_right, self.make_top, self.dotted_tool])
        view = bar.addMenu("&View")
        view.addActions([self.zoom_in, self.zoom_out, self.fit, self.actual])
        view.addSeparator()
        view.addAction(self.all_dotted)
        view.addSeparator()
        view.addActions([self.collapse, self.expand, self.expand_all])
        view.addSeparator()
        for dock in self.window.docks():
            view.addAction(dock.toggleViewAction())
        view.addActions([self.window.outline_dock.toggleViewAction(), self.outline])
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
        self.toolbar = bar
        still = _ActionsKeptStill((self.undo_tool, self.redo_tool), bar)
        for watched in (bar, *(bar.widgetForAction(a) for a in still.actions)):
            watched.installEventFilter(still)
        return bar


class _ActionsKeptStill(QObject):
    """Keeps the toolbar and its buttons from hearing that these actions changed (:meth:`Actions._sync_undo` sets
    their buttons itself): a changed action has its button set its icon again and the toolbar lay itself out, and
    the toolbar's layout then has the main window lay out its docks again, as an undo or redo enabling or
    disabling Undo or Redo did."""

    def __init__(self, actions: tuple[QAction, ...], parent: QObject) -> None:
        super().__init__(parent)
        self.actions = actions

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        return event.type() == QEvent.Type.ActionChanged and event.action() in self.actions  # type: ignore[attr-defined]
