"""The status bar: a passing message on the left; counts, cost, findings and zoom on the right."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QStatusBar

from tdorg.model.chart import Chart
from tdorg.model.compare_text import money
from tdorg.model.plural import plural
from tdorg.model.rules import Report, Severity

from ..widgets import style
from ..widgets.steady_label import SteadyLabel


class ElidedLabel(QLabel):
    """One line that ends in "…" when it does not fit, never cut mid-word unseen; the tooltip has it all."""

    def __init__(self) -> None:
        super().__init__()
        self._full = ""

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._full = text
        self.setToolTip(text)
        self._elide()

    def text(self) -> str:
        """The whole message (what is drawn may end in "…")."""
        return self._full

    def shown_text(self) -> str:
        return super().text()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width(), 0))
        super().setText(shown if self._full else "")


class StatusLine(QObject):
    """The labels of the window's status bar and what they say."""

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.message = ElidedLabel()
        self.message.setStyleSheet(f"color: {style.FIELD_ERROR};")
        bar.addWidget(self.message, 1)
        self.counts = SteadyLabel()  # a new count of the same size lays out neither the bar nor the window
        # the errors and the warnings each in plain text in one colour: a rich-text label is parsed and laid out
        # again, and measured twice more, at each new count
        self.errors, self.warnings = SteadyLabel(), SteadyLabel()
        self.zoom = SteadyLabel()
        for label in (self.counts, self.errors, self.warnings, self.zoom):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setContentsMargins(10, 0, 10, 0)
            bar.addPermanentWidget(label)
        self.errors.setContentsMargins(10, 0, 4, 0)  # the two read as one group: "● 1 error  ● 3 warnings"
        self.warnings.setContentsMargins(4, 0, 10, 0)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: self.message.setText(""))

    def refusal(self, message: str) -> None:
        """A refused edit's reason, in red for a while."""
        self.message.setStyleSheet(f"color: {style.FIELD_ERROR};")
        self.message.setText(message)
        self.timer.start(12000)

    def note(self, message: str) -> None:
        """Neutral information for a while."""
        self.refusal(message)
        self.message.setStyleSheet(f"color: {style.TEXT_MUTED};")

    def hint(self, text: str) -> None:
        """What a drag would do, while it lasts (a timed message stays until it times out)."""
        if text:
            self.message.setText(text)
            self.timer.stop()
        elif not self.timer.isActive():
            self.message.setText("")

    def show_counts(self, chart: Chart) -> None:
        """Roles, FTE and vacancies; the annual cost when roles have one (the chart keeps the sums)."""
        totals = chart.totals()
        text = f"{plural(len(chart), 'role')} · {totals.fte:g} FTE · {totals.vacant} vacant"
        if totals.costed:
            text += f" · {money(totals.cost)} a year" + (
                "" if totals.costed == len(chart) else f" ({totals.costed} of {plural(len(chart), 'role')} costed)")
        self.counts.setText(text)

    def show_health(self, report: Report) -> None:
        """How many errors and warnings the chart has, each in its severity's colour (muted when none)."""
        for label, severity, noun in ((self.errors, Severity.ERROR, "error"), (self.warnings, Severity.WARNING, "warning")):
            n = len(report.by_severity(severity))
            style.set_text_colour(label, style.SEVERITY_COLOURS[severity] if n else style.TEXT_MUTED)
            label.setText(f"● {plural(n, noun)}")
