"""Fixtures: a fresh branch database in a temporary folder, on a fixed clock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.bootstrap import Branch, open_branch  # noqa: E402
from app.services.clock import FixedClock  # noqa: E402
from app.services.context import Actor, system_actor  # noqa: E402
from app.services.setup import BranchSetup, initialise_branch  # noqa: E402
from app.services.users import add_user, log_in  # noqa: E402
from tests.fakes import ADMIN, CASHIER, DEMO_DAY, SUPERVISOR  # noqa: E402


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(DEMO_DAY)


@pytest.fixture
def branch(tmp_path: Path, clock: FixedClock) -> Iterator[Branch]:
    """An initialised branch (KPG, counter L01, Buka Segel 2025 terms) with three users."""
    opened = open_branch(tmp_path / "branch", create=True, clock=clock)
    system = initialise_branch(opened.writing(), BranchSetup())
    for (username, password), role in ((CASHIER, "cashier"), (SUPERVISOR, "supervisor"),
                                       (ADMIN, "admin")):
        add_user(opened.writing(), system, username, username.title(), role, password)
    yield opened
    opened.close()


@pytest.fixture
def system(branch: Branch) -> Actor:
    with branch.reading() as uow:
        return system_actor(uow.session)


@pytest.fixture
def cashier(branch: Branch) -> Actor:
    return log_in(branch.writing(), *CASHIER)
