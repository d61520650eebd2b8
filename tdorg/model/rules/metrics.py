"""Staffing figures beside the surveyed reference values (shown whether or not they warn)."""

from __future__ import annotations

from ..chart import Chart
from ..settings import RuleSettings
from .base import Metric
from .context import Context
from .sources import cite

# Default thresholds live here so rules and metrics agree.
DEFAULTS = {
    "STF-1": {"max_devices_per_fte": 1000.0},
    "STF-2": {"max_students_per_fte": 2000.0},
    "INT-3": {"max_teachers_per_fte": 150.0},
    "STF-3": {"high_per_tech": 1.0, "middle_per_tech": 2.0, "elementary_per_tech": 3.5},
    "SPN-1": {"max_direct_reports": 10.0},
}


def _threshold(settings: RuleSettings, rule: str, name: str) -> float:
    return settings.threshold(rule, name, DEFAULTS[rule][name])


def _ratio(numerator: int | None, denominator: float) -> float | None:
    if numerator is None or denominator <= 0:
        return None
    return numerator / denominator


def expected_technicians(ctx: Context) -> float | None:
    b = ctx.chart.district.buildings
    if b.elementary is None and b.middle is None and b.high is None:
        return None
    s = ctx.chart.settings
    return (
        (b.high or 0) / _threshold(s, "STF-3", "high_per_tech")
        + (b.middle or 0) / _threshold(s, "STF-3", "middle_per_tech")
        + (b.elementary or 0) / _threshold(s, "STF-3", "elementary_per_tech")
    )


def devices_per_technician(ctx: Context) -> Metric:
    limit = _threshold(ctx.chart.settings, "STF-1", "max_devices_per_fte")
    value = _ratio(ctx.chart.district.devices, ctx.technician_fte)
    return Metric(
        "devices_per_technician", "Devices per technician FTE", value, "devices",
        f"warn above {limit:,.0f}", cite("SURVEY"), limit, value is not None and value > limit,
        f"{ctx.technician_fte:g} filled technician FTE (building technicians and help desk)",
    )


def students_per_tech_fte(ctx: Context) -> Metric:
    limit = _threshold(ctx.chart.settings, "STF-2", "max_students_per_fte")
    value = _ratio(ctx.chart.district.students, ctx.tech_staff_fte)
    return Metric(
        "students_per_tech_fte", "Students per technology-staff FTE", value, "students",
        f"about 1,900 surveyed mean; warn above {limit:,.0f}", cite("SURVEY"), limit,
        value is not None and value > limit, f"{ctx.tech_staff_fte:g} filled technology-staff FTE",
    )


def teachers_per_integration_fte(ctx: Context) -> Metric:
    limit = _threshold(ctx.chart.settings, "INT-3", "max_teachers_per_fte")
    value = _ratio(ctx.chart.district.teachers, ctx.integration_fte)
    return Metric(
        "teachers_per_integration_fte", "Teachers per integration FTE", value, "teachers",
        f"warn above {limit:,.0f}", cite("FORUM"), limit, value is not None and value > limit,
        f"{ctx.integration_fte:g} filled integration FTE",
    )


def technicians_vs_buildings(ctx: Context) -> Metric:
    have = ctx.filled_fte({"building_technician"})
    expected = expected_technicians(ctx)
    return Metric(
        "technicians_vs_buildings", "Building technician FTE for the buildings", have, "FTE",
        (f"about {expected:.1f} expected" if expected is not None else "enter building counts by level")
        + " (1 per high school, 1 per 2 middle, 1 per 3–4 elementary)",
        cite("HEURISTIC"), expected, False,
        _buildings_note(ctx),
    )


def _buildings_note(ctx: Context) -> str:
    count = ctx.chart.district.buildings.count()
    return "no building counts entered" if count is None else f"{count} buildings on record"


def span_of_control(ctx: Context) -> Metric:
    limit = _threshold(ctx.chart.settings, "SPN-1", "max_direct_reports")
    chart = ctx.chart
    spans = [chart.child_count(r) for r in ctx.roles if chart.child_count(r)]
    widest = max(spans) if spans else None
    mean = sum(spans) / len(spans) if spans else 0
    return Metric(
        "span_of_control", "Widest span of control", widest, "direct reports",
        f"limit {limit:g}", cite("MANAGEMENT"), limit, widest is not None and widest > limit,
        f"mean {mean:.1f} direct reports over {len(spans)} managers",
    )


METRICS = (
    students_per_tech_fte,
    devices_per_technician,
    teachers_per_integration_fte,
    technicians_vs_buildings,
    span_of_control,
)


def compute_metrics(chart: Chart, ctx: Context | None = None) -> list[Metric]:
    ctx = ctx or Context(chart)
    return [m(ctx) for m in METRICS]
