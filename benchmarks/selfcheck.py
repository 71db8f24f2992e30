"""Server time of the self-check page ``/cek`` and of head office's quotes, on the demo.

    python benchmarks/selfcheck.py [--customers 17405] [--runs 50] [--json]

Builds the demo head office in a fresh SQLite file, answers as on 24 November 2025 and
posts the form ``--runs`` times per case in-process through the ASGI app (no network),
after a warm-up, the cases interleaved so that the machine's load falls on each alike:
a right answer (an eligible customer), a wrong meter factor, an unknown number. Reported
per case: the median and the slowest, in milliseconds; and the gap between the medians
of a wrong factor and an unknown number (what timing could tell a guesser). Then the
quotes of every customer at once (``offers.offers_for``, what invitations need).
Targets: each answer ≤ 100 ms; the gap within the noise (≤ 2 ms); every quote ≤ 10 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

with warnings.catch_warnings():  # the in-process client is the point here, not its transport
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from sqlalchemy import select

from headoffice.api import create_app
from headoffice.db import Database
from headoffice.demo import create_demo
from headoffice.models import Customer
from headoffice.offers import offers_for
from headoffice.selfcheck.limits import Limits, Rule
from headoffice.selfcheck.lookup import meter_factor
from headoffice.selfcheck.page import Settings

DAY = dt.date(2025, 11, 24)
UNLIMITED = Rule(10**9, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--customers", type=int, default=17_405)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder, 'headoffice.sqlite3').as_posix()}"
        db = Database(url)
        db.create_tables()
        with db.writing() as session:
            create_demo(session, customers=args.customers)
        figures = _pages(url, db, args.runs)
        quotes = _quotes(db)
        db.dispose()
    gap = abs(figures["wrong factor"][0] - figures["unknown number"][0])
    if args.json:
        print(json.dumps({"customers": args.customers, "runs": args.runs,
                          "answers_ms": figures, "gap_ms": round(gap, 2),
                          "quote_all_seconds": quotes}, indent=2))
    else:
        print(f"{args.customers:,} customers, {args.runs} runs per case")
        for case, (median, slowest) in figures.items():
            print(f"{case:16} median {median:6.1f} ms   slowest {slowest:6.1f} ms")
        print(f"wrong factor vs unknown number: {gap:.2f} ms apart (medians)")
        print(f"every customer quoted: {quotes:.2f} s")
    return 0


def _pages(url: str, db: Database, runs: int) -> dict[str, tuple[float, float]]:
    with db.reading() as session:
        people = list(session.scalars(select(Customer).order_by(Customer.connection_no)))
        offers = offers_for(session, people, DAY)
    who = next(c for c, o in zip(people, offers, strict=True) if o.eligible and o.arrears)
    factor = meter_factor(who.meter_no)
    wrong = f"{(int(factor) + 1) % 10_000:04d}"
    numbers = {c.connection_no for c in people}
    unknown = next(n for n in (str(int(who.connection_no) + k) for k in range(1, 10**6))
                   if n not in numbers)  # among the others, as a guess would be
    cases = {"right answer": (who.connection_no, factor),
             "wrong factor": (who.connection_no, wrong),
             "unknown number": (unknown, factor)}
    app = create_app(url)
    app.state.selfcheck = Settings(limits=Limits(UNLIMITED, UNLIMITED), today=lambda: DAY)
    times: dict[str, list[float]] = {case: [] for case in cases}
    with TestClient(app) as client:
        client.get("/cek")
        token = client.cookies["loket_cek"]
        for run in range(runs + 1):
            for case, (number, typed) in cases.items():
                started = time.perf_counter()
                answer = client.post("/cek", data={"token": token, "nomor": number,
                                                   "meter": typed})
                spent = (time.perf_counter() - started) * 1000
                assert answer.status_code == 200, answer.text
                if run:  # the first round warms up
                    times[case].append(spent)
    return {case: (round(statistics.median(t), 1), round(max(t), 1))
            for case, t in times.items()}


def _quotes(db: Database) -> float:
    started = time.perf_counter()
    with db.reading() as session:
        people = list(session.scalars(select(Customer)))
        offers_for(session, people, DAY)
    return round(time.perf_counter() - started, 2)


if __name__ == "__main__":
    sys.exit(main())
