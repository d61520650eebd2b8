"""The scenario switcher (a combo box in the toolbar) and the Scenarios menu.

Duplicate, rename, move and delete change the document at once (they are not
undo steps) and mark it modified; delete asks first and never removes the
last scenario. Each scenario keeps its own undo history, so Edit › Undo
acts on the scenario shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QMenuBar, QToolBar, QWidget

from tdorg.model.compare_text import money
from tdorg.model.errors import TdorgError
from tdorg.model.scenarios import ScenarioSummary, duplicate_name

from ..widgets.actions import make_action
from ..widgets.error_box import show_error
from ..widgets.actions import literal

if TYPE_CHECKING:
    from ..compare.comparer import Comparer
    from ..editing.scenario_sessions import ScenarioSessions


def summary_text(summary: ScenarioSummary) -> str:
    """A scenario's totals, for tooltips: roles, filled FTE, annual cost, findings."""
    lines = [summary.name, f"{summary.roles:,} role{'s' if summary.roles != 1 else ''} · {summary.fte:g} filled FTE"]
    cost = summary.cost
    if cost.roles_with_cost:
        missing = f" ({cost.roles_without:,} without a cost)" if cost.roles_without else ""
        lines.append(f"Annual cost {money(cost.total)}{missing}")
    else:
        lines.append("No annual costs entered")
    lines.append(f"{summary.errors} error{'s' if summary.errors != 1 else ''} · "
                 f"{summary.warnings} warning{'s' if summary.warnings != 1 else ''}")
    return "\n".join(lines)


class ScenarioCombo(QComboBox):
    """The switcher; its tooltips (totals of each scenario) are worked out when asked for."""

    def __init__(self, tooltips: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tooltips = tooltips
        # a steady width; a long name is elided here and shown whole in the list
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)

    def refresh_tooltips(self) -> None:
        for index, text in enumerate(self._tooltips()):
            if index < self.count():
                self.setItemData(index, text, Qt.ItemDataRole.ToolTipRole)
                if index == self.currentIndex():
                    self.setToolTip(text + "\n\nScenarios › Compare… shows what differs between scenarios.")

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            self.refresh_tooltips()
        return super().event(event)

    def showPopup(self) -> None:
        self.refresh_tooltips()
        super().showPopup()


class ScenarioBar(QObject):
    """Switching, duplicating, renaming, deleting and comparing the document's scenarios."""

    def __init__(self, sessions: "ScenarioSessions", comparer: "Comparer", note: Callable[[str], None],
                 refuse: Callable[[str], None], window: QWidget) -> None:
        """``note`` and ``refuse`` show a sentence in the status bar; ``window`` parents the menus and dialogs."""
        super().__init__(window)
        self.window = window
        self.sessions = sessions
        self.comparer = comparer
        self.note, self.refuse = note, refuse
        self.combo = ScenarioCombo(self.tooltips)
        self.combo.setObjectName("scenarioCombo")
        self.combo.setAccessibleName("Scenario")
        self.combo.setAccessibleDescription("The scenario shown on the canvas; choose another to switch")
        self.combo.activated.connect(self.switch)
        self.duplicate_action = make_action(window, "&Duplicate Scenario…", self.duplicate, "Ctrl+Shift+D",
                                            "Copy the shown scenario to try out changes")
        self.rename_action = make_action(window, "&Rename Scenario…", self.rename, tip="Rename the shown scenario")
        self.delete_action = make_action(window, "De&lete Scenario…", self.delete,
                                         tip="Remove the shown scenario from the file")
        self.move_left_action = make_action(window, "Move Scenario &Left", lambda: self.move(-1), "Ctrl+Shift+PgUp",
                                            "Put the shown scenario one place earlier in the file")
        self.move_right_action = make_action(window, "Move Scenario &Right", lambda: self.move(1), "Ctrl+Shift+PgDown",
                                             "Put the shown scenario one place later in the file")
        self.next_action = make_action(window, "&Next Scenario", lambda: self.step(1), "Ctrl+PgDown")
        self.previous_action = make_action(window, "&Previous Scenario", lambda: self.step(-1), "Ctrl+PgUp")
        self.compare_action = make_action(window, "&Compare Scenarios…", self.compare, "Ctrl+Shift+C",
                                          "Two scenarios side by side, with what changed")
        self.compare_file_action = make_action(window, "Compare with a &File…", self.compare_file,
                                               tip="The shown scenario beside a chart from another file")
        self.switch_group = QActionGroup(self)
        self.sessions.listChanged.connect(self.refresh)
        self.sessions.activeChanged.connect(self.refresh)
        self.refresh()

    # --- building -------------------------------------------------------------------

    def build_menu(self, bar: QMenuBar, before: QAction | None = None) -> QMenu:
        menu = QMenu("&Scenarios", self.window)
        menu.addActions([self.duplicate_action, self.rename_action, self.delete_action])
        menu.addActions([self.move_left_action, self.move_right_action])
        menu.addSeparator()
        menu.addActions([self.compare_action, self.compare_file_action])
        menu.addSeparator()
        menu.addActions([self.previous_action, self.next_action])
        self.switch_separator = menu.addSeparator()
        self.menu = menu
        menu.aboutToShow.connect(self._fill_switch_actions)
        if before is not None:
            bar.insertMenu(before, menu)
        else:
            bar.addMenu(menu)
        return menu

    def add_to_toolbar(self, toolbar: QToolBar) -> None:
        label = QLabel("Scenario ")
        label.setProperty("role", "hint")
        label.setContentsMargins(6, 0, 0, 0)
        toolbar.addWidget(label)
        toolbar.addWidget(self.combo)

    def _fill_switch_actions(self) -> None:
        """One checkable entry per scenario at the bottom of the menu."""
        for action in self.switch_group.actions():
            self.switch_group.removeAction(action)
            self.menu.removeAction(action)
            action.deleteLater()
        for index, name in enumerate(self.sessions.names()):
            action = QAction(literal(name), self.window)
            action.setCheckable(True)
            action.setChecked(index == self.sessions.index)
            action.triggered.connect(lambda _checked=False, i=index: self.switch(i))
            self.switch_group.addAction(action)
            self.menu.addAction(action)

    def refresh(self) -> None:
        """The combo box and the enabled actions follow the document's scenarios."""
        names = self.sessions.names()
        self.combo.blockSignals(True)
        if [self.combo.itemText(i) for i in range(self.combo.count())] != names:
            self.combo.clear()
            self.combo.addItems(names)
        self.combo.setCurrentIndex(self.sessions.index)
        self.combo.blockSignals(False)
        several = len(names) > 1
        self.delete_action.setEnabled(several)
        self.next_action.setEnabled(several)
        self.previous_action.setEnabled(several)
        self.move_left_action.setEnabled(self.sessions.index > 0)
        self.move_right_action.setEnabled(self.sessions.index < len(names) - 1)

    def tooltips(self) -> list[str]:
        return [summary_text(s) for s in self.sessions.summaries()]

    # --- operations ---------------------------------------------------------------------

    def switch(self, index: int) -> None:
        if 0 <= index < len(self.sessions):
            self.sessions.switch(index)
        self.refresh()

    def step(self, delta: int) -> None:
        count = len(self.sessions)
        if count > 1:
            self.switch((self.sessions.index + delta) % count)

    def move(self, delta: int) -> bool:
        """Move the shown scenario one place left (-1) or right (+1) in the switcher and the file."""
        index = self.sessions.index
        if not 0 <= index + delta < len(self.sessions):
            return False
        self.sessions.move(index, index + delta)
        self.note(f"“{self.sessions.active.name}” is now scenario {index + delta + 1} of "
                              f"{len(self.sessions)}.")
        return True

    def duplicate(self) -> int | None:
        """Copy the shown scenario under a name the user gives; the copy is shown."""
        from ..dialogs.name_dialog import ask_name

        document = self.sessions.document
        index = self.sessions.index
        try:
            document.check_room(len(document.scenarios[index].chart.roles))
        except TdorgError as error:
            show_error(self.window, "Could not duplicate the scenario", error)
            return None
        name = ask_name(self.window, "Duplicate Scenario",
                        f"A copy of “{self.sessions.active.name}”, with its own roles, findings and undo history. "
                        "Name of the copy:", duplicate_name(document, index), document.check_new_name, "Duplicate")
        if name is None:
            return None
        new = self.sessions.duplicate(index, name)
        self.note(f"“{name}” is a copy of “{document.scenarios[index].name}”; edits to it leave "
                              "the other scenarios as they are.")
        return new

    def rename(self) -> bool:
        from ..dialogs.name_dialog import ask_name

        document = self.sessions.document
        index = self.sessions.index
        current = document.scenarios[index].name

        def check(text: str) -> str:
            return current if text.strip() == current else document.check_new_name(text)

        name = ask_name(self.window, "Rename Scenario", "New name of the scenario:", current, check, "Rename")
        if name is None:
            return False
        try:
            return self.sessions.rename(index, name)
        except TdorgError as error:
            show_error(self.window, "Could not rename the scenario", error)
            return False

    def delete(self) -> bool:
        """Delete the shown scenario after asking; never the last one."""
        if len(self.sessions) < 2:
            self.refuse("A file keeps at least one scenario; this is the only one.")
            return False
        from PySide6.QtWidgets import QMessageBox  # its class is made when first shown

        name = self.sessions.active.name
        box = QMessageBox(QMessageBox.Icon.Warning, "Delete scenario", f"Delete the scenario “{name}”?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self.window)
        box.button(QMessageBox.StandardButton.Yes).setText("Delete")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setInformativeText("Its roles, findings and undo history leave the document. The file on disk keeps "
                               "it until you save.")
        if box.exec() != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.sessions.delete(self.sessions.index)
        except TdorgError as error:
            show_error(self.window, "Could not delete the scenario", error)
            return False
        self.note(f"Deleted the scenario “{name}”.")
        return True

    def compare(self) -> None:
        self.comparer.compare_scenarios()

    def compare_file(self) -> None:
        self.comparer.compare_with_file()
