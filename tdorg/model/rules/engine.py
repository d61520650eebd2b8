"""Running the rules: a full validation, and a validator kept current edit by edit."""

from __future__ import annotations

from typing import Callable, Sequence

from .. import chart as chart_module
from ..chart import Change, Chart
from ..role import Role
from .base import DISTRICT, IT_ORGANIZATION, REPORTS, STRUCTURE, WALKS, Finding, Metric, Report, Rule
from .compliance import ErateOwner, PrivacyOwner, PrivacyTiedToIt, SecurityOwner
from .context import Context
from .index_updates import follow
from .leadership import (
    Centralized,
    ItLeaderOnCabinet,
    ItLeaderReportsToSuperintendent,
    OneItLeader,
    SinglePointOfContact,
)
from .metrics import METRIC_READS, METRICS, compute_metrics, metric_of
from .ownership import ContractorOnly, EssentialLeads
from .redundancy import Backups, SingleIntake, VacantOnly
from .role_changes import keeps_it_organization, moves_lines, role_aspects
from .role_indexes import is_integration_role, is_teaching_learning
from .services import CoreServices, GartnerServiceAreas, IntegrationBothSides, IntegrationExists
from .staffing import DevicesPerTechnician, StudentsPerTechStaff, TeachersPerIntegration, TechniciansForBuildings
from .structure import PersonFte, SingleTop, SpanOfControl

#: Every rule of the framework, in the framework's order.
RULES: tuple[Rule, ...] = (
    SingleTop(),
    PersonFte(),
    OneItLeader(),
    ItLeaderOnCabinet(),
    ItLeaderReportsToSuperintendent(),
    Centralized(),
    GartnerServiceAreas(),
    CoreServices(),
    IntegrationExists(),
    IntegrationBothSides(),
    TeachersPerIntegration(),
    EssentialLeads(),
    Backups(),
    VacantOnly(),
    SingleIntake(),
    ContractorOnly(),
    SinglePointOfContact(),
    DevicesPerTechnician(),
    StudentsPerTechStaff(),
    TechniciansForBuildings(),
    SpanOfControl(),
    PrivacyOwner(),
    PrivacyTiedToIt(),
    SecurityOwner(),
    ErateOwner(),
)

RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
_ORDER = {r.id: n for n, r in enumerate(RULES)}

#: Which aspects each kind of change that changes no role touches: a sibling reorder changes only
#: the order in which a finding lists roles; how reports are drawn, or what the canvas hides, no rule
#: reads. The other kinds are followed role by role (:mod:`.role_changes`).
_ASPECTS = {
    chart_module.REORDERED: frozenset({STRUCTURE, REPORTS}),
    chart_module.DISTRICT: frozenset({DISTRICT}),
    chart_module.ARRANGED: frozenset(),
    chart_module.COLLAPSED: frozenset(),
}
_ROLE_CHANGES = frozenset({chart_module.ADDED, chart_module.REMOVED, chart_module.UPDATED, chart_module.REPARENTED,
                           chart_module.DOTTED})
MetricFunction = Callable[[Context], Metric]


def _sort(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (-f.severity, _ORDER.get(f.rule_id, 99)))


def validate(chart: Chart, rules: Sequence[Rule] = RULES) -> Report:
    """Check ``chart`` against every rule it has not switched off."""
    ctx = Context(chart)
    settings = chart.settings
    findings: list[Finding] = []
    for rule in rules:
        if not settings.is_disabled(rule.id):
            findings.extend(rule.check(ctx))
    return Report(_sort(findings), compute_metrics(chart, ctx), dict(settings.disabled))


class Validator:
    """Keeps a chart's report current, re-running only the rules an edit touched.

    Each rule and metric re-runs when an edit touched an aspect it reads, or gave a new title
    to (or removed) a role its last result named. One context lives as long as the validator:
    each role an edit changed is handed to it as it was and as it is, and its indexes follow by
    difference (:mod:`.index_updates`), so a pass never rebuilds them. A change that moves no
    role into or out of the IT organization leaves the rules reading lines only through it alone."""

    def __init__(self, chart: Chart, rules: Sequence[Rule] = RULES) -> None:
        self.chart = chart
        self.rules = tuple(rules)
        self._results: dict[str, list[Finding]] = {}
        self._metrics: dict[MetricFunction, Metric] = {}
        #: The roles whose titles each rule's (or metric's) last result named.
        self._named: dict[object, set[str]] = {}
        self._dirty: set[str] = {r.id for r in self.rules}
        self._metrics_dirty: set[MetricFunction] = set(METRICS)
        self._restart()
        self._report: Report | None = None
        self._unsubscribe = chart.subscribe(self._changed)

    def close(self) -> None:
        self._unsubscribe()

    def _changed(self, change: Change) -> None:
        kind = change.kind
        if kind in _ASPECTS and not _ASPECTS[kind]:
            return  # how the chart is drawn (an arrangement, a collapse): the report stands
        self._report = None
        if kind in _ROLE_CHANGES:
            was_empty = not self._seen
            aspects, renamed = self._follow(change)
            if kind == chart_module.REPARENTED:  # a move to the same manager still changes the order of its reports
                aspects |= {STRUCTURE, REPORTS}
            if was_empty != (not self._seen):  # an empty chart breaks no rule; its first role may break many
                self._dirty = {r.id for r in self.rules}
                self._metrics_dirty = set(METRICS)
        elif kind in _ASPECTS:
            aspects, renamed = _ASPECTS[kind], []
            if kind == chart_module.DISTRICT:
                self._context.district_changed()
        else:  # thresholds or switched-off rules (or a kind of change not known here): every rule again
            self._dirty = {r.id for r in self.rules}
            self._metrics_dirty = set(METRICS)
            if kind == chart_module.SETTINGS:
                self._context.forget_spans()  # their limits
                self._context.people_findings.forget()
            else:
                self._restart()
            return
        self._dirty.update(r.id for r in self.rules if r.reads & aspects)
        self._metrics_dirty.update(m for m in METRICS if METRIC_READS[m] & aspects)
        for role_id in renamed:
            self._dirty.update(r.id for r in self.rules if role_id in self._named.get(r.id, ()))
            self._metrics_dirty.update(m for m in METRICS if role_id in self._named.get(m, ()))

    def _follow(self, change: Change) -> tuple[set[str], list[str]]:
        """The aspects the change's roles touched and the roles whose titles changed or went;
        then the context's indexes follow each role."""
        ctx, seen, now = self._context, self._seen, self.chart.roles
        changed = [(r, seen.get(r), now.get(r)) for r in dict.fromkeys(change.role_ids)]
        changed = [(r, old, new) for r, old, new in changed if old is not new]
        aspects: set[str] = set()
        renamed = []
        managers = {old.reports_to for _, old, new in changed if old is not None and new is not None}
        for role_id, old, new in changed:
            aspects |= role_aspects(old, new)
            if moves_lines(old, new) and not self._alone(role_id, old, new, managers) \
                    and not keeps_it_organization(ctx, role_id, old, new):
                aspects.add(IT_ORGANIZATION)
            if moves_lines(old, new) and self._walked(role_id, old, new, managers):
                aspects.add(WALKS)
            if new is None or old is not None and old.title != new.title:
                renamed.append(role_id)
        for role_id, old, new in changed:
            if old is None:
                self._place[role_id] = self._next_place
                self._next_place += 1
            follow(ctx, role_id, old, new, self._place)
            if new is None:
                del seen[role_id], self._place[role_id]
            else:
                seen[role_id] = new
        return aspects, renamed

    def _alone(self, role_id: str, old: Role | None, new: Role | None, managers: set[str | None]) -> bool:
        """Whether the role comes or goes with no reports and no dotted lines of its own: then whether it
        is in the IT organization matters only to the rules reading a field it holds a value in."""
        if old is not None and new is not None:
            return False
        role = old or new
        assert role is not None
        return not role.dotted_to and role_id not in managers and not self.chart.child_count(role_id)

    def _walked(self, role_id: str, old: Role | None, new: Role | None, managers: set[str | None]) -> bool:
        """Whether a walk up the lines from an integration role may pass through this role's changed lines:
        it has (or had) reports or dotted reports, or is an integration or a teaching and learning role."""
        chart = self.chart
        return (role_id in managers or bool(chart.child_count(role_id)) or bool(chart.dotted_reports(role_id))
                or any(is_integration_role(r) or is_teaching_learning(r) for r in (old, new) if r is not None))

    def _restart(self) -> None:
        """A new context and what it has seen, from the chart as it is."""
        self._context = Context(self.chart, kept=True)
        #: Each role as the context last saw it, and its place in the chart's order of roles.
        self._seen: dict[str, Role] = dict(self.chart.roles)
        self._place: dict[str, int] = dict(zip(self._seen, range(len(self._seen))))
        self._next_place = len(self._seen)
        self._context.__dict__["place"] = self._place

    @property
    def report(self) -> Report:
        if self._report is None:
            ctx = self._context
            ctx.new_pass()
            settings = self.chart.settings
            for rule in self.rules:
                if rule.id in self._dirty:
                    if settings.is_disabled(rule.id):
                        self._results[rule.id], self._named[rule.id] = [], set()
                    else:
                        self._results[rule.id], self._named[rule.id] = ctx.naming(lambda: rule.check(ctx))
            self._dirty.clear()
            for metric in self._metrics_dirty:
                self._metrics[metric], self._named[metric] = ctx.naming(lambda: metric_of(ctx, metric))
            self._metrics_dirty.clear()
            findings = [f for r in self.rules for f in self._results.get(r.id, ())]
            metrics = [self._metrics[m] for m in METRICS]
            self._report = Report(_sort(findings), metrics, dict(settings.disabled))
        return self._report
