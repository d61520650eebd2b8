"""PowerPoint export of synthetic charts: the whole deck against its parts, and against the 3 s target.

For each size, interleaved round after round (medians, min–max, ratios):

- the plan of department slides (:func:`tdorg.export.slides.deck.plan_slides`);
- the deck built in memory from a validated chart (python-pptx's shapes and XML);
- the whole export to a file, validation included (what ``tdorg export -o x.pptx`` does after reading).

    .venv/bin/python bench/bench_slides.py [SIZES...] [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.interleave import interleave, print_table  # noqa: E402
from tdorg.export import ExportOptions  # noqa: E402
from tdorg.export.slides.deck import build_deck, export_slides, plan_slides  # noqa: E402
from tdorg.model.rules import validate  # noqa: E402
from tdorg.model.synthetic import synthetic_chart  # noqa: E402

#: A 300-role deck should take well under this.
TARGET_MS = 3000.0


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[300, 2000])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    options = ExportOptions(format="pptx")
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "chart.pptx"
        for size in args.sizes:
            chart = synthetic_chart(size)
            report = validate(chart)
            plan = plan_slides(chart, options)
            cases = {
                "plan of slides": lambda: timed(lambda: plan_slides(chart, options)),
                "deck in memory": lambda: timed(lambda: build_deck(chart, report, plan, day=date(2026, 12, 2))),
                "whole export": lambda: timed(lambda: export_slides(chart, target, options)),
            }
            times = interleave(cases, args.rounds)
            print_table(times, {"plan of slides": "whole export", "deck in memory": "whole export"},
                        f"{size:,} roles, {len(plan.pages) + 2} slides")
            whole = statistics.median(times["whole export"])
            print(f"  whole export {whole / TARGET_MS:.2f}× the {TARGET_MS / 1000:g} s target, "
                  f"{target.stat().st_size / 1024:,.0f} KB")


if __name__ == "__main__":
    main()
