"""The editor starts on a real X11 display (Qt's xcb platform under Xvfb), not only offscreen.

This catches a missing system library of Qt's xcb plugin (libxcb-cursor0 and
friends), which the offscreen platform never loads.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from .xdisplay import HAVE_XVFB, WHY_NOT, screenshot_colours, start_editor, stop, wait_for_window, x11_environment, xvfb

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not HAVE_XVFB, reason=WHY_NOT)


def test_the_editor_window_appears_on_an_x11_display(tmp_path: Path) -> None:
    with xvfb(tmp_path) as display:
        env = x11_environment(display, tmp_path)
        log = tmp_path / "editor.log"
        editor = start_editor(env, log, ROOT / "resources" / "templates" / "patrick-henry.json")
        try:
            titles = wait_for_window(editor, env, "patrick-henry")
            assert titles, f"no editor window appeared (exit {editor.poll()}): {log.read_text(errors='replace')}"
            time.sleep(1.5)  # let the first paint of the chart finish
            # Menus, palette icons and role boxes, not an empty screen.
            assert screenshot_colours(display, env, tmp_path / "screen.png") > 50
            assert editor.poll() is None  # still running
        finally:
            stop(editor)
    assert "Could not load the Qt platform plugin" not in log.read_text(errors="replace")
