"""The one place where a branch database, its clock and its units of work are wired.

The desktop app, the admin CLI and the tests all call :func:`open_branch`; nothing
else creates engines or reads settings that decide which clock is in force.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_path
from sqlalchemy import Engine, event
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from app.models import Setting
from app.models.database import database_path, make_engine, make_session_factory
from app.models.dbfile import file_damage, is_corruption
from app.models.migrate import upgrade
from app.services.backup.copies import damaged_database_error
from app.services.clock import BusinessDateClock, Clock, SystemClock
from app.services.context import BUSINESS_DATE_KEY
from app.services.errors import DomainError, ErrorCode
from app.services.unit_of_work import UnitOfWork

APP_NAME = "Loket"
CLOSE_WAITS_S = 120.0  # the longest a close waits for a write under way
log = logging.getLogger(__name__)


class WritesUnderWay:
    """The write transactions under way on a branch, by thread (thread-safe)."""

    def __init__(self) -> None:
        self._open: Counter[int] = Counter()
        self._changed = threading.Condition()

    def begun(self) -> int:
        """A write begins in this thread; returns the thread, for :meth:`ended`."""
        thread = threading.get_ident()
        with self._changed:
            self._open[thread] += 1
        return thread

    def ended(self, thread: int) -> None:
        """The write ``thread`` began has ended (in whichever thread)."""
        with self._changed:
            self._open[thread] -= 1
            if not self._open[thread]:
                del self._open[thread]
            self._changed.notify_all()

    def wait(self, timeout: float | None) -> bool:
        """Wait up to ``timeout`` seconds for the writes of other threads to end (the
        caller's own cannot end while it waits); True when none is left."""
        me = threading.get_ident()
        with self._changed:
            return self._changed.wait_for(lambda: self._open.keys() <= {me}, timeout)


@dataclass
class BranchDatabase:
    """An open branch database: hand out units of work for writing or for reading."""

    data_dir: Path
    writer: Engine
    reader: Engine
    clock: Clock
    _writer_sessions: sessionmaker[Session]
    _reader_sessions: sessionmaker[Session]
    _writes: WritesUnderWay = field(default_factory=WritesUnderWay)

    def writing(self) -> UnitOfWork:
        """A unit of work that holds the write lock from its first statement."""
        return UnitOfWork(self._writer_sessions, self.clock, self._writes)

    def writes_ended(self, timeout: float | None) -> bool:
        """Wait up to ``timeout`` seconds for the writes other threads have under way (a
        background task's payment or sync step); True when none is left."""
        return self._writes.wait(timeout)

    def reading(self) -> UnitOfWork:
        """A unit of work for queries; never blocks or waits for a writer."""
        return UnitOfWork(self._reader_sessions, self.clock)

    def close(self) -> None:
        """Close every pooled connection, once the writes under way in other threads have
        ended (each is one cashier action: it is finished, not cut off by the program
        ending). Work that still comes after, such as a background task finishing while
        the window closes, gets a connection of its own that is closed as soon as it is
        given back, so none is left open."""
        if not self.writes_ended(CLOSE_WAITS_S):
            log.warning("closing the branch with a write still under way after %.0f s",
                        CLOSE_WAITS_S)
        db_file = database_path(self.data_dir)
        for engine, sessions, writer in ((self.writer, self._writer_sessions, True),
                                         (self.reader, self._reader_sessions, False)):
            event.listen(engine.pool, "checkin", _close_on_checkin)  # those still out
            engine.dispose()
            sessions.configure(bind=make_engine(db_file, writer=writer, pooled=False))


def _close_on_checkin(_dbapi_connection: object, record: ConnectionPoolEntry) -> None:
    """A connection given back to a closed branch's pool is closed, not kept for the
    collector (a read the program ending did not wait for)."""
    record.invalidate()


def default_data_dir(demo: bool = False) -> Path:
    """``…/Loket/branch`` (or ``…/Loket/demo``) in the user's data folder."""
    return user_data_path(APP_NAME, appauthor=False) / ("demo" if demo else "branch")


def open_branch(data_dir: Path, *, create: bool = False,
                clock: Clock | None = None) -> BranchDatabase:
    """Open (and migrate) the branch database in ``data_dir``.

    With ``create`` a missing database is created empty; otherwise a missing one is a
    ``DATABASE_NOT_INITIALISED`` error. ``clock`` overrides the clock the database asks
    for (tests); by default a stored business date (demo) or the system clock is used.
    A damaged file is refused with ``DATABASE_CORRUPT`` naming the newest good backup
    (or ``DATABASE_CORRUPT_NO_BACKUP``); a copy is kept before any migration.
    """
    db_file = database_path(data_dir)
    if not db_file.exists() and not create:
        raise DomainError(ErrorCode.DATABASE_NOT_INITIALISED, path=str(data_dir))
    if db_file.exists() and (db_file.stat().st_size > 0 or not create):
        problem = file_damage(db_file)
        if problem is not None:
            raise damaged_database_error(db_file, problem)
    data_dir.mkdir(parents=True, exist_ok=True)
    writer = make_engine(db_file, writer=True)
    try:
        upgrade(writer)
        writer_sessions = make_session_factory(writer)
        chosen = clock or _stored_clock(writer_sessions)
    except (DatabaseError, sqlite3.DatabaseError) as error:
        writer.dispose()
        if not is_corruption(error):
            raise
        raise damaged_database_error(db_file, str(getattr(error, "orig", error))) from error
    reader = make_engine(db_file, writer=False)
    return BranchDatabase(data_dir, writer, reader, chosen, writer_sessions,
                          make_session_factory(reader))


def _stored_clock(sessions: sessionmaker[Session]) -> Clock:
    with sessions() as session:
        setting = session.get(Setting, BUSINESS_DATE_KEY)
    if setting is not None:
        return BusinessDateClock(dt.date.fromisoformat(setting.value))
    return SystemClock()
