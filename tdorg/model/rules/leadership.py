"""CAB-1, CAB-2, CAB-3 and CEN-1: the top IT leader and a centralized department."""

from __future__ import annotations

from ..vocab import TECH_CATEGORIES
from .base import DOTTED, FIELDS, STRUCTURE, Finding, Rule, Severity
from .context import Context
from .sources import cite


class OneItLeader(Rule):
    id = "CAB-1"
    title = "Exactly one top IT leader"
    severity = Severity.ERROR
    source = cite("GARTNER")
    reads = frozenset({FIELDS})

    def check(self, ctx: Context) -> list[Finding]:
        flagged = ctx.by_flag.get("top_it_leader", [])
        if len(flagged) == 1:
            return []
        if not flagged:
            leaders = ctx.by_category.get("it_leader", [])
            hint = f" such as {ctx.titles(leaders[:1])}" if leaders else ""
            return [
                self.finding(
                    "No role is flagged as the top IT leader, so no one holds the department together.",
                    leaders[:1],
                    f"Flag the head of technology{hint} as top IT leader.",
                )
            ]
        return [
            self.finding(
                f"{len(flagged)} roles are flagged as the top IT leader ({ctx.titles(flagged)}); there must be one.",
                flagged,
                "Keep the top IT leader flag on one role and have the others report to it.",
            )
        ]


class ItLeaderOnCabinet(Rule):
    id = "CAB-2"
    title = "Top IT leader on the cabinet"
    severity = Severity.ERROR
    source = cite("GARTNER", "COSN")
    reads = frozenset({FIELDS})

    def check(self, ctx: Context) -> list[Finding]:
        leader = ctx.top_it_leader
        if leader is None or ctx.roles[leader].has("cabinet"):
            return []
        return [
            self.finding(
                f"The top IT leader {ctx.titles([leader])} is not on the superintendent's cabinet, "
                "so technology is left out of district strategy.",
                [leader],
                f"Make {ctx.titles([leader])} a cabinet member.",
            )
        ]


class ItLeaderReportsToSuperintendent(Rule):
    id = "CAB-3"
    title = "Top IT leader reports to the superintendent"
    severity = Severity.WARNING
    source = cite("COSN", "SURVEY") + " (in 2013 about 58% of district tech leaders reported directly to the superintendent)"
    reads = frozenset({STRUCTURE, FIELDS})

    def check(self, ctx: Context) -> list[Finding]:
        leader = ctx.top_it_leader
        if leader is None or not ctx.superintendents:
            return []
        manager = ctx.roles[leader].reports_to
        if manager is not None and ctx.is_superintendent(ctx.roles[manager]):
            return []
        via = f" but to {ctx.titles([manager])}" if manager else ""
        return [
            self.finding(
                f"The top IT leader {ctx.titles([leader])} does not report directly to the superintendent{via}.",
                [leader] + ([manager] if manager else []),
                f"Have {ctx.titles([leader])} report to {ctx.titles(ctx.superintendents[:1])}.",
            )
        ]


class Centralized(Rule):
    id = "CEN-1"
    title = "Technology roles inside the IT organization"
    severity = Severity.WARNING
    source = cite("GARTNER")
    reads = frozenset({STRUCTURE, DOTTED, FIELDS})

    def check(self, ctx: Context) -> list[Finding]:
        subtree = ctx.it_subtree
        if not subtree:
            return []
        findings = []
        for role in ctx.roles.values():
            if role.category not in TECH_CATEGORIES or role.id in subtree:
                continue
            if any(target in subtree for target in role.dotted_to):
                continue
            findings.append(
                self.finding(
                    f"{ctx.titles([role.id])} is a technology role outside the top IT leader's organization "
                    "with no dotted line into it: duplicated effort and conflicting priorities.",
                    [role.id],
                    f"Move {ctx.titles([role.id])} under the IT organization, or add a dotted line to it.",
                )
            )
        return findings
