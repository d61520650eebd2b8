"""The text of the board packet: cover, metrics table and findings, as blocks (:mod:`tdorg.export.packet.blocks`).

Chart text is escaped before it goes into a paragraph's markup, which would
otherwise read ``<b>`` or ``&`` in a title as formatting; the template then
prints the text as literal runs.
"""

from __future__ import annotations

import html
from datetime import date


from ...model.chart import Chart
from ...model.rules.base import Report, Severity
from ...model.rules.threshold_text import changed_thresholds
from ...model.vocab import CATEGORIES
from ...model.vocab import label as vocab_label
from .. import style
from ..labels import clean
from .blocks import Block, Items, Paragraph, Spacer, Table, TableStyle, grid

SEVERITY_HEADINGS = {
    Severity.ERROR: ("Errors", "The chart breaks the framework or the law."),
    Severity.WARNING: ("Warnings", "Known risks; usually a judgement call."),
    Severity.INFO: ("Notes", "Figures and facts worth seeing."),
}


def esc(value: object) -> str:
    """Chart text as literal paragraph text."""
    return html.escape(clean(str(value)), quote=False)


#: The paragraph styles the packet's template knows (``title``, ``h1``, ``h2`` are headings).
STYLES = ("base", "small", "cell", "cellhead", "title", "subtitle", "h1", "h2", "subhead", "finding", "detail", "head",
          "mark")


def styles() -> dict[str, str]:
    """The paragraph styles by name, as the section builders look them up."""
    return {name: name for name in STYLES}


def _fmt(value: float | int | None, unit: str = "") -> str:
    if value is None:
        return "not entered"
    text = f"{value:,.1f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"
    return f"{text} {unit}".strip()


def _counts(chart: Chart) -> list[tuple[str, str]]:
    roles = list(chart.roles.values())
    filled = [r for r in roles if not r.vacant]
    d = chart.district
    return [
        ("Positions", f"{len(roles):,}"),
        ("Filled FTE", _fmt(round(sum(r.fte for r in filled), 2))),
        ("Vacant positions", f"{sum(1 for r in roles if r.vacant):,}"),
        ("Students", _fmt(d.students)),
        ("Teachers", _fmt(d.teachers)),
        ("Devices", _fmt(d.devices)),
        ("Buildings", _fmt(d.buildings.count())),
    ]


def cover(chart: Chart, report: Report, day: date, compared_with: str | None = None,
          scenario: str | None = None) -> list[Block]:
    """The first page; ``scenario`` names the chart exported, ``compared_with`` the chart whose
    changes the packet lists."""
    s = styles()
    d = chart.district
    place = esc(d.name) or "Technology department"
    if d.state:
        place += f" ({esc(d.state)})"
    out: list[Block] = [
        Spacer(1, 60),
        Paragraph("Technology Department Organization", s["title"]),
        Paragraph(place, s["subtitle"]),
        Spacer(1, 6),
        Paragraph(f"{day:%B} {day.day}, {day.year}", s["base"]),
        *([Paragraph(scenario_line(scenario, compared_with), s["base"])] if scenario or compared_with else []),
        Spacer(1, 36),
        Paragraph("At a glance", s["subhead"]),
    ]
    counts = [[Paragraph(esc(k), s["cell"]), Paragraph(esc(v), s["cellhead"])] for k, v in _counts(chart)]
    findings = [
        [Paragraph(SEVERITY_HEADINGS[sev][0], s["cell"]), Paragraph(f"{len(report.by_severity(sev)):,}", s["cellhead"])]
        for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    ]
    head = [Paragraph("Figure", s["cellhead"]), Paragraph("This chart", s["cellhead"])]
    out.append(grid([head, *counts, *findings], [170, 120]))
    out += [Spacer(1, 24), Paragraph("Reading the chart", s["subhead"])]
    out.append(
        Paragraph(
            "Solid lines are reporting lines; dashed arrows are dotted-line relationships, pointing to "
            "the dotted-line manager. The coloured strip on a box shows the kind of role; a pale amber "
            "box with a dashed border is a vacant position. Where shown, a badge gives the number of "
            "findings that name a role (red: an error among them; amber: warnings; blue: notes).",
            s["base"],
        )
    )
    used = sorted({r.category for r in chart.roles.values()}, key=list(CATEGORIES).index)
    if used:
        out += [Spacer(1, 8), _legend(used, s)]
    return out


def scenario_line(scenario: str | None, compared_with: str | None) -> str:
    """E.g. ``Scenario “Proposed 2027”, compared with “Current”``, as paragraph text."""
    named = f"Scenario <b>“{esc(scenario)}”</b>" if scenario else "This chart"
    return named + (f", compared with <b>“{esc(compared_with)}”</b>" if compared_with else "")


def _legend(categories: list[str], s: dict[str, str], columns: int = 3) -> Table:
    """Category swatches in a few columns."""
    rows: list[list[object]] = []
    commands: list[tuple] = []
    for i, category in enumerate(categories):
        row, col = divmod(i, columns)
        if col == 0:
            rows.append([""] * (2 * columns))
        rows[row][2 * col + 1] = Paragraph(esc(vocab_label(CATEGORIES, category)), s["cell"])
        colour = style.colour_for(category)
        cell = (2 * col, row)
        commands += [("BACKGROUND", cell, cell, colour)]
    table = Table(rows, [14, 150] * columns, layout=True)
    table.setStyle(TableStyle(commands))
    return table


def metrics_section(report: Report, width: float = 540.0) -> list[Block]:
    s = styles()
    out: list[Block] = [Paragraph("Staffing metrics", s["h1"])]
    if not report.metrics:
        return out + [Paragraph("No metrics could be worked out for this chart.", s["base"])]
    rows: list[list[object]] = [
        [Paragraph(h, s["cellhead"]) for h in ("Figure", "This district", "Reference", "Source")]
    ]
    for metric in report.metrics:
        value = metric.display() + (f" {esc(metric.unit)}" if metric.value is not None and metric.unit else "")
        if metric.warns:
            value = f'<font color="{style.SEVERITY_COLOURS[Severity.WARNING]}">{esc(value)} (above the limit)</font>'
        else:
            value = esc(value)
        explained = [x for x in (metric.note, metric.missing, metric.planned_text()) if x]
        explained += [f"· {line}" for line in metric.inputs]
        figure = esc(metric.label) + "".join(
            f'<br/><font size="8" color="{style.MUTED_COLOUR}">{esc(line)}</font>' for line in explained
        )
        rows.append(
            [
                Paragraph(figure, s["cell"]),
                Paragraph(value, s["cell"]),
                Paragraph(esc(metric.reference), s["cell"]),
                Paragraph(esc(metric.source), s["small"]),
            ]
        )
    out.append(grid(rows, [width * f for f in (0.28, 0.17, 0.24, 0.31)]))
    return out


def findings_section(chart: Chart, report: Report) -> list[Block]:
    s = styles()
    out: list[Block] = [Paragraph("Findings against the framework", s["h1"])]
    if not report.findings:
        out.append(Paragraph("The chart meets every rule of the framework that is switched on.", s["base"]))
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        findings = report.by_severity(severity)
        if not findings:
            continue
        name, blurb = SEVERITY_HEADINGS[severity]
        colour = style.SEVERITY_COLOURS[severity]
        out.append(Paragraph(f'<font color="{colour}">{name} ({len(findings)})</font>', s["h2"]))
        out.append(Paragraph(esc(blurb), s["small"]))
        items: list[list[Block]] = []
        for finding in findings:
            block: list[Block] = [
                Paragraph(f'<font color="{colour}">{esc(finding.rule_id)}</font>  {esc(finding.message)}', s["finding"]),
            ]
            titles = [chart.roles[r].title for r in finding.role_ids if r in chart.roles]
            if titles:
                block.append(Paragraph("<i>Roles:</i> " + esc("; ".join(titles)), s["detail"]))
            if finding.fix:
                block.append(Paragraph("<i>Suggested fix:</i> " + esc(finding.fix), s["detail"]))
            if finding.source:
                block.append(Paragraph("<i>Source:</i> " + esc(finding.source), s["detail"]))
            items.append(block)
        out.append(Items(items))
    changed = changed_thresholds(chart.settings)
    if changed:
        out.append(Paragraph("Thresholds changed for this chart", s["h2"]))
        out.append(Items([[Paragraph(f"<b>{esc(change.rule_id)}</b> {esc(change.rule_title)}: {esc(change.text())}",
                                     s["detail"])] for change in changed]))
    disabled = chart.settings.disabled
    if disabled:
        out.append(Paragraph("Rules switched off for this chart", s["h2"]))
        out.append(Items([[Paragraph(f"<b>{esc(rule_id)}</b>: {esc(reason)}", s["detail"])]
                          for rule_id, reason in sorted(disabled.items())]))
    return out


__all__ = ["STYLES", "cover", "esc", "findings_section", "grid", "metrics_section", "styles"]
