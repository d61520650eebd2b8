"""Chart › Rules…: every rule of the framework, its thresholds, and switching a rule off.

Thresholds show their default; a changed one is highlighted and can be reset.
Switching a rule off needs a reason, which is kept in the file and listed
under the findings. OK applies every change as one undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tdorg.model.edit_texts import settings_change_text
from tdorg.model.edits import SetSettings
from tdorg.model.errors import TdorgError
from tdorg.model.rules import RULES, Rule, Severity
from tdorg.model.rules.base import Bounds
from tdorg.model.rules.threshold_text import number_text, param_label
from tdorg.model.settings import RuleSettings

from ..widgets import style
from ..widgets.fields import DecimalBox, ErrorLabel, NumberBox, mark_invalid
from ..widgets.rich_text import escape

if TYPE_CHECKING:
    from ..editing.editor import Editor
    from ..editing.scenario_sessions import ScenarioSessions



class RuleRow(QFrame):
    """One rule: id, title, severity, source, its thresholds and the switch-off box."""

    def __init__(self, rule: Rule, settings: RuleSettings) -> None:
        super().__init__()
        self.rule = rule
        self.setObjectName("ruleRow")
        self.setStyleSheet(f"QFrame#ruleRow {{ border-bottom: 1px solid {style.RULE}; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 10)
        layout.setSpacing(4)
        top = QHBoxLayout()
        colour = style.SEVERITY_COLOURS[rule.severity]
        self.title = QLabel(f"<b>{rule.id}</b>&nbsp;&nbsp;{escape(rule.title)}&nbsp;&nbsp;"
                            f"<span style='color:{colour}; font-weight:600'>{rule.severity.label}</span>")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(self.title, 1)
        self.off = QCheckBox("Switch off")
        self.off.setToolTip("Leave this rule out of the findings; say why below (the reason is kept in the file)")
        top.addWidget(self.off)
        layout.addLayout(top)
        source = QLabel(rule.source)
        source.setProperty("role", "hint")
        source.setWordWrap(True)
        layout.addWidget(source)
        self.spins: dict[str, NumberBox | DecimalBox] = {}
        self.defaults: dict[str, QLabel] = {}
        self.initial: dict[str, float] = {}
        self.reset = QPushButton("Reset to default" if len(rule.params) == 1 else "Reset to defaults")
        self.reset.clicked.connect(self.reset_thresholds)
        if rule.params:
            grid = QGridLayout()
            grid.setContentsMargins(0, 4, 0, 0)
            grid.setHorizontalSpacing(10)
            for row, (name, default) in enumerate(rule.params.items()):
                spin = self._spin(default, rule.ranges[name])
                spin.setObjectName(f"{rule.id}.{name}")
                self.spins[name] = spin
                value = settings.threshold(rule.id, name, default)
                spin.setValue(value)  # type: ignore[attr-defined]
                self.initial[name] = spin.value()  # type: ignore[attr-defined]
                spin.valueChanged.connect(lambda _v: self._show_overrides())  # type: ignore[attr-defined]
                label = QLabel(param_label(name))
                label.setMinimumWidth(300)
                grid.addWidget(label, row, 0)
                grid.addWidget(spin, row, 1)
                hint = QLabel()
                hint.setMinimumWidth(170)
                self.defaults[name] = hint
                grid.addWidget(hint, row, 2)
            grid.addWidget(self.reset, 0, 3)
            grid.setColumnStretch(4, 1)
            layout.addLayout(grid)
        self.reason = QLineEdit(settings.disabled.get(rule.id, ""))
        self.reason.setPlaceholderText("Why this rule does not apply to the district (required)")
        self.reason.textEdited.connect(lambda _t: self.show_error(""))
        self.reason_label = QLabel("Reason")
        reason_row = QHBoxLayout()
        reason_row.addWidget(self.reason_label)
        reason_row.addWidget(self.reason, 1)
        layout.addLayout(reason_row)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        for name, spin in self.spins.items():
            spin.explain_in(self.error, param_label(name))
        self.off.setChecked(settings.is_disabled(rule.id))
        self.off.toggled.connect(self._show_switch)
        self._show_switch()
        self._show_overrides()

    @staticmethod
    def _spin(default: float, bounds: Bounds) -> NumberBox | DecimalBox:
        spin: NumberBox | DecimalBox
        if bounds.whole:
            spin = NumberBox()
            spin.setRange(int(bounds.low), int(bounds.high))
        else:
            spin = DecimalBox()
            spin.setDecimals(0 if default >= 100 and float(default).is_integer() else 2)
            spin.setRange(bounds.low, bounds.high)
            spin.setSingleStep(0.5 if default < 10 else 50.0)
        spin.setGroupSeparatorShown(True)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        spin.setMinimumWidth(110)
        return spin

    def overridden(self) -> list[str]:
        return [n for n, spin in self.spins.items() if spin.value() != self.rule.params[n]]  # type: ignore[attr-defined]

    def _show_overrides(self) -> None:
        changed = set(self.overridden())
        for name, spin in self.spins.items():
            default = number_text(self.rule.params[name])
            palette = QPalette(self.palette())
            if name in changed:
                palette.setColor(QPalette.ColorRole.Base, QColor(style.MARK_COLOURS["changed"][1]))
            spin.setPalette(palette)
            spin.setToolTip(f"Changed from the default {default}" if name in changed else "")
            hint = self.defaults[name]
            if name in changed:
                hint.setText(f"<span style='color:{style.SEVERITY_COLOURS[Severity.WARNING]}; font-weight:600'>"
                             f"changed</span> · default {default}")
            else:
                hint.setText(f"<span style='color:{style.TEXT_MUTED}'>default {default}</span>")
        self.reset.setEnabled(bool(changed))

    def reset_thresholds(self) -> None:
        for name, spin in self.spins.items():
            spin.setValue(self.rule.params[name])  # type: ignore[attr-defined]

    def _show_switch(self) -> None:
        off = self.off.isChecked()
        self.reason.setVisible(off)
        self.reason_label.setVisible(off)
        for spin in self.spins.values():
            spin.setEnabled(not off)
        font = QFont(self.title.font())
        font.setStrikeOut(off)
        self.title.setFont(font)
        if not off:
            self.show_error("")

    def show_error(self, message: str) -> None:
        self.error.show_error(message)
        mark_invalid(self.reason, bool(message))

    def apply(self, settings: RuleSettings) -> RuleSettings:
        """``settings`` with this row's thresholds and switch; raises ``TdorgError`` without a reason."""
        for name, spin in self.spins.items():
            value = spin.value()  # type: ignore[attr-defined]
            if value == self.initial[name]:
                continue  # untouched: keep the stored value exactly, even one the box rounds
            if value == self.rule.params[name]:
                settings = settings.without_threshold(self.rule.id, name)
            else:
                settings = settings.with_threshold(self.rule.id, name, value)
        if self.off.isChecked():
            return settings.disable(self.rule.id, self.reason.text())
        return settings.enable(self.rule.id)


class RulesDialog(QDialog):
    """The rules as the shown scenario applies them; OK makes one undoable change."""

    def __init__(self, settings: RuleSettings, editor: "Editor", scenario: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Rules")
        self.original = settings
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        where = f" in the scenario “{scenario}”" if scenario else ""
        self.intro = QLabel(f"The framework's rules as tdorg applies them{where}. Change a threshold to suit the "
                            "district, or switch a rule off with the reason why; the reason is kept in the file and "
                            "listed under the findings.")
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "hint")
        layout.addWidget(self.intro)
        body = QWidget()
        body.setObjectName("rulesBody")  # its look is in the application's style sheet
        column = QVBoxLayout(body)
        column.setContentsMargins(10, 0, 10, 0)
        column.setSpacing(0)
        self.rows: dict[str, RuleRow] = {}
        for rule in RULES:
            row = RuleRow(rule, settings)
            self.rows[rule.id] = row
            column.addWidget(row)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(body)
        layout.addWidget(self.scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 720)

    def settings(self) -> RuleSettings:
        """The settings as entered; raises ``TdorgError`` (shown on the row) for a switch-off without a reason."""
        settings = self.original
        for rule_id, row in self.rows.items():
            try:
                settings = row.apply(settings)
            except TdorgError as error:
                row.show_error(str(error))
                self.scroll.ensureWidgetVisible(row)
                row.reason.setFocus()
                raise
        return settings

    def accept(self) -> None:
        if any([spin.take_refusal() for row in self.rows.values() for spin in row.spins.values()]):
            return  # Enter on a refused threshold: its reason stays in view; OK again keeps the value shown
        try:
            settings = self.settings()
        except TdorgError:
            return
        if settings != self.original:
            self.editor.run(settings_change_text(self.original, settings), [SetSettings(settings)])
        super().accept()


def edit_rules(sessions: "ScenarioSessions", editor: "Editor", parent: QWidget) -> bool:
    """Show the rules dialog for the shown scenario of ``sessions``; True when settings changed."""
    chart = sessions.document.chart
    if chart is None:
        return False
    before = chart.settings
    name = sessions.active.name if len(sessions) > 1 else ""
    RulesDialog(before, editor, name, parent).exec()
    return chart.settings != before
