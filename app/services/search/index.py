"""What the branch database offers search: which index tables exist, and a sample.

Migration 0002 always creates ``customer_search_text``: one row per customer with its
search text, lower-case numbers and name, keyed by the customer's place in name order.
When the SQLite library has the FTS5 trigram tokenizer it also creates
``customer_search_fts`` (trigrams of the search text) and ``customer_search_words``
(the words of each name after the first), keyed the same way. Without them, search
walks ``customer_search_text`` in key order instead.

The description is made once per database file and shared; it is checked again, at
most every :data:`RECHECK_SECONDS`, against the number of customers.
"""

from __future__ import annotations

import bisect
import random
import sqlite3
import threading
import time
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from app.services.search.query import (
    NAME_FIELD,
    SEARCH_TEXT_SEPARATOR,
    TrigramSample,
    prefix_upper_bound,
)

TEXT_TABLE = "customer_search_text"
TRIGRAM_TABLE = "customer_search_fts"
WORD_TABLE = "customer_search_words"

# The keys of customer_search_text, as migration 0002 lays them out.
KEY_BASE = 2**40
KEY_SPACE = 2**62
SPACING = 2**16

SAMPLE_SIZES = (2_048, 8_192)
"""A sample of about one customer in :data:`SAMPLE_SHARE`, within these bounds."""
SAMPLE_SHARE = 128
RESAMPLE_GROWTH = 0.25
RECHECK_SECONDS = 30.0
PAGE_CACHE_KIB = 8_192
_MEMO_KEY = "loket.search_index"


@dataclass(frozen=True, eq=False)
class SearchIndex:
    """The index tables present, the customer count, and statistics of a sample."""

    key: str
    has_trigrams: bool
    customers: int
    sample: TrigramSample
    later_words: tuple[str, ...]
    """The later name words of the sampled customers (once per customer), sorted."""

    def later_word_share(self, prefix: str) -> float:
        """Estimated share of customers with a later name word starting with ``prefix``."""
        start = bisect.bisect_left(self.later_words, prefix)
        end = start
        if upper := prefix_upper_bound(prefix):
            end = bisect.bisect_left(self.later_words, upper, lo=start)
        return (end - start + 0.5) / (self.sample.size + 1)


_shared: dict[str, SearchIndex] = {}
_describe_locks: dict[str, threading.Lock] = {}
_shared_lock = threading.Lock()


def search_index(db: sqlite3.Connection, memo: MutableMapping[Any, Any]) -> SearchIndex:
    """The description of ``db``'s search index. ``memo`` is a dictionary that lives
    as long as the connection (its pool record's ``info``)."""
    remembered = memo.get(_MEMO_KEY)
    now = time.monotonic()
    if remembered is not None and now - remembered[1] < RECHECK_SECONDS:
        return remembered[0]  # type: ignore[no-any-return]
    if remembered is None:
        _enlarge_page_cache(db)
    key = remembered[0].key if remembered is not None else _database_key(db)
    customers = _customer_count(db)
    with _describing(key):  # a search asking while the window readies it waits for that
        with _shared_lock:
            known = _shared.get(key)
        if known is None or abs(customers - known.customers) > known.customers * RESAMPLE_GROWTH:
            known = _describe(db, key, customers)
            with _shared_lock:
                _shared[key] = known
    memo[_MEMO_KEY] = (known, now)
    return known


def _describing(key: str) -> threading.Lock:
    """The lock held while ``key``'s index is described: described once, not by every
    connection that asks at the same time (each would read its own sample)."""
    with _shared_lock:
        return _describe_locks.setdefault(key, threading.Lock())


def _enlarge_page_cache(db: sqlite3.Connection) -> None:
    """Give the connection a page cache of :data:`PAGE_CACHE_KIB` unless it has a larger
    one: a search touches index pages all over a large branch's search tables, and
    SQLite's default cache (2 MB) makes each of them a read from the operating system.
    The memory is taken only as pages are read."""
    size = int(db.execute("PRAGMA cache_size").fetchone()[0])
    if size > 0:  # in pages, not KiB
        size = -size * int(db.execute("PRAGMA page_size").fetchone()[0]) // 1024
    if -size < PAGE_CACHE_KIB:
        db.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")


@contextmanager
def page_cache_restored(db: sqlite3.Connection) -> Iterator[None]:
    """For bulk work on a writing connection: the page cache it had comes back after
    the block (describing the index enlarges it for searching), and the pages beyond it
    are freed; a writing connection's cache would otherwise stay full all day."""
    size = int(db.execute("PRAGMA cache_size").fetchone()[0])
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {size}")


def respace_keys(db: sqlite3.Connection, has_trigrams: bool) -> None:
    """Space the keys evenly again and rebuild and merge the full-text indexes (as the
    triggers do when two neighbours leave no room, but closer). The keys are first moved
    below zero in order, so that the new ones are written in order: full table pages."""
    statements = [
        "UPDATE customer_search_state SET respacing = 1",
        f"UPDATE {TEXT_TABLE} SET key = key - {KEY_SPACE} - {KEY_BASE} WHERE key > 0",
        f"UPDATE {TEXT_TABLE} SET key = {KEY_BASE} + r.n * {SPACING} FROM (SELECT id, "
        f"row_number() OVER (ORDER BY name_lower, id) AS n FROM {TEXT_TABLE}) AS r "
        f"WHERE r.id = {TEXT_TABLE}.id",
    ]
    if has_trigrams:
        statements += [f"INSERT INTO {table} ({table}) VALUES ('{command}')"
                       for table in (TRIGRAM_TABLE, WORD_TABLE)
                       for command in ("rebuild", "optimize")]
    statements.append("UPDATE customer_search_state SET respacing = 0")
    for statement in statements:
        db.execute(statement)


def fill_search_text(db: sqlite3.Connection) -> None:
    """Fill the empty ``customer_search_text`` from every customer in one statement,
    keyed in name order (as migration 0002 first filled it; the full-text indexes are
    rebuilt from it by :func:`respace_keys`)."""
    later_words = ("CASE WHEN instr(c.name_lower, ' ') > 0 THEN "
                   "substr(c.name_lower, instr(c.name_lower, ' ') + 1) ELSE '' END")
    haystack = ("lower(c.connection_no) || char(10) || lower(c.meter_no) || char(10) || "
                "c.name_lower || char(10) || lower(c.address) || char(10) || lower(c.kelurahan)")
    db.execute(
        f"INSERT INTO {TEXT_TABLE} (key, id, connection_no, meter_no, name_lower, later_words, "
        f"haystack) SELECT {KEY_BASE} + row_number() OVER (ORDER BY c.name_lower, c.id) * "
        f"{SPACING}, c.id, lower(c.connection_no), lower(c.meter_no), c.name_lower, "
        f"{later_words}, {haystack} FROM customer AS c")


def _database_key(db: sqlite3.Connection) -> str:
    for _seq, name, path in db.execute("PRAGMA database_list"):
        if name == "main" and path:
            return str(path)
    return f"memory:{id(db)}"


def _customer_count(db: sqlite3.Connection) -> int:
    """The highest customer id: a cheap stand-in for the number of customers."""
    row = db.execute(f"SELECT max(id) FROM {TEXT_TABLE}").fetchone()
    return int(row[0] or 0)


def _describe(db: sqlite3.Connection, key: str, customers: int) -> SearchIndex:
    tables = {name for (name,) in db.execute(
        "SELECT name FROM sqlite_schema WHERE name IN (?, ?)", (TRIGRAM_TABLE, WORD_TABLE))}
    has_trigrams = tables == {TRIGRAM_TABLE, WORD_TABLE} and _fts_usable(db)
    texts = _sample(db, customers)
    later_words = sorted(word for text in texts for word in set(
        text.split(SEARCH_TEXT_SEPARATOR)[NAME_FIELD].split()[1:]))
    return SearchIndex(key, has_trigrams, customers, TrigramSample.of(texts),
                       tuple(later_words))


def _fts_usable(db: sqlite3.Connection) -> bool:
    """Whether this SQLite library can read the index (it may lack FTS5 or trigram)."""
    try:
        db.execute(f"SELECT rowid FROM {TRIGRAM_TABLE} WHERE {TRIGRAM_TABLE} MATCH 'abc' "
                   "LIMIT 1").fetchall()
    except sqlite3.OperationalError:
        return False
    return True


def _sample(db: sqlite3.Connection, customers: int) -> list[str]:
    """Search texts of customers at fixed pseudo-random ids (in random order)."""
    texts: dict[int, str] = {}
    rng = random.Random(customers)
    size = min(max(customers // SAMPLE_SHARE, SAMPLE_SIZES[0]), SAMPLE_SIZES[1])
    for _ in range(size if customers else 0):
        row = db.execute(f"SELECT id, haystack FROM {TEXT_TABLE} WHERE id >= ? ORDER BY id "
                         "LIMIT 1", (rng.randint(1, customers),)).fetchone()
        if row is not None:
            texts[row[0]] = row[1]
    return list(texts.values())
