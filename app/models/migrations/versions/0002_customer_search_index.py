"""customer search index

``customer_search_text`` holds, per customer, its search text (connection number, meter
number, name, address and kelurahan, lower-cased and joined by newlines), the
lower-case numbers and name, and the words of the name after the first. Its key is the
customer's place in name order, (lower-case name, id): a new row's key goes between its
neighbours' keys; when they leave no room, the row is filed under a negative key and
every key is spaced out evenly again. Indexes give the name order, the id and the
number prefixes.

Where the SQLite library has the FTS5 trigram tokenizer, two full-text indexes over
the table, keyed the same way so that matches come out in name order:
``customer_search_fts`` (trigrams of the search text) and ``customer_search_words``
(the later name words). Triggers on ``customer`` keep the table in step, triggers on
the table keep the full-text indexes in step (after a respacing they are rebuilt).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 09:00:00
"""

from __future__ import annotations

import sqlite3

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Keys start at KEY_BASE, SPACING apart: room for 16 halvings between neighbours, yet
# small steps (the full-text indexes store the gaps between row ids, as varints). When
# the triggers respace the keys (rare, but several times while a branch is bulk-loaded)
# they leave more room, RESPACING apart; app.services.search.customers.compact_search_index goes
# back to SPACING.
KEY_BASE = 2**40
KEY_SPACE = 2**62
SPACING = 2**16
RESPACING = 2**24
TWIN_STEP = 2**10
TEXT_COLUMNS = "key, id, connection_no, meter_no, name_lower, later_words, haystack"
WORDS_TOKENIZER = "unicode61 remove_diacritics 0 categories ''L* M* N* P* S* C*''"
RESPACING_NOW = "(SELECT respacing FROM customer_search_state)"
TRIGGERS = ("customer_search_ai", "customer_search_ad", "customer_search_au",
            "customer_search_text_ai", "customer_search_text_ad", "customer_search_text_respace")


def trigram_available() -> bool:
    """Whether this SQLite library has FTS5 with the trigram tokenizer (3.34+)."""
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
    except sqlite3.Error:
        return False
    finally:
        probe.close()
    return True


def _values(row: str) -> str:
    """The searchable columns of ``customer`` row ``row``, after the key."""
    later_words = (f"CASE WHEN instr({row}.name_lower, ' ') > 0 THEN "
                   f"substr({row}.name_lower, instr({row}.name_lower, ' ') + 1) ELSE '' END")
    haystack = (f"lower({row}.connection_no) || char(10) || lower({row}.meter_no) || char(10) "
                f"|| {row}.name_lower || char(10) || lower({row}.address) || char(10) || "
                f"lower({row}.kelurahan)")
    return (f"{row}.id, lower({row}.connection_no), lower({row}.meter_no), {row}.name_lower, "
            f"{later_words}, {haystack}")


def _neighbours(row: str) -> str:
    """The keys before and after ``row``'s place in name order (``lo``, ``hi``), and
    whether the one before has the same name (``twin``)."""
    before = (f"FROM customer_search_text WHERE (name_lower, id) < ({row}.name_lower, {row}.id) "
              "ORDER BY name_lower DESC, id DESC LIMIT 1")
    after = (f"FROM customer_search_text WHERE (name_lower, id) > ({row}.name_lower, {row}.id) "
             "ORDER BY name_lower, id LIMIT 1")
    return (f"(SELECT (SELECT key {before}) AS lo, (SELECT key {after}) AS hi, "
            f"coalesce((SELECT name_lower = {row}.name_lower {before}), 0) AS twin) AS n")


def _add(row: str) -> str:
    """The statement that files ``row`` in name order: halfway between its neighbours,
    a small step past a namesake (they come in id order), a spacing past the last or
    before the first. Without room, it gets a negative key and all keys are respaced."""
    key = (f"CASE WHEN n.lo IS NULL AND n.hi IS NULL THEN {KEY_BASE} "
           f"WHEN n.hi IS NULL THEN n.lo + {SPACING} "
           f"WHEN n.lo IS NULL THEN n.hi - {SPACING} "
           f"WHEN n.twin THEN n.lo + min({TWIN_STEP}, (n.hi - n.lo) / 2) "
           "ELSE n.lo + (n.hi - n.lo) / 2 END")
    return (f"INSERT INTO customer_search_text ({TEXT_COLUMNS}) "
            f"SELECT CASE WHEN k.key IN (k.lo, k.hi) OR k.key NOT BETWEEN 1 AND {KEY_SPACE} "
            f"THEN -{row}.id ELSE k.key END, {_values(row)} "
            f"FROM (SELECT {key} AS key, n.lo, n.hi FROM {_neighbours(row)}) AS k;")


def _respace(with_fts: bool) -> str:
    """Statements that give every row a fresh key, evenly spaced in name order."""
    statements = [
        "UPDATE customer_search_state SET respacing = 1;",
        f"UPDATE customer_search_text SET key = key - {KEY_SPACE} - {KEY_BASE} WHERE key > 0;",
        f"UPDATE customer_search_text SET key = {KEY_BASE} + r.n * {RESPACING} FROM (SELECT id, "
        "row_number() OVER (ORDER BY name_lower, id) AS n FROM customer_search_text) AS r "
        "WHERE r.id = customer_search_text.id;",
    ]
    if with_fts:
        statements += [f"INSERT INTO {table} ({table}) VALUES ('rebuild');"
                       for table in ("customer_search_fts", "customer_search_words")]
    statements.append("UPDATE customer_search_state SET respacing = 0;")
    return " ".join(statements)


def _sync_fts(row: str, delete: bool) -> str:
    """Statements that add ``row`` of the table to the full-text indexes, or remove it."""
    command = "'delete', " if delete else ""
    return " ".join(
        f"INSERT INTO {table} ({table + ', ' if delete else ''}rowid, {column}) "
        f"VALUES ({command}{row}.key, {row}.{column});"
        for table, column in (("customer_search_fts", "haystack"),
                              ("customer_search_words", "later_words")))


def upgrade() -> None:
    with_fts = trigram_available()
    op.execute(
        "CREATE TABLE customer_search_text (key INTEGER NOT NULL PRIMARY KEY, "
        "id INTEGER NOT NULL, connection_no VARCHAR(20) NOT NULL, "
        "meter_no VARCHAR(24) NOT NULL, name_lower VARCHAR(120) NOT NULL, "
        "later_words VARCHAR(120) NOT NULL, haystack TEXT NOT NULL)")
    for name, columns in (("id", "id"), ("name", "name_lower, id"),
                          ("connection", "connection_no"), ("meter", "meter_no")):
        unique = "UNIQUE " if name == "id" else ""
        op.execute(f"CREATE {unique}INDEX ix_customer_search_text_{name} "
                   f"ON customer_search_text ({columns})")
    op.execute("CREATE TABLE customer_search_state (id INTEGER NOT NULL PRIMARY KEY "
               "CHECK (id = 1), respacing INTEGER NOT NULL)")
    op.execute("INSERT INTO customer_search_state (id, respacing) VALUES (1, 0)")
    op.execute(
        f"INSERT INTO customer_search_text ({TEXT_COLUMNS}) SELECT {KEY_BASE} + row_number() "
        f"OVER (ORDER BY c.name_lower, c.id) * {SPACING}, {_values('c')} FROM customer AS c")
    if with_fts:
        for table, column, tokenizer in (("customer_search_fts", "haystack", "trigram"),
                                         ("customer_search_words", "later_words",
                                          WORDS_TOKENIZER)):
            op.execute(
                f"CREATE VIRTUAL TABLE {table} USING fts5({column}, "
                "content='customer_search_text', content_rowid='key', "
                f"tokenize='{tokenizer}', detail='none', columnsize=0)")
            for command in ("rebuild", "optimize"):
                op.execute(f"INSERT INTO {table} ({table}) VALUES ('{command}')")
        steady = f"{RESPACING_NOW} = 0"
        op.execute(f"CREATE TRIGGER customer_search_text_ai AFTER INSERT ON "
                   f"customer_search_text WHEN {steady} AND new.key > 0 BEGIN "
                   f"{_sync_fts('new', False)} END")
        op.execute(f"CREATE TRIGGER customer_search_text_ad AFTER DELETE ON "
                   f"customer_search_text WHEN {steady} AND old.key > 0 BEGIN "
                   f"{_sync_fts('old', True)} END")
    op.execute(f"CREATE TRIGGER customer_search_text_respace AFTER INSERT ON "
               f"customer_search_text WHEN new.key < 0 BEGIN {_respace(with_fts)} END")
    remove = "DELETE FROM customer_search_text WHERE id = old.id;"
    op.execute(f"CREATE TRIGGER customer_search_ai AFTER INSERT ON customer BEGIN "
               f"{_add('new')} END")
    op.execute(f"CREATE TRIGGER customer_search_ad AFTER DELETE ON customer BEGIN {remove} END")
    op.execute("CREATE TRIGGER customer_search_au AFTER UPDATE OF id, connection_no, meter_no, "
               f"name_lower, address, kelurahan ON customer BEGIN {remove} {_add('new')} END")


def downgrade() -> None:
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for table in ("customer_search_words", "customer_search_fts", "customer_search_state",
                  "customer_search_text"):
        op.execute(f"DROP TABLE IF EXISTS {table}")
