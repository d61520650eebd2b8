"""The vocabulary of the rules engine: severities, findings, metrics, rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING, ClassVar, Mapping, NamedTuple

from ..plural import plural
from ..role import EDITABLE_FIELDS

if TYPE_CHECKING:
    from .context import Context


class Severity(IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> "Severity":
        return cls[text.strip().upper()]


#: Aspects of a chart a rule reads; an edit invalidates the rules reading what it touched.
STRUCTURE = "structure"  # reporting lines, sibling order, roles added/removed
#: Which roles report to each manager and which are at the top, as counts and categories: a role
#: added or removed without reports of its own changes only this of the lines (no one's managers
#: above). Every change of STRUCTURE is one of these too.
REPORTS = "reports"
#: The lines a walk up from an integration role follows (managers and dotted lines, INT-2): changed only
#: by a change of the lines of a role with reports or dotted reports, or of an integration or a teaching
#: and learning role itself. Every such change is one of STRUCTURE or DOTTED too.
WALKS = "walks"
#: Which roles are in the top IT leader's organization and which have a line into it, as sets
#: (``Context.it_subtree``, ``Context.into_it``): a re-parent inside it, or outside, keeps them.
#: A rule reading STRUCTURE sees every change of these as well.
IT_ORGANIZATION = "it_organization"
DOTTED = "dotted"  # dotted lines
DISTRICT = "district"  # district facts
#: Each role field is an aspect of its own, named as the field: a field edit touches only the
#: fields it changed. A role's title is read only to name it in a message, and a pass records
#: whose titles each rule named (``Context.title``), so a new title re-runs only those rules.
CATEGORY, FLAGS, LEADS, BACKS_UP = "category", "flags", "leads", "backs_up"
FTE, VACANT, PERSON, EMPLOYMENT = "fte", "vacant", "person", "employment"
SERVICE_AREAS_FIELD, CORE_SERVICES_FIELD = "service_areas", "core_services"
FIELDS = frozenset(EDITABLE_FIELDS)


def categories(*names: str) -> frozenset[str]:
    """The aspects of the roles of these categories only: a rule reading no other category reads
    these rather than CATEGORY (a change of any role's category), and a role of another category
    changing or coming leaves it alone."""
    return frozenset(f"{CATEGORY}:{name}" for name in names)


#: The FTE doing each kind of work a ratio counts (see :data:`~tdorg.model.vocab.SUPPORT_WORK` …):
#: touched when a role counting for it (by its category or its led functions) changes its category,
#: FTE, vacancy or functions, or comes or goes.
SUPPORT_FTE, INTEGRATION_FTE, TECH_STAFF_FTE = "work:support", "work:integration", "work:tech_staff"
#: Each person's roles and FTE summed over them (STR-2): touched only by a role naming a person it holds
#: (filled), before or after, that comes or goes or changes its person, FTE or vacancy.
PEOPLE = "people"
#: Everything a rule can read; adding or removing a role touches all of it.
EVERYTHING = frozenset({STRUCTURE, REPORTS, WALKS, IT_ORGANIZATION, DOTTED, DISTRICT, SUPPORT_FTE, INTEGRATION_FTE,
                        TECH_STAFF_FTE, PEOPLE}) | FIELDS


@dataclass(frozen=True)
class Finding:
    """One way the chart breaks the framework, with the roles to highlight."""

    rule_id: str
    severity: Severity
    message: str
    role_ids: tuple[str, ...] = ()
    fix: str = ""
    source: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule_id,
            "severity": self.severity.label,
            "message": self.message,
            "roles": list(self.role_ids),
            "fix": self.fix,
            "source": self.source,
        }


class Metric(NamedTuple):
    """A staffing figure beside its surveyed reference value."""

    key: str
    label: str
    value: float | None
    unit: str
    reference: str
    source: str
    threshold: float | None = None
    warns: bool = False
    note: str = ""
    #: What the figure is worked out from, one line each: which roles count and with
    #: what share, and where a count comes from (an estimate says so).
    inputs: tuple[str, ...] = ()
    #: The figure rests on an estimate (devices from the 1:1 grades), so it reads "about …".
    estimated: bool = False
    #: Why there is no figure yet and what would give one (only while :attr:`value` is ``None``).
    missing: str = ""
    #: The figure with the vacant positions that would count filled: a plan, never the figure itself
    #: (ratios count filled FTE only); ``None`` when no vacancy would change it.
    planned: float | None = None
    #: How many vacant positions :attr:`planned` counts as filled.
    planned_vacant: int = 0

    def display(self) -> str:
        return self._figure(self.value)

    def _figure(self, value: float | None) -> str:
        if value is None:
            return "—"
        if self.estimated:  # an estimate has no decimals to trust
            return f"about {round(value):,}"
        if abs(value - round(value)) < 0.05:
            return f"{round(value):,}"
        return f"{value:,.1f}"

    def planned_text(self) -> str:
        """“Planned: 300 students with 3 vacant positions filled”, or "" when there is no such plan."""
        if self.planned is None:
            return ""
        return f"Planned: {self._figure(self.planned)} {self.unit} with {plural(self.planned_vacant, 'vacant position')} filled"

    def explanation(self) -> str:
        """The inputs as one paragraph, for a tooltip or a table cell."""
        return "; ".join(self.inputs)

    def as_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "label": self.label,
            "value": self.value,
            "unit": self.unit,
            "reference": self.reference,
            "source": self.source,
            "threshold": self.threshold,
            "warns": self.warns,
            "note": self.note,
            "inputs": list(self.inputs),
            "estimated": self.estimated,
            "missing": self.missing,
            "planned": self.planned,
            "planned_vacant": self.planned_vacant,
        }


class Bounds(NamedTuple):
    """The values a rule's threshold may take, both ends included."""

    low: float
    high: float
    #: Only whole numbers (a count of people or roles).
    whole: bool = False

    def allows(self, value: float) -> bool:
        return self.low <= value <= self.high and (not self.whole or float(value).is_integer())

    def describe(self) -> str:
        kind = "a whole number" if self.whole else "a number"
        return f"{kind} from {_number(self.low)} to {_number(self.high)}"


def _number(value: float) -> str:
    """``value`` as a user writes it: 1,000,000, 0.1 or 3.5."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:g}"


class Rule:
    """One rule of the framework. Subclasses set the class attributes and ``check``."""

    id: ClassVar[str]
    title: ClassVar[str]
    severity: ClassVar[Severity]
    source: ClassVar[str]
    #: Default thresholds, overridable per chart through RuleSettings.
    params: ClassVar[Mapping[str, float]] = {}
    #: The values each threshold in ``params`` may take; every threshold has one.
    ranges: ClassVar[Mapping[str, Bounds]] = {}
    #: Which aspects of the chart the rule reads.
    reads: ClassVar[frozenset[str]] = EVERYTHING

    def param(self, ctx: "Context", name: str) -> float:
        return ctx.chart.settings.threshold(self.id, name, self.params[name])

    def finding(
        self,
        message: str,
        role_ids: tuple[str, ...] | list[str] = (),
        fix: str = "",
        severity: Severity | None = None,
    ) -> Finding:
        return Finding(self.id, severity or self.severity, message, tuple(role_ids), fix, self.source)

    def check(self, ctx: "Context") -> list[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError


@dataclass
class Report:
    """All findings and metrics of one chart."""

    findings: list[Finding] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    #: Rules the chart switched off, with the reason given.
    disabled: dict[str, str] = field(default_factory=dict)

    def by_severity(self, severity: Severity) -> list[Finding]:
        return [f for f in self.findings if f.severity == severity]

    @property
    def has_errors(self) -> bool:
        return any(f.severity == Severity.ERROR for f in self.findings)

    def for_role(self, role_id: str) -> list[Finding]:
        return [f for f in self.findings if role_id in f.role_ids]

    def rule_ids(self) -> set[str]:
        return {f.rule_id for f in self.findings}

    def as_dict(self) -> dict[str, object]:
        return {
            "findings": [f.as_dict() for f in self.findings],
            "metrics": [m.as_dict() for m in self.metrics],
            "counts": {s.label: len(self.by_severity(s)) for s in Severity},
            "disabled": dict(self.disabled),
        }
