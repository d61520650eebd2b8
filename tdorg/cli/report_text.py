"""A validation report as terminal text: district line, findings by severity, metrics."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from tdorg.model.plural import plural

if TYPE_CHECKING:
    from tdorg.model.chart import Chart
    from tdorg.model.district import District
    from tdorg.model.rules import Finding, Metric, Report

MAX_WIDTH = 100
MIN_WIDTH = 60
_HEADINGS = {2: "Errors", 1: "Warnings", 0: "Info"}
_TAG_RE = re.compile(r"\[[A-Z][A-Z0-9-]*\]")


def output_width() -> int:
    import shutil  # only when a report is printed: it loads the compression modules

    columns = shutil.get_terminal_size((MAX_WIDTH, 24)).columns
    return max(MIN_WIDTH, min(MAX_WIDTH, columns))


def district_line(district: District, chart: Chart) -> str:
    """One line: who the district is and how big, as far as it is known."""
    name = district.name or "Unnamed district"
    if district.state:
        name += f", {district.state}"
    facts = []
    if district.students is not None:
        facts.append(plural(district.students, "student"))
    buildings = district.buildings.count()
    if buildings is not None:
        facts.append(plural(buildings, "building"))
    if district.devices is not None:
        facts.append(plural(district.devices, "device"))
    fte = sum(r.fte for r in chart.roles.values() if not r.vacant)
    shown = f"{round(fte):,}" if abs(fte - round(fte)) < 0.005 else f"{fte:,.2f}".rstrip("0")
    facts.append(f"{plural(len(chart), 'role')} ({shown} filled FTE)")
    return f"{name} — {' · '.join(facts)}"


def counts_line(report: "Report") -> str:
    from tdorg.model.rules import Severity

    return " · ".join(
        (
            plural(len(report.by_severity(Severity.ERROR)), "error"),
            plural(len(report.by_severity(Severity.WARNING)), "warning"),
            f"{len(report.by_severity(Severity.INFO)):,} info",
        )
    )


def _ordered(severity_type: type) -> list:
    return sorted(severity_type, reverse=True)


def format_report(chart: Chart, report: "Report", width: int | None = None, header: Iterable[str] = ()) -> str:
    """The whole report, wrapped to ``width`` columns."""
    from tdorg.model.rules import Severity

    width = width or output_width()
    lines = [*_wrap(district_line(chart.district, chart), width, "", "  "), *header, "", counts_line(report)]
    if not report.findings:
        lines.append("No findings: the chart meets every rule that is switched on.")
    for severity in _ordered(Severity):
        found = report.by_severity(severity)
        if not found:
            continue
        lines += ["", f"{_HEADINGS[int(severity)].upper()} ({len(found)})"]
        rule_width = max(len(f.rule_id) for f in found)
        for finding in found:
            lines += _finding_lines(chart, finding, rule_width, width)
    if chart.settings.disabled:
        lines += ["", "SWITCHED OFF"]
        for rule_id, reason in sorted(chart.settings.disabled.items()):
            lines += _wrap(f"{rule_id}: {reason}", width, "  ", "  " + " " * (len(rule_id) + 2))
    if report.metrics:
        lines += ["", "METRICS", *_metric_lines(report.metrics, width)]
    return "\n".join(lines) + "\n"


def _finding_lines(chart: Chart, finding: "Finding", rule_width: int, width: int) -> list[str]:
    lead = f"  {finding.rule_id:<{rule_width}}  "
    indent = " " * len(lead)
    out = _wrap(finding.message, width, lead, indent)
    titles = [chart.roles[r].title if r in chart.roles else r for r in finding.role_ids]
    for label, text in (("Roles", ", ".join(titles)), ("Fix", finding.fix), ("Source", finding.source)):
        if text:
            first = f"{indent}{label + ':':<8}"
            out += _wrap(text, width, first, " " * len(first))
    return out


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    return wrap_words(text, width, first, rest) or [first.rstrip()]


def wrap_words(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """``text`` in lines of at most ``width`` characters, the first starting with ``first`` and the others
    with ``rest``, broken at whitespace; a word longer than a line is cut. Linear in the length of the text."""
    lines: list[str] = []
    indent, words, used = first, [], len(first)
    for word in text.split():
        start = 0
        while start < len(word):
            gap = 1 if words else 0
            room = width - used - gap
            if len(word) - start <= room:
                words.append(word[start:] if start else word)
                used += gap + len(word) - start
                break
            if room < 1 or (words and len(word) - start <= width - len(rest)):
                lines.append(indent + " ".join(words))  # the word fits on the next line
                indent, words, used = rest, [], len(rest)
                continue
            piece = word[start:start + room]  # too long for any line: fill this one
            words.append(piece)
            used += gap + len(piece)
            start += len(piece)
    if words:
        lines.append(indent + " ".join(words))
    return lines


def source_tags(source: str) -> str:
    """The bracketed citation tags of a source (``[SURVEY]``), or the source itself."""
    tags = _TAG_RE.findall(source)
    return " ".join(dict.fromkeys(tags)) if tags else source


def _metric_lines(metrics: list["Metric"], width: int) -> list[str]:
    rows = []
    for m in metrics:
        value = m.display() + ("" if m.value is None else f" {m.unit}") + (" !" if m.warns else "")
        tags = source_tags(m.source)
        reference = f"{m.reference} {tags}".strip()
        rows.append((m.label, value, reference, (m.note, m.missing, m.planned_text()), m.inputs))
    label_w = min(max(len("Metric"), *(len(r[0]) for r in rows)), 34)
    value_w = max(len("Value"), *(len(r[1]) for r in rows))
    ref_w = max(24, width - 2 - label_w - value_w - 4)
    out = [f"  {'Metric':<{label_w}}  {'Value':>{value_w}}  Reference"]
    for label, value, reference, notes, inputs in rows:
        labels = wrap_words(label, label_w) or [""]
        refs = wrap_words(reference, ref_w) or [""]
        for note in notes:  # what the figure counts, why there is none yet, the figure as planned
            refs += wrap_words(note, ref_w)
        for line in inputs:  # which roles count and with what share
            refs += wrap_words(f"· {line}", ref_w)
        for n in range(max(len(labels), len(refs))):
            cells = (
                labels[n] if n < len(labels) else "",
                value if n == 0 else "",
                refs[n] if n < len(refs) else "",
            )
            out.append(f"  {cells[0]:<{label_w}}  {cells[1]:>{value_w}}  {cells[2]}".rstrip())
    if any(m.warns for m in metrics):
        out.append("  ! beyond the warning threshold")
    return out
