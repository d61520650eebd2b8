"""Incremental layout against a full re-layout, per edit kind, on narrow and wide charts.

Each case is an edit of the chart followed by bringing the live layout up to
date (``LiveLayout.update``: the roles it moved), with the column depth
fitted to Letter landscape as the canvas has it; the reference is the full
re-layout the canvas ran before (``Tree.of`` + ``fit_depth`` + ``layout_tree``).
Cases run interleaved, round after round; each line gives the median, the
min–max and the ratio to the full re-layout. Every case leaves the chart as
the next round expects it (a re-parent alternates between two managers, an
add is followed by an untimed delete, delete–undo–redo by an untimed undo).

    .venv/bin/python bench/bench_layout.py [--sizes 2000,5000,20000,50000] [--rounds 7]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_core import wide_chart  # noqa: E402
from bench.interleave import interleave, print_table  # noqa: E402
from tdorg.export import ExportOptions, style  # noqa: E402
from tdorg.export.dot import box_size, fit_area  # noqa: E402
from tdorg.export.pages import MAX_TITLE_PT  # noqa: E402
from tdorg.model import Chart  # noqa: E402
from tdorg.model.layout import Tree, fit_depth, layout_tree, sizes  # noqa: E402
from tdorg.model.layout_cache import Fit, LiveLayout  # noqa: E402
from tdorg.model.synthetic import synthetic_chart  # noqa: E402

BOX = sizes(style.BOX_WIDTH, 72.0)


class LayoutCases:
    def __init__(self, chart: Chart) -> None:
        self.chart = chart
        self.fit = Fit(sizes(*box_size(chart)), fit_area(ExportOptions()), MAX_TITLE_PT / style.TITLE_SIZE)
        start = time.perf_counter()
        self.live = LiveLayout(chart, BOX, self.fit)
        self.build_ms = (time.perf_counter() - start) * 1000
        chart.subscribe(self.live.note)
        ids = list(chart.roles)
        self.technicians = [r for r in ids if r.startswith("bt")]
        self.managers = [r for r in ids if r.startswith("fm")] or ["tsm", "hdm"]
        self.turn = 0
        self.removal = None
        self.moved: list[int] = []

    def _timed(self, edit: Callable[[], object]) -> float:
        start = time.perf_counter()
        edit()
        moved = self.live.update()
        elapsed = (time.perf_counter() - start) * 1000
        self.moved.append(len(moved))
        return elapsed

    def _next(self) -> str:
        self.turn += 1
        return self.technicians[self.turn % len(self.technicians)]

    def full(self) -> float:
        start = time.perf_counter()
        tree = Tree.of(self.chart)
        depth = fit_depth(tree, self.fit.sizes, self.fit.area, self.fit.max_scale)[0]
        layout_tree(tree, BOX, depth)
        return (time.perf_counter() - start) * 1000

    def reparent(self) -> float:
        role = self._next()
        current = self.chart.roles[role].reports_to
        target = next(m for m in (self.managers[self.turn % len(self.managers)], *self.managers) if m != current)
        return self._timed(lambda: self.chart.reparent(role, target))

    def title(self) -> float:
        role = self._next()
        return self._timed(lambda: self.chart.update_role(role, title=f"Building Technician {self.turn}"))

    def category(self) -> float:
        role = self._next()
        category = "admin_assistant" if self.chart.roles[role].category == "building_technician" else "building_technician"
        return self._timed(lambda: self.chart.update_role(role, category=category))

    def add(self) -> float:
        template = self.chart.roles[self._next()]
        new_id = self.chart.new_id("bt-new")
        elapsed = self._timed(lambda: self.chart.add_role(template.with_changes(id=new_id, person="", dotted_to=())))
        self.chart.remove_role(new_id)
        self.live.update()
        return elapsed

    def delete(self) -> float:
        role = self._next()

        def remove() -> None:
            self.removal = self.chart.remove_role(role)
        return self._timed(remove)

    def undo(self) -> float:
        return self._timed(lambda: self.chart.restore(self.removal))

    def redo(self) -> float:
        role = self.removal.role.id
        elapsed = self._timed(lambda: self.chart.remove_role(role))
        self.chart.restore(self.removal)
        self.live.update()
        return elapsed


def run(label: str, chart: Chart, rounds: int) -> None:
    cases = LayoutCases(chart)
    kinds = ["full", "reparent", "title", "category", "add", "delete", "undo", "redo"]
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
        run("wide chart", wide_chart(n), args.rounds)


if __name__ == "__main__":
    main()
