"""Head office's background work, done in a lull of the changes.

After a push, a staff decision or a registration, head office makes again what its pages
and new counters will ask for: the console's figures, the invitation list, the branch
snapshots (``evaluation/cache.py``, ``snapshot_ahead.py``) — seconds of CPU. Head office
is busiest while counters push, and 20 counters pushing at once share its CPU with that
work if it runs after every push: their acknowledgements came four times later. So a
server in service (``loket-headoffice serve``) runs it on one thread of its own once no
change has come for :data:`QUIET` seconds — or :data:`AT_MOST` seconds after the first
change it waits for, when the changes never stop. Work asked for without a change (a
counter given a stale snapshot) runs at once unless changes are coming in. A work that
fails — even by ``SystemExit`` — is logged, and the thread waits for the next change.

A :class:`Lull` belongs to one app and its database: the app closes it before it closes
the database, so no work outlives the server. Without a thread (``quiet=None``, the
default of an app not in service) the work runs as it is asked for, in the caller's
thread.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable

from starlette.requests import Request

QUIET = 10.0  # seconds without a change before the work runs
AT_MOST = 300.0  # seconds: the longest a change waits for that lull
log = logging.getLogger(__name__)


class Lull:
    """Runs ``work()`` at the next lull after a change (thread-safe)."""

    def __init__(self, work: Callable[[], None], *, quiet: float | None = None,
                 at_most: float = AT_MOST, name: str = "lull") -> None:
        self._work, self._quiet, self._at_most, self._name = work, quiet, at_most, name
        self._lock = threading.Condition()
        self._first: float | None = None  # when the first change still waiting came
        self._last = 0.0  # when the newest change came
        self._closed = False
        self._thread: threading.Thread | None = None
        self._answering = 0  # works running in answering threads (``quiet=None``)

    def changed(self) -> None:
        """The data changed: the work runs once the changes pause."""
        self._note(changed=True)

    def wanted(self) -> None:
        """The work is wanted without a change: at once, unless changes are coming in
        (then at their lull)."""
        self._note(changed=False)

    def close(self, timeout: float = 120.0) -> None:
        """No more work: what is waiting is dropped (pages make it when asked), the work
        under way — on the lull's thread or in an answering thread — is waited for."""
        with self._lock:
            self._closed = True
            self._lock.notify_all()
            thread = self._thread
            self._lock.wait_for(lambda: self._answering == 0, timeout)
        if thread is not None:
            thread.join(timeout)

    def _note(self, *, changed: bool) -> None:
        if self._quiet is None:
            with self._lock:
                if self._closed:  # a change answered as the server stops: nothing more
                    return
                self._answering += 1
            try:
                self._run()
            finally:
                with self._lock:
                    self._answering -= 1
                    self._lock.notify_all()
            return
        with self._lock:
            if self._closed:
                return
            now = time.monotonic()
            if self._first is None:
                self._first, self._last = now, (now if changed else now - self._quiet)
            elif changed:
                self._last = now
            if self._thread is None:
                self._thread = threading.Thread(target=self._at_lulls, daemon=True,
                                                name=f"loket-{self._name}")
                self._thread.start()
            self._lock.notify_all()

    def _at_lulls(self) -> None:
        assert self._quiet is not None
        with self._lock:
            while not self._closed:
                if self._first is None:
                    self._lock.wait()
                    continue
                due = min(self._last + self._quiet, self._first + self._at_most)
                now = time.monotonic()
                if now < due:
                    self._lock.wait(due - now)
                    continue
                self._first = None
                self._lock.release()
                try:
                    self._run(own_thread=True)
                finally:
                    self._lock.acquire()

    def _run(self, *, own_thread: bool = False) -> None:
        try:
            self._work()
        except Exception:  # the next page or counter asking makes it; nothing else waits
            log.exception("head office's %s work failed", self._name)
        except BaseException:
            # A job's ``SystemExit``, ``KeyboardInterrupt`` or ``GeneratorExit`` ends that
            # job, not the lull's thread: the server stops it by closing the lull. In the
            # caller's thread it is the caller's to answer, as when the interpreter stops.
            if not own_thread or sys.is_finalizing():
                raise
            log.exception("head office's %s work stopped; the next change makes it again",
                          self._name)


def lull_of(request: Request) -> Lull:
    """The lull of the app answering ``request``."""
    lull: Lull = request.app.state.lull
    return lull
