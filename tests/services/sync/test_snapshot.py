"""A new counter's first pull: the branch snapshot, fetched resumably through a real link.

Head office runs for real (uvicorn); the counter reaches it through the loopback proxy
(tests/support/lossy_proxy.py), which can cut an answer after a chosen number of bytes. A cut
download keeps what came and the next pull continues from there; a damaged file or one
of another epoch is dropped and fetched again; after the snapshot, pages continue from
its cursor.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from app.bootstrap import BranchDatabase, open_branch
from app.models import AuditRecord, Bill, Customer
from app.models.database import database_path
from app.services.clock import FixedClock
from app.services.errors import DomainError, ErrorCode
from app.services.search.customers import bulk_loading, search_customers
from app.services.sync import (
    HttpTransport,
    KeyringTokenStore,
    export_bundle,
    import_reply,
    open_transport,
    pull_changes,
)
from app.services.sync.apply import apply_changes
from app.services.sync.protocol import CURSOR_KEY, get_setting
from app.services.sync.snapshot import kept_bytes, partial_files
from app.services.sync.snapshot_fresh import load_fresh
from app.services.sync.snapshot_load import read_snapshot
from app.services.unit_of_work import UnitOfWork
from headoffice import snapshot as office_snapshot
from headoffice.bundle import import_bundle
from headoffice.changes import bills_changed, customer_changed
from headoffice.db import start_epoch
from headoffice.models import Bill as OfficeBill
from headoffice.models import Customer as OfficeCustomer
from headoffice.snapshot import SnapshotInfo
from headoffice.snapshot_ahead import snapshots
from tests.services.sync.test_session import second_branch
from tests.support.lossy_proxy import LossyProxy
from tests.support.office_server import RunningOffice, start_office
from tests.support.sync_fakes import Killer, SimulatedCrash

CUSTOMERS = 120
WORDS = ("Yohanes", "Maria", "Bere", "Lado", "Tefa", "Nope", "Kase", "Manu", "Seran", "Bana")


@pytest.fixture
def office(tmp_path: Path) -> Iterator[RunningOffice]:
    with start_office(tmp_path) as running:
        publish_varied(running, CUSTOMERS)
        yield running


@pytest.fixture
def link(office: RunningOffice) -> Iterator[LossyProxy]:
    with LossyProxy(("127.0.0.1", office.port), rate=None) as proxy:
        yield proxy


@pytest.fixture
def store_of(branch: BranchDatabase, office: RunningOffice, link: LossyProxy) -> KeyringTokenStore:
    """This counter registered with head office (its token store)."""
    return office.register(branch, link.url)


@pytest.fixture
def transport(branch: BranchDatabase, store_of: KeyringTokenStore) -> HttpTransport:
    return open_transport(branch.reading(), store_of, timeout=10)


def publish_varied(office: RunningOffice, count: int, *, first: int = 0) -> None:
    """``count`` customers with names, meters and bills of their own (data that does not
    compress to nothing), published to the branches."""
    pick = random.Random(first)
    with office.db.writing() as session:
        for n in range(first, first + count):
            customer = OfficeCustomer(
                connection_no=f"3{n:07d}", name=" ".join(pick.sample(WORDS, 3)),
                address=f"Jl. {pick.choice(WORDS)} No. {pick.randrange(1, 300)}", rt="001",
                rw="002", kelurahan="Oesapa", kecamatan="Kelapa Lima", tariff_group="R2",
                meter_no=f"M{pick.getrandbits(40):x}", phone=f"08{pick.getrandbits(30)}",
                status="sealed", status_date=dt.date(2022, 1, 1), version=1)
            session.add(customer)
            session.flush()
            bills = [OfficeBill(customer_id=customer.id, period=f"2024-{m:02d}",
                                water_charge=pick.randrange(20_000, 200_000), fees=5_000,
                                penalty=pick.randrange(0, 10_000),
                                due_date=dt.date(2024, m, 20), settled=False,
                                reading_start=0, reading_end=0, usage_m3=0)
                     for m in range(1, 7)]
            session.add_all(bills)
            session.flush()
            customer_changed(session, customer)
            bills_changed(session, customer, bills)


def held(branch: BranchDatabase) -> tuple[int, int]:
    with branch.reading() as uow:
        return (uow.session.scalar(select(func.count()).select_from(Customer)) or 0,
                uow.session.scalar(select(func.count()).select_from(Bill)) or 0)


def cursor(branch: BranchDatabase) -> str:
    with branch.reading() as uow:
        return get_setting(uow.session, CURSOR_KEY) or ""


def audit_actions(branch: BranchDatabase, action: str) -> int:
    with branch.reading() as uow:
        return uow.session.scalar(select(func.count()).select_from(AuditRecord).where(
            AuditRecord.action == action)) or 0


def arrears_index(branch: BranchDatabase) -> dict[int, int]:
    """The arrears the search keeps per customer (``customer_search_arrears``)."""
    with branch.reading() as uow:
        rows = uow.session.execute(text("SELECT customer_id, amount FROM "
                                        "customer_search_arrears WHERE amount > 0"))
        return {int(customer): int(amount) for customer, amount in rows}


def arrears_of_bills(branch: BranchDatabase) -> dict[int, int]:
    with branch.reading() as uow:
        rows = uow.session.execute(select(Bill.customer_id, func.sum(
            Bill.water_charge + Bill.fees + Bill.penalty - Bill.penalty_waived
            - Bill.paid_amount)).where(Bill.settled.is_(False)).group_by(Bill.customer_id))
        return {int(customer): int(amount) for customer, amount in rows}


def search_keys(branch: BranchDatabase) -> dict[int, int]:
    """Each customer's place in the search index (its key in name order)."""
    with branch.reading() as uow:
        return {int(customer): int(key) for customer, key in uow.session.execute(
            text("SELECT id, key FROM customer_search_text"))}


class RowsWritten:
    """A unit of work of the branch whose commit adds the rows it wrote to ``tally``
    (SQLite's count of rows inserted, updated or deleted, by triggers too)."""

    def __init__(self, inner: UnitOfWork, tally: list[int]) -> None:
        self._inner, self._tally, self._start = inner, tally, 0

    def __enter__(self) -> RowsWritten:
        self._inner.__enter__()
        self._start = self._driver().total_changes
        return self

    def __exit__(self, *exc: object) -> None:
        self._inner.__exit__(*exc)  # type: ignore[arg-type]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def _driver(self) -> Any:
        return self._inner.session.connection().connection.driver_connection

    def commit(self) -> None:
        self._tally.append(self._driver().total_changes - self._start)
        self._inner.commit()


def offer(office: RunningOffice) -> SnapshotInfo:
    return snapshots().current(office.db, "KPG")[0]


def test_a_first_pull_loads_the_snapshot_then_pages_on_from_its_cursor(
        branch: BranchDatabase, office: RunningOffice, link: LossyProxy,
        transport: HttpTransport) -> None:
    result = pull_changes(branch.writing, transport)
    total = CUSTOMERS + 1  # and head office's own customer NO
    assert held(branch) == (total, total * 6)
    assert result.counts.customers == total and result.counts.bills == total * 6
    assert cursor(branch) == offer(office).cursor
    assert audit_actions(branch, "sync.snapshot") == 1 and audit_actions(branch, "sync.pull") == 0
    assert search_customers(branch.reading(), "3000007").hits  # searchable at once
    assert arrears_index(branch) == arrears_of_bills(branch) and len(arrears_index(branch)) == total
    assert not partial_files(branch.data_dir)

    publish_varied(office, 1, first=CUSTOMERS)  # a change after the snapshot: a page
    before = link.stats.downstream
    pull_changes(branch.writing, transport)
    assert held(branch) == (total + 1, (total + 1) * 6)
    assert audit_actions(branch, "sync.snapshot") == 1 and audit_actions(branch, "sync.pull") == 1
    assert link.stats.downstream - before < 3_000  # the page, not the snapshot again


def test_after_a_change_the_next_new_counter_gets_it_without_a_snapshot_built_for_it(
        branch: BranchDatabase, office: RunningOffice, link: LossyProxy,
        transport: HttpTransport, tmp_path: Path, branch_template: Path) -> None:
    """The snapshot kept from before a change and the page after its cursor: the second
    counter holds the change, and head office built nothing while it waited."""
    pull_changes(branch.writing, transport)
    kept, builds = offer(office), snapshots().builds(office.db, "KPG")
    publish_varied(office, 1, first=CUSTOMERS)  # a customer and 6 bills after it
    other, _ = second_branch(tmp_path, branch_template)
    try:
        tokens = office.register(other, link.url, code=office.code(counter="L02"))
        pull_changes(other.writing, open_transport(other.reading(), tokens, timeout=10))
        total = CUSTOMERS + 2
        assert held(other) == (total, total * 6)
        assert snapshots().builds(office.db, "KPG") == builds and offer(office) == kept
        assert cursor(other) not in ("", kept.cursor)
        assert audit_actions(other, "sync.snapshot") == 1 and audit_actions(other, "sync.pull") == 1
    finally:
        other.close()


def test_a_download_cut_at_90_percent_continues_from_there(
        branch: BranchDatabase, office: RunningOffice, link: LossyProxy,
        transport: HttpTransport) -> None:
    size = offer(office).size
    assert size > 4_000
    link.cut_response_after = int(size * 0.9)  # the offer's answer is far shorter
    with pytest.raises(DomainError) as cut:
        pull_changes(branch.writing, transport)
    assert cut.value.code == ErrorCode.SYNC_UNREACHABLE
    assert "bytes are kept and the next sync continues from there" in cut.value.message
    kept = kept_bytes(branch.data_dir)
    assert size * 0.8 < kept < size and held(branch) == (0, 0) and cursor(branch) == ""

    link.cut_response_after = None
    before = link.stats.downstream
    pull_changes(branch.writing, transport)
    assert link.stats.downstream - before < size - kept + 2_000  # only the rest came
    assert held(branch)[0] == CUSTOMERS + 1 and not partial_files(branch.data_dir)


def test_a_damaged_download_is_refused_and_fetched_again(
        branch: BranchDatabase, office: RunningOffice, link: LossyProxy,
        transport: HttpTransport) -> None:
    size = offer(office).size
    link.cut_response_after = size // 2
    with pytest.raises(DomainError):
        pull_changes(branch.writing, transport)
    (part,) = partial_files(branch.data_dir)
    data = bytearray(part.read_bytes())
    data[100] ^= 0xFF  # the disk or the link spoiled a byte of what was kept
    part.write_bytes(bytes(data))

    link.cut_response_after = None
    before = link.stats.downstream
    pull_changes(branch.writing, transport)
    assert link.stats.downstream - before > size  # the rest, then the whole file again
    assert held(branch)[0] == CUSTOMERS + 1 and cursor(branch) == offer(office).cursor


def test_a_download_of_another_epoch_is_dropped_and_the_new_one_fetched(
        branch: BranchDatabase, office: RunningOffice, link: LossyProxy,
        transport: HttpTransport) -> None:
    old = offer(office)
    link.cut_response_after = old.size // 2
    with pytest.raises(DomainError):
        pull_changes(branch.writing, transport)
    assert partial_files(branch.data_dir)[0].name == f"snapshot-{old.id}.part"
    with office.db.writing() as session:
        epoch = start_epoch(session, "restored from a backup")

    link.cut_response_after = None
    pull_changes(branch.writing, transport)
    assert cursor(branch).startswith(f"{epoch}:") and old.epoch != epoch
    assert held(branch)[0] == CUSTOMERS + 1 and not partial_files(branch.data_dir)


def test_a_new_counter_gets_the_snapshot_through_a_usb_bundle(
        branch: BranchDatabase, office: RunningOffice, link: LossyProxy, transport: HttpTransport,
        store_of: KeyringTokenStore, tmp_path: Path) -> None:
    bundle = export_bundle(branch.writing, store_of, tmp_path / "kpg-l01.zip")
    reply = tmp_path / "reply.zip"
    reply.write_bytes(import_bundle(office.db, bundle.path.read_bytes()).data)

    spoiled = tmp_path / "spoiled.zip"  # a byte of the snapshot changed on the stick
    with zipfile.ZipFile(reply) as source, zipfile.ZipFile(spoiled, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, data[:-1] + bytes([data[-1] ^ 1])
                            if name == "snapshot.xz" else data)
    with pytest.raises(DomainError) as refused:
        import_reply(branch.writing, store_of, spoiled)
    assert refused.value.code == ErrorCode.BUNDLE_INVALID and held(branch) == (0, 0)

    import_reply(branch.writing, store_of, reply)
    assert held(branch)[0] == CUSTOMERS + 1
    assert audit_actions(branch, "sync.snapshot") == 1
    before = link.stats.downstream
    pull_changes(branch.writing, transport)  # online later: nothing is fetched again
    assert link.stats.downstream - before < 2_000 and audit_actions(branch, "sync.pull") == 0


def test_a_counter_killed_while_loading_keeps_nothing_half_and_loads_the_kept_file(
        branch: BranchDatabase, office: RunningOffice, link: LossyProxy,
        transport: HttpTransport) -> None:
    size = offer(office).size
    with pytest.raises(SimulatedCrash):  # killed as the snapshot's transaction commits
        pull_changes(Killer(branch, crash_at=1), transport)
    assert held(branch) == (0, 0) and cursor(branch) == "" and audit_actions(
        branch, "sync.snapshot") == 0
    assert kept_bytes(branch.data_dir) == size  # the whole file is kept

    before = link.stats.downstream
    pull_changes(branch.writing, transport)
    assert link.stats.downstream - before < 2_000  # not fetched again
    assert held(branch)[0] == CUSTOMERS + 1 and cursor(branch) == offer(office).cursor


def test_through_a_link_that_cuts_at_random_the_first_pull_gets_there_without_restarting(
        branch: BranchDatabase, office: RunningOffice, link: LossyProxy,
        transport: HttpTransport) -> None:
    size = offer(office).size
    link.cut_probability = 0.04  # per 256 bytes: most answers of the file are cut
    failures = []
    for _attempt in range(60):
        try:
            pull_changes(branch.writing, transport)
            break
        except DomainError as error:  # what the cashier sees: try again
            assert error.code in (ErrorCode.SYNC_UNREACHABLE, ErrorCode.SYNC_BAD_RESPONSE)
            failures.append(error)
    else:
        pytest.fail("the pull never finished")
    assert failures and link.stats.cuts >= len(failures)
    assert held(branch)[0] == CUSTOMERS + 1 and cursor(branch) == offer(office).cursor
    assert link.stats.downstream < 2 * size + 1_500 * link.stats.connections  # resumed


def _stored(branch: BranchDatabase) -> dict[str, object]:
    """What a counter holds of head office's master data, without its own row ids: the
    customers, the bills, the search index's rows, the arrears the search shows."""
    with branch.reading() as uow:
        run = uow.session.execute
        customers = sorted(tuple(r) for r in run(text(
            "SELECT connection_no, name, name_lower, address, rt, rw, kelurahan, kecamatan, "
            "tariff_group, meter_no, phone, status, status_date, version FROM customer")))
        bills = sorted(tuple(r) for r in run(text(
            "SELECT c.connection_no, b.period, b.reading_start, b.reading_end, b.usage_m3, "
            "b.water_charge, b.fees, b.penalty, b.penalty_waived, b.due_date, b.paid_amount, "
            "b.settled, b.enrolment_id FROM bill AS b JOIN customer AS c "
            "ON c.id = b.customer_id")))
        index = sorted(tuple(r) for r in run(text(
            "SELECT connection_no, meter_no, name_lower, later_words, haystack "
            "FROM customer_search_text")))
        arrears = sorted(tuple(r) for r in run(text(
            "SELECT c.connection_no, a.amount FROM customer_search_arrears AS a "
            "JOIN customer AS c ON c.id = a.customer_id")))
    return {"customers": customers, "bills": bills, "index": index, "arrears": arrears}


def test_an_empty_counter_loads_the_snapshot_straight_into_its_tables_as_pages_would(
        branch: BranchDatabase, office: RunningOffice, tmp_path: Path, clock: FixedClock,
        branch_template: Path) -> None:
    info = offer(office)
    found = office_snapshot.read_part(office.db, "KPG", info.id, 0, None)
    assert found is not None
    snapshot = read_snapshot(found[0], info.epoch, "KPG")
    with branch.writing() as uow, bulk_loading(uow):  # the direct path, as load_snapshot
        fresh = load_fresh(uow, "device-1", snapshot)
        uow.commit()
    assert fresh is not None and (fresh.customers, fresh.bills) == (CUSTOMERS + 1,
                                                                    CUSTOMERS * 6 + 6)
    (tmp_path / "paged").mkdir()
    shutil.copyfile(branch_template, database_path(tmp_path / "paged"))
    paged = open_branch(tmp_path / "paged", clock=clock)
    try:
        with paged.writing() as uow:
            with bulk_loading(uow):  # the general path: every change checked and planned
                apply_changes(uow.session, uow.now, "device-2", snapshot.changes)
            uow.commit()
        assert _stored(branch) == _stored(paged)
        with paged.writing() as uow:  # no longer empty: the general path's work
            assert load_fresh(uow, "device-2", snapshot) is None
        for query in ("bere lado", "3000001", "oesapa"):
            assert [h.connection_no for h in search_customers(branch.reading(), query).hits] \
                == [h.connection_no for h in search_customers(paged.reading(), query).hits]
    finally:
        paged.close()
    assert arrears_index(branch) == arrears_of_bills(branch)


def test_a_counter_killed_mid_page_after_the_snapshot_keeps_the_page_before_it(
        branch: BranchDatabase, office: RunningOffice, transport: HttpTransport) -> None:
    pull_changes(branch.writing, transport)
    snapshot_cursor = cursor(branch)
    publish_varied(office, 3, first=CUSTOMERS)  # 3 customers of 6 bills: 21 changes
    with pytest.raises(SimulatedCrash):  # the second page dies as it commits
        pull_changes(Killer(branch, crash_at=2), transport, limit=7)
    assert held(branch)[0] + held(branch)[1] == CUSTOMERS + 1 + CUSTOMERS * 6 + 6 + 7
    assert cursor(branch) not in ("", snapshot_cursor)

    pull_changes(branch.writing, transport, limit=7)
    assert held(branch) == (CUSTOMERS + 4, CUSTOMERS * 6 + 6 + 18)
    assert audit_actions(branch, "sync.snapshot") == 1


def test_head_office_restored_from_an_older_backup_sends_a_snapshot_over_what_it_holds(
        branch: BranchDatabase, office: RunningOffice, transport: HttpTransport) -> None:
    pull_changes(branch.writing, transport)
    assert held(branch)[0] == CUSTOMERS + 1
    with office.db.writing() as session:
        epoch = start_epoch(session, "restored from a backup")
    publish_varied(office, 2, first=CUSTOMERS)

    result = pull_changes(branch.writing, transport)

    assert result.epoch_changed and cursor(branch).startswith(f"{epoch}:")
    assert held(branch) == (CUSTOMERS + 3, CUSTOMERS * 6 + 6 + 12)  # nothing twice
    assert audit_actions(branch, "sync.snapshot") == 2
    assert arrears_index(branch) == arrears_of_bills(branch)


def test_a_snapshot_over_the_customers_a_counter_holds_writes_only_what_it_changes(
        branch: BranchDatabase, office: RunningOffice, transport: HttpTransport) -> None:
    """A counter that holds the branch loads a snapshot as it would a page (here head
    office restored from a backup, with 2 customers new since): their rows are written
    and indexed; the other customers, their bills and their places in the search index
    are left as they are — no index made again for every customer."""
    pull_changes(branch.writing, transport)
    keys = search_keys(branch)
    with office.db.writing() as session:
        start_epoch(session, "restored from a backup")
    publish_varied(office, 2, first=CUSTOMERS)
    written: list[int] = []

    result = pull_changes(lambda: RowsWritten(branch.writing(), written), transport)

    assert result.epoch_changed and result.counts.customers == 2
    assert held(branch) == (CUSTOMERS + 3, CUSTOMERS * 6 + 6 + 12)
    assert sum(written) < CUSTOMERS  # not even one row for each customer held
    now = search_keys(branch)
    assert len(now) == CUSTOMERS + 3 and {c: now[c] for c in keys} == keys
    assert search_customers(branch.reading(), "30000121").hits
    assert arrears_index(branch) == arrears_of_bills(branch)
