"""The properties panel: every field of the selected role, with typed widgets.

A value is committed when the user finishes with a field (Enter, leaving the
field, a click on a box or list); it reaches the chart only through an undo
command. When the model refuses it, its sentence appears in red under the
field and the chart is unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from tdorg.model.chart import Chart
from tdorg.model.errors import EditError
from tdorg.model.role import Role

from ..editing.editor import Editor
from ..widgets import style
from ..widgets.colour_scheme import on_scheme_change
from ..widgets.measured_label import MeasuredLabel
from .scroll_bars import fill_scroll_bars
from .form_sizing import FormSizing, HeightsKeptLayout

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFormLayout, QLineEdit

    from ..widgets.fields import ErrorLabel


def parse_cost(text: str) -> float | None:
    """"$85,000" or "85000.50" → a number; empty → None; raises ValueError otherwise."""
    cleaned = text.strip().replace("$", "").replace(",", "").replace(" ", "")
    if not cleaned:
        return None
    value = float(cleaned)
    return value


class PropertiesPanel(QScrollArea):
    """Shows and edits the selected role; a summary for several.

    Until a role is first shown the panel holds only its hint: the form (its
    fields, the several roles' summary) is made then, or when one of its parts
    is first asked for.
    """

    #: The user asked to select other roles (e.g. the manager).
    selectRequested = Signal(list)
    #: The several roles' summary's button: delete the selected roles.
    deleteRequested = Signal()

    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.chart: Chart | None = None
        self.role_id: str | None = None
        self._errors: dict[str, ErrorLabel] = {}
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body.setObjectName("propertiesBody")  # its look is in the application's style sheet
        self.setWidget(body)
        self._outer = HeightsKeptLayout(body)
        self._outer.setContentsMargins(14, 12, 14, 14)
        self._outer.setSpacing(6)
        self.empty = MeasuredLabel("Select a role on the canvas to see and edit its details.\n\n"
                                   "Drag a role type from the palette to add one.")
        self.empty.setProperty("role", "hint")
        self._outer.addWidget(self.empty)
        self._outer.addStretch(1)
        on_scheme_change(self._restyle)

    def __getattr__(self, name: str) -> object:
        """A part of the form (``title``, ``fte``, ``delete_button``…), the form made first if it is not yet."""
        if name not in _FORM_PARTS or "form_widget" in self.__dict__:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        self._make_form()
        return getattr(self, name)

    def _make_form(self) -> None:
        from ..widgets.fields import DocumentUndoKeys

        fill_scroll_bars(self)  # the form moves the panel's range as it comes and goes
        self.form_widget = QWidget()
        self.form_widget.hide()
        self._outer.insertWidget(1, self.form_widget)
        self._build(self.form_widget)
        self.delete_button.clicked.connect(self.deleteRequested)
        self.sizing = FormSizing(self, self.form_widget, self._sized_for)
        for field in self._typed_fields():
            DocumentUndoKeys(field, lambda f=field: self._undo_from(f), lambda f=field: self._redo_from(f))

    # --- building -----------------------------------------------------------

    def _row(self, form: QFormLayout, name: str, text: str, widget: QWidget) -> None:
        from ..widgets.fields import ErrorLabel, FunctionList

        box = QWidget()
        layout = HeightsKeptLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        error = ErrorLabel()
        layout.addWidget(error)
        self._errors[name] = error
        form.addRow(text, box) if text else form.addRow(box)
        # a screen reader names each field by its label (or, without one, by its heading)
        spoken = text or name.replace("_", " ").capitalize()
        widget.setAccessibleName(spoken)
        if text:
            form.labelForField(box).setBuddy(widget)
        if isinstance(widget, FunctionList):
            widget.list.setAccessibleName(spoken)
            widget.input.setAccessibleName(f"Add to {spoken}")

    def _form(self, parent_layout: QVBoxLayout) -> QFormLayout:
        from PySide6.QtWidgets import QFormLayout

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # in a narrow panel, a field under its label
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(6)
        parent_layout.addLayout(form)
        return form

    def _build(self, body: QWidget) -> None:
        from PySide6.QtGui import QFont
        from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QPushButton

        from tdorg.model.values import PERSON_MAX, TITLE_MAX
        from tdorg.model.vocab import CATEGORIES, CORE_SERVICES, EMPLOYMENT_TYPES, FLAGS, SERVICE_AREAS

        from ..widgets.fields import CheckGroup, DecimalBox, FunctionList, NotesEdit, heading, narrow
        from .role_lines import RoleLines

        layout = HeightsKeptLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        header = QHBoxLayout()
        self.icon = QLabel()
        self.icon.setFixedSize(28, 28)
        header.addWidget(self.icon)
        self.header = MeasuredLabel()
        font = QFont(style.ui_font())
        font.setPointSizeF(12)
        font.setWeight(QFont.Weight.DemiBold)
        self.header.setFont(font)
        header.addWidget(self.header, 1)
        layout.addLayout(header)
        self.id_label = QLabel()
        self.id_label.setProperty("role", "hint")
        self.id_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.id_label)
        self.summary = QWidget()
        summary = HeightsKeptLayout(self.summary)
        summary.setContentsMargins(0, 4, 0, 0)
        self.multi = MeasuredLabel()
        self.multi.setProperty("role", "hint")
        summary.addWidget(self.multi)
        self.delete_button = QPushButton("Delete selected roles")
        summary.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.summary)
        self.details = QWidget()
        layout.addWidget(self.details)
        layout = HeightsKeptLayout(self.details)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        layout.addWidget(heading("Position"))
        form = self._form(layout)
        self.title = QLineEdit()
        self.title.setMaxLength(TITLE_MAX)
        self.title.editingFinished.connect(lambda: self._commit("title", self.title.text(), "title"))
        self._row(form, "title", "Title", self.title)
        self.person = QLineEdit()
        self.person.setPlaceholderText("Name of the person, if filled")
        self.person.setMaxLength(PERSON_MAX)
        self.person.editingFinished.connect(self._commit_person)
        self._row(form, "person", "Person", self.person)
        self.vacant = QCheckBox("Position is vacant")
        self.vacant.toggled.connect(lambda on: self._commit("vacant", on, "vacancy"))
        self._row(form, "vacant", "", self.vacant)
        self.category = QComboBox()
        for key, text in CATEGORIES.items():
            self.category.addItem(style.category_icon(key), text, key)
        self.category.setMaxVisibleItems(len(CATEGORIES))
        narrow(self.category)
        self.category.activated.connect(lambda _i: self._commit("category", self.category.currentData(), "category"))
        self._row(form, "category", "Category", self.category)
        self.fte = DecimalBox()
        self.fte.setRange(0.05, 1.0)
        self.fte.setSingleStep(0.05)
        self.fte.setDecimals(2)
        self.fte.valueChanged.connect(lambda v: self._commit("fte", round(v, 2), "FTE"))
        self._row(form, "fte", "FTE", self.fte)
        self.fte.explain_in(self._errors["fte"], "FTE")
        self.employment = QComboBox()
        for key, text in EMPLOYMENT_TYPES.items():
            self.employment.addItem(text, key)
        self.employment.activated.connect(
            lambda _i: self._commit("employment", self.employment.currentData(), "employment")
        )
        narrow(self.employment)
        self._row(form, "employment", "Employment", self.employment)
        self.cost = QLineEdit()
        self.cost.setPlaceholderText("Not set")
        self.cost.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.cost.editingFinished.connect(self._commit_cost)
        self._row(form, "annual_cost", "Annual cost ($)", self.cost)

        layout.addWidget(heading("Lines"))
        self.lines = RoleLines(self.editor)
        self.lines.selectRequested.connect(self.selectRequested)
        layout.addWidget(self.lines)

        layout.addWidget(heading("Flags"))
        self.flags = CheckGroup(FLAGS)
        self.flags.changed.connect(lambda keys: self._commit("flags", frozenset(keys), "flags"))
        self._row(self._form(layout), "flags", "", self.flags)
        layout.addWidget(heading("Service areas"))
        self.service_areas = CheckGroup(SERVICE_AREAS)
        self.service_areas.changed.connect(lambda keys: self._commit("service_areas", keys, "service areas"))
        self._row(self._form(layout), "service_areas", "", self.service_areas)
        layout.addWidget(heading("Core services"))
        self.core_services = CheckGroup(CORE_SERVICES)
        self.core_services.changed.connect(lambda keys: self._commit("core_services", keys, "core services"))
        self._row(self._form(layout), "core_services", "", self.core_services)

        layout.addWidget(heading("Functions"))
        form = self._form(layout)
        self.leads = FunctionList()
        self.leads.changed.connect(lambda keys: self._commit("leads", keys, "functions led"))
        self._row(form, "leads", "Leads", self.leads)
        self.backs_up = FunctionList()
        self.backs_up.changed.connect(lambda keys: self._commit("backs_up", keys, "backups"))
        self._row(form, "backs_up", "Backs up", self.backs_up)

        layout.addWidget(heading("Notes"))
        self.notes = NotesEdit()
        self.notes.setPlaceholderText("Anything worth remembering about this position")
        self.notes.setFixedHeight(80)
        self.notes.committed.connect(lambda: self._commit("notes", self.notes.toPlainText(), "notes"))
        self._row(self._form(layout), "notes", "", self.notes)

        self.findings_heading = heading("Findings for this role")
        layout.addWidget(self.findings_heading)
        self.findings = MeasuredLabel(text_format=Qt.TextFormat.RichText)
        layout.addWidget(self.findings)

    # --- showing --------------------------------------------------------------

    def set_chart(self, chart: Chart | None) -> None:
        self.chart = chart
        self.show_roles([])

    def show_roles(self, role_ids: list[str]) -> None:
        """Show one role's fields, a summary for several, or a hint for none."""
        ids = [r for r in role_ids if self.chart is not None and r in self.chart]
        self.role_id = ids[0] if len(ids) == 1 else None
        if not ids:  # the form, if made, is hidden as it is: what it shows and its sizes are set before it shows again
            made = "form_widget" in self.__dict__
            if made:  # hidden before the hint shows, whose showing lays the body out: it would squeeze the form
                self.form_widget.hide()  # still in it, every part to be laid out again when the form shows
            self.empty.show()
            if made:
                self.sizing.settle()
            return
        self.empty.hide()
        from ..widgets.fields import mark_invalid

        appearing = self.form_widget.isHidden()  # filled while hidden, then shown: laid out once
        errors_shown = any(error.text() for error in self._errors.values())
        for error in self._errors.values():
            error.show_error("")
        for widget in (self.title, self.person, self.cost, self.fte):
            mark_invalid(widget, False)
        single = self.role_id is not None
        self.details.setVisible(single)
        self.id_label.setVisible(single)
        self.summary.setVisible(len(ids) > 1)
        if single:
            self._load(self.chart.role(self.role_id))  # type: ignore[union-attr]
        else:
            self._show_summary(ids)
        if appearing:  # laid out once the scroll area has sized the body for it, not first in the hint's size
            self._outer.setEnabled(False)
            self.form_widget.show()
            self._outer.setEnabled(True)
        self.sizing.fit_shown(kept=not errors_shown)  # a field's error taken away changed its size
        if appearing:
            self.sizing.settle()

    def _sized_for(self) -> tuple:
        """What the form shows that its parts' sizes depend on: which parts are shown, every wrapped text (the
        header, the summary, the lines, the findings) and the size the id's one line asks for."""
        return (self.details.isVisibleTo(self.form_widget), self.summary.isVisibleTo(self.form_widget),
                self.header.text(), self.id_label.sizeHint(), self.id_label.minimumSizeHint(), self.multi.text(),
                self.lines.shown(), self.findings.text())

    def _show_summary(self, ids: list[str]) -> None:
        assert self.chart is not None
        self.icon.clear()
        fte = sum(self.chart.role(r).fte for r in ids)
        vacant = sum(1 for r in ids if self.chart.role(r).vacant)
        self.header.setText(f"{len(ids)} roles selected")
        self.multi.setText(f"{fte:g} FTE in all, {vacant} vacant. Drag them onto a box to move them together, "
                           "or press Delete to remove them (their reports move up).")

    def _load(self, role: Role) -> bool:
        """Show ``role``'s fields; whether its lines (its manager's, reports' or dotted lines' titles) changed."""
        self.icon.setPixmap(style.category_icon(role.category).pixmap(28, 28))
        self.header.setText(role.title)
        self.id_label.setText(f"Role id: {role.id}")
        _set_text(self.title, role.title)
        _set_text(self.person, role.person)
        _block(self.vacant, lambda: self.vacant.setChecked(role.vacant))
        _block(self.category, lambda: self.category.setCurrentIndex(self.category.findData(role.category)))
        _block(self.fte, lambda: self.fte.setValue(role.fte))
        _block(self.employment, lambda: self.employment.setCurrentIndex(self.employment.findData(role.employment)))
        _set_text(self.cost, _cost_text(role))
        self.flags.set_keys(role.flags)
        self.service_areas.set_keys(role.service_areas)
        self.core_services.set_keys(role.core_services)
        self.leads.set_keys(role.leads)
        self.backs_up.set_keys(role.backs_up)
        if self.notes.toPlainText() != role.notes:
            _block(self.notes, lambda: self.notes.setPlainText(role.notes))
        assert self.chart is not None
        return self.lines.show_role(self.chart, role.id)

    def show_findings(self, html: str) -> None:
        """Findings naming the shown role (already formatted)."""
        if self.chart is None or self.role_id not in self.chart:  # deleted: the hint comes next, the parts keep their sizes
            self.sizing.fit(self.form_widget)
            return
        text = html or f"<span style='color:{style.TEXT_MUTED}'>No findings name this role.</span>"
        if text != self.findings.text():
            self.findings.setText(text)
            self.sizing.fit(self.findings)
            self.sizing.settle()

    def refresh(self, touched: list[str]) -> None:
        """Reload after chart changes (undo, redo, edits elsewhere)."""
        if self.chart is None:
            return
        if self.role_id is not None and self.role_id not in self.chart:
            self.show_roles([])
        elif self.role_id is not None:
            lines_changed = self._load(self.chart.role(self.role_id))
            if self.role_id in touched:
                self.sizing.fit()
            elif lines_changed:  # else nothing the form shows changed its size
                self.sizing.fit(self.lines)

    def _restyle(self) -> None:
        """The shown role again, its links in the colours of the scheme now in use."""
        self.refresh([])

    def focus_title(self) -> None:
        if self.role_id is not None:
            self.title.setFocus()
            self.title.selectAll()

    # --- Undo and Redo keys in a field ------------------------------------------------

    def _typed_fields(self) -> dict[QWidget, object]:
        """The fields a person types into, each with the function reading the text typed there."""
        return {self.title: self.title.text, self.person: self.person.text, self.cost: self.cost.text,
                self.fte: self.fte.cleanText, self.notes: self.notes.toPlainText,
                self.leads.input: self.leads.input.text, self.backs_up.input: self.backs_up.input.text}

    def _typing_in(self, field: QWidget) -> bool:
        """Whether ``field`` holds typing the shown role does not have yet (not committed, or refused)."""
        if self.chart is None or self.role_id not in self.chart:
            return False
        role = self.chart.role(self.role_id)
        committed = {self.title: role.title, self.person: role.person, self.cost: _cost_text(role),
                     self.fte: self.fte.textFromValue(role.fte), self.notes: role.notes}.get(field, "")
        return self._typed_fields()[field]() != committed

    def _undo_from(self, field: QWidget) -> None:
        """Undo in a field: typing not yet committed is dropped; else the document's last step is undone."""
        if self._typing_in(field):
            self.show_roles([self.role_id] if self.role_id else [])
        else:
            self.editor.stack.undo()

    def _redo_from(self, field: QWidget) -> None:
        """Redo in a field: typing not yet committed is dropped, then the document's next step is redone."""
        if self._typing_in(field):
            self.show_roles([self.role_id] if self.role_id else [])
        self.editor.stack.redo()

    # --- committing -------------------------------------------------------------

    def _commit(self, name: str, value: object, what: str, extra: dict[str, object] | None = None) -> bool:
        from ..widgets.fields import mark_invalid

        if self.chart is None or self.role_id is None or self.role_id not in self.chart:
            return False
        role = self.chart.role(self.role_id)
        changes = {name: value, **(extra or {})}
        widget = {"title": self.title, "person": self.person, "annual_cost": self.cost, "fte": self.fte}.get(name)
        if all(getattr(role, k) == v for k, v in changes.items()):
            self._errors[name].show_error("")
            if widget is not None:
                mark_invalid(widget, False)
            return True
        try:
            self.editor.update(self.role_id, changes, what)
        except EditError as error:
            self._errors[name].show_error(str(error))
            if widget is not None:
                mark_invalid(widget, True)
            return False
        self._errors[name].show_error("")
        if widget is not None:
            mark_invalid(widget, False)
        return True

    def _commit_person(self) -> None:
        text = self.person.text().strip()
        role = self.chart.role(self.role_id) if self.chart and self.role_id in self.chart else None
        extra = {"vacant": False} if role is not None and text and role.vacant and not role.person else None
        self._commit("person", text, "person", extra)

    def _commit_cost(self) -> None:
        from ..widgets.fields import mark_invalid

        try:
            value = parse_cost(self.cost.text())
        except ValueError:
            self._errors["annual_cost"].show_error(
                f"Annual cost must be a number of dollars, such as 85,000; got “{self.cost.text().strip()}”."
            )
            mark_invalid(self.cost, True)
            return
        self._commit("annual_cost", value, "annual cost")


#: What the form holds (made with it, see PropertiesPanel.__getattr__).
_FORM_PARTS = frozenset((
    "form_widget", "icon", "header", "id_label", "summary", "multi", "delete_button", "details", "title", "person",
    "vacant", "category", "fte", "employment", "cost", "lines", "flags", "service_areas", "core_services", "leads",
    "backs_up", "notes", "findings_heading", "findings", "sizing"))


def _cost_text(role: Role) -> str:
    return "" if role.annual_cost is None else f"{role.annual_cost:,.0f}"


def _block(widget: QWidget, action) -> None:  # noqa: ANN001 - callable
    widget.blockSignals(True)
    try:
        action()
    finally:
        widget.blockSignals(False)


def _set_text(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:
        _block(edit, lambda: edit.setText(text))
        edit.setCursorPosition(0)
