"""The list of changes beside the two compared charts: roles, district, findings, metrics.

Each change is a tree item carrying the role ids it concerns; clicking it
asks the compare view to select and centre those roles in both charts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QFrame, QTreeWidget, QTreeWidgetItem, QWidget

from tdorg.model.compare import Comparison
from tdorg.model.compare_text import change_text, money, number, signed, value_text
from tdorg.model.rules import Finding

from ..widgets import style

_ROLES = Qt.ItemDataRole.UserRole + 1


def _role_line(title: str, role_id: str, person: str = "") -> str:
    return f"{title} [{role_id}]" + (f" — {person}" if person else "")


def _finding_line(finding: Finding) -> str:
    return f"{finding.rule_id} {finding.severity.label}: {finding.message}"


def change_groups(c: Comparison) -> list[tuple[str, str, list[tuple[str, tuple[str, ...]]]]]:
    """(group key, heading, [(line, role ids)]) for every non-empty kind of change, in display order."""
    groups: list[tuple[str, str, list[tuple[str, tuple[str, ...]]]]] = [
        ("added", "Roles added", [(_role_line(r.title, r.id, r.person), (r.id,)) for r in c.added]),
        ("removed", "Roles removed", [(_role_line(r.title, r.id, r.person), (r.id,)) for r in c.removed]),
        ("moved", "Moved to a new manager", [
            (f"{m.title}: reports to {m.old_manager_title or 'nobody (top)'} → {m.new_manager_title or 'nobody (top)'}",
             (m.role_id,)) for m in c.moved]),
        ("retitled", "Retitled", [(f"{value_text('title', x.old)} → {value_text('title', x.new)}", (x.role_id,))
                                  for x in c.retitled]),
        ("fte", "FTE changed", [(f"{x.title}: {number(x.old)} → {number(x.new)} ({signed(x.delta)})",  # type: ignore[arg-type]
                                 (x.role_id,)) for x in c.fte_changed]),
        ("cost", "Annual cost changed", [
            (f"{x.title}: {money(x.old)} → {money(x.new)}"  # type: ignore[arg-type]
             + (f" ({signed(x.delta, money=True)})" if x.delta is not None else ""), (x.role_id,))
            for x in c.cost_changed]),
        ("changed", "Other changes", [(change_text(x), (x.role_id,)) for x in c.other_changes]),
        ("district", "District facts", [(change_text(x, district=True), ()) for x in c.district_changes]),
        ("resolved", "Findings resolved", [(_finding_line(f), f.role_ids) for f in c.findings_resolved]),
        ("introduced", "Findings introduced", [(_finding_line(f), f.role_ids) for f in c.findings_introduced]),
        ("reworded", "Findings changed", [
            (f"{_finding_line(a)} — now {b.severity.label}: {b.message}", tuple(dict.fromkeys(a.role_ids + b.role_ids)))
            for a, b in c.findings_changed]),
        ("metrics", "Metrics", [
            (f"{m.label}: {number(m.a, 1)} → {number(m.b, 1)}"
             + (f" ({signed(m.delta, digits=1)})" if m.delta is not None else ""), ())
            for m in c.metrics if m.a != m.b]),
    ]
    return [g for g in groups if g[2]]


def _group_colour(key: str) -> str | None:
    """The colour of a group of changes' heading, in the colour scheme in use."""
    if key in ("added", "removed"):
        return style.MARK_COLOURS[key][0]
    if key in ("moved", "retitled", "fte", "cost", "changed"):
        return style.MARK_COLOURS["changed"][0]
    return {"resolved": style.ACCEPT, "introduced": style.REFUSE}.get(key)


class ChangeList(QTreeWidget):
    """Changes grouped by kind; a click emits the role ids of the change."""

    rolesRequested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrap(True)
        self.itemClicked.connect(self._clicked)
        self.currentItemChanged.connect(lambda item, _old: item is not None and self._clicked(item))
        self.groups: dict[str, QTreeWidgetItem] = {}

    def show_comparison(self, comparison: Comparison) -> None:
        self.clear()
        self.groups = {}
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        for key, heading, lines in change_groups(comparison):
            group = QTreeWidgetItem([f"{heading} ({len(lines)})"])
            group.setFont(0, bold)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addTopLevelItem(group)
            self.groups[key] = group
            for line, role_ids in lines:
                item = QTreeWidgetItem([line])
                item.setData(0, _ROLES, list(role_ids))
                item.setToolTip(0, line)
                group.addChild(item)
            group.setExpanded(True)
        if not self.groups:
            self.addTopLevelItem(QTreeWidgetItem(["No differences in roles, district facts, findings or metrics."]))
        self.restyle()

    def restyle(self) -> None:
        """The groups' headings (and the "no differences" line) in the colours of the scheme in use."""
        for key, group in self.groups.items():
            colour = _group_colour(key)
            if colour is not None:
                group.setForeground(0, QBrush(QColor(colour)))
        if not self.groups and self.topLevelItemCount():
            self.topLevelItem(0).setForeground(0, QBrush(QColor(style.TEXT_MUTED)))

    def lines(self, key: str) -> list[str]:
        """The text of each change in group ``key`` (e.g. "added", "moved", "introduced")."""
        group = self.groups.get(key)
        return [group.child(i).text(0) for i in range(group.childCount())] if group is not None else []

    def change_item(self, key: str, index: int) -> QTreeWidgetItem:
        return self.groups[key].child(index)

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        role_ids = item.data(0, _ROLES)
        if role_ids:
            self.rolesRequested.emit(list(role_ids))
