"""File › Import from Spreadsheet…: columns, preview, the rows' problems, and the choice.

Page one (:mod:`.import_columns`) shows the column tdorg found for each role
field, with a combo box to fix it, and the first rows of the sheet. Page two lists every problem with its sheet row number and reason; the user
imports the good rows, every row (with the repairs listed), or nothing, as a
new chart or as a new scenario of the open file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from tdorg.model.people import DEFAULT_MAX_PERSON_FTE
from tdorg.model.importing import ColumnMapping, ImportPlan, Table, plan_import
from tdorg.model.rules import Severity

from ..widgets import style
from .import_parts import PlanDialog, ScenarioChoice, summary_page


@dataclass(frozen=True)
class ScenarioTarget:
    """The open file the import may join as a new scenario."""

    current: str  # the shown scenario's name
    suggested: str  # a free name for the new scenario
    check: Callable[[str], str]  # the cleaned name, or raises TdorgError
    max_person_fte: float  # the open chart's STR-2 threshold, which a new scenario keeps


class ImportDialog(PlanDialog):
    """The import's two steps; after ``exec()`` read ``choice``, ``plan``, ``as_scenario`` and ``scenario_name``."""

    def __init__(self, path: Path, table: Table, read: Callable[[Path, str | None], Table],
                 target: ScenarioTarget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(path, table, read, self.check_rows, parent)
        self.setWindowTitle(f"Import “{path.name}”")
        self.target = target
        self.plan: ImportPlan | None = None
        self.choice: str | None = None  # "good" or "all"
        self.as_scenario = False
        self.scenario_name = ""
        self.pages.addWidget(self._rows_page())
        self.resize(1040, 720)

    @property
    def table(self) -> Table:
        return self.columns.table

    @property
    def mapping(self) -> ColumnMapping:
        return self.columns.mapping

    def check_rows(self) -> bool:
        """Plan the import with the chosen columns and show the rows; False when the columns do not fit.

        The most FTE one person may hold is that of the chart the rows go into:
        the open chart's for a new scenario (it keeps its rule settings), the
        default for a new chart."""
        target = self.target if self.as_scenario_radio.isChecked() else None
        limit = DEFAULT_MAX_PERSON_FTE if target is None else target.max_person_fte
        return self.next_page(lambda: plan_import(self.columns.table, self.columns.mapping, max_person_fte=limit))

    # --- page two: rows --------------------------------------------------------------

    def _rows_page(self) -> QWidget:
        page, layout, self.summary = summary_page(self)
        hint = QLabel("Every row with a problem is listed with its row number in the sheet. Rows marked red "
                      "are left out when only the good rows are imported; importing all rows applies the "
                      "change in the last column. Amber rows are imported either way, with the change described.")
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.problems = QTreeWidget()
        self.problems.setColumnCount(3)
        self.problems.setHeaderLabels(["Row", "Problem", "When all rows are imported"])
        self.problems.setRootIsDecorated(False)
        self.problems.setWordWrap(True)
        self.problems.setUniformRowHeights(False)
        self.problems.setStyleSheet("QTreeWidget::item { padding: 3px 2px; }")
        header = self.problems.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.resizeSection(2, 260)
        layout.addWidget(self.problems, 1)
        self.destination = ScenarioChoice("Open the result", "As a new chart (unsaved)",
                                          self.target.suggested if self.target is not None else "")
        self.as_chart_radio = self.destination.first_radio
        self.as_scenario_radio = self.destination.scenario_radio
        self.name_field = self.destination.name_field
        self.name_error = self.destination.name_error
        if self.target is not None:
            self.as_scenario_radio.setText(f"As a new scenario of this file, beside “{self.target.current}” "
                                           "(its district facts and rule settings are kept)")
            self.as_scenario_radio.toggled.connect(lambda _on: self.check_rows())  # the rows meet other settings
        else:
            self.destination.hide()
        layout.addWidget(self.destination)
        buttons = QHBoxLayout()
        back = QPushButton("‹ Columns")
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        nothing = QPushButton("Cancel — import nothing")
        nothing.setAutoDefault(False)
        back.setAutoDefault(False)
        nothing.clicked.connect(self.reject)
        self.all_button = QPushButton()
        self.all_button.setAutoDefault(False)
        self.all_button.clicked.connect(lambda: self.choose("all"))
        self.good_button = QPushButton()
        self.good_button.clicked.connect(lambda: self.choose("good"))
        buttons.addWidget(back)
        buttons.addStretch(1)
        for button in (nothing, self.all_button, self.good_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        return page

    def _show_plan(self, plan: ImportPlan) -> None:
        self.summary.setText(f"{plan.summary()[:-1]} ({plan.table.where}).")
        self.problems.clear()
        kept_out = style.severity_icon(Severity.ERROR)
        changed = style.severity_icon(Severity.WARNING)
        for problem in plan.problems:
            repair = problem.repair or ("imported as described" if problem.imported else "")
            item = QTreeWidgetItem([str(problem.row), problem.reason, repair])
            item.setIcon(0, changed if problem.imported else kept_out)
            item.setToolTip(1, problem.reason)
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.problems.addTopLevelItem(item)
        if not plan.problems:
            item = QTreeWidgetItem(["", "No problems: every row can be imported as it is.", ""])
            item.setForeground(1, QBrush(QColor(style.TEXT_MUTED)))
            self.problems.addTopLevelItem(item)
        total, good = len(plan.rows), plan.good_count
        if plan.bad_count:
            self.good_button.setText(f"Import {good:,} good row{'s' if good != 1 else ''}")
            self.all_button.setText(f"Import all {total:,} rows (with the repairs listed)")
            self.all_button.show()
        else:
            self.good_button.setText(f"Import {good:,} row{'s' if good != 1 else ''}")
            self.all_button.hide()
        self.good_button.setEnabled(good > 0)
        self.good_button.setDefault(good > 0)

    def choose(self, choice: str) -> bool:
        """Finish with ``choice`` ("good" or "all"); False when the scenario name is refused."""
        self.as_scenario = self.target is not None and self.as_scenario_radio.isChecked()
        if self.as_scenario:
            assert self.target is not None
            name = self.destination.checked_name(self.target.check)
            if name is None:
                return False
            self.scenario_name = name
        self.choice = choice
        self.accept()
        return True
