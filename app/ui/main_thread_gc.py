"""Python's cyclic garbage collector, run on the UI thread only.

Left automatic, a collection starts in whichever thread happens to allocate — often a
background task (search, printing, sync) — and frees whatever garbage it finds there,
Qt objects of the window included. Qt objects must be destroyed in their own thread;
destroyed from a worker they crash the process ("Segmentation fault" while
"Garbage-collecting"). So automatic collection is switched off, and a timer on the UI
thread collects instead: the youngest generation when it has grown past the threshold
CPython would use, the older ones in turn, as CPython itself would.

The same timer hands the C heap's free memory back to the system every few seconds
(:func:`app.ui.c_heap.release_in_background`): what a day's passing work freed — pages
rasterised for the printer, a sync's batches, a closed connection's page cache —
otherwise stays in the process's resident memory on Linux (glibc keeps it for later);
and the collector sets the heap to map large passing blocks on their own
(:func:`app.ui.c_heap.keep_large_blocks_apart`). Both do nothing on Windows, whose
heap does this by itself.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

from app.ui.c_heap import keep_large_blocks_apart, release_in_background

INTERVAL_MS = 1_000
RELEASE_EVERY_S = 5.0


def collect_like_cpython() -> int:
    """One step of CPython's generational collection, here and now; objects freed."""
    threshold = gc.get_threshold()
    young, middle, old = gc.get_count()
    freed = 0
    if young > threshold[0]:
        freed += gc.collect(0)
        if middle > threshold[1]:
            freed += gc.collect(1)
            if old > threshold[2]:
                freed += gc.collect(2)
    return freed


class MainThreadGarbageCollector(QObject):
    """Switches automatic collection off while it lives; collects from a UI-thread timer."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.was_enabled = gc.isenabled()
        gc.disable()
        keep_large_blocks_apart()
        self.released_at = time.monotonic()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self.timer.start(interval_ms)

    def _tick(self) -> None:
        collect_like_cpython()
        if time.monotonic() - self.released_at >= RELEASE_EVERY_S:
            release_in_background()
            self.released_at = time.monotonic()

    def stop(self) -> None:
        """Collect once more and give collection back to CPython as it was."""
        self.timer.stop()
        gc.collect()
        if self.was_enabled:
            gc.enable()
