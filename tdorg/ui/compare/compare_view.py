"""Scenarios › Compare…: two charts side by side with their changes highlighted.

Both charts are shown read-only on the editor's own canvas (a copy of each):
added roles green on the right, removed roles red on the left, moved,
retitled and otherwise changed roles amber on both. While the window is open
it follows the document (:mod:`tdorg.ui.compare.compare_follow`): edits to a compared
scenario bring fresh copies shortly after, and a deleted scenario's side
turns to another one.
The list below gives every change, the findings resolved and introduced and
the metric deltas; clicking a change selects and centres its roles in both.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tdorg.model.chart import Chart
from tdorg.model.compare import Comparison, compare
from tdorg.model.compare_text import money, number, signed
from tdorg.model.formats import load_chart
from tdorg.model.persistence import open_document
from tdorg.model.rules import Report, Validator

from ..canvas.scene import ChartScene
from ..canvas.view import ChartView
from ..widgets import style
from ..widgets.colour_scheme import on_scheme_change
from ..widgets.rich_text import escape
from .compare_list import ChangeList

if TYPE_CHECKING:
    from ..editing.scenario_sessions import ScenarioSession


@dataclass(eq=False)
class CompareSource:
    """A chart that can be compared: a scenario of the open file, or one from another file."""

    label: str
    chart: Chart | None
    report: Report | None = None
    #: The scenario of the open document this is a copy of (None for another file's chart).
    session: "ScenarioSession | None" = None
    #: The scenario changed since its copy was taken.
    stale: bool = False

    def take(self) -> None:
        """Copy the scenario's chart and findings when there is no copy yet or it is out of date."""
        if self.session is not None and (self.chart is None or self.stale):
            self.chart = self.session.chart.copy()
            self.report = self.session.report
            self.stale = False


def scenario_source(session: "ScenarioSession") -> CompareSource:
    """A scenario of the open document; its chart is copied when it is first compared."""
    return CompareSource(session.name, None, None, session)


def file_sources(path: Path) -> list[CompareSource]:
    """Every scenario of a .tdorg file (its active one first), or the chart of a sample file."""
    if path.suffix.lower() == ".tdorg":
        document = open_document(path)
        order = [document.active] + [i for i in range(len(document.scenarios)) if i != document.active]
        several = len(document.scenarios) > 1
        return [CompareSource(f"{path.name} › {document.scenarios[i].name}" if several else path.name,
                              document.scenarios[i].chart) for i in order]
    return [CompareSource(path.name, load_chart(path))]


class ChartPane(QWidget):
    """A heading above a read-only canvas."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setContentsMargins(8, 6, 8, 6)
        self.heading.setObjectName("compareHeading")  # its look is in the application's style sheet
        self.scene = ChartScene(self, folding=False)  # every role, collapsed or not: a change is never hidden
        self.view = ChartView(self.scene, None)  # read-only: drags change nothing
        self.view.setAcceptDrops(False)
        self.validator: Validator | None = None
        self.source: CompareSource | None = None  # what the pane shows a copy of
        self.auto_fit = True  # fit the chart to the pane until the user looks at a change
        self.view.viewport().installEventFilter(self)
        scene = self.scene  # children go after the pane: keep the scene from signalling into them
        self.destroyed.connect(lambda *_: scene.blockSignals(True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)

    def show_chart(self, chart: Chart, marks: dict[str, frozenset[str]], heading: str) -> None:
        """Show ``chart`` with ``marks``; a new copy of the same scenario keeps where the user was looking."""
        self.heading.setText(heading)
        if self.scene.chart is chart and self.validator is not None:
            self.scene.set_marks(marks)
            return
        keep = None if self.auto_fit else (self.view.scale_factor(), self.view.mapToScene(
            self.view.viewport().rect().center()), self.scene.selected_role_ids())
        self.release()
        self.validator = Validator(chart)
        self.scene.set_chart(chart, self.validator.report)
        self.scene.set_marks(marks)
        if keep is None:
            self.fit()
        else:
            self.view.set_scale(keep[0])
            self.view.centerOn(keep[1])
            self.scene.select_roles(keep[2])

    def keep_fitting(self) -> None:
        """The next chart shown is fitted to the pane (another source was picked)."""
        self.auto_fit = True

    def fit(self) -> None:
        """The whole chart, with a little room so that no scroll bar appears."""
        self.view.fit_rect(self.scene.sceneRect().adjusted(-30, -30, 30, 30))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.auto_fit:
            self.fit()
        return False

    def reveal(self, role_ids: list[str]) -> None:
        self.auto_fit = False
        present = [r for r in role_ids if self.scene.item(r) is not None]
        self.scene.select_roles(present)
        if present:
            self.view.reveal(present)

    def release(self) -> None:
        self.scene.detach()
        if self.validator is not None:
            self.validator.close()
            self.validator = None


class Legend(QWidget):
    """What each mark's colours mean, in the colour scheme in use."""

    _KINDS = (("added", "Added (right)"), ("removed", "Removed (left)"),
              ("changed", "Moved, retitled, FTE, cost or other change"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.setSpacing(16)
        self.labels: list[QLabel] = []
        for _kind, _text in self._KINDS:
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.RichText)
            row.addWidget(label)
            self.labels.append(label)
        row.addStretch(1)
        self.restyle()

    def restyle(self) -> None:
        for label, (kind, text) in zip(self.labels, self._KINDS):
            outline, fill = style.MARK_COLOURS[kind]
            label.setText(f"<span style='background:{fill}; border:2px solid {outline}; color:{outline}'>"
                          f"&nbsp;■&nbsp;</span>&nbsp;{text}")


class CompareDialog(QDialog):
    """Two sources side by side; ``comparison`` holds what changed from the left to the right."""

    def __init__(self, sources: list[CompareSource], a: int = 0, b: int = 1,
                 pick_file: Callable[[], list[CompareSource]] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.sources = list(sources)
        self.pick_file = pick_file
        self.comparison: Comparison | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.combo_a, self.combo_b = QComboBox(), QComboBox()
        for combo in (self.combo_a, self.combo_b):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(14)
        top.addWidget(QLabel("Before"))
        top.addWidget(self.combo_a)
        swap = QPushButton("⇄ Swap")
        swap.setToolTip("Swap the two sides")
        swap.clicked.connect(self.swap)
        top.addWidget(swap)
        top.addWidget(QLabel("After"))
        top.addWidget(self.combo_b)
        top.addStretch(1)
        self.file_button = QPushButton("Add a File…")
        self.file_button.setToolTip("Compare with a chart from another file")
        self.file_button.clicked.connect(self.add_file)
        self.file_button.setVisible(pick_file is not None)
        top.addWidget(self.file_button)
        layout.addLayout(top)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)
        self.left, self.right = ChartPane(), ChartPane()
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.left)
        charts.addWidget(self.right)
        charts.setChildrenCollapsible(False)
        charts.setStretchFactor(0, 1)
        charts.setStretchFactor(1, 1)
        canvas = QWidget()
        column = QVBoxLayout(canvas)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(charts, 1)
        self.legend = Legend()
        column.addWidget(self.legend)
        self.changes = ChangeList()
        self.changes.rolesRequested.connect(self.reveal)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(canvas)
        split.addWidget(self.changes)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        self._fill_combos(a, b)
        self.combo_a.currentIndexChanged.connect(lambda _i: self.refresh())
        self.combo_b.currentIndexChanged.connect(lambda _i: self.refresh())
        self.resize(1360, 880)
        split.setSizes([560, 300])
        self.refresh()
        on_scheme_change(self._restyle)

    def _fill_combos(self, a: int, b: int) -> None:
        for combo, index in ((self.combo_a, a), (self.combo_b, b)):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems([s.label for s in self.sources])
            combo.setCurrentIndex(max(0, min(index, len(self.sources) - 1)))
            combo.blockSignals(False)

    def choose(self, a: int, b: int) -> None:
        """Compare source ``a`` (left, before) with source ``b`` (right, after)."""
        self._fill_combos(a, b)
        self.refresh()

    def compared(self) -> tuple[CompareSource, CompareSource]:
        return self.sources[self.combo_a.currentIndex()], self.sources[self.combo_b.currentIndex()]

    def swap(self) -> None:
        self.choose(self.combo_b.currentIndex(), self.combo_a.currentIndex())

    def add_file(self) -> None:
        if self.pick_file is None:
            return
        added = self.pick_file()
        if added:
            first = len(self.sources)
            self.sources.extend(added)
            self.choose(self.combo_a.currentIndex(), first)

    def refresh(self) -> None:
        """Compare the chosen sources again (fresh copies of scenarios edited since the last time)."""
        a, b = self.compared()
        for source, pane in ((a, self.left), (b, self.right)):
            if pane.source is not source:
                pane.keep_fitting()  # another source on this side: show it whole
                pane.source = source
            source.take()
        assert a.chart is not None and b.chart is not None
        c = compare(a.chart, b.chart, a.report, b.report, a.label, b.label)
        self.comparison = c
        before, after = self._headings(c)
        self.left.show_chart(a.chart, c.role_marks("a"), before)
        self.right.show_chart(b.chart, c.role_marks("b"), after)
        self.changes.show_comparison(c)
        self.summary.setText(self._summary(c))

    def _restyle(self) -> None:
        """The headings, summary, legend and change list again, in the colours of the scheme now in use."""
        if self.comparison is None:
            return
        for pane, heading in zip((self.left, self.right), self._headings(self.comparison)):
            pane.heading.setText(heading)
        self.summary.setText(self._summary(self.comparison))
        self.legend.restyle()
        self.changes.restyle()

    def _headings(self, c: Comparison) -> tuple[str, str]:
        a, b = self.compared()
        return (self._heading("Before", a, c.roles_a, c.fte_a, c.cost_a.total if c.cost_a.roles_with_cost else None),
                self._heading("After", b, c.roles_b, c.fte_b, c.cost_b.total if c.cost_b.roles_with_cost else None))

    @staticmethod
    def _heading(side: str, source: CompareSource, roles: int, fte: float, cost: float | None) -> str:
        figures = f"{roles:,} roles · {number(fte)} filled FTE" + (f" · {money(cost)} a year" if cost is not None else "")
        name = escape(source.label)
        return f"<span style='color:{style.TEXT_MUTED}'>{side}</span>&nbsp; <b>{name}</b>" \
               f"<span style='color:{style.TEXT_MUTED}'> — {figures}</span>"

    @staticmethod
    def _summary(c: Comparison) -> str:
        parts = [f"Roles {c.roles_a:,} → {c.roles_b:,} ({signed(c.roles_b - c.roles_a)})",
                 f"filled FTE {number(c.fte_a)} → {number(c.fte_b)} ({signed(c.fte_b - c.fte_a)})"]
        if c.cost_a.roles_with_cost or c.cost_b.roles_with_cost:
            parts.append(f"annual cost {money(c.cost_a.total)} → {money(c.cost_b.total)} "
                         f"({signed(c.cost_b.total - c.cost_a.total, money=True)})")
        findings = (f"findings: <span style='color:{style.ACCEPT}'>{len(c.findings_resolved)} resolved</span>, "
                    f"<span style='color:{style.REFUSE}'>{len(c.findings_introduced)} introduced</span>")
        return " · ".join(parts) + " · " + findings

    def reveal(self, role_ids: list[str]) -> None:
        """Select and centre ``role_ids`` in both charts (where each exists)."""
        self.left.reveal(role_ids)
        self.right.reveal(role_ids)

    def done(self, result: int) -> None:
        self.left.release()
        self.right.release()
        super().done(result)
