"""PRV-1, PRV-2, SEC-1 and CMP-1: privacy, security and E-rate owners."""

from __future__ import annotations

from .base import DISTRICT, DOTTED, FLAGS, LEADS, STRUCTURE, VACANT, Finding, Rule, Severity, categories
from .context import Context
from .sources import cite


class PrivacyOwner(Rule):
    """PRV-1. An error where the state requires a named officer (then a vacant owner
    does not count either), a warning elsewhere (a vacant owner is planned coverage)."""

    id = "PRV-1"
    title = "Someone owns student-data privacy"
    severity = Severity.WARNING
    source = cite("COSN") + " (vetting applications for student-data privacy is a legal obligation)"
    reads = frozenset({DISTRICT, FLAGS, LEADS, VACANT}) | categories("privacy_officer")

    def check(self, ctx: Context) -> list[Finding]:
        if not ctx.roles:
            return []
        owners = ctx.privacy_owners
        required = ctx.named_privacy_officer_required
        if owners and not (required and not ctx.filled(owners)):
            return []
        law = ctx.privacy_law
        if required:
            why = (f" {law.citation} requires it: {law.requires}." if law is not None
                   else " The district facts say the state requires a named privacy officer.")
        else:
            why = " [COSN] makes the technology leader answerable for vetting every application."
        leader = ctx.top_it_leader
        how = (f"Tick “Privacy officer” for {ctx.titles([leader])} or another role, or add data privacy to its “Leads”"
               if leader else "Tick “Privacy officer” for the role that owns student-data privacy")
        if owners:  # all vacant, and the law wants a person
            return [
                self.finding(
                    f"The privacy owner {ctx.titles(owners)} {'is' if len(owners) == 1 else 'are'} vacant, "
                    f"so no one is the named privacy officer.{why}",
                    owners,
                    f"Fill {ctx.titles(owners[:1])}, or name an interim officer: {how[0].lower() + how[1:]}.",
                    Severity.ERROR,
                )
            ]
        return [
            self.finding(
                "No one owns student-data privacy: no role is flagged privacy officer, has the privacy officer "
                "category or leads data privacy." + why,
                ctx.leader_or_none(),
                how + ".",
                Severity.ERROR if required else Severity.WARNING,
            )
        ]


class PrivacyTiedToIt(Rule):
    """PRV-2. The owner is tied when it is the leader, in the leader's subtree, in the
    leader's chain of managers, or has a dotted line to or from the leader."""

    id = "PRV-2"
    title = "Privacy owner tied to the top IT leader"
    severity = Severity.WARNING
    source = cite("COSN")
    reads = frozenset({STRUCTURE, DOTTED, FLAGS, LEADS}) | categories("privacy_officer")

    def check(self, ctx: Context) -> list[Finding]:
        leader = ctx.top_it_leader
        if leader is None:
            return []
        subtree = ctx.it_subtree
        findings = []
        for owner in ctx.privacy_owners:
            if (
                owner in subtree
                or ctx.chart.is_under(leader, owner)
                or leader in ctx.roles[owner].dotted_to
                or owner in ctx.roles[leader].dotted_to
            ):
                continue
            findings.append(
                self.finding(
                    f"The privacy owner {ctx.titles([owner])} has no line (solid or dotted) to the top IT leader "
                    f"{ctx.titles([leader])}, so app vetting is not tied to procurement.",
                    [owner, leader],
                    f"Shift-drag a dotted line from {ctx.titles([owner])} to {ctx.titles([leader])}.",
                )
            )
        return findings


class SecurityOwner(Rule):
    id = "SEC-1"
    title = "Someone owns cybersecurity"
    severity = Severity.WARNING
    source = cite("SURVEY") + " (in 2023 about two thirds of districts had no full-time cybersecurity employee)"
    reads = frozenset({LEADS, FLAGS}) | categories("security", "network", "systems_admin")

    def check(self, ctx: Context) -> list[Finding]:
        if ctx.by_category.get("security") or ctx.leads.get("cybersecurity") or not ctx.roles:
            return []
        candidates = ctx.by_category.get("network", []) or ctx.by_category.get("systems_admin", []) or ctx.leader_or_none()
        such_as = f" such as {ctx.titles(candidates[:1])}" if candidates else ""
        return [
            self.finding(
                "No role has cybersecurity as its category or as a function it leads.",
                ctx.leader_or_none(),
                f"Add cybersecurity to “Leads” on a role{such_as}, or add a cybersecurity role "
                "(drag “Cybersecurity” from the palette).",
            )
        ]


class ErateOwner(Rule):
    id = "CMP-1"
    title = "Someone leads E-rate / CIPA"
    severity = Severity.WARNING
    source = cite("FEDERAL")
    reads = frozenset({DISTRICT, LEADS, FLAGS})

    def check(self, ctx: Context) -> list[Finding]:
        if not ctx.chart.district.erate or ctx.leads.get("erate"):
            return []
        leader = ctx.top_it_leader
        such_as = f" such as {ctx.titles([leader])} or a business office role" if leader else " (often the IT leader)"
        return [
            self.finding(
                "The district takes E-rate, but no role leads the E-rate / CIPA function.",
                ctx.leader_or_none(),
                f"Add E-rate / CIPA to “Leads” on a role{such_as}.",
            )
        ]
