"""Editor speed: open + layout + first paint, and every kind of edit to a repainted, revalidated canvas.

For each size (5,000 and 50,000 synthetic roles by default) a chart is saved
to a ``.tdorg`` file (one too large for a file is shown from memory), then
timed in an offscreen editor window as a first start lays it out on a laptop's
1920×1080 screen (1400×900, its docks in their designed sizes: the Properties
and Metrics panels 350 px wide, the Findings panel across the bottom). Until
2026-12-03 it ran on the offscreen platform's own 800×800 screen, where the
window was laid out at 720×720 and then resized to 1400×900: the right-hand
docks stayed 180 px wide and the Findings panel showed three rows, less to lay
out and paint at each edit than a user's window; ``--small-screen`` measures
that way again.

- *first paint*: open the file, build the scene (layout included), validate,
  and grab the canvas to an image;
- *edits*: a re-parent, a title edit, a category edit, adding a report,
  deleting it, undoing the delete and redoing it, interleaved round after
  round; each pushes its undo step (or undoes, redoes) and lets Qt process the
  events (scene update, re-layout, revalidation, panels, and the canvas's
  repaint of what changed, checked to have happened); medians with min–max.
  With ``--grab`` each step also grabs the whole canvas to an image, as this
  benchmark did until 2026-12-03: a second paint of every box in view, which
  the editor itself never makes;
- *collapse* and *expand*: the same, for collapsing and expanding the
  smallest subtree of at least 1,000 roles, interleaved (median, min–max),
  with nothing else collapsed (expanding lays out the whole chart again,
  which the canvas keeps while only collapses change it) and with another
  subtree collapsed; and two re-parents in turn while that other subtree
  stays collapsed (the first after an expand lays the shown roles out
  whole, the next keeps their layout);
- *outline*: the outline panel opening on the chart (its rows painted), and
  one re-parent with the tree following it beside the same edit with the
  outline detached, interleaved.

Targets on this 2-core machine: first paint ≤ 1 s at 5,000 roles; every
edit ≤ 16 ms at 5,000 roles and ≤ 50 ms at 50,000; collapse and expand of a
1,000-role subtree ≤ 50 ms at 5,000 roles; the outline opens in ≤ 200 ms at
5,000 roles. Also prints the process's peak memory; ``-v`` prints every edit's time, ``--edits`` times the
edits alone (first paint and the edit rounds, no collapse, expand or outline), ``--grab`` adds the grab to each
step.

    .venv/bin/python bench/bench_editor.py [-v] [--edits] [--grab] [--small-screen] [SIZES...]
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from interleave import interleave, print_table, summary  # noqa: E402
from memory import peak_mb  # noqa: E402
from screens import offscreen_platform  # noqa: E402
from PySide6.QtCore import QEvent, QObject, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tdorg.model import Document  # noqa: E402
from tdorg.model.persistence import open_document, save_document  # noqa: E402
from tdorg.model.rules import validate  # noqa: E402
from tdorg.model.synthetic import synthetic_chart  # noqa: E402
from tdorg.model.values import ROLES_MAX  # noqa: E402
from tdorg.ui.app import create_application  # noqa: E402
from tdorg.ui.window.main_window import MainWindow  # noqa: E402


def first_paint(window: MainWindow, source: Path | Document) -> float:
    """Open the file (or show a document too large for one), build the scene, validate and grab the canvas."""
    app = QApplication.instance()
    start = time.perf_counter()
    if isinstance(source, Path):
        window.set_document(open_document(source), source)
    else:
        window.set_document(source, None)
    app.processEvents()
    window.view.viewport().grab()
    return (time.perf_counter() - start) * 1000


class _Paints(QObject):
    """Counts the paint events of the widget it filters."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


class Clocks:
    """Each step to the repainted canvas (or, with ``grab``, the canvas grabbed whole after it), timed on the clock
    (returned, for :func:`interleave`) and in CPU time (the process's, less the machine's other load; kept per
    case in :attr:`cpu`)."""

    def __init__(self, window: MainWindow, grab: bool = False) -> None:
        self.window = window
        self.grab = grab
        self.cpu: dict[str, list[float]] = {}
        viewport = window.view.viewport()
        self.paints = _Paints(viewport)
        viewport.installEventFilter(self.paints)

    def time(self, name: str, action) -> float:  # noqa: ANN001
        self.paints.count = 0
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        QApplication.instance().processEvents()
        if self.grab:
            self.window.view.viewport().grab()
        elapsed, elapsed_cpu = (time.perf_counter() - start) * 1000, (time.process_time() - start_cpu) * 1000
        assert self.paints.count >= 1, f"{name}: the canvas was not repainted"
        self.cpu.setdefault(name, []).append(elapsed_cpu)
        return elapsed

    def cpu_after(self, rounds: int) -> dict[str, list[float]]:
        """The CPU times of the last ``rounds`` rounds (the warm-up left out)."""
        return {name: values[-rounds:] for name, values in self.cpu.items()}


def edit_times(window: MainWindow, rounds: int = 11, grab: bool = False) -> tuple[dict[str, list[float]],
                                                                                  dict[str, list[float]]]:
    """Every kind of edit, each to the repainted, revalidated canvas, interleaved round after round; the
    times on the clock and in CPU time (the process's, less the machine's other load).

    A round re-parents a report of one manager to another (the last two managers of three reports or
    more, in the chart's order), edits the title of another of the first manager's reports and then its
    category (each back and forth from round to round), adds a report under the first manager, deletes it, undoes the delete
    and redoes it: the chart ends each round as it began (but for the mover's manager, the title and
    the category).
    """
    app = QApplication.instance()
    chart, editor = window.chart, window.editor
    managers = [r.id for r in chart.roles.values() if chart.child_count(r.id) >= 3 and r.reports_to]
    first, second = managers[-2], managers[-1]
    mover, edited = chart.children(first)[0], chart.children(first)[-1]  # side by side in the view
    title, category = chart.role(edited).title, chart.role(edited).category
    other = "network" if category != "network" else "help_desk"
    added: list[str] = []
    window.reveal_roles([mover, edited])
    app.processEvents()
    window.view.viewport().grab()

    clocks = Clocks(window, grab)

    def timed(name: str, action) -> float:  # noqa: ANN001
        elapsed = clocks.time(name, action)
        assert window.sessions.report.findings == validate(chart).findings  # revalidated
        gc.collect()  # the full validation's garbage, which the editor never makes, is not collected inside an edit
        return elapsed

    def reparent() -> None:
        target = second if chart.role(mover).reports_to == first else first
        assert editor.move([mover], target)

    def retitle() -> None:
        editor.update(edited, {"title": title if chart.role(edited).title != title else f"{title} II"}, "title")

    def recategorise() -> None:
        editor.update(edited, {"category": category if chart.role(edited).category != category else other}, "category")

    def add() -> None:
        added.append(editor.add_role("building_technician", first))
        assert added[-1] in chart.roles

    def delete() -> None:
        assert editor.delete([added[-1]]) and added[-1] not in chart.roles

    def undo() -> None:
        window.stack.undo()
        assert added[-1] in chart.roles

    def redo() -> None:
        window.stack.redo()
        assert added[-1] not in chart.roles

    actions = {"re-parent": reparent, "field edit: title": retitle, "field edit: category": recategorise,
               "add a report": add, "delete a role": delete, "undo (the delete)": undo, "redo (the delete)": redo}
    times = interleave({name: lambda name=name, action=action: timed(name, action) for name, action in actions.items()},
                       rounds)
    return times, clocks.cpu_after(rounds)


def fold_times(window: MainWindow, rounds: int = 9, grab: bool = False) -> tuple[int, dict[str, list[float]],
                                                                                 dict[str, list[float]]]:
    """Collapse and expand the smallest subtree of at least 1,000 roles, in turn, with nothing else collapsed and
    with another (smaller) subtree collapsed, and re-parent a role while that one is; its size and the times,
    on the clock and in CPU time."""
    app = QApplication.instance()
    chart = window.chart
    sizes = {r: len(chart.descendants(r)) for r in chart.roles if chart.role(r).reports_to}
    manager = min((r for r, n in sizes.items() if n >= 1000), key=sizes.__getitem__, default=max(sizes, key=sizes.__getitem__))
    other = next(r for r, n in sizes.items() if n >= 10 and not chart.is_under(r, manager) and not chart.is_under(manager, r))
    window.reveal_roles([manager])
    app.processEvents()

    clocks = Clocks(window, grab)

    def fold(name: str, collapsed: bool, another: bool = False) -> float:
        if chart.is_collapsed(other) != another:  # untimed
            assert window.editor.collapse([other], another)
            app.processEvents()
        elapsed = clocks.time(name, lambda: window.editor.collapse([manager], collapsed))
        assert chart.is_collapsed(manager) == collapsed
        assert window.scene.item(chart.descendants(manager)[0]).isVisible() != collapsed
        return elapsed

    managers = [r for r in chart.roles if chart.child_count(r) >= 3 and chart.role(r).reports_to
                and r != other and not chart.is_under(r, other)]
    first, second = managers[-2], managers[-1]
    mover = chart.children(first)[0]

    def reparent(name: str) -> float:
        """A re-parent among the shown roles while ``other`` is collapsed (and ``manager`` expanded)."""
        target = second if chart.role(mover).reports_to == first else first
        elapsed = clocks.time(name, lambda: window.editor.move([mover], target))
        assert chart.role(mover).reports_to == target and chart.is_collapsed(other) and not window.scene.item(chart.descendants(other)[0]).isVisible()
        return elapsed

    cases = {"collapse": lambda name: fold(name, True), "expand": lambda name: fold(name, False),
             "collapse, another collapsed": lambda name: fold(name, True, True),
             "expand, another collapsed": lambda name: fold(name, False, True),
             "re-parent, another collapsed: first edit after the expand": reparent,
             "re-parent, another collapsed: the next": reparent}
    times = interleave({name: lambda name=name, case=case: case(name) for name, case in cases.items()}, rounds)
    return sizes[manager], times, clocks.cpu_after(rounds)


def outline_times(window: MainWindow, rounds: int = 9) -> dict[str, list[float]]:
    """The outline panel opening on the chart (its first rows painted), and one re-parent with the tree
    following it beside the same edit with the outline detached, interleaved."""
    app = QApplication.instance()
    outline, chart = window.outline, window.chart
    window.focus_outline()
    managers = [r for r in chart.roles if chart.child_count(r) >= 3 and chart.role(r).reports_to]
    first, second = managers[0], managers[1]
    mover = chart.children(first)[-1]

    def open_panel() -> float:
        start = time.perf_counter()
        outline.show_scenario()
        app.processEvents()
        outline.tree.viewport().grab()
        return (time.perf_counter() - start) * 1000

    def edit(following: bool) -> float:
        outline.model.set_chart(chart if following else None, window.sessions.report)
        outline.show_roles([mover])
        app.processEvents()
        start = time.perf_counter()
        assert window.editor.move([mover], second if chart.role(mover).reports_to == first else first)
        app.processEvents()
        outline.tree.viewport().grab()
        elapsed = (time.perf_counter() - start) * 1000
        model = outline.model
        assert not following or model.index_of(mover).parent() == model.index_of(chart.role(mover).reports_to)
        return elapsed

    times = interleave({"outline opens": open_panel, "edit, outline following": lambda: edit(True),
                        "edit, outline detached": lambda: edit(False)}, rounds)
    outline.show_scenario()
    return times


def other_times(window: MainWindow, grab: bool) -> None:
    """Collapse and expand, and the outline."""
    hidden, folds, fold_cpu = fold_times(window, grab=grab)
    print_table(folds, {}, f"  collapse / expand of a {hidden:,}-role subtree:")
    print_table(fold_cpu, {}, "  the same steps' CPU time:")
    print_table(outline_times(window), {"edit, outline following": "edit, outline detached"}, "  outline:")


def main(argv: list[str]) -> int:
    verbose, edits_only, grab = "-v" in argv, "--edits" in argv, "--grab" in argv
    sizes = [int(a) for a in argv if a not in ("-v", "--edits", "--grab", "--small-screen")] or [5000, 50000]
    with tempfile.TemporaryDirectory() as folder:
        if os.environ["QT_QPA_PLATFORM"] == "offscreen":  # not a platform chosen from outside
            os.environ["QT_QPA_PLATFORM"] = offscreen_platform(folder, "--small-screen" in argv)
        app = create_application()
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        for size in sizes:
            window = MainWindow(settings, recovery_dir=Path(folder) / "recovery")
            window.resize(1400, 900)
            window.show()
            app.processEvents()
            document = Document.of(synthetic_chart(size, seed=1))
            path = Path(folder) / f"district-{size}.tdorg" if size <= ROLES_MAX else None
            if path is not None:
                save_document(document, path)
            paint = first_paint(window, path or document)
            where = "opened from its file" if path else f"in memory: a file holds at most {ROLES_MAX:,} roles"
            print(f"{size:,} roles: first paint {paint:.0f} ms ({where})")
            times, cpu = edit_times(window, grab=grab)
            to = "the repainted, revalidated canvas, grabbed whole" if grab else "the repainted, revalidated canvas"
            print_table(times, {}, f"  one edit to {to} (medians of 11, min–max):")
            print_table(cpu, {}, "  the same edits' CPU time:")
            if verbose:
                for name, values in times.items():
                    print(f"    {name}:", " ".join(f"{t:.0f}" for t in values))
            if not edits_only:
                other_times(window, grab)
            window.stack.setClean()
            window.close()
            window.deleteLater()
            app.processEvents()
    peak = peak_mb()
    print(f"peak memory: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
