"""Customer search: what a cashier finds, in what order, with what arrears.

Hand-made cases first; then properties over random customer sets: the hits are exactly
the customers a plain case-insensitive substring match finds, in rank order, whichever
way (tier by tier or all at once, reading or walking) the search chooses to get them.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, update

from app.bootstrap import BranchDatabase, open_branch
from app.models import Bill, Customer, CustomerStatus
from app.services.clock import FixedClock
from app.services.search import engine as search_engine
from app.services.search import tiers as search_tiers
from app.services.search.customers import (
    CustomerHit,
    compact_search_index,
    search_customers,
    suggest_similar_names,
)
from app.services.search.engine import COUNTED
from app.services.unit_of_work import UnitOfWork
from tests.support.fakes import DEMO_DAY, add_customer, monthly_bills

COLUMNS = ("connection_no", "meter_no", "name", "address", "kelurahan")
Person = tuple[str, str, str, str, str]  # connection, meter, name, address, kelurahan


def insert(branch: BranchDatabase, people: Sequence[Person]) -> None:
    """Insert customers straight into the table (the search index follows by itself)."""
    rows = [(c, m, n, n.lower(), a, k) for c, m, n, a, k in people]
    with branch.writing() as uow:
        uow.session.connection().exec_driver_sql(
            "INSERT INTO customer (connection_no, meter_no, name, name_lower, address, "
            "kelurahan, rt, rw, kecamatan, tariff_group, phone, status, status_date, version) "
            "VALUES (?, ?, ?, ?, ?, ?, '', '', 'Alak', 'R2', '', 'active', '2021-11-01', 1)",
            rows)
        uow.commit()


def clear(branch: BranchDatabase) -> None:
    with branch.writing() as uow:
        uow.session.connection().exec_driver_sql("DELETE FROM bill")
        uow.session.connection().exec_driver_sql("DELETE FROM customer")
        uow.commit()


def everyone(branch: BranchDatabase) -> list[tuple[int, Person]]:
    with branch.reading() as uow:
        rows = uow.session.connection().exec_driver_sql(
            f"SELECT id, {', '.join(COLUMNS)} FROM customer").all()
    return [(row[0], tuple(row[1:])) for row in rows]  # type: ignore[misc]


def rank_key(customer_id: int, person: Person, fragments: list[str]) -> tuple[int, str, int]:
    """The documented order: exact connection number, number prefix, name prefix, later
    name word prefix, anything else; then lower-case name, then id."""
    connection, meter, name = (v.lower() for v in person[:3])
    if connection in fragments:
        tier = 0
    elif any(connection.startswith(f) or meter.startswith(f) for f in fragments):
        tier = 1
    elif any(name.startswith(f) for f in fragments):
        tier = 2
    elif any(" " + f in name for f in fragments):
        tier = 3
    else:
        tier = 4
    return tier, name, customer_id


def expected(branch: BranchDatabase, text: str, limit: int) -> list[int]:
    """Brute force: every customer whose fields hold every fragment, in rank order."""
    fragments = list(dict.fromkeys(text.lower().split()))
    found = [(rank_key(cid, p, fragments), cid) for cid, p in everyone(branch)
             if fragments and all(f in "\n".join(p).lower() for f in fragments)]
    return [cid for _key, cid in sorted(found)][:limit]


def ids(hits: Sequence[CustomerHit]) -> list[int]:
    return [hit.id for hit in hits]


def names(hits: Sequence[CustomerHit]) -> list[str]:
    return [hit.name for hit in hits]


@pytest.fixture
def kupang(branch: BranchDatabase) -> BranchDatabase:
    insert(branch, [
        ("11203217", "SM21-0004411", "Harun Bessie", "Jl. Oeleta Raya No. 27", "Penkase Oeleta"),
        ("1120321", "LX19-0001234", "Maria Ndun", "Jl. Timor Raya No. 4", "Oesapa"),
        ("30500005", "BR11-0006803", "Ahmad Hasan", "Jl. Kenari No. 1120321", "Oeba"),
        ("30500011", "AM08-0016771", "Yohanes Harun Tefa", "Jl. Nangka No. 9", "Penkase Oeleta"),
        ("40300055", "SM21-0007788", "Harun Lerrick", "Gg. Mawar No. 3", "Bakunase"),
        ("50900011", "LF10-0000544", "Susana Kase", "Jl. Sikumana No. 2", "Sikumana"),
        ("50900012", "LF10-0000545", "Yohana Thaharun", "Jl. Sikumana No. 5", "Sikumana"),
    ])
    return branch


# -- hand-made cases --------------------------------------------------------------------


def test_a_scanned_connection_number_comes_first(kupang: BranchDatabase) -> None:
    result = search_customers(kupang.reading(), "1120321")
    # exact number, then the number it starts, then an address that holds it
    assert names(result.hits) == ["Maria Ndun", "Harun Bessie", "Ahmad Hasan"]
    assert (result.total, result.total_is_exact) == (3, True)


def test_number_prefixes_rank_before_names_and_find_meter_numbers(kupang: BranchDatabase) -> None:
    assert names(search_customers(kupang.reading(), "3050").hits) == [
        "Ahmad Hasan", "Yohanes Harun Tefa"]
    assert names(search_customers(kupang.reading(), "lf10-").hits) == [
        "Susana Kase", "Yohana Thaharun"]
    assert names(search_customers(kupang.reading(), "sm21").hits) == [
        "Harun Bessie", "Harun Lerrick"]


def test_name_start_then_later_word_then_anywhere(kupang: BranchDatabase) -> None:
    result = search_customers(kupang.reading(), "harun")
    assert names(result.hits) == ["Harun Bessie", "Harun Lerrick", "Yohanes Harun Tefa",
                                  "Yohana Thaharun"]


def test_fragments_in_any_order_must_all_match(kupang: BranchDatabase) -> None:
    for text in ("penkase harun", "harun penkase", "  Oeleta   HARUN "):
        assert names(search_customers(kupang.reading(), text).hits) == [
            "Harun Bessie", "Yohanes Harun Tefa"]
    assert search_customers(kupang.reading(), "harun oesapa").hits == ()


def test_search_ignores_case(kupang: BranchDatabase) -> None:
    assert names(search_customers(kupang.reading(), "SIKUMANA kase").hits) == ["Susana Kase"]
    assert names(search_customers(kupang.reading(), "Jl. KENARI").hits) == ["Ahmad Hasan"]


def test_one_and_two_letters_still_search(kupang: BranchDatabase) -> None:
    assert names(search_customers(kupang.reading(), "ha").hits) == [
        "Harun Bessie", "Harun Lerrick", "Ahmad Hasan", "Yohanes Harun Tefa",
        "Yohana Thaharun"]
    for text in ("k", "g", "3", "a 1"):
        result = search_customers(kupang.reading(), text)
        assert ids(result.hits) == expected(kupang, text, 50), text
        assert result.total == len(expected(kupang, text, COUNTED))


def test_empty_queries_and_misses_find_nobody(kupang: BranchDatabase) -> None:
    for text in ("", "   ", "zzzz", "harun zzzz", "q"):
        result = search_customers(kupang.reading(), text)
        assert (result.hits, result.total, result.total_is_exact) == ((), 0, True)
        assert result.query == text


def test_limit_keeps_the_best_and_counts_the_rest(kupang: BranchDatabase) -> None:
    result = search_customers(kupang.reading(), "jl.", limit=2)
    assert names(result.hits) == ["Ahmad Hasan", "Harun Bessie"]
    assert (result.total, result.total_is_exact) == (6, True)


def test_hit_shows_status_and_arrears_of_unsettled_bills(branch: BranchDatabase) -> None:
    sealed = add_customer(branch, "10012345", name="Ani Tefa",
                          bills=monthly_bills("2025-01", 4, 100_000, penalty=10_000))
    add_customer(branch, "10012346", name="Ani Benu", status=CustomerStatus.ACTIVE)
    with branch.writing() as uow:
        bills = {b.period: b.id
                 for b in uow.session.scalars(select(Bill).where(Bill.customer_id == sealed))}
        uow.session.execute(update(Bill).where(Bill.id == bills["2025-01"])
                            .values(paid_amount=110_000, settled=True))
        uow.session.execute(update(Bill).where(Bill.id == bills["2025-02"])
                            .values(paid_amount=30_000))
        uow.session.execute(update(Bill).where(Bill.id == bills["2025-03"])
                            .values(penalty_waived=10_000))
        uow.commit()
    hits = {hit.name: hit for hit in search_customers(branch.reading(), "ani").hits}
    assert hits["Ani Tefa"].arrears == 3 * 110_000 - 30_000 - 10_000
    assert hits["Ani Tefa"].status == "sealed"
    assert (hits["Ani Benu"].arrears, hits["Ani Benu"].status) == (0, "active")
    assert hits["Ani Tefa"].connection_no == "10012345"
    assert (hits["Ani Tefa"].kelurahan, hits["Ani Tefa"].address) == (
        "Penkase Oeleta", "Jl. Uji No. 1")


def test_the_index_follows_renames_moves_and_removals(kupang: BranchDatabase) -> None:
    with kupang.writing() as uow:
        uow.session.execute(update(Customer).where(Customer.connection_no == "40300055")
                            .values(name="Harun Lerik", name_lower="harun lerik",
                                    kelurahan="Oebobo", connection_no="40399999"))
        uow.commit()
    assert search_customers(kupang.reading(), "lerrick").hits == ()
    assert names(search_customers(kupang.reading(), "lerik oebobo").hits) == ["Harun Lerik"]
    assert names(search_customers(kupang.reading(), "40399999").hits) == ["Harun Lerik"]
    with kupang.writing() as uow:
        uow.session.execute(delete(Customer).where(Customer.connection_no == "40399999"))
        uow.commit()
    assert search_customers(kupang.reading(), "lerik").hits == ()


def test_suggestions_for_a_mistyped_name(kupang: BranchDatabase) -> None:
    assert search_customers(kupang.reading(), "yohanse").hits == ()
    suggested = names(suggest_similar_names(kupang.reading(), "yohanse"))
    assert suggested[:2] == ["Yohanes Harun Tefa", "Yohana Thaharun"]
    assert names(suggest_similar_names(kupang.reading(), "harun lerik", limit=1)) == [
        "Harun Lerrick"]
    assert suggest_similar_names(kupang.reading(), "xq") == ()
    assert suggest_similar_names(kupang.reading(), "qqqqqq") == ()


def test_beyond_five_hundred_matches_the_total_is_capped(branch: BranchDatabase) -> None:
    people = [(f"2{i:07d}", f"M{i:07d}", f"Pelanggan {i:04d} Oesapa", "Jl. Sama", "Oesapa")
              for i in range(1_050)]
    insert(branch, people)
    result = search_customers(branch.reading(), "sama")
    assert COUNTED == 500 and (result.total, result.total_is_exact) == (500, False)
    assert ids(result.hits) == expected(branch, "sama", 50)
    result = search_customers(branch.reading(), "pelanggan 104")
    assert (result.total, result.total_is_exact) == (len(expected(branch, "pelanggan 104",
                                                                  2_000)), True)
    assert ids(result.hits) == expected(branch, "pelanggan 104", 50)
    assert names(result.hits)[:3] == ["Pelanggan 0104 Oesapa", "Pelanggan 1040 Oesapa",
                                      "Pelanggan 1041 Oesapa"]


# -- without the trigram index ------------------------------------------------------------


class _NoTrigram:
    """A connection to an SQLite library without the trigram tokenizer."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if "trigram" in sql:
            raise sqlite3.OperationalError("no such tokenizer: trigram")
        return self._connection.execute(sql, *args)

    def close(self) -> None:
        self._connection.close()


@pytest.fixture
def plain_branch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[BranchDatabase]:
    """A branch created where SQLite has no trigram tokenizer (the search falls back)."""
    real_connect = sqlite3.connect

    def connect(database: Any, *args: Any, **kwargs: Any) -> Any:
        connection = real_connect(database, *args, **kwargs)
        return _NoTrigram(connection) if database == ":memory:" else connection

    monkeypatch.setattr(sqlite3, "connect", connect)
    opened = open_branch(tmp_path / "plain", create=True, clock=FixedClock(DEMO_DAY))
    monkeypatch.undo()
    yield opened
    opened.close()


def test_without_the_trigram_tokenizer_search_scans_instead(plain_branch: BranchDatabase) -> None:
    with plain_branch.reading() as uow:
        tables = {name for (name,) in uow.session.connection().exec_driver_sql(
            "SELECT name FROM sqlite_schema WHERE name LIKE 'customer_search%'")}
    assert "customer_search_fts" not in tables and "customer_search_text" in tables
    insert(plain_branch, [("1120321", "LX19", "Maria Ndun", "Jl. Timor", "Oesapa"),
                          ("1120322", "LX20", "Harun Bessie", "Jl. Oeleta", "Penkase Oeleta")])
    for text in ("penkase harun", "1120", "a", "timor", "zzz"):
        assert ids(search_customers(plain_branch.reading(), text).hits) == expected(
            plain_branch, text, 50)
    assert names(suggest_similar_names(plain_branch.reading(), "harum")) == ["Harun Bessie"]


# -- properties ------------------------------------------------------------------------------

WORDS = ("ana", "anita", "banu", "nita", "ndun", "benu", "harun", "maria", "ria", "o'neil",
         "kase", "penkase", "oeleta", "sasi", "élan", "Éli", "josé")  # case beyond ASCII too
DIGITS = "0123"


def person() -> st.SearchStrategy[Person]:
    words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
    number = st.text(DIGITS, min_size=3, max_size=6)
    meter = st.tuples(st.sampled_from(("M", "m", "LX", "")), number).map("".join)
    address = st.tuples(st.sampled_from(("Jl. ", "Gg. ")), words,
                        st.integers(1, 30)).map(lambda t: f"{t[0]}{t[1].title()} No. {t[2]}")
    return st.tuples(number, meter, words.map(str.title), address, words.map(str.upper))


@st.composite
def query(draw: st.DrawFn, people: list[Person]) -> str:
    """One to three fragments, mostly pieces of the customers' own fields."""
    fragments = []
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.integers(0, 5)) == 0:
            fragments.append(draw(st.text("abnrtu.01", min_size=1, max_size=4)))
            continue
        text = draw(st.sampled_from(people))[draw(st.integers(0, 4))]
        start = draw(st.integers(0, len(text) - 1))
        piece = text[start:start + draw(st.integers(1, 7))].split()
        fragments.append(draw(st.sampled_from(piece)) if piece else text.split()[0])
    return " ".join(f.upper() if draw(st.booleans()) else f for f in fragments)


STRATEGIES = {
    "as chosen": {},
    "always tier by tier, no number ranges": {"RANKED_AT_ONCE": 0, "RANGE_READ_MAX": 0},
}


def use_strategy(monkeypatch: pytest.MonkeyPatch, strategy: str) -> None:
    for name, value in STRATEGIES[strategy].items():
        module = search_engine if name == "RANKED_AT_ONCE" else search_tiers
        monkeypatch.setattr(module, name, value)


@pytest.fixture(params=["branch", "plain_branch"])
def any_branch(request: pytest.FixtureRequest) -> BranchDatabase:
    """A branch with the trigram index, and one without."""
    found: BranchDatabase = request.getfixturevalue(request.param)
    return found


@pytest.mark.parametrize("strategy", list(STRATEGIES))
def test_hits_are_exactly_the_substring_matches_in_rank_order(
        any_branch: BranchDatabase, monkeypatch: pytest.MonkeyPatch, strategy: str) -> None:
    use_strategy(monkeypatch, strategy)

    @settings(max_examples=20, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(data=st.data(),
           people=st.lists(person(), min_size=1, max_size=25, unique_by=lambda p: p[0]))
    def check(data: st.DataObject, people: list[Person]) -> None:
        clear(any_branch)
        insert(any_branch, people)
        for _ in range(3):
            text = data.draw(query(people))
            limit = data.draw(st.sampled_from((3, 1_000)))
            result = search_customers(any_branch.reading(), text, limit=limit)
            everything = expected(any_branch, text, 10_000)
            assert ids(result.hits) == everything[:limit], text
            assert (result.total, result.total_is_exact) == (len(everything), True)

    check()


@pytest.mark.parametrize("strategy", list(STRATEGIES))
def test_ranking_holds_for_many_matches(any_branch: BranchDatabase, monkeypatch: pytest.MonkeyPatch,
                                        strategy: str) -> None:
    use_strategy(monkeypatch, strategy)
    people = [(f"{i % 7}{i:05d}", f"LX{i:05d}",
               f"{WORDS[i % 17]} {WORDS[i * 7 % 17]}".title(),
               f"Jl. {WORDS[i * 3 % 17].title()} No. {i % 40}", WORDS[i * 5 % 17].upper())
              for i in range(1_200)]
    insert(any_branch, people)
    for text in ("ana", "an", "1", "lx001", "ria penkase", "ita", "o'n", "jl. 1", "benu no. 3",
                 "éli", "JOSÉ", "0", "00", "sasi ria", "ria ria"):
        result = search_customers(any_branch.reading(), text)
        assert ids(result.hits) == expected(any_branch, text, 50), text


def test_names_keep_their_order_when_the_keys_run_out_of_room(branch: BranchDatabase) -> None:
    """New customers go between their neighbours in name order; when two neighbours
    have no room left between them, every key is spaced out again."""
    insert(branch, [(f"1{i:03d}", f"M{i}", name, "Jl. Uji", "Oeba")
                    for i, name in enumerate(("Ana", "Cita", "Dedi"))])
    with branch.writing() as uow:  # squeeze: Ana, Cita and Dedi on adjacent keys
        uow.session.connection().exec_driver_sql(
            "UPDATE customer_search_text SET key = (SELECT count(*) FROM customer_search_text "
            "AS o WHERE o.name_lower <= customer_search_text.name_lower) + 100")
        uow.commit()
    insert(branch, [("2001", "M9", "Budi", "Jl. Uji", "Oeba")])
    with branch.reading() as uow:
        order = [name for (name,) in uow.session.connection().exec_driver_sql(
            "SELECT name_lower FROM customer_search_text ORDER BY key")]
    assert order == ["ana", "budi", "cita", "dedi"]
    assert names(search_customers(branch.reading(), "jl. uji").hits) == [
        "Ana", "Budi", "Cita", "Dedi"]
    assert ids(search_customers(branch.reading(), "di").hits) == expected(branch, "di", 50)


def test_compacting_the_index_changes_no_result(branch: BranchDatabase) -> None:
    people = [(f"3{i:04d}", f"SH{i:04d}", f"{WORDS[i * 5 % 17]} {WORDS[i % 17]}".title(),
               f"Gg. {WORDS[i * 2 % 17].title()}", "Oebobo") for i in range(400)]
    insert(branch, people)
    texts = ("ana", "3001", "sh00", "ria gg.", "é", "o'neil benu")
    before = {text: search_customers(branch.reading(), text) for text in texts}
    compact_search_index(branch.writing())
    with branch.reading() as uow:
        keys = [key for (key,) in uow.session.connection().exec_driver_sql(
            "SELECT key FROM customer_search_text ORDER BY name_lower, id")]
    assert keys == sorted(keys) and len(set(b - a for a, b in itertools.pairwise(keys))) == 1
    assert {text: search_customers(branch.reading(), text) for text in texts} == before
    insert(branch, [("40000", "SH9", "Ana Ana", "Gg. Baru", "Oebobo")])
    assert names(search_customers(branch.reading(), "ana ana").hits)[0] == "Ana Ana"


def test_compacting_leaves_the_writing_connection_its_own_page_cache(
        branch: BranchDatabase) -> None:
    insert(branch, [(f"5{i:04d}", f"C{i}", f"Ana {WORDS[i % 17]}", "Gg. A", "Oeba")
                    for i in range(50)])
    with branch.writing() as uow:
        own = cache_size(uow)
    compact_search_index(branch.writing())
    with branch.writing() as uow:  # the same pooled connection, given back last
        assert cache_size(uow) == own  # not the search's 8 MB, kept all day


def cache_size(uow: UnitOfWork) -> int:
    return int(uow.session.connection().exec_driver_sql("PRAGMA cache_size").scalar_one())


def test_customers_added_after_the_first_search_are_found(branch: BranchDatabase) -> None:
    insert(branch, [("100", "M1", "Ana Benu", "Jl. A", "Oeba")])
    assert search_customers(branch.reading(), "benu").total == 1
    insert(branch, [("101", "M2", "Ria Benu", "Jl. B", "Oeba")])
    assert names(search_customers(branch.reading(), "benu").hits) == ["Ana Benu", "Ria Benu"]


def test_search_reads_only(kupang: BranchDatabase) -> None:
    """Searching takes no write lock: it works while another counter holds one."""
    with kupang.writing() as uow:
        uow.session.connection()  # BEGIN IMMEDIATE: the write lock is held
        assert names(search_customers(kupang.reading(), "kase").hits) == [
            "Susana Kase", "Harun Bessie", "Yohanes Harun Tefa"]
