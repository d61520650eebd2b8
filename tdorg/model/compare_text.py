"""A :class:`~.compare.Comparison` as lines of text, for the terminal and the board packet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .rules import Finding
from .scenarios import ScenarioCost

if TYPE_CHECKING:
    from .compare import Comparison, FieldChange, Move

_FIELD_NAMES = {
    "person": "person", "vacant": "vacant", "category": "category", "employment": "employment",
    "flags": "flags", "dotted_to": "dotted lines", "service_areas": "service areas",
    "core_services": "core services", "leads": "leads", "backs_up": "backs up", "notes": "notes",
    "one_to_one_grades": "1:1 grades", "erate": "E-rate",
    "privacy_officer_required": "named privacy officer required", "buildings.elementary": "elementary buildings",
    "buildings.middle": "middle-school buildings", "buildings.high": "high-school buildings",
    "buildings.other": "other buildings", "buildings.total": "buildings in all",
}


def number(value: float | None, digits: int = 2) -> str:
    if value is None:
        return "—"
    if abs(value - round(value)) < 0.5 * 10**-digits:
        return f"{round(value):,}"
    return f"{value:,.{digits}f}".rstrip("0").rstrip(".")


def signed(value: float | None, money: bool = False, digits: int = 2) -> str:
    if value is None:
        return ""
    sign = "+" if value >= 0 else "−"
    return f"{sign}{'$' if money else ''}{number(abs(value), digits)}"


def money(value: float | None) -> str:
    return "—" if value is None else f"${number(value)}"


def value_text(field: str, value: object) -> str:
    if value is None or value == "" or value == () or value == frozenset():
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (frozenset, set)):
        return ", ".join(sorted(value))
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if field == "annual_cost" and isinstance(value, (int, float)):
        return money(value)
    if isinstance(value, (int, float)):
        return number(value)
    text = " ".join(str(value).split())
    return f"“{text[:60]}…”" if len(text) > 60 else f"“{text}”" if field in ("notes", "title", "person", "name") else text


def _cost_line(a: ScenarioCost, b: ScenarioCost) -> str:
    line = f"Annual cost: {money(a.total)} → {money(b.total)} ({signed(b.total - a.total, money=True)})"
    missing = [f"{side} has {c.roles_without:,} role{'s' if c.roles_without != 1 else ''} without a cost"
               for side, c in (("A", a), ("B", b)) if c.roles_without]
    return line + (f"; {', '.join(missing)}" if missing else "")


def change_text(change: "FieldChange", district: bool = False) -> str:
    name = _FIELD_NAMES.get(change.field, change.field.replace("_", " "))
    values = f"{value_text(change.field, change.old)} → {value_text(change.field, change.new)}"
    return f"{name}: {values}" if district else f"{change.title}: {name} {values}"


def move_text(move: "Move") -> str:
    """The new reporting line: "reports to X → Y"."""
    return f"reports to {move.old_manager_title or 'nobody (top)'} → {move.new_manager_title or 'nobody (top)'}"


def amount_text(change: "FieldChange") -> str:
    """An FTE or annual cost change: old → new (difference)."""
    if change.field == "annual_cost":
        delta = change.delta
        return f"{money(change.old)} → {money(change.new)}" + (  # type: ignore[arg-type]
            f" ({signed(delta, money=True)})" if delta is not None else "")
    return f"{number(change.old)} → {number(change.new)} ({signed(change.delta)})"  # type: ignore[arg-type]


def finding_text(finding: Finding) -> str:
    return f"{finding.rule_id} {finding.severity.label}: {finding.message}"


def summary_lines(c: "Comparison") -> list[str]:
    lines = [
        f"Comparing “{c.name_a}” (A) with “{c.name_b}” (B)",
        f"Roles: {c.roles_a:,} → {c.roles_b:,} ({signed(c.roles_b - c.roles_a)}); "
        f"filled FTE: {number(c.fte_a)} → {number(c.fte_b)} ({signed(c.fte_b - c.fte_a)})",
    ]
    if c.cost_a.roles_with_cost or c.cost_b.roles_with_cost:
        lines.append(_cost_line(c.cost_a, c.cost_b))
    if not c.has_changes:
        lines.append("No differences in roles, district facts or findings.")

    def section(heading: str, items: list[str]) -> None:
        if items:
            lines.extend(["", f"{heading} ({len(items)})", *(f"  {item}" for item in items)])

    section("Added", [f"+ {r.title} [{r.id}]" + (f", {r.person}" if r.person else "") for r in c.added])
    section("Removed", [f"- {r.title} [{r.id}]" + (f", {r.person}" if r.person else "") for r in c.removed])
    section("Moved", [f"{m.title}: {move_text(m)}" for m in c.moved])
    section("Retitled", [f"{value_text('title', x.old)} → {value_text('title', x.new)}" for x in c.retitled])
    section("FTE changed", [f"{x.title}: {amount_text(x)}" for x in c.fte_changed])
    section("Cost changed", [f"{x.title}: {amount_text(x)}" for x in c.cost_changed])
    section("Other changes", [change_text(x) for x in c.other_changes])
    section("District facts", [change_text(x, district=True) for x in c.district_changes])
    section("Findings resolved", [f"✓ {finding_text(f)}" for f in c.findings_resolved])
    section("Findings introduced", [f"! {finding_text(f)}" for f in c.findings_introduced])
    section("Findings changed", [f"~ {finding_text(a)}\n      now: {b.severity.label}: {b.message}"
                                 for a, b in c.findings_changed])
    moved_metrics = [m for m in c.metrics if m.a != m.b]
    section("Metrics", [f"{m.label}: {number(m.a, 1)} → {number(m.b, 1)}"
                        + (f" ({signed(m.delta, digits=1)})" if m.delta is not None else "")
                        for m in moved_metrics])
    return lines
