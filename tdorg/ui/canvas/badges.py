"""The findings badges on the boxes: the worst severity of each role's findings and how many."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tdorg.model.rules import Report, Severity

if TYPE_CHECKING:
    from .scene import ChartScene


class Badges:
    """Each box's badge from the latest report: worst severity, how many findings, and how many of those are in the
    roles a collapsed manager hides (its badge counts theirs too)."""

    def __init__(self, scene: ChartScene) -> None:
        self._scene = scene
        self.report = Report()
        self.badges: dict[str, tuple[Severity, int, int]] = {}

    def reset(self, report: Report) -> None:
        """No box badged yet (their items are gone); ``report`` is the next to show."""
        self.badges.clear()
        self.report = report

    def inside(self, role_id: str) -> int:
        """How many of the findings on ``role_id``'s badge are in roles it hides."""
        return self.badges.get(role_id, (None, 0, 0))[2]

    def show(self, report: Report) -> None:
        """Badge the boxes with ``report``'s findings: the worst severity of each role and how many.

        A collapsed manager's badge counts the findings of its hidden roles too
        (each finding once), and how many of them are in those roles.
        """
        self.report = report
        folded = self._scene.hidden_roles()
        badges: dict[str, tuple[Severity, int, int]] = {}
        for finding in report.findings:
            severity = finding.severity
            if folded:
                boxes: dict[str, bool] = {}  # the box showing each named role, and whether the role is hidden
                for role_id in finding.role_ids:
                    box = folded.get(role_id, role_id)
                    boxes[box] = boxes.get(box, False) or box != role_id
            else:
                boxes = dict.fromkeys(finding.role_ids, False)
            for box, inside in boxes.items():
                current = badges.get(box)
                if current is None:
                    badges[box] = (severity, 1, int(inside))
                else:
                    badges[box] = (max(current[0], severity), current[1] + 1, current[2] + inside)
        items = self._scene.role_items()
        for role_id in set(self.badges) | set(badges):
            if self.badges.get(role_id) != badges.get(role_id):
                item = items.get(role_id)
                if item is not None:
                    severity, count, inside = badges.get(role_id, (None, 0, 0))
                    item.set_severity(severity, count)
                    item.set_folded(inside, item.folded[1])
        self.badges = badges


__all__ = ["Badges"]
