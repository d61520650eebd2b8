"""Fitting a chart to the paper: layout with page fitting, department pages, and their export.

For each size: the canvas's layout with its column depth fitted to a Letter
page (what every structural edit runs), the plan of department pages, and
the whole PDF export in department pages against Graphviz alone drawing the
same pinned positions (the DOT tdorg draws them from). Times are the best of
``--repeat`` runs; export times are CPU seconds of this process and the
Graphviz child (see bench_export.py).

    .venv/bin/python bench/bench_pages.py [SIZES...] [--repeat N] [--no-export]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_export import best_of, child_command, layout_engine  # noqa: E402
from tdorg.export import ExportOptions, export_chart  # noqa: E402
from tdorg.export.chartpages import plan_for  # noqa: E402
from tdorg.export.chartpdf import chart_area  # noqa: E402
from tdorg.export.dot import box_size, build_graph, canvas_depth, engine_for  # noqa: E402
from tdorg.model.layout import Tree, layout_tree, sizes  # noqa: E402
from tdorg.model.synthetic import synthetic_chart  # noqa: E402


def best_ms(repeat: int, action) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[300, 2000, 5000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-export", action="store_true", help="time the layout and the plan only")
    args = parser.parse_args()
    options = ExportOptions(timeout=3600)
    print(f"{'roles':>6} {'fitted layout':>14} {'page plan':>10} {'pages':>6} {'export cpu':>11} {'Graphviz':>9} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in args.sizes:
            chart = synthetic_chart(size, seed=size)

            def fitted_layout() -> None:
                tree = Tree.of(chart)
                layout_tree(tree, sizes(200, 72), canvas_depth(chart, tree))

            layout_ms = best_ms(args.repeat, fitted_layout)
            plan_ms = best_ms(args.repeat, lambda: plan_for(chart, options, chart_area(options)))
            plan = plan_for(chart, options, chart_area(options))
            assert plan is not None
            line = f"{size:>6} {layout_ms:>12.0f}ms {plan_ms:>8.0f}ms {len(plan.pages):>6}"
            if not args.no_export:
                repeat = 1 if size >= 5000 else 2
                ours, _ = best_of(repeat, lambda: export_chart(chart, folder / "chart.pdf", options))
                dot_file = folder / "pinned.dot"
                dot_file.write_text(build_graph(chart, options, plan=plan).source, encoding="utf-8")
                program, extra = engine_for(options)
                command = [*child_command(), f"--engine={layout_engine(program, extra)}", "--format=pdf", str(dot_file)]
                bare, _ = best_of(repeat, lambda: subprocess.run(command, check=True, capture_output=True))
                line += f" {ours:>10.2f}s {bare:>8.2f}s {ours / bare:>6.2f}"
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
