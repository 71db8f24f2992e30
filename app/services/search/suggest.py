"""Names that look like a mistyped query, for "no match — did you mean".

Candidates are the customers whose names share the most trigrams with the query (from
the trigram index, or a scan of the names without it). Each is scored by how closely
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

IDS_PER_TRIGRAM = 5_000
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
    scored = sorted((-score, name, customer_id) for customer_id, name in pool
                    if (score := likeness(fragments, name)) >= MIN_SCORE)
    distinct = {name: customer_id for _score, name, customer_id in reversed(scored)}
    firsts = [entry for entry in scored if distinct[entry[1]] == entry[2]]
    namesakes = [entry for entry in scored if distinct[entry[1]] != entry[2]]
    return [customer_id for _score, _name, customer_id in (firsts + namesakes)[:limit]]


def likeness(fragments: tuple[str, ...], name: str) -> float:
    """Mean over fragments of the best similarity (0–1) to a word of ``name``."""
    words = name.split() or [name]
    best = [max(difflib.SequenceMatcher(None, f, w).ratio() for w in words) for f in fragments]
    return sum(best) / len(best)


def _sharing(db: sqlite3.Connection, grams: list[str]) -> list[tuple[int, str]]:
    shared: Counter[int] = Counter()
    for gram in grams:
        shared.update(customer_id for (customer_id,) in db.execute(
            f"SELECT t.id FROM {TRIGRAM_TABLE} AS s CROSS JOIN {TEXT_TABLE} AS t "
            f"ON t.key = s.rowid WHERE {TRIGRAM_TABLE} MATCH ? AND instr(t.name_lower, ?) > 0 "
            "LIMIT ?", (fts_string(gram), gram, IDS_PER_TRIGRAM)))
    pool = [customer_id for customer_id, _n in shared.most_common(POOL)]
    return db.execute(
        f"SELECT id, name_lower FROM {TEXT_TABLE} WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(pool),)).fetchall()


def _sharing_by_scan(db: sqlite3.Connection, grams: list[str]) -> list[tuple[int, str]]:
    shares = " + ".join("(instr(name_lower, ?) > 0)" for _g in grams)
    return db.execute(
        f"SELECT id, name_lower FROM {TEXT_TABLE} WHERE {shares} > 0 "
        f"ORDER BY {shares} DESC, id LIMIT ?", (*grams, *grams, POOL)).fetchall()
