"""On a real X11 display: the editor reopens where and as large as it was when Ctrl+Q quit it."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from .xdisplay import on_window, start_editor, stop, wait_for_window, window_geometry, x11_environment, xvfb

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "templates" / "patrick-henry.json"
#: Where the user leaves the window: not the first size (centred, 90% of the 1600×1000 screen).
LEFT_AT = (130, 90, 1060, 700)


def settle(env: dict[str, str], wanted: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """The window's geometry once it is ``wanted`` (or after a while, whatever it is then)."""
    for _ in range(40):
        geometry = window_geometry(env, "patrick-henry")
        if geometry == wanted:
            break
        time.sleep(0.25)
    return geometry


def test_the_window_reopens_where_ctrl_q_left_it(tmp_path: Path) -> None:
    log = tmp_path / "editor.log"
    with xvfb(tmp_path) as display:
        env = x11_environment(display, tmp_path)
        editor = start_editor(env, log, SAMPLE)  # a sample with nothing changed: quitting asks nothing
        try:
            assert wait_for_window(editor, env, "patrick-henry"), log.read_text(errors="replace")
            first = window_geometry(env, "patrick-henry")
            x, y, width, height = LEFT_AT
            on_window(env, "patrick-henry", "windowsize", "%1", str(width), str(height),
                      "windowmove", "%1", str(x), str(y))
            left = settle(env, LEFT_AT)
            assert left == LEFT_AT and left != first
            time.sleep(0.5)  # Qt has taken the new size and place before it is asked to quit
            on_window(env, "patrick-henry", "windowfocus", "--sync", "%1")
            subprocess.run(["xdotool", "key", "ctrl+q"], env=env, check=True, timeout=30)
            assert editor.wait(timeout=60) == 0, log.read_text(errors="replace")
        finally:
            stop(editor)

        again = start_editor(env, log, SAMPLE)
        try:
            assert wait_for_window(again, env, "patrick-henry"), log.read_text(errors="replace")
            assert settle(env, LEFT_AT) == LEFT_AT
        finally:
            stop(again)
    assert "Traceback" not in log.read_text(errors="replace")
