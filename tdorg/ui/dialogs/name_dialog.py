"""A small dialog asking for a name, with the refusal explained under the field."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout, QLineEdit, QVBoxLayout, QWidget

from tdorg.model.errors import TdorgError

from ..widgets.fields import ErrorLabel, mark_invalid


class NameDialog(QDialog):
    """Asks for a name; ``check`` returns the cleaned name or raises ``TdorgError`` with the reason."""

    def __init__(self, title: str, prompt: str, text: str, check: Callable[[str], str], ok_text: str = "OK",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.check = check
        self.name = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(8)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.field = QLineEdit(text)
        self.field.selectAll()
        self.field.textEdited.connect(lambda _text: self._clear_error())
        layout.addWidget(self.field)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addSpacing(4)
        layout.addWidget(buttons)
        label.setMinimumWidth(400)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # grows to show an error

    def _clear_error(self) -> None:
        self.error.show_error("")
        mark_invalid(self.field, False)

    def accept(self) -> None:
        try:
            self.name = self.check(self.field.text())
        except TdorgError as error:
            self.error.show_error(str(error))
            mark_invalid(self.field, True)
            return
        super().accept()


def ask_name(parent: QWidget, title: str, prompt: str, text: str, check: Callable[[str], str],
             ok_text: str = "OK") -> str | None:
    """The checked name the user typed, or None when they cancelled."""
    dialog = NameDialog(title, prompt, text, check, ok_text, parent)
    return dialog.name if dialog.exec() else None
