"""Interleaved timing for the benchmarks: every case beside its reference, round after round.

On a shared, busy machine one run of a case and then one of its reference
measure two different loads. :func:`interleave` runs the cases in turn, round
after round (``a b c a b c …``), so that each round sees the same load, and
:func:`print_table` prints each case's median with its min–max and its ratio to
the reference's median.

A case is a function returning one time in milliseconds (it may time
something inside, or run a child process); ``None`` means "not measured".
"""

from __future__ import annotations

import statistics
import subprocess
import time
from typing import Callable, Sequence

Case = Callable[[], float]


def interleave(cases: dict[str, Case], rounds: int, warmup: int = 1) -> dict[str, list[float]]:
    """Run every case once per round, in order; ``warmup`` rounds first are not kept."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    for n in range(warmup + rounds):
        for name, case in cases.items():
            elapsed = case()
            if n >= warmup:
                times[name].append(elapsed)
    return times


def summary(times: Sequence[float]) -> str:
    """``median (min–max)`` in milliseconds."""
    return f"{statistics.median(times):8.1f} ms ({min(times):.1f}–{max(times):.1f})"


def print_table(times: dict[str, list[float]], references: dict[str, str | tuple[str, ...]], title: str = "") -> None:
    """One line per case: median (min–max) and, for a case with references (one, or several side by side),
    the ratio of medians to each."""
    if title:
        print(title)
    width = max(len(name) for name in times)
    for name, values in times.items():
        line = f"  {name:<{width}}  {summary(values)}"
        reference = references.get(name, ())
        for each in (reference,) if isinstance(reference, str) else reference:
            ratio = statistics.median(values) / statistics.median(times[each])
            line += f"   {ratio:5.2f}× {each}"
        print(line)


def timed_run(command: Sequence[str], env: dict[str, str] | None = None) -> float:
    """Milliseconds from starting ``command`` to its exit (its output is discarded; it must succeed)."""
    start = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = (time.perf_counter() - start) * 1000
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)[:80]} failed ({result.returncode}): {result.stderr.strip()[-500:]}")
    return elapsed
