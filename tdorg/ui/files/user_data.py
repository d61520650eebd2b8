"""The editor's folder in the user's data location: recovery files and the log live there."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QStandardPaths

#: How big the log grows before it is rotated, and how many old logs are kept.
LOG_BYTES = 1_000_000
LOG_BACKUPS = 3


def user_data_dir() -> Path:
    """The application's data folder (the platform's, or ``~/.tdorg`` when it has none)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".tdorg")


def default_recovery_dir() -> Path:
    return user_data_dir() / "recovery"


def log_path() -> Path:
    return user_data_dir() / "logs" / "tdorg.log"


def start_logging(path: Path | None = None) -> Path | None:
    """Send the editor's log (the ``tdorg`` logger) to a rotating file; its path, or None when it can't be written."""
    import logging.handlers  # the rotating handler's module (and its sockets, pickle, queue) only when logging starts

    path = path or log_path()
    logger = logging.getLogger("tdorg")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS,
                                                       encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return path
