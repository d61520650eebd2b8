"""The findings badges on the boxes: the worst severity of each role's findings and how many."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from tdorg.model.rules import Finding, Report, Severity

if TYPE_CHECKING:
    from .scene import ChartScene


class Badges:
    """Each box's badge from the latest report: worst severity, how many findings, and how many of those are in the
    roles a collapsed manager hides (its badge counts theirs too)."""

    def __init__(self, scene: ChartScene) -> None:
        self._scene = scene
        self.report = Report()
        self.badges: dict[str, tuple[Severity, int, int]] = {}
        #: Per box, how many findings of each severity (by its number) and, last, how many in roles it hides; kept
        #: from report to report while nothing is folded, ``None`` otherwise.
        self._tallies: dict[str, list[int]] | None = None

    def reset(self, report: Report) -> None:
        """No box badged yet (their items are gone); ``report`` is the next to show."""
        self.badges.clear()
        self._tallies = None
        self.report = report

    def inside(self, role_id: str) -> int:
        """How many of the findings on ``role_id``'s badge are in roles it hides."""
        return self.badges.get(role_id, (None, 0, 0))[2]

    def show(self, report: Report) -> None:
        """Badge the boxes with ``report``'s findings: the worst severity of each role and how many.

        A collapsed manager's badge counts the findings of its hidden roles too
        (each finding once), and how many of them are in those roles. While
        nothing is folded, only the findings that came or went since the last
        report are counted, and only the boxes they name are badged again.
        """
        folded = self._scene.hidden_roles()
        if folded or self._tallies is None:
            tallies: dict[str, list[int]] = {}
            boxes = _count(tallies, Counter(report.findings), folded) | set(self.badges)
        else:
            tallies = self._tallies
            boxes = _count(tallies, _changes(self.report.findings, report.findings), folded)
        self.report = report
        self._tallies = None if folded else tallies
        items = self._scene.role_items()
        for role_id in boxes:
            badge = _badge(tallies.get(role_id))
            if badge is None:
                tallies.pop(role_id, None)
            if self.badges.get(role_id) != badge:
                if badge is None:
                    del self.badges[role_id]
                else:
                    self.badges[role_id] = badge
                item = items.get(role_id)
                if item is not None:
                    severity, count, inside = badge or (None, 0, 0)
                    item.set_severity(severity, count)
                    item.set_folded(inside, item.folded[1])


def _count(tallies: dict[str, list[int]], changes: Counter[Finding], folded: dict[str, str]) -> set[str]:
    """Add each finding to the tallies of the boxes it is shown on, as many times as ``changes`` says (taken
    away when negative); the boxes whose tallies changed."""
    boxes: set[str] = set()
    for finding, times in changes.items():
        if not times:
            continue
        if folded:
            shown: dict[str, bool] = {}  # the box showing each named role, and whether the role is hidden
            for role_id in finding.role_ids:
                box = folded.get(role_id, role_id)
                shown[box] = shown.get(box, False) or box != role_id
        else:
            shown = dict.fromkeys(finding.role_ids, False)
        for box, inside in shown.items():
            tally = tallies.get(box)
            if tally is None:
                tally = tallies[box] = [0, 0, 0, 0]
            tally[finding.severity] += times
            tally[3] += times * inside
            boxes.add(box)
    return boxes


def _changes(before: list[Finding], after: list[Finding]) -> Counter[Finding]:
    """How many more times each finding is in ``after`` than in ``before`` (fewer: negative); a finding kept as the
    same object (most of a report's, kept by the rules not run again) is passed over without being hashed."""
    before_ids, after_ids = set(map(id, before)), set(map(id, after))
    if len(before_ids) < len(before) or len(after_ids) < len(after):  # an object listed twice: count them all
        before_ids = after_ids = set()
    changes = Counter(f for f in after if id(f) not in before_ids)
    changes.subtract(f for f in before if id(f) not in after_ids)
    return changes


def _badge(tally: list[int] | None) -> tuple[Severity, int, int] | None:
    """A box's badge from its tally: the worst severity, how many findings, how many in roles it hides."""
    if tally is None or not any(tally[:3]):
        return None
    return Severity(max(s for s in range(3) if tally[s])), sum(tally[:3]), tally[3]


__all__ = ["Badges"]
