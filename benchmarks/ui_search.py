"""Search latency in the real counter window: from the last keystroke to the results shown.

    python benchmarks/ui_search.py                  # 17,405 customers
    python benchmarks/ui_search.py --million        # and 1,000,000 customers
    python benchmarks/ui_search.py --queries 100 --sizes 2000

The demo branches are the ones ``benchmarks/search.py`` makes and keeps (``--cache``, by
default ``loket-search-bench`` in the system temp folder); a missing one is generated
first (17,405 customers take well under a minute, 1,000,000 a few minutes). The script
opens the real ``MainWindow`` (off screen unless ``QT_QPA_PLATFORM`` says otherwise),
signed in as the demo cashier, and for each query drawn like ``benchmarks/search.py``'s
(barcodes, number prefixes, 3–6 letter name fragments, name + kelurahan, typos) it:

1. clears the search field and types all but the last character with ``QTest``, then
   waits until that prefix's results are on screen (a cashier's pause between keys);
2. types the last character and measures until ``SearchPage.results_shown`` fires for
   the full query (*shown*), and until the event loop has also repainted the table
   (*painted*): wall-clock time, and CPU time of the whole process up to the repaint
   (UI thread and search worker; unaffected by other programs on a busy machine).

It runs twice: with the debounce set to 0 (the engine's latency: background search,
result model and table update) and with the shipped debounce, whose
``DEBOUNCE_MS`` is a deliberate wait for the next keystroke, included in those figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.bootstrap import BranchDatabase
from app.services.demo.branch import DEMO_USERS
from app.services.users import log_in
from app.ui.context import UiContext
from app.ui.i18n import install_translator
from app.ui.search.page import DEBOUNCE_MS, SearchPage
from app.ui.session.flow import AppShell
from app.ui.style import apply_style
from benchmarks import search as engine_bench

SIZES = (17_405,)
MILLION = 1_000_000
TARGET_MS = {17_405: 50.0, MILLION: 100.0}
TIMEOUT_MS = 20_000
WARM_UP = 20
CLOCKS = ("shown", "painted", "cpu")

Query = tuple[str, str]


class ResultsWatch:
    """Waits for ``results_shown`` of one query text and notes when it came."""

    def __init__(self, app: QApplication, page: SearchPage) -> None:
        self.app, self.expected, self.signalled = app, "", 0.0
        self.loop = QEventLoop()
        page.results_shown.connect(self._shown)

    def _shown(self, text: str) -> None:
        if text == self.expected:
            self.signalled = time.perf_counter()
            self.loop.quit()

    def wait_for(self, text: str, action: Callable[[], object]) -> tuple[float, float, float]:
        """Run ``action()`` and wait for ``text``'s results; seconds until the signal,
        until the results are painted, and CPU seconds until then."""
        self.expected, self.signalled = text, 0.0
        timeout = QTimer(singleShot=True)
        timeout.timeout.connect(self.loop.quit)
        timeout.start(TIMEOUT_MS)
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        if not self.signalled:
            self.loop.exec()
        timeout.stop()
        if not self.signalled:
            raise TimeoutError(f"no results shown for {text!r} within {TIMEOUT_MS} ms")
        self.app.processEvents()  # the repaint of the table and the count
        painted, cpu_used = time.perf_counter() - wall, time.process_time() - cpu
        return self.signalled - wall, painted, cpu_used


def time_query(page: SearchPage, watch: ResultsWatch, text: str) -> tuple[float, float, float]:
    """Type ``text`` as a cashier would; times from its last keystroke (``wait_for``)."""
    page.field.clear()
    prefix = text[:-1]
    if prefix.strip():
        watch.wait_for(prefix, lambda: QTest.keyClicks(page.field, prefix))
    else:
        QTest.keyClicks(page.field, prefix)
    return watch.wait_for(text, lambda: QTest.keyClicks(page.field, text[-1]))


def measure(app: QApplication, page: SearchPage, queries: list[Query], debounce_ms: int
            ) -> dict[str, list[float]]:
    """Seconds per query (``shown``, ``painted``, ``cpu``), overall and by kind."""
    page.debounce_ms = debounce_ms
    watch = ResultsWatch(app, page)
    for _kind, text in queries[:WARM_UP]:
        time_query(page, watch, text)
    timings: dict[str, list[float]] = defaultdict(list)
    for kind, text in queries:
        for key, value in zip(CLOCKS, time_query(page, watch, text), strict=True):
            timings[key].append(value)
            timings[f"{key} {kind}"].append(value)
    page.field.clear()
    return timings


def percentile(values: list[float], share: float) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def report(size: int, debounce_ms: int, timings: dict[str, list[float]]) -> None:
    what = ("engine latency (debounce 0)" if debounce_ms == 0 else
            f"as shipped (debounce {debounce_ms} ms, a deliberate wait, included)")
    print(f"\n{size:,} customers, {what}: {len(timings['shown'])} queries")
    print(f"  {'ms, p50 / p95':18}{'shown (wall)':>16}{'painted (wall)':>16}{'CPU':>16}")
    kinds = sorted({k.split(" ", 1)[1] for k in timings if k.startswith("shown ")})
    for kind in ("all", *kinds):
        suffix = "" if kind == "all" else f" {kind}"
        cells = [" / ".join(f"{percentile(timings[f'{clock}{suffix}'], p) * 1000:.1f}"
                            for p in (0.5, 0.95)) for clock in CLOCKS]
        print(f"  {kind:18}" + "".join(f"{c:>16}" for c in cells))
    target = TARGET_MS.get(size)
    if target is not None and debounce_ms == 0:
        p95 = percentile(timings["shown"], 0.95) * 1000
        print(f"  target p95 ≤ {target:.0f} ms: shown p95 {p95:.1f} ms "
              f"{'met' if p95 <= target else 'NOT met'}")


def run_size(app: QApplication, cache: Path, size: int, count: int) -> None:
    branch: BranchDatabase = engine_bench._demo_branch(cache, size)
    ctx = UiContext(branch, lang="id")
    try:
        queries = engine_bench.make_queries(engine_bench._customers(branch), count, seed=size)
        username, password = DEMO_USERS[0][:2]
        shell = AppShell(ctx, offer_shift=False)
        window = shell.enter(log_in(branch.writing(), username, password))
        QTest.qWaitForWindowExposed(window)
        app.processEvents()
        try:
            for debounce in (0, DEBOUNCE_MS):
                report(size, debounce, measure(app, window.search, queries, debounce))
                print(f"  ({engine_bench._load().removeprefix(', ')} after this run)",
                      flush=True)
        finally:
            window.close()
    finally:
        ctx.tasks.wait(TIMEOUT_MS)
        branch.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--million", action="store_true", help="also 1,000,000 customers")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--cache", type=Path,
                        default=Path(tempfile.gettempdir()) / "loket-search-bench")
    args = parser.parse_args(argv)
    sizes = [*args.sizes, *([MILLION] if args.million and MILLION not in args.sizes else [])]
    app = QApplication.instance() or QApplication(["loket-ui-search"])
    assert isinstance(app, QApplication)
    install_translator(app, "id")
    apply_style(app)
    print(f"machine: {engine_bench._processor()}, {os.cpu_count()} CPUs, "
          f"Qt platform {app.platformName()}{engine_bench._load()}", flush=True)
    for size in sizes:
        run_size(app, args.cache, size, args.queries)
    return 0


if __name__ == "__main__":
    sys.exit(main())
