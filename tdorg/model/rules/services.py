"""SVC-1, SVC-2, INT-1 and INT-2: who serves what, and integration's two sides.

A vacant position counts as planned coverage here (RED-2 says when a
requirement rests only on vacancies); "a line into IT" is the shared definition.
"""

from __future__ import annotations

from ..vocab import CORE_SERVICES, SERVICE_AREAS
from .base import (
    CORE_SERVICES_FIELD,
    FLAGS,
    IT_ORGANIZATION,
    LEADS,
    SERVICE_AREAS_FIELD,
    WALKS,
    Finding,
    Rule,
    Severity,
    categories,
)
from .context import Context
from .sources import cite


class _Coverage(Rule):
    """Each item of a vocabulary is served by a role with a line into IT (or, for a
    chart without a single top IT leader, by any role)."""

    items: dict[str, str]
    what: str
    field_name: str

    def serving(self, ctx: Context) -> dict[str, list[str]]:  # pragma: no cover - abstract
        raise NotImplementedError

    def check(self, ctx: Context) -> list[Finding]:
        serving = self.serving(ctx)
        leader = ctx.top_it_leader
        findings = []
        for key, name in self.items.items():
            roles = serving.get(key, [])
            if ctx.some(roles, through_it=True):
                continue
            if roles:
                message = (
                    f"The {self.what} “{name}” is served only outside the IT organization "
                    f"({ctx.titles(roles)}), with no line into it."
                )
                target = ctx.titles([leader]) if leader else "the IT organization"
                fix = (f"Shift-drag a dotted line from {ctx.titles(roles[:1])} to {target}, "
                       f"or add “{name}” to the {self.field_name} of a role in IT.")
            else:
                message = f"No role serves the {self.what} “{name}”."
                where = f" such as {ctx.titles([leader])}" if leader else ""
                fix = f"Add “{name}” to the {self.field_name} of a role in the IT organization{where}."
            findings.append(self.finding(message, roles or ctx.leader_or_none(), fix))
        return findings


class GartnerServiceAreas(_Coverage):
    """SVC-1. A role outside the IT organization counts as an explicit
    delegation when it serves the area and has a line into IT."""

    id = "SVC-1"
    title = "Three IT service areas covered"
    severity = Severity.ERROR
    source = cite("GARTNER")
    items = SERVICE_AREAS
    what = "IT service area"
    field_name = "service areas"
    reads = frozenset({IT_ORGANIZATION, FLAGS, SERVICE_AREAS_FIELD})

    def serving(self, ctx: Context) -> dict[str, list[str]]:
        return ctx.service_area_roles


class CoreServices(_Coverage):
    """SVC-2. [CORE] says the technology department provides all three."""

    id = "SVC-2"
    title = "Three core services covered"
    severity = Severity.WARNING
    source = cite("CORE")
    items = CORE_SERVICES
    what = "core service"
    field_name = "core services"
    reads = frozenset({IT_ORGANIZATION, FLAGS, CORE_SERVICES_FIELD})

    def serving(self, ctx: Context) -> dict[str, list[str]]:
        return ctx.core_service_roles


class IntegrationExists(Rule):
    id = "INT-1"
    title = "An integration coach exists"
    severity = Severity.WARNING
    source = cite("CORE", "FORUM")
    reads = frozenset({LEADS, FLAGS}) | categories("integration_coach")

    def check(self, ctx: Context) -> list[Finding]:
        if ctx.integration_roles or not ctx.roles:
            return []
        leader = ctx.top_it_leader
        under = f" onto {ctx.titles([leader])}" if leader else ""
        return [
            self.finding(
                "There is no integration coach or instructional technology role, so no one connects technology with teaching.",
                [],
                f"Add an integration coach (drag “Integration coach” from the palette{under}), or add "
                "instructional integration to the Leads of the role that does this work.",
            )
        ]


class IntegrationBothSides(Rule):
    id = "INT-2"
    title = "Integration tied to teaching & learning and to technology"
    severity = Severity.WARNING
    source = cite("FORUM")
    reads = frozenset({WALKS, LEADS, FLAGS}) | categories("integration_coach", "instructional_leader")

    def check(self, ctx: Context) -> list[Finding]:
        """Each integration role's finding; a kept context keeps them and works out again only those of the
        roles an edit may have changed (see ``index_updates``)."""
        kept = ctx.integration_findings
        kept.drop_stale()
        return kept.findings(ctx, ctx.integration_roles, lambda role_id: self._finding(ctx, role_id))

    def _finding(self, ctx: Context, role_id: str) -> Finding | None:
        leader = ctx.top_it_leader
        role = ctx.roles[role_id]
        tl = (
            ctx.is_teaching_learning(role)
            or ctx.reaches(role_id, ctx.is_teaching_learning)
            or any(ctx.is_teaching_learning(ctx.roles[s]) for s in ctx.chart.dotted_reports(role_id))
        )
        it = leader is None or role_id in ctx.into_it
        if tl and it:
            return None
        missing, steps = [], []
        if not tl:
            missing.append("teaching & learning")
            other = next((t.id for t in ctx.roles.values() if ctx.is_teaching_learning(t) and t.id != role_id), None)
            steps.append(
                f"to {ctx.titles([other])}" if other is not None
                else "to the teaching & learning leader (tick “Teaching & learning leader” for that role first)"
            )
        if not it:
            missing.append("technology")
            steps.append(f"to {ctx.titles([leader])}")
        return self.finding(
            f"{ctx.titles([role_id])} has no line (solid or dotted) to the {' or the '.join(missing)} side; "
            "integration needs pedagogy and technology both.",
            [role_id],
            f"Shift-drag a dotted line from {ctx.titles([role_id])} " + " and another ".join(steps) + ".",
        )
