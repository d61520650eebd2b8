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


def strip_of_colour(path: Path, colour: tuple[int, int, int], min_height: int = 40) -> tuple[int, int, int, int] | None:
    """The tallest vertical run of exactly ``colour`` in the picture at ``path`` (at least ``min_height`` pixels),
    as ``(left, top, width, height)`` of the block of columns that share it; ``None`` if there is none."""
    from PIL import Image

    with Image.open(path) as image:
        rgb = image.convert("RGB")
        width, height = rgb.size
        pixels = rgb.load()
    runs: dict[int, tuple[int, int]] = {}  # x → (top, length) of the column's longest run
    for x in range(width):
        best, top, length = (0, 0), 0, 0
        for y in range(height):
            if pixels[x, y] == colour:
                if length == 0:
                    top = y
                length += 1
                if length > best[1]:
                    best = (top, length)
            else:
                length = 0
        if best[1] >= min_height:
            runs[x] = best
    if not runs:
        return None
    tallest = max(runs, key=lambda x: runs[x][1])
    top, length = runs[tallest]
    left = right = tallest
    while left - 1 in runs and runs[left - 1] == (top, length):
        left -= 1
    while right + 1 in runs and runs[right + 1] == (top, length):
        right += 1
    return left, top, right - left + 1, length


def click_at(env: dict[str, str], x: int, y: int) -> None:
    """Move the pointer to ``(x, y)`` on the display and click the left button there."""
    subprocess.run(["xdotool", "mousemove", "--sync", str(x), str(y), "click", "1"], env=env, check=True, timeout=30)


def press_keys(env: dict[str, str], *keys: str) -> None:
    """Press each of ``keys`` (xdotool's names, e.g. ``ctrl+c``) on the focused window, in turn."""
    subprocess.run(["xdotool", "key", "--delay", "120", *keys], env=env, check=True, timeout=30)


def type_text(env: dict[str, str], text: str) -> None:
    """Type ``text`` on the focused window, key by key, as a person at the keyboard would."""
    subprocess.run(["xdotool", "type", "--delay", "60", text], env=env, check=True, timeout=60)


def focus_window(env: dict[str, str], title_part: str) -> None:
    """Give the keyboard to the visible window naming ``title_part``, as a window manager would (Xvfb has none)."""
    subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title_part, "windowfocus", "--sync"],
                   env=env, check=True, timeout=30)


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


def changed_box(before: Path, after: Path, region: tuple[int, int, int, int]) -> tuple[int, int, int, int] | None:
    """``(left, top, width, height)`` around the pixels that differ between the screenshots ``before`` and
    ``after`` inside ``region`` (``left, top, width, height``); ``None`` where nothing changed."""
    from PIL import Image, ImageChops

    left, top, width, height = region
    crop = (left, top, left + width, top + height)
    with Image.open(before) as first, Image.open(after) as second:
        box = ImageChops.difference(first.convert("RGB").crop(crop), second.convert("RGB").crop(crop)).getbbox()
    return None if box is None else (left + box[0], top + box[1], box[2] - box[0], box[3] - box[1])


def colour_box(path: Path, colour: tuple[int, int, int], region: tuple[int, int, int, int]) -> tuple[int, int, int, int] | None:
    """``(left, top, width, height)`` around the pixels of exactly ``colour`` inside ``region``; ``None`` if none."""
    from PIL import Image, ImageChops

    left, top, width, height = region
    with Image.open(path) as image:
        part = image.convert("RGB").crop((left, top, left + width, top + height))
    mask = ImageChops.difference(part, Image.new("RGB", part.size, colour)).convert("L").point(lambda v: 255 * (v == 0))
    box = mask.getbbox()
    return None if box is None else (left + box[0], top + box[1], box[2] - box[0], box[3] - box[1])


def drag_through(env: dict[str, str], points: list[tuple[int, int]], release: bool = True) -> None:
    """Press the left button at the first of ``points``, move through the others in small steps, as a hand
    does, and release there (or keep the button down)."""
    def run(*command: str) -> None:
        subprocess.run(["xdotool", *command], env=env, check=True, timeout=30)

    (x, y), rest = points[0], points[1:]
    run("mousemove", "--sync", str(x), str(y))
    run("mousedown", "1")
    for tx, ty in rest:
        for step in range(1, 9):
            run("mousemove", str(x + (tx - x) * step // 8), str(y + (ty - y) * step // 8))
            time.sleep(0.04)
        x, y = tx, ty
    time.sleep(0.3)
    if release:
        run("mouseup", "1")


#: The project's folder, where ``main.py`` is.
_PROJECT = Path(__file__).resolve().parent.parent


def start_editor(env: dict[str, str], log: Path, *args: object) -> subprocess.Popen:
    """The editor (``main.py`` with ``args``) started in ``env``, its output added to the end of ``log``."""
    with log.open("ab") as out:  # a file, not a pipe: the editor's output must never fill a buffer and stall it
        return subprocess.Popen([sys.executable, "main.py", *map(str, args)], cwd=_PROJECT, env=env, stdout=out,
                                stderr=subprocess.STDOUT)
