"""INT-3, STF-1, STF-2 and STF-3: staffing ratios, as info that turns to a warning past its threshold."""

from __future__ import annotations

from .base import DISTRICT, FIELDS, Bounds, Finding, Metric, Rule, Severity
from .context import Context
from .metrics import (
    DEFAULTS,
    devices_per_technician,
    students_per_tech_fte,
    teachers_per_integration_fte,
    technicians_vs_buildings,
)
from .sources import cite


class _RatioRule(Rule):
    severity = Severity.INFO
    reads = frozenset({FIELDS, DISTRICT})
    fact: str
    staff: str
    fix: str

    def metric(self, ctx: Context) -> Metric:  # pragma: no cover - abstract
        raise NotImplementedError

    def check(self, ctx: Context) -> list[Finding]:
        m = self.metric(ctx)
        if m.value is None:
            known = getattr(ctx.chart.district, self.fact) is not None
            if known:
                return [
                    self.finding(
                        f"{m.label}: the chart has no filled {self.staff} FTE.",
                        [],
                        self.fix,
                        Severity.WARNING,
                    )
                ]
            return [self.finding(f"{m.label} cannot be worked out: the number of {self.fact} is not entered.", [],
                                 f"Enter the number of {self.fact} in the district facts.")]
        text = f"{m.label}: {m.display()} ({m.reference}; {m.note})."
        if m.warns:
            return [self.finding(text, [], self.fix, Severity.WARNING)]
        return [self.finding(text)]


class DevicesPerTechnician(_RatioRule):
    id = "STF-1"
    title = "Devices per technician"
    source = cite("SURVEY")
    params = DEFAULTS["STF-1"]
    ranges = {"max_devices_per_fte": Bounds(1, 1_000_000)}
    fact = "devices"
    staff = "technician"
    fix = "Add building technician or help desk FTE, or reduce the devices each technician supports."

    def metric(self, ctx: Context) -> Metric:
        return devices_per_technician(ctx)


class StudentsPerTechStaff(_RatioRule):
    id = "STF-2"
    title = "Students per technology-staff FTE"
    source = cite("SURVEY") + " (a 2008 staffing survey found a mean of about 1,900 students per technician)"
    params = DEFAULTS["STF-2"]
    ranges = {"max_students_per_fte": Bounds(1, 1_000_000)}
    fact = "students"
    staff = "technology-staff"
    fix = "Add technology staff FTE."

    def metric(self, ctx: Context) -> Metric:
        return students_per_tech_fte(ctx)


class TeachersPerIntegration(_RatioRule):
    id = "INT-3"
    title = "Teachers per integration FTE"
    source = cite("FORUM")
    params = DEFAULTS["INT-3"]
    ranges = {"max_teachers_per_fte": Bounds(1, 100_000)}
    fact = "teachers"
    staff = "integration coach"
    fix = "Add integration coach FTE so each coach supports fewer teachers."

    def metric(self, ctx: Context) -> Metric:
        return teachers_per_integration_fte(ctx)


class TechniciansForBuildings(Rule):
    id = "STF-3"
    title = "Building technicians for the buildings"
    severity = Severity.INFO
    source = cite("HEURISTIC")
    params = DEFAULTS["STF-3"]
    ranges = {name: Bounds(0.1, 100) for name in DEFAULTS["STF-3"]}
    reads = frozenset({FIELDS, DISTRICT})

    def check(self, ctx: Context) -> list[Finding]:
        m = technicians_vs_buildings(ctx)
        techs = ctx.by_category.get("building_technician", [])
        if m.threshold is None:
            total = ctx.chart.district.buildings.total
            why = (
                f"only a total of {total} buildings is entered, not how many are elementary, middle and high schools"
                if total is not None
                else "building counts are not entered"
            )
            return [self.finding(f"Building technicians vs buildings cannot be worked out: {why}.",
                                 [], "Enter the number of elementary, middle and high schools in the district facts.")]
        have, expected = m.value or 0.0, m.threshold
        if have + 0.5 < expected:
            verdict = "fewer than"
        elif have > expected + 1:
            verdict = "more than"
        else:
            verdict = "about"
        return [
            self.finding(
                f"{have:g} building technician FTE for the buildings; {verdict} the {expected:.1f} the heuristic suggests.",
                techs if verdict == "fewer than" else [],
                "Compare each site's load before adding or moving technicians.",
            )
        ]
