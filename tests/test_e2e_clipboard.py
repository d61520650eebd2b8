"""Copy and paste of a subtree in the real editor on an X11 display (Xvfb, Qt's xcb platform), driven
with xdotool: click a manager's box, Ctrl+C, click another box, Ctrl+V, Ctrl+S, and read the saved file.

Each box is found on a screenshot by the strip of its category's colour down its left edge: every role
of the chart the test opens has a category of its own.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from PySide6.QtGui import QColor

from tdorg.model import Chart, District, Role
from tdorg.model.persistence import open_chart, save_chart
from tdorg.ui.widgets import style

from .xdisplay import click_at, press_keys, start_editor, stop, strip_of_colour, wait_for_window, x11_environment, xvfb

TIMEOUT = 60


def department() -> Chart:
    roles = [
        Role("head", "Director of Technology", "it_leader", person="Ada Price", flags=frozenset({"top_it_leader"})),
        Role("netmgr", "Network Manager", "it_manager", person="Bo Lane", reports_to="head"),
        Role("neteng", "Network Engineer", "network", person="Cy Diaz", reports_to="netmgr"),
        Role("sysadm", "Systems Administrator", "systems_admin", person="Di Moss", reports_to="netmgr"),
        Role("helpdesk", "Help Desk Lead", "help_desk", person="Ed Fox", reports_to="head"),
    ]
    return Chart(District(name="Strip Valley Schools"), roles)


def box_point(display: str, env: dict[str, str], shot: Path, category: str) -> tuple[int, int]:
    """A point inside the box of the one role of ``category``, found on a fresh screenshot."""
    colour = QColor(style.category_colour(category))
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        subprocess.run(["import", "-display", display, "-window", "root", str(shot)], env=env, check=True, timeout=60)
        strip = strip_of_colour(shot, (colour.red(), colour.green(), colour.blue()))
        if strip is not None:
            left, top, width, height = strip
            return left + width + height // 2, top + height // 2  # right of the strip, halfway down the box
        time.sleep(0.5)
    raise AssertionError(f"no box of category {category} on the screen ({shot})")


def wait_for_save(path: Path, before: int) -> Chart:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if path.stat().st_mtime_ns != before:
            chart = open_chart(path)
            if len(chart) > 5:
                return chart
        time.sleep(0.3)
    raise AssertionError("the chart was not saved")


def test_a_subtree_copied_with_the_keyboard_is_pasted_under_another_box_and_saved(tmp_path: Path) -> None:
    chart_file = tmp_path / "strip-valley.tdorg"
    save_chart(department(), chart_file)
    saved_at = chart_file.stat().st_mtime_ns
    with xvfb(tmp_path) as display:
        env = x11_environment(display, tmp_path)
        log = tmp_path / "editor.log"
        editor = start_editor(env, log, chart_file)
        try:
            assert wait_for_window(editor, env, "strip-valley"), f"no window: {log.read_text(errors='replace')}"
            shot = tmp_path / "screen.png"
            click_at(env, *box_point(display, env, shot, "it_manager"))
            press_keys(env, "ctrl+c")
            click_at(env, *box_point(display, env, shot, "help_desk"))
            press_keys(env, "ctrl+v", "ctrl+s")
            chart = wait_for_save(chart_file, saved_at)
        finally:
            stop(editor)
    assert "Traceback" not in log.read_text(errors="replace")
    pasted = [r for r in chart.tree_order() if r not in department()]
    assert len(pasted) == 3
    top = chart.role(pasted[0])
    assert (top.title, top.reports_to, top.vacant, top.person) == ("Network Manager", "helpdesk", True, "")
    assert [chart.role(r).title for r in chart.children(top.id)] == ["Network Engineer", "Systems Administrator"]
    assert chart.role("netmgr").reports_to == "head" and chart.role("netmgr").person == "Bo Lane"
