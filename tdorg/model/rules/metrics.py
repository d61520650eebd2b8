"""Staffing figures beside the surveyed reference values (shown whether or not they warn).

Each metric carries its inputs — which roles count and with what share, and
where a count comes from — so the metrics panel, the board packet and
``tdorg validate`` explain a figure in the same words.
"""

from __future__ import annotations

from bisect import insort
from typing import Callable, Iterable, NamedTuple, Sequence

from ..chart import Chart
from ..plural import plural
from ..settings import RuleSettings
from ..vocab import CATEGORIES, FRONT_LINE_CATEGORIES, INTEGRATION_WORK, SUPPORT_WORK, label
from .base import (
    DISTRICT,
    FLAGS,
    INTEGRATION_FTE,
    IT_ORGANIZATION,
    REPORTS,
    SUPPORT_FTE,
    TECH_STAFF_FTE,
    Metric,
    categories,
)
from .context import TECH_STAFF_CATEGORIES, Context, EffectiveFte
from .sentences import and_list, function_names, in_sentence
from .sources import cite

# Default thresholds live here so rules and metrics agree.
DEFAULTS = {
    "STF-1": {"max_devices_per_fte": 1000.0},
    "STF-2": {"max_students_per_fte": 2000.0},
    "INT-3": {"max_teachers_per_fte": 150.0},
    "STF-3": {"high_per_tech": 1.0, "middle_per_tech": 2.0, "elementary_per_tech": 3.5},
    "SPN-1": {"max_direct_reports": 10.0, "max_front_line_reports": 15.0},
}

#: Roles an explanation names one by one before it sums up the rest.
_LISTED = 6


def _threshold(settings: RuleSettings, rule: str, name: str) -> float:
    return settings.threshold(rule, name, DEFAULTS[rule][name])


def _ratio(numerator: int | None, denominator: float) -> float | None:
    if numerator is None or denominator <= 0:
        return None
    return numerator / denominator


#: Why a ratio has no figure while its work rests on vacant positions, and what to do.
NO_ONE_YET = ("No filled positions yet — ratios count filled positions only; enter who holds a role in "
              "Properties › Person.")


def _missing(value: float | None, fact: str, staffed: float, vacant: int, add: str) -> str:
    """Why a ratio has no figure and what would give one: ``fact`` to enter (``""``: it is entered), then
    positions to fill (``vacant`` of them) or, with none, ``add`` from the palette."""
    if value is not None:
        return ""
    parts = [f"Enter {fact} (Chart › District Facts…)."] if fact else []
    if staffed <= 0:
        parts.append(NO_ONE_YET if vacant else f"No role does this work yet: add {add} from the palette.")
    return " ".join(parts)


def _planned(planned: float | None, vacant: int) -> tuple[float | None, int]:
    """A metric's planned figure and the vacancies it fills, or nothing when no vacancy would change it."""
    return (planned, vacant) if vacant and planned is not None else (None, 0)


def _fte(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def fte_lines(ctx: Context, groups: Iterable[tuple[str, Sequence[str]]]) -> list[str]:
    """Filled roles that count whole, category by category: “Building technician: 12 roles, 12 FTE”."""
    lines = []
    for category, ids in groups:
        total = ctx.fte_sum([(category, False)])
        who = ctx.titles(ids, 2) if len(ids) <= 2 else plural(len(ids), "role")
        lines.append(f"{label(CATEGORIES, category)}: {who}, {_fte(total)} FTE")
    return lines


def effective_lines(ctx: Context, eff: EffectiveFte) -> list[str]:
    """Who counts for a kind of work and with what share, then the vacancies left out."""
    partial = eff.partial
    lines = [line + " (whole FTE)" for line in fte_lines(ctx, eff.whole)]
    for share in partial[:_LISTED]:
        role = ctx.roles[share.role_id]
        lines.append(
            f"{ctx.titles([share.role_id])}: {_fte(share.fte)} FTE × {len(share.functions)}/{len(role.leads)} "
            f"of its led functions ({function_names(share.functions)}) = {_fte(share.effective)} FTE"
        )
    rest = partial[_LISTED:]
    if rest:
        lines.append(f"{plural(len(rest), 'more role')} by the share of their led functions: "
                     f"{_fte(sum(s.effective for s in rest))} FTE")
    if eff.vacant:
        lines.append(f"Not counted, vacant: {ctx.titles(eff.vacant)}")
    return lines


def _kind_text(eff: EffectiveFte) -> str:
    categories = and_list([in_sentence(label(CATEGORIES, c)) for c in sorted(eff.kind.categories)])
    return (f"Counted: {categories} roles, their whole filled FTE; other roles, the share of their led "
            f"functions that are {function_names(sorted(eff.kind.functions))}")


def expected_technicians(ctx: Context) -> float | None:
    """Technicians the heuristic suggests, or ``None`` while any school level is unknown (unknown is not 0)."""
    b = ctx.chart.district.buildings
    if b.elementary is None or b.middle is None or b.high is None:
        return None
    s = ctx.chart.settings
    return (
        b.high / _threshold(s, "STF-3", "high_per_tech")
        + b.middle / _threshold(s, "STF-3", "middle_per_tech")
        + b.elementary / _threshold(s, "STF-3", "elementary_per_tech")
    )


def devices_per_technician(ctx: Context) -> Metric:
    limit = _threshold(ctx.chart.settings, "STF-1", "max_devices_per_fte")
    support = ctx.effective_fte(SUPPORT_WORK)
    devices = ctx.devices
    value = _ratio(devices.count, support.total)
    planned, vacant = _planned(_ratio(devices.count, support.total + support.vacant_fte), len(support.vacant))
    if devices.count is not None:
        source_line = devices.basis(ctx.chart.district.students)
    elif devices.unreadable:
        source_line = f"Devices not entered; the 1:1 grades “{devices.unreadable}” can't be read"
    elif devices.grades is not None:
        source_line = "Devices not entered; the 1:1 grades are, but the number of students is not"
    else:
        source_line = "Devices not entered, nor the 1:1 grades to estimate them from"
    return Metric(
        "devices_per_technician", "Devices per technician FTE", value, "devices",
        f"warn above {limit:,.0f}", cite("SURVEY"), limit, value is not None and value > limit,
        f"{_fte(support.total)} filled support FTE",
        (source_line, _kind_text(support), *effective_lines(ctx, support)),
        devices.estimated and value is not None,
        _missing(value, "" if devices.count is not None else "the number of devices (or the 1:1 grades and the "
                 "students)", support.total, len(support.vacant), "a building technician or help desk role"),
        planned, vacant,
    )


def students_per_tech_fte(ctx: Context) -> Metric:
    limit = _threshold(ctx.chart.settings, "STF-2", "max_students_per_fte")
    filled, vacancies = ctx.filled_by_category, ctx.vacant_by_category
    # The categories as the chart first lists a filled role of each.
    staff = sorted((c for c in TECH_STAFF_CATEGORIES if filled.get(c)), key=lambda c: ctx.place[filled[c][0]])
    total = ctx.fte_sum([(c, False) for c in TECH_STAFF_CATEGORIES])
    students = ctx.chart.district.students
    value = _ratio(students, total)
    vacant_staff = sum(len(vacancies.get(c, ())) for c in TECH_STAFF_CATEGORIES)
    with_vacant = ctx.fte_sum([(c, v) for c in TECH_STAFF_CATEGORIES for v in (False, True)])
    planned, vacant = _planned(_ratio(students, with_vacant), vacant_staff)
    return Metric(
        "students_per_tech_fte", "Students per technology-staff FTE", value, "students",
        f"about 1,900 surveyed mean; warn above {limit:,.0f}", cite("SURVEY"), limit,
        value is not None and value > limit,
        f"{_fte(total)} filled technology-staff FTE",
        ("The IT leader, IT managers and technology roles count their whole filled FTE; integration coaches "
         "are not counted", *fte_lines(ctx, [(c, filled[c]) for c in staff])),
        missing=_missing(value, "" if students is not None else "the number of students", total, vacant_staff,
                         "the technology leader or a technology role"),
        planned=planned, planned_vacant=vacant,
    )


def teachers_per_integration_fte(ctx: Context) -> Metric:
    limit = _threshold(ctx.chart.settings, "INT-3", "max_teachers_per_fte")
    integration = ctx.effective_fte(INTEGRATION_WORK)
    teachers = ctx.chart.district.teachers
    value = _ratio(teachers, integration.total)
    planned, vacant = _planned(_ratio(teachers, integration.total + integration.vacant_fte), len(integration.vacant))
    return Metric(
        "teachers_per_integration_fte", "Teachers per integration FTE", value, "teachers",
        f"warn above {limit:,.0f}", cite("FORUM"), limit, value is not None and value > limit,
        f"{_fte(integration.total)} filled integration FTE",
        (_kind_text(integration), *effective_lines(ctx, integration)),
        missing=_missing(value, "" if teachers is not None else "the number of teachers", integration.total,
                         len(integration.vacant), "an integration coach"),
        planned=planned, planned_vacant=vacant,
    )


def technicians_vs_buildings(ctx: Context) -> Metric:
    support = ctx.effective_fte(SUPPORT_WORK)
    expected = expected_technicians(ctx)
    planned, vacant = _planned(support.total + support.vacant_fte, len(support.vacant))
    return Metric(
        "technicians_vs_buildings", "Technician FTE for the buildings", support.total, "FTE",
        (f"about {expected:.1f} expected" if expected is not None else "enter the schools of each level")
        + " (1 per high school, 1 per 2 middle, 1 per 3–4 elementary)",
        cite("HEURISTIC"), expected, False,
        _buildings_note(ctx),
        (_kind_text(support), *effective_lines(ctx, support)),
        planned=planned, planned_vacant=vacant,
    )


def _buildings_note(ctx: Context) -> str:
    b = ctx.chart.district.buildings
    levels = [(b.elementary, "elementary"), (b.middle, "middle"), (b.high, "high")]
    unknown = [name for count, name in levels if count is None]
    if unknown:
        return f"the number of {and_list(unknown)} schools is not entered"
    return f"schools on record: {b.elementary} elementary, {b.middle} middle, {b.high} high"


#: What the spans of SPN-1 read: the managers in the IT organization, their reports and whether those are front-line.
SPAN_READS = frozenset({REPORTS, IT_ORGANIZATION, FLAGS}) | categories(*FRONT_LINE_CATEGORIES)


class Span(NamedTuple):
    """A manager inside the IT organization and its direct reports."""

    manager: str
    reports: int
    #: Every report is front-line support (building technician, help desk).
    front_line: bool
    limit: float

    @property
    def too_wide(self) -> bool:
        return self.reports > self.limit


class Spans:
    """Every IT manager's span, with what SPN-1 and its metric read of them (how many reports in all, the
    managers by their count of reports, those over their limit in the order of their ids) kept as spans
    come, change and go, so that none of it walks every span again."""

    def __init__(self) -> None:
        self.spans: dict[str, Span] = {}
        self.reports = 0
        self._by_reports: dict[int, set[str]] = {}
        self._over: list[str] = []

    def put(self, span: Span) -> None:
        self.drop(span.manager)
        self.spans[span.manager] = span
        self.reports += span.reports
        self._by_reports.setdefault(span.reports, set()).add(span.manager)
        if span.too_wide:
            insort(self._over, span.manager)

    def drop(self, manager: str) -> None:
        span = self.spans.pop(manager, None)
        if span is None:
            return
        self.reports -= span.reports
        same = self._by_reports[span.reports]
        same.discard(manager)
        if not same:
            del self._by_reports[span.reports]
        if span.too_wide:
            self._over.remove(manager)

    @property
    def widest(self) -> Span | None:
        """The span with the most reports (the first such manager by id)."""
        if not self._by_reports:
            return None
        return self.spans[min(self._by_reports[max(self._by_reports)])]

    @property
    def too_wide(self) -> list[Span]:
        """The spans over their limit, in the order of their managers' ids."""
        return [self.spans[m] for m in self._over]


def manager_spans(ctx: Context) -> Spans:
    """The spans SPN-1 checks: managers in the top IT leader's subtree, with their limits."""
    return ctx.memo("spans", lambda: _spans(ctx))


def _spans(ctx: Context) -> Spans:
    """Every IT manager's span (however the IT subtree was built); a kept context works out again only the
    spans of the managers an edit touched."""
    s = ctx.chart.settings
    limits = _threshold(s, "SPN-1", "max_direct_reports"), _threshold(s, "SPN-1", "max_front_line_reports")
    chart, subtree = ctx.chart, ctx.it_subtree
    kept = ctx.kept_spans if ctx.kept else None
    if kept is None:
        kept = Spans()
        for manager in sorted(subtree):
            if chart.child_count(manager):
                kept.put(_span(ctx, manager, limits))
        if ctx.kept:
            ctx.kept_spans = kept
    else:
        for manager in ctx.stale_spans:
            if manager in subtree and chart.child_count(manager):
                kept.put(_span(ctx, manager, limits))
            else:
                kept.drop(manager)
    ctx.stale_spans.clear()
    return kept


def _span(ctx: Context, manager: str, limits: tuple[float, float]) -> Span:
    reports = ctx.chart.children(manager)
    front = all(ctx.roles[r].category in FRONT_LINE_CATEGORIES for r in reports)
    return Span(manager, len(reports), front, limits[1] if front else limits[0])


def span_of_control(ctx: Context) -> Metric:
    s = ctx.chart.settings
    limit = _threshold(s, "SPN-1", "max_direct_reports")
    front_limit = _threshold(s, "SPN-1", "max_front_line_reports")
    spans = manager_spans(ctx)
    count, widest = len(spans.spans), spans.widest
    mean = spans.reports / count if count else 0
    over = [sp.manager for sp in spans.too_wide]
    inputs = [f"{plural(count, 'manager')} in the IT organization, mean {mean:.1f} direct reports"]
    if widest is not None:
        inputs.append(f"Widest: {ctx.titles([widest.manager])} with {widest.reports}"
                      + (" (all front-line support)" if widest.front_line else ""))
    if over:
        inputs.append(f"Over the limit: {ctx.titles(over)}")
    return Metric(
        "span_of_control", "Widest span of control in IT", widest.reports if widest else None, "direct reports",
        f"limit {limit:g}; {front_limit:g} for front-line support teams", cite("MANAGEMENT"), limit, bool(over),
        "only managers inside the top IT leader's organization count",
        tuple(inputs),
    )


METRICS = (
    students_per_tech_fte,
    devices_per_technician,
    teachers_per_integration_fte,
    technicians_vs_buildings,
    span_of_control,
)

#: What each metric reads, so an edit re-works only the metrics it touched.
METRIC_READS: dict[Callable[[Context], Metric], frozenset[str]] = {
    students_per_tech_fte: frozenset({DISTRICT, TECH_STAFF_FTE}),
    devices_per_technician: frozenset({DISTRICT, SUPPORT_FTE}),
    teachers_per_integration_fte: frozenset({DISTRICT, INTEGRATION_FTE}),
    technicians_vs_buildings: frozenset({DISTRICT, SUPPORT_FTE}),
    span_of_control: SPAN_READS,
}


def compute_metrics(chart: Chart, ctx: Context | None = None) -> list[Metric]:
    ctx = ctx or Context(chart)
    return [metric_of(ctx, m) for m in METRICS]


def metric_of(ctx: Context, compute: Callable[[Context], Metric]) -> Metric:
    """A metric, worked out once per validation pass (the rules and the metrics list share it)."""
    return ctx.memo(("metric", compute), lambda: compute(ctx))
