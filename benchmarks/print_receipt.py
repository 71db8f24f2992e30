"""Receipt printing speed: from confirm-payment to the job accepted by the spooler.

Run from the project folder: ``python benchmarks/print_receipt.py [--runs N] [--printer
NAME]`` (default printer name ``PDF``, the virtual CUPS printer of ``.ci/run``). It makes
a demo branch in a temporary folder and, for each run, takes one down payment for a new
customer, then does what the counter does after the Pay key: the receipt (and, after an
enrolment, the agreement and the unseal work order) built and archived, the receipt
printed silently and the attempt logged. Medians of wall-clock and CPU time in
milliseconds. Target: ≤ 1 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from app.bootstrap import open_branch
from app.services.clock import FixedClock
from app.services.documents.receipt_pdf import Paper
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import Tender
from app.services.setup import BranchSetup, initialise_branch
from app.services.shifts import open_shift
from app.services.users import add_user
from app.ui.account.docs import payment_documents
from app.ui.printing import print_receipt, printer_names
from tests.support.fakes import DEMO_DAY, actor_for, add_customer, monthly_bills


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--printer", default="PDF")
    args = parser.parse_args()
    QApplication([])
    if args.printer not in printer_names():
        raise SystemExit(f"no printer named {args.printer} (see .ci/run)")
    with tempfile.TemporaryDirectory() as folder:
        branch = open_branch(Path(folder) / "branch", create=True, clock=FixedClock(DEMO_DAY))
        system = initialise_branch(branch.writing(), BranchSetup())
        add_user(branch.writing(), system, "kasir", "Maria Goreti Ndolu", "cashier", "kasir123")
        cashier = actor_for(branch, "kasir")
        open_shift(branch.writing(), cashier, 500_000)
        wall, cpu = [], []
        for run in range(args.runs + 1):  # the first run warms up
            number = f"1001{run:04d}"
            add_customer(branch, number, name="Harun Bessie",
                         bills=monthly_bills("2021-11", 48, 50_000, penalty=5_000))
            w, c = time.perf_counter(), time.process_time()
            receipt = enrol_and_pay(branch.writing(), cashier, EnrolRequest(
                number, 3, Tender(1_200_000, tendered=1_250_000)))
            docs = payment_documents(branch, receipt, Paper.ROLL_80)
            printed = print_receipt(branch, cashier, receipt.receipt_no, docs.receipt_doc,
                                    args.printer)
            if not printed.result.ok:
                raise SystemExit(f"not printed: {printed.result.message()}")
            if run:
                wall.append(time.perf_counter() - w)
                cpu.append(time.process_time() - c)
        branch.close()
    print(f"{platform.processor() or platform.machine()}, {platform.system()}, "
          f"Python {platform.python_version()}, {args.runs} runs, printer {args.printer}")
    print(f"confirm-payment to job accepted: {statistics.median(wall) * 1000:.0f} ms wall, "
          f"{statistics.median(cpu) * 1000:.0f} ms CPU (median; max wall "
          f"{max(wall) * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
