"""STR-1, STR-2 and SPN-1: the shape of the reporting lines and FTE."""

from __future__ import annotations

from ..people import DEFAULT_MAX_PERSON_FTE, PERSON_FTE_PARAM
from ..vocab import BOARD_CATEGORIES
from .base import FLAGS, PEOPLE, REPORTS, Bounds, Finding, Rule, Severity, categories
from .context import Context
from .metrics import DEFAULTS, SPAN_READS, manager_spans
from .sources import cite


class SingleTop(Rule):
    """STR-1. Cycles, self-reports and lines to missing roles are refused by the
    chart itself (on every edit and when a file is read), so what is left to
    report is the forest's top: exactly one, the superintendent when present,
    with the Board of Education allowed above the superintendent."""

    id = "STR-1"
    title = "One reporting tree"
    severity = Severity.ERROR
    source = cite("STRUCTURAL")
    reads = frozenset({REPORTS, FLAGS}) | categories("superintendent", *BOARD_CATEGORIES)

    def check(self, ctx: Context) -> list[Finding]:
        roots = list(ctx.chart.roots())
        if not roots:
            return []
        supers = ctx.superintendents
        boards = [r for c in BOARD_CATEGORIES for r in ctx.by_category.get(c, ())]
        findings = [self._misplaced_board(ctx, b, supers) for b in boards if ctx.roles[b].reports_to is not None]
        allowed_tops = set(supers) | set(boards)
        if len(roots) > 1:
            strays = [r for r in roots if r not in allowed_tops] or roots
            if supers:
                head = supers[0]
                text = "everyone but the superintendent (and the Board of Education above it) needs a manager."
            else:
                head = None
                text = "a department chart has one top."
            fix = (
                f"Make {ctx.titles(strays)} report to {ctx.titles([head])} (drag each onto that box)."
                if head is not None and head not in strays
                else "Add the superintendent (or the department's head) and make these roles report to it."
            )
            if head is not None and set(roots) <= allowed_tops and boards:
                fix = f"Make {ctx.titles([head])} report to {ctx.titles(boards[:1])}."
            findings.append(
                self.finding(f"The chart has {len(roots)} top roles ({ctx.titles(roots)}); {text}", strays, fix)
            )
        elif supers and roots[0] not in allowed_tops:
            top, head = roots[0], supers[0]
            findings.append(
                self.finding(
                    f"The top of the chart is {ctx.titles([top])}, not the superintendent {ctx.titles([head])}.",
                    [top, head],
                    f"Drag {ctx.titles([head])} onto empty canvas to make it the top, then make {ctx.titles([top])} "
                    f"report to it (or, if {ctx.titles([top])} is the Board of Education, set its category to "
                    "Board of Education).",
                )
            )
        return findings

    def _misplaced_board(self, ctx: Context, board: str, supers: list[str]) -> Finding:
        manager = ctx.roles[board].reports_to or ""
        return self.finding(
            f"{ctx.titles([board])} is the Board of Education but reports to {ctx.titles([manager])}; "
            "the board sits only above the superintendent.",
            [board, manager],
            f"Drag {ctx.titles([board])} onto empty canvas to make it the top"
            + (f" and make {ctx.titles(supers[:1])} report to it" if supers else "")
            + ", or change its category.",
        )


class PersonFte(Rule):
    """STR-2. Each role's FTE is kept in (0, 1] by the chart; a person's FTE
    summed over the roles they hold must stay within the limit too. The
    editor refuses an edit past the same threshold (``Chart.max_person_fte``);
    a file or an import can still bring an over-allocated person in."""

    id = "STR-2"
    title = "FTE within one position per person"
    severity = Severity.ERROR
    source = cite("STRUCTURAL")
    params = {PERSON_FTE_PARAM: DEFAULT_MAX_PERSON_FTE}
    ranges = {PERSON_FTE_PARAM: Bounds(0.1, 3.0)}
    reads = frozenset({PEOPLE})

    def check(self, ctx: Context) -> list[Finding]:
        """A kept context keeps each person's finding and words again only those of the people whose roles an
        edit changed (see ``index_updates``)."""
        limit = self.param(ctx, PERSON_FTE_PARAM)
        # The chart keeps each person's total (the same threshold): only look for roles when one is over.
        over = ctx.chart.over_allocated_people()
        kept = ctx.people_findings
        kept.drop_stale()
        return kept.findings(ctx, [key for key, total in over.items() if total > limit + 1e-9],
                             lambda key: self._finding(ctx, key, over[key], limit))

    def _finding(self, ctx: Context, key: str, total: float, limit: float) -> Finding:
        ids = ctx.holders[key]
        name = ctx.roles[ids[0]].person
        return self.finding(
            f"{name} holds {total:g} FTE across {ctx.titles(ids)}; one person can hold at most {limit:g} FTE.",
            ids,
            f"Lower the FTE of {name}'s roles so they add up to {limit:g} or less, or give a role to someone else.",
        )


class SpanOfControl(Rule):
    """SPN-1, inside the IT organization only: a manager of front-line support
    staff alone (building technicians, help desk) has the wider limit."""

    id = "SPN-1"
    title = "Span of control"
    severity = Severity.WARNING
    source = cite("MANAGEMENT")
    params = DEFAULTS["SPN-1"]
    ranges = {
        "max_direct_reports": Bounds(1, 1000, whole=True),
        "max_front_line_reports": Bounds(1, 1000, whole=True),
    }
    reads = SPAN_READS

    def check(self, ctx: Context) -> list[Finding]:
        findings = []
        for span in manager_spans(ctx).too_wide:
            team = " for a team of front-line support staff" if span.front_line else ""
            findings.append(
                self.finding(
                    f"{ctx.titles([span.manager])} has {span.reports} direct reports, more than {span.limit:g}{team}.",
                    [span.manager],
                    f"Add a lead between {ctx.titles([span.manager])} and some of its reports, or make some of "
                    "them report to another manager (drag them onto that box).",
                )
            )
        return findings
