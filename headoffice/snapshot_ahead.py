"""Branch snapshots made ahead, so that a new counter's first pull never waits for one.

A counter with an empty database asks for its branch's snapshot (``current``) and then
pages the change log from the snapshot's cursor. Any kept snapshot of the current epoch
is therefore correct to serve, however old: the change log keeps the newest change of
every key, so the pages after its cursor bring everything that changed since — and a
couple of pages are far quicker than building a new file (seconds of reading and LZMA
for the demo's 213,210 changes). So a counter is given the newest kept snapshot at once;
only a branch without one of the current epoch (never built, or the epoch was renewed),
or one so far behind that paging would take longer than building (:data:`WAIT_AFTER`),
waits — for the build already under way if there is one, never for a second.

Snapshots are made again in the background once :data:`snapshot.REBUILD_AFTER` changes
of the branch have come since, the same way as the console's kept figures
(``evaluation/cache.py``): when ``loket-headoffice serve`` starts, after pushes, staff
decisions in the console and registrations — in the lull of those changes
(``headoffice/lull.py``), not while counters push — and after a counter was given a
snapshot gone stale — not more often than every ``SETTLE`` seconds per branch, nor than
``SHARE`` of the time. One build runs per branch at a time.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from headoffice import snapshot
from headoffice.db import Database, current_epoch
from headoffice.evaluation import cache
from headoffice.models import BranchSnapshot, Device
from headoffice.snapshot import SnapshotInfo

WAIT_AFTER = 20_000  # changes behind: beyond this, building is quicker than paging
log = logging.getLogger(__name__)

_Key = tuple[str, str]  # (database address without its password, branch)


@dataclass
class _Made:
    at: float  # time.monotonic() when it was last built
    took: float  # seconds that build took


class SnapshotsAhead:
    """Each branch's snapshot, built before a counter asks (thread-safe; a build under
    way is waited for, never started twice)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._making: dict[_Key, threading.Event] = {}
        self._made: dict[_Key, _Made] = {}
        self._builds: Counter[_Key] = Counter()

    def under_way(self) -> int:
        """How many builds are running now (in this process)."""
        with self._lock:
            return len(self._making)

    def builds(self, db: Database, branch: str) -> int:
        """How many snapshots of ``branch`` this process has built."""
        with self._lock:
            return self._builds[_key(db, branch)]

    def current(self, db: Database, branch: str, have: str = "") -> tuple[SnapshotInfo, bool]:
        """(the snapshot a counter of ``branch`` should fetch, whether a newer one should be
        made): ``have`` (one it began downloading) while it is kept and of the current
        epoch, else the newest kept; built now only when none will do."""
        with db.reading() as session:
            epoch = current_epoch(session)
            if have:
                kept = session.get(BranchSnapshot, have)
                if kept is not None and kept.branch_code == branch and kept.epoch == epoch:
                    return snapshot.info(kept), False
            newest = snapshot.newest(session, branch, epoch)
            if newest is not None:
                late = snapshot.behind(session, newest, WAIT_AFTER)
                if late < WAIT_AFTER:
                    return snapshot.info(newest), late >= snapshot.REBUILD_AFTER
        return self._made_now(db, branch), False

    def remake_recent(self, db: Database) -> None:
        """Build again every branch's snapshot gone stale (none of the current epoch, or
        :data:`snapshot.REBUILD_AFTER` changes behind) — not one built within ``SETTLE``
        seconds or ``1 / SHARE`` times what building it took."""
        now = time.monotonic()
        for branch in self._stale(db):
            with self._lock:
                made = self._made.get(_key(db, branch))
            if made is None or now - made.at >= max(cache.SETTLE, made.took / cache.SHARE):
                self._build_unless_under_way(db, branch)

    def make_ahead(self, db: Database) -> None:
        """Build every stale or missing snapshot of a branch with counters (as the server
        starts)."""
        for branch in self._stale(db):
            self._build_unless_under_way(db, branch)

    def clear(self) -> None:
        """Forget when snapshots were built (the next change builds stale ones at once)."""
        with self._lock:
            self._made.clear()

    def _stale(self, db: Database) -> list[str]:
        """The branches with counters whose snapshot is missing, of an earlier epoch, or
        :data:`snapshot.REBUILD_AFTER` changes behind."""
        with db.reading() as session:
            epoch = current_epoch(session)
            stale = []
            for branch in session.scalars(select(Device.branch_code).distinct().where(
                    Device.revoked.is_(False)).order_by(Device.branch_code)):
                newest = snapshot.newest(session, branch, epoch)
                if newest is None or snapshot.behind(
                        session, newest, snapshot.REBUILD_AFTER) >= snapshot.REBUILD_AFTER:
                    stale.append(branch)
            return stale

    def _made_now(self, db: Database, branch: str) -> SnapshotInfo:
        """The build under way for the branch once done (if it will do), else one now."""
        key = _key(db, branch)
        while not self._claim(key):
            with self._lock:
                running = self._making.get(key)
            if running is not None:
                running.wait(cache.WAIT)
            found = _usable(db, branch)
            if found is not None:
                return found
        return self._build(db, branch, key)

    def _build_unless_under_way(self, db: Database, branch: str) -> None:
        key = _key(db, branch)
        if not self._claim(key):
            return
        try:
            self._build(db, branch, key)
        except Exception:  # a counter asking builds it; the push or page is not concerned
            log.exception("building the snapshot of branch %s ahead failed", branch)

    def _claim(self, key: _Key) -> bool:
        """Mark a build of ``key`` as under way, unless one is already."""
        with self._lock:
            if key in self._making:
                return False
            self._making[key] = threading.Event()
            return True

    def _build(self, db: Database, branch: str, key: _Key) -> SnapshotInfo:
        """Build and keep the branch's snapshot (``key`` claimed), then let waiters go."""
        try:
            started = time.monotonic()
            with db.reading() as session:
                built = snapshot.build(session, branch)
            kept = snapshot.store(db, branch, built)
            with self._lock:
                self._builds[key] += 1
                self._made[key] = _Made(time.monotonic(), time.monotonic() - started)
            return kept
        finally:
            with self._lock:
                done = self._making.pop(key)
            done.set()


def _usable(db: Database, branch: str) -> SnapshotInfo | None:
    """The branch's newest snapshot if a counter may be given it: of the current epoch
    and fewer than :data:`WAIT_AFTER` changes behind."""
    with db.reading() as session:
        newest = snapshot.newest(session, branch, current_epoch(session))
        if newest is not None and snapshot.behind(session, newest, WAIT_AFTER) < WAIT_AFTER:
            return snapshot.info(newest)
    return None


def _key(db: Database, branch: str) -> _Key:
    return db.url.split("@")[-1], branch


_snapshots = SnapshotsAhead()
cache.register(_snapshots)


def snapshots() -> SnapshotsAhead:
    return _snapshots


def for_bundle(db: Database, branch: str) -> tuple[SnapshotInfo, bytes]:
    """The current snapshot of the branch and its file, for a reply bundle."""
    info, _stale = _snapshots.current(db, branch)
    found = snapshot.read_part(db, branch, info.id, 0, None)
    if found is None:  # pruned in the instant between: ask once more
        info, _stale = _snapshots.current(db, branch)
        found = snapshot.read_part(db, branch, info.id, 0, None)
        assert found is not None
    return info, found[0]
