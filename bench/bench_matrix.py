"""Responsibility matrix timings: milliseconds to build it from a synthetic chart, best of several runs.

Wall time and this process's CPU time are both printed: on a shared machine
the CPU time is the steadier figure.

Run: ``.venv/bin/python bench/bench_matrix.py``
"""

from __future__ import annotations

import time
from typing import Callable

from tdorg.model.matrix import responsibility_matrix
from tdorg.model.synthetic import synthetic_chart


def best_ms(work: Callable[[], object], runs: int = 25) -> tuple[float, float]:
    """The best wall and CPU milliseconds of ``runs`` calls."""
    wall = cpu = float("inf")
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return wall * 1000, cpu * 1000


def main() -> None:
    print(f"{'roles':>6} {'columns':>8} {'rows':>5} {'wall ms':>8} {'cpu ms':>7}")
    for size in (100, 1000, 5000):
        chart = synthetic_chart(size)
        matrix = responsibility_matrix(chart)
        wall, cpu = best_ms(lambda: responsibility_matrix(chart))
        print(f"{size:>6,} {len(matrix.columns):>8,} {len(matrix.rows):>5} {wall:>8.1f} {cpu:>7.1f}")


if __name__ == "__main__":
    main()
