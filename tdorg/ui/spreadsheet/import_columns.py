"""The import's first step: which column feeds each role field, the sheet, and a preview.

One combo box per role field shows the column tdorg recognised (or "not
imported"); a column feeds one field at most. A workbook's sheets are offered
in a combo box; the rows above the header row (a title, notes) are named, and
the first rows of the sheet are shown, each column headed by the field it feeds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tdorg.model.errors import TdorgError
from tdorg.model.importing import FIELD_LABELS, Table, guess_mapping

from ..widgets import style
from ..widgets.fields import ErrorLabel, heading
from ..widgets.rich_text import escape

PREVIEW_ROWS = 8
_FIELD_COLUMNS = 3  # the field combo boxes are laid out in this many columns


def column_letter(index: int) -> str:
    """A spreadsheet column's letters: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class ColumnsPage(QWidget):
    """The column mapping of one sheet, with its preview; ``mapping`` is the user's current choice."""

    def __init__(self, path: Path, table: Table, read: Callable[[Path, str | None], Table],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.table = table
        self.read = read
        self.mapping = guess_mapping(table.headers)
        self.sheet_name = table.sheet_names[0] if table.sheet_names else None
        self.combos: dict[str, QComboBox] = {}
        self._build()
        self._show_table()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
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
        self.above_label = QLabel()
        self.above_label.setObjectName("above_header")
        self.above_label.setProperty("role", "hint")
        self.above_label.setWordWrap(True)
        layout.addWidget(self.above_label)
        layout.addWidget(heading("Columns"))
        self.hint = QLabel("tdorg matched the columns it recognised. Fix any field below; a field left "
                           "“not imported” stays empty (the category is then guessed from the title).")
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
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
        self.cancel_button.setAutoDefault(False)
        self.next_button = QPushButton("Check Rows ›")
        self.next_button.setDefault(True)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)

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
        self.source_label.setText(f"<b>{escape(self.path.name)}</b>"
                                  f"<span style='color:{style.TEXT_MUTED}'>{escape(how)} · "
                                  f"{rows:,} data row{'s' if rows != 1 else ''}</span>")
        self.above_label.setText(above_header_text(table))
        self.above_label.setVisible(bool(table.above_header))
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
        muted = QBrush(QColor(style.TEXT_MUTED))
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


def above_header_text(table: Table) -> str:
    """The rows above the header row, which are not imported, as the user sees them."""
    if not table.above_header:
        return ""
    lines = [" · ".join(c for c in row.cells if c)[:120] for row in table.above_header[:4]]
    numbers = ", ".join(str(r.number) for r in table.above_header)
    more = " …" if len(table.above_header) > 4 else ""
    return (f"The header is row {table.header_row}; the row{'s' if len(table.above_header) != 1 else ''} above it "
            f"({numbers}) {'are' if len(table.above_header) != 1 else 'is'} not imported: "
            + " | ".join(f"“{line}”" for line in lines) + more)

