"""The demo branch: a deterministic Kota Kupang customer base for trying Loket out.

It mirrors the Buka Segel press story: 17,405 customers, about 7,000 of them sealed,
about Rp 4.7 billion of arrears, and one sealed customer in Penkase Oeleta owing
Rp 2,400,000 since 2021. The same seed always gives the same rows. Customers and bills
are bulk-inserted in chunks of a transaction each (:mod:`app.services.demo.load`), the
search index built once at the end, with a single audit record; demo data is not sent
to head office. A million customers take a few minutes.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models import Customer, Setting
from app.models.database import database_path, make_engine, make_session_factory
from app.models.migrate import upgrade
from app.services.audit.journal import record_change
from app.services.clock import BusinessDateClock, Clock
from app.services.context import BUSINESS_DATE_KEY, Actor, system_actor
from app.services.demo.dice import Dice
from app.services.demo.load import CHUNK_CUSTOMERS, Progress, WritableBranch, load_demo_rows
from app.services.demo.plan import FULL_CUSTOMERS, SEALED, make_plan
from app.services.demo.rows import FEATURED, RowBuilder
from app.services.setup import BranchSetup, initialise_branch
from app.services.unit_of_work import UnitOfWork
from app.services.users import add_user

DEMO_BUSINESS_DATE = dt.date(2025, 11, 24)
DEMO_USERS = (
    ("kasir1", "kasir123", "cashier", "Kasir Satu"),
    ("kasir2", "kasir234", "cashier", "Kasir Dua"),
    ("spv1", "spv12345", "supervisor", "Supervisor Loket"),
    ("admin", "admin123", "admin", "Admin Cabang"),
)
FEATURED_CONNECTION_NO: str = FEATURED.connection_no
FEATURED_NAME: str = FEATURED.name
# The setting app.bootstrap reads for a fixed business date (services may not import it).
MAX_CUSTOMERS = 1_500_000
GENERATOR_VERSION = 2
"""Raised whenever the same seed and size would give other rows or another layout
(benchmarks key their cached demo branches by it)."""
FULL_HISTORY_LIMIT = 100_000   # above this, active customers keep only 2 months of bills


@dataclass(frozen=True)
class DemoSummary:
    customers: int
    sealed: int
    arrears_total: int
    bills: int
    seconds: float


def generate_demo(branch: WritableBranch, *, customers: int = FULL_CUSTOMERS,
                  seed: int = 2025, chunk: int = CHUNK_CUSTOMERS,
                  progress: Progress | None = None) -> DemoSummary:
    """Insert the demo customers and their bills into an initialised branch without any,
    ``chunk`` customers per transaction (:mod:`app.services.demo.load`); ``progress`` is
    told the customers loaded after each chunk.

    Raises ``ValueError`` for a size outside 1 … ``MAX_CUSTOMERS`` or if the branch
    already has customers.
    """
    _check_size(customers)
    started = time.perf_counter()
    plan = make_plan(customers, Dice(f"loket-demo-plan-{seed}"))
    history = 12 if customers <= FULL_HISTORY_LIMIT else 2
    builder = RowBuilder(plan, Dice(f"loket-demo-rows-{seed}"), history)
    sealed = sum(1 for status in plan.status if status == SEALED)
    with branch.writing() as uow:
        if uow.session.scalar(select(Customer.id).limit(1)) is not None:
            raise ValueError("this branch already has customers; the demo needs an empty one")

    def record(uow: UnitOfWork, bills: int) -> None:
        actor = system_actor(uow.session)
        record_change(uow.session, actor, uow.now, action="demo.generate", entity="branch",
                      entity_id=actor.branch_code,
                      details={"seed": seed, "customers": customers, "sealed": sealed,
                               "bills": bills, "arrears_total": builder.arrears,
                               "featured": FEATURED_CONNECTION_NO})

    bills = load_demo_rows(branch, builder, customers, finish=record, chunk=chunk,
                           progress=progress)
    return DemoSummary(customers, sealed, builder.arrears, bills,
                       round(time.perf_counter() - started, 3))


@dataclass
class _DemoBranch:
    sessions: sessionmaker[Session]
    clock: Clock

    def writing(self) -> UnitOfWork:
        return UnitOfWork(self.sessions, self.clock)


def create_demo_branch(data_dir: Path, *, customers: int = FULL_CUSTOMERS,
                       seed: int = 2025, progress: Progress | None = None) -> DemoSummary:
    """Create a new branch database in ``data_dir`` holding the demo (``progress``: as
    :func:`generate_demo`).

    The branch runs on ``DEMO_BUSINESS_DATE`` and has the ``DEMO_USERS``. A folder that
    already holds a branch database is refused with ``ValueError``; if the generation
    fails, the half-made database is removed again.
    """
    _check_size(customers)
    db_file = database_path(data_dir)
    if db_file.exists():
        raise ValueError(f"{data_dir} already holds a branch database; "
                         "create the demo branch in a new folder")
    started = time.perf_counter()
    data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(db_file, writer=True)
    try:
        upgrade(engine)
        branch = _DemoBranch(make_session_factory(engine), BusinessDateClock(DEMO_BUSINESS_DATE))
        actor = initialise_branch(branch.writing(), BranchSetup())
        _store_business_date(branch.writing(), actor)
        for username, password, role, full_name in DEMO_USERS:
            add_user(branch.writing(), actor, username, full_name, role, password)
        summary = generate_demo(branch, customers=customers, seed=seed, progress=progress)
    except BaseException:
        engine.dispose()
        for suffix in ("", "-wal", "-shm"):
            db_file.with_name(db_file.name + suffix).unlink(missing_ok=True)
        raise
    engine.dispose()
    return replace(summary, seconds=round(time.perf_counter() - started, 3))


def _store_business_date(uow: UnitOfWork, actor: Actor) -> None:
    with uow:
        value = DEMO_BUSINESS_DATE.isoformat()
        uow.session.add(Setting(key=BUSINESS_DATE_KEY, value=value))
        record_change(uow.session, actor, uow.now, action="setting.set", entity="setting",
                      entity_id=BUSINESS_DATE_KEY, details={"key": BUSINESS_DATE_KEY,
                                                            "value": value})
        uow.commit()


def _check_size(customers: int) -> None:
    if not 1 <= customers <= MAX_CUSTOMERS:
        raise ValueError(f"the demo holds 1 to {MAX_CUSTOMERS:,} customers, not {customers:,}")
