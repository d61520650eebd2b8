"""Cold start: the editor to its first painted window, and the command line, beside bare references.

Each case is a fresh process, and the cases run interleaved, round after
round (see ``interleave.py``):

- ``python -c pass`` against ``tdorg --help``, ``tdorg --version`` and
  ``tdorg validate`` of a 1,000-role chart (target: ``--help`` and
  ``--version`` ≤ 3× ``python -c pass``);
- a bare PySide6 main window, shown and grabbed offscreen, against the tdorg
  main window with no file (target ≤ 2×), and against the tdorg window
  opening a 5,000-role chart: the time to its first painted window (the
  chart still loading) and to the painted chart. The windows' processes keep
  Python's compiled modules, as an installed editor does; the window with no
  file is also timed compiling its sources at each start.

The windows run offscreen on one screen the size of a common laptop's
(1920×1080, given to Qt's offscreen platform as its JSON configuration,
``offscreen:configfile=…``), where both are shown once at 1400×900: the bare
window resized before it is shown, the editor at its first size
(``ui/window/first_size.py``). Until 2026-12-03 they ran on the offscreen
platform's own 800×800 screen, where the editor comes up at 720×720 and was
then resized to 1400×900, a second layout of every panel that a start on a
real screen does not pay; ``--small-screen`` measures that way again.

With ``--before DIR`` (a checkout's folder holding an older ``tdorg``) the
window with no file from DIR's sources runs in the same rounds, on the clock
and in CPU time, for a before and after at the same load. With ``--windows``
only the bare window and the windows with no file run.

    .venv/bin/python bench/bench_startup.py [ROUNDS] [--before DIR] [--windows] [--small-screen]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from interleave import interleave, print_table, timed_run  # noqa: E402
from screens import offscreen_platform  # noqa: E402

PYTHON = sys.executable
TDORG = str(Path(PYTHON).with_name("tdorg"))

#: Each window prints, once painted, the moment (time.time) and the CPU time its process has used so far.
PAINTED = "print(time.time(), time.process_time(), flush=True)"

BARE_WINDOW = f"""
import time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1400, 900)
window.show()
app.processEvents()
window.grab()
{PAINTED}
"""

#: The editor's start (tdorg.ui.app.main: the first window's model before Qt, then open_window) up to its first
#: painted window; with a file, then the painted chart. The window is painted at the bare window's size: its
#: first size on the laptop's screen, resized to it after showing on a smaller one.
TDORG_WINDOW = f"""
import sys, time
from pathlib import Path
import tdorg.ui.app as editor
getattr(editor, "load_first_window_model", lambda: None)()  # older sources have none
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
folder = Path(sys.argv[1])
window = editor.open_window(None, QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat),
                            folder / "recovery")
if (window.width(), window.height()) != (1400, 900):
    window.resize(1400, 900)
app = QApplication.instance()
app.processEvents()
window.grab()
{PAINTED}
if len(sys.argv) > 2:
    editor.start(window, Path(sys.argv[2]))
    app.processEvents()
    assert window.chart is not None and len(window.chart.roles) > 1000
    window.grab()
    {PAINTED}
"""


def window_env(bytecode: str | None, sources: str | None = None, platform: str = "offscreen") -> dict[str, str]:
    """Offscreen (``platform``); Python's compiled modules kept in the folder ``bytecode``, as in an installed
    editor (pip and the packaged app carry them; the warm-up round writes them), or with ``None`` compiled again
    at each start; ``tdorg`` imported from the folder ``sources`` if given."""
    env = dict(os.environ, QT_QPA_PLATFORM=platform)
    if sources is not None:
        env["PYTHONPATH"] = sources
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPYCACHEPREFIX", None)
    if bytecode is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env["PYTHONPYCACHEPREFIX"] = bytecode
    return env


def window_times(env: dict[str, str], code: str, *args: str, cwd: str | None = None) -> list[tuple[float, float]]:
    """(milliseconds from the process start, CPU milliseconds) at each moment the window's process prints
    (first paint, chart painted); ``cwd`` is the folder it starts in (``python -c`` imports from there first)."""
    begun = time.time()
    output = subprocess.run([PYTHON, "-c", code, *args], env=env, check=True, capture_output=True, text=True,
                            cwd=cwd).stdout
    return [((float(wall) - begun) * 1000, float(cpu) * 1000) for wall, cpu in map(str.split, output.splitlines())]


def main(argv: list[str]) -> int:
    before = argv[argv.index("--before") + 1] if "--before" in argv else None
    numbers = [a for a in argv if a.isdigit()]
    rounds = int(numbers[0]) if numbers else 7
    from tdorg.model import Document
    from tdorg.model.formats import save_chart
    from tdorg.model.persistence import save_document
    from tdorg.model.synthetic import synthetic_chart

    with tempfile.TemporaryDirectory() as folder:
        platform = offscreen_platform(folder, "--small-screen" in argv)
        env = window_env(str(Path(folder) / "bytecode"), platform=platform)
        compiling = window_env(None, platform=platform)
        small = Path(folder) / "small.json"
        save_chart(synthetic_chart(1000), small)
        large = Path(folder) / "large.tdorg"
        save_document(Document.of(synthetic_chart(5000)), large)
        painted: list[float] = []
        cpu: dict[str, list[float]] = {"bare PySide6 window, CPU": [], "tdorg window, no file, CPU": []}

        def window(code: str, cpu_case: str | None = None, *args: str, env: dict[str, str] = env,
                   cwd: str | None = None) -> float:
            (shown, used), *_ = window_times(env, code, *args, cwd=cwd)
            if cpu_case:
                cpu[cpu_case].append(used)
            return shown

        def with_file_window() -> float:
            (shown, _), (chart_painted, _) = window_times(env, TDORG_WINDOW, folder, str(large))
            painted.append(chart_painted)
            return shown

        cases = {
            "python -c pass": lambda: timed_run([PYTHON, "-c", "pass"]),
            "tdorg --help": lambda: timed_run([TDORG, "--help"]),
            "tdorg --version": lambda: timed_run([TDORG, "--version"]),
            "tdorg validate (1,000 roles)": lambda: _validate(small),
            "bare PySide6 window": lambda: window(BARE_WINDOW, "bare PySide6 window, CPU"),
            "tdorg window, no file": lambda: window(TDORG_WINDOW, "tdorg window, no file, CPU", folder),
            "… compiling its sources": lambda: window_times(compiling, TDORG_WINDOW, folder)[0][0],
            "tdorg window, 5,000-role file": with_file_window,
        }
        if "--windows" in argv:
            cases = {name: cases[name] for name in ("bare PySide6 window", "tdorg window, no file")}
        if before is not None:
            sources = str(Path(before).resolve())
            older = window_env(str(Path(folder) / "bytecode-before"), sources, platform)
            earlier = "tdorg window, no file, sources before"
            cpu[f"{earlier}, CPU"] = []
            cases[earlier] = lambda: window(TDORG_WINDOW, f"{earlier}, CPU", folder, env=older, cwd=sources)
        times = interleave(cases, rounds)
        if painted:
            times["… its chart painted"] = painted[-rounds:]
        times.update({case: used[-rounds:] for case, used in cpu.items()})
    references = {
        "tdorg --help": "python -c pass",
        "tdorg --version": "python -c pass",
        "tdorg validate (1,000 roles)": "python -c pass",
        "tdorg window, no file": "bare PySide6 window",
        "… compiling its sources": "bare PySide6 window",
        "tdorg window, 5,000-role file": "bare PySide6 window",
        "… its chart painted": "bare PySide6 window",
        "tdorg window, no file, CPU": "bare PySide6 window, CPU",
        "tdorg window, no file, sources before": "tdorg window, no file",
        "tdorg window, no file, sources before, CPU": "tdorg window, no file, CPU",
    }
    print_table(times, references, f"cold start, {rounds} interleaved rounds (median, min–max, ratio of medians)")
    return 0


def _validate(chart: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run([TDORG, "validate", str(chart)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert result.returncode in (0, 1), result.returncode
    return (time.perf_counter() - start) * 1000


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
