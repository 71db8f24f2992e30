"""Log files: ``<log folder>/loket.log``, rotated at 2 MB with 5 older files kept.

``configure_logging`` attaches one rotating file handler to the root logger, so Loket's
own loggers (``loket.*``), SQLAlchemy, Alembic and Qt's messages routed by
``app.ui.qt_logging`` all end up in the same file. Calling it again (another folder)
replaces the previous handler.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "loket.log"
MAX_BYTES = 2_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"
_HANDLER_NAME = "loket-file"
_CHATTER = ("Context impl ", "Will assume ")  # Alembic, at every opening of a database


def _not_chatter(record: logging.LogRecord) -> bool:
    return not (record.name.startswith("alembic") and str(record.msg).startswith(_CHATTER))


def log_file(log_dir: Path) -> Path:
    return log_dir / LOG_NAME


def configure_logging(log_dir: Path, level: int = logging.INFO, *,
                      max_bytes: int = MAX_BYTES, backups: int = BACKUP_COUNT) -> Path:
    """Log ``level`` and above to a rotating file in ``log_dir``; returns the file."""
    stop_logging()
    path = log_file(log_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups,
                                  encoding="utf-8", delay=True)
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    handler.addFilter(_not_chatter)
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path


def stop_logging() -> None:
    """Close Loket's log file handler, if one is attached."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == _HANDLER_NAME:
            root.removeHandler(handler)
            handler.close()
