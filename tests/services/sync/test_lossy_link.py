"""The branch syncing with a real head office over a slow and lossy link.

Every request goes through a loopback proxy (tests/support/lossy_proxy.py) that throttles the
link to about 64 kbit/s each way and cuts connections — at chosen points or at random,
mid-request and mid-response. A sync either finishes or fails with an error the cashier
can retry; pressing Sync again eventually finishes; head office ends up holding every
payment exactly once, with the branch's totals. Pulled pages are applied whole or not.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from sqlalchemy import select

from app.bootstrap import BranchDatabase
from app.models import Bill as BranchBill
from app.models import Customer as BranchCustomer
from app.models import Payment as BranchPayment
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import Tender
from app.services.sync import (
    HttpTransport,
    KeyringTokenStore,
    SyncReport,
    open_transport,
    pending_events,
    pull_changes,
    run_sync,
)
from app.services.sync.protocol import CURSOR_KEY, get_setting
from headoffice.changes import bills_changed, customer_changed
from headoffice.models import Bill, Change, Customer, Event, Payment
from tests.support.lossy_proxy import LossyProxy
from tests.support.office_server import NO, RunningOffice, postgres_schema, start_office
from tests.support.sync_fakes import acked_net_paid, branch_net_paid, outbox, pay

RETRYABLE = (ErrorCode.SYNC_UNREACHABLE, ErrorCode.SYNC_BAD_RESPONSE)
CUT = {ErrorCode.SYNC_UNREACHABLE: ("the connection was cut",),  # what the cashier reads
       ErrorCode.SYNC_BAD_RESPONSE: ("the answer was cut off", "the answer is not complete JSON")}
CUSTOMERS = ("20000001", "20000002", "20000003", "20000004")


@pytest.fixture
def office(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RunningOffice]:
    """Head office with customer ``NO`` and ``CUSTOMERS``: on SQLite, or on PostgreSQL
    for a test parametrized with ``indirect=["office"]``."""
    with ExitStack() as stack:
        url = None
        if getattr(request, "param", "sqlite") == "postgresql":
            url = stack.enter_context(postgres_schema())
        running = stack.enter_context(start_office(tmp_path, url=url))
        for connection_no in CUSTOMERS:
            running.add_customer(connection_no)
        yield running


@pytest.fixture
def link(office: RunningOffice) -> Iterator[LossyProxy]:
    """The slow link to head office (8,000 B/s each way), clean until a test breaks it."""
    with LossyProxy(("127.0.0.1", office.port), seed=20251124) as proxy:
        yield proxy


@pytest.fixture
def store(branch: BranchDatabase, office: RunningOffice, link: LossyProxy) -> KeyringTokenStore:
    """This counter registered (directly) with head office, to sync through the link."""
    return office.register(branch, link.url)


@pytest.fixture
def transport(branch: BranchDatabase, store: KeyringTokenStore) -> HttpTransport:
    return open_transport(branch.reading(), store, timeout=10)


def press_sync(branch: BranchDatabase, transport: HttpTransport) -> SyncReport | DomainError:
    """What the cashier sees: a finished sync, or an error worth trying again."""
    try:
        report = run_sync(branch.writing, transport)
    except DomainError as error:
        assert error.code in RETRYABLE and error.params["problem"] in CUT[error.code], error
        return error
    assert report.ok, report
    return report


def sync_until_done(branch: BranchDatabase, transport: HttpTransport,
                    attempts: int = 30) -> tuple[SyncReport, list[DomainError]]:
    """Press Sync until a sync finishes; the report and the failures on the way."""
    failures: list[DomainError] = []
    for _ in range(attempts):
        outcome = press_sync(branch, transport)
        if isinstance(outcome, SyncReport):
            return outcome, failures
        failures.append(outcome)
    pytest.fail(f"no sync finished in {attempts} tries: {[f.message for f in failures]}")


def enrol(branch: BranchDatabase, cashier: Actor, connection_no: str) -> None:
    """Six Rp 100,000 bills: Rp 300,000 down, the rest in 3 instalments."""
    enrol_and_pay(branch.writing(), cashier,
                  EnrolRequest(connection_no, 3, Tender(300_000, 300_000)))


def assert_counted_once(branch: BranchDatabase, office: RunningOffice) -> None:
    """Head office holds every branch payment and event exactly once, with its totals."""
    with branch.reading() as uow:
        paid = Counter(uow.session.scalars(select(BranchPayment.uuid)))
    with office.db.reading() as session:
        held = Counter(session.scalars(select(Payment.uuid)))
        events = Counter(session.scalars(select(Event.id)))
    assert held == paid and set(paid.values()) == {1}
    assert events == Counter(e.id for e in outbox(branch))
    assert pending_events(branch.reading()) == 0
    assert office.money() == (len(paid), branch_net_paid(branch))
    assert acked_net_paid(branch) == branch_net_paid(branch)


def test_an_answer_cut_after_head_office_committed_is_sent_again_and_counted_once(
        branch: BranchDatabase, cashier: Actor, office: RunningOffice, link: LossyProxy,
        transport: HttpTransport) -> None:
    sync_until_done(branch, transport)  # the customers come down the slow link
    enrol(branch, cashier, CUSTOMERS[0])
    pay(branch, cashier, CUSTOMERS[0], 100_000)

    link.cut_request_after = 200  # the push never reaches head office whole
    failed = press_sync(branch, transport)
    assert isinstance(failed, DomainError) and failed.code == ErrorCode.SYNC_UNREACHABLE
    assert link.stats.cuts_mid_request == 1
    assert office.money() == (0, 0) and pending_events(branch.reading()) == 2

    link.faults_off()
    link.cut_response_after = 0  # head office applies the push; its whole answer is lost
    failed = press_sync(branch, transport)
    assert isinstance(failed, DomainError) and failed.code == ErrorCode.SYNC_UNREACHABLE
    assert office.money() == (2, 400_000) and pending_events(branch.reading()) == 2

    link.cut_response_after = 200  # the answer is cut after its headers: seen, not trusted
    failed = press_sync(branch, transport)
    assert isinstance(failed, DomainError) and failed.code == ErrorCode.SYNC_BAD_RESPONSE
    assert link.stats.cuts_mid_response == 2
    assert office.money() == (2, 400_000) and pending_events(branch.reading()) == 2

    link.faults_off()
    report, failures = sync_until_done(branch, transport)
    assert not failures and report.duplicates == report.acked == 2 and not report.rejected
    assert_counted_once(branch, office)


@pytest.mark.parametrize("office", ["sqlite", "postgresql"], indirect=True)
def test_payments_reach_head_office_exactly_once_through_random_cuts(
        branch: BranchDatabase, cashier: Actor, office: RunningOffice, link: LossyProxy,
        transport: HttpTransport) -> None:
    sync_until_done(branch, transport)
    link.cut_probability = 0.1  # per 256-byte chunk, either way
    failures: list[DomainError] = []
    for spell in ((NO, CUSTOMERS[0]), CUSTOMERS[1:3], CUSTOMERS[3:]):  # busy, then Sync
        for connection_no in spell:
            enrol(branch, cashier, connection_no)
            pay(branch, cashier, connection_no, 100_000)
        _, failed = sync_until_done(branch, transport)
        failures += failed

    assert link.stats.cuts >= 1 and len(failures) == link.stats.cuts  # each cut seen, once
    assert link.stats.cuts_mid_request >= 1 and link.stats.cuts_mid_response >= 1
    assert office.money() == (10, 2_000_000)
    assert_counted_once(branch, office)


def test_a_pull_over_the_lossy_link_applies_whole_pages_or_nothing(
        branch: BranchDatabase, office: RunningOffice, link: LossyProxy,
        transport: HttpTransport) -> None:
    sync_until_done(branch, transport)
    start = _cursor_change_id(branch)
    with office.db.writing() as session:  # head office renames them and bills July, August
        for customer in session.scalars(select(Customer).where(
                Customer.connection_no.in_((NO, *CUSTOMERS)))):
            customer.name, customer.version = f"{customer.name} (baru)", customer.version + 1
            bills = [Bill(customer_id=customer.id, period=f"2024-{month:02d}",
                          water_charge=120_000 + month, fees=5_000, penalty=0, settled=False,
                          due_date=dt.date(2024, month, 20),
                          reading_start=0, reading_end=0, usage_m3=0) for month in (7, 8)]
            session.add_all(bills)
            session.flush()
            customer_changed(session, customer)
            bills_changed(session, customer, bills)

    link.cut_probability = 0.1
    held_after_cuts: list[tuple[int, int]] = []  # (applied, not yet) after each cut pull
    for _ in range(40):
        try:
            result = pull_changes(branch.writing, transport, limit=2)  # pages of 2 changes
        except DomainError as error:
            assert error.code in RETRYABLE and error.params["problem"] in CUT[error.code], error
            held_after_cuts.append(_applied_changes(branch, office, start))
            continue
        break
    else:
        pytest.fail("the pull never finished")
    assert link.stats.cuts >= 1 and held_after_cuts and result.changes > 0
    assert any(applied and missing for applied, missing in held_after_cuts)  # cut midway
    assert _applied_changes(branch, office, start) == (15, 0)


def test_a_link_that_hangs_fails_within_the_timeout_and_the_next_sync_finishes(
        branch: BranchDatabase, cashier: Actor, office: RunningOffice, link: LossyProxy,
        store: KeyringTokenStore) -> None:
    transport = open_transport(branch.reading(), store, timeout=1.5)
    sync_until_done(branch, transport)
    enrol(branch, cashier, CUSTOMERS[0])
    link.stalled = True  # the push goes out, nothing comes back, nothing is closed
    started = time.monotonic()
    with pytest.raises(DomainError) as hung:
        run_sync(branch.writing, transport)
    assert hung.value.code == ErrorCode.SYNC_UNREACHABLE
    assert hung.value.params["problem"] == "no answer within 1.5 seconds"
    assert time.monotonic() - started < 5 and pending_events(branch.reading()) == 1

    link.stalled = False  # the held push may still reach head office, late
    sync_until_done(branch, transport)
    assert office.money() == (1, 300_000)
    assert_counted_once(branch, office)


def test_an_answer_that_trickles_in_fails_instead_of_never_ending(
        branch: BranchDatabase, office: RunningOffice, link: LossyProxy,
        store: KeyringTokenStore) -> None:
    """Each read comes within the timeout, so the socket never times out; yet at 400
    bytes a second a pull of many customers' pages would take minutes."""
    transport = open_transport(branch.reading(), store, timeout=5.0)
    link.rate = None
    pull_changes(branch.writing, transport)  # the first pull (the snapshot) is done
    before = _cursor_change_id(branch)
    for n in range(60):
        office.add_customer(f"2100{n:04d}")
    link.rate = 400
    started = time.monotonic()
    with pytest.raises(DomainError) as slow:
        pull_changes(branch.writing, transport)
    assert slow.value.code == ErrorCode.SYNC_UNREACHABLE
    assert slow.value.params["problem"].startswith("the link is too slow: ")
    assert time.monotonic() - started < 40 and _cursor_change_id(branch) == before

    link.rate = None  # the link recovers: the same sync finishes
    report, _failures = sync_until_done(branch, transport)
    assert report.pulled > 0


def _cursor_change_id(branch: BranchDatabase) -> int:
    with branch.reading() as uow:
        cursor = get_setting(uow.session, CURSOR_KEY) or ""
    return int(cursor.rpartition(":")[2] or 0)


def _applied_changes(branch: BranchDatabase, office: RunningOffice, after: int) -> tuple[int, int]:
    """Head office's changes after ``after`` as the branch holds them: (applied, not)."""
    with office.db.reading() as session:
        changes = [(c.id, c.kind, c.key, c.data) for c in session.scalars(
            select(Change).where(Change.id > after).order_by(Change.id))]
    cursor = _cursor_change_id(branch)
    applied = missing = 0
    with branch.reading() as uow:
        for change_id, kind, key, data in changes:
            if kind == "customer":
                name = uow.session.scalar(select(BranchCustomer.name).where(
                    BranchCustomer.connection_no == key))
                holds = name == data["name"]
            else:
                connection_no, _, period = key.partition(":")
                holds = uow.session.scalar(select(BranchBill.period).join(
                    BranchCustomer, BranchCustomer.id == BranchBill.customer_id).where(
                    BranchCustomer.connection_no == connection_no,
                    BranchBill.period == period)) is not None
            assert holds == (change_id <= cursor), (change_id, kind, key, cursor)
            applied, missing = (applied + 1, missing) if holds else (applied, missing + 1)
    return applied, missing
