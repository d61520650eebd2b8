"""Pieces the import and the update dialogs share: the summary line and the choice of a new scenario."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QLineEdit, QRadioButton, QWidget

from tdorg.model.errors import TdorgError

from ..widgets.fields import ErrorLabel, mark_invalid


def summary_label(like: QWidget) -> QLabel:
    """A wrapped, slightly larger, semi-bold line for the result of a dialog's step."""
    label = QLabel()
    label.setWordWrap(True)
    font = QFont(like.font())
    font.setPointSizeF(font.pointSizeF() + 1.5)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label


class ScenarioChoice(QGroupBox):
    """Two destinations: the first one, or a new scenario named in a field (checked with the document's rule)."""

    def __init__(self, title: str, first: str, suggested: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        box = QGridLayout(self)
        self.first_radio = QRadioButton(first)
        self.first_radio.setChecked(True)
        self.scenario_radio = QRadioButton()
        self.name_field = QLineEdit(suggested)
        self.name_field.setEnabled(False)
        self.scenario_radio.toggled.connect(self.name_field.setEnabled)
        self.name_field.textEdited.connect(lambda _t: self._show_error(""))
        self.name_error = ErrorLabel()
        box.addWidget(self.first_radio, 0, 0, 1, 3)
        box.addWidget(self.scenario_radio, 1, 0)
        box.addWidget(QLabel("named"), 1, 1)
        box.addWidget(self.name_field, 1, 2)
        box.addWidget(self.name_error, 2, 0, 1, 3)
        box.setColumnStretch(2, 1)

    def _show_error(self, text: str) -> None:
        self.name_error.show_error(text)
        mark_invalid(self.name_field, bool(text))

    def checked_name(self, check) -> str | None:
        """The new scenario's name as ``check`` cleans it, or ``None`` with the refusal shown under the field."""
        try:
            return check(self.name_field.text())
        except TdorgError as error:
            self._show_error(str(error))
            return None
