"""The lines of the selected role: its manager, reports and dotted lines."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QToolButton, QVBoxLayout, QWidget

from tdorg.model.chart import Chart
from tdorg.model.edit_texts import quoted

from ..editing.editor import Editor
from ..widgets import style
from ..widgets.measured_label import MeasuredLabel
from ..widgets.rich_text import escape


def _link(role_id: str, text: str) -> str:
    safe = escape(text)
    return f"<a href='{role_id}' style='color:{style.LINK}; text-decoration:none'>{safe}</a>"


class RoleLines(QWidget):
    """Manager, direct reports and dotted lines as links; dotted lines removable."""

    selectRequested = Signal(list)

    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.role_id: str | None = None
        self._shown: tuple[str, list[tuple[str, str]]] | None = None  # the summary's text, the dotted lines'
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.summary = MeasuredLabel(text_format=Qt.TextFormat.RichText)
        self.summary.linkActivated.connect(lambda rid: self.selectRequested.emit([rid]))
        layout.addWidget(self.summary)
        self.dotted = QWidget()
        self.grid = QGridLayout(self.dotted)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(2)
        layout.addWidget(self.dotted)
        self.hint = MeasuredLabel("Shift-drag from this box to another to draw a dotted line.")
        self.hint.setProperty("role", "hint")
        layout.addWidget(self.hint)

    def show_role(self, chart: Chart, role_id: str) -> bool:
        """The lines of role ``role_id`` of ``chart``; whether what they say changed."""
        self.role_id = role_id
        role = chart.role(role_id)
        if role.reports_to is None:
            manager = "none — a top-level role"
        else:
            manager = _link(role.reports_to, chart.role(role.reports_to).title)
        reports = chart.children(role_id)
        text = [f"Reports to: {manager}"]
        if reports:
            names = ", ".join(_link(r, chart.role(r).title) for r in reports[:6])
            more = f" and {len(reports) - 6} more" if len(reports) > 6 else ""
            text.append(f"Direct reports ({len(reports)}): {names}{more}")
        incoming = sorted(chart.dotted_reports(role_id), key=lambda r: chart.role(r).title)
        if incoming:
            text.append("Dotted lines from: " + ", ".join(_link(r, chart.role(r).title) for r in incoming))
        dotted = [(target, chart.role(target).title) for target in role.dotted_to]
        shown = ("<br>".join(text), dotted)
        if shown == self._shown:
            return False
        self._shown = shown
        self.summary.setText(shown[0])
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # out of the layout now, though deleted only once the events run
                item.widget().deleteLater()
        for row, (target, title) in enumerate(dotted):
            label = MeasuredLabel(("Dotted line to: " if row == 0 else "") + _link(target, title), Qt.TextFormat.RichText)
            label.linkActivated.connect(lambda rid: self.selectRequested.emit([rid]))
            remove = QToolButton()
            remove.setText("Remove")
            remove.setToolTip(f"Remove the dotted line to {quoted(title)}")
            remove.clicked.connect(lambda _=False, t=target: self._remove(t))
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(remove, row, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.grid.setColumnStretch(0, 1)
        self.dotted.setVisible(bool(role.dotted_to))
        return True

    def shown(self) -> tuple[str, list[tuple[str, str]]] | None:
        """What the lines say: the summary's text and each dotted line's target and title."""
        return self._shown

    def _remove(self, target: str) -> None:
        if self.role_id is not None:
            self.editor.delete([], [(self.role_id, target)])
