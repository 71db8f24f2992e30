"""The unit of work: one database transaction per cashier action.

A service does ``with uow:`` … ``uow.commit()``; leaving the block without a commit
rolls everything back, so a refusal or a crash writes nothing.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from types import TracebackType
from typing import Any, Protocol, cast

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.services.clock import Clock


class Tally(Protocol):
    """Counts the transactions under way (the branch's writes: ``app.bootstrap``):
    ``begun`` returns what ``ended`` is given back when that transaction ends."""

    def begun(self) -> int: ...

    def ended(self, begun: int) -> None: ...


class UnitOfWork:
    """Wraps one SQLAlchemy session; ``now`` is fixed when the transaction starts. A
    ``tally`` is told when the transaction begins and when it ends."""

    session: Session
    now: dt.datetime

    def __init__(self, session_factory: sessionmaker[Session], clock: Clock,
                 tally: Tally | None = None) -> None:
        self._factory = session_factory
        self._clock = clock
        self._tally = tally
        self._tallied = 0
        self._depth = 0

    @property
    def today(self) -> dt.date:
        return self.now.date()

    def __enter__(self) -> UnitOfWork:
        if self._depth == 0:
            if self._tally is not None:
                self._tallied = self._tally.begun()
            try:
                self.session = self._factory()
                self.now = self._clock.now()
            except BaseException:
                if self._tally is not None:
                    self._tally.ended(self._tallied)
                raise
        self._depth += 1
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._depth -= 1
        if self._depth == 0:
            try:
                self.session.rollback()
                self.session.close()
            finally:
                if self._tally is not None:
                    self._tally.ended(self._tallied)

    def commit(self) -> None:
        self.session.commit()

    @contextmanager
    def driver_reading(self) -> Iterator[tuple[sqlite3.Connection, MutableMapping[Any, Any]]]:
        """The SQLite connection in a read transaction, and a dictionary that lives as
        long as that connection: for hot read paths (search as you type) that need no
        ORM session. Inside ``with uow:`` it is the session's own connection and
        transaction; otherwise a pooled connection in a transaction of its own, rolled
        back and returned to the pool on leaving."""
        if self._depth:
            pooled = self.session.connection().connection
            yield cast(sqlite3.Connection, pooled.driver_connection), pooled.info
            return
        engine = self._factory.kw["bind"]
        assert isinstance(engine, Engine)
        pooled = engine.raw_connection()
        try:
            db = cast(sqlite3.Connection, pooled.driver_connection)
            db.execute("BEGIN")
            try:
                yield db, pooled.info
            finally:
                db.execute("ROLLBACK")
        finally:
            pooled.close()

    def rollback(self) -> None:
        self.session.rollback()
