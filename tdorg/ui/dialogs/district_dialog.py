"""The district-facts dialog: the figures the staffing rules read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tdorg.model.district import Buildings, District
from tdorg.model.errors import EditError, FieldValueError
from tdorg.model.privacy_laws import state_law, state_law_text
from tdorg.model.values import BUILDINGS_MAX, COUNT_MAX, NAME_MAX

from ..editing.editor import Editor
from ..widgets.fields import ErrorLabel, NumberBox, mark_invalid

_UNKNOWN = -1


class CountBox(NumberBox):
    """A whole number or "Unknown" (shown when the box is at its minimum)."""

    def __init__(self, maximum: int = COUNT_MAX, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(_UNKNOWN, maximum)
        self.setSpecialValueText("Unknown")
        self.setGroupSeparatorShown(True)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(120)

    def explain(self, label: ErrorLabel, what: str) -> None:
        """A refused figure is explained in ``label``, which clears once a figure is taken."""
        self.explain_in(label, what, least=0)
        self.valueChanged.connect(lambda _v: label.show_error(""))

    def set_count(self, value: int | None) -> None:
        self.setValue(_UNKNOWN if value is None else value)

    def count(self) -> int | None:
        return None if self.value() == _UNKNOWN else self.value()


class DistrictDialog(QDialog):
    """Edits the district facts as one undo step; refused values are explained in place."""

    def __init__(self, district: District, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("District Facts")
        self.editor = editor
        self.original = district
        self.errors: dict[str, ErrorLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        intro = QLabel("The staffing ratios and several rules read these figures. Leave a figure "
                       "as “Unknown” when you do not have it; the ratios that need it are skipped.")
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        layout.addWidget(intro)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(form)
        self.name = QLineEdit(district.name)
        self.state = QLineEdit(district.state)
        self.name.setMaxLength(NAME_MAX)
        self.state.setMaxLength(2)
        self.state.setPlaceholderText("e.g. WI")
        self.state.setFixedWidth(60)
        self.counts: dict[str, CountBox] = {}
        self._row(form, "name", "District name", self.name)
        self._row(form, "state", "State", self.state)
        for name, text in (("students", "Students"), ("teachers", "Teachers"), ("staff", "All staff"),
                           ("devices", "Devices")):
            box = CountBox()
            box.set_count(getattr(district, name))
            self.counts[name] = box
            self._row(form, name, text, box)
            box.explain(self.errors[name], text)
        self.grades = QLineEdit(district.one_to_one_grades)
        self.grades.setMaxLength(NAME_MAX)
        self.grades.setPlaceholderText("e.g. 4-12")
        self._row(form, "one_to_one_grades", "1:1 grades", self.grades)
        self.erate = QComboBox()
        for text, value in (("Unknown", None), ("Yes", True), ("No", False)):
            self.erate.addItem(text, value)
        self.erate.setCurrentIndex([None, True, False].index(district.erate))
        self._row(form, "erate", "Takes E-rate", self.erate)
        self.privacy = QComboBox()
        for text, value in (("As the state's law says", None), ("Required", True), ("Not required", False)):
            self.privacy.addItem(text, value)
        self.privacy.setCurrentIndex([None, True, False].index(district.privacy_officer_required))
        self.state.textChanged.connect(self._show_privacy_law)
        self._show_privacy_law(district.state)
        self._row(form, "privacy_officer_required", "Named privacy officer", self.privacy)

        group = QGroupBox("Buildings")
        grid = QGridLayout(group)
        self.buildings: dict[str, CountBox] = {}
        levels = (("elementary", "Elementary"), ("middle", "Middle"), ("high", "High"), ("other", "Other"),
                  ("total", "Total (only if no split is known)"))
        for row, (name, text) in enumerate(levels):
            box = CountBox(BUILDINGS_MAX)
            box.set_count(getattr(district.buildings, name))
            self.buildings[name] = box
            grid.addWidget(QLabel(text), row * 2, 0, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(box, row * 2, 1)
            error = ErrorLabel()
            self.errors[f"buildings.{name}"] = error
            box.explain(error, f"The number of {name} buildings")
            grid.addWidget(error, row * 2 + 1, 0, 1, 2)
        self.errors["buildings"] = ErrorLabel()  # the buildings against the students
        grid.addWidget(self.errors["buildings"], len(levels) * 2, 0, 1, 2)
        layout.addWidget(group)
        self.general_error = ErrorLabel()
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _row(self, form: QFormLayout, name: str, text: str, widget: QWidget) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft if isinstance(widget, QSpinBox) else Qt.AlignmentFlag(0))
        error = ErrorLabel()
        column.addWidget(error)
        self.errors[name] = error
        form.addRow(text, box)

    def _show_privacy_law(self, state: str) -> None:
        """The first choice says what the state's law asks; the tooltip cites the law."""
        verdict = "required" if state_law(state) is not None else "not required"
        self.privacy.setItemText(0, f"As the state's law says ({verdict})")
        self.privacy.setToolTip(
            "Whether the district must name a student-data privacy officer: PRV-1 is then an error, and a vacant "
            "officer does not count.\n" + state_law_text(state)
        )

    def district(self) -> District:
        """The facts as entered (not yet checked)."""
        return District(
            name=self.name.text().strip(),
            state=self.state.text().strip().upper(),
            students=self.counts["students"].count(),
            teachers=self.counts["teachers"].count(),
            staff=self.counts["staff"].count(),
            devices=self.counts["devices"].count(),
            buildings=Buildings(**{k: b.count() for k, b in self.buildings.items()}),
            one_to_one_grades=self.grades.text().strip(),
            erate=self.erate.currentData(),
            privacy_officer_required=self.privacy.currentData(),
        )

    def accept(self) -> None:
        if any([box.take_refusal() for box in (*self.counts.values(), *self.buildings.values())]):
            return  # Enter on a refused figure: its reason stays in view; OK again keeps the figure shown
        for error in self.errors.values():
            error.show_error("")
        self.general_error.show_error("")
        for edit in (self.state, self.grades):
            mark_invalid(edit, False)
        district = self.district()
        try:
            district.check()
        except FieldValueError as error:
            self._show_problem(error)
            return
        problems = district.disagreements()  # every one at once, each beside its field
        for problem in problems:
            self._show_problem(problem)
        if problems:
            return
        try:
            if district != self.original:
                self.editor.set_district(district)
        except EditError as error:
            self.general_error.show_error(str(error))
            return
        super().accept()

    def _show_problem(self, error: FieldValueError) -> None:
        """``error``'s sentence beside its field; the dialog grows to show it whole."""
        self.errors.get(error.field, self.general_error).show_error(str(error))
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))
        edit = {"state": self.state, "one_to_one_grades": self.grades}.get(error.field)
        if edit is not None:
            mark_invalid(edit, True)
