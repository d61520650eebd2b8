"""Pieces the import and the update dialogs share: the two-page plan dialog, the summary line, a new scenario."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tdorg.model.errors import TdorgError

from ..widgets.fields import ErrorLabel, mark_invalid
from .import_columns import ColumnsPage

if TYPE_CHECKING:
    from tdorg.model.importing import Table


def summary_label(like: QWidget) -> QLabel:
    """A wrapped, slightly larger, semi-bold line for the result of a dialog's step."""
    label = QLabel()
    label.setWordWrap(True)
    font = QFont(like.font())
    font.setPointSizeF(font.pointSizeF() + 1.5)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label


def summary_page(like: QWidget) -> tuple[QWidget, QVBoxLayout, QLabel]:
    """A dialog's second page, its column layout and the summary line at its top."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(8)
    summary = summary_label(like)
    layout.addWidget(summary)
    return page, layout, summary


class PlanDialog(QDialog):
    """A dialog whose first page maps a sheet's columns and whose second shows what they give (the plan)."""

    def __init__(self, path: Path, table: "Table", read: Callable[[Path, str | None], "Table"],
                 next_page: Callable[[], bool], parent: QWidget | None = None) -> None:
        """Page one maps the columns of ``table`` (read from ``path``); its Next button runs ``next_page``."""
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.columns = ColumnsPage(path, table, read)
        self.columns.next_button.clicked.connect(next_page)
        self.columns.cancel_button.clicked.connect(self.reject)
        self.pages.addWidget(self.columns)
        self.plan: object | None = None

    def _show_plan(self, plan: object) -> None:  # pragma: no cover - each dialog's page two
        raise NotImplementedError

    def next_page(self, make_plan: Callable[[], object]) -> bool:
        """Plan with the chosen columns and show page two; False, with the reason under the mapping, when it fails."""
        try:
            plan = make_plan()
        except TdorgError as error:
            self.columns.mapping_error.show_error(str(error))
            return False
        self.plan = plan
        self._show_plan(plan)
        self.pages.setCurrentIndex(1)
        return True


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
