"""Files beside a ``.tdorg`` file: SQLite journals another program may have left."""

from __future__ import annotations

from pathlib import Path


def pending_changes(path: Path) -> Path | None:
    """The journal beside ``path`` in which another program holds changes not yet in the file, if any."""
    for suffix in ("-wal", "-journal"):
        journal = path.with_name(path.name + suffix)
        try:
            if journal.stat().st_size > 0:
                return journal
        except OSError:
            continue
    return None
