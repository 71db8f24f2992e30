"""One sync at a time per device, across threads and processes.

The lock is a row in ``setting`` (``sync_lock``: owner and expiry) claimed in a write
transaction, which SQLite serialises between every process using the database file.
A sync refreshes it between batches; a lock left by a crashed sync expires.
"""

from __future__ import annotations

import datetime as dt
from types import TracebackType

from app.models import new_uuid
from app.services.errors import DomainError, ErrorCode
from app.services.sync.protocol import LOCK_KEY, UowFactory, drop_setting, get_setting, put_setting

LOCK_MINUTES = 10


class SyncLock:
    """``with SyncLock(uow_factory):`` … — refused with ``SYNC_ALREADY_RUNNING`` while held."""

    def __init__(self, uow_factory: UowFactory, minutes: int = LOCK_MINUTES) -> None:
        self._uow_factory = uow_factory
        self._span = dt.timedelta(minutes=minutes)
        self.owner = new_uuid()
        self._refresh_after: dt.datetime | None = None

    def acquire(self) -> None:
        """Claim (or extend) the lock; refused if another sync holds it unexpired."""
        with self._uow_factory() as uow:
            owner, until = _parse(get_setting(uow.session, LOCK_KEY))
            if owner and owner != self.owner and until is not None and until > uow.now:
                raise DomainError(ErrorCode.SYNC_ALREADY_RUNNING, until=until.strftime("%H:%M"))
            put_setting(uow.session, LOCK_KEY, f"{self.owner}|{(uow.now + self._span).isoformat()}")
            uow.commit()
            self._refresh_after = uow.now + self._span / 2

    def refresh(self) -> None:
        """Extend the lock once half of it has run out (no write before that)."""
        with self._uow_factory() as uow:
            due = self._refresh_after is None or uow.now >= self._refresh_after
        if due:
            self.acquire()

    def release(self) -> None:
        with self._uow_factory() as uow:
            owner, _ = _parse(get_setting(uow.session, LOCK_KEY))
            if owner == self.owner:
                drop_setting(uow.session, LOCK_KEY)
                uow.commit()

    def __enter__(self) -> SyncLock:
        self.acquire()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            self.release()
        except Exception:
            if exc is None:
                raise  # a failing release hides no other error; else the first one wins


def _parse(value: str | None) -> tuple[str, dt.datetime | None]:
    owner, _, until = (value or "").partition("|")
    try:
        return owner, dt.datetime.fromisoformat(until) if until else None
    except ValueError:
        return owner, None
