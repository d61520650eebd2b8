"""Live findings, grouped by severity; a click selects and centres the roles."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tdorg.model.chart import Chart
from tdorg.model.rules import RULES_BY_ID, Finding, Report, Severity

from ..widgets import style
from .changed_rows import repainting_changed_rows
from ..widgets.colour_scheme import on_scheme_change
from ..widgets.rich_text import escape
from .scroll_bars import fill_scroll_bars
from ..widgets.splitter_memory import REMEMBERED

_FINDING = Qt.ItemDataRole.UserRole + 1
_SWITCHED_OFF = Qt.ItemDataRole.UserRole + 2


def _in_order(part: list[Finding], whole: list[Finding]) -> bool:
    """Whether ``part`` is ``whole`` with some findings left out, the rest in the same order."""
    rest = iter(whole)
    return all(any(f == g for g in rest) for f in part)


def finding_html(finding: Finding, chart: Chart | None = None, with_roles: bool = True) -> str:
    """A finding as rich text: message, fix, roles and source."""
    colour = style.SEVERITY_COLOURS[finding.severity]
    parts = [
        f"<div><span style='color:{colour}; font-weight:600'>{finding.severity.label.capitalize()}"
        f" · {finding.rule_id}</span></div>",
        f"<div style='margin-top:3px'>{escape(finding.message)}</div>",
    ]
    if finding.fix:
        parts.append(f"<div style='margin-top:4px'><b>Fix:</b> {escape(finding.fix)}</div>")
    if with_roles and chart is not None and finding.role_ids:
        titles = [chart.roles[r].title for r in finding.role_ids if r in chart.roles]
        if titles:
            parts.append(f"<div style='margin-top:4px'><b>Roles:</b> {escape(', '.join(titles))}</div>")
    if finding.source:
        parts.append(f"<div style='margin-top:4px; color:{style.TEXT_MUTED}'><b>Source:</b> {escape(finding.source)}</div>")
    return "".join(parts)


class FindingsPanel(QWidget):
    """A tree of findings under "Errors (n)", "Warnings (n)", "Information (n)"."""

    #: The user clicked a finding: select and centre these roles.
    rolesRequested = Signal(list)
    #: The user double-clicked a switched-off rule: show the rule settings.
    rulesRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: Chart | None = None
        self._shown: tuple[Finding, ...] | None = None
        self._disabled: tuple[tuple[str, str], ...] = ()
        self._off_group: QTreeWidgetItem | None = None
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Finding", "Rule"])
        self.tree.setAccessibleName("Findings")
        self._eliding = False  # whether the cells are drawn by ElidedTextDelegate (see set_report)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.setFrameShape(QFrame.Shape.NoFrame)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # the rule column as wide as the widest rule id: sized to the ids in view, it moved a pixel as findings came
        # and went, and both columns were drawn again whole
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)
        self._rule_width = 0
        self._rule_margins: int | None = None
        self._fit_rule_column(RULES_BY_ID)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemDoubleClicked.connect(lambda item, _c: item.data(0, _SWITCHED_OFF) and self.rulesRequested.emit())
        self.tree.currentItemChanged.connect(self._current_changed)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setContentsMargins(10, 8, 10, 8)
        detail_scroll = QScrollArea()
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        detail_scroll.setWidget(self.detail)
        detail_scroll.setObjectName("findingDetail")
        detail_scroll.setAccessibleName("Finding details")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName(REMEMBERED)  # the window keeps where it was left
        splitter.addWidget(self.tree)
        splitter.addWidget(detail_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([520, 320])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._groups: dict[Severity, QTreeWidgetItem] = {}
        #: Per group, the findings its items show, in their order.
        self._members: dict[Severity, list[Finding]] = {}
        self._report: Report | None = None
        self._show_detail(None)
        on_scheme_change(self._restyle)

    def set_report(self, report: Report | None, chart: Chart | None) -> None:
        """Show ``report``'s findings; cheap when they did not change.

        After an edit only the findings that came or went are added or taken
        out of their group, so a chart with thousands of findings is not built
        again for each edit; a new scheme's colours rebuild the whole tree.
        """
        self.chart = chart
        self._report = report
        findings = tuple(report.findings) if report is not None else ()
        disabled = tuple(sorted(report.disabled.items())) if report is not None else ()
        if findings == self._shown and disabled == self._disabled:
            return
        rebuild = self._shown is None or not self._groups
        self._shown = findings
        if not self._eliding and self.tree.isVisible():
            # Qt's own delegate draws the first frame: the eliding one uses QStyle, whose first use from Python costs
            # about 6 ms, from its first paint
            from .elided_text_delegate import ElidedTextDelegate

            self.tree.setItemDelegate(ElidedTextDelegate(self.tree))
            fill_scroll_bars(self.tree)  # nor Python's QScrollBar class before the first frame
            self._eliding = True
        current = self.current_finding()
        bold = QFont(self.tree.font())
        bold.setWeight(QFont.Weight.DemiBold)
        with repainting_changed_rows(self.tree):
            self.tree.blockSignals(True)
            self._show_findings(findings, disabled, rebuild, bold)
            reselect = self.item_for(current) if current is not None else None
            self.tree.setCurrentItem(reselect)
            self.tree.blockSignals(False)
        self._show_detail(current if reselect is not None else None)

    def _show_findings(self, findings: tuple[Finding, ...], disabled: tuple[tuple[str, str], ...], rebuild: bool,
                       bold: QFont) -> None:
        """Make the tree list ``findings`` and the switched-off rules ``disabled``, anew when ``rebuild``."""
        if rebuild:
            self.tree.clear()
            self._groups, self._members, self._off_group = {}, {}, None
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
            members = [f for f in findings if f.severity == severity]
            if rebuild:
                self._groups[severity] = self._group(severity, bold)
                self._members[severity] = []
            self._show_members(severity, members)
        if rebuild or disabled != self._disabled:
            self._fit_rule_column(rule_id for rule_id, _reason in disabled)  # a file's may name a rule unknown here
            if self._off_group is not None:
                self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(self._off_group))
            self._off_group = self._switched_off_group(disabled, bold) if disabled else None
        self._disabled = disabled

    def _group(self, severity: Severity, bold: QFont) -> QTreeWidgetItem:
        """The heading item of ``severity``'s findings, added to the tree."""
        group = QTreeWidgetItem(["", ""])
        group.setIcon(0, style.severity_icon(severity))
        group.setFont(0, bold)
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(group)
        return group

    def _show_members(self, severity: Severity, members: list[Finding]) -> None:
        """Make ``severity``'s group list ``members``: take out what went, put in what came, in order."""
        group, shown = self._groups[severity], self._members[severity]
        # only a group the user collapsed while it had findings stays collapsed; an empty group has no state
        collapsed = bool(shown) and not group.isExpanded()
        if members != shown:
            left = Counter(members)
            for i in range(len(shown) - 1, -1, -1):  # from the end, so the places before stay put
                if left[shown[i]] > 0:
                    left[shown[i]] -= 1
                else:
                    group.takeChild(i)
                    del shown[i]
            if not _in_order(shown, members):  # what stayed was reordered: list the group anew
                group.takeChildren()
                shown.clear()
            at = 0
            for finding in members:
                if at < len(shown) and shown[at] == finding:
                    at += 1
                    continue
                group.insertChild(at, self._item(finding))
                shown.insert(at, finding)
                at += 1
        group.setText(0, f"{style.SEVERITY_TITLES[severity]} ({len(members)})")
        group.setData(0, Qt.ItemDataRole.ForegroundRole, None if members else QColor(style.TEXT_MUTED))
        group.setExpanded(bool(members) and not collapsed)

    def _item(self, finding: Finding) -> QTreeWidgetItem:
        """The tree item of one finding."""
        item = QTreeWidgetItem([finding.message, finding.rule_id])
        item.setData(0, _FINDING, finding)
        tip = finding.message + (f"\n\nFix: {finding.fix}" if finding.fix else "")
        tip += f"\n\nSource: {finding.source}" if finding.source else ""
        item.setToolTip(0, tip)
        item.setToolTip(1, finding.source)
        item.setForeground(1, QColor(style.TEXT_MUTED))
        return item

    def _fit_rule_column(self, rule_ids: Iterable[str]) -> None:
        """Widen the rule column, if need be, to show each of ``rule_ids`` whole, as a column sized to its contents
        would (the text's width and the style's margin on each side) and its heading."""
        metrics = QFontMetricsF(self.tree.font())
        ids = list(rule_ids)
        if not ids:
            return
        if self._rule_margins is None:  # the style's margins around a cell's text, asked of Qt on the empty tree:
            widest = max(ids, key=metrics.horizontalAdvance)  # Python's first use of QStyle costs about 6 ms
            probe = QTreeWidgetItem(["", widest])
            self.tree.addTopLevelItem(probe)
            self._rule_margins = self.tree.sizeHintForColumn(1) - math.ceil(metrics.horizontalAdvance(widest))
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(probe))
        header = self.tree.header()
        width = max(self._rule_width, header.sectionSizeHint(1),
                    *(math.ceil(metrics.horizontalAdvance(rule_id)) + self._rule_margins for rule_id in ids))
        if width != self._rule_width:
            self._rule_width = width
            header.resizeSection(1, width)

    def _restyle(self) -> None:
        """Show the findings again in the colours of the scheme now in use."""
        self._shown = None
        self.set_report(self._report, self.chart)

    def _switched_off_group(self, disabled: tuple[tuple[str, str], ...], bold: QFont) -> QTreeWidgetItem:
        """Rules the chart switched off, each with the reason given, below the findings."""
        group = QTreeWidgetItem([f"Switched off ({len(disabled)})", ""])
        group.setFont(0, bold)
        group.setForeground(0, QColor(style.TEXT_MUTED))
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        group.setToolTip(0, "Rules left out of the findings, with the reason given. Chart › Rules… changes them.")
        self.tree.addTopLevelItem(group)
        for rule_id, reason in disabled:
            rule = RULES_BY_ID.get(rule_id)
            title = rule.title if rule is not None else rule_id
            item = QTreeWidgetItem([f"{title} — {reason}", rule_id])
            item.setData(0, _SWITCHED_OFF, (rule_id, reason))
            item.setToolTip(0, f"{rule_id} {title} is switched off: {reason}\n\nDouble-click to open the rules.")
            item.setForeground(0, QColor(style.TEXT_MUTED))
            item.setForeground(1, QColor(style.TEXT_MUTED))
            group.addChild(item)
        group.setExpanded(True)
        return group

    def switched_off(self) -> list[tuple[str, str]]:
        """(rule id, reason) of each rule listed under "Switched off"."""
        group = self._off_group
        if group is None:
            return []
        return [group.child(i).data(0, _SWITCHED_OFF) for i in range(group.childCount())]

    def switched_off_group(self) -> QTreeWidgetItem | None:
        return self._off_group

    def counts(self) -> dict[Severity, int]:
        return {s: g.childCount() for s, g in self._groups.items()}

    def group(self, severity: Severity) -> QTreeWidgetItem:
        return self._groups[severity]

    def current_finding(self) -> Finding | None:
        item = self.tree.currentItem()
        return item.data(0, _FINDING) if item is not None else None

    def findings(self) -> list[Finding]:
        return list(self._shown or ())

    def item_for(self, finding: Finding) -> QTreeWidgetItem | None:
        group = self._groups.get(finding.severity)
        try:
            return group.child(self._members[finding.severity].index(finding)) if group is not None else None
        except (KeyError, ValueError):  # not shown
            return None

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, _FINDING)
        if item.data(0, _SWITCHED_OFF):
            self._show_switched_off(*item.data(0, _SWITCHED_OFF))
            return
        if finding is None:
            item.setExpanded(not item.isExpanded())
            return
        self._show_detail(finding)
        if finding.role_ids:
            self.rolesRequested.emit(list(finding.role_ids))

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is not None and current.data(0, _SWITCHED_OFF):
            self._show_switched_off(*current.data(0, _SWITCHED_OFF))
            return
        self._show_detail(current.data(0, _FINDING) if current is not None else None)

    def _show_switched_off(self, rule_id: str, reason: str) -> None:
        rule = RULES_BY_ID.get(rule_id)
        parts = [f"<div style='color:{style.TEXT_MUTED}; font-weight:600'>Switched off · {escape(rule_id)}</div>"]
        if rule is not None:
            parts.append(f"<div style='margin-top:3px'>{escape(rule.title)}</div>")
        parts.append(f"<div style='margin-top:4px'><b>Reason:</b> {escape(reason)}</div>")
        if rule is not None and rule.source:
            parts.append(f"<div style='margin-top:4px; color:{style.TEXT_MUTED}'><b>Source:</b> {escape(rule.source)}</div>")
        parts.append(f"<div style='margin-top:6px; color:{style.TEXT_MUTED}'>Chart › Rules… switches it back on.</div>")
        self.detail.setText("".join(parts))

    def _show_detail(self, finding: Finding | None) -> None:
        if finding is None:
            total = len(self._shown or ())
            text = ("No findings: the chart meets every rule of the framework that is switched on."
                    if self._shown is not None and total == 0
                    else "Click a finding to see its fix and source, and to select the roles it names.")
            self.detail.setText(f"<span style='color:{style.TEXT_MUTED}'>{escape(text)}</span>")
            return
        self.detail.setText(finding_html(finding, self.chart))
