"""The SQL of customer search: counting the matches, ranking few, walking the tiers.

Every statement reads ``customer_search_text`` as ``t``; a customer matches when
``instr(t.haystack, fragment) > 0`` for every required fragment (:attr:`Tiers.check`,
which also tries the case variants of letters beyond ASCII),
whatever index narrowed the candidates first. ``t.key`` is the customer's place in
name order, and the full-text indexes use it as their row id: reading their matches
in row-id order reads them in name order, so a tier's first hits by name come first
and reading stops as soon as enough are found.

:meth:`Tiers.best` takes the tiers in turn (see :mod:`app.services.search.engine`) and
stops as soon as ``limit`` hits are found; earlier tiers are then complete, so a
customer seen again in a later tier is simply skipped.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable
from typing import Any

from app.services.search.index import TEXT_TABLE, TRIGRAM_TABLE, WORD_TABLE, SearchIndex
from app.services.search.query import (
    Query,
    case_variants,
    choose_trigrams,
    prefix_upper_bound,
    trigram_match,
    word_prefix_match,
)

NUMBER_COLUMNS = ("connection_no", "meter_no")
RANGE_READ_MAX = 2_000
"""Number prefixes shared by more customers than this are never read and sorted."""
RANGE_GAIN = 2.0
"""How much cheaper reading one entry of a number index is than checking a candidate."""

CANDIDATES_PER_MATCH = 2.0
"""At most this many candidates are expected per match (the sample's guess is rough)."""
WORD_INDEX_GAIN = 5.0
"""How much cheaper reading one entry of the word index is than checking a candidate."""

KeyId = tuple[int, int]  # (place in name order, customer id)
Ranked = tuple[int, int, int]  # (tier, place in name order, customer id)


class Tiers:
    """The statements for one query against one database."""

    def __init__(self, db: sqlite3.Connection, index: SearchIndex, query: Query) -> None:
        self.db = db
        self.index = index
        self.query = query
        self.params = _params(query)
        self.check = " AND ".join(_check_sql(i, f) for i, f in enumerate(query.required))
        self.by_trigrams = index.has_trigrams and bool(query.long_fragments)
        self.tokens: tuple[str, ...] = ()
        self.candidates = float(index.customers)
        """How many customers the index lookup is expected to leave to check."""
        self.matches = self.candidates
        """How many customers are expected to match (rough)."""
        if self.by_trigrams:
            choice = choose_trigrams(query.long_fragments, index.sample)
            self.tokens, self.candidates = choice.tokens, choice.share * index.customers
            self.params["q"] = trigram_match(self.tokens)
            share = index.sample.matching_share(choice.holders, query.required)
            self.matches = self.candidates if share is None else share * index.customers

    # -- counting and ranking all matches ----------------------------------------------

    def index_counts_alone(self) -> bool:
        """Whether the trigram index alone decides: every fragment is one ASCII trigram.

        (The index folds case as Python does; the search text is lower-cased by SQLite,
        which folds ASCII only. For ASCII fragments the two agree.)"""
        return self.by_trigrams and all(len(f) == 3 and f.isascii() and f in self.tokens
                                        for f in self.query.required)

    def first(self, count: int) -> list[Ranked]:
        """The first ``count`` matches in name order, with their tiers."""
        columns = f"{_tier_sql(self.query)}, t.key, t.id"
        return self.db.execute(self._in_order(columns, "1") + f" LIMIT {count}",
                               self.params).fetchall()

    def counted(self, count: int, exact: bool) -> None:
        """Refine the candidates expected from the index lookup by the matches counted."""
        if exact:
            self.candidates = min(self.candidates, CANDIDATES_PER_MATCH * count)
        self.candidates = max(self.candidates, float(count))

    def count(self, cap: int, after: int = -(2**63)) -> int:
        """How many match after key ``after``, up to ``cap``."""
        if self.index_counts_alone():
            source = (f"SELECT rowid FROM {TRIGRAM_TABLE} WHERE {TRIGRAM_TABLE} MATCH :q "
                      "AND rowid > :after")
        else:
            source = self._in_order("t.id", f"{self._order()} > :after")
        return int(self.db.execute(f"SELECT count(*) FROM ({source} LIMIT {cap})",
                                   dict(self.params, after=after)).fetchone()[0])

    # -- many matches: tier by tier --------------------------------------------------------

    def best(self, limit: int) -> tuple[int, ...]:
        """The best ``limit`` matches, taking the tiers in turn."""
        found: list[int] = []
        seen: set[int] = set()
        steps: tuple[Callable[[int], list[int]], ...] = (
            self._exact, self._prefixed, self._name_starts, self._later_words, self._anywhere)
        for step in steps:
            if len(found) >= limit:
                break
            for customer_id in step(limit + len(found)):
                if customer_id not in seen:
                    seen.add(customer_id)
                    found.append(customer_id)
        return tuple(found[:limit])

    def _exact(self, wanted: int) -> list[int]:
        return self._ids(
            f"SELECT t.id FROM {TEXT_TABLE} AS t WHERE t.connection_no IN ({self._names()}) "
            f"AND {self.check} ORDER BY t.key LIMIT {wanted}")

    def _prefixed(self, wanted: int) -> list[int]:
        """Number prefixes: the ranges of the number indexes read and sorted when that is
        cheaper than taking the matches in name order until ``wanted`` are prefixed
        (about ``wanted`` × candidates / range size of them)."""
        ranges = [(i, self._number_range(i, column))
                  for i in range(len(self.query.fragments)) for column in NUMBER_COLUMNS]
        most = min(RANGE_READ_MAX, math.isqrt(int(RANGE_GAIN * wanted * self.candidates)))
        size = 0
        for _i, condition in ranges:
            size += self.db.execute(f"SELECT count(*) FROM (SELECT 1 FROM {TEXT_TABLE} AS t "
                                    f"WHERE {condition} LIMIT {most + 1})",
                                    self.params).fetchone()[0]
            if size > most:
                return self._ids(self._in_order("t.id", _number_sql(self.query))
                                 + f" LIMIT {wanted}")
        rows: list[KeyId] = []
        for i, condition in ranges:
            implied = all(r in self.query.fragments[i] for r in self.query.required)
            check = "" if implied else f"AND {self.check}"
            rows += self.db.execute(
                f"SELECT t.key, t.id FROM {TEXT_TABLE} AS t WHERE {condition} {check} "
                f"ORDER BY t.key LIMIT {wanted}", self.params).fetchall()
        return [customer_id for _key, customer_id in sorted(set(rows))[:wanted]]

    def _name_starts(self, wanted: int) -> list[int]:
        rows: list[KeyId] = []
        for i, fragment in enumerate(self.query.fragments):
            upper = f"AND t.name_lower < :h{i}" if prefix_upper_bound(fragment) else ""
            rows += self.db.execute(
                f"SELECT t.key, t.id FROM {TEXT_TABLE} AS t WHERE t.name_lower >= :f{i} {upper} "
                f"AND substr(t.name_lower, 1, {len(fragment)}) = :f{i} AND {self.check} "
                f"ORDER BY t.name_lower, t.id LIMIT {wanted}", self.params).fetchall()
        return [customer_id for _key, customer_id in sorted(set(rows))[:wanted]]

    def _later_words(self, wanted: int) -> list[int]:
        """Names with a later word starting with a fragment: from the word index when such
        names are few (it reads them all), else from the matches in name order (which
        stops after ``wanted``: soon, when such names are many)."""
        named = sum(self.index.later_word_share(f) for f in self.query.fragments)
        named *= self.index.customers
        if self.index.has_trigrams and named**2 <= WORD_INDEX_GAIN * wanted * self.candidates:
            return self._ids(
                f"SELECT t.id FROM {WORD_TABLE} AS w CROSS JOIN {TEXT_TABLE} AS t "
                f"ON t.key = w.rowid WHERE {WORD_TABLE} MATCH :w AND {self.check} "
                f"ORDER BY w.rowid LIMIT {wanted}",
                dict(self.params, w=word_prefix_match(self.query.fragments)))
        words = " OR ".join(f"instr(t.name_lower, :z{i}) > 0"
                            for i in range(len(self.query.fragments)))
        return self._ids(self._in_order("t.id", f"({words})") + f" LIMIT {wanted}")

    def _anywhere(self, wanted: int) -> list[int]:
        return self._ids(self._in_order("t.id", "1") + f" LIMIT {wanted}")

    # -- helpers ---------------------------------------------------------------------------

    def _in_order(self, columns: str, condition: str) -> str:
        """The matches meeting ``condition``, in name order: through the trigram index
        when it applies, else by walking the table."""
        if self.by_trigrams:
            return (f"SELECT {columns} FROM {TRIGRAM_TABLE} AS s "
                    f"CROSS JOIN {TEXT_TABLE} AS t ON t.key = s.rowid "
                    f"WHERE {TRIGRAM_TABLE} MATCH :q AND {condition} AND {self.check} "
                    "ORDER BY s.rowid")
        return (f"SELECT {columns} FROM {TEXT_TABLE} AS t WHERE {condition} AND {self.check} "
                "ORDER BY t.key")

    def _order(self) -> str:
        return "s.rowid" if self.by_trigrams else "t.key"

    def _names(self) -> str:
        return ", ".join(f":f{i}" for i in range(len(self.query.fragments)))

    def _number_range(self, i: int, column: str) -> str:
        """``column`` of ``t`` starts with fragment ``i``, as a range of its index."""
        upper = f"AND t.{column} < :h{i}" if self.params[f"h{i}"] is not None else ""
        return (f"t.{column} >= :f{i} {upper} "
                f"AND substr(t.{column}, 1, {len(self.query.fragments[i])}) = :f{i}")

    def _ids(self, sql: str, params: dict[str, Any] | None = None) -> list[int]:
        return [row[0] for row in self.db.execute(sql, params or self.params)]


def _check_sql(i: int, fragment: str) -> str:
    """Required fragment ``i`` is in the search text (in any of its case variants)."""
    return "(" + " OR ".join(f"instr(t.haystack, :r{i}v{v}) > 0"
                             for v in range(len(case_variants(fragment)))) + ")"


def _params(query: Query) -> dict[str, Any]:
    params: dict[str, Any] = {f"r{i}v{v}": variant for i, f in enumerate(query.required)
                              for v, variant in enumerate(case_variants(f))}
    for i, f in enumerate(query.fragments):
        params.update({f"f{i}": f, f"h{i}": prefix_upper_bound(f), f"z{i}": " " + f})
    return params


def _number_sql(query: Query) -> str:
    """The connection or meter number starts with a fragment."""
    return "(" + " OR ".join(f"substr(t.{column}, 1, {len(f)}) = :f{i}"
                             for i, f in enumerate(query.fragments)
                             for column in NUMBER_COLUMNS) + ")"


def _tier_sql(query: Query) -> str:
    """The tier of customer ``t`` (see :mod:`app.services.search.engine`) in SQL."""
    fragments = list(enumerate(query.fragments))
    names = ", ".join(f":f{i}" for i, _f in fragments)
    starts = " OR ".join(f"substr(t.name_lower, 1, {len(f)}) = :f{i}" for i, f in fragments)
    words = " OR ".join(f"instr(t.name_lower, :z{i}) > 0" for i, _f in fragments)
    return (f"CASE WHEN t.connection_no IN ({names}) THEN 0 WHEN {_number_sql(query)} THEN 1 "
            f"WHEN {starts} THEN 2 WHEN {words} THEN 3 ELSE 4 END")
