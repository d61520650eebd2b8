"""INT-3, STF-1, STF-2 and STF-3: staffing ratios, as info that turns to a warning past its threshold."""

from __future__ import annotations

from ..vocab import SUPPORT_WORK
from .base import DISTRICT, INTEGRATION_FTE, SUPPORT_FTE, TECH_STAFF_FTE, Bounds, Finding, Metric, Rule, Severity
from .context import Context
from .metrics import (
    DEFAULTS,
    devices_per_technician,
    metric_of,
    students_per_tech_fte,
    teachers_per_integration_fte,
    technicians_vs_buildings,
)
from .sources import cite


class _RatioRule(Rule):
    """A figure per FTE: info with its inputs, a warning past the threshold."""

    severity = Severity.INFO
    #: The fact divided, as the district facts name it.
    fact: str
    fix: str

    def metric(self, ctx: Context) -> Metric:  # pragma: no cover - abstract
        raise NotImplementedError

    def unknown(self, ctx: Context) -> str | None:
        """Why the figure can't be worked out when the fact is missing (``None``: it is known)."""
        if getattr(ctx.chart.district, self.fact) is None:
            return f"the number of {self.fact} is not entered"
        return None

    def unknown_fix(self, ctx: Context) -> str:
        return f"Enter the number of {self.fact} in the district facts (Chart › District Facts…)."

    def text(self, ctx: Context, m: Metric) -> str:
        return f"{m.label}: {m.display()} ({m.reference}; {m.note})."

    def no_staff(self, ctx: Context, m: Metric) -> Finding:
        """The fact is known but no filled FTE does the work."""
        return self.finding(f"{m.label}: the chart has no filled FTE doing this work ({m.note}).", [], self.fix,
                            Severity.WARNING)

    def check(self, ctx: Context) -> list[Finding]:
        m = self.metric(ctx)
        if m.value is None:
            why = self.unknown(ctx)
            if why is not None:
                return [self.finding(f"{m.label} cannot be worked out: {why}.", [], self.unknown_fix(ctx))]
            return [self.no_staff(ctx, m)]
        text = self.text(ctx, m)
        if m.warns:
            return [self.finding(text, [], self.fix, Severity.WARNING)]
        return [self.finding(text)]


class DevicesPerTechnician(_RatioRule):
    id = "STF-1"
    title = "Devices per technician"
    source = cite("SURVEY")
    params = DEFAULTS["STF-1"]
    ranges = {"max_devices_per_fte": Bounds(1, 1_000_000)}
    reads = frozenset({DISTRICT, SUPPORT_FTE})
    fact = "devices"
    fix = "Add building technician or help desk FTE, or reduce the devices each technician supports."

    def metric(self, ctx: Context) -> Metric:
        return metric_of(ctx, devices_per_technician)

    def unknown(self, ctx: Context) -> str | None:
        devices = ctx.devices
        if devices.count is not None:
            return None
        if devices.unreadable:
            return f"the number of devices is not entered and the 1:1 grades “{devices.unreadable}” can't be read"
        if devices.grades is not None:
            return "the number of devices is not entered, nor the number of students to estimate it from the 1:1 grades"
        return "the number of devices is not entered, nor the 1:1 grades to estimate it from"

    def text(self, ctx: Context, m: Metric) -> str:
        devices = ctx.devices
        if devices.estimated and devices.grades is not None:
            return (f"{m.label}: {m.display()} (estimated from 1:1 grades {devices.grades.label()}: about "
                    f"{devices.count:,} devices for {m.note}; {m.reference}).")
        return super().text(ctx, m)

    def unknown_fix(self, ctx: Context) -> str:
        return ("Enter the number of devices, or the 1:1 grades (such as 4-12) and the students, "
                "in the district facts (Chart › District Facts…).")


class StudentsPerTechStaff(_RatioRule):
    id = "STF-2"
    title = "Students per technology-staff FTE"
    source = cite("SURVEY") + " (a 2008 staffing survey found a mean of about 1,900 students per technician)"
    params = DEFAULTS["STF-2"]
    ranges = {"max_students_per_fte": Bounds(1, 1_000_000)}
    reads = frozenset({DISTRICT, TECH_STAFF_FTE})
    fact = "students"
    fix = "Add technology staff FTE."

    def metric(self, ctx: Context) -> Metric:
        return metric_of(ctx, students_per_tech_fte)


class TeachersPerIntegration(_RatioRule):
    """INT-3, on the effective integration FTE; quiet while INT-1 already says there is no integration role."""

    id = "INT-3"
    title = "Teachers per integration FTE"
    source = cite("FORUM")
    params = DEFAULTS["INT-3"]
    ranges = {"max_teachers_per_fte": Bounds(1, 100_000)}
    reads = frozenset({DISTRICT, INTEGRATION_FTE})
    fact = "teachers"
    fix = "Add integration coach FTE so each coach supports fewer teachers."

    def metric(self, ctx: Context) -> Metric:
        return metric_of(ctx, teachers_per_integration_fte)

    def unknown(self, ctx: Context) -> str | None:
        if not ctx.integration_roles:
            return "the chart has no integration role (see INT-1)"
        return super().unknown(ctx)

    def unknown_fix(self, ctx: Context) -> str:
        if not ctx.integration_roles:
            return "Add an integration coach (drag “Integration coach” from the palette)."
        return super().unknown_fix(ctx)

    def no_staff(self, ctx: Context, m: Metric) -> Finding:
        vacant = ctx.vacant(ctx.integration_roles)
        return self.finding(
            f"{m.label} cannot be worked out: no filled role does integration work"
            + (f" ({ctx.titles(vacant)} {'is' if len(vacant) == 1 else 'are'} vacant)." if vacant else "."),
            vacant,
            f"Fill {ctx.titles(vacant)}." if vacant else self.fix,
        )


class TechniciansForBuildings(Rule):
    """STF-3, on the effective support FTE (the same technicians as STF-1); an
    unknown number of schools of a level is unknown, not 0."""

    id = "STF-3"
    title = "Technicians for the buildings"
    severity = Severity.INFO
    source = cite("HEURISTIC")
    params = DEFAULTS["STF-3"]
    ranges = {name: Bounds(0.1, 100) for name in DEFAULTS["STF-3"]}
    reads = frozenset({DISTRICT, SUPPORT_FTE})

    def check(self, ctx: Context) -> list[Finding]:
        m = metric_of(ctx, technicians_vs_buildings)
        if m.threshold is None:
            total = ctx.chart.district.buildings.total
            why = m.note + (f" (only a total of {total} buildings is)" if total is not None else "")
            return [self.finding(f"Technicians for the buildings cannot be worked out: {why}.", [],
                                 "Enter the number of elementary, middle and high schools in the district facts "
                                 "(Chart › District Facts…); enter 0 for a level the district does not have.")]
        support = ctx.effective_fte(SUPPORT_WORK)
        have, expected = support.total, m.threshold
        if have + 0.5 < expected:
            verdict = "fewer than"
        elif have > expected + 1:
            verdict = "more than"
        else:
            verdict = "about"
        partial = [s.role_id for s in support.partial]
        counted = (f" ({ctx.titles(partial)} counted for the support share of {'its' if len(partial) == 1 else 'their'} "
                   "led functions)") if partial else ""
        b = ctx.chart.district.buildings
        return [
            self.finding(
                f"{round(have, 2):g} technician FTE{counted} for the schools on record ({b.elementary} elementary, "
                f"{b.middle} middle, {b.high} high); {verdict} the {expected:.1f} the heuristic suggests.",
                list(support.role_ids) if verdict == "fewer than" else [],
                "Compare each site's load before adding or moving technicians.",
            )
        ]
