"""RED-1, RED-2 and HLP-1: backups, vacancies and a single intake."""

from __future__ import annotations

from ..vocab import FUNCTIONS, label
from .base import FIELDS, STRUCTURE, Bounds, Finding, Rule, Severity
from .context import Context
from .sources import cite


class Backups(Rule):
    id = "RED-1"
    title = "Every function has a backup"
    severity = Severity.WARNING
    source = cite("FORUM")
    reads = frozenset({FIELDS})

    def check(self, ctx: Context) -> list[Finding]:
        findings = []
        for function, leads in ctx.leads.items():
            backups = ctx.backups.get(function, [])
            real = [b for b in backups if not all(ctx.same_person(b, lead) for lead in leads)]
            if real or len(leads) > 1 and not all(ctx.same_person(a, leads[0]) for a in leads):
                continue
            name = label(FUNCTIONS, function)
            if backups:
                message = f"{name} is led and backed up by the same person ({ctx.titles(leads + backups)}): a single point of failure."
            else:
                message = f"{name} has a lead ({ctx.titles(leads)}) but no backup: a single point of failure."
            findings.append(
                self.finding(message, leads + backups, f"Name another person as backup for {name.lower()}.")
            )
        return findings


class VacantSoleLead(Rule):
    id = "RED-2"
    title = "No vacancy is the only lead of a function"
    severity = Severity.WARNING
    source = cite("FORUM")
    reads = frozenset({FIELDS, STRUCTURE})

    def check(self, ctx: Context) -> list[Finding]:
        findings = []
        for function, leads in ctx.leads.items():
            if len(leads) != 1:
                continue
            role = ctx.roles[leads[0]]
            if role.vacant and role.reports_to is not None:
                name = label(FUNCTIONS, function)
                findings.append(
                    self.finding(
                        f"{ctx.titles([role.id])} is vacant and is the only lead for {name.lower()}.",
                        [role.id],
                        f"Fill the position, or name an interim lead for {name.lower()}.",
                    )
                )
        return findings


class SingleIntake(Rule):
    id = "HLP-1"
    title = "One help desk intake"
    severity = Severity.WARNING
    source = cite("FORUM")
    params = {"intake_owners": 1}
    ranges = {"intake_owners": Bounds(1, 100, whole=True)}
    reads = frozenset({FIELDS})

    def check(self, ctx: Context) -> list[Finding]:
        wanted = int(self.param(ctx, "intake_owners"))
        owners = ctx.by_flag.get("intake_owner", [])
        if len(owners) == wanted:
            return []
        if not owners:
            desks = ctx.by_category.get("help_desk", []) or ctx.leads.get("help_desk", [])
            hint = f" Flag {ctx.titles(desks[:1])} as intake owner." if desks else " Add a help desk and flag it as intake owner."
            return [
                self.finding(
                    "No role is the help desk's single intake owner, so requests have no one front door.",
                    desks[:1],
                    hint.strip(),
                )
            ]
        return [
            self.finding(
                f"{len(owners)} roles are flagged as intake owner ({ctx.titles(owners)}); "
                f"the framework expects {wanted}, a single front door.",
                owners,
                "Keep the intake owner flag on one role.",
            )
        ]
