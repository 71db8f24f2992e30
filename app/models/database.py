"""Opening a branch database: the SQLite engine, its pragmas and write transactions.

Every connection runs in WAL mode with ``synchronous=FULL`` (a committed payment
survives a power cut), foreign keys on and a busy timeout. Transactions begin with
``BEGIN IMMEDIATE`` so that a writer holds the lock from its first read: sequence
numbers and the audit chain's last hash are read and written under one lock.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

BUSY_TIMEOUT_MS = 10_000
CONNECTIONS_KEPT = 2
"""Idle connections a pooled engine keeps (each with its page cache, up to 8 MB for
search): the window's thread and one worker. A burst of parallel work opens more, and
each is closed, its cache freed, when given back."""
DB_FILENAME = "loket.sqlite3"


def database_path(data_dir: Path) -> Path:
    """Where the branch database lives inside a data directory."""
    return data_dir / DB_FILENAME


def make_engine(db_file: Path, *, writer: bool = True, pooled: bool = True) -> Engine:
    """An engine over ``db_file`` with Loket's pragmas applied to every connection.

    A writer engine begins every transaction with ``BEGIN IMMEDIATE``; a reader engine
    (search, reports) begins deferred and never waits for or blocks a writer. The pool
    hands out the connection given back last: its page cache is the warm one; it keeps
    :data:`CONNECTIONS_KEPT` connections and closes those a burst of parallel work
    needed beyond them. An engine that is not ``pooled`` closes each connection as soon
    as it is given back.
    """
    engine = create_engine(
        f"sqlite+pysqlite:///{db_file}",
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "isolation_level": None},
        **({"pool_use_lifo": True, "pool_size": CONNECTIONS_KEPT} if pooled
           else {"poolclass": NullPool}),
    )
    _install_sqlite_hooks(engine, begin="BEGIN IMMEDIATE" if writer else "BEGIN")
    return engine


def _install_sqlite_hooks(engine: Engine, *, begin: str) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values after commit (results are read after it)."""
    return sessionmaker(engine, expire_on_commit=False)
