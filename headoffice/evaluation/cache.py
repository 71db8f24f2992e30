"""Results kept until head office's data changes, and made again in the background.

An evaluation aggregates every plan and, for the population at the start, the bills of
every sealed customer; an invitation list quotes every customer: too much to redo for
each page view. A result is kept under its request and a fingerprint of the data it
reads, which every change moves: the newest change-log id (customers, bills, plans,
terms), the devices' event sequences (every event received, applied or not), the
branches and the terms.

Pages ask for the *newest* result (:meth:`KeptUntilChange.newest`): the current one, or
— once the data has changed — the one made before, marked as not current, while a new
one is made after the answer has gone (``later``). After pushes are applied
(:func:`remake_after_change`, run in the lull of the pushes: ``headoffice/lull.py``)
every request asked for lately is made again (not more often than every ``SETTLE``
seconds, nor than ``SHARE`` of the time), so the first view after a sync finds it made.
Only a request never asked before is made while its page waits — and the home page has
the ones its role opens next made once it has answered.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from headoffice.db import Database, current_epoch
from headoffice.evaluation.figures import Evaluation
from headoffice.models import BranchOffice, Change, Device, Terms

SIZE = 32
RECENT = 30 * 60.0  # seconds: requests asked for within this are made again after a change
WAIT = 120.0  # seconds: the longest a request waits for another thread making its result
SETTLE = 30.0  # seconds: pushes make a result again at most this often (pages: any time)
SHARE = 0.1  # and at most this share of the time: a result taking 20 s waits 200 s
log = logging.getLogger(__name__)

Later = Callable[[Callable[[], None]], None]  # runs a function after the page has answered


def fingerprint(session: Session) -> tuple[int, ...]:
    """Moves whenever anything the evaluation reads changes (five small queries)."""
    return (session.scalar(select(func.max(Change.id))) or 0,
            session.scalar(select(func.sum(Device.last_seq))) or 0,
            session.scalar(select(func.count()).select_from(Device)) or 0,
            session.scalar(select(func.count()).select_from(BranchOffice)) or 0,
            session.scalar(select(func.max(Terms.id))) or 0)


def _database(session: Session) -> tuple[str, str]:
    """Which database (its address and epoch: a database made again at the same address,
    or restored from a backup, keeps nothing of the one before)."""
    return str(session.get_bind().engine.url), current_epoch(session)


@dataclass(frozen=True)
class Kept[T]:
    value: T
    current: bool  # False: made before the latest change; a newer one is being made


@dataclass
class _Entry[T]:
    mark: tuple[int, ...]  # the fingerprint of the data it was made from
    value: T | None
    make: Callable[[Session], T]
    asked: float  # time.monotonic() of the last request
    made: float = 0.0  # time.monotonic() when it was made
    took: float = 0.0  # seconds it took to make


class KeptUntilChange[T]:
    """The newest result of the last ``size`` requests, each with the fingerprint of the
    data it was made from and how to make it again; thread-safe, and a result being made
    is made once (who asks meanwhile waits for it)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._kept: OrderedDict[Hashable, _Entry[T]] = OrderedDict()
        self._making: dict[Hashable, threading.Event] = {}

    def __len__(self) -> int:
        """How many results are kept."""
        with self._lock:
            return sum(entry.value is not None for entry in self._kept.values())

    def get(self, session: Session, request: Hashable, make: Callable[[Session], T]) -> T:
        """The result for ``request`` over the data as it is now: kept, or made now."""
        key, mark = (*_database(session), request), fingerprint(session)
        found = self._look(key, make)
        if found is not None and found.mark == mark and found.value is not None:
            return found.value
        return self._make(session, key, mark, make)

    def newest(self, session: Session, request: Hashable, make: Callable[[Session], T],
               db: Database, later: Later) -> Kept[T]:
        """The result for ``request``: current, or — after a change — the one made before
        while ``later`` makes it anew; made now only when none was made before."""
        key, mark = (*_database(session), request), fingerprint(session)
        found = self._look(key, make)
        if found is None or found.value is None:
            return Kept(self._make(session, key, mark, make), True)
        if found.mark == mark:
            return Kept(found.value, True)
        later(lambda: self.remake(db, key))
        return Kept(found.value, False)

    def remake(self, db: Database, key: Hashable) -> None:
        """Make ``key``'s result again if the data changed since (unless it is being
        made already)."""
        with self._lock:
            entry = self._kept.get(key)
            if entry is None or key in self._making:
                return
            self._making[key] = threading.Event()
        try:
            with db.reading() as session:
                if (*_database(session), key[2]) != key:  # type: ignore[index]
                    return
                mark = fingerprint(session)
                if mark != entry.mark:
                    started = time.monotonic()
                    self._keep(key, mark, entry.make(session), entry.make, started)
        except Exception:  # the next page view makes it; the push is not concerned
            log.exception("making a kept result again failed")
        finally:
            self._made(key)

    def remake_recent(self, db: Database) -> None:
        """Make again every request of ``db`` asked for lately whose data changed — not one
        made within ``SETTLE`` seconds or ``1 / SHARE`` times what making it took: a busy
        day's pushes would keep a CPU busy (a page view after a change still has it made)."""
        now, url = time.monotonic(), db.url
        with self._lock:
            keys = [k for k, e in self._kept.items() if now - e.asked < RECENT
                    and now - e.made >= max(SETTLE, e.took / SHARE) and _same_url(k, url)]
        for key in keys:
            self.remake(db, key)

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()

    def _make(self, session: Session, key: Hashable, mark: tuple[int, ...],
              make: Callable[[Session], T]) -> T:
        """Made now — or, while another thread makes it, that result once made (if it is
        of the data as it is now)."""
        with self._lock:
            running = self._making.get(key)
            if running is None:
                self._making[key] = threading.Event()
        if running is not None:
            running.wait(WAIT)
            found = self._look(key, make)
            if found is not None and found.mark == mark and found.value is not None:
                return found.value
        started = time.monotonic()
        try:
            made = make(session)
            self._keep(key, mark, made, make, started)
            return made
        finally:
            if running is None:
                self._made(key)

    def _made(self, key: Hashable) -> None:
        with self._lock:
            done = self._making.pop(key, None)
        if done is not None:
            done.set()

    def _look(self, key: Hashable, make: Callable[[Session], T]) -> _Entry[T] | None:
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                found.asked, found.make = time.monotonic(), make
                self._kept.move_to_end(key)
            return found

    def _keep(self, key: Hashable, mark: tuple[int, ...], value: T,
              make: Callable[[Session], T], started: float) -> None:
        now = time.monotonic()
        with self._lock:
            found = self._kept.get(key)
            if found is not None and found.value is not None and found.mark > mark:
                return  # a newer one was made meanwhile
            asked = found.asked if found is not None else time.monotonic()
            self._kept[key] = _Entry(mark, value, make, asked, now, now - started)
            self._kept.move_to_end(key)
            while len(self._kept) > self._size:
                self._kept.popitem(last=False)


def _same_url(key: Hashable, url: str) -> bool:
    return isinstance(key, tuple) and bool(key) and _plain(key[0]) == _plain(url)


def _plain(url: object) -> str:
    """An address without its password (SQLAlchemy shows it masked)."""
    return str(url).split("@")[-1]


class MadeAgain(Protocol):
    """What is made again in the background after a change (``remake_after_change``)."""

    def remake_recent(self, db: Database) -> None: ...

    def clear(self) -> None: ...


_evaluations: KeptUntilChange[Evaluation] = KeptUntilChange(SIZE)
_everything: list[MadeAgain] = []


def register(kept: MadeAgain) -> None:
    """``kept`` is made again after each change, as the evaluations are."""
    _everything.append(kept)


def evaluations() -> KeptUntilChange[Evaluation]:
    return _evaluations


def remake_after_change(db: Database) -> None:
    """After a change (a push acknowledged, a staff decision, a counter registered): make
    again what pages asked lately, and the branch snapshots gone stale."""
    for kept in (_evaluations, *_everything):
        kept.remake_recent(db)


def clear() -> None:
    """Forget every kept result (benchmarks measure the queries this way)."""
    for kept in (_evaluations, *_everything):
        kept.clear()
