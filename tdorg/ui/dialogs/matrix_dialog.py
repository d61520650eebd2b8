"""Chart › Responsibility Matrix…: who leads and who backs up each function, kept current as the chart changes.

Rows are functions, columns people (a vacant position has its own column);
unowned and single-person functions are named so in their row headings as
well as tinted, and the last rows give each person's load. Clicking a cell
selects and centres its role on the canvas; a column or row heading selects
all of its roles.
"""

from __future__ import annotations

import textwrap
from functools import lru_cache
from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from tdorg.model.chart import Chart
from tdorg.model.matrix import BACKUP_MARK, BOTH_MARK, LEAD_MARK, LOAD_ROWS, Column, Matrix, responsibility_matrix

from ..widgets import style

#: Column headings wrap at about this many characters.
HEADING_WIDTH = 18
_MARK_WORDS = {LEAD_MARK: "leads", BACKUP_MARK: "backs up", BOTH_MARK: "leads and backs up"}
_Index = QModelIndex | QPersistentModelIndex


class MatrixModel(QAbstractTableModel):
    """Columns are the matrix's people; rows its functions, then the load rows.

    A marked function says so in its row heading ("Servers — unowned") and
    its row is tinted, so the mark shows however far the table is scrolled.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix = Matrix((), ())
        self.chart = Chart()
        self.headings: list[str] = []

    def set_matrix(self, matrix: Matrix, chart: Chart) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.chart = chart
        self.headings = [_heading(c) for c in matrix.columns]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.matrix.rows) + len(LOAD_ROWS)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.columns)

    def is_load_row(self, row: int) -> bool:
        return row >= len(self.matrix.rows)

    def roles_at(self, row: int, column: int) -> list[str]:
        """The roles a click on a cell selects: the cell's, or the column's on a load row."""
        if self.is_load_row(row):
            return self.roles_of_column(column)
        cell = self.matrix.rows[row].cells.get(column)
        return [] if cell is None else [cell.role_id]

    def roles_of_row(self, row: int) -> list[str]:
        if self.is_load_row(row):
            return []
        cells = self.matrix.rows[row].cells.values()
        return list(dict.fromkeys(i for cell in cells for i in cell.leads + cell.backups))

    def roles_of_column(self, column: int) -> list[str]:
        return list(self.matrix.columns[column].role_ids)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        person = self.matrix.columns[column]
        if self.is_load_row(row):
            return self._load_data(row - len(self.matrix.rows), person, role)
        function = self.matrix.rows[row]
        cell = function.cells.get(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if cell is None else cell.mark
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and cell is not None and cell.leads:
            return _bold()
        if role == Qt.ItemDataRole.ToolTipRole and cell is not None:
            roles = self.chart.roles
            titles = "; ".join(roles[i].title for i in cell.leads + cell.backups if i in roles)
            return f"{person.label} {_MARK_WORDS[cell.mark]} {function.label.lower()} ({titles})"
        if role == Qt.ItemDataRole.BackgroundRole:
            colours = style.MATRIX_STATUS_COLOURS.get(function.status)
            if colours:
                return QBrush(QColor(colours[1]))
            return QBrush(QColor(style.VACANT_FILL)) if person.vacant else None
        return None

    def _load_data(self, n: int, person: Column, role: int) -> object:
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(style.MATRIX_LOAD_FILL))
        if role == Qt.ItemDataRole.DisplayRole:
            return LOAD_ROWS[n][1](person)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal:
            return self._column_header(section, role)
        if self.is_load_row(section):
            if role == Qt.ItemDataRole.DisplayRole:
                return LOAD_ROWS[section - len(self.matrix.rows)][0]
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(style.TEXT_MUTED))
            return None
        function = self.matrix.rows[section]
        marked = function.status in style.MATRIX_STATUS_COLOURS
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{function.label} — {function.status_label.lower()}" if marked else function.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return function.note or f"{function.label} has a lead and a backup who is another person."
        if role == Qt.ItemDataRole.ForegroundRole and marked:
            return QBrush(QColor(style.MATRIX_STATUS_COLOURS[function.status][0]))
        if role == Qt.ItemDataRole.FontRole and marked:
            return _bold()
        return None

    def _column_header(self, section: int, role: int) -> object:
        person = self.matrix.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headings[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{person.label}: {person.detail}"
        if role == Qt.ItemDataRole.ForegroundRole and person.vacant:
            return QBrush(QColor(style.VACANT_BORDER))
        return None


def _heading(column: Column) -> str:
    """A column's heading in lines of about :data:`HEADING_WIDTH` characters; a vacancy says so."""
    text = _wrapped(column.heading)
    return f"{text}\n(vacant)" if column.vacant else text


@lru_cache(maxsize=16_384)
def _wrapped(text: str) -> str:
    """``text`` in lines of about :data:`HEADING_WIDTH` characters; remembered, as most headings
    stay from one refresh to the next."""
    return textwrap.fill(text, HEADING_WIDTH, break_long_words=False) if len(text) > HEADING_WIDTH else text


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class MatrixDialog(QDialog):
    """A window beside the editor showing one chart's matrix; ``select_roles`` selects and centres roles."""

    def __init__(self, select_roles: Callable[[list[str]], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Responsibility Matrix")
        self.setObjectName("matrixDialog")
        self.setWindowFlag(Qt.WindowType.Tool, True)
        self.select_roles = select_roles
        self.chart: Chart | None = None
        self._shown: tuple[Chart | None, int] = (None, -1)  # the chart and revision on screen
        self._widths: dict[str, int] = {}  # heading lines measured in the header's font
        unsubscribes: list[Callable[[], None]] = []
        self._unsubscribes = unsubscribes
        # the window may go with the editor without being hidden: stop observing the chart then too
        self.destroyed.connect(lambda *_: [unsubscribe() for unsubscribe in list(unsubscribes)])
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = MatrixModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._clicked)  # Enter on the current cell, too
        self.table.horizontalHeader().sectionClicked.connect(lambda c: self._select(self.model.roles_of_column(c)))
        self.table.verticalHeader().sectionClicked.connect(lambda r: self._select(self.model.roles_of_row(r)))
        legend = QLabel("L lead · B backup · L/B both. Click a cell to show its role on the chart, "
                        "a heading to show all of its roles.")
        legend.setStyleSheet(f"color: {style.TEXT_MUTED}")
        legend.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(legend)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        self.resize(900, 520)

    def set_chart(self, chart: Chart | None) -> None:
        """Show ``chart``'s matrix from now on, following its edits while the window is open."""
        if chart is self.chart:
            return
        self.chart = chart
        if self.isVisible():
            self._follow()
            self.refresh()

    def _follow(self) -> None:
        """Observe the shown chart: a burst of edits refreshes the matrix once, when it pauses."""
        self._forget()
        if self.chart is not None:
            self._unsubscribes.append(self.chart.subscribe(lambda _change: self._timer.start()))

    def _forget(self) -> None:
        for unsubscribe in self._unsubscribes:
            unsubscribe()
        self._unsubscribes.clear()

    def showEvent(self, event) -> None:  # noqa: ANN001
        super().showEvent(event)
        self._follow()
        chart = self.chart
        if self._shown != (chart, chart.revision if chart is not None else -1):
            self.refresh()

    def hideEvent(self, event) -> None:  # noqa: ANN001
        self._forget()
        self._timer.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        chart = self.chart
        matrix = responsibility_matrix(chart) if chart is not None else Matrix((), ())
        self.model.set_matrix(matrix, chart if chart is not None else Chart())
        self.summary.setText(matrix.summary())
        self._size_columns()
        self._shown = (chart, chart.revision if chart is not None else -1)

    def _size_columns(self) -> None:
        """Each column as wide as its heading's longest line (measuring every cell would be slow on big charts)."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        padding = 2 * metrics.horizontalAdvance("M")
        widths = self._widths  # many headings share a line ("(vacant)", a common title), and stay between refreshes

        def width(line: str) -> int:
            known = widths.get(line)
            if known is None:
                known = widths[line] = metrics.horizontalAdvance(line)
            return known

        for column, heading in enumerate(self.model.headings):
            header.resizeSection(column, max(width(line) for line in [*heading.split("\n"), "L/B"]) + padding)

    def _clicked(self, index: QModelIndex) -> None:
        self._select(self.model.roles_at(index.row(), index.column()))

    def _select(self, role_ids: list[str]) -> None:
        chart = self.chart
        known = [i for i in role_ids if chart is not None and i in chart]  # a role deleted a moment ago
        if known:
            self.select_roles(known)


__all__ = ["MatrixDialog", "MatrixModel"]
