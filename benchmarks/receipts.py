"""Receipt PDF speed: the median time to build one receipt.

Run from the project folder: ``python benchmarks/receipts.py [--runs N]``. It makes a
demo branch in a temporary folder, takes one down payment (the press story: Rp 2.4
million of arrears, half paid) and then times, for each paper:

- *render*: the PDF from the receipt's data (layout, QR code, reportlab);
- *full*: reading the receipt from the database, signing the QR payload, rendering.

Medians of wall-clock and CPU time are printed in milliseconds. Target: ≤ 20 ms.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.bootstrap import open_branch
from app.services.clock import FixedClock
from app.services.documents.printing import receipt_payload
from app.services.documents.receipt_data import receipt_document
from app.services.documents.receipt_pdf import Paper, receipt_pdf
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import Tender
from app.services.setup import BranchSetup, initialise_branch
from app.services.shifts import open_shift
from app.services.users import add_user
from tests.support.fakes import DEMO_DAY, actor_for, add_customer, monthly_bills

KEY = bytes(range(32))


def median_ms(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median (wall, CPU) milliseconds of ``action`` after two warm-up calls."""
    action()
    action()
    wall, cpu = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        action()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        branch = open_branch(Path(folder) / "branch", create=True, clock=FixedClock(DEMO_DAY))
        system = initialise_branch(branch.writing(), BranchSetup())
        add_user(branch.writing(), system, "kasir", "Maria Goreti Ndolu", "cashier", "kasir123")
        cashier = actor_for(branch, "kasir")
        open_shift(branch.writing(), cashier, 500_000)
        add_customer(branch, "10012345", name="Harun Bessie",
                     bills=monthly_bills("2021-11", 48, 50_000, penalty=5_000))
        receipt = enrol_and_pay(branch.writing(), cashier, EnrolRequest(
            "10012345", 3, Tender(1_200_000, tendered=1_250_000)))
        doc = receipt_document(branch.reading(), receipt.receipt_no)
        payload = receipt_payload(doc, KEY)
        print(f"{platform.processor() or platform.machine()}, {platform.system()}, "
              f"Python {platform.python_version()}, {runs} runs")
        print(f"{'paper':<12} {'render wall':>12} {'render CPU':>11} {'full wall':>10} "
              f"{'full CPU':>9}")
        for paper in Paper:
            render = median_ms(lambda p=paper: receipt_pdf(doc, p, payload), runs)

            def full(p: Paper = paper) -> bytes:
                d = receipt_document(branch.reading(), receipt.receipt_no)
                return receipt_pdf(d, p, receipt_payload(d, KEY))
            whole = median_ms(full, runs)
            print(f"{paper.value:<12} {render[0]:>9.1f} ms {render[1]:>8.1f} ms "
                  f"{whole[0]:>7.1f} ms {whole[1]:>6.1f} ms")
        branch.close()


if __name__ == "__main__":
    main()
