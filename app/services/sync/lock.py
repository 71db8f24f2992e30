"""One sync at a time per device, across threads and processes.

The lock is an operating-system file lock (``filelock``: ``LockFileEx`` on Windows,
``flock`` elsewhere) on a file next to the branch database, so the operating system
gives it back the moment the process holding it ends — a sync killed halfway does not
keep the counter from syncing again. A row in ``setting`` (``sync_lock``: owner and an
estimated end) only tells a refused sync until when to expect the running one; it grants
nothing, and a row left behind by a killed sync is simply overwritten.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import TracebackType

import filelock

from app.models import new_uuid
from app.services.errors import DomainError, ErrorCode
from app.services.sync.protocol import LOCK_KEY, UowFactory, drop_setting, get_setting, put_setting

LOCK_MINUTES = 10
LOCK_SUFFIX = ".sync-lock"


class SyncLock:
    """``with SyncLock(uow_factory):`` … — refused with ``SYNC_ALREADY_RUNNING`` while held."""

    def __init__(self, uow_factory: UowFactory, minutes: int = LOCK_MINUTES) -> None:
        self._uow_factory = uow_factory
        self._span = dt.timedelta(minutes=minutes)
        self.owner = new_uuid()
        self._refresh_after: dt.datetime | None = None
        self._file = filelock.FileLock(lock_path(uow_factory), timeout=0, thread_local=False)

    def acquire(self) -> None:
        """Take the file lock; refused while another sync (thread or process) holds it."""
        if not self._file.is_locked:
            try:
                self._file.acquire()
            except filelock.Timeout:
                raise DomainError(ErrorCode.SYNC_ALREADY_RUNNING, until=self._until()) from None
        try:
            self._note()
        except BaseException:
            self._file.release()
            raise

    def refresh(self) -> None:
        """Move the estimated end on once half of it has run out (no write before that)."""
        with self._uow_factory() as uow:
            due = self._refresh_after is None or uow.now >= self._refresh_after
        if due:
            self._note()

    def release(self) -> None:
        try:
            with self._uow_factory() as uow:
                owner, _ = _parse(get_setting(uow.session, LOCK_KEY))
                if owner == self.owner:
                    drop_setting(uow.session, LOCK_KEY)
                    uow.commit()
        finally:
            self._file.release()

    def _note(self) -> None:
        with self._uow_factory() as uow:
            put_setting(uow.session, LOCK_KEY, f"{self.owner}|{(uow.now + self._span).isoformat()}")
            uow.commit()
            self._refresh_after = uow.now + self._span / 2

    def _until(self) -> str:
        """When the running sync expects to end, as ``HH:MM`` (``?`` when unknown)."""
        with self._uow_factory() as uow:
            _, until = _parse(get_setting(uow.session, LOCK_KEY))
        return until.strftime("%H:%M") if until is not None else "?"

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


def lock_path(uow_factory: UowFactory) -> Path:
    """The lock file next to the branch database file."""
    with uow_factory() as uow:
        database = uow.session.get_bind().engine.url.database
    if not database or database == ":memory:":
        raise ValueError("a sync needs the branch database in a file")
    path = Path(database)
    return path.with_name(path.name + LOCK_SUFFIX)


def _parse(value: str | None) -> tuple[str, dt.datetime | None]:
    owner, _, until = (value or "").partition("|")
    try:
        return owner, dt.datetime.fromisoformat(until) if until else None
    except ValueError:
        return owner, None
