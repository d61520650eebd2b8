"""Running a Graphviz program under a time limit, with cancel and clear errors."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from typing import Callable

from .errors import ExportCancelledError, ExportTimeoutError, GraphvizFailedError, GraphvizMissingError

#: How often a running program is checked for cancel, in seconds.
POLL_INTERVAL = 0.05

Cancel = Callable[[], bool]


def find_program(program: str = "dot") -> str:
    """The full path of a Graphviz program on the current PATH."""
    path = shutil.which(program)
    if path is None:
        raise GraphvizMissingError(program)
    return path


def graphviz_available(program: str = "dot") -> bool:
    return shutil.which(program) is not None


@dataclass(frozen=True)
class Output:
    """A finished Graphviz run: the program's output and its warnings."""

    data: bytes
    warnings: str


def run_graphviz(
    program: str,
    args: list[str],
    source: bytes,
    *,
    timeout: float,
    cancel: Cancel | None = None,
) -> Output:
    """Run ``program`` on the DOT ``source`` and return what it printed.

    Raises :class:`GraphvizMissingError` when the program is not installed,
    :class:`ExportTimeoutError` after ``timeout`` seconds,
    :class:`ExportCancelledError` as soon as ``cancel()`` is true, and
    :class:`GraphvizFailedError` when it exits with an error. A stopped program
    is killed with everything it started.
    """
    executable = find_program(program)
    if cancel is not None and cancel():
        raise ExportCancelledError()
    # The source goes in through a file, not a pipe: a pipe would have to be fed
    # while the output is read under a timeout, and ``communicate`` stops feeding
    # its input once a timed-out call is retried.
    with tempfile.TemporaryDirectory(prefix="tdorg-graphviz-") as folder:
        source_path = os.path.join(folder, "chart.gv")
        with open(source_path, "wb") as handle:
            handle.write(source)
        return _run(program, [executable, *args, source_path], timeout=timeout, cancel=cancel)


def _run(program: str, command: list[str], *, timeout: float, cancel: Cancel | None) -> Output:
    popen_kwargs: dict[str, object] = {}
    if os.name == "posix":
        popen_kwargs["start_new_session"] = True
    else:  # pragma: no cover - Windows
        popen_kwargs["creationflags"] = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)
    try:
        proc = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            **popen_kwargs,  # type: ignore[arg-type]
        )
    except OSError as exc:
        raise GraphvizFailedError(program, -1, f"could not be started: {exc.strerror or exc}") from None
    deadline = time.monotonic() + timeout
    try:
        while True:
            step = POLL_INTERVAL if cancel is not None else max(0.0, deadline - time.monotonic())
            step = min(step, max(0.0, deadline - time.monotonic()))
            try:
                stdout, stderr = proc.communicate(timeout=step)
                break
            except subprocess.TimeoutExpired:
                pass
            if cancel is not None and cancel():
                _kill(proc)
                raise ExportCancelledError()
            if time.monotonic() >= deadline:
                _kill(proc)
                raise ExportTimeoutError(program, timeout)
    except BaseException:
        if proc.poll() is None:
            _kill(proc)
        raise
    message = stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        raise GraphvizFailedError(program, proc.returncode, message)
    return Output(stdout, message)


def _kill(proc: subprocess.Popen) -> None:
    """Stop the program and anything it started, and reap it."""
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            proc.kill()
    except (ProcessLookupError, PermissionError, OSError):
        pass
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        try:
            if stream is not None:
                stream.close()
        except OSError:
            pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:  # pragma: no cover - a process that will not die
        pass


__all__ = ["Output", "find_program", "graphviz_available", "run_graphviz"]
