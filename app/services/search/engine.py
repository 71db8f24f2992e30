"""Finding and ranking the customers that match a query.

Hits are ordered by *tier*, then lower-case name, then id. A customer's tier is the best
that any fragment earns it: 0 the connection number equals the fragment, 1 the
connection or meter number starts with it, 2 the name starts with it, 3 a later word of
the name starts with it, 4 it merely occurs somewhere.

The first matches in name order are read with their tiers (unless many are expected):
when that is all of them, they are simply sorted. Otherwise the matches are counted, up
to :data:`COUNTED`, and :meth:`Tiers.best` takes the tiers in turn until ``limit`` hits
are found, each read in name order from the index that suits it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from app.services.search.index import SearchIndex
from app.services.search.query import Query
from app.services.search.tiers import Ranked, Tiers

COUNTED = 500
"""Matches counted exactly; beyond, ``total`` is this and marked inexact."""
RANKED_AT_ONCE = 150
"""Up to this many matches, they are read at once and sorted."""
MANY_EXPECTED = 1.5
"""Beyond this many times ``RANKED_AT_ONCE`` expected matches, they are counted before
any is read."""


@dataclass(frozen=True)
class Found:
    ids: tuple[int, ...]
    total: int
    total_is_exact: bool


def find(db: sqlite3.Connection, index: SearchIndex, query: Query, limit: int) -> Found:
    """The ids of the best ``limit`` matches of ``query``, and how many match."""
    tiers = Tiers(db, index, query)
    if not tiers.by_trigrams or tiers.matches <= MANY_EXPECTED * RANKED_AT_ONCE:
        first = tiers.first(RANKED_AT_ONCE + 1)
        if len(first) <= RANKED_AT_ONCE:
            return _sorted(first, limit)
        count = len(first) + tiers.count(COUNTED + 1 - len(first), after=first[-1][1])
    else:  # many expected: count without reading
        count = tiers.count(COUNTED + 1)
        if count <= RANKED_AT_ONCE:
            return _sorted(tiers.first(count), limit)
    tiers.counted(count, exact=count <= COUNTED)
    return Found(tiers.best(limit), min(count, COUNTED), count <= COUNTED)


def _sorted(matches: list[Ranked], limit: int) -> Found:
    return Found(tuple(customer_id for _t, _k, customer_id in sorted(matches)[:limit]),
                 len(matches), True)
