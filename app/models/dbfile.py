"""The branch database as a file: consistent copies, damage checks, backup file names.

``online_copy`` uses SQLite's online backup API inside one read transaction of the
source: the copy is one consistent snapshot even while other connections commit (in WAL
mode they are never blocked by it), and it is taken in steps of ``pages`` pages. Without
that read transaction SQLite restarts a stepped copy at every commit made meanwhile,
which under a steady writer never ends. The copy is written to a ``.part`` file,
switched to a self-contained rollback-journal file and then renamed into place, so a
file with the final name is always complete.

Backup files are named ``loket-YYYYMMDD-HHMMSS-<label>.sqlite3``, in the PC's local
time (what the admin sees in the file manager).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

BACKUP_DIRNAME = "backups"
COPY_PAGES = 1024
BUSY_TIMEOUT_S = 10.0
SQLITE_MAGIC = b"SQLite format 3\x00"
CORRUPTION_CODES = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB
# Checked with the whole file when a backup is verified, not at every start-up: the
# largest table, head office's master data (a pull brings it again).
STARTUP_SKIP_TABLES = frozenset({"bill"})
_LABEL = re.compile(r"[a-z0-9][a-z0-9-]*")
_NAME = re.compile(r"loket-(\d{8})-(\d{6})-([a-z0-9][a-z0-9-]*)\.sqlite3")

Progress = Callable[[int, int], None]  # (pages copied, pages in all)


def local_now() -> dt.datetime:
    """The PC's local time, to the second: the time in backup file names."""
    return dt.datetime.now().replace(microsecond=0)


def backup_dir(data_dir: Path) -> Path:
    """``<data_dir>/backups``: daily, pre-migration and before-restore copies."""
    return data_dir / BACKUP_DIRNAME


def backup_file_name(at: dt.datetime, label: str) -> str:
    """``loket-20251124-091500-daily.sqlite3``."""
    if not _LABEL.fullmatch(label):
        raise ValueError(f"{label!r} cannot label a backup (lower-case letters, digits, -)")
    return f"loket-{at:%Y%m%d-%H%M%S}-{label}.sqlite3"


def parse_backup_name(name: str) -> tuple[dt.datetime, str] | None:
    """(taken at, label) of a backup file name, or None for any other file."""
    match = _NAME.fullmatch(name)
    if match is None:
        return None
    try:
        return dt.datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S"), match[3]
    except ValueError:
        return None


def free_backup_path(folder: Path, at: dt.datetime, label: str) -> Path:
    """A new file name in ``folder`` (``-2``, ``-3`` … after the label if taken)."""
    path = folder / backup_file_name(at, label)
    number = 2
    while path.exists():
        path = folder / backup_file_name(at, f"{label}-{number}")
        number += 1
    return path


def connect_existing(db_file: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A plain connection to a database file that must exist (never creates one)."""
    mode = "ro" if read_only else "rw"
    return sqlite3.connect(f"{db_file.resolve().as_uri()}?mode={mode}", uri=True,
                           timeout=BUSY_TIMEOUT_S, isolation_level=None)


def online_copy(source: Path, dest: Path, *, pages: int = COPY_PAGES,
                progress: Progress | None = None) -> Path:
    """Copy the database ``source`` to ``dest`` consistently while it is in use."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".part")
    partial.unlink(missing_ok=True)
    src = connect_existing(source)
    try:
        target = sqlite3.connect(partial, isolation_level=None)
        try:
            src.execute("BEGIN")
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()  # pin the snapshot
            src.backup(target, pages=pages, progress=_progress_hook(progress))
            src.execute("COMMIT")
            target.execute("PRAGMA journal_mode=DELETE")  # one file, opens read-only
        finally:
            target.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    _flush_to_disk(partial)
    os.replace(partial, dest)
    return dest


def _progress_hook(progress: Progress | None) -> Callable[[int, int, int], object] | None:
    if progress is None:
        return None
    return lambda _status, remaining, total: progress(total - remaining, total)


def _flush_to_disk(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def is_corruption(error: BaseException) -> bool:
    """Whether an sqlite3 error (or SQLAlchemy's wrapper of one) says the file is damaged."""
    original = getattr(error, "orig", None) or error
    code = getattr(original, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in CORRUPTION_CODES:
        return True
    text = str(original).lower()
    return "malformed" in text or "not a database" in text


def file_damage(db_file: Path, *, skip: frozenset[str] = STARTUP_SKIP_TABLES) -> str | None:
    """A quick look for damage: the header, the schema and ``quick_check`` of each table
    (except ``skip``). Returns the problem in words, or None when nothing was found."""
    try:
        with db_file.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        return f"the file cannot be read ({error.strerror or error})"
    if not header:
        return "the file is empty"
    if header != SQLITE_MAGIC:
        return "the file is not a SQLite database"
    try:
        connection = connect_existing(db_file)
    except sqlite3.Error as error:
        return str(error)
    try:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for table in tables:
            if table in skip:
                continue
            rows = connection.execute(f"PRAGMA quick_check('{table}')").fetchall()
            found = [row[0] for row in rows if row[0] != "ok"]
            if found:
                return f"table {table}: {found[0]}"
    except sqlite3.Error as error:
        return str(error)
    finally:
        connection.close()
    return None


def integrity_problems(connection: sqlite3.Connection, limit: int = 20) -> list[str]:
    """``PRAGMA integrity_check`` of the whole file: [] when it is sound."""
    rows = connection.execute(f"PRAGMA integrity_check({limit})").fetchall()
    return [row[0] for row in rows if row[0] != "ok"]
