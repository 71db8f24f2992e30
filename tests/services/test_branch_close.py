"""Closing a branch database leaves no connection open, even for work that comes after."""

from __future__ import annotations

import gc
import threading
import warnings
from pathlib import Path

from sqlalchemy import select

from app.bootstrap import BranchDatabase, open_branch
from app.models import Customer, Setting
from app.services.clock import FixedClock
from tests.support.fakes import DEMO_DAY


def test_work_arriving_after_the_close_leaves_no_connection_open(tmp_path: Path) -> None:
    """A background task that finishes while the window closes (the account page's list
    of change requests, say) may still ask for a unit of work once the branch is closed:
    it is answered, and its connection is closed when given back, not left for the
    collector to find."""
    branch = open_branch(tmp_path / "branch", create=True, clock=FixedClock(DEMO_DAY))
    with branch.reading() as uow:
        uow.session.execute(select(Customer.id).limit(1)).all()
    branch.close()

    with branch.reading() as uow:  # late: after the close
        assert uow.session.execute(select(Customer.id).limit(1)).all() == []
    with branch.writing() as uow:
        uow.session.execute(select(Customer.id).limit(1)).all()
        uow.commit()

    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        del branch, uow
        gc.collect()
    unclosed = [w for w in seen if issubclass(w.category, ResourceWarning)]
    assert unclosed == [], "a connection was left open after the branch was closed"


def test_closing_waits_for_a_write_under_way_in_another_thread(tmp_path: Path) -> None:
    """A payment a background task is writing as the program ends is finished first."""
    branch = open_branch(tmp_path / "branch", create=True, clock=FixedClock(DEMO_DAY))
    begun, may_commit = threading.Event(), threading.Event()

    def pay() -> None:
        with branch.writing() as uow:
            uow.session.add(Setting(key="last-payment", value="2400000"))
            uow.session.flush()
            begun.set()
            may_commit.wait(10)
            uow.commit()

    writer = threading.Thread(target=pay)
    writer.start()
    assert begun.wait(10)
    closing = threading.Thread(target=branch.close)
    closing.start()
    closing.join(0.3)
    assert closing.is_alive()  # the write holds it
    may_commit.set()
    closing.join(10)
    writer.join(10)
    assert not closing.is_alive()
    with branch.reading() as uow:
        assert uow.session.get(Setting, "last-payment") is not None


def test_a_threads_own_write_is_not_waited_for_by_that_thread(tmp_path: Path) -> None:
    """Closing from inside a write cannot wait for that write: it would wait for ever."""
    branch = open_branch(tmp_path / "branch", create=True, clock=FixedClock(DEMO_DAY))
    with branch.writing() as uow:
        uow.session.execute(select(Customer.id).limit(1)).all()
        assert branch.writes_ended(0)
        assert not branch_writes_ended_elsewhere(branch)
    branch.close()


def branch_writes_ended_elsewhere(branch: BranchDatabase) -> bool:
    """``writes_ended`` as another thread sees it."""
    seen: list[bool] = []
    asking = threading.Thread(target=lambda: seen.append(branch.writes_ended(0)))
    asking.start()
    asking.join(10)
    return seen == [True]
