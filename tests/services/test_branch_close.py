"""Closing a branch database leaves no connection open, even for work that comes after."""

from __future__ import annotations

import gc
import warnings
from pathlib import Path

from sqlalchemy import select

from app.bootstrap import open_branch
from app.models import Customer
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
