"""File › Import from Spreadsheet…: columns, preview, the rows' problems, and the choice.

Page one shows the column tdorg found for each role field (a combo box per
field to fix it), the workbook's sheets, and the first rows of the sheet.
Page two lists every problem with its sheet row number and reason; the user
imports the good rows, every row (with the repairs listed), or nothing, as a
new chart or as a new scenario of the open file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tdorg.model.errors import TdorgError
from tdorg.model.importing import FIELD_LABELS, ColumnMapping, ImportPlan, Table, guess_mapping, plan_import
from tdorg.model.rules import Severity

from . import style
from .fields import ErrorLabel, heading, mark_invalid

PREVIEW_ROWS = 8
_FIELD_COLUMNS = 3  # the field combo boxes are laid out in this many columns


@dataclass(frozen=True)
class ScenarioTarget:
    """The open file the import may join as a new scenario."""

    current: str  # the shown scenario's name
    suggested: str  # a free name for the new scenario
    check: Callable[[str], str]  # the cleaned name, or raises TdorgError


def column_letter(index: int) -> str:
    """A spreadsheet column's letters: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class ImportDialog(QDialog):
    """The import's two steps; after ``exec()`` read ``choice``, ``plan``, ``as_scenario`` and ``scenario_name``."""

    def __init__(self, path: Path, table: Table, read: Callable[[Path, str | None], Table],
                 target: ScenarioTarget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import “{path.name}”")
        self.path = path
        self.table = table
        self.read = read
        self.target = target
        self.mapping = guess_mapping(table.headers)
        self.sheet_name = table.sheet_names[0] if table.sheet_names else None
        self.plan: ImportPlan | None = None
        self.choice: str | None = None  # "good" or "all"
        self.as_scenario = False
        self.scenario_name = ""
        self.combos: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.pages.addWidget(self._columns_page())
        self.pages.addWidget(self._rows_page())
        self._show_table()
        self.resize(1040, 720)

    # --- page one: columns ------------------------------------------------------------

    def _columns_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.source_label = QLabel()
        self.source_label.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(self.source_label, 1)
        self.sheet_label = QLabel("Sheet")
        self.sheet = QComboBox()
        self.sheet.addItems(list(self.table.sheet_names))
        self.sheet.currentTextChanged.connect(self._sheet_chosen)
        several = len(self.table.sheet_names) > 1
        for widget in (self.sheet_label, self.sheet):
            widget.setVisible(several)
            top.addWidget(widget)
        layout.addLayout(top)
        layout.addWidget(heading("Columns"))
        hint = QLabel("tdorg matched the columns it recognised. Fix any field below; a field left "
                      "“not imported” stays empty (the category is then guessed from the title).")
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        rows = -(-len(FIELD_LABELS) // _FIELD_COLUMNS)
        for n, (field, label) in enumerate(FIELD_LABELS.items()):
            row, column = n % rows, (n // rows) * 2
            text = QLabel(label + (" *" if field == "title" else ""))
            text.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            combo = QComboBox()
            combo.setObjectName(f"field_{field}")
            combo.setMinimumWidth(150)
            combo.currentIndexChanged.connect(lambda _i, f=field: self._field_changed(f))
            self.combos[field] = combo
            grid.addWidget(text, row, column)
            grid.addWidget(combo, row, column + 1)
        for column in range(_FIELD_COLUMNS):
            grid.setColumnStretch(column * 2 + 1, 1)
        layout.addLayout(grid)
        self.mapping_error = ErrorLabel()
        layout.addWidget(self.mapping_error)
        self.preview_heading = heading("Preview")
        layout.addWidget(self.preview_heading)
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.preview.setWordWrap(False)
        self.preview.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.preview, 1)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton("Cancel — import nothing")
        self.cancel_button.clicked.connect(self.reject)
        self.cancel_button.setAutoDefault(False)
        self.next_button = QPushButton("Check Rows ›")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.check_rows)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)
        return page

    def _show_table(self) -> None:
        """Fill the field combo boxes, the source line and the preview from ``table``."""
        table = self.table
        choices = [(f"{column_letter(i)}: {h or '(no header)'}", i) for i, h in enumerate(table.headers)]
        for field, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("— not imported —", None)
            for text, index in choices:
                combo.addItem(text, index)
            column = self.mapping.column(field)
            combo.setCurrentIndex(0 if column is None else column + 1)
            combo.blockSignals(False)
        rows = len(table.rows)
        how = f" · {table.details}" if table.details else ""
        self.source_label.setText(f"<b>{_html(self.path.name)}</b>"
                                  f"<span style='color:{style.TEXT_MUTED}'>{_html(how)} · "
                                  f"{rows:,} data row{'s' if rows != 1 else ''}</span>")
        shown = min(rows, PREVIEW_ROWS)
        self.preview_heading.setText(f"PREVIEW — FIRST {shown} OF {rows:,} ROWS" if rows > shown
                                     else "PREVIEW")
        self.preview.clear()
        self.preview.setColumnCount(len(table.headers))
        self.preview.setRowCount(shown)
        for r, row in enumerate(table.rows[:shown]):
            self.preview.setVerticalHeaderItem(r, QTableWidgetItem(str(row.number)))
            for c in range(len(table.headers)):
                self.preview.setItem(r, c, QTableWidgetItem(row.cell(c)))
        self._show_mapping()

    def _show_mapping(self) -> None:
        """Column headings say which field each column feeds; unused columns are greyed."""
        feeds: dict[int, str] = {}
        for field, index in self.mapping.mapped().items():
            feeds[index] = FIELD_LABELS[field]
        muted = QBrush(QColor("#94A3B8"))
        normal = QBrush(QColor(style.TEXT))
        for c, header in enumerate(self.table.headers):
            used = c in feeds
            item = QTableWidgetItem(f"{column_letter(c)}: {header or '(no header)'}\n"
                                    + (f"→ {feeds[c]}" if used else "not imported"))
            font = QFont(self.preview.font())
            font.setWeight(QFont.Weight.DemiBold if used else QFont.Weight.Normal)
            item.setFont(font)
            item.setForeground(normal if used else muted)
            self.preview.setHorizontalHeaderItem(c, item)
            for r in range(self.preview.rowCount()):
                cell = self.preview.item(r, c)
                if cell is not None:
                    cell.setForeground(normal if used else muted)
        self.preview.resizeColumnsToContents()
        header = self.preview.horizontalHeader()
        for c in range(self.preview.columnCount()):
            header.resizeSection(c, min(max(header.sectionSize(c), 90), 260))
        self.mapping_error.show_error("")

    def _field_changed(self, field: str) -> None:
        column = self.combos[field].currentData()
        self.mapping = self.mapping.with_column(field, column)
        if column is not None:  # a column feeds one field: take it from any other
            for other, combo in self.combos.items():
                if other != field and combo.currentData() == column:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
                    self.mapping = self.mapping.with_column(other, None)
        self._show_mapping()

    def _sheet_chosen(self, name: str) -> None:
        if not name or name == self.sheet_name:
            return
        try:
            table = self.read(self.path, name)
        except TdorgError as error:
            self.mapping_error.show_error(str(error))
            self.next_button.setEnabled(False)
            return
        self.table = table
        self.sheet_name = name
        self.mapping = guess_mapping(table.headers)
        self.next_button.setEnabled(True)
        self._show_table()

    def set_mapping(self, mapping: ColumnMapping) -> None:
        """Show ``mapping`` in the combo boxes (the user's choice, or a test's)."""
        self.mapping = mapping
        for field, combo in self.combos.items():
            column = mapping.column(field)
            combo.blockSignals(True)
            combo.setCurrentIndex(0 if column is None else column + 1)
            combo.blockSignals(False)
        self._show_mapping()

    def check_rows(self) -> bool:
        """Plan the import with the chosen columns and show page two; False when the columns do not fit."""
        try:
            self.plan = plan_import(self.table, self.mapping)
        except TdorgError as error:
            self.mapping_error.show_error(str(error))
            return False
        self._show_plan(self.plan)
        self.pages.setCurrentIndex(1)
        return True

    # --- page two: rows --------------------------------------------------------------

    def _rows_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() + 1.5)
        font.setWeight(QFont.Weight.DemiBold)
        self.summary.setFont(font)
        layout.addWidget(self.summary)
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
        self.destination = QGroupBox("Open the result")
        box = QGridLayout(self.destination)
        self.as_chart_radio = QRadioButton("As a new chart (unsaved)")
        self.as_chart_radio.setChecked(True)
        self.as_scenario_radio = QRadioButton()
        self.name_field = QLineEdit()
        self.name_field.setEnabled(False)
        self.as_scenario_radio.toggled.connect(self.name_field.setEnabled)
        self.name_field.textEdited.connect(lambda _t: (self.name_error.show_error(""),
                                                       mark_invalid(self.name_field, False)))
        self.name_error = ErrorLabel()
        box.addWidget(self.as_chart_radio, 0, 0, 1, 3)
        box.addWidget(self.as_scenario_radio, 1, 0)
        box.addWidget(QLabel("named"), 1, 1)
        box.addWidget(self.name_field, 1, 2)
        box.addWidget(self.name_error, 2, 0, 1, 3)
        box.setColumnStretch(2, 1)
        if self.target is not None:
            self.as_scenario_radio.setText(f"As a new scenario of this file, beside “{self.target.current}” "
                                           "(its district facts and rule settings are kept)")
            self.name_field.setText(self.target.suggested)
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
        self.summary.setText(plan.summary())
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
            try:
                self.scenario_name = self.target.check(self.name_field.text())
            except TdorgError as error:
                self.name_error.show_error(str(error))
                mark_invalid(self.name_field, True)
                return False
        self.choice = choice
        self.accept()
        return True


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
