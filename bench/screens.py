"""The offscreen platform's screen for the benchmarks' windows: one the size of a common laptop's."""

from __future__ import annotations

import json
from pathlib import Path

#: One screen the size of a common laptop's, with room for the editor's designed 1400×900 window.
LAPTOP_SCREEN = {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1920, "height": 1080,
                              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}


def offscreen_platform(folder: str | Path, small_screen: bool = False) -> str:
    """``QT_QPA_PLATFORM`` for the windows: offscreen on :data:`LAPTOP_SCREEN` (its configuration written in
    ``folder``), or with ``small_screen`` on the offscreen platform's own 800×800 screen."""
    if small_screen:
        return "offscreen"
    config = Path(folder) / "laptop-screen.json"
    config.write_text(json.dumps(LAPTOP_SCREEN))
    return f"offscreen:configfile={config}"
