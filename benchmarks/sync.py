"""Sync over loopback and over a 64 kbit/s link: first pulls, an incremental pull, a push.

Run from the project folder: ``python benchmarks/sync.py [--database sqlite|postgresql|
both] [--postgres-url URL] [--customers N] [--events N] [--bill-changes N] [--counters N]
[--each N] [--skip-throttled] [--json]``. It builds the demo head office (what
``loket-headoffice init --demo`` makes: 17,405 customers with their bills, the terms and
the demo users) in a temporary folder (SQLite) or a schema of its own (PostgreSQL,
dropped after), serves it on 127.0.0.1 and measures, for new empty counters of branch
KPG registered with it:

- **snapshot made ahead**: what head office does as ``serve`` starts and in the
  background after changes: build the branch's snapshot and keep it (wall and CPU);
- **first pull**: from an empty database to a searchable counter (the branch snapshot,
  then the pages after its cursor; the clock stops once a search by name finds a
  customer). With the snapshot made ahead, on loopback and through the 64 kbit/s link;
  then *right after a change* (``--bill-changes`` bills changed at head office, their
  penalty raised: the kept snapshot and those changes as pages), and right after a
  change that made the snapshot stale (``REBUILD_AFTER`` more: the counter still gets
  the kept snapshot at once while head office builds a new one in the background).
  Each says how many snapshots head office built meanwhile;
- **incremental pull**: after ``--bill-changes`` bills changed at head office, the pull
  of the first counter (pages of 1,000 changes);
- **push**: ``--events`` events made through the real services (enrolments with their
  down payment, then instalments paid), pushed in batches of 500 by the counter's own
  sync through the proxy, head office serving in the same process; then ``--events``
  events of the same kinds pushed by a plain HTTP client to head office in a process
  of its own, as deployed (*push, head office in its own process*);
- **counters pushing at once**: ``--counters`` counters (20) push ``--each`` events (500)
  each, all starting together, to head office in a process of its own
  (``sync_pushes``): the time until the last was acknowledged, the events per second
  head office applied, and whether it holds every event once and every rupiah.

Each measure names its target of issue #14 and whether it was met.

The throttled link is 8,000 bytes/s each way (about 64 kbit/s; ``tests/support/lossy_proxy.py``
without faults). The proxy sits in front of head office in every case, so bytes on
the wire are counted the same way: every byte of the HTTP requests and answers
(headers included) each way. ``--json`` prints the measures as one JSON object.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, select, text  # noqa: E402

from app.bootstrap import BranchDatabase, open_branch  # noqa: E402
from app.models import Customer, CustomerStatus  # noqa: E402
from app.services.clock import BusinessDateClock  # noqa: E402
from app.services.context import Actor  # noqa: E402
from app.services.demo.branch import DEMO_BUSINESS_DATE  # noqa: E402
from app.services.demo.plan import FULL_CUSTOMERS  # noqa: E402
from app.services.errors import DomainError  # noqa: E402
from app.services.ledger.accounts import quote  # noqa: E402
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay  # noqa: E402
from app.services.ledger.instalments import InstalmentRequest, pay_instalment  # noqa: E402
from app.services.ledger.payments import Tender  # noqa: E402
from app.services.search.customers import search_customers  # noqa: E402
from app.services.setup import BranchSetup, initialise_branch  # noqa: E402
from app.services.shifts import open_shift  # noqa: E402
from app.services.sync import (  # noqa: E402
    HttpTransport,
    KeyringTokenStore,
    open_transport,
    pending_events,
    pull_changes,
    push_outbox,
    register_device,
)
from benchmarks import sync_pushes  # noqa: E402
from headoffice import snapshot  # noqa: E402
from headoffice.auth import issue_code  # noqa: E402
from headoffice.changes import bills_changed  # noqa: E402
from headoffice.db import Database, normalise_url  # noqa: E402
from headoffice.demo import create_demo  # noqa: E402
from headoffice.models import Bill as OfficeBill  # noqa: E402
from headoffice.models import Customer as OfficeCustomer  # noqa: E402
from headoffice.snapshot_ahead import snapshots  # noqa: E402
from tests.support.fakes import actor_for  # noqa: E402
from tests.support.lossy_proxy import DEFAULT_RATE, LinkStats, LossyProxy  # noqa: E402
from tests.support.office_server import serving  # noqa: E402
from tests.support.sync_fakes import MemoryKeyring  # noqa: E402

TIMEOUT = 300.0
QUIET = False  # --json: progress to stderr, the measures alone on stdout
INSTALMENTS_EACH = 2  # instalments paid after each enrolment


@dataclass(frozen=True)
class Measure:
    what: str
    link: str
    items: int
    seconds: float
    stats: LinkStats
    note: str = ""
    target: str = ""
    met: bool | None = None
    office: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"office": self.office, "what": self.what, "link": self.link,
                "items": self.items, "seconds": round(self.seconds, 3),
                "bytes_up": self.stats.upstream, "bytes_down": self.stats.downstream,
                "connections": self.stats.connections, "note": self.note,
                "target": self.target, "met": self.met}

    def row(self) -> str:
        rate = f"{self.items / self.seconds:,.0f}/s" if self.seconds else "-"
        verdict = "" if self.met is None else (" ✓" if self.met else " ✗")
        return (f"| {self.office} | {self.what} | {self.link} | {self.items:,} | "
                f"{self.seconds:,.1f} s | {rate} | {self.stats.upstream:,} | "
                f"{self.stats.downstream:,} | {self.target}{verdict} | {self.note} |")


@dataclass
class Counter:
    """A branch counter registered with head office, and its link."""

    branch: BranchDatabase
    store: KeyringTokenStore
    office: Database  # head office's database (its snapshot builds are counted)

    def transport(self) -> TimedTransport:
        return TimedTransport(open_transport(self.branch.reading(), self.store,
                                             timeout=TIMEOUT))


class TimedTransport:
    """A transport that adds up the seconds spent waiting for head office's answers
    (request sent, answer read) — the rest of a pull or push is the branch's own work."""

    def __init__(self, inner: HttpTransport) -> None:
        self.inner, self.traffic, self.waited = inner, inner.traffic, 0.0

    def post(self, path: str, json_body: Any,
             headers: Mapping[str, str] | None = None) -> tuple[int, Any]:
        started = time.perf_counter()
        try:
            return self.inner.post(path, json_body, headers)
        finally:
            self.waited += time.perf_counter() - started

    def get(self, path: str, params: Mapping[str, str] | None = None,
            headers: Mapping[str, str] | None = None) -> tuple[int, Any]:
        started = time.perf_counter()
        try:
            return self.inner.get(path, params, headers)
        finally:
            self.waited += time.perf_counter() - started

    def download(self, path: str, start: int, sink: BinaryIO,
                 keep_going: Callable[[], bool] | None = None) -> tuple[int, Any, int]:
        started = time.perf_counter()
        try:
            return self.inner.download(path, start, sink, keep_going)
        finally:
            self.waited += time.perf_counter() - started


@contextmanager
def link(port: int, rate: int | None) -> Iterator[LossyProxy]:
    with LossyProxy(("127.0.0.1", port), rate=rate) as proxy:
        yield proxy


def new_counter(folder: Path, db: Database, port: int, counter: str,
                proxy: LossyProxy) -> Counter:
    """An empty branch database of branch KPG, registered with head office (directly);
    its registered address is ``proxy``'s."""
    branch = open_branch(folder / counter, create=True,
                         clock=BusinessDateClock(DEMO_BUSINESS_DATE))
    initialise_branch(branch.writing(), BranchSetup(counter_code=counter))
    with db.writing() as session:
        code = issue_code(session, "KPG", counter).code
    store = KeyringTokenStore(MemoryKeyring())
    register_device(branch.writing(), HttpTransport(f"http://127.0.0.1:{port}", timeout=30),
                    proxy.url, code, store=store)
    return Counter(branch, store, db)


def measure_pull(counter: Counter, proxy: LossyProxy, what: str, label: str,
                 search: str | None = None) -> Measure:
    """Pull everything head office has for the counter; with ``search``, the clock stops
    once a search for it finds a customer (the counter is usable)."""
    before = LinkStats(**vars(proxy.stats))
    transport = counter.transport()
    builds = snapshots().builds(counter.office, "KPG")
    started, cpu = time.perf_counter(), time.process_time()
    result = pull_changes(counter.branch.writing, transport)
    if search is not None:
        assert search_customers(counter.branch.reading(), search).hits, search
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    pages = f"{result.pages} page{'s' if result.pages != 1 else ''}"
    return Measure(what, label, result.changes, seconds, _since(proxy.stats, before),
                   f"{pages}{' after the snapshot' if what.startswith('first') else ''}; "
                   f"{transport.waited:.1f} s of it waiting for answers; {cpu:.1f} s of CPU "
                   "(counter, and head office and the proxy: one process); snapshots built "
                   f"meanwhile: {snapshots().builds(counter.office, 'KPG') - builds}")


def change_bills(url: str, count: int) -> int:
    """A day of changes at head office: ``count`` bills of KPG customers get a higher
    penalty, each published to the branches."""
    db = Database(url)
    changed = 0
    with db.writing() as session:
        rows = session.execute(select(OfficeBill, OfficeCustomer).join(
            OfficeCustomer, OfficeBill.customer_id == OfficeCustomer.id)
            .where(OfficeBill.settled.is_(False)).order_by(OfficeBill.id).limit(count)).all()
        for bill, customer in rows:
            bill.penalty += 1_000
            session.flush()
            bills_changed(session, customer, [bill])
            changed += 1
    db.dispose()
    return changed


def make_events(counter: Counter, wanted: int, *, from_end: bool) -> int:
    """``wanted`` events through the services: enrolments (down payment, the most
    instalments allowed) each followed by ``INSTALMENTS_EACH`` instalments paid, for
    sealed or disconnected customers from the start (or the end) of the list."""
    branch = counter.branch
    actor = actor_for(branch, "kasir1")
    open_shift(branch.writing(), actor, 500_000)
    start = pending_events(branch.reading())
    candidates = _sealed_customers(branch)
    if from_end:
        candidates.reverse()
    made = 0
    for connection_no in candidates:
        if made >= wanted:
            break
        made += _enrol_and_pay(branch, actor, connection_no, wanted - made)
    if made < wanted:
        print(f"  only {made:,} events could be made (too few eligible customers)")
    return pending_events(branch.reading()) - start


def _sealed_customers(branch: BranchDatabase) -> list[str]:
    with branch.reading() as uow:
        return list(uow.session.scalars(select(Customer.connection_no).where(
            Customer.status != CustomerStatus.ACTIVE).order_by(Customer.connection_no)))


def _enrol_and_pay(branch: BranchDatabase, actor: Actor, connection_no: str, room: int) -> int:
    try:
        offer = quote(branch.reading(), connection_no)
    except DomainError:
        return 0
    if not offer.eligible:
        return 0
    enrol_and_pay(branch.writing(), actor, EnrolRequest(
        connection_no, offer.instalments, Tender(offer.down_payment, offer.down_payment)))
    made = 1
    for line in offer.schedule[:min(INSTALMENTS_EACH, room - 1)]:
        pay_instalment(branch.writing(), actor, InstalmentRequest(
            connection_no, Tender(line.amount, line.amount)))
        made += 1
    return made


def measure_push(counter: Counter, proxy: LossyProxy, label: str) -> Measure:
    """The counter's outbox pushed, timed once head office (in this process) has built
    the snapshot the stale first pull set off: a push meets a head office at rest, as the
    push to head office in its own process does (``OfficeProcess.settled``)."""
    deadline = time.monotonic() + 120
    while snapshots().under_way() and time.monotonic() < deadline:
        time.sleep(0.05)
    before = LinkStats(**vars(proxy.stats))
    transport = counter.transport()
    started, cpu = time.perf_counter(), time.process_time()
    result = push_outbox(counter.branch.writing, transport)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert pending_events(counter.branch.reading()) == 0 and not result.rejected, result
    return Measure("push", label, result.sent, seconds, _since(proxy.stats, before),
                   f"{result.acked:,} acknowledged; {transport.waited:.1f} s of it waiting "
                   f"for answers; {cpu:.1f} s of CPU (counter, and head office and the "
                   "proxy: one process)")


def _since(now: LinkStats, before: LinkStats) -> LinkStats:
    return LinkStats(now.connections - before.connections, now.upstream - before.upstream,
                     now.downstream - before.downstream)


@contextmanager
def office_database(kind: str, folder: Path, postgres_url: str) -> Iterator[str]:
    """The URL of an empty head-office database: an SQLite file in ``folder``, or a
    PostgreSQL schema of its own (dropped after)."""
    if kind == "sqlite":
        yield f"sqlite:///{(folder / 'headoffice.sqlite3').as_posix()}"
        return
    if not postgres_url:
        raise SystemExit("--postgres-url (or $LOKET_TEST_POSTGRES_URL) names the server")
    schema = f"loket_bench_{os.getpid()}"
    admin = create_engine(normalise_url(postgres_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    joiner = "&" if "?" in postgres_url else "?"
    try:
        yield f"{postgres_url}{joiner}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def build_office(url: str, customers: int) -> str:
    db = Database(url)
    db.create_tables()
    started = time.perf_counter()
    with db.writing() as session:
        done = create_demo(session, customers=customers)
    print(f"demo head office: {done.customers:,} customers, {done.bills:,} bills "
          f"({time.perf_counter() - started:.1f} s)")
    db.dispose()
    return url


def run(args: argparse.Namespace, folder: Path, url: str) -> list[Measure]:
    """The snapshot made ahead, the first pulls (loopback, slow link, right after a
    change and after one that made the snapshot stale), the incremental pull, then the
    pushes; each pushing counter enrols customers of its own (the first from the start
    of the list, the other from its end), so head office rejects none; then many
    counters push at once."""
    build_office(url, args.customers)
    measures: list[Measure] = []
    db = Database(url)
    with serving(url, in_lulls=True) as port, link(port, None) as fast, \
            link(port, DEFAULT_RATE) as slow:
        name = _a_customer_name(db)
        measures.append(_shown(measure_build(db, "KPG")))
        first = new_counter(folder, db, port, "L01", fast)
        measures.append(_shown(measure_pull(first, fast, "first pull (snapshot made ahead)",
                                            "loopback", name)))
        third = None
        if not args.skip_throttled:
            third = new_counter(folder, db, port, "L03", slow)
            measures.append(_shown(measure_pull(third, slow,
                                                "first pull (snapshot made ahead)",
                                                "64 kbit/s", name)))
        changed = change_bills(url, args.bill_changes)
        print(f"  {changed:,} bills changed at head office", flush=True)
        second = new_counter(folder, db, port, "L02", fast)
        measures.append(_shown(measure_pull(second, fast, "first pull right after a change",
                                            "loopback", name)))
        second.branch.close()
        measures.append(_shown(measure_pull(first, fast, "incremental pull", "loopback")))
        stale = change_bills(url, snapshot.REBUILD_AFTER + args.bill_changes)
        print(f"  {stale:,} bills changed at head office: the snapshot is stale", flush=True)
        fourth = new_counter(folder, db, port, "L04", fast)
        measures.append(_shown(measure_pull(
            fourth, fast, "first pull right after a change (snapshot stale)", "loopback",
            name)))
        fourth.branch.close()
        _made(make_events(first, args.events, from_end=False))
        measures.append(_shown(measure_push(first, fast, "loopback")))
        if third is not None:
            _made(make_events(third, args.events, from_end=True))
            measures.append(_shown(measure_push(third, slow, "64 kbit/s")))
        for counter in (first, third):
            if counter is not None:
                counter.branch.close()
    db.dispose()
    measures.append(_shown(measure_office_push(folder, url, args.events)))
    measures.append(_shown(measure_many(folder, url, args.counters, args.each)))
    return _judged(measures)


def measure_build(db: Database, branch: str) -> Measure:
    """What head office does ahead, as ``serve`` starts or after a change made the
    snapshot stale: build the branch's snapshot and keep it (no counter waits for it)."""
    started, cpu = time.perf_counter(), time.process_time()
    with db.reading() as session:
        built = snapshot.build(session, branch)
    kept = snapshot.store(db, branch, built)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return Measure("snapshot made ahead (head office, in the background)", "-",
                   kept.changes, seconds, LinkStats(),
                   f"{kept.size:,} bytes; {cpu:.1f} s of CPU")


def measure_many(folder: Path, url: str, counters: int, each: int) -> Measure:
    """``counters`` counters push ``each`` events at once (head office in a process of
    its own); every one must be acknowledged, every event held once, every rupiah."""
    template = sync_pushes.template_events(folder)
    plans = sync_pushes.prepare(url, template, counters, each)
    office_cpu = _children_cpu()
    with sync_pushes.office_process(url) as office:
        ready = sync_pushes.register(office.base, url, plans)
        before = office.cpu()
        answers = sync_pushes.push_all_at_once(office.base, ready)
        pushing_cpu = office.cpu() - before if before >= 0 else -1.0
    office_cpu = _children_cpu() - office_cpu if office_cpu >= 0 else -1.0
    events, distinct, _, money = sync_pushes.held(url, ready)
    wanted = sum(len(c.events) for c in ready)
    complete = (all(a.status == 200 and a.acked == len(c.events)
                    for a, c in zip(sorted(answers, key=lambda a: a.counter),
                                    sorted(ready, key=lambda c: f"{c.branch}/{c.counter}"),
                                    strict=True))
                and events == distinct == wanted and money == sum(c.money for c in ready))
    last = max(a.seconds for a in answers)
    return Measure(f"{counters} counters × {each} events at once", "loopback", wanted, last,
                   LinkStats(counters, 0, 0),
                   f"first acknowledged after {min(a.seconds for a in answers):.1f} s; "
                   f"{'every event held once, totals equal' if complete else 'INCOMPLETE'}"
                   + (f"; head office's process: {office_cpu:.1f} s of CPU (its start, the "
                      "registrations and the pushes)" if office_cpu >= 0 else "")
                   + (f", {pushing_cpu:.1f} s of it while pushing" if pushing_cpu >= 0 else ""))


def measure_office_push(folder: Path, url: str, events: int) -> Measure:
    """One counter's ``events`` events pushed in batches of 500 by a plain HTTP client to
    head office in a process of its own, as it is deployed (no proxy, no counter work)."""
    own = folder / "office-push"
    own.mkdir()
    plans = sync_pushes.prepare(url, sync_pushes.template_events(own), 1, events,
                                first_customer=70_000_001, first_branch=90)
    office_cpu = _children_cpu()
    with sync_pushes.office_process(url) as office:
        ready = sync_pushes.register(office.base, url, plans)
        office.settled()
        before = office.cpu()
        answer = sync_pushes.push_all_at_once(office.base, ready)[0]
        pushing_cpu = office.cpu() - before if before >= 0 else -1.0
    office_cpu = _children_cpu() - office_cpu if office_cpu >= 0 else -1.0
    held, distinct, _, money = sync_pushes.held(url, ready)
    complete = (answer.status == 200 and answer.acked == events == held == distinct
                and money == ready[0].money)
    return Measure("push, head office in its own process", "loopback", events,
                   answer.seconds, LinkStats(1, 0, 0),
                   f"{'every event held once, totals equal' if complete else 'INCOMPLETE'}"
                   + (f"; head office's process: {office_cpu:.1f} s of CPU (its start, the "
                      "registration and the push)" if office_cpu >= 0 else "")
                   + (f", {pushing_cpu:.2f} s of it for the push" if pushing_cpu >= 0 else ""))


def _children_cpu() -> float:
    """CPU seconds of the ended child processes (-1 where the system does not say)."""
    try:
        import resource
    except ImportError:  # Windows
        return -1.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


TARGETS = {  # what (prefix), link → target, and whether a measure meets it
    ("first pull", "loopback"): ("≤ 5 s, ≤ 1.5 MB", lambda m: m.seconds <= 5
                                 and m.stats.downstream <= 1_500_000),
    ("first pull", "64 kbit/s"): ("≤ 3.5 min", lambda m: m.seconds <= 210),
    ("incremental pull", "loopback"): ("≤ 1 s", lambda m: m.seconds <= 1),
    ("push", "loopback"): ("≥ 1,000 events/s", lambda m: m.items / m.seconds >= 1_000
                           and "INCOMPLETE" not in m.note),
    ("counters", "loopback"): ("≤ 15 s, all held once", lambda m: m.seconds <= 15
                               and "INCOMPLETE" not in m.note),
}


def _judged(measures: list[Measure]) -> list[Measure]:
    judged = []
    for m in measures:
        key = next(((what, link) for what, link in TARGETS
                    if link == m.link and (m.what.startswith(what) or what in m.what)), None)
        if key is None:
            judged.append(m)
            continue
        target, meets = TARGETS[key]
        judged.append(replace(m, target=target, met=bool(meets(m))))
    return judged


def _a_customer_name(db: Database) -> str:
    """A name to search for: the last customer's (the last to be loaded)."""
    with db.reading() as session:
        name = session.scalar(select(OfficeCustomer.name).order_by(OfficeCustomer.id.desc())
                              .limit(1))
    assert name is not None
    return name


def _shown(measure: Measure) -> Measure:
    if not QUIET:
        print(measure.row(), flush=True)
    return measure


def _made(events: int) -> None:
    if not QUIET:
        print(f"  {events:,} events made through the services", flush=True)


def main() -> int:
    global QUIET
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=FULL_CUSTOMERS,
                        help="demo size (default all: 17,405)")
    parser.add_argument("--events", type=int, default=1_000, help="events to push")
    parser.add_argument("--bill-changes", type=int, default=500,
                        help="bills changed at head office before the incremental pull")
    parser.add_argument("--skip-throttled", action="store_true",
                        help="loopback only (no 64 kbit/s link)")
    parser.add_argument("--database", choices=("sqlite", "postgresql", "both"),
                        default="both", help="head office's database (default both)")
    parser.add_argument("--postgres-url", default=os.environ.get("LOKET_TEST_POSTGRES_URL", ""),
                        help="PostgreSQL server (default $LOKET_TEST_POSTGRES_URL)")
    parser.add_argument("--counters", type=int, default=20,
                        help="counters pushing at once (default 20)")
    parser.add_argument("--each", type=int, default=500,
                        help="events each of them pushes (default 500)")
    parser.add_argument("--json", action="store_true", help="print the measures as JSON")
    args = parser.parse_args()
    QUIET = args.json
    machine = {"python": platform.python_version(), "system": platform.system(),
               "machine": platform.machine(), "cpus": os.cpu_count(),
               "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None}
    if not QUIET:
        print(f"Python {machine['python']}, {machine['system']} {machine['machine']}, "
              f"{machine['cpus']} CPUs, load average {machine['load_average']}")
    quiet = contextlib.redirect_stdout(sys.stderr) if QUIET else contextlib.nullcontext()
    measures: list[Measure] = []
    kinds = ("sqlite", "postgresql") if args.database == "both" else (args.database,)
    for kind in kinds:
        with tempfile.TemporaryDirectory(prefix="loket-sync-bench-") as name, quiet, \
                office_database(kind, Path(name), args.postgres_url) as url:
            if not QUIET:
                print(f"head office on {kind}", flush=True)
            measures += [replace(m, office=kind) for m in run(args, Path(name), url)]
    machine["load_average_after"] = os.getloadavg() if hasattr(os, "getloadavg") else None
    if args.json:
        print(json.dumps({"machine": machine, "measures": [m.as_json() for m in measures]},
                         indent=2))
        return 0
    print("\n| office | what | link | items | time | items/s | bytes up | bytes down | target "
          "| note |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for measure in measures:
        print(measure.row())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
