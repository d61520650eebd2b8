"""A large chart through the whole editor: open, edit, undo, export — with timings and peak memory.

Opens a synthetic chart (5,000 roles by default) from a ``.tdorg`` file in
an offscreen editor window, makes edits through the undo stack (re-parent,
add, delete, field edit), undoes and redoes them, exports the chart as PDF
from the window's export job, saves, and prints each step's time and the
process's peak memory (target: under 500 MB). Exits non-zero on any error.

    .venv/bin/python bench/bench_large.py [ROLES] [--json]
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tdorg.export import ExportOptions, graphviz_available  # noqa: E402
from tdorg.model import Document, Role  # noqa: E402
from tdorg.model.persistence import open_document, save_document  # noqa: E402
from tdorg.model.rules import validate  # noqa: E402
from tdorg.model.synthetic import synthetic_chart  # noqa: E402
from tdorg.model.edits import AddRole, RemoveRole, Reparent, UpdateRole  # noqa: E402
from tdorg.ui.editing import undo_command as cmd  # noqa: E402
from bench.memory import peak_mb  # noqa: E402
from tdorg.ui.app import create_application  # noqa: E402
from tdorg.ui.window.main_window import MainWindow  # noqa: E402


def main(roles: int, as_json: bool) -> int:
    app = create_application()
    timings: dict[str, float] = {}

    def step(name: str, fn):
        start = time.perf_counter()
        result = fn()
        app.processEvents()
        timings[name] = round((time.perf_counter() - start) * 1000, 1)
        return result

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        path = tmp / "large.tdorg"
        save_document(Document.of(synthetic_chart(roles)), path)
        window = MainWindow(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat), recovery_dir=tmp)
        window.resize(1400, 900)
        window.show()
        step("open", lambda: window.set_document(open_document(path), path))
        step("first paint", lambda: window.view.viewport().grab())
        chart = window.chart
        managers = [r for r in chart.roles if r.startswith("fm")]
        mover = chart.children(managers[0])[0]
        edits = [
            ("re-parent", [Reparent(mover, managers[-1])]),
            ("add", [AddRole(Role(id="new-coach", title="New Integration Coach", category="integration_coach",
                                      reports_to="itc"))]),
            ("delete", [RemoveRole(managers[1])]),
            ("field edit", [UpdateRole("cto", {"title": "Chief Technology & Innovation Officer"})]),
        ]
        for name, ops in edits:
            step(name, lambda ops=ops, name=name: cmd.push(window.stack, cmd.EditCommand(chart, name, ops)))
        edited = chart.copy()
        step("undo all", lambda: [window.stack.undo() for _ in edits])
        step("redo all", lambda: [window.stack.redo() for _ in edits])
        if chart != edited:
            print("redo did not restore the edited chart", file=sys.stderr)
            return 1
        if validate(chart).findings != window.sessions.report.findings:
            print("live findings differ from a full validation", file=sys.stderr)
            return 1
        if graphviz_available():
            out = tmp / "large.pdf"
            failures: list[str] = []
            window.exporter._show_failure = lambda message: failures.append(message)
            start = time.perf_counter()
            step("export start", lambda: window.exporter.start(out, ExportOptions(format="pdf", layout="canvas"), False))
            while window.exporter.job is not None:
                app.processEvents()
                time.sleep(0.02)
            timings["export"] = round((time.perf_counter() - start) * 1000, 1)
            if failures or not out.exists() or out.read_bytes()[:5] != b"%PDF-":
                print(f"the export wrote no PDF: {failures}", file=sys.stderr)
                return 1
        step("save", lambda: save_document(window.document, path))
        window.open_file.mark_saved(path)
        window.close()
    result = {"roles": roles, "timings_ms": timings, "peak_memory_mb": round(peak_mb(), 1)}
    if as_json:
        print(json.dumps(result))
    else:
        for name, ms in timings.items():
            print(f"{name:>14}: {ms:9.1f} ms")
        print(f"{'peak memory':>14}: {result['peak_memory_mb']:9.1f} MB (target < 500 MB)")
    QApplication.instance().quit()
    return 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    sys.exit(main(int(args[0]) if args else 5000, "--json" in sys.argv))
