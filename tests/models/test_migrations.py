"""Schema migrations: new and old branch databases reach the newest schema intact."""

from __future__ import annotations

import shutil
import sqlite3
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, select
from sqlalchemy.exc import SAWarning

from app.bootstrap import BranchDatabase, open_branch
from app.models import (
    AuditRecord,
    Base,
    Bill,
    Customer,
    CustomerStatus,
    Enrolment,
    EnrolmentState,
    Payment,
    Void,
    WorkOrder,
)
from app.models.database import BUSY_TIMEOUT_MS, database_path, make_engine
from app.models.migrate import current_revision, head_revision, upgrade
from app.services.audit.journal import verify_chain
from app.services.branch_info import branch_overview
from app.services.clock import FixedClock
from app.services.search.customers import search_customers
from app.services.shifts import open_shift
from app.services.users import log_in
from tests.support.fakes import DEMO_DAY

FROZEN_V1 = Path(__file__).resolve().parents[1] / "data" / "schema_v1.sqlite3"
REGENERATE = "python tests/data/make_schema_v1.py"


@pytest.fixture
def v1_branch(tmp_path: Path) -> Iterator[BranchDatabase]:
    """A copy of the frozen revision-0001 database, opened (and so upgraded) as a branch."""
    data_dir = tmp_path / "old-branch"
    data_dir.mkdir()
    shutil.copyfile(FROZEN_V1, database_path(data_dir))
    opened = open_branch(data_dir, clock=FixedClock(DEMO_DAY))
    yield opened
    opened.close()


def schema_objects(db_file: Path) -> list[tuple[str, str, str]]:
    connection = sqlite3.connect(db_file)
    try:
        rows = connection.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
        ).fetchall()
    finally:
        connection.close()
    return [(kind, name, " ".join(sql.split())) for kind, name, sql in rows]


# Made by hand in migrations, on purpose not in the models: the customer search index
# and the arrears it shows (tables, indexes and triggers named customer_search*).
MIGRATION_ONLY_PREFIXES = ("customer_search",)
MIGRATION_ONLY_NAMES: set[str] = set()


def migration_only_tables(engine: Engine) -> set[str]:
    """Virtual (full-text) tables with their shadow tables, and the search tables."""
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    return {name for name, _ in rows
            if name.startswith(MIGRATION_ONLY_PREFIXES)
            or any(name == root or name.startswith(f"{root}_") for root in virtual)}


def schema_differences(engine: Engine) -> list[Any]:
    """What autogenerate would change to make the database match the models."""
    skipped = migration_only_tables(engine) | MIGRATION_ONLY_NAMES | {"alembic_version"}

    def include_object(obj: Any, name: str | None, type_: str, reflected: bool,
                       compare_to: Any) -> bool:
        table = getattr(obj, "table", None)
        return name not in skipped and (table is None or table.name not in skipped)

    with engine.connect() as connection, warnings.catch_warnings():
        # Indexes on expressions (lower(...)) cannot be reflected; SQLAlchemy skips them.
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based",
                                SAWarning)
        context = MigrationContext.configure(connection, opts={
            "compare_type": True, "include_object": include_object})
        return list(compare_metadata(context, Base.metadata))


def test_empty_database_upgrades_to_head(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "new.sqlite3")
    try:
        assert current_revision(engine) is None
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        assert schema_differences(engine) == []
    finally:
        engine.dispose()


def test_frozen_v1_file_matches_revision_0001(tmp_path: Path) -> None:
    """Revision 0001 is released: editing it would leave branches on a different schema."""
    fresh = tmp_path / "fresh-0001.sqlite3"
    engine = make_engine(fresh)
    upgrade(engine, "0001")
    engine.dispose()
    assert schema_objects(fresh) == schema_objects(FROZEN_V1), (
        f"migration 0001 no longer builds the schema frozen in {FROZEN_V1.name}; "
        f"put schema changes in a new migration (or, before any release, run {REGENERATE})")


def test_v1_database_upgrades_to_head_and_matches_models(v1_branch: BranchDatabase) -> None:
    assert current_revision(v1_branch.writer) == head_revision()
    assert schema_differences(v1_branch.writer) == []


def test_v1_data_survives_the_upgrade(v1_branch: BranchDatabase) -> None:
    with v1_branch.reading() as uow:
        session = uow.session
        customers = {c.connection_no: c for c in session.scalars(select(Customer))}
        assert set(customers) == {"0103000451", "0204001187", "0301000022"}
        assert customers["0204001187"].name == "Maria Ndun"
        assert customers["0204001187"].status is CustomerStatus.SEALED
        maria_bills = session.scalars(
            select(Bill).where(Bill.customer_id == customers["0204001187"].id)).all()
        assert [b.period for b in maria_bills] == ["2025-08", "2025-09", "2025-10"]
        assert sum(b.outstanding for b in maria_bills) == 3 * (87_500 + 8_750)

        [enrolment] = session.scalars(select(Enrolment)).all()
        assert enrolment.state is EnrolmentState.ACTIVE
        assert (enrolment.amount_due, enrolment.down_payment_due) == (600_000, 300_000)
        payments = session.scalars(select(Payment).order_by(Payment.id)).all()
        assert [p.receipt_no for p in payments] == [f"KPG-L01-2025-00000{n}" for n in (1, 2, 3)]
        assert sum(p.amount for p in payments) == 500_000
        [void] = session.scalars(select(Void)).all()
        assert void.payment_id == payments[2].id
        [order] = session.scalars(select(WorkOrder)).all()
        assert order.number == "SPK-KPG-L01-2025-00001"
    hits = search_customers(v1_branch.reading(), "0204001187").hits
    assert [h.arrears for h in hits] == [3 * (87_500 + 8_750)]  # stored by migration 0005


def test_v1_audit_chain_users_and_overview_still_work(v1_branch: BranchDatabase) -> None:
    with v1_branch.reading() as uow:
        report = verify_chain(uow.session)
    assert (report.ok, report.records) == (True, 12), report.problem
    actor = log_in(v1_branch.writing(), "kasir", "kasir123")
    assert (actor.counter_code, actor.branch_code) == ("L01", "KPG")
    open_shift(v1_branch.writing(), actor, 200_000)  # a new record: keyed, after plain ones
    with v1_branch.reading() as uow:
        report = verify_chain(uow.session)
        chains = list(uow.session.scalars(select(AuditRecord.chain).order_by(AuditRecord.id)))
    assert (report.ok, chains[:12], chains[-1]) == (True, [0] * 12, 1), report.problem
    overview = branch_overview(v1_branch.reading())
    assert (overview.branch_name, overview.customers) == ("Kantor Pelayanan Kota Kupang", 3)


def test_opened_branch_runs_with_safe_pragmas(branch: BranchDatabase) -> None:
    for engine in (branch.writer, branch.reader):
        with engine.connect() as connection:
            def pragma(name: str, conn: Any = connection) -> Any:
                return conn.exec_driver_sql(f"PRAGMA {name}").scalar()

            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 2  # FULL: a committed payment survives power loss
            assert pragma("foreign_keys") == 1
            assert pragma("busy_timeout") == BUSY_TIMEOUT_MS > 0
