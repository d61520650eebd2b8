"""The editor starts on a real X11 display (Qt's xcb platform under Xvfb), not only offscreen.

This catches a missing system library of Qt's xcb plugin (libxcb-cursor0 and
friends), which the offscreen platform never loads.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(
    not (sys.platform.startswith("linux") and shutil.which("Xvfb") and shutil.which("xdotool")
         and shutil.which("import")),
    reason="needs Linux with Xvfb, xdotool and ImageMagick (scripts/setup.sh installs them)",
)


@pytest.fixture
def display(tmp_path: Path) -> Iterator[str]:
    """A private Xvfb server; Xvfb picks a free display number and reports it on a pipe."""
    read, write = os.pipe()
    log = tmp_path / "xvfb.log"
    with log.open("wb") as out:
        server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                                  pass_fds=(write,), stdout=out, stderr=subprocess.STDOUT)
    os.close(write)
    try:
        with os.fdopen(read) as numbers:
            number = numbers.readline().strip()
        assert number, f"Xvfb did not start: {log.read_text(errors='replace')}"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _window_titles(env: dict[str, str]) -> list[str]:
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "tdorg", "getwindowname", "%@"],
                           env=env, capture_output=True, text=True, timeout=30)
    return found.stdout.splitlines()


def test_the_editor_window_appears_on_an_x11_display(display: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_", "WAYLAND"))}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    log = tmp_path / "editor.log"
    with log.open("wb") as out:
        editor = subprocess.Popen([sys.executable, "main.py", str(ROOT / "resources" / "templates" / "patrick-henry.json")], cwd=ROOT, env=env,
                                  stdout=out, stderr=subprocess.STDOUT)
    try:
        titles: list[str] = []
        deadline = time.monotonic() + 90
        while editor.poll() is None and time.monotonic() < deadline:
            titles = [t for t in _window_titles(env) if "patrick-henry" in t]
            if titles:
                break
            time.sleep(0.5)
        assert titles, f"no editor window appeared (exit {editor.poll()}): {log.read_text(errors='replace')}"
        time.sleep(1.5)  # let the first paint of the chart finish
        shot = tmp_path / "screen.png"
        subprocess.run(["import", "-display", display, "-window", "root", str(shot)], env=env, check=True, timeout=60)
        with Image.open(shot) as image:
            colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
        assert colours is None or len(colours) > 50  # menus, palette icons and role boxes, not an empty screen
        assert editor.poll() is None  # still running
    finally:
        editor.terminate()
        try:
            editor.wait(timeout=30)
        except subprocess.TimeoutExpired:
            editor.kill()
            editor.wait()
    assert "Could not load the Qt platform plugin" not in log.read_text(errors="replace")
