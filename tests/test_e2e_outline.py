"""A chart built with the keyboard only, in the outline of the real editor on an X11 display (Xvfb, Qt's
xcb platform), driven with xdotool: start on a blank chart, Alt+1 to the outline, Insert and Shift+Enter
to add roles, typing their titles, Ctrl+S and a typed file name to save; then read the saved file.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tdorg.model import Chart
from tdorg.model.persistence import open_chart

from .xdisplay import (HAVE_XVFB, WHY_NOT, focus_window, press_keys, start_editor, stop, type_text, wait_for_window,
                       x11_environment, xvfb)

TIMEOUT = 60
pytestmark = pytest.mark.skipif(not HAVE_XVFB, reason=WHY_NOT)


def name_role(env: dict[str, str], title: str) -> None:
    """The new role's title is open for typing: replace it and press Enter."""
    press_keys(env, "ctrl+a")
    type_text(env, title)
    press_keys(env, "Return")


def wait_for_file(path: Path) -> Chart:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if path.exists():
            try:
                return open_chart(path)
            except Exception:  # noqa: BLE001 - still being written
                pass
        time.sleep(0.3)
    raise AssertionError(f"the chart was not saved as {path}")


def test_a_three_role_chart_built_in_the_outline_by_keyboard_is_saved_in_its_hierarchy(tmp_path: Path) -> None:
    target = tmp_path / "keyboard-built.tdorg"
    with xvfb(tmp_path) as display:
        env = x11_environment(display, tmp_path)
        log = tmp_path / "editor.log"
        editor = start_editor(env, log)
        try:
            assert wait_for_window(editor, env, "Welcome to tdorg"), f"no start page: {log.read_text(errors='replace')}"
            press_keys(env, "Escape")  # the blank chart the window opened with
            assert wait_for_window(editor, env, "Untitled")
            focus_window(env, "Untitled")
            time.sleep(1.0)
            press_keys(env, "alt+1", "Insert")  # to the outline; a first role, its title ready to type
            name_role(env, "Chief Technology Officer")
            press_keys(env, "Insert")  # a report of it
            name_role(env, "Network Manager")
            press_keys(env, "shift+Return")  # a sibling of that report
            name_role(env, "Help Desk Lead")
            press_keys(env, "ctrl+s")
            assert wait_for_window(editor, env, "Save Chart As"), f"no save dialog: {log.read_text(errors='replace')}"
            press_keys(env, "ctrl+a")
            type_text(env, str(target))
            press_keys(env, "Return")
            chart = wait_for_file(target)
        finally:
            stop(editor)
    assert "Traceback" not in log.read_text(errors="replace")
    (top,) = chart.roots()
    assert chart.role(top).title == "Chief Technology Officer"
    assert [chart.role(r).title for r in chart.children(top)] == ["Network Manager", "Help Desk Lead"]
    assert len(chart) == 3
