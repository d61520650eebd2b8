"""Collapsing from the keyboard in the real editor on an X11 display (Xvfb, Qt's xcb platform), driven with
xdotool: a click on empty canvas, Down to the top role, "-" to collapse it, Ctrl+S to save; "+" to expand
and save again; each time the saved file says what is collapsed."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

import pytest

from tdorg.model import Chart
from tdorg.model.formats import load_chart
from tdorg.model.persistence import open_chart
from tdorg.ui.widgets.colour_scheme import LIGHT

from .xdisplay import (HAVE_XVFB, WHY_NOT, click_at, focus_window, press_keys, screenshot_colours, start_editor, stop,
                       strip_of_colour, type_text, wait_for_window, x11_environment, xvfb)

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "resources" / "templates" / "patrick-henry.json"
TIMEOUT = 60
pytestmark = pytest.mark.skipif(not HAVE_XVFB, reason=WHY_NOT)


def saved(path: Path, collapsed: Callable[[Chart], set[str]]) -> Chart:
    """The chart saved at ``path`` once exactly ``collapsed(chart)`` is collapsed in it."""
    deadline = time.monotonic() + TIMEOUT
    seen = None
    while time.monotonic() < deadline:
        try:
            chart = open_chart(path)
        except Exception:  # noqa: BLE001 - not written yet, or being written
            chart = None
        if chart is not None:
            seen = chart.collapsed
            if seen == collapsed(chart):
                return chart
        time.sleep(0.3)
    raise AssertionError(f"{path} was not saved with the expected roles collapsed (last seen: {seen})")


def empty_canvas(display: str, env: dict[str, str], path: Path, background: tuple[int, ...]) -> tuple[int, int, int, int]:
    """Where the painted canvas shows its background, once the chart's first paint is on the screen."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        time.sleep(1.0)
        screenshot_colours(display, env, path)
        canvas = strip_of_colour(path, background, min_height=200)  # type: ignore[arg-type]
        if canvas is not None:
            return canvas
    raise AssertionError("no empty canvas on the screen")


def test_minus_collapses_the_selected_box_and_plus_expands_it_and_the_file_keeps_it(tmp_path: Path) -> None:
    target = tmp_path / "collapsed.tdorg"
    background = tuple(int(LIGHT.canvas_background[i:i + 2], 16) for i in (1, 3, 5))
    with xvfb(tmp_path) as display:
        env = x11_environment(display, tmp_path)
        env["TDORG_COLOR_SCHEME"] = "light"
        log = tmp_path / "editor.log"
        editor = start_editor(env, log, TEMPLATE)
        try:
            assert wait_for_window(editor, env, "patrick-henry"), f"no editor: {log.read_text(errors='replace')}"
            focus_window(env, "patrick-henry")
            left, top, _width, _height = empty_canvas(display, env, tmp_path / "before.png", background)
            click_at(env, left + 4, top + 4)  # empty canvas: the keyboard goes to the canvas, nothing selected
            time.sleep(0.5)
            press_keys(env, "Down", "minus", "ctrl+s")
            assert wait_for_window(editor, env, "Save Chart As"), f"no save dialog: {log.read_text(errors='replace')}"
            press_keys(env, "ctrl+a")
            type_text(env, str(target))
            press_keys(env, "Return")
            saved(target, lambda chart: {chart.roots()[0]})  # the top role, selected by Down
            assert wait_for_window(editor, env, "collapsed")
            focus_window(env, "collapsed")
            press_keys(env, "plus", "ctrl+s")
            chart = saved(target, lambda _chart: set())
        finally:
            stop(editor)
    assert "Traceback" not in log.read_text(errors="replace")
    assert len(chart) == len(load_chart(TEMPLATE))  # collapsing hides roles, it never drops them
