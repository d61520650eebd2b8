"""Comparing two charts (two scenarios or two files): roles, findings, metrics and cost.

Roles are matched by id. :func:`compare` lists roles added and removed,
moved to a new manager, retitled, with a new FTE or cost, and every other
field change; findings resolved, introduced and reworded; metric deltas;
district facts changed; and cost totals. It runs in time linear in the
number of roles and findings (plus validating the charts, when the caller
passes no reports).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .chart import Chart
from .role import Role
from .rules import Finding, Report, validate
from .scenarios import ScenarioCost, filled_fte, scenario_cost

#: Role fields compared besides the reporting line, title, FTE and cost, in display order.
OTHER_FIELDS: tuple[str, ...] = (
    "person", "vacant", "category", "employment", "flags", "dotted_to", "service_areas", "core_services",
    "leads", "backs_up", "notes",
)
_UNORDERED = frozenset({"flags", "dotted_to"})
_DISTRICT_FIELDS = ("name", "state", "students", "teachers", "staff", "devices", "buildings", "one_to_one_grades",
                    "erate", "privacy_officer_required")
_BUILDING_FIELDS = ("elementary", "middle", "high", "other", "total")


@dataclass(frozen=True)
class FieldChange:
    """One field of one role (or of the district) with its value in each chart."""

    role_id: str
    title: str
    field: str
    old: object
    new: object

    @property
    def delta(self) -> float | None:
        if isinstance(self.old, (int, float)) and isinstance(self.new, (int, float)) and not isinstance(self.old, bool):
            return float(self.new) - float(self.old)
        return None

    def as_dict(self) -> dict[str, object]:
        return {"id": self.role_id, "title": self.title, "field": self.field, "old": _plain(self.old),
                "new": _plain(self.new)}


@dataclass(frozen=True)
class Move:
    """A role that reports to a different manager (``None``: the top of the chart)."""

    role_id: str
    title: str
    old_manager: str | None
    new_manager: str | None
    old_manager_title: str
    new_manager_title: str

    def as_dict(self) -> dict[str, object]:
        return {"id": self.role_id, "title": self.title, "old_manager": self.old_manager,
                "new_manager": self.new_manager, "old_manager_title": self.old_manager_title,
                "new_manager_title": self.new_manager_title}


@dataclass(frozen=True)
class MetricDelta:
    key: str
    label: str
    unit: str
    a: float | None
    b: float | None

    @property
    def delta(self) -> float | None:
        return None if self.a is None or self.b is None else self.b - self.a

    def as_dict(self) -> dict[str, object]:
        return {"key": self.key, "label": self.label, "unit": self.unit, "a": self.a, "b": self.b, "delta": self.delta}


@dataclass
class Comparison:
    """What changed from chart A to chart B."""

    name_a: str
    name_b: str
    added: list[Role] = field(default_factory=list)
    removed: list[Role] = field(default_factory=list)
    moved: list[Move] = field(default_factory=list)
    retitled: list[FieldChange] = field(default_factory=list)
    fte_changed: list[FieldChange] = field(default_factory=list)
    cost_changed: list[FieldChange] = field(default_factory=list)
    other_changes: list[FieldChange] = field(default_factory=list)
    district_changes: list[FieldChange] = field(default_factory=list)
    findings_resolved: list[Finding] = field(default_factory=list)
    findings_introduced: list[Finding] = field(default_factory=list)
    #: The same finding (rule and roles) in both, with another message or severity: (in A, in B).
    findings_changed: list[tuple[Finding, Finding]] = field(default_factory=list)
    metrics: list[MetricDelta] = field(default_factory=list)
    cost_a: ScenarioCost = ScenarioCost(0.0, 0, 0)
    cost_b: ScenarioCost = ScenarioCost(0.0, 0, 0)
    roles_a: int = 0
    roles_b: int = 0
    fte_a: float = 0.0
    fte_b: float = 0.0

    @property
    def role_changes(self) -> int:
        """How many role-level changes there are (a role may count in several lists)."""
        return sum(map(len, (self.added, self.removed, self.moved, self.retitled, self.fte_changed,
                             self.cost_changed, self.other_changes)))

    @property
    def has_changes(self) -> bool:
        return bool(self.role_changes or self.district_changes or self.findings_resolved
                    or self.findings_introduced or self.findings_changed)

    def role_marks(self, side: str) -> dict[str, frozenset[str]]:
        """For highlighting chart ``"a"`` or ``"b"``: role id → kinds of change (added, removed, moved…)."""
        if side not in ("a", "b"):
            raise ValueError("side must be 'a' or 'b'")
        marks: dict[str, set[str]] = defaultdict(set)
        for role in self.added if side == "b" else self.removed:
            marks[role.id].add("added" if side == "b" else "removed")
        for move in self.moved:
            marks[move.role_id].add("moved")
        for kind, changes in (("retitled", self.retitled), ("fte", self.fte_changed), ("cost", self.cost_changed),
                              ("changed", self.other_changes)):
            for change in changes:
                marks[change.role_id].add(kind)
        return {role_id: frozenset(kinds) for role_id, kinds in marks.items()}

    def as_dict(self) -> dict[str, object]:
        return {
            "a": {"name": self.name_a, "roles": self.roles_a, "filled_fte": self.fte_a, "cost": _cost_dict(self.cost_a)},
            "b": {"name": self.name_b, "roles": self.roles_b, "filled_fte": self.fte_b, "cost": _cost_dict(self.cost_b)},
            "roles": {
                "added": [_role_dict(r) for r in self.added],
                "removed": [_role_dict(r) for r in self.removed],
                "moved": [m.as_dict() for m in self.moved],
                "retitled": [c.as_dict() for c in self.retitled],
                "fte_changed": [c.as_dict() for c in self.fte_changed],
                "cost_changed": [c.as_dict() for c in self.cost_changed],
                "other_changes": [c.as_dict() for c in self.other_changes],
            },
            "district_changes": [c.as_dict() for c in self.district_changes],
            "findings": {
                "resolved": [f.as_dict() for f in self.findings_resolved],
                "introduced": [f.as_dict() for f in self.findings_introduced],
                "changed": [{"a": a.as_dict(), "b": b.as_dict()} for a, b in self.findings_changed],
            },
            "metrics": [m.as_dict() for m in self.metrics],
        }

    def summary_lines(self) -> list[str]:
        from .compare_text import summary_lines

        return summary_lines(self)


def compare(
    a: Chart,
    b: Chart,
    report_a: Report | None = None,
    report_b: Report | None = None,
    name_a: str = "A",
    name_b: str = "B",
) -> Comparison:
    """What changed from ``a`` to ``b``; pass reports already computed to skip validating."""
    report_a = report_a if report_a is not None else validate(a)
    report_b = report_b if report_b is not None else validate(b)
    out = Comparison(name_a, name_b, cost_a=scenario_cost(a), cost_b=scenario_cost(b), roles_a=len(a),
                     roles_b=len(b), fte_a=filled_fte(a), fte_b=filled_fte(b))
    roles_a, roles_b = a.roles, b.roles
    out.removed = [r for r in a.roles_in_order() if r.id not in roles_b]
    for new in b.roles_in_order():
        old = roles_a.get(new.id)
        if old is None:
            out.added.append(new)
        elif old != new:
            _role_changes(out, old, new, a, b)
    out.district_changes = _district_changes(a, b)
    out.findings_resolved, out.findings_introduced, out.findings_changed = match_findings(
        report_a.findings, report_b.findings
    )
    out.metrics = _metric_deltas(report_a, report_b)
    return out


def _role_changes(out: Comparison, old: Role, new: Role, a: Chart, b: Chart) -> None:
    title = new.title
    if old.reports_to != new.reports_to:
        out.moved.append(Move(new.id, title, old.reports_to, new.reports_to, _title(a, old.reports_to),
                              _title(b, new.reports_to)))
    if old.title != new.title:
        out.retitled.append(FieldChange(new.id, title, "title", old.title, new.title))
    if old.fte != new.fte:
        out.fte_changed.append(FieldChange(new.id, title, "fte", old.fte, new.fte))
    if old.annual_cost != new.annual_cost:
        out.cost_changed.append(FieldChange(new.id, title, "annual_cost", old.annual_cost, new.annual_cost))
    for name in OTHER_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if name in _UNORDERED:
            before, after = frozenset(before), frozenset(after)
        if before != after:
            out.other_changes.append(FieldChange(new.id, title, name, before, after))


def _title(chart: Chart, role_id: str | None) -> str:
    if role_id is None:
        return ""
    role = chart.roles.get(role_id)
    return role.title if role is not None else role_id


def _district_changes(a: Chart, b: Chart) -> list[FieldChange]:
    """District facts that differ; buildings level by level (``buildings.high``…)."""
    out = []
    for name in _DISTRICT_FIELDS:
        before, after = getattr(a.district, name), getattr(b.district, name)
        if before == after:
            continue
        if name == "buildings":
            for level in _BUILDING_FIELDS:
                old, new = getattr(before, level), getattr(after, level)
                if old != new:
                    out.append(FieldChange("", "District", f"buildings.{level}", old, new))
        else:
            out.append(FieldChange("", "District", name, before, after))
    return out


def match_findings(
    a: Iterable[Finding], b: Iterable[Finding]
) -> tuple[list[Finding], list[Finding], list[tuple[Finding, Finding]]]:
    """(resolved, introduced, changed) between the findings of chart A and chart B.

    Findings match exactly (rule, roles, message, severity); then as "changed"
    when rule and roles agree and the messages differ only in their figures;
    then, for findings naming roles, when a rule names the same roles once on
    each side (a retitled role rewords the message).
    """
    left, right = list(a), list(b)
    changed: list[tuple[Finding, Finding]] = []
    left, right, _ = _pair(left, right, _exact_key)
    left, right, pairs = _pair(left, right, _figures_key)
    changed += pairs
    left, right, pairs = _pair(left, right, _roles_key, only_single=True)
    changed += pairs
    return left, right, changed


def _pair(
    left: list[Finding], right: list[Finding], key: Callable[[Finding], tuple | None], only_single: bool = False
) -> tuple[list[Finding], list[Finding], list[tuple[Finding, Finding]]]:
    """Pair findings with equal keys (in order); ``None`` keys never pair."""
    pools: dict[tuple, list[int]] = defaultdict(list)
    for n, finding in enumerate(right):
        k = key(finding)
        if k is not None:
            pools[k].append(n)
    if only_single:
        counts: dict[tuple, int] = defaultdict(int)
        for finding in left:
            k = key(finding)
            if k is not None:
                counts[k] += 1
        pools = defaultdict(list, {k: v for k, v in pools.items() if len(v) == 1 and counts.get(k) == 1})
    used: set[int] = set()
    pairs: list[tuple[Finding, Finding]] = []
    rest: list[Finding] = []
    for finding in left:
        k = key(finding)
        pool = pools.get(k) if k is not None else None
        if pool:
            n = pool.pop(0)
            used.add(n)
            pairs.append((finding, right[n]))
        else:
            rest.append(finding)
    return rest, [f for n, f in enumerate(right) if n not in used], pairs


_FIGURES = re.compile(r"\d[\d,.]*")


def _exact_key(finding: Finding) -> tuple:
    return (finding.rule_id, frozenset(finding.role_ids), finding.message, finding.severity)


def _figures_key(finding: Finding) -> tuple:
    return (finding.rule_id, frozenset(finding.role_ids), _FIGURES.sub("#", finding.message))


def _roles_key(finding: Finding) -> tuple | None:
    return (finding.rule_id, frozenset(finding.role_ids)) if finding.role_ids else None


def _metric_deltas(a: Report, b: Report) -> list[MetricDelta]:
    in_a = {m.key: m for m in a.metrics}
    out = []
    seen = set()
    for metric in b.metrics:
        old = in_a.get(metric.key)
        out.append(MetricDelta(metric.key, metric.label, metric.unit, old.value if old else None, metric.value))
        seen.add(metric.key)
    for metric in a.metrics:
        if metric.key not in seen:
            out.append(MetricDelta(metric.key, metric.label, metric.unit, metric.value, None))
    return out


def _plain(value: object) -> object:
    """A value as JSON can hold it."""
    if isinstance(value, (frozenset, set)):
        return sorted(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def _role_dict(role: Role) -> dict[str, object]:
    return {"id": role.id, "title": role.title, "person": role.person, "reports_to": role.reports_to,
            "fte": role.fte, "annual_cost": role.annual_cost, "category": role.category, "vacant": role.vacant}


def _cost_dict(cost: ScenarioCost) -> dict[str, object]:
    return {"total": cost.total, "roles_with_cost": cost.roles_with_cost, "roles_without": cost.roles_without}
