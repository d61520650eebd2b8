"""Export speed: tdorg's whole export, the bundled Graphviz alone, and the system's Graphviz, on the same DOT.

For each size and layout, tdorg writes the DOT source, then the same chart is
exported by tdorg (SVG, and PDF fitted to a Letter sheet); the DOT file is
drawn in the same format by the bundled Graphviz alone (tdorg's child program,
pygraphviz's libraries) and, when a ``dot``/``neato`` program is on the PATH,
by that system program. Two ratios are printed: tdorg's time over the bundled
Graphviz's (tdorg's own work: building the graph, composing the PDF pages,
checking and writing the file), and the bundled Graphviz's time over the
system program's (the price of the bundled libraries and the child process;
"-" when there is no system Graphviz).

Times are CPU seconds (this process plus the Graphviz process it runs), which
other programs running on the machine disturb far less than wall-clock time;
wall-clock ratios are printed beside them. Each figure is the best of
``--repeat`` runs (one run at 5,000 roles and more).

    .venv/bin/python bench/bench_export.py [SIZES...] [--layouts auto,canvas] [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tdorg.export import ExportOptions, export_chart  # noqa: E402
from tdorg.export.dot import engine_for  # noqa: E402
from tdorg.export.renderer import child_command, layout_engine  # noqa: E402
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


def _draw(command: list[str], into: Path) -> None:
    with open(into, "wb") as handle:
        subprocess.run(command, check=True, stdout=handle, stderr=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 5000])
    parser.add_argument("--layouts", default="auto,canvas")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement below 5,000 roles")
    args = parser.parse_args()
    print(
        f"{'roles':>6} {'layout':>6} {'fmt':>4} {'DOT build':>10} {'tdorg cpu':>10} {'bundled':>8} {'system':>8} "
        f"{'tdorg/bundled':>14} {'wall':>5} {'bundled/system':>15} {'wall':>5}"
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
                system = shutil.which(program)
                for fmt in ("svg", "pdf"):
                    options = ExportOptions(format=fmt, layout=layout, timeout=3600)
                    target = folder / f"tdorg-{size}-{layout}.{fmt}"
                    ours, ours_wall = best_of(repeat, lambda: export_chart(chart, target, options))
                    drawing = folder / f"bundled-{size}-{layout}.{fmt}"
                    bundled_command = [*child_command(), f"--engine={layout_engine(program, extra)}", f"--format={fmt}",
                                       str(dot_file)]
                    bundled, bundled_wall = best_of(repeat, lambda: _draw(bundled_command, drawing))
                    versus = system_cpu = "-"
                    if system is not None:
                        command = [system, *extra, f"-T{fmt}", str(dot_file), "-o", str(folder / f"system.{fmt}")]
                        cpu, wall = best_of(repeat, lambda: subprocess.run(command, check=True, capture_output=True))
                        system_cpu = f"{cpu:.2f}s"
                        versus = f"{bundled / cpu:>15.2f} {bundled_wall / wall:>5.2f}"
                    print(
                        f"{size:>6} {layout:>6} {fmt:>4} {build * 1000:>8.0f}ms {ours:>9.2f}s {bundled:>7.2f}s "
                        f"{system_cpu:>8} {ours / bundled:>14.2f} {ours_wall / bundled_wall:>5.2f} {versus:>21}",
                        flush=True,
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
