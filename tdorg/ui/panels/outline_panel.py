"""The outline panel: the chart as a tree in reporting order, edited with the keyboard.

Every key is one undo step through the :class:`Editor`: F2 renames in place
(Enter keeps the title, Esc cancels), Insert or Ctrl+Enter adds a report,
Shift+Enter a sibling, Delete deletes, Alt+Up/Down move a role among its
siblings, Alt+Left makes it report to its manager's manager and Alt+Right to
the sibling above it; rows also move by drag and drop. The same actions are on
the tree's right-click menu. Selecting rows selects and shows their boxes on
the canvas (``reveal``); the window hands the canvas's selection back to
:meth:`OutlinePanel.show_roles`.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from tdorg.model.edit_texts import quoted
from tdorg.model.values import TITLE_MAX

from ..editing.editor import Editor
from ..editing.scenario_sessions import ScenarioSessions
from ..widgets.actions import make_action
from .outline_model import FINDINGS, HELD_BY, ROLE, OutlineModel

Selection = QItemSelectionModel.SelectionFlag
#: What a first role of an empty chart is, and any other added report.
FIRST_CATEGORY, REPORT_CATEGORY = "it_leader", "other"
#: A chart of up to this many roles opens with every manager expanded.
EXPANDED_UP_TO = 500
KEYS_HELP = ("F2 renames, Insert adds a report, Shift+Enter adds a sibling, Delete deletes, "
             "Alt+Up and Alt+Down move a role among its siblings, Alt+Left and Alt+Right move it a level out or in.")


class TitleDelegate(QStyledItemDelegate):
    """Renaming in place: a line edit that takes no more than a title may hold."""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # noqa: ANN001, N802
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setMaxLength(TITLE_MAX)
            editor.setAccessibleName("Role title")
        return editor


class OutlinePanel(QWidget):
    """The roles of the shown scenario as a tree kept in step with the chart."""

    def __init__(self, sessions: ScenarioSessions, editor: Editor, reveal: Callable[[list[str]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self.editor = editor
        self.reveal = reveal
        self._following = False  # taking the canvas's selection
        self._handing = False  # handing the tree's selection to the canvas
        self.setAccessibleName("Outline")
        self.setAccessibleDescription("The chart as a tree of roles in reporting order. " + KEYS_HELP)
        self.model = OutlineModel(editor, self)
        self.tree = self._tree()
        self.hint = QLabel("No roles yet: press Insert to add the first one.")
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.hint.setContentsMargins(10, 8, 10, 8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.hint)
        layout.addWidget(self.tree, 1)
        self._add_actions()
        self.tree.selectionModel().selectionChanged.connect(self._tree_selection_changed)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._show_hint)
        sessions.activeChanged.connect(self.show_scenario)
        sessions.reportChanged.connect(self.model.set_report)
        self.show_scenario()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(400, 480)  # a title, who holds it and the findings side by side

    def _tree(self) -> QTreeView:
        tree = QTreeView()
        tree.setModel(self.model)
        tree.setItemDelegateForColumn(ROLE, TitleDelegate(tree))
        tree.setAccessibleName("Chart outline")
        tree.setAccessibleDescription("Roles in reporting order. " + KEYS_HELP)
        tree.setUniformRowHeights(True)
        tree.setIndentation(14)
        tree.setFrameShape(QFrame.Shape.NoFrame)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        tree.setDropIndicatorShown(True)
        tree.setAllColumnsShowFocus(True)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((HELD_BY, 84), (FINDINGS, 100)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        return tree

    def _add_actions(self) -> None:
        keys: tuple[tuple[str, Callable[[], object], tuple[str, ...]], ...] = (
            ("Rename", self.rename, ("F2",)),
            ("Add Report", self.add_report, ("Insert", "Ctrl+Return", "Ctrl+Enter")),
            ("Add Sibling", self.add_sibling, ("Shift+Return", "Shift+Enter")),
            ("Delete", self.delete, ("Delete",)),
            ("Move Up", lambda: self.shift(-1), ("Alt+Up",)),
            ("Move Down", lambda: self.shift(+1), ("Alt+Down",)),
            ("Report to the Manager's Manager", self.move_out, ("Alt+Left",)),
            ("Report to the Sibling Above", self.move_in, ("Alt+Right",)),
        )
        for text, slot, shortcuts in keys:
            action = make_action(self.tree, text, slot, shortcuts[0])
            action.setShortcuts(list(shortcuts))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.tree.addAction(action)

    # --- the shown scenario ----------------------------------------------------

    def show_scenario(self) -> None:
        session = self.sessions.active
        self.model.set_chart(session.chart, session.report)
        if len(session.chart) <= EXPANDED_UP_TO:
            self.tree.expandAll()
        else:  # a big chart opens on its top three levels
            self.tree.expandToDepth(1)

    def _show_hint(self) -> None:
        chart = self.model.chart
        self.hint.setVisible(chart is None or not len(chart))

    def focus_tree(self) -> None:
        """Put the keyboard in the tree, on its current row (the first one when there is none)."""
        if not self.tree.currentIndex().isValid() and self.model.rowCount():
            self.tree.setCurrentIndex(self.model.index(0, ROLE))
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- selection, both ways ------------------------------------------------------

    def selected_ids(self) -> list[str]:
        """The roles of the selected rows, read range by range (asking Qt for every selected row is slow)."""
        ids: dict[str, None] = {}
        for selected in self.tree.selectionModel().selection():
            parent = selected.parent()
            for row in range(selected.top(), selected.bottom() + 1):
                role_id = self.model.role_id(self.model.index(row, ROLE, parent))
                if role_id is not None:
                    ids[role_id] = None
        return list(ids)

    def current_id(self) -> str | None:
        return self.model.role_id(self.tree.currentIndex())

    def show_roles(self, ids: list[str]) -> None:
        """Select the rows of ``ids`` (the canvas's selection) and scroll to the last one."""
        if self._handing or (set(ids) == set(self.selected_ids()) and (not ids or self.current_id() in ids)):
            return
        self._following = True
        try:
            model = self.tree.selectionModel()
            model.select(self._rows_of(ids), Selection.ClearAndSelect | Selection.Rows)
            if ids:
                current = self.model.index_of(ids[-1])
                model.setCurrentIndex(current, Selection.NoUpdate)
                self.tree.scrollTo(current)
        finally:
            self._following = False

    def _rows_of(self, ids: list[str]) -> QItemSelection:
        """The rows of ``ids`` as few ranges as they make: Qt compares selections range by range."""
        rows: dict[QPersistentModelIndex, list[int]] = {}
        for role_id in ids:
            index = self.model.index_of(role_id)
            if index.isValid():
                rows.setdefault(QPersistentModelIndex(index.parent()), []).append(index.row())
        selection = QItemSelection()
        for parent, numbers in rows.items():
            numbers.sort()
            first = 0
            for n in range(1, len(numbers) + 1):
                if n == len(numbers) or numbers[n] != numbers[n - 1] + 1:
                    selection.select(self.model.index(numbers[first], ROLE, parent),
                                     self.model.index(numbers[n - 1], FINDINGS, parent))
                    first = n
        return selection

    def _tree_selection_changed(self) -> None:
        if self._following or self.model.following:
            return
        self._handing = True
        try:
            self.reveal(self.selected_ids())
        finally:
            self._handing = False

    # --- editing ---------------------------------------------------------------------

    def rename(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid():
            self.tree.edit(index.siblingAtColumn(ROLE))

    def add_report(self) -> None:
        """A new role under the current one (a top role when there is none), its title ready to type."""
        chart = self.model.chart
        if chart is None:
            return
        manager = self.current_id()
        self._added(self.editor.add_role(FIRST_CATEGORY if not len(chart) else REPORT_CATEGORY, manager))

    def add_sibling(self) -> None:
        """A new role of the current one's type right after it, under the same manager."""
        chart = self.model.chart
        role_id = self.current_id()
        if chart is None or role_id is None:
            self.add_report()
            return
        role = chart.role(role_id)
        place = chart.index_among_siblings(role_id) + 1
        self._added(self.editor.add_role(role.category, role.reports_to, place))

    def _added(self, role_id: str | None) -> None:
        if role_id is None:
            return
        self.reveal([role_id])  # its box, on the canvas
        index = self.model.index_of(role_id)
        self.tree.selectionModel().setCurrentIndex(index, Selection.ClearAndSelect | Selection.Rows)
        self.tree.scrollTo(index)
        self.tree.edit(index)

    def delete(self) -> None:
        ids = self.selected_ids() or [r for r in (self.current_id(),) if r is not None]
        if ids:
            self.editor.delete(ids)

    def shift(self, delta: int) -> None:
        role_id = self.current_id()
        if role_id is not None:
            self.editor.shift_sibling(role_id, delta)

    def move_out(self) -> None:
        """The current role reports to its manager's manager, right after its old manager."""
        chart, role_id = self.model.chart, self.current_id()
        if chart is None or role_id is None:
            return
        manager = chart.role(role_id).reports_to
        if manager is None:
            self.editor.refuse(f"{quoted(chart.role(role_id).title)} is already at the top of the chart.")
            return
        self.editor.move([role_id], chart.role(manager).reports_to, chart.index_among_siblings(manager) + 1)
        self.tree.scrollTo(self.tree.currentIndex())

    def move_in(self) -> None:
        """The current role reports to the sibling above it, as its last report."""
        chart, role_id = self.model.chart, self.current_id()
        if chart is None or role_id is None:
            return
        place = chart.index_among_siblings(role_id)
        if place == 0:
            self.editor.refuse(f"{quoted(chart.role(role_id).title)} has no role above it to report to.")
            return
        manager = chart.children(chart.role(role_id).reports_to)[place - 1]
        if self.editor.move([role_id], manager):
            self.tree.expand(self.model.index_of(manager))
            self.tree.scrollTo(self.tree.currentIndex())
