"""The window's garbage collector: collection runs on the UI thread, never in a worker."""

from __future__ import annotations

import gc
import sys
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.ui.main_thread_gc import (
    MainThreadGarbageCollector,
    collect_like_cpython,
    release_free_memory,
)


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collection_happens_on_the_ui_thread_only(qtbot: QtBot) -> None:
    gc.enable()
    collector = MainThreadGarbageCollector(interval_ms=10)
    try:
        assert not gc.isenabled()  # a worker allocating can no longer start a collection
        where: list[str] = []

        def note(phase: str, _info: dict[str, int]) -> None:
            if phase == "start":
                where.append(threading.current_thread().name)

        gc.callbacks.append(note)
        try:
            worker = threading.Thread(target=lambda: [Cycle() for _ in range(50_000)],
                                      name="worker")
            worker.start()
            worker.join()
            qtbot.waitUntil(lambda: bool(where), timeout=2_000)
        finally:
            gc.callbacks.remove(note)
        assert set(where) == {threading.main_thread().name}
    finally:
        collector.stop()
    assert gc.isenabled()  # given back as it was
    gc.disable()  # as the test session keeps it


def test_a_step_collects_the_young_generation_once_it_has_grown() -> None:
    gc.collect()
    for _ in range(gc.get_threshold()[0] + 10):
        Cycle()
    assert collect_like_cpython() > 0
    assert collect_like_cpython() == 0  # nothing young left


def _resident_mb() -> float:
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(sys.platform != "linux", reason="glibc's heap; Windows gives pages back")
def test_memory_freed_by_passing_work_goes_back_to_the_system() -> None:
    # 100 MB in 64 KB blocks (under glibc's mmap threshold: they come from the heap),
    # a 16 KB block kept after each (too large for the small free blocks left by earlier
    # work, so it comes after its neighbour) so that the heap cannot shrink from its top
    blocks = [(bytearray(64 * 1024), bytearray(16 * 1024)) for _ in range(1_600)]
    kept = [small for _big, small in blocks]
    del blocks
    before = _resident_mb()
    assert release_free_memory()
    assert _resident_mb() < before - 50
    del kept
