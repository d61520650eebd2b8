"""Export speed: tdorg's whole export against bare Graphviz on the DOT tdorg wrote.

For each size and layout, tdorg writes the DOT source, then the same chart is
exported by tdorg (SVG, and PDF fitted to a Letter sheet) and by the bare
Graphviz program on that DOT file (same output format). The ratio is tdorg's
time over Graphviz's; the difference is tdorg's own work (building the graph,
composing the PDF pages, writing atomically).

Times are CPU seconds (this process plus the Graphviz process it runs), which
other programs running on the machine disturb far less than wall-clock time;
wall-clock ratios are printed beside them. Each figure is the best of
``--repeat`` runs (one run at 5,000 roles and more).

    .venv/bin/python bench/bench_export.py [SIZES...] [--layouts auto,canvas] [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tdorg.export import ExportOptions, export_chart  # noqa: E402
from tdorg.export.dot import engine_for  # noqa: E402
from tdorg.export.runner import find_program  # noqa: E402
from tdorg.model.synthetic import synthetic_chart  # noqa: E402


def cpu_seconds() -> float:
    """CPU time of this process and its finished children."""
    try:
        import resource
    except ImportError:  # not on Windows: coarser clock
        t = os.times()
        return t.user + t.system + t.children_user + t.children_system
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def best_of(repeat: int, action) -> tuple[float, float]:
    """Best (CPU seconds, wall seconds) over ``repeat`` runs."""
    cpu, wall = [], []
    for _ in range(repeat):
        started_cpu, started = cpu_seconds(), time.perf_counter()
        action()
        wall.append(time.perf_counter() - started)
        cpu.append(cpu_seconds() - started_cpu)
    return min(cpu), min(wall)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 5000])
    parser.add_argument("--layouts", default="auto,canvas")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement below 5,000 roles")
    args = parser.parse_args()
    print(
        f"{'roles':>6} {'layout':>6} {'fmt':>4} {'DOT build':>10} {'tdorg cpu':>10} {'bare cpu':>9} "
        f"{'ratio':>6} {'wall ratio':>10}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in args.sizes:
            chart = synthetic_chart(size, seed=size)
            repeat = 1 if size >= 5000 else max(1, args.repeat)
            for layout in args.layouts.split(","):
                dot_file = folder / f"chart-{size}-{layout}.dot"
                build, _ = best_of(repeat, lambda: export_chart(chart, dot_file, ExportOptions(format="dot", layout=layout)))
                program, extra = engine_for(ExportOptions(layout=layout))
                executable = find_program(program)
                for fmt in ("svg", "pdf"):
                    options = ExportOptions(format=fmt, layout=layout, timeout=3600)
                    target = folder / f"tdorg-{size}-{layout}.{fmt}"
                    ours, ours_wall = best_of(repeat, lambda: export_chart(chart, target, options))
                    bare_target = folder / f"bare-{size}-{layout}.{fmt}"
                    command = [executable, *extra, f"-T{fmt}", str(dot_file), "-o", str(bare_target)]
                    bare, bare_wall = best_of(repeat, lambda: subprocess.run(command, check=True, capture_output=True))
                    print(
                        f"{size:>6} {layout:>6} {fmt:>4} {build * 1000:>8.0f}ms {ours:>9.2f}s {bare:>8.2f}s "
                        f"{ours / bare:>6.2f} {ours_wall / bare_wall:>10.2f}",
                        flush=True,
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
