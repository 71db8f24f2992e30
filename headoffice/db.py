"""Opening the head-office database: PostgreSQL (psycopg 3) or an embedded SQLite file.

Writers are serialised: on PostgreSQL every writing transaction first takes one
transaction-level advisory lock; on SQLite writing transactions begin ``IMMEDIATE``.
Pushes are the exception on PostgreSQL (``pushing``): they share that lock with each
other, so branches do not wait for one another, and claim what each batch touches
(``headoffice.claims``); any other writer still waits for them and they for it.
Change-log rows carry their transaction id there, so a page never passes a change still
being committed (``headoffice.pull``); the lock, taken before anything is written, is
also how pages tell head office's writers from other transactions on the server.
The schema is made and upgraded by Alembic migrations (``migrate.py``), under the same
lock.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from platformdirs import user_data_path
from sqlalchemy import Connection, Engine, create_engine, event, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from headoffice import migrate
from headoffice import rate_limit as _rate_limit  # noqa: F401  (its table is in the schema)
from headoffice.console import tables as _console_tables  # noqa: F401  (and the console's)
from headoffice.evaluation import tables as _evaluation_tables  # noqa: F401  (so are these)
from headoffice.models import Epoch
from headoffice.outreach import tables as _outreach_tables  # noqa: F401  (and outreach's)
from headoffice.refusals import NotFound, RefusalCode

URL_VARIABLE = "LOKET_HEADOFFICE_DATABASE_URL"
WRITER_LOCK = 0x4C4F4B45  # the writers' advisory lock ("LOKE"), one per schema:
# (hashtext(current_schema()), WRITER_LOCK), so head offices sharing a database apart
_WRITERS = ("SELECT pg_advisory_xact_lock{mode}(hashtext(current_schema()), "
            "CAST(:key AS integer))")
BUSY_TIMEOUT_S = 30
LOCAL_OFFSET = dt.timedelta(hours=8)  # Kota Kupang (WITA): the customers' day


def utcnow() -> dt.datetime:
    """Naive UTC, the form head office stores its own times in."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def local_today() -> dt.date:
    """Today in Kota Kupang: the date customers read on letters, plans and ``/cek``."""
    return (utcnow() + LOCAL_OFFSET).date()


def default_database_url() -> str:
    """``$LOKET_HEADOFFICE_DATABASE_URL``, else an SQLite file in the user data folder."""
    configured = os.environ.get(URL_VARIABLE)
    if configured:
        return configured
    path = user_data_path("Loket", appauthor=False) / "headoffice" / "headoffice.sqlite3"
    return f"sqlite:///{path.as_posix()}"


def normalise_url(url: str) -> str:
    """``postgresql://…`` means psycopg 3 (SQLAlchemy would otherwise pick psycopg2)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


class Database:
    """Engines and sessions for one head-office database."""

    def __init__(self, url: str) -> None:
        self.url = normalise_url(url)
        parsed = make_url(self.url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        if self.is_sqlite:
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            self.writer = _sqlite_engine(self.url, "BEGIN IMMEDIATE")
            self.reader = _sqlite_engine(self.url, "BEGIN")
        else:
            self.writer = self.reader = create_engine(self.url, pool_pre_ping=True)
        self._writer_sessions = sessionmaker(self.writer, expire_on_commit=False)
        self._reader_sessions = sessionmaker(self.reader, expire_on_commit=False)

    def create_tables(self) -> str:
        """Upgrade the schema to the newest revision and make the first epoch; returns the
        current epoch. ``migrate.SchemaRefused`` for a newer or unknown schema."""
        migrate.upgrade(self.writer, self._lock)
        with self.writing() as session:
            return current_epoch(session, create=True)

    def _lock(self, connection: Connection) -> None:
        """The writers' lock (SQLite: the migration's transaction began IMMEDIATE)."""
        if not self.is_sqlite:
            connection.execute(text(_WRITERS.format(mode="")), {"key": WRITER_LOCK})

    def writing(self) -> AbstractContextManager[Session]:
        """A transaction holding the writers' lock; committed if the block succeeds."""
        return self._locked(mode="")

    def pushing(self) -> AbstractContextManager[Session]:
        """A transaction applying a push: alongside other pushes on PostgreSQL (the
        writers' lock shared; each batch claims what it touches), alone on SQLite."""
        return self._locked(mode="_shared")

    @contextmanager
    def _locked(self, mode: str) -> Iterator[Session]:
        """A transaction that first takes the writers' lock (``mode`` "" exclusive,
        "_shared" shared; SQLite: writing transactions begin IMMEDIATE)."""
        session = self._writer_sessions()
        try:
            if not self.is_sqlite:
                session.execute(text(_WRITERS.format(mode=mode)), {"key": WRITER_LOCK})
            yield session
            session.commit()
        finally:
            session.rollback()
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only transaction (never blocks a writer)."""
        session = self._reader_sessions()
        try:
            yield session
        finally:
            session.close()  # ends the transaction; loaded objects stay readable

    def dispose(self) -> None:
        self.writer.dispose()
        self.reader.dispose()


def current_epoch(session: Session, *, create: bool = False) -> str:
    """The id of the newest epoch (made if there is none and ``create`` is set)."""
    newest = session.scalar(select(Epoch.id).order_by(Epoch.started_at.desc(), Epoch.id.desc())
                            .limit(1))
    if newest is not None:
        return newest
    if not create:
        raise NotFound(RefusalCode.NO_EPOCH)
    return start_epoch(session, "database created")


def start_epoch(session: Session, note: str) -> str:
    """Begin a new epoch (after restoring a backup): every branch pulls from the start."""
    epoch = Epoch(id=secrets.token_hex(8), started_at=utcnow(), note=note[:200])
    session.add(epoch)
    session.flush()
    return epoch.id


def _sqlite_engine(url: str, begin: str) -> Engine:
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S, "isolation_level": None,
                                              "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)

    return engine
