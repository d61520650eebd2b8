"""A private X server (Xvfb) for tests that start a program on a real X11 display, and window look-ups."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HAVE_XVFB = bool(sys.platform.startswith("linux") and shutil.which("Xvfb") and shutil.which("xdotool")
                 and shutil.which("import"))
WHY_NOT = "needs Linux with Xvfb, xdotool and ImageMagick (scripts/setup.sh installs them)"


@contextmanager
def xvfb(folder: Path) -> Iterator[str]:
    """Run Xvfb (it picks a free display number and reports it on a pipe); yields the display, e.g. ``:3``."""
    read, write = os.pipe()
    log = folder / "xvfb.log"
    with log.open("wb") as out:  # a file, not a pipe: Xvfb's warnings must never fill a buffer and stall it
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


def x11_environment(display: str, home: Path) -> dict[str, str]:
    """The environment of a program on ``display`` with Qt's xcb platform and its own home folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_", "WAYLAND"))}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"))
    return env


def wait_for_window(program: subprocess.Popen, env: dict[str, str], title_part: str, timeout: float = 90) -> list[str]:
    """The titles of the visible windows naming ``title_part``, once there is one (empty if none came)."""
    deadline = time.monotonic() + timeout
    while program.poll() is None and time.monotonic() < deadline:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title_part, "getwindowname", "%@"],
                               env=env, capture_output=True, text=True, timeout=30)
        if found.stdout.strip():
            return found.stdout.splitlines()
        time.sleep(0.5)
    return []


def screenshot_colours(display: str, env: dict[str, str], path: Path) -> int:
    """Take a screenshot of the whole display into ``path``; the number of distinct colours in it."""
    from PIL import Image

    subprocess.run(["import", "-display", display, "-window", "root", str(path)], env=env, check=True, timeout=60)
    with Image.open(path) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
    return (1 << 16) + 1 if colours is None else len(colours)


def stop(program: subprocess.Popen) -> None:
    program.terminate()
    try:
        program.wait(timeout=30)
    except subprocess.TimeoutExpired:
        program.kill()
        program.wait()


def on_window(env: dict[str, str], title_part: str, *commands: str) -> str:
    """Run xdotool ``commands`` (chained, e.g. ``windowsize %1 900 600``) on the visible window naming
    ``title_part``; what they print."""
    done = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title_part, *commands], env=env,
                          capture_output=True, text=True, check=True, timeout=30)
    return done.stdout


def window_geometry(env: dict[str, str], title_part: str) -> tuple[int, int, int, int]:
    """``(x, y, width, height)`` of the visible window naming ``title_part``, as xdotool reports it."""
    text = on_window(env, title_part, "getwindowgeometry", "%1")
    position = text.split("Position:")[1].split()[0]
    size = text.split("Geometry:")[1].split()[0]
    x, y = (int(n) for n in position.split(","))
    width, height = (int(n) for n in size.split("x"))
    return x, y, width, height
