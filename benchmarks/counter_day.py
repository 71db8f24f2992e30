"""A day at the counter: the real window driven through two hours' worth of work in minutes.

    python benchmarks/counter_day.py                        # 17,405 customers
    python benchmarks/counter_day.py --customers 1000000    # the 1,000,000 branch
    python benchmarks/counter_day.py --quick --json         # a short run (tests)
    python benchmarks/counter_day.py --cpu-quota 35         # one CPU at 35 % (a slow PC)
    python benchmarks/counter_day.py --cpu-quota 35 --cpu-shares 10240  # … on a busy machine
    python benchmarks/counter_day.py --plot benchmarks/counter_day.png

A copy of the demo branch (``benchmarks/search.py``'s cache; made on first use) is
opened in the real ``MainWindow`` (off screen unless ``QT_QPA_PLATFORM`` says otherwise)
with the demo cashier signed in, a shift open, a receipt printer set (CUPS's virtual
``PDF`` printer when installed, else a name no printer has: the job is then refused at
once and logged) and the window's own garbage collection (on a UI timer). A local head
office (``loket-headoffice serve`` on 127.0.0.1, SQLite, a process of its own) is set
up and the counter registered through Sync → Register. Then, by keyboard only, for
each of ``--payments`` customers served: name, number and barcode searches typed one
key at a time (``--searches`` in all, the scans included), the customer scanned and a
down payment taken (F5) or an instalment paid (F8), every third instalment voided
with a supervisor (F6) and every third down payment's receipt reprinted (F7), the three
lists (Ctrl+1/2/3) every tenth customer and a sync (F12) at each quarter.

Along the run it samples RSS, Python objects (``gc.get_objects()``), Qt objects under
the application and its windows, valid shiboken wrappers and the collector's counts
(without collecting: the window's timer must keep up). Keystroke latency (last key →
results painted, as ``benchmarks/ui_search.py``) is measured on the same queries at the
start and at the end. Targets: RSS after the run ≤ 200 MB at 17,405 customers and
≤ 300 MB at 1,000,000, ≤ 5 MB growth over the second half, no object count creeping,
keystroke latency at the end as at the start.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.cpu_quota import Quota  # before Qt starts any thread


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=17_405)
    parser.add_argument("--payments", type=int, default=300)
    parser.add_argument("--searches", type=int, default=5_000)
    parser.add_argument("--latency-queries", type=int, default=100)
    parser.add_argument("--quick", action="store_true",
                        help="a short run (2,000 customers, 6 payments, 60 searches)")
    parser.add_argument("--cpu-quota", type=float, metavar="PERCENT",
                        help="run on one CPU limited to PERCENT of it (benchmarks/cpu_quota.py)")
    parser.add_argument("--cpu-shares", type=int, metavar="N",
                        help="with --cpu-quota: the cgroup's scheduler weight (10240: a quiet "
                             "machine's share of the CPU on a busy one)")
    parser.add_argument("--cpu-period", type=float, default=100.0, metavar="MS",
                        help="with --cpu-quota: the quota's period (10: the share spread "
                             "evenly, as on a slower processor; default 100, the kernel's)")
    parser.add_argument("--printer", default="", help="receipt printer (default: PDF if any)")
    parser.add_argument("--plot", type=Path, help="write the memory and object plot (PNG)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--cache", type=Path,
                        default=Path(tempfile.gettempdir()) / "loket-search-bench")
    args = parser.parse_args(argv)
    if args.quick:
        args.customers, args.payments, args.searches = 2_000, 6, 60
        args.latency_queries = 10
    return args


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    # The frozen bundle leaves numpy out (installer/loket.spec); here it is installed for
    # matplotlib, and openpyxl would load it with the window: hide it while the day runs.
    hidden = "numpy" not in sys.modules
    if hidden:
        sys.modules["numpy"] = None  # type: ignore[assignment]
    say = (lambda *_a: print(*_a, file=sys.stderr, flush=True)) if args.json else (
        lambda *_a: print(*_a, flush=True))
    from benchmarks.day_office import local_office
    from benchmarks.day_run import DayPlan, run_day

    plan = DayPlan.for_payments(args.payments, args.searches, args.latency_queries)
    with tempfile.TemporaryDirectory(prefix="loket-counter-day-") as tmp:
        folder = Path(tmp)
        data_dir = _branch_copy(args, folder / "branch", say)
        with local_office(folder) as office:  # started before the quota: not the counter's
            quota = Quota(args.cpu_quota, args.cpu_shares,
                          round(args.cpu_period * 1000)).enter() if args.cpu_quota else None
            result = run_day(data_dir, office, plan, printer=args.printer, say=say)
        if quota is not None:
            result["cpu_quota"] = quota.describe()
        shutil.rmtree(data_dir, ignore_errors=True)
    result["customers"] = args.customers
    from benchmarks.day_report import judge, plot, report

    judge(result)
    if hidden:
        del sys.modules["numpy"]
    if args.plot:
        plot(result, args.plot)
        result["plot"] = args.plot.name
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        report(result)
    return 0


def _branch_copy(args: argparse.Namespace, target: Path, say: object) -> Path:
    """A fresh copy of the demo branch of ``args.customers`` (made and cached first)."""
    from app.services.demo.branch import create_demo_branch

    if args.quick:  # small enough to make afresh each time
        create_demo_branch(target, customers=args.customers)
        return target
    from benchmarks import search as engine_bench

    source = engine_bench.cached_demo(args.cache, args.customers)
    started = time.perf_counter()
    shutil.copytree(source, target)
    if callable(say):
        say(f"branch of {args.customers:,} customers copied in "
            f"{time.perf_counter() - started:.1f} s")
    return target


if __name__ == "__main__":
    sys.exit(main())
