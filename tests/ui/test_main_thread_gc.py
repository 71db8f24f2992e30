"""The window's garbage collector: collection runs on the UI thread, never in a worker."""

from __future__ import annotations

import gc
import threading

from pytestqt.qtbot import QtBot

from app.ui.main_thread_gc import MainThreadGarbageCollector, collect_like_cpython


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

