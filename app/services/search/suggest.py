"""Names that look like a mistyped query, for "no match — did you mean".

Candidates are the customers whose names share the most trigrams with the query (among
each trigram's first :data:`ROWS_PER_TRIGRAM` entries of the trigram index, in name
order; or a scan of the names without the index). Each is scored by how closely
every query fragment resembles some word of its name (difflib's ratio, 0–1, averaged
over the fragments); the best come first, one customer per distinct name before any
namesakes, ties by name.
"""

from __future__ import annotations

import difflib
import json
import sqlite3
from collections import Counter

from app.services.search.index import TEXT_TABLE, TRIGRAM_TABLE
from app.services.search.query import fts_string, parse_query, trigrams

ROWS_PER_TRIGRAM = 2_000
"""Entries of the trigram index read per trigram of the query, in name order, whether
the trigram is in the name or elsewhere in the search text. A common trigram has a few
thousand at 17,405 customers but up to 150,000 at a million, most of them in addresses
and kelurahan names: reading until 5,000 names held it took up to 130 ms there."""
POOL = 300
MIN_SCORE = 0.6


def similar_names(db: sqlite3.Connection, has_trigrams: bool, text: str,
                  limit: int) -> list[int]:
    """Ids of up to ``limit`` customers whose names look most like ``text``."""
    fragments = parse_query(text).fragments
    grams = list(dict.fromkeys(g for f in fragments for g in trigrams(f)))
    if not grams:
        return []
    pool = _sharing(db, grams) if has_trigrams else _sharing_by_scan(db, grams)
    seen: dict[tuple[str, str], float] = {}  # names share words: each pair is scored once
    scored = sorted((-score, name, customer_id) for customer_id, name in pool
                    if (score := likeness(fragments, name, seen)) >= MIN_SCORE)
    distinct = {name: customer_id for _score, name, customer_id in reversed(scored)}
    firsts = [entry for entry in scored if distinct[entry[1]] == entry[2]]
    namesakes = [entry for entry in scored if distinct[entry[1]] != entry[2]]
    return [customer_id for _score, _name, customer_id in (firsts + namesakes)[:limit]]


def likeness(fragments: tuple[str, ...], name: str,
             seen: dict[tuple[str, str], float] | None = None) -> float:
    """Mean over fragments of the best similarity (0–1) to a word of ``name``; ``seen``
    keeps the ratios of (fragment, word) pairs already scored."""
    words = name.split() or [name]
    best = [_best_ratio(f, words, {} if seen is None else seen) for f in fragments]
    return sum(best) / len(best)


def _best_ratio(fragment: str, words: list[str], seen: dict[tuple[str, str], float]) -> float:
    """The highest ratio of ``fragment`` to any of ``words``. A word whose upper bounds
    (``real_quick_ratio``, ``quick_ratio``) cannot beat the best so far is not scored: the
    maximum is the same, only cheaper."""
    best = 0.0
    for word in words:
        ratio = seen.get((fragment, word))
        if ratio is None:
            matcher = difflib.SequenceMatcher(None, fragment, word)
            if best and (matcher.real_quick_ratio() <= best or matcher.quick_ratio() <= best):
                continue
            ratio = seen[(fragment, word)] = matcher.ratio()
        best = max(best, ratio)
    return best


def _sharing(db: sqlite3.Connection, grams: list[str]) -> list[tuple[int, str]]:
    shared: Counter[int] = Counter()
    for gram in grams:
        shared.update(customer_id for (customer_id,) in db.execute(
            f"SELECT t.id FROM (SELECT rowid FROM {TRIGRAM_TABLE} WHERE {TRIGRAM_TABLE} "
            f"MATCH ? LIMIT ?) AS s CROSS JOIN {TEXT_TABLE} AS t ON t.key = s.rowid "
            "WHERE instr(t.name_lower, ?) > 0", (fts_string(gram), ROWS_PER_TRIGRAM, gram)))
    pool = [customer_id for customer_id, _n in shared.most_common(POOL)]
    return db.execute(
        f"SELECT id, name_lower FROM {TEXT_TABLE} WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(pool),)).fetchall()


def _sharing_by_scan(db: sqlite3.Connection, grams: list[str]) -> list[tuple[int, str]]:
    shares = " + ".join("(instr(name_lower, ?) > 0)" for _g in grams)
    return db.execute(
        f"SELECT id, name_lower FROM {TEXT_TABLE} WHERE {shares} > 0 "
        f"ORDER BY {shares} DESC, id LIMIT ?", (*grams, *grams, POOL)).fetchall()
