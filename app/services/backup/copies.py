"""Backups of the branch database: daily, on demand (USB stick), listed and verified.

Every copy is taken with SQLite's online backup API (``app.models.dbfile.online_copy``):
consistent while the counter keeps working. Backups are named
``loket-YYYYMMDD-HHMMSS-<label>.sqlite3``; the automatic one of the day is labelled
``daily``; those of the last ``KEEP_DAYS`` days are kept, older ones removed. Copies made by
hand (``manual``), before a migration (``pre-migration-…``) or before a restore
(``before-restore``) are never removed automatically. Restoring is in
``app.services.backup.restore``.

A copy that cannot be written (folder gone, not writable, disk full) is refused with a
code saying which (``BACKUP_FOLDER_MISSING``, ``BACKUP_NOT_WRITABLE``, ``BACKUP_DISK_FULL``,
else ``BACKUP_FAILED``) and leaves no file behind: the copy is written to a ``.part``
file renamed into place only when complete.
"""

from __future__ import annotations

import datetime as dt
import errno
import logging
import math
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.models.dbfile import (
    Progress,
    backup_dir,
    free_backup_path,
    local_now,
    online_copy,
    parse_backup_name,
)
from app.services.backup.check import BackupReport, verify_backup
from app.services.clock import Clock
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.unit_of_work import UnitOfWork
from app.services.users import log_in

DAILY, MANUAL, BEFORE_RESTORE = "daily", "manual", "before-restore"
KEEP_DAYS = 30
GOOD_CANDIDATES = 5  # newest backups tried when looking for a good one
BACKUP_ROLES = frozenset({"supervisor", "admin"})  # who backs up from the counter window
RESTORE_ROLE = "admin"
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_PERM = 13, 14, 8, 3
_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
_CANNOT_WRITE = (PermissionError, FileExistsError, NotADirectoryError, IsADirectoryError)
log = logging.getLogger("loket.backups")

__all__ = ["BackupInfo", "BackupReport", "authorise_backup", "authorise_restore",
           "backup_failure", "backup_now", "backup_to", "daily_backup_if_due",
           "damaged_database_error", "list_backups", "newest_good_backup", "verify_backup"]


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    label: str
    size: int

    @property
    def kind(self) -> str:
        """``daily``, ``manual``, ``pre-migration``, ``before-restore`` (or the label)."""
        for kind in (DAILY, MANUAL, "pre-migration", BEFORE_RESTORE):
            if self.label == kind or self.label.startswith(kind + "-"):
                return kind
        return self.label


@dataclass(frozen=True)
class DailyBackup:
    made: BackupInfo | None  # None: today's backup existed already
    pruned: tuple[Path, ...]


def _now(clock: Clock | None) -> dt.datetime:
    """File names and "today" of the daily backup: the PC's local time unless a clock
    (tests) says otherwise."""
    return clock.now().replace(microsecond=0) if clock is not None else local_now()


def _info(path: Path) -> BackupInfo | None:
    parsed = parse_backup_name(path.name)
    if parsed is None or not path.is_file():
        return None
    return BackupInfo(path, parsed[0], parsed[1], path.stat().st_size)


def backup_now(db_file: Path, dest_dir: Path, label: str = MANUAL, *,
               clock: Clock | None = None, progress: Progress | None = None) -> BackupInfo:
    """Copy the branch database into ``dest_dir`` as ``loket-<time>-<label>.sqlite3``."""
    if not db_file.is_file():
        raise DomainError(ErrorCode.DATABASE_NOT_INITIALISED, path=str(db_file.parent))
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise backup_failure(error, dest_dir) from error
    path = _copy(db_file, free_backup_path(dest_dir, _now(clock), label), dest_dir, progress)
    info = _info(path)
    assert info is not None
    log.info("backup written: %s (%d bytes)", path, info.size)
    return info


def backup_to(db_file: Path, target: Path, *, clock: Clock | None = None,
              progress: Progress | None = None, make_folder: bool = True) -> BackupInfo | Path:
    """A backup to an external place: into the folder ``target`` (a ``manual`` backup),
    or as the file ``target`` when it names a ``.sqlite3`` file (never overwritten).

    With ``make_folder`` false a folder that is not there is refused
    (``BACKUP_FOLDER_MISSING``: the USB stick was pulled out) instead of created.
    """
    if target.suffix.lower() != ".sqlite3" or target.is_dir():
        if not make_folder and not target.is_dir():
            raise _not_a_folder(target)
        return backup_now(db_file, target, MANUAL, clock=clock, progress=progress)
    if target.exists():
        raise DomainError(ErrorCode.BACKUP_FAILED, path=str(target),
                          problem="the file exists already")
    if not db_file.is_file():
        raise DomainError(ErrorCode.DATABASE_NOT_INITIALISED, path=str(db_file.parent))
    _copy(db_file, target, target.parent, progress)
    log.info("backup written: %s", target)
    return target


def _copy(db_file: Path, dest: Path, folder: Path, progress: Progress | None) -> Path:
    """``online_copy`` after a look at the free space; any failure leaves no file."""
    needed = _database_bytes(db_file)
    free = _free_bytes(folder)
    if free is not None and free < needed:
        raise DomainError(ErrorCode.BACKUP_DISK_FULL, path=str(folder),
                          needed=_megabytes(needed, up=True), free=_megabytes(free))
    try:
        return online_copy(db_file, dest, progress=progress)
    except (OSError, sqlite3.Error) as error:
        raise backup_failure(error, folder, needed) from error
    finally:  # online_copy removes its .part file itself, except when the rename fails
        if not dest.exists():
            _discard(dest.with_name(dest.name + ".part"))


def _discard(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        log.warning("could not remove the unfinished copy %s: %s", path, error)


def _not_a_folder(target: Path) -> DomainError:
    if target.exists():  # a file where the folder should be
        return DomainError(ErrorCode.BACKUP_NOT_WRITABLE, path=str(target),
                           problem="it is a file, not a folder")
    return DomainError(ErrorCode.BACKUP_FOLDER_MISSING, path=str(target))


def backup_failure(error: OSError | sqlite3.Error, folder: Path,
                   needed: int = 0) -> DomainError:
    """The refusal for a copy that could not be written into ``folder``, by cause."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    number = getattr(error, "errno", None)
    problem = getattr(error, "strerror", None) or str(error)
    if number in _FULL_ERRNOS or code == SQLITE_FULL:
        free = _free_bytes(folder)
        return DomainError(ErrorCode.BACKUP_DISK_FULL, path=str(folder),
                           needed=_megabytes(needed, up=True),
                           free=_megabytes(free) if free is not None else "?")
    if isinstance(error, FileNotFoundError):
        return DomainError(ErrorCode.BACKUP_FOLDER_MISSING, path=str(folder))
    if isinstance(error, _CANNOT_WRITE) or number == errno.EROFS or \
            code in (SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_PERM):
        return DomainError(ErrorCode.BACKUP_NOT_WRITABLE, path=str(folder), problem=problem)
    return DomainError(ErrorCode.BACKUP_FAILED, path=str(folder), problem=problem)


def _database_bytes(db_file: Path) -> int:
    """About the size of a copy: the file and its write-ahead log."""
    wal = db_file.with_name(db_file.name + "-wal")
    return db_file.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def _free_bytes(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None  # not there (yet): the copy itself says what is wrong


def _megabytes(count: int, *, up: bool = False) -> str:
    value = count / 1_048_576
    return f"{max(1, math.ceil(value)) if up else math.floor(value)} MB"


def authorise_backup(actor: Actor) -> None:
    """Supervisors and admins back up from the counter window (``NOT_AUTHORISED``)."""
    if actor.role not in BACKUP_ROLES:
        raise DomainError(ErrorCode.NOT_AUTHORISED, username=actor.username,
                          action="make backups")


def authorise_restore(uow: UnitOfWork, username: str, password: str) -> Actor:
    """The admin types their password again before a restore: their actor, or
    ``BAD_CREDENTIALS`` / ``USER_LOCKED`` (counted like a log-in) / ``NOT_AUTHORISED``."""
    actor = log_in(uow, username, password)
    if actor.role != RESTORE_ROLE:
        raise DomainError(ErrorCode.NOT_AUTHORISED, username=actor.username,
                          action="restore a backup")
    return actor


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups in ``folder``, newest first (other files are ignored)."""
    if not folder.is_dir():
        return []
    found = [info for info in map(_info, folder.iterdir()) if info is not None]
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def daily_backup_if_due(db_file: Path, folder: Path | None = None, *,
                        clock: Clock | None = None, keep_days: int = KEEP_DAYS) -> DailyBackup:
    """Make today's automatic backup unless there is one, and keep the daily backups of
    the last ``keep_days`` days (today's included). ``folder`` defaults to
    ``<data folder>/backups``."""
    folder = folder or backup_dir(db_file.parent)
    now = _now(clock)
    daily = [b for b in list_backups(folder) if b.kind == DAILY]
    made = None
    if not any(b.taken_at.date() == now.date() for b in daily):
        made = backup_now(db_file, folder, DAILY, clock=clock)
    oldest_kept = now.date() - dt.timedelta(days=keep_days - 1)
    pruned = tuple(_remove(b.path for b in daily if b.taken_at.date() < oldest_kept))
    return DailyBackup(made, pruned)


def _remove(paths: Iterable[Path]) -> Iterable[Path]:
    for path in paths:
        try:
            path.unlink()
        except OSError as error:
            log.warning("could not remove the old backup %s: %s", path, error)
            continue
        log.info("old backup removed: %s", path)
        yield path


def newest_good_backup(folder: Path, limit: int = GOOD_CANDIDATES) -> BackupInfo | None:
    """The newest backup in ``folder`` that passes verification (the before-restore
    copies are left out: they hold what a restore replaced)."""
    candidates = [b for b in list_backups(folder) if b.kind != BEFORE_RESTORE]
    for info in candidates[:limit]:
        if verify_backup(info.path).ok:
            return info
        log.info("backup %s failed verification", info.path)
    return None


def damaged_database_error(db_file: Path, problem: str) -> DomainError:
    """The refusal for a damaged branch database, naming the way back: the newest good
    backup in ``<data folder>/backups`` (``DATABASE_CORRUPT``), or that there is none."""
    folder = backup_dir(db_file.parent)
    good = newest_good_backup(folder)
    log.info("branch database %s is damaged: %s", db_file, problem)
    if good is None:
        return DomainError(ErrorCode.DATABASE_CORRUPT_NO_BACKUP, path=str(db_file),
                           problem=problem, folder=str(folder))
    return DomainError(ErrorCode.DATABASE_CORRUPT, path=str(db_file), problem=problem,
                       backup=str(good.path))
