"""The unit of work: one database transaction per cashier action.

A service does ``with uow:`` … ``uow.commit()``; leaving the block without a commit
rolls everything back, so a refusal or a crash writes nothing.
"""

from __future__ import annotations

import datetime as dt
from types import TracebackType

from sqlalchemy.orm import Session, sessionmaker

from app.services.clock import Clock


class UnitOfWork:
    """Wraps one SQLAlchemy session; ``now`` is fixed when the transaction starts."""

    session: Session
    now: dt.datetime

    def __init__(self, session_factory: sessionmaker[Session], clock: Clock) -> None:
        self._factory = session_factory
        self._clock = clock
        self._depth = 0

    @property
    def today(self) -> dt.date:
        return self.now.date()

    def __enter__(self) -> UnitOfWork:
        if self._depth == 0:
            self.session = self._factory()
            self.now = self._clock.now()
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
            self.session.rollback()
            self.session.close()

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()
