"""Restoring the branch database from a backup, without ever reusing a number.

Steps: verify the backup (refuse a damaged or tampered one); refuse while Loket has the
database open; copy the backup to a staging file beside the database and bring its
schema up to date; keep the current database aside as
``backups/loket-<time>-before-restore.sqlite3``; apply the number rule below and mark
the database as restored; then put the staging file in place of the database.
Until that last step the current database is untouched.

**The number rule.** A restored branch continues from the restored point, but the
replaced database may already have issued later receipt and work-order numbers (on
paper in a customer's hand). So each counter's receipt and work-order sequences (per
year) are raised to at least the last value the replaced database had issued, matched
by the counter's device id: no receipt number is issued twice. The numbers in between
belong to records the backup does not hold; ``loket-admin audit verify`` lists them as
gaps, and the ``branch.restore`` audit record names them.

The outbox sequence is *not* raised: it continues from the restored point, as the sync
protocol expects (docs/sync-protocol.md). Head office holding none of the lost events
takes the new ones as they come; head office holding some of them answers the first
push (or the start-up probe) with a sequence above this database's, and the counter
stops with ``SYNC_BRANCH_RESTORED`` until head office has sorted it out. A raised
outbox sequence would instead leave a hole that head office can never fill when the
lost events never reached it. When the replaced database cannot be read at all (a dead
disk), receipt numbers continue from the backup too: the counter must sync before
taking payments. The settings ``restored_from`` and ``restored_at`` tell the sync
client that the database was restored.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models import Branch, Counter, Sequence, Setting
from app.models.database import database_path, make_engine, make_session_factory
from app.models.dbfile import (
    backup_dir,
    connect_existing,
    free_backup_path,
    local_now,
    online_copy,
)
from app.models.migrate import upgrade
from app.services.audit.journal import record_change, verify_chain
from app.services.backup.check import (
    RESTORED_AT_KEY,
    RESTORED_FROM_KEY,
    BackupReport,
    chain_refusal,
    verify_backup,
)
from app.services.backup.copies import BEFORE_RESTORE
from app.services.backup.restore_block import CONFIRMED_KEY
from app.services.clock import BusinessDateClock, Clock, SystemClock
from app.services.context import BUSINESS_DATE_KEY, system_actor
from app.services.errors import DomainError, ErrorCode
from app.services.findings import Finding, FindingCode
from app.services.sequences import RECEIPT, WORK_ORDER
from app.services.unit_of_work import UnitOfWork

STAGING_NAME = "loket-restoring.sqlite3"
RAISED_SEQUENCES = frozenset({RECEIPT, WORK_ORDER})  # the outbox is not raised: see above
LOCK_PROBE_S = 0.5
SQLITE_BUSY_CODES = frozenset({5, 6})  # SQLITE_BUSY, SQLITE_LOCKED
SYNC_WARNING = Finding.of(FindingCode.RESTORE_SYNC_FIRST)
RAISED_WARNING = Finding.of(FindingCode.RESTORE_NUMBERS_RAISED)
log = logging.getLogger("loket.backups")

NumberKey = tuple[str, str, int]  # (device id, sequence name, year)


@dataclass(frozen=True)
class RaisedNumber:
    counter: str
    name: str  # receipt / work_order
    year: int
    restored: int  # the last number in the backup
    raised_to: int  # the last number the replaced database had issued


@dataclass(frozen=True)
class RestoreReport:
    restored_from: Path
    database: Path
    kept_previous: Path | None
    verification: BackupReport
    raised: tuple[RaisedNumber, ...]
    notices: tuple[Finding, ...]  # what to heed now, first of all to sync before paying

    @property
    def warnings(self) -> tuple[str, ...]:
        """The notices in English."""
        return tuple(f.text for f in self.notices)


@dataclass(frozen=True)
class _Previous:
    kept: Path | None
    numbers: dict[NumberKey, int]
    warnings: tuple[Finding, ...]


def restore(backup_file: Path, data_dir: Path, *, clock: Clock | None = None) -> RestoreReport:
    """Replace the branch database in ``data_dir`` with ``backup_file`` (see module doc).

    ``clock`` dates the restore's audit record (default: the restored database's own
    clock, a demo business date or the system time); file names use the PC's time.
    """
    verification = verify_backup(backup_file)
    if not verification.ok:
        raise DomainError(ErrorCode.BACKUP_CORRUPT, file=str(backup_file),
                          problem=verification.refusal)
    db_file = database_path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    if db_file.exists():
        ensure_not_in_use(db_file)
    now = local_now()
    staging = db_file.with_name(STAGING_NAME)
    remove_database_files(staging)
    try:
        online_copy(backup_file, staging)
        previous, raised = _prepare(staging, backup_file, db_file, verification, now, clock)
        _swap(staging, db_file)
    except BaseException:
        remove_database_files(staging)
        raise
    warnings = [SYNC_WARNING, *previous.warnings, *verification.notes]
    if raised:
        warnings.insert(1, RAISED_WARNING)
    log.info("branch database restored from %s (previous kept as %s)", backup_file,
                previous.kept)
    return RestoreReport(backup_file, db_file, previous.kept, verification, tuple(raised),
                         tuple(warnings))


def _prepare(staging: Path, backup_file: Path, db_file: Path, verification: BackupReport,
             now: dt.datetime, clock: Clock | None) -> tuple[_Previous, list[RaisedNumber]]:
    """Upgrade the staging copy, keep the current database aside, mark the copy restored."""
    engine = make_engine(staging, writer=True)
    try:
        upgrade(engine, backup=False)
        sessions = make_session_factory(engine)
        _check_chain_after_upgrade(sessions, backup_file)
        previous = keep_previous(db_file, now)
        uow = UnitOfWork(sessions, clock or _stored_clock(sessions))
        raised = _mark_restored(uow, backup_file, verification, previous.numbers)
    finally:
        engine.dispose()
    connection = connect_existing(staging)
    try:
        connection.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    finally:
        connection.close()
    return previous, raised


def _check_chain_after_upgrade(sessions: sessionmaker[Session], backup_file: Path) -> None:
    with sessions() as session:
        chain = verify_chain(session)
    if not chain.ok:
        raise DomainError(ErrorCode.BACKUP_CORRUPT, file=str(backup_file),
                          problem=chain_refusal(chain))


def _stored_clock(sessions: sessionmaker[Session]) -> Clock:
    """The restored branch's clock, as ``app.bootstrap`` would choose it."""
    with sessions() as session:
        setting = session.get(Setting, BUSINESS_DATE_KEY)
    if setting is not None:
        return BusinessDateClock(dt.date.fromisoformat(setting.value))
    return SystemClock()


def ensure_not_in_use(db_file: Path) -> None:
    """``DATABASE_IN_USE`` while any connection (this or another process) has it open."""
    try:
        connection = sqlite3.connect(f"{db_file.resolve().as_uri()}?mode=rw", uri=True,
                                     timeout=LOCK_PROBE_S, isolation_level=None)
    except sqlite3.Error:
        return  # cannot be opened at all: nobody is using it either
    try:
        connection.execute("PRAGMA locking_mode=EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")
        connection.execute("COMMIT")
    except sqlite3.Error as error:
        if (getattr(error, "sqlite_errorcode", 0) & 0xFF) in SQLITE_BUSY_CODES:
            raise DomainError(ErrorCode.DATABASE_IN_USE, path=str(db_file)) from None
    finally:
        connection.close()


def keep_previous(db_file: Path, now: dt.datetime) -> _Previous:
    """Copy the current database aside and read the numbers it had issued."""
    if not db_file.exists():
        return _Previous(None, {}, ())
    kept = free_backup_path(backup_dir(db_file.parent), now, BEFORE_RESTORE)
    try:
        online_copy(db_file, kept)
    except sqlite3.Error:  # damaged: keep the bytes as they are
        kept.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal"):
            source = db_file.with_name(db_file.name + suffix)
            if source.exists():
                shutil.copy2(source, kept.with_name(kept.name + suffix))
    try:
        numbers = issued_numbers(kept)
    except sqlite3.Error as error:
        return _Previous(kept, {}, (Finding.of(FindingCode.RESTORE_PREVIOUS_UNREAD,
                                               problem=str(error)),))
    return _Previous(kept, numbers, ())


def issued_numbers(db_file: Path) -> dict[NumberKey, int]:
    """The last number of every sequence in a database, by counter device id."""
    connection = connect_existing(db_file, read_only=True)
    try:
        rows = connection.execute(
            "SELECT c.device_id, s.name, s.year, s.last_value FROM number_sequence s "
            "JOIN counter c ON c.id = s.counter_id").fetchall()
    finally:
        connection.close()
    return {(str(device), str(name), int(year)): int(value)
            for device, name, year, value in rows}


def _mark_restored(uow: UnitOfWork, backup_file: Path, verification: BackupReport,
                   previous: dict[NumberKey, int]) -> list[RaisedNumber]:
    with uow:
        session = uow.session
        raised = raise_numbers(session, previous)
        _put_setting(session, RESTORED_FROM_KEY, backup_file.name)
        _put_setting(session, RESTORED_AT_KEY, uow.now.isoformat())
        stale = session.get(Setting, CONFIRMED_KEY)  # a new restore is not confirmed yet,
        if stale is not None:  # even when it is stamped with the same time as an older one
            session.delete(stale)
        code = session.scalar(select(Branch.code).limit(1)) or ""
        record_change(session, system_actor(session), uow.now, action="branch.restore",
                      entity="branch", entity_id=code,
                      details={"backup": backup_file.name,
                               "backup_audit_records": verification.audit_records,
                               "raised": [asdict(r) for r in raised]})
        uow.commit()
    return raised


def raise_numbers(session: Session, previous: dict[NumberKey, int]) -> list[RaisedNumber]:
    """Raise each receipt and work-order sequence to at least its value in ``previous``
    (the number rule)."""
    counters = {c.device_id: c for c in session.scalars(select(Counter))}
    raised = []
    for (device, name, year), value in sorted(previous.items()):
        counter = counters.get(device)
        if counter is None or name not in RAISED_SEQUENCES:
            continue
        row = session.get(Sequence, (counter.id, name, year))
        current = row.last_value if row is not None else 0
        if value <= current:
            continue
        if row is None:
            session.add(Sequence(counter_id=counter.id, name=name, year=year, last_value=value))
        else:
            row.last_value = value
        raised.append(RaisedNumber(counter.code, name, year, current, value))
    session.flush()
    return raised


def _put_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def _swap(staging: Path, db_file: Path) -> None:
    """Put the prepared file in place of the database (its old WAL goes: it was kept)."""
    try:
        for suffix in ("-wal", "-shm"):
            db_file.with_name(db_file.name + suffix).unlink(missing_ok=True)
        os.replace(staging, db_file)
    except PermissionError as error:  # Windows: the file is open elsewhere
        raise DomainError(ErrorCode.DATABASE_IN_USE, path=str(db_file)) from error


def remove_database_files(db_file: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        db_file.with_name(db_file.name + suffix).unlink(missing_ok=True)
