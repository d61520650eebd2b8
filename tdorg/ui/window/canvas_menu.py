"""The canvas's right-click menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QMenu

from tdorg.model.arrangement import ONE_ROW, describe_arrangement
from tdorg.model.edit_texts import quoted
from tdorg.model.new_roles import ROLE_FAMILIES
from tdorg.model.vocab import CATEGORIES

from ..canvas import items as canvas_items
from ..widgets import style

#: The menu lists stacks of 1 to this many columns, then the most there can be (and the current choice).
LISTED_COLUMNS = 6

if TYPE_CHECKING:
    from .main_window import MainWindow


class CanvasMenu(QObject):
    """Builds the menu for what is under the cursor: a box, a dotted line, or empty canvas."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        view = window.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.open)
        view.menuKeyPressed.connect(self.open_from_keyboard)

    def _category_menu(self, title: str, manager: str | None, parent: QMenu) -> QMenu:
        menu = parent.addMenu(title)
        editor = self.window.editor
        for n, (_group, categories) in enumerate(ROLE_FAMILIES):
            if n:
                menu.addSeparator()
            for category in categories:
                action = menu.addAction(style.category_icon(category), CATEGORIES[category])
                action.triggered.connect(lambda _=False, c=category: self._add(c, manager))
        return menu

    def _arrangement_menu(self, manager: str, parent: QMenu) -> None:
        """Automatic, one row, or stacked in 1…n columns for ``manager``'s n leaf reports; the current one checked."""
        chart = self.window.chart
        most = len(chart.leaf_reports(manager))
        if not most:
            return
        current = chart.arrangement(manager)
        stacks = {*range(1, min(most, LISTED_COLUMNS) + 1), most}
        if current:
            stacks.add(current)
        menu = parent.addMenu("Arrange Reports")
        for n, columns in enumerate([None, ONE_ROW, *sorted(stacks)]):
            if n == 2:
                menu.addSeparator()
            action = menu.addAction(describe_arrangement(columns))
            action.setCheckable(True)
            action.setChecked(columns == current)
            action.triggered.connect(lambda _=False, c=columns: self.window.editor.arrange(manager, c))

    def _add(self, category: str, manager: str | None) -> None:
        new_id = self.window.editor.add_role(category, manager)
        if new_id:
            self.window.view.reveal([new_id])

    def build(self, pos: QPoint, from_keyboard: bool = False) -> QMenu:
        """The menu for what is at viewport point ``pos``; ``from_keyboard``: for the selection instead."""
        window, view = self.window, self.window.view
        menu = QMenu(view)
        chart = window.chart
        item = view.keyboard_item() if from_keyboard else view.role_item_at(pos)
        under = None if from_keyboard else view.itemAt(pos)
        actions = window.actions
        if isinstance(under, canvas_items.DottedLine) and item is None:
            if not under.isSelected():
                window.scene.clearSelection()
                under.setSelected(True)
            remove = menu.addAction("Delete Dotted Line")
            remove.triggered.connect(lambda: window.editor.delete([], [(under.source, under.target)]))
            return menu
        if item is None or chart is None:
            self._category_menu("Add Top-Level Role", None, menu)
            if chart is not None and not window.scene.selected_role_ids():  # else Paste goes under the selection
                menu.addAction(actions.paste)
            menu.addSeparator()
            menu.addActions([actions.fit, actions.actual, actions.select_all])
            if chart is not None and chart.collapsed:
                menu.addAction(actions.expand_all)
            return menu
        if not item.isSelected():
            window.select_roles([item.role_id])
        role = chart.role(item.role_id)
        selected = window.scene.selected_role_ids()
        self._category_menu(f"Add Report to {quoted(role.title, 28)}", role.id, menu)
        if role.reports_to is not None:
            self._category_menu("Add Role Beside It", role.reports_to, menu)
        menu.addSeparator()
        edit = menu.addAction("Edit Properties")
        edit.triggered.connect(lambda: window.edit_role(role.id))
        dotted = menu.addAction("Draw Dotted Line From Here")
        dotted.setToolTip("Then drag from this box to the other role, or hold Shift while dragging")
        dotted.triggered.connect(lambda: self._arm_dotted())
        for target in role.dotted_to:
            remove = menu.addAction(f"Remove Dotted Line to {quoted(chart.role(target).title, 28)}")
            remove.triggered.connect(lambda _=False, t=target: window.editor.delete([], [(role.id, t)]))
        menu.addSeparator()
        menu.addActions([actions.move_left, actions.move_right])
        if role.reports_to is not None:
            menu.addAction(actions.make_top)
        self._arrangement_menu(role.id, menu)
        if chart.is_collapsed(role.id):
            menu.addAction(actions.expand)
        elif chart.child_count(role.id):
            menu.addAction(actions.collapse)
        menu.addSeparator()
        menu.addActions([actions.cut, actions.copy, actions.paste, actions.duplicate])
        delete = menu.addAction(f"Delete {len(selected)} Roles" if len(selected) > 1 else "Delete")
        delete.triggered.connect(window.delete_selection)
        return menu

    def _arm_dotted(self) -> None:
        self.window.actions.dotted_tool.setChecked(True)
        self.window.set_dotted_tool()

    def open(self, pos: QPoint) -> None:
        self.build(pos).exec(self.window.view.viewport().mapToGlobal(pos))

    def open_from_keyboard(self) -> None:
        """The menu key or Shift+F10: the selected box's menu on the box, else the canvas's at its centre."""
        view = self.window.view
        pos = view.menu_point(view.keyboard_item())
        self.build(pos, from_keyboard=True).exec(view.viewport().mapToGlobal(pos))
