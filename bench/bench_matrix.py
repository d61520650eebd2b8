"""Responsibility matrix timings: milliseconds to build it from a synthetic chart, best of several runs.

Run: ``.venv/bin/python bench/bench_matrix.py``
"""

from __future__ import annotations

import time

from tdorg.model.matrix import responsibility_matrix
from tdorg.model.synthetic import synthetic_chart


def best_ms(work, runs: int = 25) -> float:  # noqa: ANN001
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> None:
    print(f"{'roles':>6} {'columns':>8} {'rows':>5} {'matrix ms':>10}")
    for size in (100, 1000, 5000):
        chart = synthetic_chart(size)
        matrix = responsibility_matrix(chart)
        ms = best_ms(lambda: responsibility_matrix(chart))
        print(f"{size:>6,} {len(matrix.columns):>8,} {len(matrix.rows):>5} {ms:>10.1f}")


if __name__ == "__main__":
    main()
