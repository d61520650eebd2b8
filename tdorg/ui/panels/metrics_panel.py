"""Staffing ratios beside the surveyed reference values."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from tdorg.model.rules import Metric, Report, Severity

from ..widgets import style
from ..widgets.colour_scheme import on_scheme_change
from ..widgets.rich_text import escape


class MetricsPanel(QScrollArea):
    """One row per metric: its name and reference on the left, the figure on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._new_body()
        self._shown: tuple[Metric, ...] | None = None
        self._report: Report | None = None
        on_scheme_change(self._restyle)
        self._rows: list[tuple[str, str, str]] = []
        self._inputs: list[tuple[str, ...]] = []
        self._status: list[str] = []

    def _restyle(self) -> None:
        """Show the metrics again in the colours of the scheme now in use."""
        self._shown = None
        self.set_report(self._report)

    def set_report(self, report: Report | None) -> None:
        self._report = report
        metrics = tuple(report.metrics) if report is not None else ()
        if metrics == self._shown:
            return
        self._shown = metrics
        self._new_body()
        self._rows = []
        self._inputs: list[tuple[str, ...]] = []
        self._status = []
        value_font = QFont(style.ui_font())
        value_font.setPointSizeF(12.5)
        value_font.setWeight(QFont.Weight.DemiBold)
        for row, metric in enumerate(metrics):
            value_text = metric.display() if metric.value is not None else "—"
            warn = metric.warns
            colour = style.SEVERITY_COLOURS[Severity.WARNING] if warn else (
                style.TEXT if metric.value is not None else style.TEXT_MUTED)
            # Which roles count and with what share, and where a count comes from.
            inputs = "".join(f"<li>{escape(line)}</li>" for line in metric.inputs)
            left = QLabel(
                f"<div style='font-weight:600'>{escape(metric.label)}</div>"
                f"<div style='color:{style.TEXT_MUTED}'>{escape(metric.reference)}</div>"
                + (f"<div style='color:{style.TEXT_MUTED}; font-size:small'>{escape(metric.note)}</div>" if metric.note else "")
                + _status_html(metric)
                + (f"<ul style='color:{style.TEXT_MUTED}; font-size:small; margin:0; -qt-list-indent:1'>{inputs}</ul>"
                   if inputs else "")
            )
            left.setWordWrap(True)
            left.setTextFormat(Qt.TextFormat.RichText)
            value = QLabel(value_text)
            value.setFont(value_font)
            value.setStyleSheet(f"color: {colour};")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            unit = QLabel(metric.unit if metric.value is not None else "")
            unit.setProperty("role", "hint")
            unit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            figure = QWidget()
            column = QVBoxLayout(figure)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(0)
            column.addWidget(value)
            column.addWidget(unit)
            tip = "\n".join(x for x in (
                "Beyond the reference value." if warn else "",
                "An estimate: see how it is worked out below the figure's name." if metric.estimated else "",
                f"Source: {metric.source}" if metric.source else "",
            ) if x)
            for widget in (left, value, unit):
                widget.setToolTip(tip)
            cell = QWidget()
            cell_layout = QGridLayout(cell)
            cell_layout.setContentsMargins(0, 7, 0, 7)
            cell_layout.addWidget(left, 0, 0)
            cell_layout.addWidget(figure, 0, 1, Qt.AlignmentFlag.AlignTop)
            cell_layout.setColumnStretch(0, 1)
            self._status.append(" ".join(x for x in (metric.missing, metric.planned_text()) if x))
            if row:
                cell.setStyleSheet(f"QWidget#metricRow {{ border-top: 1px solid {style.RULE}; }}")
            cell.setObjectName("metricRow")
            self.grid.addWidget(cell, row, 0)
            self._rows.append((metric.label, f"{value_text} {metric.unit}".strip(), metric.reference))
            self._inputs.append(metric.inputs)

    def _new_body(self) -> None:
        """A fresh page of rows; the scroll area deletes the previous one."""
        body = QWidget()
        body.setObjectName("metricsBody")  # its look is in the application's style sheet
        outer = QVBoxLayout(body)
        outer.setContentsMargins(12, 4, 12, 8)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(0)
        self.grid.setColumnStretch(0, 1)
        outer.addLayout(self.grid)
        outer.addStretch(1)
        self.setWidget(body)

    def metric_rows(self) -> list[tuple[str, str, str]]:
        """(label, value with unit, reference) of each shown metric."""
        return list(self._rows)

    def metric_status(self) -> list[str]:
        """Each shown metric's line below it (why it has no figure yet, its planned figure), "" for none."""
        return list(self._status)

    def metric_inputs(self) -> list[tuple[str, ...]]:
        """What each shown metric is worked out from, line by line, in the order of :meth:`metric_rows`."""
        return list(self._inputs)



def _status_html(metric: Metric) -> str:
    """Beside the figure, in words: why there is none yet and what to do, and the figure as planned."""
    out = f"<p style='margin:4px 0 0 0'>{escape(metric.missing)}</p>" if metric.missing else ""
    if metric.planned is not None:
        out += (f"<p style='margin:4px 0 0 0; color:{style.VACANT_BORDER}; font-weight:600'>"
                f"{escape(metric.planned_text())}</p><div style='color:{style.TEXT_MUTED}; font-size:small'>"
                "a plan: the figure counts filled positions only</div>")
    return out
