"""The day itself: the window set up, the customers served, the samples taken.

:func:`run_day` opens the branch in the real window and works through a
:class:`DayPlan`; it returns the tallies, the time each kind of step took, keystroke
latency at the start and at the end, and the samples (``benchmarks/day_probe.py``).
"""

from __future__ import annotations

import gc
import platform
import random
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.bootstrap import BranchDatabase, open_branch
from app.models import Customer, CustomerStatus
from app.services.demo.branch import DEMO_USERS
from app.services.errors import DomainError
from app.services.ledger.accounts import quote
from app.services.settings import PrinterChoice
from app.services.shifts import open_shift
from app.services.sync.token_store import KeyringTokenStore
from app.services.users import log_in
from app.ui.context import UiContext
from app.ui.i18n import install_translator
from app.ui.main_thread_gc import MainThreadGarbageCollector
from app.ui.main_window import MainWindow
from app.ui.paint_threads import paint_on_the_ui_thread
from app.ui.printing import printer_names
from app.ui.style import apply_style
from app.ui.sync.dialogs import SyncServices
from benchmarks import search as engine_bench
from benchmarks.day_cashier import Cashier, wait_until
from benchmarks.day_memory import breakdown
from benchmarks.day_office import LocalOffice
from benchmarks.day_probe import Sample, collect_now, take_sample
from benchmarks.ui_search import ResultsWatch, percentile, time_query
from tests.support.sync_fakes import MemoryKeyring

OPENING_FLOAT = 500_000
CUPS_PRINTER, NOT_INSTALLED = "PDF", "Loket-Struk"
SEED = 2026

Say = Callable[..., None]


@dataclass(frozen=True)
class DayPlan:
    """How much of each kind of work the day holds."""

    payments: int  # half down payments (F5), half instalments (F8)
    searches: int  # typed to their results, scans included
    voids: int
    reprints: int
    list_rounds: int  # each: the three lists
    syncs: int
    latency_queries: int
    sample_every: int  # customers served between samples

    @classmethod
    def for_payments(cls, payments: int, searches: int, latency_queries: int) -> DayPlan:
        """300 payments → 50 voids, 50 reprints, 30 rounds of the lists, 3 syncs."""
        return cls(payments=payments, searches=searches, voids=max(1, payments // 6),
                   reprints=max(1, payments // 6), list_rounds=max(1, payments // 10),
                   syncs=max(1, min(3, payments // 100)), latency_queries=latency_queries,
                   sample_every=max(1, payments // 60))

    def sync_every(self) -> int:
        """Customers served between syncs: an even number, so that a customer's down
        payment and instalment (and its void or reprint) are sent together."""
        return max(2, self.payments // (self.syncs + 1) // 2 * 2)

    def scans(self) -> int:
        return self.payments + self.voids + self.reprints


@dataclass
class Clock:
    """Wall seconds per kind of step."""

    seconds: dict[str, list[float]]

    @contextmanager
    def timing(self, kind: str) -> Iterator[None]:
        started = time.perf_counter()
        yield
        self.seconds[kind].append(time.perf_counter() - started)

    def summary(self) -> dict[str, dict[str, float]]:
        return {kind: {"count": len(values),
                       "p50_ms": round(percentile(values, 0.5) * 1000, 1),
                       "p95_ms": round(percentile(values, 0.95) * 1000, 1)}
                for kind, values in self.seconds.items() if values}


def sample_customers(branch: BranchDatabase, count: int, seed: int) -> list[engine_bench.Customer]:
    """``count`` customers drawn at random by id (the whole table is never loaded)."""
    with branch.reading() as uow:
        connection = uow.session.connection()
        top = connection.exec_driver_sql("SELECT max(id) FROM customer").scalar_one()
        ids = random.Random(seed).sample(range(1, top + 1), min(count, top))
        rows = []
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            rows += connection.exec_driver_sql(
                "SELECT id, connection_no, meter_no, name, address, kelurahan FROM customer "
                f"WHERE id IN ({', '.join('?' * len(chunk))})", tuple(chunk)).all()
    return [tuple(row) for row in rows]  # type: ignore[misc]


def enrollable(branch: BranchDatabase, count: int) -> list[str]:
    """``count`` sealed customers the promotion accepts, spread over the branch."""
    from sqlalchemy import select

    with branch.reading() as uow:
        numbers = list(uow.session.scalars(select(Customer.connection_no).where(
            Customer.status == CustomerStatus.SEALED).order_by(Customer.id).limit(count * 20)))
    random.Random(SEED).shuffle(numbers)
    chosen = []
    for number in numbers:
        try:
            if quote(branch.reading(), number).eligible:
                chosen.append(number)
        except DomainError:
            continue
        if len(chosen) == count:
            return chosen
    raise RuntimeError(f"only {len(chosen)} customers can enrol; {count} wanted")


def keystroke_latency(app: QApplication, window: MainWindow,
                      queries: list[engine_bench.Query]) -> dict[str, float]:
    """Last key → results shown and painted, and CPU to the repaint: p50 / p95 in ms."""
    watch = ResultsWatch(app, window.search)
    times: dict[str, list[float]] = defaultdict(list)
    for _kind, text in queries:
        for clock, value in zip(("shown", "painted", "cpu"),
                                time_query(window.search, watch, text), strict=True):
            times[clock].append(value)
    window.search.field.clear()
    window.search.results_shown.disconnect(watch._shown)
    return {f"{clock}_{name}_ms": round(percentile(values, share) * 1000, 1)
            for clock, values in times.items() for name, share in (("p50", 0.5), ("p95", 0.95))}


def open_window(app: QApplication, branch: BranchDatabase, printer: str
                ) -> tuple[MainWindow, UiContext]:
    """The cashier signed in with a shift open, the window shown and the receipt printer set."""
    username, password = DEMO_USERS[0][:2]
    actor = log_in(branch.writing(), username, password)
    open_shift(branch.writing(), actor, OPENING_FLOAT)
    ctx = UiContext(branch, actor=actor, lang="id")
    services = SyncServices(token_store=KeyringTokenStore(MemoryKeyring()))
    window = MainWindow(ctx, sync=services)
    window.account.flows.printer_choice = lambda: PrinterChoice(printer, "80mm")
    window.show_fitted()
    window.activateWindow()
    QTest.qWaitForWindowExposed(window)
    wait_until(app, lambda: app.focusWidget() is window.search.field, "window shown")
    return window, ctx


def serve_customers(cashier: Cashier, plan: DayPlan, customers: list[str],
                    queries: list[engine_bench.Query], clock: Clock,
                    sample: Callable[[int], None]) -> list[str]:
    """The day's customers, one after another; what each sync said."""
    names = iter(queries)
    name_searches = plan.searches - plan.scans()
    said = []
    for visit in range(plan.payments):
        due = name_searches * (visit + 1) // plan.payments - name_searches * visit // plan.payments
        for _ in range(due):
            with clock.timing("search typed"):
                cashier.search(next(names)[1])
        number = customers[visit // 2]
        nth = visit // 2
        if visit % 2 == 0:
            with clock.timing("enrol and pay"):
                cashier.enrol(number, print_documents=nth % 5 == 0)
            if nth % 3 == 1 and cashier.tally.reprints < plan.reprints:
                with clock.timing("reprint"):
                    cashier.reprint_latest(number)
        else:
            with clock.timing("instalment"):
                cashier.pay_instalment(number)
            if nth % 3 == 0 and cashier.tally.voids < plan.voids:
                with clock.timing("void"):
                    cashier.void_latest(number)
        if (visit + 1) % max(1, plan.payments // plan.list_rounds) == 0:
            with clock.timing("three lists"):
                cashier.look_at_lists()
        if (visit + 1) % plan.sync_every() == 0 and cashier.tally.syncs < plan.syncs:
            with clock.timing("sync"):
                said.append(cashier.sync())
        if (visit + 1) % plan.sample_every == 0:
            sample(visit + 1)
    return said


def run_day(data_dir: Path, office: LocalOffice, plan: DayPlan, *, printer: str = "",
            say: Say = print) -> dict[str, Any]:
    """Set up, serve the day's customers, measure; every figure as JSON-ready values."""
    paint_on_the_ui_thread()  # as the counter app does
    app = QApplication.instance() or QApplication(["loket-counter-day"])
    assert isinstance(app, QApplication)
    install_translator(app, "id")
    apply_style(app)
    installed = printer_names()
    printer = printer or (CUPS_PRINTER if CUPS_PRINTER in installed else NOT_INSTALLED)
    load_before = engine_bench._load().removeprefix(", ")
    branch = open_branch(data_dir)
    customers = enrollable(branch, (plan.payments + 1) // 2)
    drawn = sample_customers(branch, 5_000, SEED)
    queries = engine_bench.make_queries(drawn, plan.searches, seed=SEED)
    probe = engine_bench.make_queries(drawn, plan.latency_queries, seed=SEED + 1)
    del drawn
    collector = MainThreadGarbageCollector(app)
    window, ctx = open_window(app, branch, printer)
    cashier = Cashier(app, window)
    clock = Clock(defaultdict(list))
    samples: list[Sample] = []
    try:
        cashier.register(office.url, office.code)
        say(f"registered with head office at {office.url}; {load_before}")
        latency_start = keystroke_latency(app, window, probe)
        gc.collect()
        started = time.perf_counter()

        def sample(visits: int) -> None:
            # gc.get_objects() holds a reference to every tracked object for a moment: a
            # tuple a worker is still filling in must not be among them (CPython then
            # refuses to resize it, SystemError). So the background work ends first.
            ctx.tasks.wait(30_000)
            samples.append(take_sample(app, started, visits, cashier.tally.searches))
            last = samples[-1]
            say(f"{visits:4} served, {last.searches:5} searches: RSS {last.rss_mb:.1f} MB, "
                f"{last.python_objects:,} Python objects, {last.qt_objects:,} Qt objects")

        sample(0)
        memory_start = breakdown(app)
        said = serve_customers(cashier, plan, customers, queries, clock, sample)
        if samples[-1].visits != plan.payments:
            sample(plan.payments)
        day_seconds = time.perf_counter() - started
        latency_end = keystroke_latency(app, window, probe)
        ctx.tasks.wait(30_000)
        after_run = take_sample(app, started, plan.payments, cashier.tally.searches)
        memory_end = breakdown(app)
        collected = collect_now()
        after_collect = take_sample(app, started, plan.payments, cashier.tally.searches)
    finally:
        for _ in range(5):  # the last reloads and print jobs end before the window goes
            ctx.tasks.wait(30_000)
            QTest.qWait(50)
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        ctx.tasks.wait(30_000)
        collector.stop()
        collector.deleteLater()
        branch.close()
    tally = asdict(cashier.tally)
    tally["receipts"] = len(tally["receipts"])
    return {
        "machine": {"processor": engine_bench._processor(), "cpus": engine_bench._cpu_count(),
                    "system": platform.platform(), "python": platform.python_version(),
                    "qt_platform": app.platformName(), "load_before": load_before,
                    "load_after": engine_bench._load().removeprefix(", ")},
        "plan": asdict(plan), "printer": printer, "printer_installed": printer in installed,
        "day_seconds": round(day_seconds, 1), "done": tally, "steps": clock.summary(),
        "sync_said": said, "latency_start": latency_start, "latency_end": latency_end,
        "after_run": after_run.as_json(), "collected_at_end": collected,
        "after_collect": after_collect.as_json(),
        "memory_start": memory_start, "memory_end": memory_end,
        "samples": [s.as_json() for s in samples],
    }
