"""Head office's background work waits for a lull in the changes (``headoffice/lull.py``)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from headoffice.lull import Lull


class Work:
    """Counts its runs; ``slow`` seconds each."""

    def __init__(self, slow: float = 0.0, fail: bool = False) -> None:
        self.runs: list[float] = []
        self.slow, self.fail = slow, fail
        self.started = threading.Event()

    def __call__(self) -> None:
        self.started.set()
        time.sleep(self.slow)
        self.runs.append(time.monotonic())
        if self.fail:
            raise RuntimeError("the database went away")


def _until(condition: object, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.02)
    return False


def test_without_a_quiet_time_the_work_runs_as_it_is_asked_for() -> None:
    work = Work()
    lull = Lull(work)
    lull.changed()
    lull.wanted()
    assert len(work.runs) == 2  # in the caller's thread, before it goes on


def test_once_closed_no_work_runs_even_without_a_thread() -> None:
    work = Work()
    lull = Lull(work)
    lull.close()
    lull.changed()
    assert work.runs == []


def test_closing_waits_for_the_work_an_answering_thread_is_doing() -> None:
    """The app closes its lull before its database: a change answered just before keeps
    the database until its work is done."""
    go = threading.Event()
    work = Work()
    lull = Lull(lambda: (work(), go.wait(5)))
    answering = threading.Thread(target=lull.changed)
    answering.start()
    assert work.started.wait(5)
    closing = threading.Thread(target=lull.close)
    closing.start()
    closing.join(0.3)
    assert closing.is_alive()  # the work under way holds it
    go.set()
    closing.join(5)
    answering.join(5)
    assert not closing.is_alive() and len(work.runs) == 1
    lull.changed()
    assert len(work.runs) == 1


def test_while_changes_keep_coming_the_work_waits_then_runs_once() -> None:
    work = Work()
    lull = Lull(work, quiet=0.4)
    try:
        until = time.monotonic() + 1.2
        last_change = 0.0
        while time.monotonic() < until:  # a change every 0.1 s, as counters pushing
            last_change = time.monotonic()
            lull.changed()
            time.sleep(0.1)
        assert work.runs == []
        assert _until(lambda: work.runs)
        time.sleep(0.6)
        assert len(work.runs) == 1 and work.runs[0] - last_change >= 0.4
    finally:
        lull.close()


def test_changes_that_never_stop_wait_at_most_so_long() -> None:
    work = Work()
    lull = Lull(work, quiet=0.5, at_most=0.8)
    try:
        first = time.monotonic()
        until = first + 2.0
        while time.monotonic() < until:
            lull.changed()
            time.sleep(0.05)
        assert work.runs, "the work ran although the changes never paused"
        assert work.runs[0] - first >= 0.75
    finally:
        lull.close()


def test_work_wanted_without_a_change_runs_at_once_unless_changes_come_in() -> None:
    work = Work()
    lull = Lull(work, quiet=5.0)
    try:
        asked = time.monotonic()
        lull.wanted()  # e.g. a counter was given a stale snapshot
        assert _until(lambda: work.runs, 2.0)
        assert work.runs[0] - asked < 2.0  # not the 5 s of quiet
        lull.changed()
        lull.wanted()  # changes are coming in: it waits for their lull
        time.sleep(0.5)
        assert len(work.runs) == 1
    finally:
        lull.close()


def test_closing_drops_what_waits_and_waits_for_what_runs() -> None:
    """The app closes its lull before its database: no work outlives the server."""
    work = Work(slow=0.5)
    lull = Lull(work, quiet=0.05)
    lull.changed()
    assert work.started.wait(2.0)
    lull.changed()  # waits for the next lull
    lull.close()
    assert len(work.runs) == 1  # the one under way ended before close returned
    lull.changed()
    time.sleep(0.3)
    assert len(work.runs) == 1


def test_a_failure_is_logged_and_the_next_change_runs_it_again(
        caplog: pytest.LogCaptureFixture) -> None:
    work = Work(fail=True)
    lull = Lull(work, quiet=0.05, name="figures")
    try:
        lull.changed()
        assert _until(lambda: work.runs)
        lull.changed()
        assert _until(lambda: len(work.runs) == 2)
    finally:
        lull.close()
    assert "figures" in caplog.text and "the database went away" in caplog.text


class Stopping:
    """Raises one ``BaseException`` that is not an ``Exception`` the first time, then runs."""

    def __init__(self, error: BaseException) -> None:
        self.error: BaseException | None = error
        self.runs = 0

    def __call__(self) -> None:
        self.runs += 1
        error, self.error = self.error, None
        if error is not None:
            raise error


@pytest.mark.parametrize("error", [SystemExit(3), KeyboardInterrupt(), GeneratorExit()],
                         ids=lambda error: type(error).__name__)
def test_work_that_raises_past_exception_leaves_the_lull_making_the_next(
        error: BaseException, caplog: pytest.LogCaptureFixture) -> None:
    """A job ending in ``SystemExit`` and the like stopped the lull's thread for good:
    head office went on answering but made its figures and snapshots no more."""
    work = Stopping(error)
    lull = Lull(work, quiet=0.05, name="figures")
    try:
        lull.changed()
        assert _until(lambda: work.runs == 1)
        lull.changed()
        assert _until(lambda: work.runs == 2), "the lull stopped making its work"
    finally:
        lull.close()
    assert "figures" in caplog.text and type(error).__name__ in caplog.text


def test_work_in_the_callers_thread_lets_an_interrupt_stop_the_caller() -> None:
    """Without a thread of its own the work's interrupt is the caller's to answer."""
    lull = Lull(Stopping(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        lull.changed()
    lull.changed()  # and the lull still makes the work next time


def test_the_interpreter_still_stops_with_the_lull_at_work() -> None:
    """A server that ends without closing its lull (its work just stopped by a
    ``SystemExit``, the next under way) still ends at once."""
    script = textwrap.dedent("""
        import threading, time
        from headoffice.lull import Lull
        started = threading.Event()
        def work():
            if not started.is_set():
                started.set()
                raise SystemExit(1)
            time.sleep(60)
        lull = Lull(work, quiet=0.01)
        lull.changed()
        started.wait(5)
        time.sleep(0.1)
        lull.changed()
        time.sleep(0.2)
        print("done")
    """)
    began = time.monotonic()
    ended = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                           timeout=30, cwd=Path(__file__).resolve().parents[2])
    assert (ended.returncode, ended.stdout.strip()) == (0, "done"), ended.stderr
    assert time.monotonic() - began < 20  # not the work's 60 s
