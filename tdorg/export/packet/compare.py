"""The board packet's section on what changed from another scenario or chart (A) to this one (B).

A summary of positions, FTE and cost, the metric deltas, the findings
resolved and introduced (grouped by rule), and the role-level changes. Long
lists are cut short with "… and N more", so two big scenarios still give a
packet a board can read.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import groupby


from ...model.chart import Chart
from ...model.compare import Comparison, FieldChange
from ...model.compare_text import amount_text, change_text, money, move_text, number, signed, value_text
from ...model.role import Role
from ...model.rules import Finding
from ...model.rules.base import Severity
from ...model.vocab import CATEGORIES, CORE_SERVICES, EMPLOYMENT_TYPES, FLAGS, FUNCTIONS, SERVICE_AREAS
from ...model.vocab import label as vocab_label
from .. import style
from .blocks import Block, Paragraph, Spacer, Table, TableStyle
from .content import esc, grid, styles

#: At most this many roles of each kind of change are listed; the rest are counted.
ROLES_PER_KIND = 20
#: At most this many findings of one rule are quoted; the rest are counted.
FINDINGS_PER_RULE = 4

ADDED_COLOUR = "#15803D"
REMOVED_COLOUR = "#B91C1C"
CHANGED_COLOUR = "#B45309"
_SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)

Row = tuple[str, str]  # (role, detail), both paragraph markup


def comparison_section(c: Comparison, chart: Chart, width: float) -> list[Block]:
    """The section's flowables; ``chart`` is chart B, the one the packet shows."""
    s = styles()
    out: list[Block] = [
        Paragraph(f"Changes from “{esc(c.name_a)}” to “{esc(c.name_b)}”", s["h1"]),
        Paragraph(f"What changed from “{esc(c.name_a)}” to “{esc(c.name_b)}”, the chart in this packet. "
                  "Each position is followed from one chart to the other, so a retitled or moved role is listed "
                  "as a change, not as removed and added.", s["base"]),
        Spacer(1, 8),
        *_summary(c, width, s),
        Paragraph("Staffing metrics", s["h2"]),
        _metrics(c, width, s),
    ]
    out += _findings(c, width, s)
    out += _role_changes(c, chart, width, s)
    return out


def _counted(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else many or one + 's'}"


def _summary(c: Comparison, width: float, s: dict[str, str]) -> list[Block]:
    head = [Paragraph(h, s["cellhead"]) for h in ("", esc(c.name_a), esc(c.name_b), "Change")]
    rows: list[list[object]] = [head]

    def row(label: str, a: str, b: str, delta: float, cash: bool = False) -> None:
        change = _change(signed(delta, money=cash)) if abs(delta) >= 0.005 else _change(None)
        rows.append([Paragraph(label, s["cell"]), Paragraph(esc(a), s["cell"]), Paragraph(esc(b), s["cell"]),
                     Paragraph(change, s["cell"])])

    row("Positions", f"{c.roles_a:,}", f"{c.roles_b:,}", c.roles_b - c.roles_a)
    row("Filled FTE", number(c.fte_a), number(c.fte_b), c.fte_b - c.fte_a)
    costs = c.cost_a.roles_with_cost or c.cost_b.roles_with_cost
    if costs:
        row("Annual cost", money(c.cost_a.total), money(c.cost_b.total), c.cost_b.total - c.cost_a.total, cash=True)
    out: list[Block] = [grid(rows, [width * f for f in (0.28, 0.25, 0.25, 0.22)])]
    missing = [f"“{esc(name)}” has {_counted(cost.roles_without, 'role')} without one"
               for name, cost in ((c.name_a, c.cost_a), (c.name_b, c.cost_b)) if cost.roles_without]
    if costs and missing:
        out.append(Spacer(1, 3))
        out.append(Paragraph("Annual cost adds up the roles that have a cost; " + "; ".join(missing) + ".",
                             s["small"]))
    kinds = [(len(c.added), "added"), (len(c.removed), "removed"), (len(c.moved), "moved to a new manager"),
             (len(c.retitled), "retitled"), (len(c.fte_changed), "with a new FTE"),
             (len(c.cost_changed), "with a new annual cost"), (len(c.other_changes), "with other changes")]
    said = [f"{n:,} {what}" for n, what in kinds if n]
    roles = ("Roles: " + ", ".join(said) + ".") if said else "No role changed."
    found = [f"{n:,} {what}" for n, what in ((len(c.findings_resolved), "resolved"),
                                              (len(c.findings_introduced), "introduced"),
                                              (len(c.findings_changed), "with new figures or wording")) if n]
    findings = ("Findings: " + ", ".join(found) + ".") if found else "The findings are the same."
    out += [Spacer(1, 6), Paragraph(esc(roles), s["base"]), Paragraph(esc(findings), s["base"])]
    if c.district_changes:
        facts = "; ".join(change_text(x, district=True) for x in c.district_changes)
        out.append(Paragraph(f"District facts: {esc(facts)}.", s["base"]))
    return out


def _metrics(c: Comparison, width: float, s: dict[str, str]) -> Table:
    head = ("Figure", esc(c.name_a), esc(c.name_b), "Change")
    rows: list[list[object]] = [[Paragraph(h, s["cellhead"]) for h in head]]
    for m in c.metrics:
        change = "" if m.delta is None else _change(signed(m.delta, digits=1) if m.a != m.b else None)
        rows.append([Paragraph(esc(m.label), s["cell"]), Paragraph(esc(number(m.a, 1)), s["cell"]),
                     Paragraph(esc(number(m.b, 1)), s["cell"]), Paragraph(change, s["cell"])])
    return grid(rows, [width * f for f in (0.43, 0.19, 0.19, 0.19)])


def _change(text: str | None) -> str:
    """A difference in bold, or a muted "no change"."""
    return f'<font color="{style.MUTED_COLOUR}">no change</font>' if text is None else f"<b>{esc(text)}</b>"


def _more(count: int, what: str = "") -> str:
    """The line that stands for the items left out of a list."""
    return f'<i><font color="{style.MUTED_COLOUR}">… and {count:,} more{" " + what if what else ""}</font></i>'


def _findings(c: Comparison, width: float, s: dict[str, str]) -> list[Block]:
    groups = [
        (f"Findings resolved ({len(c.findings_resolved):,})", ADDED_COLOUR,
         [(f, esc(f.message)) for f in c.findings_resolved]),
        (f"Findings introduced ({len(c.findings_introduced):,})", REMOVED_COLOUR,
         [(f, esc(f.message)) for f in c.findings_introduced]),
        (f"Findings with new figures or wording ({len(c.findings_changed):,})", CHANGED_COLOUR,
         [(b, f'{esc(b.message)} <font color="{style.MUTED_COLOUR}">(was: {esc(a.message)})</font>')
          for a, b in c.findings_changed]),
    ]
    out: list[Block] = []
    for heading, colour, findings in groups:
        if findings:
            out += [Paragraph(f'<font color="{colour}">{heading}</font>', s["h2"]), _by_rule(findings, width, s)]
    return out


def _by_rule(findings: list[tuple[Finding, str]], width: float, s: dict[str, str]) -> Table:
    """One row per rule (errors first), quoting a few of its findings."""
    def key(item: tuple[Finding, str]) -> tuple[int, str]:
        return _SEVERITY_ORDER.index(item[0].severity), item[0].rule_id

    rows: list[list[object]] = [[Paragraph(h, s["cellhead"]) for h in ("Rule", "Findings")]]
    for (_, rule_id), group in groupby(sorted(findings, key=key), key=key):
        items = list(group)
        severity = items[0][0].severity
        rule = (f'<font color="{style.SEVERITY_COLOURS[severity]}"><b>{esc(rule_id)}</b></font><br/>'
                f'<font size="8" color="{style.MUTED_COLOUR}">{severity.label.capitalize()}</font>')
        lines = [text for _, text in items[:FINDINGS_PER_RULE]]
        text = lines[0] if len(items) == 1 else "<br/>".join(f"• {line}" for line in lines)
        if len(items) > FINDINGS_PER_RULE:
            text += "<br/>" + _more(len(items) - FINDINGS_PER_RULE)
        rows.append([Paragraph(rule, s["cell"]), Paragraph(text, s["cell"])])
    return grid(rows, [width * 0.16, width * 0.84])


#: The words for the coded values of a role's fields.
_VOCAB = {"category": CATEGORIES, "flags": FLAGS, "service_areas": SERVICE_AREAS, "core_services": CORE_SERVICES,
          "leads": FUNCTIONS, "backs_up": FUNCTIONS, "employment": EMPLOYMENT_TYPES}


def _worded(change: FieldChange) -> str:
    """A field change in words: categories, flags and functions by their labels, not their codes."""
    words = _VOCAB.get(change.field)
    if words is not None:
        def name(value: object) -> object:
            if isinstance(value, (tuple, frozenset, set)):
                codes = sorted(value) if not isinstance(value, tuple) else value
                return tuple(vocab_label(words, code) for code in codes)
            return vocab_label(words, value) if isinstance(value, str) and value else value

        change = replace(change, old=name(change.old), new=name(change.new))
    return change_text(change, district=True)


def _role_facts(role: Role, manager: str | None) -> str:
    facts = [vocab_label(CATEGORIES, role.category)]
    if manager is not None:
        facts.append(manager)
    if role.person:
        facts.append(role.person)
    if role.vacant:
        facts.append("vacant")
    if role.fte != 1:
        facts.append(f"{number(role.fte)} FTE")
    if role.annual_cost is not None:
        facts.append(money(role.annual_cost))
    return esc(" · ".join(facts))


def _manager(chart: Chart, role: Role, verb: str) -> str:
    if role.reports_to is None:
        return "top of the chart"
    manager = chart.roles.get(role.reports_to)
    return f"{verb} {manager.title if manager is not None else role.reports_to}"


def _role_changes(c: Comparison, chart: Chart, width: float, s: dict[str, str]) -> list[Block]:
    kinds: list[tuple[str, str, str, list[Row]]] = [
        ("Added", ADDED_COLOUR, "roles added",
         [(esc(r.title), _role_facts(r, _manager(chart, r, "reports to"))) for r in c.added]),
        ("Removed", REMOVED_COLOUR, "roles removed", [(esc(r.title), _role_facts(r, None)) for r in c.removed]),
        ("Moved", CHANGED_COLOUR, "roles moved", [(esc(m.title), esc(move_text(m))) for m in c.moved]),
        ("Retitled", CHANGED_COLOUR, "roles retitled",
         [(esc(x.title), "was " + esc(value_text("title", x.old))) for x in c.retitled]),
        ("FTE", CHANGED_COLOUR, "FTE changes",
         [(esc(x.title), esc(amount_text(x))) for x in c.fte_changed]),
        ("Annual cost", CHANGED_COLOUR, "cost changes",
         [(esc(x.title), esc(amount_text(x))) for x in c.cost_changed]),
        ("Changed", CHANGED_COLOUR, "other changes",
         [(esc(x.title), esc(_worded(x))) for x in c.other_changes]),
    ]
    out: list[Block] = [Paragraph(f"Role changes ({c.role_changes:,})", s["h2"])]
    if not c.role_changes:
        return out + [Paragraph("No role was added, removed, moved or changed.", s["base"])]
    rows: list[list[object]] = [[Paragraph(h, s["cellhead"]) for h in ("Change", "Role", "Detail")]]
    spans: list[tuple] = []
    for kind, colour, rest, items in kinds:
        for role, detail in items[:ROLES_PER_KIND]:
            rows.append([Paragraph(f'<font color="{colour}">{kind}</font>', s["cell"]),
                         Paragraph(role, s["cell"]), Paragraph(detail, s["cell"])])
        if len(items) > ROLES_PER_KIND:
            rows.append(["", Paragraph(_more(len(items) - ROLES_PER_KIND, rest), s["cell"]), ""])
            spans.append(("SPAN", (1, len(rows) - 1), (2, len(rows) - 1)))
    if spans:
        note = f"The first {ROLES_PER_KIND} of each kind of change are listed; the rest are counted."
        out.append(Paragraph(note, s["small"]))
    table = grid(rows, [width * f for f in (0.14, 0.38, 0.48)])
    if spans:
        table.setStyle(TableStyle(spans))
    return out + [table]


__all__ = ["FINDINGS_PER_RULE", "ROLES_PER_KIND", "comparison_section"]
