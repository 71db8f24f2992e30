"""Receipt printing speed: from confirm-payment to the job accepted by the spooler.

Run from the project folder: ``python benchmarks/print_receipt.py [--runs N] [--printer
NAME] [--json]`` (default printer name ``PDF``, the virtual CUPS printer of ``.ci/run``).
It makes a demo branch in a temporary folder and, for each run, takes one down payment
for a new customer, then does what the counter does after the Pay key, in its order:
the receipt built and archived, printed silently and the attempt logged (*accepted*:
the spooler took the job), then the agreement and the unseal work order built and
archived (*all documents*). The window is back at the search as soon as the payment is
saved; all of this runs in the background. Medians of wall-clock and CPU time in
milliseconds. Target: confirm-payment to the job accepted ≤ 200 ms.

*The window while printing* (``--window-rounds``, default 3): the last run's receipt,
agreement and work order are printed again in a background thread, as after an
enrolment, while the UI thread does a fixed piece of Python work (a stand-in for a key
or a scan, a few milliseconds) every 30 ms; its wall time during the printing against
the same work with nothing printing says how long the window waits for the printing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from app.bootstrap import open_branch
from app.services.clock import FixedClock
from app.services.documents.receipt_pdf import Paper
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import Tender
from app.services.setup import BranchSetup, initialise_branch
from app.services.shifts import open_shift
from app.services.users import add_user
from app.ui.account.docs import payment_documents, receipt_file
from app.ui.paint_threads import paint_on_the_ui_thread
from app.ui.printing import load_print_plugin, print_pdf, print_receipt, printer_names
from benchmarks.machine import describe, machine
from tests.support.fakes import DEMO_DAY, actor_for, add_customer, monthly_bills

TARGET_MS = 200.0
"""Confirm-payment to the receipt's job accepted by the spooler (median)."""
PROBE_EVERY_MS = 30
PROBE_LOOP = 100_000  # additions in Python: a few ms of the UI thread's work


def probe() -> float:
    """The window's stand-in work; its wall time in ms."""
    wall, total = time.perf_counter(), 0
    for number in range(PROBE_LOOP):
        total += number
    return (time.perf_counter() - wall) * 1000


def spread(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"median_ms": round(statistics.median(ordered), 1),
            "p95_ms": round(ordered[round(0.95 * (len(ordered) - 1))], 1),
            "max_ms": round(ordered[-1], 1), "n": len(ordered)}


def window_while_printing(app: QApplication, paths: list[Path], printer: str,
                          rounds: int) -> dict[str, dict[str, float]]:
    """Each round: the probe every 30 ms for a second with nothing printing, then every
    30 ms while ``paths`` print in a background thread."""
    load_print_plugin()
    alone: list[float] = []
    during: list[float] = []
    printing: list[float] = []
    for _ in range(rounds):
        quiet = threading.Event()
        QTimer.singleShot(1000, quiet.set)
        probe_until(app, quiet, alone)
        done = threading.Event()

        def work(done: threading.Event = done) -> None:
            for path in paths:
                print_pdf(path, printer, path.stem)
            done.set()

        wall = time.perf_counter()
        threading.Thread(target=work).start()
        probe_until(app, done, during)
        printing.append((time.perf_counter() - wall) * 1000)
    return {"probe_alone": spread(alone), "probe_while_printing": spread(during),
            "printing_three_documents": spread(printing)}


def probe_until(app: QApplication, done: threading.Event, into: list[float]) -> None:
    """Handle events, probing every 30 ms on the UI thread, until ``done``."""
    timer = QTimer()
    timer.timeout.connect(lambda: into.append(probe()))
    timer.start(PROBE_EVERY_MS)
    while not done.is_set():
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    timer.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--printer", default="PDF")
    parser.add_argument("--window-rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    paint_on_the_ui_thread()  # as the counter app does
    app = QApplication([])
    if args.printer not in printer_names():
        raise SystemExit(f"no printer named {args.printer} (see .ci/run)")
    before = machine()
    clocks: dict[str, list[float]] = {"saved": [], "accepted": [], "all_documents": [],
                                      "accepted_cpu": [], "all_documents_cpu": []}
    with tempfile.TemporaryDirectory() as folder:
        branch = open_branch(Path(folder) / "branch", create=True, clock=FixedClock(DEMO_DAY))
        system = initialise_branch(branch.writing(), BranchSetup())
        add_user(branch.writing(), system, "kasir", "Maria Goreti Ndolu", "cashier", "kasir123")
        cashier = actor_for(branch, "kasir")
        open_shift(branch.writing(), cashier, 500_000)
        for run in range(args.runs + 1):  # the first run warms up
            number = f"1001{run:04d}"
            add_customer(branch, number, name="Harun Bessie",
                         bills=monthly_bills("2021-11", 48, 50_000, penalty=5_000))
            w, c = time.perf_counter(), time.process_time()
            receipt = enrol_and_pay(branch.writing(), cashier, EnrolRequest(
                number, 3, Tender(1_200_000, tendered=1_250_000)))
            saved = time.perf_counter() - w
            doc = receipt_file(branch, receipt.receipt_no, Paper.ROLL_80)
            printed = print_receipt(branch, cashier, receipt.receipt_no, doc, args.printer)
            if not printed.result.ok:
                raise SystemExit(f"not printed: {printed.result.message()}")
            accepted, accepted_cpu = time.perf_counter() - w, time.process_time() - c
            docs = payment_documents(branch, receipt, Paper.ROLL_80, doc)
            if run:
                for key, value in (("saved", saved), ("accepted", accepted),
                                   ("accepted_cpu", accepted_cpu),
                                   ("all_documents", time.perf_counter() - w),
                                   ("all_documents_cpu", time.process_time() - c)):
                    clocks[key].append(value)
        papers = [p for p in (docs.receipt, docs.agreement, docs.work_order) if p is not None]
        window = (window_while_printing(app, papers, args.printer, args.window_rounds)
                  if args.window_rounds else {})
        branch.close()
    figures = {key: {"median_ms": round(statistics.median(values) * 1000, 1),
                     "max_ms": round(max(values) * 1000, 1)} for key, values in clocks.items()}
    median = figures["accepted"]["median_ms"]
    result = {"benchmark": "print_receipt", "machine": before, "machine_after": machine(),
              "runs": args.runs, "printer": args.printer, "ms": figures,
              "window_while_printing": window,
              "target": {"what": "confirm-payment to job accepted, median ms",
                         "target_ms": TARGET_MS, "measured_ms": median,
                         "met": median <= TARGET_MS}}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{describe(before)}; {args.runs} runs, printer {args.printer}")
    for key, figure in figures.items():
        print(f"  {key:18} median {figure['median_ms']:7.1f} ms   max {figure['max_ms']:7.1f} ms")
    for name, seen in window.items():
        print(f"  {name:28} median {seen['median_ms']:7.1f} ms   p95 {seen['p95_ms']:7.1f} ms"
              f"   max {seen['max_ms']:7.1f} ms   (n {seen['n']:.0f})")
    print(f"  target: job accepted ≤ {TARGET_MS:.0f} ms: {median:.1f} ms "
          f"{'met' if median <= TARGET_MS else 'NOT met'}")


if __name__ == "__main__":
    main()
