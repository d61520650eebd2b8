"""SVC-1, SVC-2, INT-1 and INT-2: who serves what, and integration's two sides."""

from __future__ import annotations

from ..role import Role
from ..vocab import CORE_SERVICES, SERVICE_AREAS
from .base import DOTTED, FIELDS, STRUCTURE, Finding, Rule, Severity
from .context import Context
from .sources import cite


class GartnerServiceAreas(Rule):
    """SVC-1. A role outside the IT organization counts as an explicit
    delegation when it serves the area and has a dotted line into it."""

    id = "SVC-1"
    title = "Three IT service areas covered"
    severity = Severity.ERROR
    source = cite("GARTNER")
    reads = frozenset({STRUCTURE, DOTTED, FIELDS})

    def check(self, ctx: Context) -> list[Finding]:
        subtree = ctx.it_subtree
        findings = []
        for area, label in SERVICE_AREAS.items():
            serving = ctx.service_area_roles.get(area, [])
            if not subtree:
                covered = bool(serving)
            else:
                covered = any(
                    r in subtree or any(t in subtree for t in ctx.roles[r].dotted_to) for r in serving
                )
            if covered:
                continue
            outside = [r for r in serving if r not in subtree]
            if outside:
                message = (
                    f"The service area “{label}” is served only outside the IT organization "
                    f"({ctx.titles(outside)}), with no dotted line into it."
                )
                fix = f"Add a dotted line from {ctx.titles(outside[:1])} to the IT organization, or give the area to an IT role."
            else:
                message = f"No role serves the IT service area “{label}”."
                fix = f"Assign “{label}” to a role in the IT organization."
            leader = [ctx.top_it_leader] if ctx.top_it_leader else []
            findings.append(self.finding(message, outside or leader, fix))
        return findings


class CoreServices(Rule):
    id = "SVC-2"
    title = "Three core services covered"
    severity = Severity.WARNING
    source = cite("CORE")
    reads = frozenset({FIELDS})

    def check(self, ctx: Context) -> list[Finding]:
        findings = []
        for service, label in CORE_SERVICES.items():
            if ctx.core_service_roles.get(service):
                continue
            leader = [ctx.top_it_leader] if ctx.top_it_leader else []
            findings.append(
                self.finding(
                    f"No role provides the core service “{label}”; the three core services are equally necessary.",
                    leader,
                    f"Give “{label}” to a role (list it among the role's core services).",
                )
            )
        return findings


def is_integration_role(role: Role) -> bool:
    return role.category == "integration_coach" or "instructional_integration" in role.leads


class IntegrationExists(Rule):
    id = "INT-1"
    title = "An integration coach exists"
    severity = Severity.WARNING
    source = cite("CORE", "FORUM")
    reads = frozenset({FIELDS})

    def check(self, ctx: Context) -> list[Finding]:
        if any(is_integration_role(r) for r in ctx.roles.values()) or not ctx.roles:
            return []
        return [
            self.finding(
                "There is no integration coach or instructional technology role, so no one connects technology with teaching.",
                [],
                "Add an integration coach (drag “Integration coach” onto the chart).",
            )
        ]


def _teaching_learning(role: Role) -> bool:
    return role.has("teaching_learning_leader") or role.category == "instructional_leader"


class IntegrationBothSides(Rule):
    id = "INT-2"
    title = "Integration tied to teaching & learning and to technology"
    severity = Severity.WARNING
    source = cite("FORUM")
    reads = frozenset({STRUCTURE, DOTTED, FIELDS})

    def check(self, ctx: Context) -> list[Finding]:
        tech = ctx.it_subtree or frozenset(ctx.by_flag.get("top_it_leader", []))
        findings = []
        for role in ctx.roles.values():
            if not is_integration_role(role):
                continue
            tl = ctx.reaches(role.id, frozenset(), _teaching_learning) or any(
                _teaching_learning(ctx.roles[s]) for s in ctx.chart.dotted_reports(role.id)
            )
            it = role.id in tech or ctx.has_line_to(role.id, tech)
            if tl and it:
                continue
            missing = " and ".join(
                side for side, ok in (("teaching & learning", tl), ("technology", it)) if not ok
            )
            findings.append(
                self.finding(
                    f"{ctx.titles([role.id])} has no line (solid or dotted) to the {missing} side; "
                    "integration needs pedagogy and technology both.",
                    [role.id],
                    "Add a dotted line to the "
                    + ("teaching & learning leader" if not tl else "technology department")
                    + ".",
                )
            )
        return findings
