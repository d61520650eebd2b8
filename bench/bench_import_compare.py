"""Import and compare speed: a 5,000-row sheet in, and two 5,000-role scenarios compared.

Writes a synthetic district's roles as CSV and as an Excel workbook, then
times reading each sheet, planning the import (mapping, ids, managers,
loops) and building the chart. For compare, times comparing a synthetic
chart with a modified copy (roles added, removed, moved, retitled, FTE and
cost changes), with both charts validated inside the call and with reports
already at hand (as in the app). Best of a few runs, in milliseconds;
target under 1 s each.

    .venv/bin/python bench/bench_import_compare.py [ROLES]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tdorg.model import Role  # noqa: E402
from tdorg.model.compare import compare  # noqa: E402
from tdorg.model.importing import plan_import, read_table, write_roles_csv, write_roles_xlsx  # noqa: E402
from tdorg.model.rules import validate  # noqa: E402
from tdorg.model.synthetic import synthetic_chart  # noqa: E402


def best(fn, repeat: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000, result


def bench_import(n: int, folder: Path) -> None:
    chart = synthetic_chart(n, seed=1)
    for suffix, write in ((".csv", write_roles_csv), (".xlsx", write_roles_xlsx)):
        path = folder / f"roles{suffix}"
        write(chart, path)
        read_ms, table = best(lambda: read_table(path))
        plan_ms, plan = best(lambda: plan_import(table))
        build_ms, built = best(lambda: plan.chart())
        assert not plan.bad_rows and built.roles_in_order() == chart.roles_in_order(), "should import back the same roles"
        total = read_ms + plan_ms + build_ms
        print(f"import {suffix:<5} {n:>6,} rows  read {read_ms:7.1f} ms  plan {plan_ms:7.1f} ms  "
              f"chart {build_ms:6.1f} ms  total {total:7.1f} ms  ({path.stat().st_size / 1024:,.0f} KiB)")


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


def bench_compare(n: int) -> None:
    a = synthetic_chart(n, seed=2)
    b = modified(a)
    full_ms, result = best(lambda: compare(a, b))
    ra, rb = validate(a), validate(b)
    reports_ms, _ = best(lambda: compare(a, b, ra, rb))
    text_ms, _ = best(lambda: (result.summary_lines(), result.as_dict()))
    print(f"compare      {n:>6,} roles validating both {full_ms:7.1f} ms  with reports {reports_ms:6.1f} ms  "
          f"text+json {text_ms:6.1f} ms  ({result.role_changes} role changes, "
          f"{len(result.findings_introduced)} findings introduced, {len(result.findings_resolved)} resolved)")


def main(argv: list[str]) -> None:
    n = int(argv[0]) if argv else 5000
    with tempfile.TemporaryDirectory() as folder:
        bench_import(n, Path(folder))
    bench_compare(n)


if __name__ == "__main__":
    main(sys.argv[1:])
