"""A counter PC that dies mid-payment leaves a consistent database.

A worker process (tests/support/crash_worker.py) takes payments as fast as it can and is
killed with SIGKILL at random moments, many times over. After every kill and at the
end, the database must be whole: every payment printed as committed is there, every
payment has its audit record and outbox event, numbers have no gaps, plans add up,
and the audit chain verifies.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter as Tally
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.bootstrap import BranchDatabase, open_branch
from app.models import (
    AuditRecord,
    Bill,
    BillAllocation,
    Counter,
    Customer,
    CustomerStatus,
    Enrolment,
    Instalment,
    OutboxEvent,
    Payment,
    PaymentKind,
    Sequence,
    WorkOrder,
)
from app.models.database import database_path
from app.services.audit.journal import verify_chain
from app.services.clock import FixedClock
from app.services.sequences import NO_YEAR, OUTBOX, RECEIPT, WORK_ORDER
from app.services.shifts import open_shift
from tests.support.fakes import CASHIER, DEMO_DAY, actor_for

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32",
                       reason="kills the worker with SIGKILL, which only POSIX has"),
]

PROJECT_DIR = Path(__file__).resolve().parents[3]
KILLS = 36
CUSTOMERS = 400
START_TIMEOUT_S = 60.0


@dataclass
class Worker:
    """One run of the crash worker, its output read line by line on a thread."""

    process: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)
    ready: threading.Event = field(default_factory=threading.Event)
    finished: threading.Event = field(default_factory=threading.Event)

    @classmethod
    def start(cls, data_dir: Path, seed: int, stderr: IO[str]) -> Worker:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.support.crash_worker", str(data_dir), str(seed)],
            cwd=PROJECT_DIR, stdout=subprocess.PIPE, stderr=stderr, text=True)
        worker = cls(process)
        threading.Thread(target=worker._read, daemon=True).start()
        return worker

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.strip() == "ready":
                self.ready.set()
            elif line.endswith("\n"):  # a line cut short by the kill is not a claim
                self.lines.append(line.strip())
        self.finished.set()

    def wait_for_lines(self, count: int) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while len(self.lines) < count and not self.finished.is_set():
            assert time.monotonic() < deadline, f"the worker took no {count} payments"
            time.sleep(0.002)

    def kill(self) -> int:
        """SIGKILL the worker and read the rest of its output; returns its exit code."""
        self.process.kill()
        code = self.process.wait(timeout=30)
        assert self.process.stdout is not None
        self.finished.wait(timeout=30)  # the reader has seen the end of the output
        self.process.stdout.close()
        return code


@dataclass(frozen=True)
class Claim:
    """A payment the worker said it committed."""

    kind: str
    receipt_no: str
    connection_no: str
    amount: int


def seed_customers(branch: BranchDatabase, rng: random.Random) -> None:
    """Sealed customers with 1–36 unpaid monthly bills each, some with penalties."""
    with branch.writing() as uow:
        for n in range(CUSTOMERS):
            customer = Customer(
                connection_no=f"5{n:07d}", name=f"Pelanggan {n}", name_lower=f"pelanggan {n}",
                address="Jl. Uji", kelurahan="Penkase Oeleta", kecamatan="Alak",
                tariff_group="R2", meter_no=f"M5{n:07d}", status=CustomerStatus.SEALED,
                status_date=dt.date(2022, 1, 1))
            uow.session.add(customer)
            uow.session.flush()
            for month in range(rng.randint(1, 36)):
                year, month0 = divmod(2022 * 12 + month, 12)
                uow.session.add(Bill(
                    customer_id=customer.id, period=f"{year}-{month0 + 1:02d}",
                    water_charge=rng.randrange(20_000, 400_000), fees=5_000,
                    penalty=rng.choice([0, 2_000, 5_000, 17_500]),
                    due_date=dt.date(year, month0 + 1, 20)))
        uow.commit()


def let_it_work(worker: Worker, run: int, rng: random.Random) -> None:
    """Wait for a random moment to kill: during start-up, after a random time, or a few
    milliseconds after a random number of payments (in the middle of the next one)."""
    if run % 6 == 5:
        worker.ready.wait(timeout=rng.uniform(0.0, 1.5))
        return
    assert worker.ready.wait(timeout=START_TIMEOUT_S), "the worker did not start"
    if run % 2:
        time.sleep(rng.uniform(0.05, 0.6))
    else:
        worker.wait_for_lines(rng.randint(1, 12))
        time.sleep(rng.uniform(0.0, 0.03))


def test_killing_the_counter_mid_payment_leaves_consistent_books(
    branch_template: Path, tmp_path: Path
) -> None:
    rng = random.Random()
    seed = rng.randrange(10**9)
    rng.seed(seed)
    data_dir = tmp_path / "branch"
    data_dir.mkdir()
    shutil.copyfile(branch_template, database_path(data_dir))
    branch = open_branch(data_dir, clock=FixedClock(DEMO_DAY))
    seed_customers(branch, rng)
    open_shift(branch.writing(), actor_for(branch, CASHIER[0]), 500_000)
    branch.close()
    claims: list[Claim] = []
    interrupted = 0
    with (tmp_path / "worker-stderr.txt").open("w+") as stderr:
        for run in range(KILLS):
            worker = Worker.start(data_dir, seed + run, stderr)
            try:
                let_it_work(worker, run, rng)
            finally:
                if worker.kill() != -signal.SIGKILL:  # it stopped by itself: show why
                    stderr.seek(0)
                    pytest.fail(f"seed {seed}, run {run}: worker failed:\n{stderr.read()[-3000:]}")
            claims += [Claim(k, r, c, int(a)) for k, r, c, a in map(str.split, worker.lines)]
            interrupted += bool(worker.lines)
            check_database(data_dir, claims, f"seed {seed}, after kill {run + 1}")
    counts = check_database(data_dir, claims, f"seed {seed}, at the end", full=True)
    print(f"\ncrash safety (seed {seed}): {KILLS} kills, {interrupted} mid-run; "
          f"{len(claims)} payments reported, {counts['payments']} committed "
          f"({counts['enrolments']} enrolments, {counts['instalment']} instalment payments)")
    assert interrupted >= KILLS // 2, "too few kills caught the worker at work"
    assert len(claims) >= KILLS


def check_database(data_dir: Path, claims: list[Claim], where: str,
                   full: bool = False) -> Tally[str]:
    """Every check; ``full`` reads every page of the file (slower) instead of a quick check."""
    branch = open_branch(data_dir, clock=FixedClock(DEMO_DAY))
    try:
        with branch.reading() as uow:
            s = uow.session
            pragma = "PRAGMA integrity_check" if full else "PRAGMA quick_check"
            assert s.execute(text(pragma)).scalars().all() == ["ok"], where
            assert s.execute(text("PRAGMA foreign_key_check")).all() == [], where
            check_claims(s, claims)
            problems = [*receipt_problems(s), *outbox_problems(s), *work_order_problems(s),
                        *payment_journal_problems(s), *plan_problems(s), *bill_problems(s)]
            assert not problems, f"{where}:\n" + "\n".join(problems)
            chain = verify_chain(s)
            assert chain.ok, f"{where}: {chain}"
            assert_integrity_report_clean(s)
            kinds = Tally(p.kind.value for p in s.scalars(select(Payment)))
            enrolments = len(s.scalars(select(Enrolment.id)).all())
    finally:
        branch.close()
    return Tally(payments=sum(kinds.values()), enrolments=enrolments,
                 instalment=kinds[PaymentKind.INSTALMENT.value])


def assert_integrity_report_clean(session: Session) -> None:
    """The report behind ``loket-admin audit verify`` sees nothing wrong either."""
    from app.services.audit.integrity import check_integrity

    report = check_integrity(session)
    assert report.ok, [str(p) for p in report.problems]


def check_claims(session: Session, claims: list[Claim]) -> None:
    """Durability: every payment the worker printed as committed is in the database."""
    stored = {p.receipt_no: (p.kind.value, p.amount, c) for p, c in session.execute(
        select(Payment, Customer.connection_no)
        .join(Customer, Customer.id == Payment.customer_id))}
    for claim in claims:
        assert stored.get(claim.receipt_no) == (claim.kind, claim.amount, claim.connection_no), \
            f"reported payment {claim.receipt_no} is missing or different"


def gaps(name: str, numbers: list[int], last_issued: int) -> Iterable[str]:
    if sorted(numbers) != list(range(1, last_issued + 1)):
        yield f"{name}: numbers {sorted(numbers)[:5]}… do not run 1..{last_issued}"


def issued(session: Session, name: str) -> dict[tuple[int, int], int]:
    return {(c, y): v for c, y, v in session.execute(
        select(Sequence.counter_id, Sequence.year, Sequence.last_value)
        .where(Sequence.name == name))}


def receipt_problems(session: Session) -> Iterable[str]:
    numbers: dict[tuple[int, int], list[int]] = defaultdict(list)
    for receipt, counter_id in session.execute(select(Payment.receipt_no, Payment.counter_id)):
        _, _, year, number = receipt.split("-")
        numbers[(counter_id, int(year))].append(int(number))
    last = issued(session, RECEIPT)
    for key in set(numbers) | set(last):
        yield from gaps(f"receipts {key}", numbers[key], last.get(key, 0))


def outbox_problems(session: Session) -> Iterable[str]:
    devices: dict[int, str] = dict(session.execute(select(Counter.id, Counter.device_id)).all())
    numbers: dict[str, list[int]] = defaultdict(list)
    for device, seq in session.execute(select(OutboxEvent.device_id, OutboxEvent.seq)):
        numbers[device].append(seq)
    last = {devices[c]: v for (c, y), v in issued(session, OUTBOX).items() if y == NO_YEAR}
    for device in set(numbers) | set(last):
        yield from gaps(f"outbox {device}", numbers[device], last.get(device, 0))


def work_order_problems(session: Session) -> Iterable[str]:
    numbers: dict[int, list[int]] = defaultdict(list)
    for number in session.scalars(select(WorkOrder.number)):
        _, _, _, year_text, seq = number.split("-")
        numbers[int(year_text)].append(int(seq))
    last = {y: v for (_, y), v in issued(session, WORK_ORDER).items()}
    for year in set(numbers) | set(last):
        yield from gaps(f"work orders {year}", numbers[year], last.get(year, 0))
    unsealed = Tally(session.scalars(select(WorkOrder.enrolment_id)))
    for enrolment_id in session.scalars(select(Enrolment.id)):
        if unsealed[enrolment_id] != 1:
            yield f"enrolment {enrolment_id} has {unsealed[enrolment_id]} unseal orders"


def payment_journal_problems(session: Session) -> Iterable[str]:
    """Each payment has exactly one audit record, and that record one outbox event."""
    audits: dict[str, list[int]] = defaultdict(list)
    for audit_id, receipt in session.execute(
            select(AuditRecord.id, AuditRecord.entity_id).where(AuditRecord.entity == "payment")):
        audits[receipt].append(audit_id)
    events = Tally(session.scalars(select(OutboxEvent.audit_id)))
    receipts = set(session.scalars(select(Payment.receipt_no)))
    for receipt in receipts:
        if len(audits[receipt]) != 1:
            yield f"payment {receipt} has {len(audits[receipt])} audit records"
        elif events[audits[receipt][0]] != 1:
            yield f"payment {receipt} has {events[audits[receipt][0]]} outbox events"
    for receipt in set(audits) - receipts:
        yield f"audit record for {receipt}, a payment that is not there"


def plan_problems(session: Session) -> Iterable[str]:
    """A down payment per enrolment; it and the instalments add up to the amount due."""
    payments: dict[int, list[Payment]] = defaultdict(list)
    for payment in session.scalars(select(Payment)):
        payments[payment.enrolment_id].append(payment)
    instalments: dict[int, list[Instalment]] = defaultdict(list)
    for inst in session.scalars(select(Instalment)):
        instalments[inst.enrolment_id].append(inst)
    for e in session.scalars(select(Enrolment)):
        downs = [p for p in payments[e.id] if p.kind == PaymentKind.DOWN_PAYMENT]
        plan = instalments[e.id]
        paid_in_plan = sum(p.amount for p in payments[e.id] if p.kind == PaymentKind.INSTALMENT)
        if len(downs) != 1:
            yield f"enrolment {e.uuid} has {len(downs)} down payments"
        elif downs[0].amount + sum(i.amount for i in plan) != e.amount_due:
            yield f"enrolment {e.uuid}: down payment and instalments do not sum to its due"
        elif paid_in_plan != sum(i.paid_amount for i in plan) or len(plan) != e.instalment_count:
            yield f"enrolment {e.uuid}: instalment payments and the plan disagree"
        balance = sum(i.amount - i.paid_amount for i in plan)
        if e.state.value != ("completed" if balance == 0 else "active"):
            yield f"enrolment {e.uuid} is {e.state.value} with Rp {balance} still owed"


def bill_problems(session: Session) -> Iterable[str]:
    """Each bill's paid amount is what was allocated to it; settled means nothing owed."""
    allocated = dict(session.execute(select(BillAllocation.bill_id, func.sum(
        BillAllocation.amount)).group_by(BillAllocation.bill_id)).all())
    for bill_id, paid, due, settled, in_plan in session.execute(select(
            Bill.id, Bill.paid_amount,
            Bill.water_charge + Bill.fees + Bill.penalty - Bill.penalty_waived,
            Bill.settled, Bill.enrolment_id.is_not(None))):
        if paid != allocated.get(bill_id, 0) or not 0 <= paid <= due:
            yield f"bill {bill_id}: paid {paid} of {due}, allocated {allocated.get(bill_id)}"
        if settled != (in_plan and paid == due):
            yield f"bill {bill_id}: settled is {settled} with {due - paid} owed"
