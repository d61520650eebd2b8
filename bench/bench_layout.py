"""Incremental layout against a full re-layout, per edit kind, on narrow and wide charts.

Each case is an edit of the chart followed by bringing the live layout up to
date (``LiveLayout.update``: the roles it moved), with the column depth
fitted to Letter landscape as the canvas has it; the reference is the full
re-layout the canvas ran before (``Tree.of`` + ``fit_depth`` + ``layout_tree``).
Cases run interleaved, round after round; each line gives the median, the
min–max and the ratio to the full re-layout. Every case leaves the chart as
the next round expects it (the edits of ``bench_core.EditCases``).

    .venv/bin/python bench/bench_layout.py [--sizes 2000,5000,20000,50000] [--rounds 7]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_core import EditCases  # noqa: E402
from bench.interleave import interleave, print_table  # noqa: E402
from tdorg.export import ExportOptions, style  # noqa: E402
from tdorg.export.graphviz.dot import box_size, fit_area  # noqa: E402
from tdorg.export.pages import MAX_TITLE_PT  # noqa: E402
from tdorg.model import Chart  # noqa: E402
from tdorg.model.layout import Tree, fit_depth, layout_tree, sizes  # noqa: E402
from tdorg.model.layout_cache import Fit, LiveLayout  # noqa: E402
from tdorg.model.synthetic import synthetic_chart, wide_synthetic_chart  # noqa: E402

BOX = sizes(style.BOX_WIDTH, 72.0)


class LayoutCases(EditCases):
    """The edits of ``bench_core``, each timed with bringing the live layout up to date instead of
    with its revalidation; ``full`` is the full re-layout the canvas ran before."""

    def __init__(self, chart: Chart) -> None:
        super().__init__(chart)
        self.validator.close()
        self.fit = Fit(sizes(*box_size(chart)), fit_area(ExportOptions()), MAX_TITLE_PT / style.TITLE_SIZE)
        start = time.perf_counter()
        self.live = LiveLayout(chart, BOX, self.fit)
        self.build_ms = (time.perf_counter() - start) * 1000
        chart.subscribe(self.live.note)
        self.moved: list[int] = []
        self.last: dict[str, float] = {}

    def _timed(self, edit: Callable[[], object]) -> float:
        start = time.perf_counter()
        edit()
        moved = self.live.update()
        elapsed = (time.perf_counter() - start) * 1000
        self.moved.append(len(moved))
        return elapsed

    def full(self) -> float:
        start = time.perf_counter()
        tree = Tree.of(self.chart)
        depth = fit_depth(tree, self.fit.sizes, self.fit.area, self.fit.max_scale)[0]
        layout_tree(tree, BOX, depth)
        return (time.perf_counter() - start) * 1000

    def assistant(self) -> float:
        """A category edit that makes a technician an assistant, or back."""
        role = self._next()
        category = "admin_assistant" if self.chart.roles[role].category == "building_technician" else "building_technician"
        return self._timed(lambda: self.chart.update_role(role, category=category))

    def delete(self) -> float:
        self.last["delete"], self.last["undo"], self.last["redo"] = self.delete_undo_redo()
        self.live.update()
        return self.last["delete"]

    def undo(self) -> float:
        return self.last["undo"]

    def redo(self) -> float:
        return self.last["redo"]


def run(label: str, chart: Chart, rounds: int) -> None:
    cases = LayoutCases(chart)
    kinds = ["full", "reparent", "title", "category", "assistant", "add", "delete", "undo", "redo"]
    times = interleave({kind: getattr(cases, kind) for kind in kinds}, rounds)
    moved = sorted(cases.moved)
    print_table(times, {kind: "full" for kind in kinds[1:]},
                f"{label}, {len(chart.roles):,} roles (live layout built in {cases.build_ms:.0f} ms; "
                f"roles moved per edit: median {moved[len(moved) // 2]}, most {moved[-1]})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,5000,20000,50000")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    for n in (int(s) for s in args.sizes.split(",")):
        run("narrow chart", synthetic_chart(n), args.rounds)
        run("wide chart", wide_synthetic_chart(n), args.rounds)


if __name__ == "__main__":
    main()
