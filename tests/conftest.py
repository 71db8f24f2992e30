"""Fixtures: a fresh branch database in a temporary folder, on a fixed clock."""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the OS credential store: receipt keys go to files in the data dir.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
# Nor the user's real settings and data folders (a configured receipt printer, say).
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="loket-tests-config-")
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="loket-tests-data-")

from app.bootstrap import BranchDatabase, open_branch
from app.models.database import database_path
from app.services.clock import FixedClock
from app.services.context import Actor, system_actor
from app.services.setup import BranchSetup, initialise_branch
from app.services.shifts import open_shift
from app.services.users import add_user
from app.ui.main_thread_gc import collect_like_cpython
from app.ui.paint_threads import paint_on_the_ui_thread
from tests.support.fakes import ADMIN, CASHIER, DEMO_DAY, SUPERVISOR, actor_for

paint_on_the_ui_thread()  # as the counter app paints, before pytest-qt makes the app

# As in the app (app/ui/main_thread_gc.py): no automatic collection, which could start
# in a background thread and destroy Qt objects there; the main thread collects after
# each test instead.
gc.disable()


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """``scripts/dev.py test``'s workers (``--dist loadfile``): a test file runs whole in
    one worker, so its module-wide servers and databases are set up once; but every test
    on PostgreSQL runs in one worker. A branch pulls only the changes committed before the
    oldest transaction still open on the server (the whole server, every schema), so
    another worker's transaction would hold back a test's pull."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class PostgresInOneWorker(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            params = nodeid.partition("[")[2].rstrip("]").split("-")
            return "postgresql" if "postgresql" in params else nodeid.split("::")[0]

    return PostgresInOneWorker(config, log)


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_main_thread() -> Iterator[None]:
    yield
    collect_like_cpython()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(DEMO_DAY)


@pytest.fixture(scope="session")
def branch_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, initialised branch made once per test run and copied for each test."""
    data_dir = tmp_path_factory.mktemp("template") / "branch"
    opened = open_branch(data_dir, create=True, clock=FixedClock(DEMO_DAY))
    system = initialise_branch(opened.writing(), BranchSetup())
    for (username, password), role in ((CASHIER, "cashier"), (SUPERVISOR, "supervisor"),
                                       (ADMIN, "admin")):
        add_user(opened.writing(), system, username, username.title(), role, password)
    opened.close()  # the last connection to close folds the WAL into the file
    return database_path(data_dir)


@pytest.fixture
def branch(tmp_path: Path, clock: FixedClock, branch_template: Path) -> Iterator[BranchDatabase]:
    """An initialised branch (KPG, counter L01, Buka Segel 2025 terms) with three users:
    kasir (cashier), spv (supervisor) and admin — passwords in tests/support/fakes.py."""
    data_dir = tmp_path / "branch"
    data_dir.mkdir()
    shutil.copyfile(branch_template, database_path(data_dir))
    opened = open_branch(data_dir, clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def system(branch: BranchDatabase) -> Actor:
    with branch.reading() as uow:
        return system_actor(uow.session)


@pytest.fixture
def cashier(branch: BranchDatabase) -> Actor:
    """The cashier, signed in without the cost of a password check (see test_users),
    with a shift opened on a Rp 500,000 float."""
    actor = actor_for(branch, CASHIER[0])
    open_shift(branch.writing(), actor, 500_000)
    return actor
