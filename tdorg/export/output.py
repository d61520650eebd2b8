"""Writing export output so that the target is either complete or untouched."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import Iterator

from ..model.atomic import atomic_write_bytes
from .errors import ExportWriteError

#: Permissions of a new output file (an existing file keeps its own).
NEW_FILE_MODE = 0o644


def write_output(path: str | os.PathLike[str], data: bytes) -> Path:
    """Replace ``path`` with ``data`` atomically; a failure leaves no partial file."""
    target = Path(path)
    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        raise ExportWriteError(target, exc.strerror or str(exc)) from None
    return target


@contextlib.contextmanager
def staged_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary file beside ``path`` for a program to write into.

    When the block ends normally the file is flushed to disk and moved onto
    ``path`` in one step; when it raises, the temporary file is removed and
    ``path`` is left as it was.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise ExportWriteError(target, exc.strerror or str(exc)) from None
    os.close(fd)
    staged = Path(name)
    try:
        yield staged
        _commit(staged, target)
    except BaseException:
        with contextlib.suppress(OSError):
            staged.unlink()
        raise


def _commit(staged: Path, target: Path) -> None:
    try:
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except OSError:
            mode = NEW_FILE_MODE
        with open(staged, "rb+") as handle:
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(staged, mode)
        os.replace(staged, target)
    except OSError as exc:
        raise ExportWriteError(target, exc.strerror or str(exc)) from None


__all__ = ["staged_output", "write_output"]
