"""Writing export output so that the target is either complete or untouched."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Iterator

from ..model.atomic import atomic_write_bytes, staged_file
from .errors import ExportWriteError


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
    ``path`` in one step (see :func:`tdorg.model.atomic.staged_file`); when
    it raises, the temporary file is removed and ``path`` is left as it was.
    """
    target = Path(path)
    try:
        with staged_file(target) as staged:
            yield staged
    except OSError as exc:
        raise ExportWriteError(target, exc.strerror or str(exc)) from None


__all__ = ["staged_output", "write_output"]
