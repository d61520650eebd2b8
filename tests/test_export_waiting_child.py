"""The renderer keeps one Graphviz child started ahead of the next drawing; it draws what a new child draws."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from tdorg.export.graphviz import renderer
from tdorg.export.errors import ExportCancelledError
from tdorg.export.graphviz.graphviz_child import WAIT
from tests.test_export_support import needs_graphviz

pytestmark = needs_graphviz

SOURCE = b'digraph { node [shape=box]; a [label="Director of Technology"]; b [label="Help Desk"]; a -> b }'


@pytest.fixture(autouse=True)
def no_waiting_child():
    """Each test starts with no child waiting (no command is ``[]``, so any waiting child is let go)."""
    renderer._take_spare([])  # noqa: SLF001
    yield
    renderer._take_spare([])  # noqa: SLF001


def _starts(monkeypatch) -> list[bool]:
    """For each run of the child from now on: whether it was a waiting child."""
    runs: list[bool] = []
    real = renderer.run_program

    def counted(*args, **kwargs):
        runs.append(kwargs.get("started") is not None)
        return real(*args, **kwargs)

    monkeypatch.setattr(renderer, "run_program", counted)
    return runs


def _draw(tmp_path, fmt: str = "svg") -> bytes:
    with open(tmp_path / f"drawing.{fmt}", "w+b") as into:
        renderer.render(SOURCE, "dot", fmt, into, timeout=60)
        return into.read()


def test_after_a_drawing_the_next_one_is_drawn_by_a_waiting_child(tmp_path, monkeypatch):
    runs = _starts(monkeypatch)
    first = _draw(tmp_path)
    second = _draw(tmp_path)
    batch, _ = renderer.render_batch([SOURCE, SOURCE], "dot", "svg", timeout=60)
    assert runs == [False, True, True]
    assert first == second == batch[0] == batch[1]
    assert b"Director of Technology" in first


def test_prepare_starts_one_waiting_child(tmp_path, monkeypatch):
    renderer.prepare()
    renderer.prepare()  # the one waiting is kept
    runs = _starts(monkeypatch)
    assert _draw(tmp_path, "pdf").startswith(b"%PDF-")
    assert runs == [True]


def test_a_waiting_child_for_another_command_is_not_used(tmp_path, monkeypatch):
    renderer.prepare()
    real = renderer.child_command()
    monkeypatch.setattr(renderer, "child_command", lambda: [*real])  # an equal command is the same child
    runs = _starts(monkeypatch)
    _draw(tmp_path)
    monkeypatch.setattr(renderer, "child_command", lambda: ["/bin/sh", "-c", 'exec "$@"', "sh", *real])
    _draw(tmp_path)
    assert runs == [True, False]


def test_cancel_before_the_drawing_ends_the_waiting_child(tmp_path):
    renderer.prepare()
    waiting = renderer._spare[1]  # noqa: SLF001
    with open(tmp_path / "drawing.svg", "w+b") as into, pytest.raises(ExportCancelledError):
        renderer.render(SOURCE, "dot", "svg", into, timeout=60, cancel=lambda: True)
    assert waiting.wait(timeout=10) is not None


def test_a_waiting_child_given_nothing_ends_without_drawing():
    child = subprocess.Popen([*renderer.child_command(), WAIT], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    out, err = child.communicate(b"", timeout=60)
    assert (child.returncode, out, err) == (0, b"", b"")


def test_a_waiting_child_ends_with_the_program_that_started_it():
    code = ("from tdorg.export.graphviz import renderer\nrenderer.prepare()\n"
            "print(renderer._spare[1].pid, flush=True)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    pid = int(done.stdout)
    for _ in range(100):
        if subprocess.run(["ps", "-p", str(pid), "-o", "stat="], capture_output=True, text=True).stdout.strip() in (
                "", "Z"):
            break
        time.sleep(0.1)
    else:
        pytest.fail("the waiting child outlived its program")
