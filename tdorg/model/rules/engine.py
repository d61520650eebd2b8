"""Running the rules: a full validation, and a validator kept current edit by edit."""

from __future__ import annotations

from typing import Callable, Sequence

from .. import chart as chart_module
from ..chart import Change, Chart
from .base import DISTRICT, DOTTED, EVERYTHING, FIELDS, IT_ORGANIZATION, STRUCTURE, Finding, Metric, Report, Rule
from .compliance import ErateOwner, PrivacyOwner, PrivacyTiedToIt, SecurityOwner
from .context import CARRIED, Context
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

#: Which aspects each kind of change touches (a field edit: the fields it changed). Adding or
#: removing a role changes everything a rule may read; a sibling reorder changes only the
#: order in which a finding lists roles.
_ASPECTS = {
    chart_module.ADDED: FIELDS | {STRUCTURE, IT_ORGANIZATION, DOTTED},
    chart_module.REMOVED: FIELDS | {STRUCTURE, IT_ORGANIZATION, DOTTED},
    chart_module.REPARENTED: frozenset({STRUCTURE, IT_ORGANIZATION}),
    chart_module.REORDERED: frozenset({STRUCTURE}),
    chart_module.DOTTED: frozenset({DOTTED}),
    chart_module.DISTRICT: frozenset({DISTRICT}),
    chart_module.ARRANGED: frozenset(),  # how reports are drawn: no rule reads it
    chart_module.COLLAPSED: frozenset(),  # what the canvas hides: no rule reads it
}
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
    to a role its last result named. The indexes of a pass go on to the next unless an edit
    touched what they are built from; a re-parent that moves no role into or out of the IT
    organization keeps the organization's indexes, and the rules that read lines only through them."""

    def __init__(self, chart: Chart, rules: Sequence[Rule] = RULES) -> None:
        self.chart = chart
        self.rules = tuple(rules)
        self._results: dict[str, list[Finding]] = {}
        self._metrics: dict[MetricFunction, Metric] = {}
        #: The roles whose titles each rule's (or metric's) last result named.
        self._named: dict[object, set[str]] = {}
        self._dirty: set[str] = {r.id for r in self.rules}
        self._metrics_dirty: set[MetricFunction] = set(METRICS)
        self._context: Context | None = None
        self._touched: set[str] = set()
        self._report: Report | None = None
        self._unsubscribe = chart.subscribe(self._changed)

    def close(self) -> None:
        self._unsubscribe()

    def _changed(self, change: Change) -> None:
        if change.kind != chart_module.UPDATED and not _ASPECTS.get(change.kind, EVERYTHING):
            return  # how the chart is drawn (an arrangement, a collapse): the report stands
        self._report = None
        if change.kind == chart_module.SETTINGS:  # thresholds or switched-off rules
            self._dirty = {r.id for r in self.rules}
            self._metrics_dirty = set(METRICS)
            self._context = None
            return
        aspects = change.fields if change.kind == chart_module.UPDATED else _ASPECTS.get(change.kind, EVERYTHING)
        if change.kind == chart_module.REPARENTED and self._keeps_it_organization(change):
            aspects = aspects - {IT_ORGANIZATION}
        self._touched |= aspects
        self._dirty.update(r.id for r in self.rules if r.reads & aspects)
        self._metrics_dirty.update(m for m in METRICS if METRIC_READS[m] & aspects)
        if change.kind == chart_module.UPDATED and "title" in change.fields:
            renamed = change.role_ids[0]
            self._dirty.update(r.id for r in self.rules if renamed in self._named.get(r.id, ()))
            self._metrics_dirty.update(m for m in METRICS if renamed in self._named.get(m, ()))

    def _keeps_it_organization(self, change: Change) -> bool:
        """Whether a re-parent leaves the IT subtree and the roles with a line into IT as the last
        pass found them: the moved role (with its reports) stays in or out of each."""
        ctx = self._context
        if ctx is None or self._touched & CARRIED["into_it"]:
            return False
        known = ctx.__dict__
        if "it_subtree" not in known or "into_it" not in known or "top_it_leader" not in known:
            return False
        role_id = change.role_ids[0]
        manager = self.chart.roles[role_id].reports_to
        subtree, into = known["it_subtree"], known["into_it"]
        if role_id == known["top_it_leader"]:
            return True
        if (role_id in subtree) != (manager in subtree):
            return False
        dotted_in = any(t in subtree for t in self.chart.roles[role_id].dotted_to)
        return (role_id in into) == (role_id in subtree or dotted_in or manager in into)

    @property
    def report(self) -> Report:
        if self._report is None:
            ctx = Context(self.chart, self._context, frozenset(self._touched))
            self._context, self._touched = ctx, set()
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
