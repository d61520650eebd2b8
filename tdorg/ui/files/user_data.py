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
    path = path or log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8"):
            pass
    except OSError:
        return None
    logger = logging.getLogger("tdorg")
    logger.addHandler(_RotatingOnFirstRecord(path))
    logger.setLevel(logging.INFO)
    return path


class _RotatingOnFirstRecord(logging.Handler):
    """The log's rotating file handler, made when the first record arrives: its module (with sockets, pickle
    and queues) is not needed to start the editor, and most sessions log nothing."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.rotating: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.rotating is None:  # Handler.handle holds this handler's lock: made once
            import logging.handlers

            logger = logging.getLogger("tdorg")
            try:
                rotating = logging.handlers.RotatingFileHandler(self.path, maxBytes=LOG_BYTES,
                                                                backupCount=LOG_BACKUPS, encoding="utf-8")
            except OSError:
                rotating = logging.NullHandler()
            rotating.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            self.rotating = rotating
            # A new list in its place: the logger may be going through the old one, to this very handler.
            logger.handlers = [rotating if handler is self else handler for handler in logger.handlers]
        self.rotating.handle(record)
