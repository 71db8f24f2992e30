"""Counters of real branch databases syncing with a real head office, and the checks
every conflict test ends with: each event and each payment held exactly once, and head
office's money equal to what the branches had acknowledged."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.bootstrap import BranchDatabase, open_branch
from app.models import OutboxEvent, Void
from app.models import Payment as BranchPayment
from app.models.database import database_path
from app.services.clock import FixedClock
from app.services.context import Actor
from app.services.ledger.accounts import get_account
from app.services.setup import BranchSetup, initialise_branch
from app.services.shifts import open_shift
from app.services.sync import (
    SyncReport,
    Traffic,
    Transport,
    open_transport,
    pending_events,
    run_sync,
)
from app.services.sync.protocol import local_device
from app.services.users import add_user
from headoffice.cli import main as headoffice_main
from headoffice.exception_queue import list_exceptions
from headoffice.models import Bill, Customer, Event
from headoffice.models import Payment as OfficePayment
from tests.support.fakes import CASHIER, DEMO_DAY, SUPERVISOR, actor_for
from tests.support.office_server import NO, RunningOffice, postgres_schema, start_office

PAYMENT_EVENTS = ("enrolment.paid", "instalment.paid")


@contextmanager
def running_office(backend: str, tmp_path: Path) -> Iterator[RunningOffice]:
    """The real head-office server over SQLite, or over a fresh PostgreSQL schema
    (skipped when ``LOKET_TEST_POSTGRES_URL`` is not set)."""
    if backend == "sqlite":
        with start_office(tmp_path) as office:
            yield office
        return
    with postgres_schema() as url, start_office(tmp_path, url=url) as office:
        yield office


@dataclass
class Recorder:
    """The counter's real link to head office, noting the event types of each push."""

    link: Transport
    pushes: list[list[str]] = field(default_factory=list)
    traffic: Traffic = field(init=False)

    def __post_init__(self) -> None:
        self.traffic = self.link.traffic

    def post(self, path: str, json_body: Any,
             headers: Mapping[str, str] | None = None) -> tuple[int, Any]:
        if path.endswith("/push") and json_body["events"]:
            self.pushes.append([event["type"] for event in json_body["events"]])
        return self.link.post(path, json_body, headers)

    def get(self, path: str, params: Mapping[str, str] | None = None,
            headers: Mapping[str, str] | None = None) -> tuple[int, Any]:
        return self.link.get(path, params, headers)


@dataclass
class Counter:
    """One branch's counter, registered with head office."""

    branch: BranchDatabase
    cashier: Actor
    transport: Recorder

    @property
    def code(self) -> str:
        return self.cashier.branch_code

    def sync(self) -> SyncReport:
        """Press Sync: push, pull, reconcile. Head office must agree with the branch."""
        report = run_sync(self.branch.writing, self.transport)
        assert report.ok, report.reconciliation
        return report

    def arrears(self) -> tuple[int, tuple[str, ...]]:
        """What the counter's account screen shows: arrears and the open bills' periods."""
        account = get_account(self.branch.reading(), NO)
        return account.arrears, tuple(line.period for line in account.open_bills)


def register(office: RunningOffice, branch: BranchDatabase, cashier: Actor) -> Counter:
    """Register the counter with a one-time code of its own branch and counter."""
    with branch.reading() as uow:
        device = local_device(uow.session)
    store = office.register(branch, code=office.code(device.branch, device.counter))
    link = open_transport(branch.reading(), store, timeout=10)
    return Counter(branch, cashier, Recorder(link))


def branch_template(folder: Path, code: str) -> Path:
    """A database of another branch (its own device) with the test branch's cashier and
    supervisor log-ins, made once and copied for each test (see :func:`copy_branch`)."""
    opened = open_branch(folder, create=True, clock=FixedClock(DEMO_DAY))
    system = initialise_branch(opened.writing(), BranchSetup(
        branch_code=code, branch_name=f"Kantor Pelayanan {code}"))
    for (username, password), role in ((CASHIER, "cashier"), (SUPERVISOR, "supervisor")):
        add_user(opened.writing(), system, username, username.title(), role, password)
    opened.close()  # the last connection to close folds the WAL into the file
    return database_path(folder)


def copy_branch(template: Path, folder: Path, clock: FixedClock) -> tuple[BranchDatabase, Actor]:
    """The branch of ``template`` in ``folder``, its cashier's shift open."""
    folder.mkdir()
    shutil.copyfile(template, database_path(folder))
    opened = open_branch(folder, clock=clock)
    cashier = actor_for(opened, CASHIER[0])
    open_shift(opened.writing(), cashier, 500_000)
    return opened, cashier


def office_bills(office: RunningOffice) -> tuple[int, tuple[str, ...]]:
    """Head office's open bills of the customer: principal and periods."""
    with office.db.reading() as session:
        bills = session.scalars(select(Bill).join(Customer, Customer.id == Bill.customer_id)
                                .where(Customer.connection_no == NO, Bill.settled.is_(False))
                                .order_by(Bill.period)).all()
        return sum(b.water_charge + b.fees for b in bills), tuple(b.period for b in bills)


def branch_payments(branch: BranchDatabase) -> dict[str, tuple[int, bool]]:
    """Every payment the branch took: uuid → (amount, voided)."""
    with branch.reading() as uow:
        voided = set(uow.session.scalars(select(Void.payment_id)))
        return {p.uuid: (p.amount, p.id in voided)
                for p in uow.session.scalars(select(BranchPayment))}


def office_payments(office: RunningOffice) -> dict[str, tuple[int, bool]]:
    with office.db.reading() as session:
        return {p.uuid: (p.amount, p.voided) for p in session.scalars(select(OfficePayment))}


def voided(office: RunningOffice) -> set[str]:
    """The payments head office holds as voided."""
    with office.db.reading() as session:
        return set(session.scalars(select(OfficePayment.uuid).where(
            OfficePayment.voided.is_(True))))


def exceptions(office: RunningOffice) -> list[tuple[str, str]]:
    """Head office's open exceptions: (branch, reason)."""
    with office.db.reading() as session:
        return [(e.branch, e.reason) for e in list_exceptions(session)]


def exception_ids(office: RunningOffice) -> list[int]:
    with office.db.reading() as session:
        return [e.id for e in list_exceptions(session)]


def credits(office: RunningOffice) -> set[str]:
    """The payments head office keeps as a credit (their event was refused)."""
    with office.db.reading() as session:
        return set(session.scalars(select(OfficePayment.uuid).where(
            OfficePayment.applied.is_(False))))


def acknowledged_money(branch: BranchDatabase) -> tuple[int, int]:
    """(payments, rupiah) net of voids, from the events head office acknowledged
    (applied, or rejected with the money kept as a credit)."""
    count = total = 0
    with branch.reading() as uow:
        for event in uow.session.scalars(select(OutboxEvent).where(
                OutboxEvent.acked_at.is_not(None))):
            amount = json.loads(event.payload).get("amount", 0)
            if event.type in PAYMENT_EVENTS:
                count, total = count + 1, total + amount
            elif event.type == "payment.voided" and event.ack_result == "applied":
                count, total = count - 1, total - amount
    return count, total


def event_ids(branch: BranchDatabase) -> set[str]:
    with branch.reading() as uow:
        return set(uow.session.scalars(select(OutboxEvent.id)))


def assert_counted_once(office: RunningOffice, *counters: Counter) -> None:
    """Every event and every payment of the branches is held once at head office, voids
    included, and head office's money is what the branches had acknowledged."""
    for counter in counters:
        assert pending_events(counter.branch.reading()) == 0
    with office.db.reading() as session:
        held = list(session.scalars(select(Event.id)))
    assert sorted(held) == sorted(i for c in counters for i in event_ids(c.branch))
    taken: dict[str, tuple[int, bool]] = {}
    for counter in counters:
        taken.update(branch_payments(counter.branch))
    assert office_payments(office) == taken
    acknowledged = [acknowledged_money(c.branch) for c in counters]
    assert office.money() == (sum(n for n, _ in acknowledged), sum(a for _, a in acknowledged))
    office_says(office, "reconcile")  # received = what the branches reported, per day


def office_says(office: RunningOffice, *command: str) -> str:
    """What ``loket-headoffice COMMAND --database-url URL`` prints (in English); it must
    succeed."""
    shown, problems = io.StringIO(), io.StringIO()
    with redirect_stdout(shown), redirect_stderr(problems):
        status = headoffice_main([*command, "--database-url", office.db.url, "--lang", "en"])
    assert status == 0, f"{shown.getvalue()}{problems.getvalue()}"
    return shown.getvalue()
