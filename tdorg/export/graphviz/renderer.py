"""Drawing DOT source with the Graphviz bundled in pygraphviz, in a child process.

The child (:mod:`tdorg.export.graphviz.graphviz_child`) runs apart from the editor, so
the time limit and Cancel can stop it at any moment and a crash in Graphviz
ends only the child. Its drawing is streamed into an open file, capped at
:data:`MAX_OUTPUT_BYTES`, and checked to be a complete file of its format
before anyone uses it. No Graphviz program needs to be installed. A batch of
sources is drawn by one child (:func:`render_batch`), saving a process start
per drawing.
"""

from __future__ import annotations

import importlib.util
import io
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import BinaryIO

from ..errors import ExportTimeoutError, ExportWriteError, GraphvizFailedError, GraphvizMissingError, GraphvizOutputError
from .drawing_check import check_drawing
from .graphviz_child import EXIT_NO_GRAPHVIZ, WAIT
from .runner import Cancel, run_program, start_program

NAME = "Graphviz"
CHILD = Path(__file__).with_name("graphviz_child.py")
#: The largest drawing accepted from Graphviz, in bytes (a 5,000-role chart is about 9 MB as SVG, 1 MB as PDF).
MAX_OUTPUT_BYTES = 200_000_000
#: Lines of Graphviz's messages that are about the fonts set-up, not the chart.
_NOISE = ("Fontconfig warning", "Fontconfig error")
#: A child started ahead of the next drawing, waiting for its job (see :func:`prepare`), and its command.
_spare: tuple[list[str], subprocess.Popen] | None = None
_spare_lock = threading.Lock()


def graphviz_available() -> bool:
    """Whether the bundled Graphviz (pygraphviz) is installed."""
    return importlib.util.find_spec("pygraphviz") is not None


def layout_engine(program: str, args: list[str]) -> str:
    """The library's layout engine for a Graphviz command line: ``neato -n2`` (positions as given) is ``nop2``."""
    return next((_PINNED[a] for a in args if a in _PINNED), program)


#: The engines that draw positions as given, by the ``neato`` argument that asks for them.
_PINNED = {"-n": "nop", "-n1": "nop", "-n2": "nop2"}


def child_command() -> list[str]:
    """The command that starts the child program; the engine, format and source file follow it."""
    if getattr(sys, "frozen", False):  # the frozen app has no Python to start: it runs the child itself
        return [sys.executable, "--graphviz-child"]  # see tdorg.launcher.GRAPHVIZ_CHILD
    # -I: the child sees neither PYTHON* variables nor the current folder; -S: it skips the site module (a good
    # part of its start-up time) and is told instead where pygraphviz is installed.
    spec = importlib.util.find_spec("pygraphviz")
    where = [f"--path={Path(spec.origin).parent.parent}"] if spec is not None and spec.origin else []
    return [sys.executable, "-I", "-S", str(CHILD), *where]


def prepare() -> None:
    """Have a child started and waiting for the next drawing, which then does not wait for Python and Graphviz
    to load (most of a small drawing's time). After each drawing one is kept ready for the next; a command that
    is about to draw calls this first. A waiting child takes no CPU and ends when this process does."""
    global _spare
    command = child_command()
    with _spare_lock:
        if _spare is not None and _spare[0] == command and _spare[1].poll() is None:
            return
        old, _spare = _spare, None
        if graphviz_available():
            _spare = (command, start_program([*command, WAIT], with_input=True, name=NAME))
    if old is not None:
        _release(old[1])


def _take_spare(command: list[str]) -> subprocess.Popen | None:
    """The waiting child if it was started by ``command`` and is still waiting; ``None`` otherwise."""
    global _spare
    with _spare_lock:
        spare, _spare = _spare, None
    if spare is None:
        return None
    if spare[0] == command and spare[1].poll() is None:
        return spare[1]
    _release(spare[1])
    return None


def _release(child: subprocess.Popen) -> None:
    """Let a waiting child go: with its input closed it ends without drawing."""
    for pipe in (child.stdin, child.stdout, child.stderr):
        if pipe is not None:
            pipe.close()


def render(
    source: bytes,
    engine: str,
    fmt: str,
    into: BinaryIO,
    *,
    attrs: dict[str, str] | None = None,
    timeout: float,
    cancel: Cancel | None = None,
    target: object = None,
) -> str:
    """Draw the DOT ``source`` with layout ``engine`` as ``fmt`` into ``into``; returns Graphviz's warnings.

    ``into`` is an open binary file, read and written, left at its start
    holding a checked drawing. ``target`` names the file in write errors.
    """
    with tempfile.TemporaryDirectory(prefix="tdorg-graphviz-") as folder:
        source_path = os.path.join(folder, "chart.gv")
        with open(source_path, "wb") as handle:
            handle.write(source)
        messages = _run_child([source_path], engine, fmt, into, attrs, timeout, cancel, target)
    check_drawing(into, fmt, NAME)
    return messages


def render_batch(
    sources: list[bytes],
    engine: str,
    fmt: str,
    *,
    attrs: dict[str, str] | None = None,
    timeout: float,
    cancel: Cancel | None = None,
) -> tuple[list[bytes], str]:
    """Draw every DOT source of ``sources`` in one child process; their checked drawings, in order,
    and Graphviz's warnings.

    Each drawing has the bytes :func:`render` makes of its source alone. The
    time limit, Cancel and :data:`MAX_OUTPUT_BYTES` bound the whole batch.
    """
    if not sources:
        return [], ""
    with tempfile.TemporaryDirectory(prefix="tdorg-graphviz-") as folder:
        paths = []
        for i, source in enumerate(sources):
            paths.append(os.path.join(folder, f"page{i}.gv"))
            with open(paths[-1], "wb") as handle:
                handle.write(source)
        listing = os.path.join(folder, "pages.txt")
        with open(listing, "w", encoding="utf-8") as handle:
            handle.write("\n".join(paths))
        with tempfile.TemporaryFile(prefix="tdorg-drawings-") as into:
            messages = _run_child(["--batch", listing], engine, fmt, into, attrs, timeout, cancel,
                                  f"A temporary file in {tempfile.gettempdir()}")
            into.seek(0)
            drawings = _frames(into, len(sources))
    for drawing in drawings:
        check_drawing(io.BytesIO(drawing), fmt, NAME)
    return drawings, messages


def _frames(handle: BinaryIO, count: int) -> list[bytes]:
    """The ``count`` drawings of a batch's output, each after its length and a newline."""
    out = []
    for _ in range(count):
        head = handle.readline()
        if not head.endswith(b"\n") or not head[:-1].isdigit():
            raise GraphvizOutputError(NAME, "its output ends early")
        drawing = handle.read(int(head))
        if len(drawing) != int(head):
            raise GraphvizOutputError(NAME, "its output ends early")
        out.append(drawing)
    return out


def _run_child(
    arguments: list[str], engine: str, fmt: str, into: BinaryIO, attrs: dict[str, str] | None, timeout: float,
    cancel: Cancel | None, target: object,
) -> str:
    """Run the child on ``arguments`` with its output streamed into ``into``; Graphviz's warnings."""
    if not graphviz_available():
        raise GraphvizMissingError("the pygraphviz package is not installed")
    settings = [f"--attr={key}={value}" for key, value in (attrs or {}).items()]
    job = [f"--engine={engine}", f"--format={fmt}", *settings, *arguments]
    program = child_command()
    try:
        done = run_program([*program, *job], into, limit=MAX_OUTPUT_BYTES, timeout=timeout, cancel=cancel, name=NAME,
                           target=target, started=_take_spare(program), job="\0".join(job).encode("utf-8"))
    except ExportTimeoutError:
        raise ExportTimeoutError(NAME, timeout, pinned=engine in _PINNED.values()) from None
    messages = "\n".join(line for line in done.stderr.splitlines() if not line.startswith(_NOISE))
    if done.returncode == EXIT_NO_GRAPHVIZ:
        raise GraphvizMissingError(messages.strip())
    if done.returncode != 0:
        raise GraphvizFailedError(NAME, done.returncode, messages)
    prepare()  # the next drawing starts at once
    try:
        into.flush()
    except OSError as error:
        raise ExportWriteError.of(target, error) from None
    return messages


__all__ = ["MAX_OUTPUT_BYTES", "NAME", "child_command", "graphviz_available", "layout_engine", "prepare", "render",
           "render_batch"]
