"""Readying the search (``prepare_search``, as the window opens) and the cashier's first
search at the same moment: the index is described once, and the search uses that."""

from __future__ import annotations

import sqlite3
import threading
import time
from contextlib import closing

from app.bootstrap import BranchDatabase
from app.models.database import database_path
from app.services.search.index import TEXT_TABLE, SearchIndex, search_index
from tests.support.fakes import add_customer

SAMPLING = f"SELECT id, haystack FROM {TEXT_TABLE} WHERE id >= "  # as traced: values bound


def test_a_search_asking_while_the_index_is_described_waits_for_that_description(
        branch: BranchDatabase) -> None:
    """The first search of a freshly opened branch read a sample of its own while the
    window's readying read one: twice the work on a counter's two CPUs, each slower."""
    for number in range(20):
        add_customer(branch, f"500{number:05d}", name=f"Pelanggan {number}")
    db_file = database_path(branch.data_dir)
    readying_samples, search_samples = [], []
    sampling, search_asks = threading.Event(), threading.Event()

    def readying_reads(statement: str) -> None:
        if SAMPLING in statement:
            readying_samples.append(statement)
            if not sampling.is_set():
                sampling.set()
                search_asks.wait(10)
                time.sleep(0.2)  # the search has come to the description meanwhile

    described: dict[str, SearchIndex] = {}

    def describe(name: str, trace: object) -> None:
        with closing(sqlite3.connect(db_file, check_same_thread=False)) as db:
            db.set_trace_callback(trace)  # type: ignore[arg-type]
            described[name] = search_index(db, {})

    readying = threading.Thread(target=describe, args=("readying", readying_reads))
    readying.start()
    assert sampling.wait(10)
    search_asks.set()
    describe("search", lambda statement: search_samples.append(statement)
             if SAMPLING in statement else None)
    readying.join(10)

    assert readying_samples and search_samples == []
    assert described["search"] is described["readying"]
