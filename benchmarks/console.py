"""Server time of each head-office console page on the demo head office.

    python benchmarks/console.py [--customers 17405] [--branches 3] [--share 0.4]
                                 [--runs 20] [--json] [--database-url URL [--build]]

Builds the demo head office with work waiting (``scripts/console_scene.py``; more
``--branches`` than the demo's three are added) and the Buka Segel programme worked at
every branch (``scripts/programme_scene.py``: ``--share`` of the sealed customers in
arrears enrol) in a fresh SQLite file — or at ``--database-url`` with ``--build`` (an
empty database, kept afterwards), or measures the head office at ``--database-url``
built so before. Signs in as the demo manager (who may read every page) and requests
each page ``--runs`` times in-process through the ASGI app (no network), after one
warm-up. Reported per page: the median and the slowest server time (from the request
to the last byte of the answer, measured around the ASGI app) and the median CPU time of
the process, in milliseconds — CPU time is what the load of a shared machine does not
inflate. Targets: each page ≤ 100 ms at 17,405 customers, ≤ 300 ms at 200,000 customers
across 10 branches.

The evaluation and the invitation list are kept until head office's data changes, and
made again in the background after a push. Prefixes: ``cold:`` makes them afresh for
every request (what only a request never asked before waits for); ``drawn:`` keeps the
evaluation but draws the file again; ``pushed:`` has a branch push an event before each
request (the page shows the figures made before, saying so) and reports as
``remade:…`` the background work done after the answer (the evaluation made again).
``made:invitations`` is the invitation list made afresh on a day the demo's programme
runs, outside any request (the pages ask for today's).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import statistics
import sys
import tempfile
import time
import uuid
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

with warnings.catch_warnings():  # the in-process client is the point here, not its transport
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from sqlalchemy import func, select

from headoffice.api import create_app
from headoffice.auth import issue_code, register_device
from headoffice.db import Database, utcnow
from headoffice.evaluation import cache, files
from headoffice.models import BranchOffice, Customer
from headoffice.outreach.audience import invitations
from headoffice.push import IncomingEvent, push
from scripts.console_scene import build_scene, extra_branches
from scripts.programme_scene import BRANCHES, add_programme_activity

PAGES = ("/console/", "/console/evaluation", "cold:/console/evaluation",
         "pushed:/console/evaluation", "/console/evaluation?branch=KPG",
         "cold:/console/evaluation.xlsx", "drawn:/console/evaluation.xlsx",
         "/console/evaluation.xlsx", "cold:/console/evaluation.pdf",
         "drawn:/console/evaluation.pdf", "/console/evaluation.pdf", "/console/change-requests",
         "/console/change-requests?state=all", "/console/exceptions",
         "/console/reconciliation", "/console/customers?q=jl.", "/console/customers?q=bere",
         "/console/customers/{customer}", "/console/counters", "/console/terms",
         "/console/staff", "/console/audit", "/console/outreach", "cold:/console/outreach",
         "pushed:/console/outreach", "/console/outreach?kind=reminder&due_within=7",
         "/console/outreach/log")
PROGRAMME_DAY = dt.date(2025, 11, 24)  # the demo's Buka Segel runs 17 Nov – 31 Dec 2025
Figures = dict[str, tuple[float, float, float]]  # page: median, slowest, median CPU (ms)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--customers", type=int, default=17_405)
    parser.add_argument("--branches", type=int, default=3, help="branches (3 to 99)")
    parser.add_argument("--share", type=float, default=0.4,
                        help="share of the sealed customers in arrears who enrol")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--database-url", help="measure this head office (a scene made "
                                               "before) instead of building one")
    parser.add_argument("--build", action="store_true",
                        help="build the scene into the (empty) --database-url and keep it")
    args = parser.parse_args()
    if not 3 <= args.branches <= 99:
        parser.error("--branches: 3 to 99")
    built = 0.0
    if args.database_url and not args.build:
        figures = _measure(args.database_url, args.runs)
    elif args.database_url:
        built = _build(args.database_url, args.customers, args.branches, args.share)
        figures = _measure(args.database_url, args.runs)
    else:
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{Path(folder, 'headoffice.sqlite3').as_posix()}"
            built = _build(url, args.customers, args.branches, args.share)
            figures = _measure(url, args.runs)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    if args.database_url and not args.build:  # measured as found: say what it holds
        args.customers, args.branches = _size(args.database_url)
    if args.json:
        print(json.dumps({"customers": args.customers, "branches": args.branches,
                          "share": args.share, "runs": args.runs, "load_average": load,
                          "scene_seconds": round(built, 1), "pages": figures}, indent=2))
    else:
        print(f"{args.customers:,} customers, {args.branches} branches (scene built in "
              f"{built:.0f} s), {args.runs} runs per page, load average {load}")
        for page, (median, slowest, cpu) in figures.items():
            print(f"{page:40} median {median:7.1f} ms   slowest {slowest:7.1f} ms   "
                  f"CPU {cpu:7.1f} ms")
    return 0


def _size(url: str) -> tuple[int, int]:
    """How many customers and branches the head office at ``url`` holds."""
    db = Database(url)
    try:
        with db.reading() as session:
            return (session.scalar(select(func.count()).select_from(Customer)) or 0,
                    session.scalar(select(func.count()).select_from(BranchOffice)) or 0)
    finally:
        db.dispose()


def _build(url: str, customers: int, branches: int, share: float) -> float:
    """Build the scene at ``url``; returns the seconds it took."""
    started = time.perf_counter()
    db = build_scene(url, customers, branches)
    add_programme_activity(db, share=share, branches=(*BRANCHES, *extra_branches(branches)))
    db.dispose()
    return time.perf_counter() - started


class _Timed:
    """The app, noting each answer's server time and CPU time (to its last byte) and the
    work done after it (background tasks) apart."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.answer = self.after = (0.0, 0.0)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        started, cpu, done = time.perf_counter(), time.process_time(), [0.0, 0.0]

        async def timed(message: Any) -> None:
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body"):
                done[:] = time.perf_counter(), time.process_time()

        await self.app(scope, receive, timed)
        if scope["type"] == "http":
            self.answer = (done[0] - started, done[1] - cpu)
            self.after = (time.perf_counter() - done[0], time.process_time() - done[1])


def _measure(url: str, runs: int) -> Figures:
    timed = _Timed(create_app(url))
    figures: Figures = {}
    pusher = _Pusher(url)
    with TestClient(timed, base_url="http://127.0.0.1") as client:
        page = client.get("/console/signin")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert csrf is not None
        done = client.post("/console/signin", follow_redirects=False, data={
            "csrf": csrf.group(1), "username": "direktur", "password": "direktur123"})
        assert done.status_code == 303, done.text
        found = re.search(r'href="/console/customers/(\d+)"',
                          client.get("/console/customers?q=jl.").text)
        assert found is not None
        for path in PAGES:
            path = path.format(customer=found.group(1))
            how, _, address = path.rpartition(":")
            answers, after = [], []
            for run in range(runs + 1):
                if how == "cold":
                    cache.clear()
                if how in ("cold", "drawn"):
                    files.clear()
                if how == "pushed":
                    pusher.push()
                answer = client.get(address)
                assert answer.status_code == 200, (path, answer.status_code)
                if run:
                    answers.append(timed.answer)
                    after.append(timed.after)
            figures[path] = _summary(answers)
            if how == "pushed":
                figures[f"remade:{address}"] = _summary(after)
    pusher.close()
    figures[f"made:invitations on {PROGRAMME_DAY}"] = _invitations(url, runs)
    return figures


def _invitations(url: str, runs: int) -> tuple[float, float, float]:
    """The invitation list made afresh on a day the programme runs (the pages ask for
    today, when the demo's programme may be over and nobody is eligible)."""
    db = Database(url)
    times = []
    try:
        for run in range(runs + 1):
            cache.clear()
            with db.reading() as session:
                started, cpu = time.perf_counter(), time.process_time()
                invitations(session, PROGRAMME_DAY)
                if run:
                    times.append((time.perf_counter() - started, time.process_time() - cpu))
    finally:
        db.dispose()
    return _summary(times)


def _summary(times: list[tuple[float, float]]) -> tuple[float, float, float]:
    wall = [t[0] * 1000 for t in times]
    return (round(statistics.median(wall), 1), round(max(wall), 1),
            round(statistics.median(t[1] * 1000 for t in times), 1))


class _Pusher:
    """A branch's counter pushing one event at a time, as a sync does (an information
    event: it moves what the evaluation is kept by, not its figures)."""

    def __init__(self, url: str) -> None:
        self.db = Database(url)
        self.device, self.counter = str(uuid.uuid4()), f"B{uuid.uuid4().hex[:6].upper()}"
        with self.db.writing() as session:
            register_device(session, issue_code(session, "KPG", self.counter).code,
                            self.device, "KPG", self.counter)
        self.seq = 0

    def push(self) -> None:
        self.seq += 1
        push(self.db, self.device, "KPG", [IncomingEvent(
            str(uuid.uuid4()), self.seq, "shift.opened", utcnow(),
            {"cashier": "kasir", "branch": "KPG", "counter": self.counter,
             "shift_uuid": str(uuid.uuid4())})])

    def close(self) -> None:
        self.db.dispose()


if __name__ == "__main__":
    sys.exit(main())
