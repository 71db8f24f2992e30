"""A full enrol-and-pay at the counter, by keyboard: how many keystrokes, how long the app takes.

    python benchmarks/counter_flow.py [--runs 10] [--customers 2000]

A small demo branch is made once; every run works on a fresh copy of it, signed in as
the demo cashier with a shift open, in the real ``MainWindow`` (off screen unless
``QT_QPA_PLATFORM`` says otherwise). From the search field with focus, the cashier:

1. scans the press-story customer's connection number (the scanner types it and Enter);
2. presses F5 and the quote appears with the instalment count in focus;
3. picks 3 instalments (only if the quote does not already offer 3);
4. presses Enter for the payment dialog, with "money received" in focus;
5. types the money received (the down payment rounded up to the next Rp 50.000) and
   Enter: the payment is saved, the receipt PDF is made and shown with the change;
6. presses Esc to close the receipt and is back in the search field.

Every key goes to whichever widget has the keyboard focus, as on a real counter. Typing
itself is not timed: a step's time runs from its last key (Enter, F5, Esc …) until
its result is on screen, measured as wall-clock time and as CPU time of the whole
process (the app's threads only; other programs on the machine do not count).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.bootstrap import open_branch
from app.services.demo import DEMO_USERS, FEATURED_CONNECTION_NO, create_demo_branch
from app.services.shifts import open_shift
from app.services.users import log_in
from app.ui.context import UiContext
from app.ui.enrol_dialog import EnrolDialog
from app.ui.i18n import install_translator
from app.ui.main_window import MainWindow
from app.ui.payment_dialog import PaymentDialog
from app.ui.session import AppShell
from app.ui.style import apply_style

TIMEOUT_S = 30.0
OPENING_FLOAT = 500_000
INSTALMENTS = 3
CHANGE_STEP = 50_000
KEY_NAMES = {Qt.Key.Key_Return: "Enter", Qt.Key.Key_F5: "F5", Qt.Key.Key_Escape: "Esc",
             Qt.Key.Key_3: "3"}


@dataclass
class Run:
    """One enrol-and-pay: keys pressed, and per step the (wall, CPU) seconds waited."""

    keys: int = 0
    sequence: list[str] = field(default_factory=list)  # what was typed, step by step
    steps: dict[str, tuple[float, float]] = field(default_factory=dict)
    typing_cpu: float = 0.0  # CPU spent handling the keys typed before each step's last
    receipt_no: str = ""


class Cashier:
    """Presses keys on the focused widget and waits for what each step should show."""

    def __init__(self, app: QApplication, window: MainWindow, run: Run) -> None:
        self.app, self.window, self.run = app, window, run

    def focused(self) -> QWidget:
        widget = self.app.focusWidget() or self.app.activeWindow() or self.window
        return widget

    def type(self, text: str) -> None:
        """Type ``text`` (not timed as waiting; the app's CPU for it is noted)."""
        cpu = time.process_time()
        for char in text:
            QTest.keyClicks(self.focused(), char)
            self.run.keys += 1
        self.run.sequence.append(text)
        self.run.typing_cpu += time.process_time() - cpu

    def step(self, name: str, key: Qt.Key, done: Callable[[], bool]) -> None:
        """Press ``key`` and wait until ``done()``; the wait is the step's time."""
        wall, cpu = time.perf_counter(), time.process_time()
        QTest.keyClick(self.focused(), key)
        self.run.keys += 1
        self.run.sequence.append(KEY_NAMES.get(key, key.name))
        wait_until(self.app, done, name)
        self.run.steps[name] = (time.perf_counter() - wall, time.process_time() - cpu)


def wait_until(app: QApplication, done: Callable[[], bool], what: str) -> None:
    """Handle events (sleeping while there are none) until ``done()``."""
    wake = QTimer()
    wake.start(5)  # bounds each sleep, so the deadline is checked
    deadline = time.perf_counter() + TIMEOUT_S
    try:
        while not done():
            if time.perf_counter() > deadline:
                raise TimeoutError(f"step {what!r} did not finish in {TIMEOUT_S:.0f} s")
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        wake.stop()


def enrol_and_pay(app: QApplication, window: MainWindow) -> Run:
    """The cashier's keys from the focused search field to the next customer."""
    run = Run()
    cashier = Cashier(app, window, run)
    page, flows = window.account, window.account.flows
    assert app.focusWidget() is window.search.field, "the search field should have focus"

    cashier.type(FEATURED_CONNECTION_NO)
    cashier.step("scan → account shown", Qt.Key.Key_Return, lambda: (
        window.current_page() is page and page.account is not None and not page.is_loading()
        and page.account.customer.connection_no == FEATURED_CONNECTION_NO))

    def quote_shown() -> bool:
        dialog = flows.dialog
        return (isinstance(dialog, EnrolDialog) and dialog.isVisible()
                and dialog.quote is not None and dialog._pending is None
                and dialog.confirm.isEnabled() and app.focusWidget() is dialog.count)

    cashier.step("F5 → quote shown", Qt.Key.Key_F5, quote_shown)
    enrol = flows.dialog
    assert isinstance(enrol, EnrolDialog) and enrol.quote is not None
    if enrol.chosen_count() != INSTALMENTS:
        cashier.step("3 → quote for 3 instalments", Qt.Key.Key_3, lambda: (
            quote_shown() and enrol.quote is not None
            and enrol.quote.instalments == INSTALMENTS))

    def payment_shown() -> bool:
        dialog = flows.dialog
        return (isinstance(dialog, PaymentDialog) and dialog.isVisible()
                and app.focusWidget() is dialog.tendered)

    cashier.step("Enter → payment dialog", Qt.Key.Key_Return, payment_shown)
    pay = flows.dialog
    assert isinstance(pay, PaymentDialog)
    due = pay.amount.amount()
    assert due is not None
    cashier.type(str((due // CHANGE_STEP + 1) * CHANGE_STEP))
    cashier.step("Enter → saved, receipt shown", Qt.Key.Key_Return, lambda: (
        pay.receipt is not None and bool(flows.viewers) and flows.viewers[-1].isVisible()
        and window.current_page() is window.search))
    assert pay.receipt is not None and pay.receipt.change > 0
    run.receipt_no = pay.receipt.receipt_no
    cashier.step("Esc → back in search", Qt.Key.Key_Escape, lambda: (
        not flows.viewers and window.focusWidget() is window.search.field
        and not window.search.busy()))
    return run


def one_run(app: QApplication, template: Path, workdir: Path) -> Run:
    """A fresh copy of the demo branch, a shift opened, the flow once."""
    data_dir = workdir / "branch"
    shutil.copytree(template, data_dir)
    branch = open_branch(data_dir)
    ctx = UiContext(branch, lang="id")
    try:
        username, password = DEMO_USERS[0][:2]
        actor = log_in(branch.writing(), username, password)
        open_shift(branch.writing(), actor, OPENING_FLOAT)
        window = AppShell(ctx, offer_shift=False).enter(actor)
        QTest.qWaitForWindowExposed(window)
        wait_until(app, lambda: app.focusWidget() is window.search.field, "window shown")
        try:
            return enrol_and_pay(app, window)
        finally:
            window.close()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        ctx.tasks.wait(int(TIMEOUT_S * 1000))
        branch.close()


def report(runs: list[Run]) -> None:
    keys = {run.keys for run in runs}
    print(f"\n{len(runs)} runs, receipts {runs[0].receipt_no} …; keystrokes per "
          f"enrol-and-pay: {', '.join(map(str, sorted(keys)))}")
    print(f"  typed: {' '.join(runs[0].sequence)}")
    per_step: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for run in runs:
        for name, value in run.steps.items():
            per_step[name].append(value)
    print(f"  {'step':34}{'wall median':>13}{'wall max':>10}{'CPU median':>12}")
    for name, values in per_step.items():
        walls, cpus = [v[0] for v in values], [v[1] for v in values]
        print(f"  {name:34}{statistics.median(walls) * 1000:10.0f} ms"
              f"{max(walls) * 1000:7.0f} ms{statistics.median(cpus) * 1000:9.0f} ms")
    totals = [sum(v[0] for v in run.steps.values()) for run in runs]
    cpu_totals = [sum(v[1] for v in run.steps.values()) for run in runs]
    typing = [run.typing_cpu for run in runs]
    print(f"  {'total waiting':34}{statistics.median(totals) * 1000:10.0f} ms"
          f"{max(totals) * 1000:7.0f} ms{statistics.median(cpu_totals) * 1000:9.0f} ms")
    print(f"  (handling the typed keys themselves: median {statistics.median(typing) * 1000:.0f}"
          f" ms CPU in all, not included above)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--customers", type=int, default=2000)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(["loket-counter-flow"])
    assert isinstance(app, QApplication)
    install_translator(app, "id")
    apply_style(app)
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(f"{os.cpu_count()} CPUs, Qt platform {app.platformName()}, load {load}", flush=True)
    with tempfile.TemporaryDirectory(prefix="loket-counter-flow-") as tmp:
        template = Path(tmp) / "template"
        summary = create_demo_branch(template, customers=args.customers)
        print(f"demo branch: {summary.customers:,} customers (made in {summary.seconds:.1f} s)",
              flush=True)
        runs = []
        for number in range(args.runs):
            workdir = Path(tmp) / f"run-{number}"
            runs.append(one_run(app, template, workdir))
            shutil.rmtree(workdir, ignore_errors=True)
        report(runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
