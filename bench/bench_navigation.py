"""Navigation speed: zoom step, pan and drag move, each to a repainted canvas, at 20,000 roles.

One offscreen 1400×900 editor window per canvas set-up, all on the same
synthetic chart, timed interleaved (see ``interleave.py``) so the set-ups
share the machine's load:

- ``tdorg``: the canvas as it is (BSP-tree index, boxes cached as device
  pictures, drawn by level of detail; below COARSE, where boxes have no text,
  the boxes and lines in view one picture);
- ``no overview``: every box paints itself, with its text, however small (no
  ``ChartOverview``);
- ``no cache`` / ``item cache``: boxes not cached / cached at their own size;
- ``full update``: ``FullViewportUpdate`` instead of ``SmartViewportUpdate``;
- ``no AA adjust``: ``DontAdjustForAntialiasing`` set too.

Each is timed at three zooms: *reading* (75 %, where a big chart opens),
*coarse* (10 %: boxes of 20×7 px, colours without text) and *whole chart*
(fitted, every box on screen); the item cache only at reading zoom (zoomed
out it takes seconds a step). A *zoom step* is one wheel notch at the centre
and back; a *pan* scrolls 120 px; a *drag move* is one mouse move of a dragged
box (ghost, drop target found under the pointer, feedback). Each time includes
grabbing the repainted viewport; each table is followed by the CPU time of the
same steps (the wall clock of a busy machine counts other programs' turns).
Target ≤ 16 ms.

    .venv/bin/python bench/bench_navigation.py [ROLES] [ROUNDS]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from interleave import interleave, print_table  # noqa: E402
from PySide6.QtCore import QEvent, QPoint, QPointF, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsView  # noqa: E402

from tdorg.model import Document  # noqa: E402
from tdorg.model.synthetic import synthetic_chart  # noqa: E402
from tdorg.ui.app import create_application  # noqa: E402
from tdorg.ui.window.main_window import MainWindow  # noqa: E402

Cache = QGraphicsItem.CacheMode


def _no_overview(window: MainWindow) -> None:
    window.view.overview.shown_at = lambda scale: False  # boxes always paint themselves


def _cache(mode: Cache) -> Callable[[MainWindow], None]:
    def apply(window: MainWindow) -> None:
        for item in window.scene.role_items().values():
            item.setCacheMode(mode)
    return apply


SETUPS: dict[str, Callable[[MainWindow], None]] = {
    "tdorg": lambda window: None,
    "no overview": _no_overview,
    "no cache": _cache(Cache.NoCache),
    "item cache": _cache(Cache.ItemCoordinateCache),
    "full update": lambda window: window.view.setViewportUpdateMode(
        QGraphicsView.ViewportUpdateMode.FullViewportUpdate),
    "no AA adjust": lambda window: window.view.setOptimizationFlag(
        QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True),
}
#: Zoomed out, the item cache draws every box at full size before scaling it: seconds a step.
READING_ONLY = {"item cache"}


def window_for(roles: int, folder: str, setup: Callable[[MainWindow], None]) -> MainWindow:
    settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, Path(folder) / "recovery")
    window.resize(1400, 900)
    window.show()
    window.set_document(Document.of(synthetic_chart(roles)), None)
    setup(window)
    QApplication.processEvents()
    return window


def cpu_times(names: list[str], rounds: int) -> dict[str, list[float]]:
    """The CPU times of the last ``rounds`` steps of each set-up (those ``interleave`` kept), then forgotten."""
    times = {name: CPU.pop(name)[-rounds:] for name in names}
    CPU.clear()
    return times


#: The CPU time of each timed step, by set-up, beside the wall-clock times ``interleave`` keeps.
CPU: dict[str, list[float]] = {}


def timed(window: MainWindow, action: Callable[[], None]) -> float:
    start, cpu = time.perf_counter(), time.process_time()
    action()
    QApplication.processEvents()
    window.view.viewport().grab()
    CPU.setdefault(window.objectName(), []).append((time.process_time() - cpu) * 1000)
    return (time.perf_counter() - start) * 1000


def zoom_step(window: MainWindow) -> Callable[[], float]:
    view = window.view
    state = [0]

    def step() -> float:
        state[0] += 1
        factor = 1.0015 ** (120 if state[0] % 2 else -120)
        return timed(window, lambda: view.zoom_at(factor, view.viewport().rect().center()))

    return step


def pan(window: MainWindow) -> Callable[[], float]:
    bar = window.view.horizontalScrollBar()
    state = [0]

    def step() -> float:
        state[0] += 1
        return timed(window, lambda: bar.setValue(bar.value() + (120 if state[0] % 2 else -120)))

    return step


def drag_move(window: MainWindow) -> Callable[[], float]:
    """Press on the box nearest the centre, start dragging it, then time single moves across the boxes."""
    view = window.view
    viewport = view.viewport()
    centre = view.mapToScene(viewport.rect().center())
    item = min((i for i in window.scene.role_items().values() if i.role.reports_to),
               key=lambda i: (i.sceneBoundingRect().center() - centre).manhattanLength())
    start = view.mapFromScene(item.sceneBoundingRect().center())
    _mouse(viewport, QEvent.Type.MouseButtonPress, start)
    _mouse(viewport, QEvent.Type.MouseMove, start + QPoint(30, 30))  # past the drag distance: the drag starts
    state = [0]

    def step() -> float:
        state[0] += 1
        offset = QPoint(37 * (state[0] % 9) - 150, 23 * (state[0] % 7) - 70)
        return timed(window, lambda: _mouse(viewport, QEvent.Type.MouseMove, start + offset))

    return step


def _mouse(widget, kind: QEvent.Type, pos: QPoint) -> None:  # noqa: ANN001 - the viewport
    event = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)), Qt.MouseButton.LeftButton,
                        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def main(argv: list[str]) -> int:
    roles = int(argv[0]) if argv else 20000
    rounds = int(argv[1]) if len(argv) > 1 else 15
    create_application()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the start")
    with tempfile.TemporaryDirectory() as folder:
        windows = {name: window_for(roles, folder, setup) for name, setup in SETUPS.items()}
        for name, window in windows.items():
            window.setObjectName(name)
        for zoom in ("reading", "coarse", "whole chart"):
            for window in windows.values():
                if zoom == "reading":
                    window.initial_view()  # a big chart opens at 75 % on its top
                elif zoom == "coarse":
                    window.view.set_scale(0.1)
                else:
                    window.view.fit()
                QApplication.processEvents()
            shown = {name: w for name, w in windows.items() if zoom == "reading" or name not in READING_ONLY}
            for what, make in (("zoom step", zoom_step), ("pan", pan), ("drag move", drag_move)):
                cases = {name: make(window) for name, window in shown.items()}
                times = interleave(cases, rounds, warmup=2)
                if what == "drag move":
                    for window in shown.values():
                        window.view.gestures.cancel()
                references = {name: "tdorg" for name in cases if name != "tdorg"}
                print_table(times, references, f"{what}, {zoom} zoom, {roles:,} roles, {rounds} interleaved rounds")
                print_table(cpu_times(list(cases), rounds), references, "  … CPU time of the same steps")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
