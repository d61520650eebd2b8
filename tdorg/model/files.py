"""Reading a whole file, and replacing one atomically, with typed errors.

Every reader and writer of tdorg's files goes through here, so a missing
file, a folder, a permission problem or a full disk is explained the same
way everywhere. Writes go through :mod:`tdorg.model.atomic`: the new content
is written beside the target, flushed and renamed over it, so a crash at
any moment leaves the old file or the new one, never a mix.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from typing import Callable

from .atomic import atomic_write_bytes, real_target
from .errors import FileError
from .file_state import Fingerprint

Inspect = Callable[[bytes, int], None]


#: The largest file read at all; a chart is a few megabytes.
MAX_READ_BYTES = 64 * 1024 * 1024


def read_bytes(
    path: str | os.PathLike[str],
    *,
    error: type[FileError] = FileError,
    inspect: Inspect | None = None,
    head_size: int = 100,
    limit: int = MAX_READ_BYTES,
) -> bytes:
    """The whole content of ``path``, opened for reading only.

    Only an ordinary file of at most ``limit`` bytes is read: a named pipe,
    a device (``/dev/zero``) or a socket is refused without waiting on it.
    ``inspect(head, size)`` sees the first ``head_size`` bytes and the file's
    size before the rest is read, so it can refuse a file cheaply. OS errors
    become ``error`` (a :class:`FileError` class) with a sentence.
    """
    path = Path(path)
    try:
        # Non-blocking, so that opening a named pipe with no writer returns at once.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as handle:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError(errno.EISDIR, "is a directory")
            if not stat.S_ISREG(info.st_mode):
                raise error(path, f"This is {_kind(info.st_mode)}, not an ordinary file, so tdorg does not read it.")
            if info.st_size > limit:
                raise error(path, _too_big(info.st_size, limit))
            head = handle.read(head_size)
            if inspect is not None:
                inspect(head, info.st_size)
            data = head + handle.read(max(info.st_size + 1 - len(head), 0))  # the size it has, and a byte to see it grew
            if len(data) > info.st_size:  # grew while being read: read on, to just past the limit
                data += handle.read(limit + 1 - len(data))
            if len(data) > limit:
                raise error(path, _too_big(len(data), limit))
            return data
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise error(path, f"The folder “{path.parent}” does not exist.") from None
        raise error(path, "There is no such file.") from None
    except IsADirectoryError:
        raise error(path, "This is a folder, not a file.") from None
    except PermissionError:
        raise error(path, "Permission denied: you may not read this file.") from None
    except OSError as err:
        raise error(path, f"The file could not be read ({_reason(err)}).") from None


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _too_big(size: int, limit: int) -> str:
    return f"The file is {size / 2**20:,.1f} MB; tdorg reads files of at most {limit // 2**20} MB."


def write_bytes(path: str | os.PathLike[str], data: bytes, *, error: type[FileError] = FileError) -> Fingerprint:
    """Replace ``path`` by a file holding ``data``, or leave it untouched and raise ``error``.

    Writing through a symbolic link replaces the file it points to, not the
    link. Returns the fingerprint of the file written.
    """
    target = real_target(path)
    folder = target.parent
    if target.is_dir():
        raise error(path, "This is a folder; choose a file name to save to.")
    if not folder.is_dir():
        raise error(path, f"The folder “{folder}” does not exist.")
    try:
        atomic_write_bytes(target, data)
    except OSError as err:
        raise error(path, _save_reason(target, err)) from None
    return Fingerprint.of_written(target, data)


_KEPT = "the file was not saved and the previous version is unchanged"


def _save_reason(target: Path, err: OSError) -> str:
    folder = target.parent
    if getattr(err, "winerror", None) in (32, 33):
        return _in_use(target)
    if isinstance(err, PermissionError) or err.errno in (errno.EPERM, errno.EACCES):
        if target.exists() and os.access(folder, os.W_OK):
            return _protected_reason(target, err)
        return f"Permission denied: tdorg may not write in the folder “{folder}”."
    if err.errno == errno.EROFS:
        return f"The folder “{folder}” is on a read-only disk; save somewhere else."
    if err.errno == errno.ENOSPC:
        return f"The disk is full; {_KEPT}."
    return f"The file could not be saved ({_reason(err)}); the previous version is unchanged."


def _in_use(target: Path) -> str:
    return (f"Another program has “{target.name}” open (often a cloud-sync client such as OneDrive, Dropbox or "
            f"Google Drive, or a virus scanner), so it could not be replaced; {_KEPT}. Try again in a moment.")


def _protected_reason(target: Path, err: OSError) -> str:
    """Why a folder that may be written in refused to let ``target`` be replaced."""
    flags = _file_flags(target)
    if flags & _IMMUTABLE:
        return (f"“{target.name}” is marked immutable (unchangeable), so no program may replace it; "
                f"{_KEPT}. Clear the flag (chattr -i, or unlock it in the file's Get Info) or save under another name.")
    if flags & _APPEND_ONLY:
        return (f"“{target.name}” is marked append-only, so no program may replace it; {_KEPT}. "
                "Clear the flag (chattr -a) or save under another name.")
    sticky = os.stat(target.parent).st_mode & stat.S_ISVTX
    if sticky and hasattr(os, "getuid") and os.stat(target).st_uid != os.getuid():
        return (f"“{target.name}” belongs to another user, and the folder “{target.parent}” lets only a file's owner "
                f"replace it; {_KEPT}. Save under another name.")
    if not os.access(target, os.W_OK):
        return f"“{target.name}” is read-only; {_KEPT}. Allow changes to it, or save under another name."
    if getattr(err, "winerror", None) == 5:
        return _in_use(target)
    return f"tdorg may not replace “{target.name}” ({_reason(err)}); {_KEPT}."


# Linux inode flags (FS_IOC_GETFLAGS) and BSD/macOS st_flags that forbid replacing a file.
_FS_IOC_GETFLAGS = 0x80086601
_IMMUTABLE = 0x10  # FS_IMMUTABLE_FL
_APPEND_ONLY = 0x20  # FS_APPEND_FL


def _file_flags(target: Path) -> int:
    """``_IMMUTABLE`` and ``_APPEND_ONLY`` as set on ``target``, where the system tells."""
    try:
        st_flags = os.stat(target).st_flags  # type: ignore[attr-defined]  # BSD, macOS
    except AttributeError:
        pass
    except OSError:
        return 0
    else:
        return (_IMMUTABLE * bool(st_flags & (stat.UF_IMMUTABLE | stat.SF_IMMUTABLE))
                | _APPEND_ONLY * bool(st_flags & (stat.UF_APPEND | stat.SF_APPEND)))
    try:
        import fcntl

        with open(target, "rb") as handle:
            answer = fcntl.ioctl(handle.fileno(), _FS_IOC_GETFLAGS, bytes(8))
    except (ImportError, OSError):
        return 0
    return int.from_bytes(answer[:4], sys.byteorder) & (_IMMUTABLE | _APPEND_ONLY)


def _reason(err: OSError) -> str:
    return (err.strerror or type(err).__name__).rstrip(".").lower()
