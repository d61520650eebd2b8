"""Running a child program under a time limit, with cancel, and its output streamed to a file.

The program's standard output is copied into an open file as it arrives, up
to a limit; its standard error is kept up to :data:`MAX_MESSAGE_BYTES`.
Nothing it prints is held whole in memory, however much it prints.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from typing import BinaryIO, Callable

from ..errors import (
    ExportCancelledError,
    ExportTimeoutError,
    ExportWriteError,
    GraphvizFailedError,
    GraphvizOutputError,
)

#: How often a running program is checked for cancel and its time limit, in seconds.
POLL_INTERVAL = 0.05
#: Bytes copied from the program at a time.
CHUNK = 1 << 16
#: Standard error beyond this many bytes is read and dropped.
MAX_MESSAGE_BYTES = 1 << 16

Cancel = Callable[[], bool]


@dataclass(frozen=True)
class Finished:
    """A program that ran to its end: its exit status and what it printed on standard error."""

    returncode: int
    stderr: str


class _Copy(threading.Thread):
    """Copies a pipe into a file, stopping past ``limit`` bytes; without a file, keeps the first ``limit`` bytes."""

    def __init__(self, pipe: BinaryIO, into: BinaryIO | None, limit: int) -> None:
        super().__init__(daemon=True)
        self.pipe, self.into, self.limit = pipe, into, limit
        self.size = 0
        self.kept = bytearray()
        self.over = False
        self.error: OSError | None = None

    def run(self) -> None:
        try:
            while chunk := self.pipe.read1(CHUNK):  # type: ignore[attr-defined]
                self.size += len(chunk)
                if self.size > self.limit:
                    self.over = True
                    if self.into is not None:
                        return
                elif self.into is not None:
                    self.into.write(chunk)
                else:
                    self.kept += chunk
        except OSError as error:  # the file could not take it (a full disk, a lost network share)
            self.error = error


def start_program(command: list[str], *, with_input: bool = False, name: str = "Graphviz") -> subprocess.Popen:
    """Start ``command`` in its own process group, its output piped; its input piped too ``with_input``."""
    popen_kwargs: dict[str, object] = {}
    if os.name == "posix":
        popen_kwargs["start_new_session"] = True
    else:  # pragma: no cover - Windows
        popen_kwargs["creationflags"] = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0) | getattr(
            subprocess, "CREATE_NO_WINDOW", 0
        )
    try:
        return subprocess.Popen(
            command,
            stdin=subprocess.PIPE if with_input else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            **popen_kwargs,  # type: ignore[arg-type]
        )
    except OSError as exc:
        raise GraphvizFailedError(name, -1, f"could not be started: {exc.strerror or exc}") from None


def run_program(
    command: list[str],
    into: BinaryIO,
    *,
    limit: int,
    timeout: float,
    cancel: Cancel | None = None,
    name: str = "Graphviz",
    target: object = None,
    started: subprocess.Popen | None = None,
    job: bytes = b"",
) -> Finished:
    """Run ``command`` and copy what it writes on standard output into ``into``.

    ``started`` is the program already started (by :func:`start_program`
    ``with_input``), waiting for ``job`` on its standard input; ``command`` is
    then not run. Raises :class:`ExportTimeoutError` after ``timeout`` seconds,
    :class:`ExportCancelledError` as soon as ``cancel()`` is true,
    :class:`GraphvizOutputError` once the output passes ``limit`` bytes, and
    :class:`ExportWriteError` (naming ``target``) when ``into`` cannot be
    written. A stopped program is killed with everything it started. The exit
    status is returned, not judged.
    """
    if cancel is not None and cancel():
        if started is not None:
            _kill(started)
        raise ExportCancelledError()
    proc = started if started is not None else start_program(command, name=name)
    if started is not None:
        try:
            proc.stdin.write(job)  # type: ignore[union-attr]
            proc.stdin.close()  # type: ignore[union-attr]
        except OSError:  # it has ended: its exit status and messages tell why
            pass
    out = _Copy(proc.stdout, into, limit)  # type: ignore[arg-type]
    err = _Copy(proc.stderr, None, MAX_MESSAGE_BYTES)  # type: ignore[arg-type]
    out.start()
    err.start()
    deadline = time.monotonic() + timeout
    try:
        while True:
            out.join(POLL_INTERVAL)
            if out.error is not None or out.over:
                break
            if not out.is_alive():
                try:
                    proc.wait(POLL_INTERVAL)
                    break
                except subprocess.TimeoutExpired:
                    pass
            if cancel is not None and cancel():
                raise ExportCancelledError()
            if time.monotonic() >= deadline:
                raise ExportTimeoutError(name, timeout)
        if out.error is not None:
            raise ExportWriteError.of(target, out.error)
        if out.over:
            raise GraphvizOutputError(name, f"it is larger than {limit / 1e6:,.0f} MB")
        err.join(5.0)  # all of it, unless a stray grandchild keeps the pipe open
    finally:
        if proc.poll() is None:
            _kill(proc)
        _close(proc, (out, err))
    return Finished(proc.returncode, bytes(err.kept).decode("utf-8", "replace"))


def _kill(proc: subprocess.Popen) -> None:
    """Stop the program and anything it started, and reap it."""
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            proc.kill()
    except OSError:
        pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:  # pragma: no cover - a process that will not die
        pass


def _close(proc: subprocess.Popen, copies: tuple[_Copy, ...]) -> None:
    """Close the pipes once their copies ended (a stray grandchild may hold one open; it is left)."""
    for copy in copies:
        copy.join(1.0)
        if not copy.is_alive():
            try:
                copy.pipe.close()
            except OSError:
                pass


__all__ = ["Cancel", "Finished", "run_program", "start_program"]
