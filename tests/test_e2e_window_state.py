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
#: How long the editor may take, on a busy machine, to answer a move or to paint.
PATIENCE = 90.0


def settle(env: dict[str, str], wanted: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """The window's geometry once it is ``wanted`` (or, after :data:`PATIENCE`, whatever it is then)."""
    deadline = time.monotonic() + PATIENCE
    geometry = window_geometry(env, "patrick-henry")
    while geometry != wanted and time.monotonic() < deadline:
        time.sleep(0.25)
        geometry = window_geometry(env, "patrick-henry")
    return geometry


def bottom_row(display: str, env: dict[str, str], shot: Path, geometry: tuple[int, int, int, int]) -> set[tuple]:
    """The colours of the display's pixel row just above the bottom edge of a window at ``geometry``: the
    status bar, once the editor has painted the window at that size."""
    from PIL import Image

    subprocess.run(["import", "-display", display, "-window", "root", str(shot)], env=env, check=True, timeout=60)
    x, y, width, height = geometry
    with Image.open(shot) as image:
        rgb = image.convert("RGB")
        return {rgb.getpixel((left, y + height - 2)) for left in range(x + 10, x + width - 10, 20)}


def painted(display: str, env: dict[str, str], shot: Path, geometry: tuple[int, int, int, int],
            colour: tuple | None = None) -> tuple | None:
    """The status bar's colour once the editor has painted its window at ``geometry`` (its bottom row one
    colour, ``colour`` when given, the same in two screenshots in turn); ``None`` if it never did."""
    deadline = time.monotonic() + PATIENCE
    seen: set[tuple] = set()
    while time.monotonic() < deadline:
        row = bottom_row(display, env, shot, geometry)
        if len(row) == 1 and row != {(0, 0, 0)} and (colour is None or row == {colour}):
            if row == seen:
                return next(iter(row))
            seen = row
        else:
            seen = set()
        time.sleep(0.25)
    return None


def test_the_window_reopens_where_ctrl_q_left_it(tmp_path: Path) -> None:
    log = tmp_path / "editor.log"
    shot = tmp_path / "screen.png"
    with xvfb(tmp_path) as display:
        env = x11_environment(display, tmp_path)
        editor = start_editor(env, log, SAMPLE)  # a sample with nothing changed: quitting asks nothing
        try:
            assert wait_for_window(editor, env, "patrick-henry"), log.read_text(errors="replace")
            first = window_geometry(env, "patrick-henry")
            # the editor has shown and painted its first window: nothing of its own start can move it now
            status_bar = painted(display, env, shot, first)
            assert status_bar is not None and window_geometry(env, "patrick-henry") == first
            x, y, width, height = LEFT_AT
            on_window(env, "patrick-henry", "windowmove", "%1", str(x), str(y),
                      "windowsize", "%1", str(width), str(height))
            left = settle(env, LEFT_AT)
            assert left == LEFT_AT and left != first
            # painted at the new size, after the move: the editor has taken both before it is asked to quit
            assert painted(display, env, shot, LEFT_AT, status_bar) == status_bar
            on_window(env, "patrick-henry", "windowfocus", "--sync", "%1")
            subprocess.run(["xdotool", "key", "ctrl+q"], env=env, check=True, timeout=30)
            assert editor.wait(timeout=60) == 0, log.read_text(errors="replace")
        finally:
            stop(editor)

        again = start_editor(env, log, SAMPLE)
        try:
            assert wait_for_window(again, env, "patrick-henry"), log.read_text(errors="replace")
            assert settle(env, LEFT_AT) == LEFT_AT
            assert painted(display, env, shot, LEFT_AT, status_bar) == status_bar
        finally:
            stop(again)
    assert "Traceback" not in log.read_text(errors="replace")
