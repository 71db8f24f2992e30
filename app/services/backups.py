"""Backups of the branch database: daily, on demand (USB stick), listed and verified.

Every copy is taken with SQLite's online backup API (``app.models.dbfile.online_copy``):
consistent while the counter keeps working. Backups are named
``loket-YYYYMMDD-HHMMSS-<label>.sqlite3``; the automatic one of the day is labelled
``daily``; those of the last ``KEEP_DAYS`` days are kept, older ones removed. Copies made by
hand (``manual``), before a migration (``pre-migration-…``) or before a restore
(``before-restore``) are never removed automatically. Restoring is in
``app.services.restore``.
"""

from __future__ import annotations

import datetime as dt
import logging
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
from app.services.backup_check import BackupReport, verify_backup
from app.services.clock import Clock
from app.services.errors import DomainError, ErrorCode

DAILY, MANUAL, BEFORE_RESTORE = "daily", "manual", "before-restore"
KEEP_DAYS = 30
GOOD_CANDIDATES = 5  # newest backups tried when looking for a good one
log = logging.getLogger("loket.backups")

__all__ = ["BackupInfo", "BackupReport", "backup_now", "backup_to", "daily_backup_if_due",
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
        path = online_copy(db_file, free_backup_path(dest_dir, _now(clock), label),
                           progress=progress)
    except OSError as error:
        raise DomainError(ErrorCode.BACKUP_FAILED, path=str(dest_dir),
                          problem=error.strerror or str(error)) from error
    info = _info(path)
    assert info is not None
    log.info("backup written: %s (%d bytes)", path, info.size)
    return info


def backup_to(db_file: Path, target: Path, *, clock: Clock | None = None,
              progress: Progress | None = None) -> BackupInfo | Path:
    """A backup to an external place: into the folder ``target`` (a ``manual`` backup),
    or as the file ``target`` when it names a ``.sqlite3`` file (never overwritten)."""
    if target.suffix.lower() != ".sqlite3" or target.is_dir():
        return backup_now(db_file, target, MANUAL, clock=clock, progress=progress)
    if target.exists():
        raise DomainError(ErrorCode.BACKUP_FAILED, path=str(target),
                          problem="the file exists already")
    if not db_file.is_file():
        raise DomainError(ErrorCode.DATABASE_NOT_INITIALISED, path=str(db_file.parent))
    try:
        online_copy(db_file, target, progress=progress)
    except OSError as error:
        raise DomainError(ErrorCode.BACKUP_FAILED, path=str(target),
                          problem=error.strerror or str(error)) from error
    log.info("backup written: %s", target)
    return target


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
