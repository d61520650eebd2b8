"""A 5,000-role chart opens, takes edits, undoes and redoes them, exports and saves
in the offscreen editor without errors, within 500 MB of memory.

Runs ``bench/bench_large.py`` in a fresh process so its peak memory is the
editor's alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.heavy

ROOT = Path(__file__).resolve().parents[1]


def test_large_chart_through_the_editor():
    roles = max(1000, int(5000 * float(os.environ.get("TDORG_HEAVY_SCALE", "1"))))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_large.py"), str(roles), "--json"],
        env=env, capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["roles"] == roles
    assert "Traceback" not in done.stderr
    assert result["peak_memory_mb"] < 500
    steps = set(result["timings_ms"])
    assert {"open", "re-parent", "add", "delete", "undo all", "redo all", "save"} <= steps
