"""STR-1, STR-2 and SPN-1: the shape of the reporting lines and FTE."""

from __future__ import annotations

from collections import defaultdict

from ..chart import person_key
from .base import FIELDS, STRUCTURE, Bounds, Finding, Rule, Severity
from .context import Context
from .sources import cite


class SingleTop(Rule):
    """STR-1. Cycles, self-reports and lines to missing roles are refused by the
    chart itself (on every edit and when a file is read), so what is left to
    report is the forest's top: exactly one, the superintendent when present."""

    id = "STR-1"
    title = "One reporting tree"
    severity = Severity.ERROR
    source = cite("STRUCTURAL")
    reads = frozenset({STRUCTURE, FIELDS})

    def check(self, ctx: Context) -> list[Finding]:
        roots = list(ctx.chart.roots())
        if not roots:
            return []
        supers = ctx.superintendents
        findings: list[Finding] = []
        if supers:
            if len(roots) == 1 and roots[0] not in supers:
                top = roots[0]
                findings.append(
                    self.finding(
                        f"The top of the chart is {ctx.titles([top])}, not the superintendent "
                        f"{ctx.titles(supers[:1])}.",
                        [top, supers[0]],
                        f"Make {ctx.titles([top])} report to the superintendent.",
                    )
                )
            elif len(roots) > 1:
                findings.append(
                    self.finding(
                        f"The chart has {len(roots)} top roles ({ctx.titles(roots)}); "
                        "everyone but the superintendent needs a manager.",
                        [r for r in roots if r not in supers] or roots,
                        "Give each of these roles a manager inside the chart.",
                    )
                )
        elif len(roots) > 1:
            findings.append(
                self.finding(
                    f"The chart has {len(roots)} separate top roles ({ctx.titles(roots)}); "
                    "a department chart has one top.",
                    roots,
                    "Add the superintendent (or the department's head) and make these roles report to it.",
                )
            )
        return findings


class PersonFte(Rule):
    """STR-2. Each role's FTE is kept in (0, 1] by the chart; a person's FTE
    summed over the roles they hold must stay within the limit too."""

    id = "STR-2"
    title = "FTE within one position per person"
    severity = Severity.ERROR
    source = cite("STRUCTURAL")
    params = {"max_person_fte": 1.0}
    ranges = {"max_person_fte": Bounds(0.1, 3.0)}
    reads = frozenset({FIELDS})

    def check(self, ctx: Context) -> list[Finding]:
        limit = self.param(ctx, "max_person_fte")
        totals: dict[str, float] = defaultdict(float)
        holders: dict[str, list[str]] = defaultdict(list)
        for role in ctx.roles.values():
            if role.person and not role.vacant:
                key = person_key(role.person)
                totals[key] += role.fte
                holders[key].append(role.id)
        findings = []
        for key, total in totals.items():
            if total > limit + 1e-9:
                ids = holders[key]
                name = ctx.roles[ids[0]].person
                findings.append(
                    self.finding(
                        f"{name} holds {total:g} FTE across {ctx.titles(ids)}; one person can hold at most {limit:g} FTE.",
                        ids,
                        f"Lower the FTE of {name}'s roles so they add up to {limit:g} or less, or give a role to someone else.",
                    )
                )
        return findings


class SpanOfControl(Rule):
    id = "SPN-1"
    title = "Span of control"
    severity = Severity.WARNING
    source = cite("MANAGEMENT")
    params = {"max_direct_reports": 10}
    ranges = {"max_direct_reports": Bounds(1, 1000, whole=True)}
    reads = frozenset({STRUCTURE, FIELDS})  # the finding names the manager by title

    def check(self, ctx: Context) -> list[Finding]:
        limit = self.param(ctx, "max_direct_reports")
        findings = []
        for role_id in ctx.roles:
            count = ctx.chart.child_count(role_id)
            if count > limit:
                findings.append(
                    self.finding(
                        f"{ctx.titles([role_id])} has {count} direct reports, more than {limit:g}.",
                        [role_id],
                        "Add a lead or manager layer, or move some reports to another manager.",
                    )
                )
        return findings
