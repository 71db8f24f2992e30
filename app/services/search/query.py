"""Reading a search query: fragments, and which index tokens to look them up by.

A query is split on whitespace into lower-case fragments; a customer matches when every
fragment is a substring of its *search text*: connection number, meter number, name,
address and kelurahan, lower-cased and joined by newlines (migration 0002 keeps it in
``customer_search_text.haystack``). A fragment never holds whitespace, so it can never
match across two fields. The name is lower-cased as Python does (``name_lower``); the
other fields by SQLite, which lower-cases ASCII letters only, so a fragment with other
letters is also looked for with them in upper case (:func:`case_variants`).

Fragments of three characters or more are looked up in a trigram index (one token per
three characters). Only a few of a fragment's trigrams are needed to narrow the
candidates, which are then checked against the search text itself, so the choice of
tokens is a matter of speed only: :func:`choose_trigrams` prefers the rare ones, by
frequencies measured on a small sample of customers (:class:`TrigramSample`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from app.services.text_checks import search_text

TRIGRAM = 3
SEARCH_TEXT_SEPARATOR = "\n"
NAME_FIELD = 2  # after the connection and meter numbers, before address and kelurahan

# Rough relative costs: reading one entry of an index token's list of customers, and
# checking one candidate customer against its search text.
TOKEN_ENTRY_COST = 1.0
CANDIDATE_COST = 50.0
MAX_CHECKED = 64
"""At most this many sampled customers are checked to estimate the matches."""
MAX_VARIANTS = 8


@dataclass(frozen=True)
class Query:
    """A parsed query. ``fragments`` rank the hits; ``required`` is what must match."""

    text: str
    fragments: tuple[str, ...]
    required: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        return not self.fragments

    @property
    def long_fragments(self) -> tuple[str, ...]:
        """The required fragments the trigram index can look up."""
        return tuple(f for f in self.required if len(f) >= TRIGRAM)


def parse_query(text: str) -> Query:
    """Clean (:func:`~app.services.text_checks.search_text`: control characters are
    whitespace), lower-case, split on whitespace, drop repeats; ``required`` drops
    fragments that another fragment contains (they match whenever it does)."""
    fragments = tuple(dict.fromkeys(search_text(text).lower().split()))
    required = tuple(f for f in fragments if not any(f != g and f in g for g in fragments))
    return Query(text, fragments, required)


def case_variants(fragment: str) -> list[str]:
    """``fragment`` and, when it has letters beyond ASCII, the spellings with those in
    upper or title case (at most :data:`MAX_VARIANTS`): what SQLite's ``lower()`` left
    of a text whose Python lower case holds ``fragment``."""
    variants = [""]
    for char in fragment:
        forms = [char] if char.isascii() else list(dict.fromkeys(
            form for form in (char, char.upper(), char.title()) if len(form) == 1))
        variants = [v + form for v in variants for form in forms][:MAX_VARIANTS]
    return variants


def trigrams(fragment: str) -> list[str]:
    """The distinct three-character substrings of ``fragment``, in order."""
    return list(dict.fromkeys(fragment[i:i + TRIGRAM]
                              for i in range(len(fragment) - TRIGRAM + 1)))


def prefix_upper_bound(prefix: str) -> str | None:
    """The smallest string above every string that starts with ``prefix`` (None: none)."""
    last = ord(prefix[-1])
    if last >= 0x10FFFF:
        return None
    successor = last + 1
    if 0xD800 <= successor <= 0xDFFF:  # skip the surrogate block
        successor = 0xE000
    return prefix[:-1] + chr(successor)


@dataclass(frozen=True, eq=False)
class TrigramSample:
    """The search texts of a few sampled customers, and which hold each trigram, as a
    bit set per trigram (bit *i*: sampled customer *i*)."""

    texts: tuple[str, ...]
    holders: dict[str, int]

    @classmethod
    def of(cls, texts: Iterable[str]) -> TrigramSample:
        kept = tuple(texts)
        bitmaps: dict[str, bytearray] = {}
        width = (len(kept) + 7) // 8
        for row, text in enumerate(kept):
            byte, bit = divmod(row, 8)
            for gram in {text[i:i + TRIGRAM] for i in range(len(text) - TRIGRAM + 1)}:
                bitmap = bitmaps.get(gram)
                if bitmap is None:
                    bitmap = bitmaps[gram] = bytearray(width)
                bitmap[byte] |= 1 << bit
        holders = {gram: int.from_bytes(bitmap, "little") for gram, bitmap in bitmaps.items()}
        return cls(kept, holders)

    @property
    def size(self) -> int:
        return len(self.texts)

    @property
    def everyone(self) -> int:
        return (1 << self.size) - 1

    def share(self, holders: int) -> float:
        """Estimated share of customers in the bit set ``holders`` (never zero)."""
        return (holders.bit_count() + 0.5) / (self.size + 1)

    def matching_share(self, holders: int, fragments: tuple[str, ...]) -> float | None:
        """Estimated share of customers whose search text holds every fragment, judged
        on the sampled ``holders`` (None when they are too many to check quickly)."""
        if holders.bit_count() > MAX_CHECKED:
            return None
        matching = 0
        while holders:
            lowest = holders & -holders
            text = self.texts[lowest.bit_length() - 1]
            matching += all(f in text for f in fragments)
            holders ^= lowest
        return (matching + 0.5) / (self.size + 1)



@dataclass(frozen=True)
class TrigramChoice:
    """Index tokens to look up, the share of customers expected to hold them all, and the
    sampled customers who do (a bit set)."""

    tokens: tuple[str, ...]
    share: float
    holders: int


def choose_trigrams(fragments: tuple[str, ...], sample: TrigramSample) -> TrigramChoice:
    """Index tokens whose intersection narrows the candidates at the least cost.

    Greedy: start with nothing and keep adding the trigram that lowers the estimated
    cost (entries read from the token lists plus candidates left to check) the most.
    Shares, single and joint, are counted on the sample.
    """
    options = {gram: sample.holders.get(gram, 0)
               for fragment in fragments for gram in trigrams(fragment)}
    tokens: list[str] = []
    read, left, best_cost = 0.0, sample.everyone, math.inf
    while options:
        cost, gram, holders = min(
            ((read + sample.share(held)) * TOKEN_ENTRY_COST
             + sample.share(left & held) * CANDIDATE_COST, gram, left & held)
            for gram, held in options.items())
        if cost >= best_cost:
            break
        best_cost, read, left = cost, read + sample.share(options.pop(gram)), holders
        tokens.append(gram)
    return TrigramChoice(tuple(tokens), sample.share(left), left)


def fts_string(term: str) -> str:
    """``term`` as an FTS5 string literal."""
    return '"' + term.replace('"', '""') + '"'


def trigram_match(tokens: tuple[str, ...]) -> str:
    """An FTS5 query that needs every token."""
    return " AND ".join(fts_string(t) for t in tokens)


def word_prefix_match(fragments: tuple[str, ...]) -> str:
    """An FTS5 query for words starting with any of ``fragments``."""
    return " OR ".join(fts_string(f) + "*" for f in fragments)
