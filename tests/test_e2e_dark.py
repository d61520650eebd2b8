"""On a real X11 display (Xvfb, Qt's xcb platform), ``--color-scheme dark`` gives a dark, readable editor.

Xvfb has no desktop to announce a scheme, so this is also what a user whose
desktop says the wrong thing does.
"""

from __future__ import annotations

import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest

from tdorg.export.contrast import luminance
from tdorg.ui.widgets.colour_scheme import DARK

from .xdisplay import HAVE_XVFB, WHY_NOT, start_editor, stop, wait_for_window, x11_environment, xvfb

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not HAVE_XVFB, reason=WHY_NOT)


def _colours(path: Path) -> Counter[str]:
    """How many pixels of each colour (``#RRGGBB``) the picture at ``path`` holds."""
    from PIL import Image

    with Image.open(path) as image:
        counts = image.convert("RGB").getcolors(maxcolors=1 << 24)
    return Counter({f"#{r:02X}{g:02X}{b:02X}": n for n, (r, g, b) in counts})


def test_the_editor_opens_dark_when_asked(tmp_path: Path) -> None:
    with xvfb(tmp_path) as display:
        env = x11_environment(display, tmp_path)
        log = tmp_path / "editor.log"
        chart = ROOT / "resources" / "templates" / "patrick-henry.json"
        editor = start_editor(env, log, "--color-scheme", "dark", chart)
        try:
            titles = wait_for_window(editor, env, "patrick-henry")
            assert titles, f"no editor window appeared (exit {editor.poll()}): {log.read_text(errors='replace')}"
            time.sleep(1.5)  # let the first paint of the chart finish
            screen = tmp_path / "dark.png"
            subprocess.run(["import", "-display", display, "-window", "root", str(screen)], env=env, check=True,
                           timeout=60)
            assert editor.poll() is None  # still running
        finally:
            stop(editor)
    colours = _colours(screen)
    total = sum(colours.values())
    dark = sum(n for colour, n in colours.items() if luminance(colour) < 0.05)
    light = sum(n for colour, n in colours.items() if luminance(colour) > 0.6)
    assert dark > 0.6 * total  # window, panels and canvas are dark…
    assert light > 0.003 * total  # …with light words on them
    assert colours[DARK.canvas_background] > 0.1 * total  # the canvas
    assert colours[DARK.box_fill] > 5_000  # the role boxes
    assert "Traceback" not in log.read_text(errors="replace")
