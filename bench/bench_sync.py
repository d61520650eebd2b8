"""Roster update speed: a 5,000-row roster brought into a 5,000-role chart, and reading a 5,000-row workbook.

Writes a synthetic district's roles as an Excel workbook (with ids, titles,
people, managers and FTE, as an HR export holds them), changes a few hundred
rows (departures, hires, moves, new titles and people), then times reading
the workbook and planning the update up to the preview (matching, steps, the
chart after, and the comparison with its findings), with the chart's report
at hand as in the editor. Best of a few runs, in milliseconds; targets: read
≤ 300 ms, preview ≤ 1 s.

    .venv/bin/python bench/bench_sync.py [ROLES]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_import_compare import best  # noqa: E402
from tdorg.model.importing import read_table  # noqa: E402
from tdorg.model.importing.sync import plan_sync  # noqa: E402
from tdorg.model.rules import validate  # noqa: E402
from tdorg.model.synthetic import synthetic_chart  # noqa: E402


def roster_rows(chart) -> list[list[object]]:
    rows = [[r.id, r.title, r.person, r.reports_to or "", r.fte] for r in chart.roles_in_order()]
    for n, row in enumerate(rows):
        if n % 50 == 7:
            row[2] = f"New Person {n}"  # a new person in the position
        elif n % 50 == 19:
            row[1] = f"{row[1]} II"  # retitled
    leaves = {row[0] for n, row in enumerate(rows) if n % 97 == 5 and n > 20}
    rows = [row for row in rows if row[0] not in leaves and row[3] not in leaves]
    rows += [[f"hire{n}", "Building Technician", f"Hire {n}", rows[10][0], 1.0] for n in range(50)]
    return rows


def write_roster(path: Path, rows: list[list[object]]) -> None:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Staff")
    sheet.append(["Position ID", "Title", "Employee Name", "Reports To", "FTE"])
    for row in rows:
        sheet.append(row)
    book.save(path)


def main(n: int) -> None:
    chart = synthetic_chart(n, seed=1)
    report = validate(chart)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.xlsx"
        write_roster(path, roster_rows(chart))
        read_ms, table = best(lambda: read_table(path))
        plan_ms, plan = best(lambda: plan_sync(chart, table, report_before=report))
        c = plan.comparison
        print(f"read .xlsx {len(table.rows):>6,} rows  {read_ms:7.1f} ms  ({path.stat().st_size / 1024:,.0f} KiB)")
        print(f"sync into {len(chart):>6,} roles  preview {plan_ms:7.1f} ms  ({len(plan.steps):,} steps: "
              f"{len(c.added)} added, {len(c.removed)} removed, {len(c.moved)} moved, {len(c.retitled)} retitled)")
        print(f"read + preview {read_ms + plan_ms:7.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
