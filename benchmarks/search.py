"""Customer search latency on demo branches of 17,405 and 1,000,000 customers.

    python benchmarks/search.py                      # both sizes
    python benchmarks/search.py --sizes 17405 --queries 300 --rounds 5

Each size gets a demo branch (``app.services.demo.branch``), made once and kept in a
cache folder (``--cache``, by default ``loket-search-bench`` in the system temp folder),
keyed by the generator's version and the schema's revision: a branch made by an older
generator or for an older schema is replaced. A few
hundred realistic queries are drawn from the branch's own customers: connection and
meter number prefixes and barcode scans, 3–6 letter name fragments, name + kelurahan,
and typos. Every query is timed ``--rounds`` times through the service layer
(``search_customers(branch.reading(), text)``), as wall-clock and as CPU time of this
thread (the latter is unaffected by other processes on a busy machine). A sample of
queries (``--check``) is compared with a brute-force substring match over all customers.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.bootstrap import BranchDatabase, open_branch
from app.models.database import database_path
from app.services.search.customers import search_customers, suggest_similar_names
from benchmarks.machine import processor

SIZES = (17_405, 1_000_000)
CHECK_LIMIT = 1_000_000

Query = tuple[str, str]  # (kind, text)
Customer = tuple[int, str, str, str, str, str]  # id, connection, meter, name, address, kel.


def main() -> None:
    args = _arguments()
    print(f"machine: {platform.machine()} {_processor()}, "
          f"{_cpu_count()} CPUs, Python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}{_load()}")
    for size in args.sizes:
        branch = _demo_branch(args.cache, size)
        try:
            customers = _customers(branch)
            queries = make_queries(customers, args.queries, seed=size)
            gc.collect()
            gc.freeze()  # the benchmark's own million rows are no work for the collector
            _report(size, measure(branch, queries, args.rounds),
                    measure_suggestions(branch, queries))
            mismatches = check(branch, customers, queries[::max(1, len(queries) // args.check)])
            print(f"  checked {min(args.check, len(queries))} queries against a brute-force "
                  f"substring match: {mismatches or 'all equal'}{_load()}")
        finally:
            branch.close()


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--check", type=int, default=40, help="queries checked by brute force")
    parser.add_argument("--cache", type=Path,
                        default=Path(tempfile.gettempdir()) / "loket-search-bench")
    return parser.parse_args()


def _processor() -> str:
    """The processor's name (``platform.processor()`` is empty on many Linux systems)."""
    return processor()


def _cpu_count() -> int:
    return os.cpu_count() or 0


def _load() -> str:
    """The load average, where the system reports one (not on Windows)."""
    if not hasattr(os, "getloadavg"):
        return ""
    return ", load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def _demo_branch(cache: Path, size: int) -> BranchDatabase:
    """The cached demo branch of ``size`` customers, generated on first use."""
    return open_branch(cached_demo(cache, size))


def cached_demo(cache: Path, size: int) -> Path:
    """The folder of the cached demo branch of ``size`` customers, generated first if the
    cache has none made by this generator for this schema. Older ones of the same size
    are deleted; a generation cut short leaves only its ``.partial`` folder behind."""
    from app.models.migrate import head_revision
    from app.services.demo.branch import GENERATOR_VERSION

    data_dir = cache / f"demo-{size}-g{GENERATOR_VERSION}-r{head_revision()}"
    if database_path(data_dir).exists():
        return data_dir
    for stale in cache.glob(f"demo-{size}*"):
        shutil.rmtree(stale, ignore_errors=True)
    from app.services.demo.branch import create_demo_branch

    partial = data_dir.with_name(data_dir.name + ".partial")
    print(f"generating a demo branch of {size:,} customers in {data_dir} …", flush=True)
    started, cpu = time.perf_counter(), time.process_time()

    def progress(done: int, total: int) -> None:
        print(f"  {done:,} of {total:,} customers, {time.perf_counter() - started:.0f} s",
              flush=True)

    summary = create_demo_branch(partial, customers=size, progress=progress)
    partial.rename(data_dir)
    print(f"  done: {summary.bills:,} bills, {summary.seconds:.0f} s "
          f"({time.process_time() - cpu:.0f} s CPU){_load()}", flush=True)
    return data_dir


def _customers(branch: BranchDatabase) -> list[Customer]:
    with branch.reading() as uow:
        rows = uow.session.connection().exec_driver_sql(
            "SELECT id, connection_no, meter_no, name, address, kelurahan FROM customer "
            "ORDER BY id").all()
    return [tuple(row) for row in rows]  # type: ignore[misc]


# -- queries --------------------------------------------------------------------------


def make_queries(customers: list[Customer], count: int, seed: int) -> list[Query]:
    """``count`` queries a cashier might type, drawn from the customers themselves."""
    rng = random.Random(seed)
    makers: list[tuple[str, float, Callable[[random.Random, Customer], str]]] = [
        ("barcode", 0.05, lambda r, c: c[1]),
        ("number prefix", 0.20, _number_prefix),
        ("name fragment", 0.35, _name_fragment),
        ("name + kelurahan", 0.20, _name_and_kelurahan),
        ("typo", 0.20, _typo),
    ]
    queries = []
    for kind, share, make in makers:
        for _ in range(round(count * share)):
            queries.append((kind, make(rng, rng.choice(customers))))
    rng.shuffle(queries)
    return queries


def _number_prefix(rng: random.Random, customer: Customer) -> str:
    number = customer[1] if rng.random() < 0.6 else customer[2].lower()
    return number[:rng.randint(4, max(4, len(number) - 1))]


def _words(text: str) -> list[str]:
    return [w for w in text.replace(".", " ").replace(",", " ").split() if len(w) >= 3]


def _name_fragment(rng: random.Random, customer: Customer) -> str:
    word = rng.choice(_words(customer[3]) or [customer[3]])
    length = rng.randint(3, min(6, max(3, len(word))))
    start = 0 if rng.random() < 0.6 else rng.randint(0, max(0, len(word) - length))
    return word[start:start + length].lower()


def _name_and_kelurahan(rng: random.Random, customer: Customer) -> str:
    name = rng.choice(_words(customer[3]) or [customer[3]])
    place = rng.choice(_words(customer[5]) or [customer[5]])
    parts = [name[:rng.randint(3, len(name))], place[:rng.randint(3, len(place))]]
    rng.shuffle(parts)
    return " ".join(parts).lower()


def _typo(rng: random.Random, customer: Customer) -> str:
    word = max(_words(customer[3]) or [customer[3]], key=len).lower()
    if len(word) < 4:
        return word + rng.choice("aeiou")
    at = rng.randint(1, len(word) - 2)
    edits = (word[:at] + word[at + 1] + word[at] + word[at + 2:],  # swap
             word[:at] + word[at + 1:],  # drop
             word[:at] + rng.choice("aeioukmnrst") + word[at + 1:])  # replace
    return rng.choice(edits)


# -- timing ---------------------------------------------------------------------------


def measure(branch: BranchDatabase, queries: list[Query], rounds: int) -> dict[str, list[float]]:
    """Seconds per search by clock and kind: ``wall`` and ``cpu`` (this thread's CPU
    time) over every timed search, and ``best`` (each query's fastest CPU time, the
    least disturbed by other work on the machine). One warm-up pass first."""
    for _kind, text in queries:
        search_customers(branch.reading(), text)
    timings: dict[str, list[float]] = defaultdict(list)
    fastest = [float("inf")] * len(queries)
    for _ in range(rounds):
        for number, (kind, text) in enumerate(queries):
            wall, cpu = time.perf_counter(), time.thread_time()
            search_customers(branch.reading(), text)
            cpu, wall = time.thread_time() - cpu, time.perf_counter() - wall
            fastest[number] = min(fastest[number], cpu)
            for clock, value in (("wall", wall), ("cpu", cpu)):
                timings[clock].append(value)
                timings[f"{clock} {kind}"].append(value)
    for (kind, _text), best in zip(queries, fastest, strict=True):
        timings["best"].append(best)
        timings[f"best {kind}"].append(best)
    return timings


def measure_suggestions(branch: BranchDatabase, queries: list[Query]) -> list[float]:
    """Seconds per ``suggest_similar_names`` call for the typo queries (best of three)."""
    found = []
    for _kind, text in (q for q in queries if q[0] == "typo"):
        suggest_similar_names(branch.reading(), text)
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            suggest_similar_names(branch.reading(), text)
            runs.append(time.perf_counter() - start)
        found.append(min(runs))
    return found


def _percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def _report(size: int, timings: dict[str, list[float]], suggestions: list[float]) -> None:
    print(f"\n{size:,} customers: {len(timings['wall'])} timed searches "
          f"({len(timings['best'])} queries)")
    clocks = ("wall", "cpu", "best")
    print(f"  {'':18}" + "".join(f"{c + ' p50':>11}{c + ' p95':>11}" for c in clocks))
    kinds = ["all", *sorted({k.split(" ", 1)[1] for k in timings if k.startswith("wall ")})]
    for kind in kinds:
        suffix = "" if kind == "all" else f" {kind}"
        cells = [_percentile(timings[f"{clock}{suffix}"], p) * 1000
                 for clock in clocks for p in (0.5, 0.95)]
        print(f"  {kind:18}" + "".join(f"{c:9.3f}ms" for c in cells))
    if len(suggestions) > 1:
        print(f"  suggestions for {len(suggestions)} typos: p50 "
              f"{_percentile(suggestions, 0.5) * 1000:.1f} ms, p95 "
              f"{_percentile(suggestions, 0.95) * 1000:.1f} ms (wall, best of three)")


# -- brute force ----------------------------------------------------------------------


def check(branch: BranchDatabase, customers: list[Customer], queries: list[Query]) -> list[str]:
    """Queries whose hits differ from a plain substring match, or are out of order."""
    texts = {c[0]: "\n".join(c[1:]).lower() for c in customers}
    by_id = {c[0]: c for c in customers}
    problems = []
    for _kind, text in queries:
        fragments = text.lower().split()
        expected = {cid for cid, haystack in texts.items() if all(f in haystack for f in fragments)}
        result = search_customers(branch.reading(), text, limit=CHECK_LIMIT)
        got = [hit.id for hit in result.hits]
        keys = [rank_key(by_id[cid], fragments) for cid in got]
        if set(got) != expected or len(got) != len(expected):
            problems.append(f"{text!r}: {len(got)} hits, {len(expected)} expected")
        elif result.total_is_exact and result.total != len(expected):
            problems.append(f"{text!r}: total {result.total}, {len(expected)} expected")
        elif keys != sorted(keys):
            problems.append(f"{text!r}: hits out of order")
    return problems


def rank_key(customer: Customer, fragments: list[str]) -> tuple[int, str, int]:
    """Where a matching customer belongs in the hits: (tier, lower-case name, id)."""
    cid, connection, meter, name = customer[0], *(v.lower() for v in customer[1:4])
    if connection in fragments:
        tier = 0
    elif any(connection.startswith(f) or meter.startswith(f) for f in fragments):
        tier = 1
    elif any(name.startswith(f) for f in fragments):
        tier = 2
    elif any(" " + f in name for f in fragments):
        tier = 3
    else:
        tier = 4
    return tier, name, cid


if __name__ == "__main__":
    main()
