"""FUN-1 and EMP-1: someone is responsible for each essential function, and a
critical function does not rest on a contractor alone.

Which functions are essential or critical is a threshold of the rule per
function (1 = checked, 0 = not), so a chart can change the list like any
other threshold.
"""

from __future__ import annotations

from ..vocab import CRITICAL_FUNCTIONS, ESSENTIAL_FUNCTIONS
from .base import BACKS_UP, EMPLOYMENT, FLAGS, LEADS, STRUCTURE, VACANT, Bounds, Finding, Rule, Severity
from .context import Context
from .sentences import function_name, function_names
from .sources import cite

_YES_NO = Bounds(0, 1, whole=True)


class _FunctionList(Rule):
    """A rule over a list of functions, each switched on or off by a 0/1 threshold."""

    prefix: str
    functions: tuple[str, ...]

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        cls.params = {f"{cls.prefix}_{f}": 1.0 for f in cls.functions}
        cls.ranges = {f"{cls.prefix}_{f}": _YES_NO for f in cls.functions}

    def checked(self, ctx: Context) -> list[str]:
        return [f for f in self.functions if self.param(ctx, f"{self.prefix}_{f}") >= 1]


class EssentialLeads(_FunctionList):
    """FUN-1, one finding per function."""

    id = "FUN-1"
    title = "Every essential function has a lead"
    severity = Severity.WARNING
    source = cite("FORUM") + " (define who is responsible for what and who is back-up)"
    prefix = "essential"
    functions = ESSENTIAL_FUNCTIONS
    reads = frozenset({LEADS, BACKS_UP, FLAGS})

    def check(self, ctx: Context) -> list[Finding]:
        if not ctx.roles:
            return []
        findings = []
        for function in self.checked(ctx):
            if ctx.leads.get(function):
                continue
            name = function_name(function)
            backups = ctx.backups.get(function, [])
            if backups:
                message = (f"{name[:1].upper() + name[1:]} has backups ({ctx.titles(backups)}) but no lead: "
                           "no one is responsible for it.")
                fix = f"Add {name} to “Leads” on {ctx.titles(backups[:1])} or another role."
            else:
                message = f"No role leads {name}, an essential function: no one is responsible for it."
                leader = ctx.top_it_leader
                where = f", such as {ctx.titles([leader])} or one of its reports" if leader else ""
                fix = f"Add {name} to “Leads” on the role responsible for it{where}."
            findings.append(self.finding(message, backups or ctx.leader_or_none(), fix))
        return findings


class ContractorOnly(_FunctionList):
    """EMP-1, one finding per contractor (or contractors) holding critical functions alone."""

    id = "EMP-1"
    title = "No critical function rests on a contractor alone"
    severity = Severity.WARNING
    source = cite("FORUM") + " (West Salem's contracted engineer)"
    prefix = "critical"
    functions = CRITICAL_FUNCTIONS
    reads = frozenset({STRUCTURE, LEADS, BACKS_UP, VACANT, EMPLOYMENT})  # the fix names the contractor's manager

    def check(self, ctx: Context) -> list[Finding]:
        groups: dict[tuple[str, ...], list[str]] = {}
        for function in self.checked(ctx):
            leads = ctx.filled(ctx.leads.get(function, []))
            if not leads or any(ctx.roles[r].employment != "contractor" for r in leads):
                continue
            if any(ctx.roles[r].employment == "staff" for r in ctx.filled(ctx.backups.get(function, []))):
                continue
            groups.setdefault(tuple(leads), []).append(function)
        return [self._finding(ctx, list(leads), functions) for leads, functions in groups.items()]

    def _finding(self, ctx: Context, leads: list[str], functions: list[str]) -> Finding:
        names = function_names(functions)
        verb = "is a contractor and the only filled lead" if len(leads) == 1 else "are contractors and the only filled leads"
        manager = ctx.roles[leads[0]].reports_to
        staff_manager = (
            manager is not None and not ctx.is_vacant(manager) and ctx.roles[manager].employment == "staff"
        )
        such_as = f" such as {ctx.titles([manager])}" if staff_manager and manager is not None else ""
        it = "it" if len(functions) == 1 else "them"
        return self.finding(
            f"{ctx.titles(leads)} {verb} of {names}, and no staff member backs {it} up: what the district "
            f"knows of {it} leaves with the contract.",
            leads,
            f"Add {names} to “Backs up” on a staff member's role{such_as}.",
        )
