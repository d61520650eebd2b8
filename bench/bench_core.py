"""Core speed: validation, revalidation after each kind of edit, save and open, against Graphviz layout.

Part one prints one row per size (100, 1,000, 5,000 roles by default): the
best of a few runs for full validation, save and open, in milliseconds, and
each as a fraction of what Graphviz `dot` needs to lay out the same chart (a
machine-independent yardstick; ``--no-dot`` leaves it out).

Part two times revalidation after one edit of each kind the model announces —
a field edit (a title, an FTE, a category), a re-parent, an add, a delete and
its undo and redo — at the largest size and at 50,000 roles (``--no-large``
leaves that out), on the synthetic chart and on a shallow, wide one (every
site role reporting straight to its department's head), with the
responsibility matrix built from the same chart beside it. Every case runs
interleaved with a full validation of the same chart, round after round
(``bench/interleave.py``), timed in CPU time of this process (the machine is
shared): medians with min–max, and the ratio to full validation. Targets:
validation ≤ 50 ms at 5,000 roles; revalidation ≤ 5 ms for every kind at
5,000 roles and a few ms at 50,000 (not in proportion to the chart); save
and open ≤ 500 ms each.

    .venv/bin/python bench/bench_core.py [--no-dot] [--no-large] [--rounds N] [SIZES...]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from interleave import interleave, print_table  # noqa: E402

from tdorg.model import Chart, Document  # noqa: E402
from tdorg.model.matrix import responsibility_matrix  # noqa: E402
from tdorg.model.persistence import open_document, save_document  # noqa: E402
from tdorg.model.rules import Validator, validate  # noqa: E402
from tdorg.model.synthetic import synthetic_chart, wide_synthetic_chart  # noqa: E402

def best(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def cpu_ms(fn: Callable[[], object]) -> float:
    """The CPU time of one call of ``fn``, in milliseconds."""
    start = time.process_time()
    fn()
    return (time.process_time() - start) * 1000


def dot_layout_ms(chart) -> float:
    """The bundled Graphviz laying out and drawing the chart as SVG with ``dot``."""
    import io

    from tdorg.export import ExportOptions, chart_to_dot
    from tdorg.export.graphviz.renderer import render

    source = chart_to_dot(chart, ExportOptions(format="svg", layout="auto")).encode()
    start = time.perf_counter()
    render(source, "dot", "svg", io.BytesIO(), timeout=600)
    return (time.perf_counter() - start) * 1000


class EditCases:
    """One live validator on ``chart`` and an edit of each kind, each timed with its revalidation.

    Every case leaves the chart as the next round expects it (a field edit toggles, a re-parent
    alternates between two managers, an add is followed by a delete of the same role, untimed)."""

    def __init__(self, chart: Chart) -> None:
        self.chart = chart
        self.validator = Validator(chart)
        self.validator.report
        ids = list(chart.roles)
        self.technicians = [r for r in ids if r.startswith("bt")]
        self.managers = [r for r in ids if r.startswith("fm")] or ["tsm", "hdm"]
        self.turn = 0

    def _timed(self, edit: Callable[[], object]) -> float:
        return cpu_ms(lambda: (edit(), self.validator.report))

    def _next(self) -> str:
        self.turn += 1
        return self.technicians[self.turn % len(self.technicians)]

    def title(self) -> float:
        role = self._next()
        return self._timed(lambda: self.chart.update_role(role, title=f"Building Technician {self.turn}"))

    def fte(self) -> float:
        role = self._next()
        fte = 0.5 if self.chart.roles[role].fte == 1.0 else 1.0
        return self._timed(lambda: self.chart.update_role(role, fte=fte))

    def category(self) -> float:
        role = self._next()
        category = "help_desk" if self.chart.roles[role].category == "building_technician" else "building_technician"
        return self._timed(lambda: self.chart.update_role(role, category=category))

    def reparent(self) -> float:
        role = self._next()
        current = self.chart.roles[role].reports_to
        target = next(m for m in (self.managers[self.turn % len(self.managers)], *self.managers) if m != current)
        return self._timed(lambda: self.chart.reparent(role, target))

    def add(self) -> float:
        template = self.chart.roles[self._next()]
        new_id = self.chart.new_id("bt-new")
        elapsed = self._timed(lambda: self.chart.add_role(template.with_changes(id=new_id, person="", dotted_to=())))
        self.chart.remove_role(new_id)
        self.validator.report
        return elapsed

    def delete_undo_redo(self) -> tuple[float, float, float]:
        role = self._next()
        removal = None

        def delete() -> None:
            nonlocal removal
            removal = self.chart.remove_role(role)

        deleted = self._timed(delete)
        undone = self._timed(lambda: self.chart.restore(removal))
        redone = self._timed(delete)
        self.chart.restore(removal)
        self.validator.report
        return deleted, undone, redone


def edit_table(name: str, chart: Chart, rounds: int) -> None:
    edits = EditCases(chart)
    last: dict[str, float] = {}

    def undo_redo(part: int) -> Callable[[], float]:
        def case() -> float:
            if part == 0:
                last["delete"], last["undo"], last["redo"] = edits.delete_undo_redo()
            return last[("delete", "undo", "redo")[part]]
        return case

    cases = {
        "full validation": lambda: cpu_ms(lambda: validate(chart)),
        "field edit: title": edits.title,
        "field edit: FTE": edits.fte,
        "field edit: category": edits.category,
        "re-parent": edits.reparent,
        "add": edits.add,
        "delete": undo_redo(0),
        "undo (delete)": undo_redo(1),
        "redo (delete)": undo_redo(2),
        "responsibility matrix": lambda: cpu_ms(lambda: responsibility_matrix(chart)),
    }
    times = interleave(cases, rounds, warmup=2)
    print_table(times, {n: "full validation" for n in cases if n != "full validation"},
                f"{name}, {len(chart):,} roles — revalidation after one edit, {rounds} interleaved rounds, CPU time")
    edits.validator.close()


def main(argv: list[str]) -> None:
    with_dot = "--no-dot" not in argv
    large = "--no-large" not in argv
    rounds = 15
    if "--rounds" in argv:
        rounds = int(argv[argv.index("--rounds") + 1])
        argv = argv[: argv.index("--rounds")] + argv[argv.index("--rounds") + 2:]
    sizes = [int(a) for a in argv if a.isdigit()] or [100, 1000, 5000]
    print("times in ms (best of several runs)")
    print(f"{'roles':>6} {'validate':>9} {'save':>8} {'open':>8} {'dot':>9}   as a fraction of dot")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            chart = synthetic_chart(n)
            path = Path(tmp) / f"bench-{n}.tdorg"
            doc = Document.of(chart)
            full = best(lambda: validate(chart))
            save = best(lambda: save_document(doc, path), 3)
            opened = best(lambda: open_document(path), 3)
            if with_dot:
                dot = dot_layout_ms(chart)
                frac = "  ".join(f"{name} {value / dot:.3f}" for name, value in
                                 (("validate", full), ("save", save), ("open", opened)))
            else:
                dot, frac = float("nan"), ""
            print(f"{n:>6} {full:9.1f} {save:8.0f} {opened:8.0f} {dot:9.0f}   {frac}")
    for n in sorted({max(sizes), *([50_000] if large else [])}):
        print()
        edit_table("synthetic chart", synthetic_chart(n), rounds)
        print()
        edit_table("wide chart", wide_synthetic_chart(n), rounds)


if __name__ == "__main__":
    main(sys.argv[1:])
