"""Recovery files: the editor's unsaved work, written so a crash can't damage it.

A recovery file is an ordinary ``.tdorg`` file with a small JSON note beside
it (which file the work belongs to, a display name, when it was written).
Both are replaced atomically, the chart first, so whenever the process dies
each of them is complete: the previous version or the new one.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from .atomic import atomic_write_text
from .document import Document
from .persistence import save_document


def write_recovery(document: Document, file: Path, note: Path, original: Path | None, name: str) -> None:
    """Write ``document`` to the recovery ``file`` and describe it in ``note``."""
    save_document(document, file)
    info = {"original": str(original) if original else None, "name": name, "saved_at": time.time()}
    atomic_write_text(note, json.dumps(info))


def read_note(note: Path) -> dict[str, object]:
    """The note beside a recovery file; raises ``OSError`` or ``ValueError`` when unreadable."""
    data = json.loads(note.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError("a recovery note holds a JSON object")
    return data
