"""Sample reports from a demo branch: the LPP of one day and the programme progress report.

    python scripts/sample_reports.py [--out DIR] [--keep DIR] [--png]

Creates the demo branch (17,405 Kota Kupang customers) in a temporary folder, then runs
counter L01 through the first three weeks of Buka Segel 2025 on a moving clock, through
the services only: a shift a day with a float, enrolments paid by cash, transfer or
QRIS, a few early instalments, unseal orders done in the field, a void on the spot and
one of an older receipt, and each evening a cash count signed off by the supervisor.
It writes both reports (PDF and XLSX) to ``--out`` (default ``build/sample-reports``);
with ``--png`` also the first page of each as PNG through ``pdftoppm -r 80`` (poppler),
which is how ``docs/report-lpp.png`` and ``docs/report-progress.png`` were made.
The same seed always gives the same reports.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from app.bootstrap import BranchDatabase, open_branch  # noqa: E402
from app.models import Customer, CustomerStatus  # noqa: E402
from app.services.clock import FixedClock  # noqa: E402
from app.services.context import Actor, system_actor  # noqa: E402
from app.services.demo.branch import create_demo_branch  # noqa: E402
from app.services.errors import DomainError  # noqa: E402
from app.services.ledger.accounts import get_account, quote  # noqa: E402
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay  # noqa: E402
from app.services.ledger.instalments import InstalmentRequest, pay_instalment  # noqa: E402
from app.services.ledger.payments import Tender  # noqa: E402
from app.services.ledger.voids import VoidRequest, void_payment  # noqa: E402
from app.services.ledger.workorders import confirm_work_order, list_work_orders  # noqa: E402
from app.services.reports.issue import issue_lpp, issue_progress, write_report  # noqa: E402
from app.services.reports.lpp_data import lpp_document  # noqa: E402
from app.services.shifts import (  # noqa: E402
    NOTE_DENOMINATIONS,
    CashCount,
    count_cash,
    open_shift,
    sign_off,
)
from app.services.users import log_in  # noqa: E402

FIRST_DAY = dt.date(2025, 11, 17)
LAST_DAY = dt.date(2025, 12, 5)
LPP_DAY = dt.date(2025, 11, 24)
CASHIER = ("kasir1", "kasir123")
SUPERVISOR = ("spv1", "spv12345")
OFFICERS = ("Petrus Lomi", "Yohanes Bria", "Markus Tanone")


class Counter:
    """Counter L01 on a moving clock."""

    def __init__(self, branch: BranchDatabase, clock: FixedClock, seed: int) -> None:
        self.branch, self.clock, self.rng = branch, clock, random.Random(seed)
        self.cashier = log_in(branch.writing(), *CASHIER)
        self.supervisor = log_in(branch.writing(), *SUPERVISOR)
        with branch.reading() as uow:
            self.system: Actor = system_actor(uow.session)
            sealed = list(uow.session.scalars(select(Customer.connection_no).where(
                Customer.status == CustomerStatus.SEALED).order_by(Customer.id)))
        self.rng.shuffle(sealed)
        self.waiting = sealed
        self.enrolled: list[str] = []
        self.receipts: dict[dt.date, list[str]] = {}

    def at(self, day: dt.date, hour: int, minute: int = 0) -> None:
        self.clock.at = dt.datetime.combine(day, dt.time(hour, minute))

    def tender(self, amount: int) -> Tender:
        method = self.rng.choices(("cash", "transfer", "qris"), (60, 25, 15))[0]
        if method == "cash":
            return Tender(amount, -(-amount // 50_000) * 50_000)
        prefix = "TRF" if method == "transfer" else "QR"
        return Tender(amount, amount, method, f"{prefix}-{self.rng.randint(100000, 999999)}")

    def enrol(self, day: dt.date) -> None:
        while self.waiting:
            number = self.waiting.pop()
            offer = quote(self.branch.reading(), number)
            if offer.eligible:
                break
        else:
            return
        count = self.rng.choice(offer.allowed_instalments[-3:])
        receipt = enrol_and_pay(self.branch.writing(), self.cashier, EnrolRequest(
            number, count, self.tender(offer.down_payment)))
        self.enrolled.append(number)
        self.receipts.setdefault(day, []).append(receipt.receipt_no)

    def pay_early(self, day: dt.date) -> None:
        """An enrolled customer pays the next instalment (or two) before it is due."""
        number = self.rng.choice(self.enrolled)
        plan = get_account(self.branch.reading(), number).enrolment
        if plan is None or plan.state != "active":
            return
        unpaid = [i.amount - i.paid_amount for i in plan.instalments if i.amount > i.paid_amount]
        amount = sum(unpaid[:self.rng.choice((1, 1, 2))])
        receipt = pay_instalment(self.branch.writing(), self.cashier, InstalmentRequest(
            number, self.tender(amount)))
        self.receipts.setdefault(day, []).append(receipt.receipt_no)

    def void(self, candidates: list[str], reason: str) -> None:
        """Void the latest of ``candidates`` that can be voided (a plan's latest receipt)."""
        for receipt_no in reversed(candidates):
            try:
                void_payment(self.branch.writing(), self.supervisor,
                             VoidRequest(receipt_no, reason, *SUPERVISOR))
                return
            except DomainError:
                continue

    def field_work(self, day: dt.date) -> None:
        """The field reports unseal orders of earlier days done."""
        for order in list_work_orders(self.branch.reading()):
            if order.kind == "unseal" and (day - order.issued_at.date()).days >= 2 \
                    and self.rng.random() < 0.7:
                confirm_work_order(self.branch.writing(), self.system, order.number, day,
                                   self.rng.choice(OFFICERS), self.rng.randint(200, 4000))

    def close_day(self, day: dt.date) -> None:
        self.at(day, 16, 5)
        shift = lpp_document(self.branch.reading(), day).shifts[-1]
        short = self.rng.choice((0, 0, 0, 0, -20_000, 5_000)) if day != LPP_DAY else -50_000
        count_cash(self.branch.writing(), self.cashier, cash_count(shift.expected + short))
        self.at(day, 16, 20)
        note = "" if short == 0 else ("kurang, dicatat" if short < 0 else "lebih, disetor")
        sign_off(self.branch.writing(), self.cashier, *SUPERVISOR, note=note)


def cash_count(amount: int) -> CashCount:
    """The notes a drawer holding ``amount`` would have, largest first, coins for the rest."""
    notes = {}
    for denomination in NOTE_DENOMINATIONS:
        notes[denomination], amount = divmod(amount, denomination)
    return CashCount({d: n for d, n in notes.items() if n}, amount)


def run_day(counter: Counter, day: dt.date) -> None:
    rng = counter.rng
    counter.at(day, 7, 45)
    counter.field_work(day)
    counter.at(day, 8, 0)
    open_shift(counter.branch.writing(), counter.cashier, 500_000)
    busy = 14 if day == LPP_DAY else rng.randint(5, 12) + (day - FIRST_DAY).days // 3
    for i in range(busy):
        counter.clock.advance(minutes=rng.randint(8, 25))
        if counter.enrolled and rng.random() < 0.18:
            counter.pay_early(day)
        else:
            counter.enrol(day)
        if day == LPP_DAY and i == 5:
            counter.clock.advance(minutes=3)
            counter.void(counter.receipts[day], "salah nomor sambungan, dibayar ulang")
        if day == LPP_DAY and i == 8:
            counter.void(counter.receipts[dt.date(2025, 11, 21)],
                         "pembayaran ganda: sudah dibayar lewat bank")
    counter.close_day(day)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "sample-reports")
    parser.add_argument("--keep", type=Path, help="make the branch here and keep it")
    parser.add_argument("--png", action="store_true", help="also write PNG first pages")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="loket-sample-")) / "branch"
    create_demo_branch(work)
    clock = FixedClock(dt.datetime.combine(FIRST_DAY, dt.time(7, 30)))
    branch = open_branch(work, clock=clock)
    try:
        counter = Counter(branch, clock, args.seed)
        day = FIRST_DAY
        while day <= LAST_DAY:
            if day.weekday() < 5:
                run_day(counter, day)
            day += dt.timedelta(days=1)
        clock.at = dt.datetime.combine(LAST_DAY, dt.time(17, 0))
        lpp = write_report(issue_lpp(branch.reading(), work, LPP_DAY), args.out)
        progress = write_report(issue_progress(branch.reading(), work), args.out)
    finally:
        branch.close()
        if args.keep is None:
            shutil.rmtree(work.parent, ignore_errors=True)
    for path in (*lpp, *progress):
        print(path)
    if args.png:
        for pdf, name in ((lpp[0], "report-lpp"), (progress[0], "report-progress")):
            target = args.out / name
            subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", "-f", "1", "-l", "1",
                            str(pdf), str(target)], check=True)
            print(target.with_suffix(".png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
