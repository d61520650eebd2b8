"""Atomic file writes: a crash mid-write leaves the old file as it was.

The new content goes to a temporary file in the target's directory, is
flushed to disk, takes over the target's owner, group, permissions and
extended attributes (as far as the system permits), then replaces the
target in one ``os.replace``; the directory is synced afterwards where the
platform allows it. A new file gets the permissions the process's umask
gives any new file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from pathlib import Path
from typing import IO, Iterator

#: How long a replace refused by a sharing violation (Windows: a sync client,
#: virus scanner or other program has the file open) is retried.
REPLACE_RETRY_SECONDS = 2.0

# ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
_SHARING_VIOLATIONS = frozenset({5, 32, 33})


def real_target(path: str | os.PathLike[str]) -> Path:
    """The absolute path a write to ``path`` replaces: through a symbolic link, the file it points to."""
    target = Path(os.path.abspath(path))
    return Path(os.path.realpath(target)) if target.is_symlink() else target


@contextlib.contextmanager
def staged_file(path: str | os.PathLike[str]) -> Iterator[Path]:
    """An empty temporary file beside ``path`` to be filled (by this process or another program).

    When the block ends normally the file is flushed to disk and replaces
    ``path``; when it raises, the temporary file is removed and ``path`` is
    untouched. File-system failures raise ``OSError``.
    """
    target = real_target(path)
    directory = target.parent
    tmp = _create_temporary(target)
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        _copy_metadata(target, tmp)
        _replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _sync_directory(directory)
    _remove_stale_temporaries(directory, target.name)


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], mode: str = "wb", **open_kwargs: object) -> Iterator[IO]:
    """Open a temporary file beside ``path``; on a clean exit it replaces ``path``.

    ``mode`` is ``"wb"`` or ``"w"`` (text; pass ``encoding`` and ``newline``
    as for :func:`open`). If the block raises, the temporary file is removed
    and ``path`` is untouched. Writing through a symbolic link replaces the
    file it points to and keeps the link. File-system failures raise ``OSError``.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_writer mode must be 'w' or 'wb', not {mode!r}")
    with staged_file(path) as tmp, open(tmp, mode, **open_kwargs) as handle:  # type: ignore[call-overload]
        yield handle


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically."""
    with atomic_writer(path, "wb") as handle:
        handle.write(data)


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``text`` atomically (no newline translation)."""
    atomic_write_bytes(path, text.encode(encoding))


def other_names(path: str | os.PathLike[str]) -> int:
    """How many other hard links share the file at ``path`` (0 when none, or when it is missing).

    A save replaces the file, so those other names keep the old content.
    """
    try:
        info = os.stat(real_target(path))
    except OSError:
        return 0
    return info.st_nlink - 1 if stat.S_ISREG(info.st_mode) else 0


def _create_temporary(target: Path) -> Path:
    """A new empty file beside ``target``, created with its mode (a new file's: 0o666 less the umask).

    The owner may always read and write it until it is complete.
    """
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode) & 0o666 | 0o600
    except OSError:
        mode = 0o666  # the system applies the umask, as for any new file
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
        try:
            os.close(os.open(tmp, flags, mode))
        except FileExistsError:
            continue
        return tmp
    raise FileExistsError(f"no free temporary name beside {target}")


def _copy_metadata(target: Path, tmp: Path) -> None:
    """Give ``tmp`` the owner, group, extended attributes and permissions of an existing ``target``."""
    try:
        info = os.stat(target)
    except OSError:
        return
    if hasattr(os, "chown"):
        mine = os.stat(tmp)
        if (mine.st_uid, mine.st_gid) != (info.st_uid, info.st_gid):
            try:
                os.chown(tmp, info.st_uid, info.st_gid)
            except OSError:  # only the superuser may give a file away; the group may still be kept
                with contextlib.suppress(OSError):
                    os.chown(tmp, -1, info.st_gid)
    if hasattr(os, "listxattr"):
        with contextlib.suppress(OSError):
            for name in os.listxattr(target):
                with contextlib.suppress(OSError):
                    os.setxattr(tmp, name, os.getxattr(target, name))
    with contextlib.suppress(OSError):  # after chown, which may clear the set-id bits
        os.chmod(tmp, stat.S_IMODE(info.st_mode))


def _replace(tmp: Path, target: Path) -> None:
    """``os.replace``, retried for a moment while another program holds the target open (Windows)."""
    deadline = time.monotonic() + REPLACE_RETRY_SECONDS
    delay = 0.05
    while True:
        try:
            os.replace(tmp, target)
            return
        except PermissionError as err:
            if getattr(err, "winerror", None) not in _SHARING_VIOLATIONS or time.monotonic() >= deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.4)


#: A temporary file older than this was left by a save that was killed.
STALE_AFTER_SECONDS = 600


def _remove_stale_temporaries(directory: Path, name: str) -> None:
    """Remove temporary files that a killed save of ``name`` left behind.

    Only old ones go, so a save still running in another process is left alone.
    """
    import glob  # not needed before a first save

    limit = time.time() - STALE_AFTER_SECONDS
    with contextlib.suppress(OSError):
        for leftover in directory.glob(f".{glob.escape(name)}.*.tmp"):
            with contextlib.suppress(OSError):
                if leftover.stat().st_mtime < limit:
                    leftover.unlink()


def _sync_directory(directory: Path) -> None:
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
