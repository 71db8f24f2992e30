"""Search text with NUL, other control characters, surrogate halves, right-to-left marks
and combining characters: never an exception, and the hits are still exactly the customers
whose fields hold every fragment of the query once control characters are read as spaces
and surrogate halves are left out (finding 5)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.bootstrap import BranchDatabase
from app.services.search.customers import search_customers, suggest_similar_names
from tests.services.search.test_search import everyone, ids, insert, rank_key

PEOPLE = [
    ("11203217", "SM21-0004411", "Harun Bessie", "Jl. Oeleta Raya No. 27", "Penkase Oeleta"),
    ("30500005", "BR11-0006803", "José Ndun", "Jl. Kenari No. 1", "Oeba"),
    ("30500011", "AM08-0016771", "Jose\u0301 Tefa", "Jl. Nangka No. 9", "Oesapa"),  # combining
    ("40300055", "SM21-0007788", "Maria \u200fLerrick", "Gg. Mawar No. 3", "Bakunase"),  # RLM
    ("50900011", "LF10-0000544", "محمد Kase", "Jl. Sikumana No. 2", "Sikumana"),
    ("50900012", "LF10-0000545", "Yohana Thaharun", "Jl. Sikumana No. 5", "Sikumana"),
]
SPECIAL = ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\t", "\ud800", "\udfff", "\u200f",
           "\u200e", "\u202e", "\u0301", "\u0308", "\ufeff", " ", "'", '"', "*", "(", ")",
           "-", "^", ":", "NEAR", "AND", "OR"]
PIECES = [text[i:i + n] for person in PEOPLE for text in person
          for i in range(0, len(text), 3) for n in (2, 4)]


def cleaned(text: str) -> str:
    """The documented reading of search text, written out independently of the code."""
    return "".join(" " if unicodedata.category(c) == "Cc" else c for c in text
                   if not 0xD800 <= ord(c) <= 0xDFFF)


def expected(branch: BranchDatabase, text: str) -> list[int]:
    fragments = list(dict.fromkeys(cleaned(text).lower().split()))
    found = [(rank_key(cid, p, fragments), cid) for cid, p in everyone(branch)
             if fragments and all(f in "\n".join(p).lower() for f in fragments)]
    return [cid for _key, cid in sorted(found)]


queries = st.lists(st.one_of(st.sampled_from(SPECIAL), st.sampled_from(PIECES),
                             st.characters(exclude_categories=())),
                   max_size=40).map("".join)
long_queries = st.text(st.characters(exclude_categories=()), min_size=250, max_size=300)


@pytest.fixture
def people(branch: BranchDatabase) -> BranchDatabase:
    insert(branch, PEOPLE)
    return branch


@pytest.mark.slow
def test_any_unicode_search_finds_exactly_the_substring_matches(people: BranchDatabase) -> None:
    @settings(max_examples=200, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(text=st.one_of(queries, long_queries))
    @example(text="harun\x00bessie")
    @example(text="\x00")
    @example(text="jos\ud800é")
    @example(text="\u200flerrick")
    @example(text="jose\u0301")
    @example(text="a" * 300)
    def check(text: str) -> None:
        result = search_customers(people.reading(), text, limit=1_000)
        assert ids(result.hits) == expected(people, text), repr(text)
        assert len(suggest_similar_names(people.reading(), text)) <= 5

    check()


def test_a_nul_splits_the_query_like_a_space(people: BranchDatabase) -> None:
    """Before: ``sqlite3.OperationalError`` from the full-text query."""
    hits = search_customers(people.reading(), "harun\x00bessie").hits
    assert [hit.name for hit in hits] == ["Harun Bessie"]
    assert [hit.name for hit in suggest_similar_names(people.reading(), "harun\x00besie")]
