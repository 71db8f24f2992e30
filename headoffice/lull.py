"""Work that waits for a lull in head office's changes.

Making the console's figures or a branch snapshot again takes seconds of CPU, and head
office is busiest while counters push. A :class:`Lull` runs its work for a database once
no change has come for :data:`QUIET` seconds — or :data:`AT_MOST` seconds after the
first change it waits for, when the changes never stop — on one thread of its own, one
database after the other: counters pushing at once never share head office with work
they do not need.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from headoffice.db import Database

QUIET = 10.0  # seconds without a change before the work runs
AT_MOST = 300.0  # seconds: the longest a change waits for that lull
log = logging.getLogger(__name__)


class Lull:
    """Runs ``work(db)`` at the next lull after a change of ``db`` (thread-safe)."""

    def __init__(self, name: str, work: Callable[[Database], None]) -> None:
        self._name, self._work = name, work
        self._lock = threading.Lock()
        self._waiting: dict[str, tuple[Database, float, float]] = {}  # url: db, first, last
        self._thread: threading.Thread | None = None

    def changed(self, db: Database) -> None:
        """``db`` changed: the work waits until its changes pause."""
        self._note(db, changed=True)

    def wanted(self, db: Database) -> None:
        """The work is wanted without a change: at once, unless changes are coming in
        (then at their lull)."""
        self._note(db, changed=False)

    def _note(self, db: Database, changed: bool) -> None:
        now = time.monotonic()
        with self._lock:
            waiting = self._waiting.get(db.url)
            if waiting is not None:
                self._waiting[db.url] = (db, waiting[1], now if changed else waiting[2])
            else:
                self._waiting[db.url] = (db, now, now if changed else now - QUIET)
            if self._thread is None:
                self._thread = threading.Thread(target=self._at_lulls, daemon=True,
                                                name=f"loket-lull-{self._name}")
                self._thread.start()

    def _at_lulls(self) -> None:
        while True:
            with self._lock:
                now = time.monotonic()
                due = [db for db, first, last in self._waiting.values()
                       if now - last >= QUIET or now - first >= AT_MOST]
                for db in due:
                    del self._waiting[db.url]
                if not due and not self._waiting:
                    self._thread = None
                    return
            for db in due:
                try:
                    self._work(db)
                except Exception:  # the next page or counter asking makes it
                    log.exception("%s at a lull failed", self._name)
            if not due:
                time.sleep(min(1.0, QUIET / 4) or 0.01)
