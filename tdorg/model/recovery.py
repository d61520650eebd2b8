"""Recovery files: the editor's unsaved work, written so a crash can't damage it.

A recovery file is an ordinary ``.tdorg`` file with a small JSON note beside
it: which file the work belongs to (an absolute path, so it names the same
file whatever folder tdorg starts in), what that file held when the work
began, a display name, when it was written.
Both are replaced atomically, the chart first, so whenever the process dies
each of them is complete: the previous version or the new one.
"""

from __future__ import annotations

import time
from pathlib import Path

from .atomic import atomic_write_text
from .document import Document
from .file_state import Fingerprint, absolute


def write_recovery(document: Document, file: Path, note: Path, original: Path | None, name: str,
                   base: Fingerprint | None = None) -> None:
    """Write ``document`` to the recovery ``file`` and describe it in ``note``.

    ``base`` is what ``original`` held when the unsaved work began.
    """
    import json  # with the first recovery file, as SQLAlchemy, not at start-up

    from .persistence import save_document  # SQLAlchemy loads at the first autosave, not at start-up

    save_document(document, file)
    info = {"original": str(absolute(original)) if original else None, "name": name, "saved_at": time.time(),
            "base": base.as_dict() if base else None}
    atomic_write_text(note, json.dumps(info))


def noted_original(data: dict[str, object]) -> Path | None:
    """The file a note says the work belongs to; None for a path that is not absolute.

    A relative path would name a different file from another folder, so such
    work is recovered as an unsaved chart instead.
    """
    original = data.get("original")
    if not isinstance(original, str) or not original:
        return None
    path = Path(original)
    return path if path.is_absolute() else None


def read_note(note: Path) -> dict[str, object]:
    """The note beside a recovery file; raises ``OSError`` or ``ValueError`` when unreadable."""
    import json

    data = json.loads(note.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError("a recovery note holds a JSON object")
    return data
