"""Core speed: validation, revalidation after one edit, save and open, against Graphviz layout.

Prints one row per size (100, 1,000, 5,000 roles by default): the best of a
few runs for each step, in milliseconds (revalidation after a re-parent and
after a field edit), and each step's time as a fraction
of what Graphviz `dot` needs to lay out the same chart (a machine-independent
yardstick). Targets at 5,000 roles: validation ≤ 50 ms, revalidation ≤ 16 ms,
save and open ≤ 500 ms each.

    .venv/bin/python bench/bench_core.py [SIZES...]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tdorg.model import Document  # noqa: E402
from tdorg.model.persistence import open_document, save_document  # noqa: E402
from tdorg.model.rules import Validator, validate  # noqa: E402
from tdorg.model.synthetic import synthetic_chart  # noqa: E402


def best(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def dot_layout_ms(chart) -> float:
    """The bundled Graphviz laying out and drawing the chart as SVG with ``dot``."""
    import io

    from tdorg.export import ExportOptions, chart_to_dot
    from tdorg.export.renderer import render

    source = chart_to_dot(chart, ExportOptions(format="svg", layout="auto")).encode()
    start = time.perf_counter()
    render(source, "dot", "svg", io.BytesIO(), timeout=600)
    return (time.perf_counter() - start) * 1000


def revalidate_ms(chart) -> float:
    validator = Validator(chart)
    validator.report
    movers = [r for r in chart.roles if r.startswith("bt")] or list(chart.roles)[1:]
    managers = [r for r in chart.roles if r.startswith("fm")] or [chart.roots()[0]]
    times = []
    for n in range(min(20, len(movers))):
        role, target = movers[n], managers[n % len(managers)]
        if chart.reparent_problem(role, target):
            continue
        start = time.perf_counter()
        chart.reparent(role, target)
        validator.report
        times.append(time.perf_counter() - start)
    validator.close()
    return min(times) * 1000 if times else float("nan")


def field_edit_ms(chart) -> float:
    """Revalidation after a field edit (a technician's title): every rule that reads role fields runs again."""
    validator = Validator(chart)
    validator.report
    movers = [r for r in chart.roles if r.startswith("bt")] or list(chart.roles)
    times = []
    for n in range(min(20, len(movers))):
        start = time.perf_counter()
        chart.update_role(movers[n], title=f"Building Technician {n}")
        validator.report
        times.append(time.perf_counter() - start)
    validator.close()
    return min(times) * 1000


def main(sizes: list[int]) -> None:
    print("times in ms (best of several runs)")
    print(f"{'roles':>6} {'validate':>9} {'revalid.':>9} {'field':>8} {'save':>8} {'open':>8} {'dot':>9}   "
          "as a fraction of dot")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            chart = synthetic_chart(n)
            path = Path(tmp) / f"bench-{n}.tdorg"
            doc = Document.of(chart)
            full = best(lambda: validate(chart))
            incremental = revalidate_ms(chart)
            field = field_edit_ms(chart)
            save = best(lambda: save_document(doc, path), 3)
            opened = best(lambda: open_document(path), 3)
            dot = dot_layout_ms(chart)
            frac = "  ".join(f"{name} {value / dot:.3f}" for name, value in
                             (("validate", full), ("revalid.", incremental), ("save", save), ("open", opened)))
            print(f"{n:>6} {full:9.1f} {incremental:9.2f} {field:8.2f} {save:8.0f} {opened:8.0f} {dot:9.0f}   {frac}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 5000])
