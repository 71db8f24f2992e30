"""``/cek`` against a real server on SQLite and PostgreSQL: what a customer sees, the same
answer for an unknown number and a wrong factor (after the same work), the limits per
number and per address, every class of bad input, the form's token and the headers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import event, select
from sqlalchemy.engine import Connection

from headoffice.db import Database
from headoffice.models import Customer
from headoffice.selfcheck.limits import PER_ADDRESS, PER_NUMBER
from headoffice.selfcheck.lookup import check, mask_name
from tests.headoffice.selfcheck_site import (
    DAY,
    Site,
    Visitor,
    enrol_at_office,
    text_of,
)

CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; script-src 'none'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
NOT_MATCHED = "Data tidak cocok"


@pytest.fixture
def site(cek: Site) -> Site:
    return cek


@pytest.fixture
def visitor(site: Site) -> Iterator[Visitor]:
    one = Visitor(site.url)
    yield one
    one.close()


def test_a_customer_sees_arrears_todays_offer_office_and_documents(site: Site,
                                                                   visitor: Visitor) -> None:
    who = site.eligible()
    answer = visitor.ask(who.number, who.factor)
    assert answer.status_code == 200
    words = text_of(answer.text)
    assert mask_name(who.name) in words and who.name not in words
    assert who.number in words
    for figure in ("Tunggakan rekening", "Jumlah tagihan", "Bayar uang muka",
                   "dapat dicicil", "Program berlaku sampai 31 Desember 2025",
                   "Kantor pelayanan Anda", "Jam buka", "Dokumen yang dibawa", "KTP asli"):
        assert figure in words, figure
    assert "20 Desember 2025" in words  # the first instalment's due date
    if who.phone:
        assert who.phone not in answer.text
    assert who.address not in answer.text


def test_an_unknown_number_and_a_wrong_factor_get_the_same_answer(site: Site,
                                                                  visitor: Visitor) -> None:
    who = site.eligible(1)
    wrong = f"{(int(who.factor) + 1) % 10_000:04d}"
    unknown = "9" * len(who.number)
    by_factor = visitor.ask(who.number, wrong)
    by_number = visitor.ask(unknown, wrong)
    assert by_factor.status_code == by_number.status_code == 200
    assert NOT_MATCHED in by_factor.text
    assert by_factor.text.replace(who.number, "N") == by_number.text.replace(unknown, "N")
    assert dict(by_factor.headers).keys() == dict(by_number.headers).keys()


def test_the_lookup_does_the_same_work_whatever_the_answer(site: Site) -> None:
    """Counted in statements sent to the database: a right answer, a wrong factor and an
    unknown number cost the same queries, so timing tells nothing."""
    who = site.eligible(2)
    plan_holder = site.eligible(3)
    enrol_at_office(site.db, plan_holder.number, [("2025-12-20", 100_000)])
    counts = []
    between = f"{who.number}0"  # unknown, sorted among the others: its neighbour is read
    for number, factor in ((who.number, who.factor), (who.number, "0000"),
                           (between, who.factor), ("99999999", who.factor),
                           (plan_holder.number, "0000")):
        counts.append(_statements(site.db, number, factor))
    assert len(set(counts)) == 1, counts


def _statements(db: Database, number: str, factor: str) -> int:
    seen: list[str] = []

    def count(_conn: Connection, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(db.reader, "before_cursor_execute", count)
    try:
        with db.reading() as session:
            check(session, number, factor, DAY)
    finally:
        event.remove(db.reader, "before_cursor_execute", count)
    return len(seen)


def test_five_tries_per_number_then_a_wait_in_indonesian(site: Site) -> None:
    who = site.eligible(4)
    phones = [Visitor(site.url) for _ in range(PER_NUMBER.tries + 1)]
    try:
        for phone in phones[:-1]:
            assert phone.ask(who.number, "0000").status_code == 200
        refused = phones[-1].ask(who.number, who.factor)  # the right factor, too late
        assert refused.status_code == 429
        assert "Terlalu banyak percobaan" in refused.text and "15 menit" in refused.text
        assert int(refused.headers["Retry-After"]) == PER_NUMBER.seconds
        other = site.eligible(5)
        assert phones[-1].ask(other.number, other.factor).status_code == 200
        site.clock.advance(PER_NUMBER.seconds)
        assert phones[-1].ask(who.number, who.factor).status_code == 200
    finally:
        for phone in phones:
            phone.close()


def test_thirty_tries_per_address_whatever_the_numbers(site: Site) -> None:
    """From 127.0.0.2, not a trusted proxy, ``X-Forwarded-For`` changes nothing; from
    127.0.0.1 (uvicorn's default trusted proxy) it names the client counted."""
    phone = Visitor(site.url, source="127.0.0.2")
    proxy = Visitor(site.url)
    try:
        for i in range(PER_ADDRESS.tries):
            assert phone.ask(f"{50500000 + i}", "1234").status_code == 200
        refused = phone.ask("50600000", "1234")
        assert refused.status_code == 429 and "60 menit" in refused.text
        spoofed = phone.ask("50600001", "1234", headers={"X-Forwarded-For": "203.0.113.9"})
        assert spoofed.status_code == 429
        forwarded = {"X-Forwarded-For": "127.0.0.2"}
        assert proxy.ask("50600002", "1234", headers=forwarded).status_code == 429
        assert proxy.ask("50600003", "1234").status_code == 200
        site.clock.advance(PER_ADDRESS.seconds)
        assert phone.ask("50600004", "1234").status_code == 200
    finally:
        phone.close()
        proxy.close()


@pytest.mark.parametrize(("number", "factor", "problem"), [
    ("", "1234", "Isi nomor sambungan"),
    ("5040abcd", "1234", "hanya berisi angka"),
    ("1234", "1234", "5 sampai 20 angka"),
    ("1" * 21, "1234", "5 sampai 20 angka"),
    ("5" * 41, "1234", "terlalu panjang"),
    ("50400001\x1b[2J", "1234", "karakter kendali"),
    ("50400001", "12", "tepat 4 angka"),
    ("50400001", "12a4", "tepat 4 angka"),
    ("50400001", "", "Isi 4 angka terakhir"),
    ("５０４００００１", "1234", "hanya berisi angka"),
], ids=["empty", "letters", "short", "long", "over-long", "control", "factor-short",
        "factor-letter", "factor-empty", "wide-digits"])
def test_each_kind_of_bad_input_is_named_and_nothing_is_looked_up(
        visitor: Visitor, number: str, factor: str, problem: str) -> None:
    answer = visitor.ask(number, factor)
    assert answer.status_code == 400
    assert problem in answer.text
    assert NOT_MATCHED not in answer.text


def test_script_in_the_input_comes_back_as_text(visitor: Visitor) -> None:
    answer = visitor.ask('<script>alert("x")</script>', "1234")
    assert answer.status_code == 400
    assert "<script>" not in answer.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in answer.text


def test_separators_copied_from_a_bill_are_fine(site: Site, visitor: Visitor) -> None:
    who = site.eligible(6)
    spaced = f"{who.number[:3]} {who.number[3:5]}-{who.number[5:]}"
    assert "Bayar uang muka" in visitor.ask(spaced, f" {who.factor} ").text


def test_a_form_without_its_token_or_from_another_site_is_refused(site: Site,
                                                                   visitor: Visitor) -> None:
    who = site.eligible(7)
    bare = visitor.client.post("/cek", data={"nomor": who.number, "meter": who.factor})
    assert bare.status_code == 403 and "Formulir kedaluwarsa" in bare.text
    foreign = visitor.ask(who.number, who.factor, headers={"Origin": "https://evil.example"})
    assert foreign.status_code == 403 and who.number not in foreign.text
    huge = visitor.client.post("/cek", content=b"nomor=" + b"1" * 5000, headers={
        "Content-Type": "application/x-www-form-urlencoded"})
    assert huge.status_code == 403
    assert visitor.ask(who.number, who.factor).status_code == 200


def test_a_plan_holder_sees_the_next_instalment_instead_of_an_offer(
        site: Site, visitor: Visitor) -> None:
    who = site.eligible(8)
    enrol_at_office(site.db, who.number, [("2025-11-20", 300_000), ("2025-12-20", 300_000),
                                          ("2026-01-20", 400_000)], paid=450_000)
    words = text_of(visitor.ask(who.number, who.factor).text)
    assert "Anda sudah terdaftar di program ini" in words
    assert "Cicilan ke-2 dari 3: Rp 150.000, jatuh tempo 20 Desember 2025." in words
    assert "Sisa cicilan seluruhnya: Rp 550.000." in words
    assert "Bayar uang muka" not in words
    assert "Kantor Pelayanan Oebobo" in words  # the office holding the plan


def test_an_overdue_instalment_is_said_so(site: Site, visitor: Visitor) -> None:
    who = site.eligible(9)
    enrol_at_office(site.db, who.number, [("2025-11-20", 200_000), ("2025-12-20", 200_000)],
                    branch="ALK")
    words = text_of(visitor.ask(who.number, who.factor).text)
    assert "Cicilan ke-1 dari 2: Rp 200.000, jatuh tempo 20 November 2025." in words
    assert "Sudah lewat jatuh tempo" in words and "Kantor Pelayanan Alak" in words


def test_a_customer_not_eligible_reads_why_and_where_to_ask(site: Site,
                                                            visitor: Visitor) -> None:
    who = site.eligible(12)
    with site.db.writing() as session:  # the field opened the seal before the programme
        customer = session.scalar(select(Customer).where(Customer.connection_no == who.number))
        assert customer is not None
        customer.status = "active"
    words = text_of(visitor.ask(who.number, who.factor).text)
    assert "Program belum bisa ditawarkan" in words
    assert "sambungan Anda tidak sedang disegel" in words
    assert "Tanyakan di kantor pelayanan di bawah ini" in words
    assert "Tunggakan rekening" in words and "Kantor pelayanan Anda" in words
    assert "Bayar uang muka" not in words and "Dokumen yang dibawa" not in words


def test_a_customer_without_arrears_is_thanked(site: Site, visitor: Visitor) -> None:
    who = site.without_arrears()
    words = text_of(visitor.ask(who.number, who.factor).text)
    assert "Anda tidak punya tunggakan rekening. Terima kasih!" in words
    assert "Program belum bisa ditawarkan" not in words and "Rp 0" in words


def test_the_page_in_english(site: Site, visitor: Visitor) -> None:
    assert "Connection number" in visitor.open("en").text
    who = site.eligible(10)
    words = text_of(visitor.ask(who.number, who.factor, lang="en").text)
    assert "Pay a down payment of" in words and "The programme runs until 31 December 2025" in words
    assert "Opening hours: Monday–Friday" in words


def test_every_answer_carries_the_security_headers(site: Site, visitor: Visitor) -> None:
    who = site.eligible(11)
    answers = [visitor.open(), visitor.ask(who.number, who.factor), visitor.ask("x", "y"),
               visitor.client.get("/cek/static/cek.css")]
    for answer in answers[:3]:
        assert answer.headers["Content-Security-Policy"] == CSP
        assert answer.headers["Cache-Control"] == "no-store"
        assert answer.headers["X-Frame-Options"] == "DENY"
        assert answer.headers["Referrer-Policy"] == "same-origin"
    assert answers[3].status_code == 200 and "max-width" in answers[3].text
    cookie = answers[0].headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/cek" in cookie
