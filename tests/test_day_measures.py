"""The day benchmark's second-half measures: a growth is read from the medians of a few
samples at the middle and at the end, so one low or high sample neither makes nor hides
a growth."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextFrame
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from benchmarks.day_probe import Sample, creep, qt_objects


def _day(rss: list[float]) -> list[Sample]:
    return [Sample(seconds=float(i), visits=i * 5, searches=i * 80, rss_mb=value,
                   python_objects=100_000, rss_anon_mb=None, rss_file_mb=None,
                   sqlite_heap_mb=None, malloc_free_mb=None, qt_objects=700,
                   qt_wrappers=1_200, top_level_widgets=10, gc_counts=(0, 0, 0))
            for i, value in enumerate(rss)]


def test_one_low_sample_at_the_middle_makes_no_growth() -> None:
    rss = [200.0 + (i % 3) for i in range(61)]
    rss[30] = 180.0  # the sample at the middle, just after the heap was handed back
    counts = creep(_day(rss))["rss_mb"]
    assert counts["change"] >= 20  # two single samples say it grew
    assert abs(counts["steady_change"]) <= 2


def test_a_real_growth_is_seen_by_the_medians() -> None:
    rss = [200.0 + max(0, i - 30) * 0.5 for i in range(61)]  # 15 MB over the second half
    counts = creep(_day(rss))["rss_mb"]
    assert counts["steady_change"] == pytest.approx(14.0, abs=1.5)
    assert counts["trend_per_100_visits"] == pytest.approx(10.0, abs=0.5)


def test_counting_qt_objects_leaves_no_python_objects_behind(qapp: QApplication) -> None:
    """The day's probe counts a window's Qt objects, its labels' text frames among them,
    without making Python objects that outlive them (asked of Python, each count left a
    dead wrapper for every selectable label whose text had changed)."""
    window = QWidget()
    layout = QVBoxLayout(window)
    labels = []
    for number in range(5):
        label = QLabel(f"nilai {number}")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(label)
        labels.append(label)
    window.show()
    qapp.processEvents()
    try:
        first = qt_objects(qapp)
        for round_no in range(10):
            for label in labels:
                label.setText(f"nilai baru {round_no}")  # a new text frame each time
            qapp.processEvents()
            assert qt_objects(qapp) == first
        gc.collect()
        frames = [o for o in gc.get_objects() if isinstance(o, QTextFrame)]
        assert len(frames) <= len(labels)
    finally:
        window.close()
        window.deleteLater()
