"""Scan → account shown, counted in instructions: the same on a busy or a quiet machine.

Wall and CPU times of a 25 ms step swing by half on a shared virtual machine; the
number of instructions the process runs for it hardly moves. Run under Valgrind's
callgrind, collecting only while each scan is measured::

    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=OUT/cg.%p \\
        .venv/bin/python benchmarks/scan_instructions.py [--rounds 2]
    .venv/bin/python benchmarks/scan_instructions.py --report OUT [--json]

One window on a copy of a 2,000-customer demo branch, readied as at log-in; the
cashier scans five customers one after the other (the press-story customer with 50
bills, three with 3 bills, one with 83), each a different customer from the last, and
goes back to the search; ``--rounds`` times. The first scan is the window's first.
Python's automatic collection is off and collected between scans, and the status bar's
timer stopped, so no timer's work falls into a scan. Each scan's instructions (every
thread, the background reading of the account included) are dumped apart and summed
by ``--report``.
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CUSTOMERS = ("11203217", "60300009", "40500009", "20400006", "11000023")
"""The press-story customer (50 bills), three with 3 bills and one with 83."""


def collecting(on: bool) -> None:
    """Switch callgrind's collection on or off for this process (and dump when off)."""
    import os

    pid = str(os.getpid())
    subprocess.run(["callgrind_control", "-i", "on" if on else "off", pid], check=True,
                   capture_output=True)
    if not on:
        subprocess.run(["callgrind_control", "-d", "scan", pid], check=True,
                       capture_output=True)


def scan_all(rounds: int) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    import benchmarks.counter_flow as flow
    from app.bootstrap import open_branch
    from app.services.demo.branch import DEMO_USERS, create_demo_branch
    from app.services.shifts import open_shift
    from app.services.users import log_in
    from app.ui.account import page as account_page
    from app.ui.context import UiContext
    from app.ui.i18n import install_translator
    from app.ui.paint_threads import paint_on_the_ui_thread
    from app.ui.session.flow import AppShell
    from app.ui.style import apply_style

    flow.TIMEOUT_S = 600  # everything runs some fifty times slower under callgrind
    account_page.PAINT_WHILE_LOADING_MS = 600_000  # painted once, when loaded, as when quick
    paint_on_the_ui_thread()
    app = QApplication(["loket-scan-instructions"])
    install_translator(app, "id")
    apply_style(app)
    gc.disable()
    with tempfile.TemporaryDirectory(prefix="loket-scan-instructions-") as tmp:
        data_dir = Path(tmp) / "branch"
        create_demo_branch(data_dir, customers=2000)
        branch = open_branch(data_dir)
        ctx = UiContext(branch, lang="id")
        actor = log_in(branch.writing(), *DEMO_USERS[0][:2])
        open_shift(branch.writing(), actor, 500_000)
        window = AppShell(ctx, offer_shift=False).enter(actor)
        QTest.qWaitForWindowExposed(window)
        flow.wait_until(app, lambda: app.focusWidget() is window.search.field, "shown")
        flow.settle(ctx)
        readier = getattr(window.account, "readier", None)  # none before this round
        while readier is not None and (readier.readied == 0 or readier._again.isActive()):
            QTest.qWait(300)  # the page readied again at the window's final size
        window.status._timer.stop()
        for number in CUSTOMERS * rounds:
            cashier = flow.Cashier(app, window, flow.Run())
            cashier.type(number)
            collecting(True)
            cashier.step(flow.SCAN_NAME, Qt.Key.Key_Return,
                         flow.account_shown(app, window, number), counted=False)
            collecting(False)
            QTest.keyClick(app.focusWidget() or window, Qt.Key.Key_Escape)
            flow.wait_until(app, lambda: flow.in_search(app, window), "back in search")
            flow.settle(ctx)
            gc.collect()
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        ctx.tasks.wait(10_000)
        branch.close()


def report(folder: Path) -> dict[str, Any]:
    """Each scan's instructions (millions), in the order scanned, from callgrind's dumps."""
    from benchmarks.machine import machine

    dumps = sorted(folder.glob("cg.*.*"), key=lambda p: int(p.suffix[1:]))
    counts = []
    for dump in dumps:
        totals = re.search(r"^totals: (\d+)", dump.read_text(encoding="utf-8"), re.M)
        counts.append(round(int(totals.group(1)) / 1e6, 1) if totals else None)
    scans = [{"customer": CUSTOMERS[i % len(CUSTOMERS)], "instructions_m": count}
             for i, count in enumerate(counts)]
    return {"benchmark": "scan_instructions", "machine": machine(), "scans": scans}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="the five customers, this many times")
    parser.add_argument("--report", type=Path, metavar="FOLDER",
                        help="sum callgrind's dumps in FOLDER instead of scanning")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    if args.report is None:
        if shutil.which("callgrind_control") is None:
            parser.error("run under valgrind --tool=callgrind (see this script's docstring)")
        scan_all(args.rounds)
        return 0
    result = report(args.report)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for scan in result["scans"]:
            print(f"{scan['customer']}  {scan['instructions_m']:6.1f} M instructions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
