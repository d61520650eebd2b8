"""Which file a chart came from, and what that file was when it was read or saved.

Paths are kept absolute and resolved, so a path noted in one folder names
the same file when it is used from another.

Before saving over a chart, the editor compares the file with the
fingerprint it kept: a different size or content means another program (or
another tdorg window) wrote it in the meantime.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NamedTuple


#: Larger files are no chart tdorg reads, so they are not read to be fingerprinted.
MAX_FINGERPRINTED_BYTES = 256 * 1024 * 1024


class Fingerprint(NamedTuple):
    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of_file(cls, path: str | os.PathLike[str]) -> "Fingerprint | None":
        """The file's fingerprint now; None when it is missing, unreadable, not an ordinary file or too big to be a chart.

        Never waits: a named pipe or device is not opened for reading.
        """
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):
                return None
            with open(path, "rb") as handle:
                info = os.fstat(handle.fileno())
                if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FINGERPRINTED_BYTES:
                    return None
                import hashlib  # OpenSSL's library loads with the first file read, not with the editor

                digest = hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError:
            return None
        return cls(info.st_size, info.st_mtime_ns, digest)

    @classmethod
    def of_written(cls, path: str | os.PathLike[str], data: bytes) -> "Fingerprint":
        """The fingerprint of ``data``, just written to ``path``."""
        try:
            mtime_ns = os.stat(path).st_mtime_ns
        except OSError:
            mtime_ns = 0
        import hashlib

        return cls(len(data), mtime_ns, hashlib.sha256(data).hexdigest())

    def matches(self, path: str | os.PathLike[str]) -> bool:
        """Whether the file at ``path`` still holds what this fingerprint describes."""
        try:
            if os.stat(path).st_size != self.size:
                return False
        except OSError:
            return False
        now = Fingerprint.of_file(path)
        return now is not None and now.sha256 == self.sha256

    def as_dict(self) -> dict[str, object]:
        return self._asdict()

    @classmethod
    def from_dict(cls, data: object) -> "Fingerprint | None":
        """A fingerprint kept with :meth:`as_dict`; None when ``data`` is not one."""
        if not isinstance(data, dict):
            return None
        try:
            size, mtime_ns, digest = data["size"], data["mtime_ns"], data["sha256"]
        except KeyError:
            return None
        if not (isinstance(size, int) and isinstance(mtime_ns, int) and isinstance(digest, str)):
            return None
        return cls(size, mtime_ns, digest)


def absolute(path: str | os.PathLike[str]) -> Path:
    """``path`` made absolute and resolved (links, ``..``), so it names the same file from any folder."""
    return Path(path).expanduser().resolve()
