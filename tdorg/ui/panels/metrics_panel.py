"""Staffing ratios beside the surveyed reference values."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from tdorg.model.rules import Metric, Report, Severity

from ..widgets import style
from ..widgets.colour_scheme import on_scheme_change
from ..widgets.measured_label import MeasuredLabel
from ..widgets.rich_text import escape
from .scroll_bars import fill_scroll_bars
from .form_sizing import nesting, settle


#: What the panel says while the chart has no role: no ratio can be worked out yet, and each metric's row would only
#: say so (its rows are made with the first role).
NO_ROLES = ("Staffing ratios appear here as roles are added: students, devices and teachers per technology FTE, "
            "technicians for the buildings and the span of control, each beside its surveyed reference value.\n\n"
            "They are worked out from the roles and the district's figures (Chart › District Facts…).")

#: Under a planned figure (the figure with the vacant positions filled).
PLAN_NOTE = "a plan: the figure counts filled positions only"


def _set_text(label: QLabel, text: str) -> None:
    """Set ``text`` only when it differs: setting a label's text lays it out again, and its row with it."""
    if label.text() != text:
        label.setText(text)


def _hint_label(text: str = "", wrap: bool = True) -> QLabel:
    """A small, muted, plain-text label: a note or an input line below a metric's name."""
    label = MeasuredLabel(text_format=Qt.TextFormat.PlainText) if wrap else QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setProperty("role", "hint")
    font = QFont(style.ui_font())
    font.setPointSizeF(font.pointSizeF() * 0.85)
    label.setFont(font)
    return label


class _InputLines(QWidget):
    """What a metric is worked out from, one plain label per line after a bullet: an edit that changes one
    count sets that line's text alone, which costs far less than laying out the whole list as rich text."""

    def __init__(self) -> None:
        super().__init__()
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(14, 1, 0, 0)
        self.grid.setHorizontalSpacing(5)
        self.grid.setVerticalSpacing(0)
        self.grid.setColumnStretch(1, 1)
        self.labels: list[tuple[QLabel, QLabel]] = []

    def show_lines(self, lines: tuple[str, ...]) -> None:
        while len(self.labels) > len(lines):
            for label in self.labels.pop():
                self.grid.removeWidget(label)
                label.hide()  # gone now, not when the event loop next deletes it
                label.deleteLater()
        while len(self.labels) < len(lines):
            row = len(self.labels)
            bullet, text = _hint_label("•", wrap=False), _hint_label()
            self.grid.addWidget(bullet, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(text, row, 1)
            self.labels.append((bullet, text))
        for (_bullet, label), line in zip(self.labels, lines):
            _set_text(label, line)
        self.setVisible(bool(lines))

    def texts(self) -> list[str]:
        return [label.text() for _bullet, label in self.labels]


class _MetricRow(QWidget):
    """One metric: its name, reference, note, status and inputs on the left, the figure and unit on the right."""

    def __init__(self, first: bool) -> None:
        super().__init__()
        self.setObjectName("metricRow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # its rule above is a style-sheet border
        self.setProperty("ruled", not first)  # the application's style sheet draws the rule above all but the first
        self.left = MeasuredLabel(text_format=Qt.TextFormat.RichText)  # the name and the reference: the same from edit to edit
        # What changes with most edits is plain text, each part in a label of its own look: rich text is parsed and
        # laid out again at every new count, several times slower.
        self.note = _hint_label()  # how many roles count
        self.missing = MeasuredLabel(text_format=Qt.TextFormat.PlainText)  # why there is no figure yet
        self.missing.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.planned = MeasuredLabel(text_format=Qt.TextFormat.PlainText)  # the figure with the vacancies filled
        planned_font = self.planned.font()
        planned_font.setWeight(QFont.Weight.DemiBold)
        self.planned.setFont(planned_font)
        self.plan_note = _hint_label(PLAN_NOTE)  # under the planned figure
        self.value = QLabel()
        value_font = QFont(style.ui_font())
        value_font.setPointSizeF(12.5)
        value_font.setWeight(QFont.Weight.DemiBold)
        self.value.setFont(value_font)
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.unit = QLabel()
        self.unit.setProperty("role", "hint")
        self.unit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        figure = QWidget()
        column = QVBoxLayout(figure)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.value)
        column.addWidget(self.unit)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 7, 0, 7)
        self.inputs = _InputLines()
        text = QVBoxLayout()
        text.setContentsMargins(0, 0, 0, 0)
        text.setSpacing(0)
        text.addWidget(self.left)
        text.addWidget(self.note)
        text.addWidget(self.missing)
        text.addWidget(self.planned)
        text.addWidget(self.plan_note)
        text.addWidget(self.inputs)
        grid.addLayout(text, 0, 0)
        grid.addWidget(figure, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)

    def show_metric(self, metric: Metric) -> None:
        """Show ``metric``, setting again only what changed: after an edit most labels keep their text, and
        after a switch of colour scheme those whose text names a colour take the new one."""
        warn = metric.warns
        colour = style.SEVERITY_COLOURS[Severity.WARNING] if warn else (
            style.TEXT if metric.value is not None else style.TEXT_MUTED)
        _set_text(self.left, f"<div style='font-weight:600'>{escape(metric.label)}</div>"
                             f"<div style='color:{style.TEXT_MUTED}'>{escape(metric.reference)}</div>")
        planned = metric.planned_text() if metric.planned is not None else ""
        for label, text in ((self.note, metric.note or ""), (self.missing, metric.missing), (self.planned, planned),
                            (self.plan_note, PLAN_NOTE if planned else "")):
            _set_text(label, text)
            label.setVisible(bool(text))
        gap = 4 if metric.missing else 0  # between the reason and the planned figure
        if self.planned.contentsMargins().top() != gap:
            self.planned.setContentsMargins(0, gap, 0, 0)
        style.set_text_colour(self.planned, style.VACANT_BORDER)
        self.inputs.show_lines(metric.inputs)  # which roles count and with what share, where a count comes from
        _set_text(self.value, _value_text(metric))
        _set_text(self.unit, metric.unit if metric.value is not None else "")
        style.set_text_colour(self.value, colour)
        tip = "\n".join(x for x in (
            "Beyond the reference value." if warn else "",
            "An estimate: see how it is worked out below the figure's name." if metric.estimated else "",
            f"Source: {metric.source}" if metric.source else "",
        ) if x)
        if self.left.toolTip() != tip:
            for widget in (self.left, self.note, self.missing, self.planned, self.plan_note, self.value, self.unit):
                widget.setToolTip(tip)


class MetricsPanel(QScrollArea):
    """One row per metric: its name and reference on the left, the figure on the right.

    A new report updates the rows in place, each label only where its text
    changed: an edit that moves one ratio redraws that ratio's row alone.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body.setObjectName("metricsBody")  # its look is in the application's style sheet
        outer = QVBoxLayout(body)
        outer.setContentsMargins(12, 4, 12, 8)
        self.empty = MeasuredLabel(NO_ROLES, text_format=Qt.TextFormat.PlainText)
        self.empty.setProperty("role", "hint")
        self.empty.setContentsMargins(0, 8, 0, 0)
        self.empty.hide()
        outer.addWidget(self.empty)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(0)
        self.grid.setColumnStretch(0, 1)
        outer.addLayout(self.grid)
        outer.addStretch(1)
        self.setWidget(body)
        self.row_widgets: list[_MetricRow] = []
        self._depth = 0  # the levels of widgets from a row's labels out to the panel
        self._shown: tuple[Metric, ...] = ()
        on_scheme_change(self._restyle)

    def _restyle(self) -> None:
        """Show the metrics again in the colours of the scheme now in use."""
        for row, metric in zip(self.row_widgets, self._shown):
            row.show_metric(metric)

    def set_report(self, report: Report | None, no_roles: bool = False) -> None:
        """Show ``report``'s metrics; for a chart with ``no_roles``, :data:`NO_ROLES` instead."""
        self.empty.setVisible(report is not None and no_roles)
        metrics = tuple(report.metrics) if report is not None and not no_roles else ()
        if metrics == self._shown:
            return
        before, self._shown = self._shown, metrics
        while len(self.row_widgets) > len(metrics):
            row = self.row_widgets.pop()
            self.grid.removeWidget(row)
            row.hide()
            row.deleteLater()
        while len(self.row_widgets) < len(metrics):
            if not self.row_widgets:  # the panel's range moves with its rows' texts from now on
                fill_scroll_bars(self)
            row = _MetricRow(first=not self.row_widgets)
            self.grid.addWidget(row, len(self.row_widgets), 0)
            self.row_widgets.append(row)
            self._depth = nesting(row.findChildren(QLabel), self)
        for i, (row, metric) in enumerate(zip(self.row_widgets, metrics)):
            if i >= len(before) or before[i] != metric:  # a row shows its metric alone (and the scheme's colours)
                row.show_metric(metric)
        # a label of more or fewer lines has its row and the rows below laid out before the next paint, not over
        # the next rounds of events, level by level, with its lines drawn over the next row's until then
        settle(self._depth)

    def metric_rows(self) -> list[tuple[str, str, str]]:
        """(label, value with unit, reference) of each shown metric."""
        return [(m.label, f"{_value_text(m)} {m.unit}".strip(), m.reference) for m in self._shown]

    def metric_status(self) -> list[str]:
        """Each shown metric's line below it (why it has no figure yet, its planned figure), "" for none."""
        return [" ".join(x for x in (m.missing, m.planned_text()) if x) for m in self._shown]

    def metric_inputs(self) -> list[tuple[str, ...]]:
        """What each shown metric is worked out from, line by line, in the order of :meth:`metric_rows`."""
        return [m.inputs for m in self._shown]


def _value_text(metric: Metric) -> str:
    return metric.display() if metric.value is not None else "—"
