"""The start dialog: New (blank), New from template, Open, recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..files.file_actions import template_entries
from ..widgets import style

_PATH = Qt.ItemDataRole.UserRole + 1


class StartDialog(QDialog):
    """Asks how to begin; ``choice`` is ("blank",), ("template", key), ("open",) or ("recent", path)."""

    def __init__(self, recent: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to tdorg")
        self.choice: tuple = ("blank",)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        title = QLabel("Design your technology department")
        font = QFont(style.ui_font())
        font.setPointSizeF(15)
        font.setWeight(QFont.Weight.DemiBold)
        title.setFont(font)
        layout.addWidget(title)
        sub = QLabel("Build the chart on the canvas; tdorg checks it against the K-12 technology-leadership "
                     "framework as you go.")
        sub.setProperty("role", "hint")
        sub.setWordWrap(True)
        layout.addWidget(sub)
        columns = QHBoxLayout()
        columns.setSpacing(18)
        layout.addLayout(columns, 1)

        start = QVBoxLayout()
        start.addWidget(self._heading("Start"))
        self.blank_button = QPushButton("New blank chart")
        self.open_button = QPushButton("Open a file…")
        for button in (self.blank_button, self.open_button):
            button.setMinimumHeight(34)
            start.addWidget(button)
        start.addStretch(1)
        columns.addLayout(start, 2)
        self.blank_button.clicked.connect(lambda: self._choose(("blank",)))
        self.open_button.clicked.connect(lambda: self._choose(("open",)))

        self.templates = self._list()
        for template in template_entries():
            icon = style.category_icon("it_leader" if template.kind == "size" else "superintendent")
            kind = "Starter" if template.kind == "size" else "Sample district"
            students = f" · {template.students:,} students" if template.students else ""
            item = QListWidgetItem(icon, f"{template.name}\n{kind}{students}")
            item.setData(_PATH, template.key)
            item.setToolTip(template.description)
            self.templates.addItem(item)
        self.templates.itemActivated.connect(lambda i: self._choose(("template", i.data(_PATH))))
        columns.addLayout(self._column("New from a template", self.templates, "Use template"), 3)

        self.recent = self._list()
        for entry in recent:
            path = Path(entry)
            item = QListWidgetItem(f"{path.name}\n{path.parent}")
            item.setData(_PATH, entry)
            item.setToolTip(entry)
            if not path.exists():
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setText(f"{path.name}\nmissing: {path.parent}")
            self.recent.addItem(item)
        if not recent:
            empty = QListWidgetItem("No recent files yet")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(empty)
        self.recent.itemActivated.connect(self._recent_chosen)
        columns.addLayout(self._column("Recent files", self.recent, "Open recent"), 3)
        self.resize(820, 420)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text.upper())
        label.setProperty("role", "heading")
        return label

    def _list(self) -> QListWidget:
        widget = QListWidget()
        widget.setIconSize(QSize(24, 24))
        widget.setSpacing(2)
        widget.setStyleSheet("QListWidget::item { padding: 6px; }")
        return widget

    def _column(self, title: str, widget: QListWidget, button_text: str) -> QVBoxLayout:
        column = QVBoxLayout()
        column.addWidget(self._heading(title))
        column.addWidget(widget, 1)
        button = QPushButton(button_text)
        button.setEnabled(False)
        widget.currentItemChanged.connect(lambda cur, _prev: button.setEnabled(
            cur is not None and bool(cur.flags() & Qt.ItemFlag.ItemIsEnabled)))
        button.clicked.connect(lambda: widget.currentItem() and widget.itemActivated.emit(widget.currentItem()))
        column.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
        return column

    def _recent_chosen(self, item: QListWidgetItem) -> None:
        if item.data(_PATH):
            self._choose(("recent", Path(item.data(_PATH))))

    def _choose(self, choice: tuple) -> None:
        self.choice = choice
        self.accept()
