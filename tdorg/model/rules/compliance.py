"""PRV-1, PRV-2, SEC-1 and CMP-1: privacy, security and E-rate owners."""

from __future__ import annotations

from .base import DISTRICT, DOTTED, FIELDS, STRUCTURE, Finding, Rule, Severity
from .context import Context
from .sources import cite

#: States whose law requires a named data-protection officer, with the law.
STATE_PRIVACY_LAWS = {
    "NY": "New York Education Law 2-d and Part 121 of the Commissioner's regulations require a data protection officer",
}


def privacy_owners(ctx: Context) -> list[str]:
    owners = dict.fromkeys(ctx.by_flag.get("privacy_officer", []) + ctx.leads.get("data_privacy", []))
    return list(owners)


class PrivacyOwner(Rule):
    id = "PRV-1"
    title = "Someone owns student-data privacy"
    severity = Severity.ERROR
    source = cite("COSN") + " (vetting applications for student-data privacy is a legal obligation)"
    reads = frozenset({FIELDS, DISTRICT})

    def check(self, ctx: Context) -> list[Finding]:
        if privacy_owners(ctx) or not ctx.roles:
            return []
        law = STATE_PRIVACY_LAWS.get(ctx.chart.district.state.upper())
        extra = f" {law}." if law else ""
        return [
            self.finding(
                "No one owns student-data privacy: no role is flagged privacy officer or leads data privacy." + extra,
                [ctx.top_it_leader] if ctx.top_it_leader else [],
                "Flag a role as privacy officer, or give a role the data privacy function to lead.",
            )
        ]


class PrivacyTiedToIt(Rule):
    id = "PRV-2"
    title = "Privacy owner tied to the top IT leader"
    severity = Severity.WARNING
    source = cite("COSN")
    reads = frozenset({FIELDS, STRUCTURE, DOTTED})

    def check(self, ctx: Context) -> list[Finding]:
        leader = ctx.top_it_leader
        if leader is None:
            return []
        findings = []
        for owner in privacy_owners(ctx):
            if owner == leader or ctx.has_line_to(owner, {leader}):
                continue
            findings.append(
                self.finding(
                    f"The privacy owner {ctx.titles([owner])} has no line (solid or dotted) to the top IT leader "
                    f"{ctx.titles([leader])}, so app vetting is not tied to procurement.",
                    [owner, leader],
                    f"Add a dotted line from {ctx.titles([owner])} to {ctx.titles([leader])}.",
                )
            )
        return findings


class SecurityOwner(Rule):
    id = "SEC-1"
    title = "Someone owns cybersecurity"
    severity = Severity.WARNING
    source = cite("SURVEY") + " (in 2023 about two thirds of districts had no full-time cybersecurity employee)"
    reads = frozenset({FIELDS})

    def check(self, ctx: Context) -> list[Finding]:
        if ctx.by_category.get("security") or ctx.leads.get("cybersecurity") or not ctx.roles:
            return []
        return [
            self.finding(
                "No role has cybersecurity as its category or as a function it leads.",
                [ctx.top_it_leader] if ctx.top_it_leader else [],
                "Give a role the cybersecurity function to lead, or add a cybersecurity role.",
            )
        ]


class ErateOwner(Rule):
    id = "CMP-1"
    title = "Someone leads E-rate / CIPA"
    severity = Severity.WARNING
    source = cite("FEDERAL")
    reads = frozenset({FIELDS, DISTRICT})

    def check(self, ctx: Context) -> list[Finding]:
        if not ctx.chart.district.erate or ctx.leads.get("erate"):
            return []
        return [
            self.finding(
                "The district takes E-rate, but no role leads the E-rate / CIPA function.",
                [ctx.top_it_leader] if ctx.top_it_leader else [],
                "Give a role (often the IT leader or a business office role) the E-rate function to lead.",
            )
        ]
