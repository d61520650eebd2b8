"""Import and compare speed: a 5,000-row sheet in, and two 5,000-role scenarios compared.

Writes a synthetic district's roles as CSV and as an Excel workbook, then
times importing each sheet: reading it into a table, planning the import
(mapping, the model's checks of every cell, ids, managers, loops) and
building the chart, each step and the whole, beside its reference, the raw
read of the same sheet (the csv module's rows, calamine's rows). For compare,
times comparing a synthetic chart with a modified copy (roles added,
removed, moved, retitled, FTE and cost changes), with both charts validated
inside the call and with reports already at hand (as in the app), beside
validating both. Every case runs interleaved with its reference, round after
round (``bench/interleave.py``), in CPU time of this process (the machine is
shared): medians with min–max and the ratio. Target: under 1 s each.

    .venv/bin/python bench/bench_import_compare.py [--rounds N] [ROLES]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_core import cpu_ms  # noqa: E402
from interleave import interleave, print_table  # noqa: E402

from tdorg.model import Role  # noqa: E402
from tdorg.model.compare import compare  # noqa: E402
from tdorg.model.importing import plan_import, read_table, write_roles_csv, write_roles_xlsx  # noqa: E402
from tdorg.model.rules import validate  # noqa: E402
from tdorg.model.synthetic import synthetic_chart  # noqa: E402


def raw_read(path: Path) -> list:
    """Every row of the sheet as the library underneath gives it, nothing more."""
    if path.suffix == ".csv":
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return list(csv.reader(handle))
    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def bench_import(n: int, folder: Path, rounds: int) -> None:
    chart = synthetic_chart(n, seed=1)
    for suffix, write in ((".csv", write_roles_csv), (".xlsx", write_roles_xlsx)):
        path = folder / f"roles{suffix}"
        write(chart, path)
        table = read_table(path)
        plan = plan_import(table)
        assert not plan.bad_rows and plan.chart().roles_in_order() == chart.roles_in_order(), "should import the same"
        name = f"{suffix} {n:,} rows"
        cases = {
            f"raw read {name}": lambda: cpu_ms(lambda: raw_read(path)),
            f"read {name}": lambda: cpu_ms(lambda: read_table(path)),
            f"plan {name}": lambda: cpu_ms(lambda: plan_import(table)),
            f"chart {name}": lambda: cpu_ms(plan.chart),
            f"import {name}": lambda: cpu_ms(lambda: plan_import(read_table(path)).chart()),
        }
        reference = f"raw read {name}"
        print_table(interleave(cases, rounds), {case: reference for case in cases if case != reference},
                    f"import {suffix} ({path.stat().st_size / 1024:,.0f} KiB), {rounds} interleaved rounds, CPU")


def modified(chart):
    b = chart.copy()
    ids = [r for r in b.roles if r.startswith("bt")]
    for role_id in ids[:100]:
        b.update_role(role_id, fte=0.5, annual_cost=52_000.0)
    for n, role_id in enumerate([r for r in b.roles if r.startswith("ic")][:60]):
        b.update_role(role_id, title=f"Instructional Coach {n}")
    managers = [r for r in b.roles if r.startswith("fm")]
    for n, role_id in enumerate(ids[100:200]):
        b.reparent(role_id, managers[n % len(managers)])
    for role_id in [r for r in b.roles if r.startswith("hd") and r != "hdm"][:20]:
        b.remove_role(role_id)
    for n in range(50):
        b.add_role(Role(id=f"new{n}", title=f"Security Analyst {n}", category="security", reports_to="ciso"))
    return b


def bench_compare(n: int, rounds: int) -> None:
    a = synthetic_chart(n, seed=2)
    b = modified(a)
    result = compare(a, b)
    ra, rb = validate(a), validate(b)
    cases = {
        f"validate both {n:,}": lambda: cpu_ms(lambda: (validate(a), validate(b))),
        f"compare validating both {n:,}": lambda: cpu_ms(lambda: compare(a, b)),
        f"compare with reports {n:,}": lambda: cpu_ms(lambda: compare(a, b, ra, rb)),
        f"text+json {n:,}": lambda: cpu_ms(lambda: (result.summary_lines(), result.as_dict())),
    }
    reference = f"validate both {n:,}"
    print_table(interleave(cases, rounds), {case: reference for case in cases if case != reference},
                f"compare ({result.role_changes} role changes, {len(result.findings_introduced)} findings introduced, "
                f"{len(result.findings_resolved)} resolved), {rounds} interleaved rounds, CPU")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roles", nargs="?", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        bench_import(args.roles, Path(folder), args.rounds)
    bench_compare(args.roles, args.rounds)


if __name__ == "__main__":
    main(sys.argv[1:])
