"""CAB-1, CAB-2, CAB-3 and CEN-1: the top IT leader and a centralized department."""

from __future__ import annotations

from itertools import filterfalse

from ..vocab import TECH_CATEGORIES
from .base import DOTTED, FLAGS, IT_ORGANIZATION, STRUCTURE, Finding, Rule, Severity, categories
from .context import Context
from .sources import cite


class OneItLeader(Rule):
    id = "CAB-1"
    title = "Exactly one top IT leader"
    severity = Severity.ERROR
    source = cite("GARTNER")
    reads = frozenset({FLAGS}) | categories("it_leader")

    def check(self, ctx: Context) -> list[Finding]:
        flagged = ctx.by_flag.get("top_it_leader", [])
        if len(flagged) == 1 or not ctx.roles:
            return []
        if not flagged:
            leaders = ctx.by_category.get("it_leader", [])
            fix = (
                f"Tick “Top IT leader” for {ctx.titles(leaders[:1])}, the head of technology."
                if leaders
                else "Add the head of technology (drag “IT leader” from the palette) and tick “Top IT leader” for it."
            )
            return [
                self.finding(
                    "No role is flagged as the top IT leader, so no one holds the department together.",
                    leaders[:1],
                    fix,
                )
            ]
        return [
            self.finding(
                f"{len(flagged)} roles are flagged as the top IT leader ({ctx.titles(flagged)}); there must be one.",
                flagged,
                f"Keep “Top IT leader” ticked for one of {ctx.titles(flagged)} and make the others report to it.",
            )
        ]


class ItLeaderOnCabinet(Rule):
    id = "CAB-2"
    title = "Top IT leader on the cabinet"
    severity = Severity.ERROR
    source = cite("GARTNER", "COSN")
    reads = frozenset({FLAGS}) | categories("superintendent")

    def check(self, ctx: Context) -> list[Finding]:
        leader = ctx.top_it_leader
        if leader is None or ctx.roles[leader].has("cabinet"):
            return []
        cabinet = "the superintendent's cabinet" if ctx.superintendents else "the cabinet"
        return [
            self.finding(
                f"The top IT leader {ctx.titles([leader])} is not on {cabinet}, "
                "so technology is left out of district strategy.",
                [leader],
                f"Tick “Cabinet member” for {ctx.titles([leader])}.",
            )
        ]


class ItLeaderReportsToSuperintendent(Rule):
    """CAB-3. Quiet when the top IT leader is the superintendent, or the chart has none."""

    id = "CAB-3"
    title = "Top IT leader reports to the superintendent"
    severity = Severity.WARNING
    source = cite("COSN", "SURVEY") + " (in 2013 about 58% of district tech leaders reported directly to the superintendent)"
    reads = frozenset({STRUCTURE, FLAGS}) | categories("superintendent")

    def check(self, ctx: Context) -> list[Finding]:
        leader = ctx.top_it_leader
        supers = ctx.superintendents
        if leader is None or not supers or leader in supers:
            return []
        manager = ctx.roles[leader].reports_to
        if manager is not None and manager in supers:
            return []
        head = supers[0]
        via = f" but to {ctx.titles([manager])}" if manager else ""
        if ctx.chart.is_under(head, leader):
            fix = (f"Drag {ctx.titles([head])} onto empty canvas to make it the top, then make "
                   f"{ctx.titles([leader])} report to it.")
        else:
            fix = f"Make {ctx.titles([leader])} report to {ctx.titles([head])} (drag it onto that box)."
        return [
            self.finding(
                f"The top IT leader {ctx.titles([leader])} does not report directly to the superintendent{via}.",
                [leader] + ([manager] if manager else []),
                fix,
            )
        ]


class Centralized(Rule):
    """CEN-1. A technology role needs a line into IT (see the shared definitions)."""

    id = "CEN-1"
    title = "Technology roles inside the IT organization"
    severity = Severity.WARNING
    source = cite("GARTNER")
    reads = frozenset({IT_ORGANIZATION, FLAGS}) | categories(*TECH_CATEGORIES)

    def check(self, ctx: Context) -> list[Finding]:
        leader = ctx.top_it_leader
        if leader is None:
            return []
        subtree, outside = ctx.it_subtree, ctx.dotted_into_it
        findings = []
        for c in sorted(TECH_CATEGORIES):  # most are in the IT subtree: those are passed over in one sweep
            for role_id in filterfalse(outside.__contains__, filterfalse(subtree.__contains__, ctx.by_category.get(c, ()))):
                findings.append(self._outside(ctx, role_id, leader))
        return findings

    def _outside(self, ctx: Context, role_id: str, leader: str) -> Finding:
        return self.finding(
            f"{ctx.titles([role_id])} is a technology role outside the top IT leader's organization "
            "with no line into it: duplicated effort and conflicting priorities.",
            [role_id],
            f"Make {ctx.titles([role_id])} report to {ctx.titles([leader])} (drag it onto that box), "
            f"or Shift-drag a dotted line from it to {ctx.titles([leader])}.",
        )


#: Technology roles whose lines to the administration go through the top IT leader (PNT-1).
_CONTACT_CATEGORIES = TECH_CATEGORIES | {"it_manager"}


class SinglePointOfContact(Rule):
    """PNT-1. Integration roles are left out: INT-2 asks for their line to teaching and learning."""

    id = "PNT-1"
    title = "The top IT leader is the administration's single point of contact"
    severity = Severity.INFO
    source = cite("FORUM") + " (Patrick Henry: the CTO is the administration's single point of contact)"
    reads = frozenset({IT_ORGANIZATION, DOTTED, FLAGS}) | categories(*_CONTACT_CATEGORIES, "superintendent", "executive")

    def check(self, ctx: Context) -> list[Finding]:
        leader = ctx.top_it_leader
        if leader is None:
            return []
        subtree = ctx.it_subtree
        administration = dict.fromkeys(r for r in (*ctx.superintendents, *ctx.by_category.get("executive", ()))
                                       if r not in subtree)
        # Only dotted lines with the administration matter: found from its end, taken in the chart's order.
        ends = {(source, target) for admin in administration
                for source, target in (*((admin, t) for t in ctx.roles[admin].dotted_to),
                                       *((s, admin) for s in ctx.chart.dotted_reports(admin)))}
        lines: dict[str, list[str]] = {}
        place = ctx.place
        for source, target in sorted(ends, key=lambda e: (place[e[0]], ctx.roles[e[0]].dotted_to.index(e[1]))):
            for tech, admin in ((source, target), (target, source)):
                if tech in subtree and admin in administration and admin not in lines.get(tech, ()):
                    lines.setdefault(tech, []).append(admin)
        findings = []
        for role_id, admins in lines.items():
            if role_id == leader or ctx.roles[role_id].category not in _CONTACT_CATEGORIES:
                continue
            findings.append(
                self.finding(
                    f"{ctx.titles([role_id])} has a dotted line with {ctx.titles(admins)} outside IT, bypassing "
                    f"{ctx.titles([leader])}, the administration's single point of contact for technology.",
                    [role_id, *admins],
                    f"If the line is only for routine requests, delete it (select the dotted line, then Del) and "
                    f"route them through {ctx.titles([leader])}; keep it if the work needs it.",
                )
            )
        return findings
