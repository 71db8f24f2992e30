"""Random interleavings of counter work, syncs, failures and restores never lose or double
a rupiah: every payment is counted once at head office, and after a clean final sync
head office's totals equal the branch's acknowledged totals and its own books."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select

from app.bootstrap import open_branch
from app.models import Customer, Payment, User, Void
from app.models.database import database_path
from app.services.clock import FixedClock
from app.services.errors import DomainError
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.instalments import InstalmentRequest, pay_instalment
from app.services.ledger.payments import Tender
from app.services.ledger.voids import VoidRequest, void_payment
from app.services.shifts import open_shift
from app.services.sync import pending_events, run_sync
from tests.support.fakes import (
    CASHIER,
    DEMO_DAY,
    SUPERVISOR,
    actor_for,
    add_customer,
    monthly_bills,
)
from tests.support.sync_fakes import (
    FakeHeadOffice,
    Killer,
    OfficeState,
    SimulatedCrash,
    acked_net_paid,
    branch_net_paid,
    connect,
    customer_data,
    outbox,
    quick_hash,
)

CUSTOMERS = ("30000001", "30000002", "30000003")
FAULTS = (None, "drop", "lose_answer", "truncate", "garble", "server_error")
PATHS = ("/api/v1/push", "/api/v1/pull", "/api/v1/reconcile")


class SyncMachine(RuleBasedStateMachine):
    template: Path

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="loket-sync-"))
        data_dir = self.folder / "branch"
        data_dir.mkdir()
        shutil.copyfile(self.template, database_path(data_dir))
        self.clock = FixedClock(DEMO_DAY)
        self.branch = open_branch(data_dir, clock=self.clock)
        for number in CUSTOMERS:
            add_customer(self.branch, number, bills=monthly_bills("2024-01", 6, 100_000))
        with self.branch.writing() as uow:  # a cheap hash keeps voids fast
            supervisor = uow.session.scalars(select(User).where(
                User.username == SUPERVISOR[0])).one()
            supervisor.password_hash = quick_hash(SUPERVISOR[1])
            uow.commit()
        self.cashier = actor_for(self.branch, CASHIER[0])
        open_shift(self.branch.writing(), self.cashier, 0)
        self.office = FakeHeadOffice()
        self.link = connect(self.branch, self.office)
        self.backup: OfficeState = self.office.backup()  # as head office was on day one
        self.renames = 0
        self.enrol(CUSTOMERS[0])  # one plan under way from the start

    # --- the counter at work -----------------------------------------------------------
    @rule(number=st.sampled_from(CUSTOMERS))
    def enrol(self, number: str) -> None:
        with contextlib.suppress(DomainError):  # already enrolled: the counter says so
            enrol_and_pay(self.branch.writing(), self.cashier, EnrolRequest(
                number, 3, Tender(300_000, 300_000)))

    @rule(number=st.sampled_from(CUSTOMERS), amount=st.sampled_from([50_000, 100_000]))
    def pay(self, number: str, amount: int) -> None:
        with contextlib.suppress(DomainError):
            pay_instalment(self.branch.writing(), self.cashier, InstalmentRequest(
                number, Tender(amount, amount)))

    @rule(number=st.sampled_from(CUSTOMERS))
    def void_latest(self, number: str) -> None:
        with self.branch.reading() as uow:
            receipt = uow.session.scalar(
                select(Payment.receipt_no).join(Customer, Customer.id == Payment.customer_id)
                .outerjoin(Void, Void.payment_id == Payment.id)
                .where(Customer.connection_no == number, Void.id.is_(None))
                .order_by(Payment.id.desc()).limit(1))
        if receipt is None:
            return
        with contextlib.suppress(DomainError):
            void_payment(self.branch.writing(), self.cashier, VoidRequest(
                receipt, "salah input", SUPERVISOR[0], SUPERVISOR[1]))

    # --- head office and the link ------------------------------------------------------
    @rule(fault=st.sampled_from(FAULTS), path=st.sampled_from(PATHS))
    def sync(self, fault: str | None, path: str) -> None:
        if fault is not None:
            self.office.fail_next(fault, path)
        try:
            report = run_sync(self.branch.writing, self.link)
        except DomainError:
            report = None
        self.office.faults.clear()
        if report is not None:  # a sync that finished leaves head office agreeing
            assert report.reconciliation is not None and report.reconciliation.ok
            held = self.office.state.events
            assert all(e.id in held for e in outbox(self.branch) if e.acked_at is not None)

    @rule(crash_at=st.integers(min_value=1, max_value=5))
    def sync_killed(self, crash_at: int) -> None:
        with contextlib.suppress(SimulatedCrash, DomainError):
            run_sync(Killer(self.branch, crash_at), self.link)
        self.clock.advance(minutes=11)  # restarted: the dead sync's lock has expired

    @rule()
    def rename_a_customer(self) -> None:
        self.renames += 1
        self.office.publish("customer", CUSTOMERS[0], customer_data(
            CUSTOMERS[0], f"Pelanggan {self.renames}", version=self.renames + 1))

    @rule()
    def office_backup(self) -> None:
        self.backup = self.office.backup()

    @rule()
    def office_restored(self) -> None:
        self.office.restore(self.backup)

    # --- what must always hold -----------------------------------------------------------
    @invariant()
    def every_payment_counted_at_most_once(self) -> None:
        assert all(count == 1 for count in self.office.state.applied.values())

    @invariant()
    def head_office_holds_only_what_the_branch_sent(self) -> None:
        sent = {e.id: e.seq for e in outbox(self.branch)}
        assert all(sent.get(e.id) == e.seq for e in self.office.state.events.values())

    def teardown(self) -> None:
        try:
            self.clock.advance(minutes=11)
            report = run_sync(self.branch.writing, self.link)  # a clean final sync
            assert pending_events(self.branch.reading()) == 0
            assert report.reconciliation is not None and report.reconciliation.ok
            assert self.office.net_paid() == acked_net_paid(self.branch) == branch_net_paid(
                self.branch)
            with self.branch.reading() as uow:
                uuids = set(uow.session.scalars(select(Payment.uuid)))
            assert set(self.office.state.payments) == uuids
            assert all(count == 1 for count in self.office.state.applied.values())
            names = [c["data"]["name"] for c in self.office.state.changes]
            if names:  # head office's latest word on the customer (a restore may lose some)
                with self.branch.reading() as uow:
                    name = uow.session.scalar(select(Customer.name).where(
                        Customer.connection_no == CUSTOMERS[0]))
                assert name == names[-1]
        finally:
            self.branch.close()
            shutil.rmtree(self.folder, ignore_errors=True)


def test_sync_never_loses_or_doubles_a_payment(branch_template: Path) -> None:
    machine = type("BranchAndHeadOffice", (SyncMachine,), {"template": branch_template})
    run_state_machine_as_test(machine, settings=settings(
        max_examples=20, stateful_step_count=10, deadline=None,
        suppress_health_check=[HealthCheck.too_slow]))
