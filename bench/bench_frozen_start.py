"""Cold start of the frozen app (scripts/build-app.sh) beside the same commands from the venv.

Cases, interleaved round after round (see ``interleave.py``): ``tdorg --version``,
``tdorg validate`` of a sample, and ``tdorg export`` of it to PDF (which also
starts the Graphviz child: the venv's Python, or the app itself), each from the
venv and from the app (target: the app ≤ 1.5× the venv). The app is the one
given, else the newest of ``dist/tdorg/tdorg`` and the test builds in ``build/frozen-app/``.

    .venv/bin/python bench/bench_frozen_start.py [ROUNDS] [APP]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from interleave import interleave, print_table, timed_run  # noqa: E402

VENV_TDORG = str(Path(sys.executable).with_name("tdorg"))
SAMPLE = str(ROOT / "resources" / "templates" / "west-salem.json")


def _app(given: str | None) -> Path:
    if given:
        return Path(given)
    built = [p for p in (ROOT / "dist" / "tdorg" / "tdorg", *(ROOT / "build" / "frozen-app").glob("*/dist/tdorg/tdorg"))
             if p.is_file()]
    if not built:
        raise SystemExit("no app found: run scripts/build-app.sh first")
    return max(built, key=lambda p: p.stat().st_mtime)


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    app = str(_app(sys.argv[2] if len(sys.argv) > 2 else None))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as folder:
        pdf = str(Path(folder) / "chart.pdf")
        cases = {}
        for label, program in (("venv", VENV_TDORG), ("app", app)):
            cases[f"{label} --version"] = lambda p=program: timed_run([p, "--version"], env)
            cases[f"{label} validate"] = lambda p=program: timed_run([p, "validate", SAMPLE, "--json"], env)
            cases[f"{label} export pdf"] = lambda p=program: timed_run([p, "export", SAMPLE, "-o", pdf], env)
        times = interleave(cases, rounds)
    references = {f"app {case}": f"venv {case}" for case in ("--version", "validate", "export pdf")}
    print_table(times, references, f"Cold start, {rounds} rounds (app: {app})")


if __name__ == "__main__":
    main()
