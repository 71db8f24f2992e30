"""What a long run of the counter window leaves behind: memory and object counts.

A :class:`Sample` notes the process's resident memory (RSS), the Python objects the
collector tracks (``gc.get_objects()``), the Qt objects alive under the application
and its top-level windows, the Python wrappers of Qt objects that are still valid
(shiboken's own list) and the collector's generation counts — without collecting
first, so garbage the window's collection timer has not reached yet shows as growth.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from benchmarks.day_memory import malloc_memory, sqlite_heap_mb

try:
    from shiboken6 import Shiboken
except ImportError:  # pragma: no cover - shiboken6 ships with PySide6
    Shiboken = None


@dataclass(frozen=True)
class Sample:
    """One look at the process, ``seconds`` after the run began."""

    seconds: float
    visits: int  # customers served so far
    searches: int
    rss_mb: float
    python_objects: int
    rss_anon_mb: float | None  # of it: the process's own memory (Linux)
    rss_file_mb: float | None  # and pages of libraries and files mapped (Linux)
    sqlite_heap_mb: float | None  # SQLite's heap: its page caches, mostly
    malloc_free_mb: float | None  # held by the C allocator but free (glibc)
    qt_objects: int
    qt_wrappers: int
    top_level_widgets: int
    gc_counts: tuple[int, int, int]

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _status_mb(field: str) -> float | None:
    """A memory figure of ``/proc/self/status`` in MB (Linux), or None."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="ascii").splitlines():
            if line.startswith(f"{field}:"):
                return round(int(line.split()[1]) / 1024, 1)
    return None


def rss_mb() -> float:
    """The resident memory of this process in MB (Linux ``/proc``; elsewhere the peak)."""
    found = _status_mb("VmRSS")
    if found is not None:
        return found
    import resource  # POSIX only

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def qt_objects(app: QApplication) -> int:
    """QObjects under the application and under every top-level widget, themselves
    included, counted from Qt's own dump of each tree: asking Python for them
    (``findChildren``) would give every short-lived child a Python wrapper — a selectable
    label's text frame, a style's animation — and PySide keeps such a wrapper after its
    object is gone, so the count of Python objects would creep by the probe's doing."""
    roots: list[QObject] = [app, *QApplication.topLevelWidgets()]
    lines: list[str] = []
    previous = qInstallMessageHandler(lambda _mode, _context, message: lines.append(message))
    try:
        for root in roots:
            root.dumpObjectTree()
    finally:
        qInstallMessageHandler(previous)
    return len(lines)


def qt_wrappers() -> int:
    """Python wrappers whose Qt object is still alive (0 where shiboken cannot say)."""
    if Shiboken is None or not hasattr(Shiboken, "getAllValidWrappers"):
        return 0
    return len(Shiboken.getAllValidWrappers())


def take_sample(app: QApplication, started: float, visits: int, searches: int) -> Sample:
    counts = gc.get_count()
    return Sample(
        seconds=round(time.perf_counter() - started, 2), visits=visits, searches=searches,
        rss_mb=round(rss_mb(), 1), python_objects=len(gc.get_objects()),
        rss_anon_mb=_status_mb("RssAnon"), rss_file_mb=_status_mb("RssFile"),
        sqlite_heap_mb=sqlite_heap_mb(), malloc_free_mb=malloc_memory().get("free_mb"),
        qt_objects=qt_objects(app), qt_wrappers=qt_wrappers(),
        top_level_widgets=len(QApplication.topLevelWidgets()),
        gc_counts=(counts[0], counts[1], counts[2]))


def second_half(samples: list[Sample]) -> list[Sample]:
    """The samples from the middle of the run (by customers served) to its end."""
    middle = samples[-1].visits / 2
    return [s for s in samples if s.visits >= middle]


def slope_per_100(samples: list[Sample], field: str) -> float:
    """Least-squares growth of ``field`` per 100 customers served (0 with < 2 samples)."""
    if len(samples) < 2 or samples[0].visits == samples[-1].visits:
        return 0.0
    xs = [float(s.visits) for s in samples]
    ys = [float(getattr(s, field)) for s in samples]
    return statistics.linear_regression(xs, ys).slope * 100


STEADY_SAMPLES = 5
"""Samples read together at the middle and at the end: from one sample to the next the
RSS moves by several MB as the C heap's free pages are handed back every 5 s, so two
single samples can show a growth that is not there (or hide one)."""


def _median_near(samples: list[Sample], index: int, field: str) -> float:
    """The median of ``field`` over the :data:`STEADY_SAMPLES` samples centred on
    ``index`` (moved inwards at either end of the run)."""
    start = max(0, min(index - STEADY_SAMPLES // 2, len(samples) - STEADY_SAMPLES))
    window = samples[start:start + STEADY_SAMPLES]
    return statistics.median(float(getattr(s, field)) for s in window)


def creep(samples: list[Sample]) -> dict[str, dict[str, float]]:
    """For each count: its value at the middle and at the end, the change between them,
    the change between the medians of the samples around the middle and of the last ones
    (``steady_change``, what the targets read), and the trend over the second half (per
    100 customers)."""
    half = second_half(samples)
    first, last = half[0], half[-1]
    middle = samples.index(first)
    return {field: {"middle": getattr(first, field), "end": getattr(last, field),
                    "change": round(getattr(last, field) - getattr(first, field), 1),
                    "steady_change": round(_median_near(samples, len(samples) - 1, field)
                                           - _median_near(samples, middle, field), 1),
                    "trend_per_100_visits": round(slope_per_100(half, field), 1)}
            for field in ("rss_mb", "python_objects", "qt_objects", "qt_wrappers")}


def collect_now() -> dict[str, int]:
    """Collect every generation here and now: what the timer had left, and what remains."""
    before = len(gc.get_objects())
    freed = gc.collect()
    return {"objects_before": before, "freed": freed, "objects_after": len(gc.get_objects()),
            "pid": os.getpid()}
