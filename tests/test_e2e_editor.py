"""The editor driven end to end on an X11 display (Xvfb, Qt's xcb platform) with xdotool's mouse and keys.

Boxes are found on screenshots: a click on empty canvas leaves nothing selected, an arrow key selects a box
(Up the top role, Down its first report, Right the next), and the pixels that change are that box's
selection outline. The palette's Network entry is found by its icon's colour left of the canvas.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tdorg.model import Chart
from tdorg.model.formats import load_chart
from tdorg.model.persistence import open_chart
from tdorg.ui.widgets.colour_scheme import LIGHT

from .xdisplay import (HAVE_XVFB, WHY_NOT, changed_box, click_at, colour_box, drag_through, focus_window, press_keys,
                       screenshot_colours, start_editor, stop, strip_of_colour, type_text, wait_for_window,
                       x11_environment, xvfb)

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "resources" / "templates"
TEMPLATE = TEMPLATES / "patrick-henry.json"
NETWORK_ICON = (0x08, 0x91, 0xB2)  # resources/icons/network.svg's fill
TIMEOUT = 60
pytestmark = pytest.mark.skipif(not HAVE_XVFB, reason=WHY_NOT)

Box = tuple[int, int, int, int]


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def centre(box: Box, fraction: float = 0.5) -> tuple[int, int]:
    """A point across ``box`` at ``fraction`` of its width, half-way down."""
    left, top, width, height = box
    return left + int(width * fraction), top + height // 2


@dataclass
class Running:
    """The editor on a private display, with its screenshots in ``folder``."""

    program: subprocess.Popen
    display: str
    env: dict[str, str]
    folder: Path
    log: Path
    canvas: Box = (0, 0, 0, 0)
    shots: int = 0

    def shot(self, name: str) -> Path:
        self.shots += 1
        path = self.folder / f"{self.shots:02d}-{name}.png"
        screenshot_colours(self.display, self.env, path)
        return path

    def find_canvas(self, title: str) -> None:
        """Focus the window naming ``title``, find its canvas and click empty canvas: nothing is selected."""
        focus_window(self.env, title)
        time.sleep(1.5)  # the chart's first paint
        canvas = strip_of_colour(self.shot("window"), rgb(LIGHT.canvas_background), min_height=200)
        assert canvas is not None, "no empty canvas on the screen"
        left, top, _width, height = canvas
        self.canvas = (left, top, self._canvas_width(left, top + 2), height)
        click_at(self.env, left + 4, top + 4)
        time.sleep(0.5)

    def _canvas_width(self, left: int, y: int) -> int:
        """How far the empty canvas reaches right along row ``y`` (its top margin) from ``left``."""
        from PIL import Image

        with Image.open(self.folder / f"{self.shots:02d}-window.png") as image:
            pixels = image.convert("RGB").load()
            right = left
            while right + 1 < image.width and pixels[right + 1, y] == rgb(LIGHT.canvas_background):
                right += 1
        return right - left + 1

    def box_selected_by(self, *keys: str) -> Box:
        """Where the box that ``keys`` select is, from the outline they draw (Escape first: none selected)."""
        press_keys(self.env, "Escape")
        time.sleep(0.4)
        before = self.shot("none-selected")
        press_keys(self.env, *keys)
        time.sleep(0.6)
        box = changed_box(before, self.shot("selected-" + "-".join(keys)), self.canvas)
        assert box is not None and box[2] > 40 and box[3] > 20, f"no box outlined after {keys}: {box}"
        return box

    def palette_network(self) -> tuple[int, int]:
        """The centre of the palette's Network icon (left of the canvas)."""
        left, top, _width, height = self.canvas
        icon = colour_box(self.shot("palette"), NETWORK_ICON, (0, top, left, height))
        assert icon is not None, "the palette's Network entry is not on the screen"
        return centre(icon)

    def save_as(self, target: Path) -> Chart:
        press_keys(self.env, "ctrl+s")
        assert wait_for_window(self.program, self.env, "Save Chart As"), f"no save dialog: {self.output()}"
        press_keys(self.env, "ctrl+a")
        type_text(self.env, str(target))
        press_keys(self.env, "Return")
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                return open_chart(target)
            except Exception:  # noqa: BLE001 - not written yet, or being written
                time.sleep(0.3)
        raise AssertionError(f"{target} was not saved: {self.output()}")

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def windows_named(self, name: str) -> list[str]:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name, "getwindowname", "%@"],
                               env=self.env, capture_output=True, text=True, timeout=30)
        return found.stdout.splitlines()

    def editor_log(self) -> str:
        """What the editor wrote to its log in the user's data folder (empty when it wrote nothing)."""
        return "".join(p.read_text(errors="replace") for p in (self.folder / "data").rglob("tdorg.log*"))


@contextmanager
def editor_on_display(tmp_path: Path, chart: Path = TEMPLATE) -> Iterator[Running]:
    with xvfb(tmp_path) as display:
        env = x11_environment(display, tmp_path)
        env["TDORG_COLOR_SCHEME"] = "light"
        log = tmp_path / "editor.log"
        program = start_editor(env, log, chart)
        running = Running(program, display, env, tmp_path, log)
        try:
            assert wait_for_window(program, env, chart.stem), f"no editor: {running.output()}"
            running.find_canvas(chart.stem)
            yield running
        finally:
            stop(program)
    assert "Traceback" not in running.output()


def first_reports(chart: Chart) -> tuple[str, str, str]:
    """The top role and its first two reports: what Up, then Down, then Right select."""
    top = chart.roots()[0]
    first, second = chart.children(top)[:2]
    return top, first, second


def test_a_palette_drag_that_shows_the_sibling_marker_then_is_abandoned_leaves_the_editor_working(tmp_path):
    with editor_on_display(tmp_path) as editor:
        box = editor.box_selected_by("Up", "Down")
        icon = editor.palette_network()
        edge = centre(box, 0.08)  # inside the box's left edge: "beside it"
        drag_through(editor.env, [icon, (edge[0] + 30, edge[1]), edge], release=False)
        marker = editor.shot("sibling-marker")
        left, top, _width, height = box
        assert colour_box(marker, rgb(LIGHT.accept), (left - 24, top - 12, 30, height + 24)), \
            "no new-sibling marker beside the box"
        press_keys(editor.env, "Escape")
        subprocess.run(["xdotool", "mouseup", "1"], env=editor.env, check=True, timeout=30)
        drag_through(editor.env, [icon, (edge[0] + 30, edge[1]), edge, icon])  # released back on the palette
        time.sleep(0.5)
        assert editor.shot("abandoned") and editor.windows_named("patrick-henry")
        press_keys(editor.env, "ctrl+o")
        assert wait_for_window(editor.program, editor.env, "Open Chart"), f"no open dialog: {editor.output()}"
        press_keys(editor.env, "ctrl+a")
        type_text(editor.env, str(TEMPLATES / "la-crosse.json"))
        press_keys(editor.env, "Return")
        assert wait_for_window(editor.program, editor.env, "la-crosse"), f"not opened: {editor.output()}"
        editor.find_canvas("la-crosse")
        click_at(editor.env, *centre(editor.box_selected_by("Up")))
        time.sleep(1.0)
        editor.shot("clicked-after-opening")
        assert editor.program.poll() is None, f"the editor ended: {editor.output()}"
        assert editor.windows_named("Something went wrong") == []
        assert "Traceback" not in editor.editor_log()


def test_a_palette_drag_onto_a_box_adds_a_report_of_it_and_the_keys_go_to_it(tmp_path):
    before = load_chart(TEMPLATE)
    _top, first, _second = first_reports(before)
    with editor_on_display(tmp_path) as editor:
        box = editor.box_selected_by("Up", "Down")
        drag_through(editor.env, [editor.palette_network(), centre(box)])
        time.sleep(0.8)
        editor.shot("dropped")
        press_keys(editor.env, "F2")  # the keys go to the box just added: its title field
        time.sleep(0.6)
        type_text(editor.env, "Network Engineer 3")
        press_keys(editor.env, "Return")
        time.sleep(0.6)
        saved = editor.save_as(tmp_path / "added.tdorg")
    (added,) = set(saved.children(first)) - set(before.children(first))
    assert saved.role(added).category == "network" and len(saved) == len(before) + 1
    assert saved.role(added).title == "Network Engineer 3"


def test_dragging_a_box_onto_another_makes_it_report_there(tmp_path):
    before = load_chart(TEMPLATE)
    _top, first, second = first_reports(before)
    with editor_on_display(tmp_path) as editor:
        target = editor.box_selected_by("Up", "Down")
        moved = editor.box_selected_by("Up", "Down", "Right")
        press_keys(editor.env, "Escape")
        start = centre(moved)
        drag_through(editor.env, [start, (start[0], start[1] + 40), centre(target)])
        time.sleep(0.8)
        editor.shot("moved")
        saved = editor.save_as(tmp_path / "moved.tdorg")
    assert saved.role(second).reports_to == first
    assert len(saved) == len(before) and saved.children(second) == before.children(second)


@pytest.mark.parametrize("key", ["Menu", "shift+F10"])
def test_the_menu_key_opens_one_menu_on_the_selected_box_and_escape_closes_it(tmp_path, key):
    with editor_on_display(tmp_path) as editor:
        box = editor.box_selected_by("Up", "Down")
        selected = editor.shot("selected")
        press_keys(editor.env, key)
        time.sleep(0.8)
        menu = changed_box(selected, editor.shot("menu"), (0, 0, 1600, 1000))
        assert menu is not None, "no menu appeared"
        x, y = centre(box)
        assert menu[0] - 4 <= x <= menu[0] + 40 and menu[1] - 4 <= y <= menu[1] + 40, (menu, box)  # opens at the box
        assert menu[2] > 150 and menu[3] > 150
        press_keys(editor.env, "Escape")
        time.sleep(0.8)
        assert changed_box(selected, editor.shot("closed"), (0, 0, 1600, 1000)) is None  # one menu, now closed
        assert editor.program.poll() is None


def test_ctrl_z_in_the_title_field_undoes_the_charts_last_step_and_typing_there_commits_on_return(tmp_path):
    before = load_chart(TEMPLATE)
    _top, first, second = first_reports(before)
    with editor_on_display(tmp_path) as editor:
        editor.box_selected_by("Up", "Down", "Right")
        press_keys(editor.env, "Delete")  # a step that is not the field's own
        time.sleep(0.6)
        editor.box_selected_by("Up", "Down")
        press_keys(editor.env, "F2")  # the title field, its text selected
        time.sleep(0.6)
        press_keys(editor.env, "ctrl+z")  # nothing typed there: the chart's last step, the delete, is undone
        time.sleep(0.6)
        type_text(editor.env, "Director of Networks")
        press_keys(editor.env, "Return")
        time.sleep(0.6)
        editor.shot("renamed")
        saved = editor.save_as(tmp_path / "undone.tdorg")
    assert second in saved and saved.role(second) == before.role(second)
    assert saved.role(first).title == "Director of Networks" and len(saved) == len(before)
