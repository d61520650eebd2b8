"""RED-1, RED-2 and HLP-1: backups, vacancies and a single intake.

A vacant position is a plan, not a person: it backs nothing up (RED-1), and
RED-2 says when a requirement rests only on vacancies.
"""

from __future__ import annotations

from ..vocab import CORE_SERVICES, SERVICE_AREAS
from .base import (
    BACKS_UP,
    CORE_SERVICES_FIELD,
    DISTRICT,
    FLAGS,
    IT_ORGANIZATION,
    LEADS,
    PERSON,
    SERVICE_AREAS_FIELD,
    VACANT,
    Bounds,
    Finding,
    Rule,
    Severity,
    categories,
)
from .context import Context
from .sentences import function_name, function_names
from .sources import cite


def _is_are(role_ids: list[str]) -> str:
    return "is" if len(role_ids) == 1 else "are"


class Backups(Rule):
    """RED-1, one finding per person: every function they lead that no filled
    role held by someone else backs up (another person co-leading counts)."""

    id = "RED-1"
    title = "Every function has a backup"
    severity = Severity.WARNING
    source = cite("FORUM")
    reads = frozenset({LEADS, BACKS_UP, VACANT, PERSON})

    def check(self, ctx: Context) -> list[Finding]:
        #: person (or a lone role) → (lead roles, functions, same-person backups, vacant backups)
        groups: dict[object, tuple[list[str], list[str], list[str], list[str]]] = {}
        for function, leads in ctx.leads.items():
            backups = ctx.backups.get(function, [])
            for lead in ctx.filled(leads):
                if any(r != lead and not ctx.is_vacant(r) and not ctx.same_person(r, lead)
                       for r in (*backups, *leads)):
                    continue
                key = ctx.person(lead) or ("role", lead)
                roles, functions, same, planned = groups.setdefault(key, ([], [], [], []))
                if lead not in roles:
                    roles.append(lead)
                functions.append(function)
                same.extend(r for r in backups if r != lead and not ctx.is_vacant(r) and r not in same)
                planned.extend(r for r in backups if ctx.is_vacant(r) and r not in planned)
        return [self._finding(ctx, *group) for group in groups.values()]

    def _finding(self, ctx: Context, roles: list[str], functions: list[str], same: list[str],
                 planned: list[str]) -> Finding:
        names = function_names(list(dict.fromkeys(functions)))
        message = f"{ctx.who(roles)} leads {names} with no backup held by another person: a single point of failure."
        if same:
            message += f" {ctx.titles(same)} {_is_are(same)} held by the same person."
        if planned:
            message += f" {ctx.titles(planned)} {_is_are(planned)} vacant: planned as backup, not yet a backup."
        fix = f"Add {names} to “Backs up” on a role held by someone else"
        fix += f", or fill {ctx.titles(planned)}." if planned else "."
        return self.finding(message, [*roles, *same, *planned], fix)


class VacantOnly(Rule):
    """RED-2. A requirement met only by vacant positions: every lead of a function,
    the intake owner, the privacy owner, every role serving a service area, a
    core service or integration. One finding per requirement."""

    id = "RED-2"
    title = "No requirement rests only on vacancies"
    severity = Severity.WARNING
    source = cite("FORUM")
    reads = frozenset({IT_ORGANIZATION, DISTRICT, FLAGS, LEADS, VACANT, SERVICE_AREAS_FIELD, CORE_SERVICES_FIELD}) \
        | categories("privacy_officer", "integration_coach")

    def requirements(self, ctx: Context) -> list[tuple[str, str, list[str], bool]]:
        """(what is required, what to give a filled role, the roles that may meet it, whether only those with
        a line into IT meet it) of each requirement."""
        out: list[tuple[str, str, list[str], bool]] = []
        privacy = ctx.privacy_owners
        # Where the law requires a named officer, PRV-1 reports a vacant one as an error.
        privacy_here = bool(privacy) and not ctx.named_privacy_officer_required
        if privacy_here:
            out.append(("Student-data privacy", "the privacy officer flag", privacy, False))
        flagged = ctx.by_flag.get("intake_owner", [])
        if flagged:
            out.append(("The help desk's intake", "the intake owner flag", flagged, False))
        for function, leads in ctx.leads.items():
            if function == "data_privacy" and (privacy_here or ctx.named_privacy_officer_required):
                continue
            name = function_name(function)
            out.append((f"The lead of {name}", f"{name} to lead", leads, False))
        for key, name in SERVICE_AREAS.items():
            out.append((f"The IT service area “{name}”", f"“{name}”", ctx.service_area_roles.get(key, []), True))
        for key, name in CORE_SERVICES.items():
            out.append((f"The core service “{name}”", f"“{name}”", ctx.core_service_roles.get(key, []), True))
        out.append(("Integration", "instructional integration to lead", ctx.integration_roles, False))
        return out

    def check(self, ctx: Context) -> list[Finding]:
        findings = []
        for what, give, roles, through_it in self.requirements(ctx):
            if ctx.some(roles, filled=True, through_it=through_it):  # a filled role meets it
                continue
            roles = ctx.covering(roles) if through_it else roles
            if not roles:
                continue
            findings.append(
                self.finding(
                    f"{what} rests only on vacant positions ({ctx.titles(roles)}): until one is filled, no one does it.",
                    roles,
                    f"Fill {ctx.titles(roles[:1])}, or give {give} to a filled role as well.",
                )
            )
        return findings


class SingleIntake(Rule):
    """HLP-1. The intake owner is the flagged role, or without one the lead of the help desk."""

    id = "HLP-1"
    title = "One help desk intake"
    severity = Severity.WARNING
    source = cite("FORUM")
    params = {"intake_owners": 1}
    ranges = {"intake_owners": Bounds(1, 100, whole=True)}
    reads = frozenset({FLAGS, LEADS}) | categories("help_desk")

    def check(self, ctx: Context) -> list[Finding]:
        wanted = int(self.param(ctx, "intake_owners"))
        flagged = ctx.by_flag.get("intake_owner", [])
        if not ctx.intake_owners and ctx.roles:
            desks = ctx.by_category.get("help_desk", [])
            fix = (
                f"Tick “Intake owner (help desk)” for {ctx.titles(desks[:1])}."
                if desks
                else "Add a help desk (drag “Help desk” from the palette) and tick “Intake owner (help desk)” for it."
            )
            return [
                self.finding(
                    "No role is the help desk's single intake owner, so requests have no one front door.",
                    desks[:1],
                    fix,
                )
            ]
        if not flagged or len(flagged) == wanted:
            return []
        return [
            self.finding(
                f"{len(flagged)} roles are flagged as intake owner ({ctx.titles(flagged)}); "
                f"the framework expects {wanted}, a single front door.",
                flagged,
                "Keep “Intake owner (help desk)” ticked on " + ("one role." if wanted == 1 else f"{wanted} roles."),
            )
        ]

