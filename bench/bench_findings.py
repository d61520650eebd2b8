"""The findings panel following one edit: by difference, against listing every finding anew.

A 5,000-role synthetic chart is validated as it is (a dozen findings) and
with its building technicians shared in pairs at 0.8 FTE each (every pair a
person over full time: about 800 findings). Each round takes one role's
findings out of the report or puts them back (what an edit that fixes or
breaks one role does) and times the panel showing the new report and
painting, interleaved with a panel that lists the same report from scratch
(what it did before it followed reports by difference).

    .venv/bin/python bench/bench_findings.py [SIZES...] [--rounds N]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from interleave import interleave, print_table  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tdorg.model.chart import Chart  # noqa: E402
from tdorg.model.rules import Report, validate  # noqa: E402
from tdorg.model.synthetic import synthetic_chart  # noqa: E402
from tdorg.ui.panels.findings_panel import FindingsPanel  # noqa: E402


def overloaded(chart: Chart) -> Chart:
    """``chart`` with its building technicians filled by one person a pair, each at 0.8 FTE."""
    technicians = iter(range(len(chart.roles)))
    roles = [dataclasses.replace(r, person=f"Technician {next(technicians) // 2}", vacant=False, fte=0.8)
             if r.category == "building_technician" else r for r in chart.roles.values()]
    return Chart(roles=roles, district=chart.district)


def follow_edits(app: QApplication, chart: Chart, rounds: int, title: str) -> None:
    full = validate(chart)
    gone = next(f for f in reversed(full.findings) if f.role_ids).role_ids[0]
    reports = [Report(findings=[f for f in full.findings if gone not in f.role_ids], metrics=full.metrics,
                      disabled=full.disabled), full]
    panels = {"by difference": FindingsPanel(), "anew": FindingsPanel()}
    turns = dict.fromkeys(panels, 0)
    for panel in panels.values():
        panel.resize(900, 300)
        panel.show()
        panel.set_report(full, chart)

    def follow(name: str) -> float:
        panel, report = panels[name], reports[turns[name] % 2]
        turns[name] += 1
        started = time.perf_counter()
        if name == "anew":
            panel._shown = None  # noqa: SLF001 — list the report from scratch
        panel.set_report(report, chart)
        app.processEvents()
        return (time.perf_counter() - started) * 1000

    times = interleave({name: (lambda name=name: follow(name)) for name in panels}, rounds)
    print_table(times, {"by difference": "anew"}, f"{title}: {len(full.findings):,} findings, "
                "one role's findings going and coming back")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[5000])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    for size in args.sizes:
        chart = synthetic_chart(size, seed=size)
        follow_edits(app, chart, args.rounds, f"{size:,} roles")
        follow_edits(app, overloaded(chart), args.rounds, f"{size:,} roles, technicians shared")
    return 0


if __name__ == "__main__":
    sys.exit(main())
