"""Refusals of a CSV import and of a terms file in the console, in words: every problem
code has its Indonesian and English sentence; a preview of files with every kind of bad
row (or bad terms) says each reason in Bahasa Indonesia, in English once the console is
switched, and shows HTML and script in the cells as text; the audit trail says what
imports and publishing did in Bahasa Indonesia."""

from __future__ import annotations

import string

import httpx
import pytest
from markupsafe import escape
from sqlalchemy import select, update

from app.services.imports.problems import INDONESIAN as IMPORT_PROBLEMS
from app.services.imports.problems import TEXTS, ImportProblem, ProblemCode
from app.services.setup import DEFAULT_TERMS_FILE
from app.services.terms_problems import TEXTS as TERMS_TEXTS
from app.services.terms_problems import TermsCode, TermsProblem
from headoffice.console.i18n import translator
from headoffice.console.words import TERMS_PROBLEMS, import_problem, refusal_text, terms_problem
from headoffice.models import Bill, Customer
from headoffice.refusals import RefusalCode, Refused
from tests.headoffice.conftest import HeadOffice
from tests.headoffice.console_helpers import console, post_form, staff_user
from tests.headoffice.test_console_terms import HEADER, confirm, upload
from tests.support.office_server import publish_customer

SCRIPT = "<script>alert('x')</script>"
CUSTOMER = "Pelanggan Uji,Jl. Uji No. 1,001,002,Penkase Oeleta,Alak,R2,M1,0812"
CUSTOMERS = "\n".join((
    HEADER,
    f"50400001,{CUSTOMER},sealed,2021-11-01",
    f"50400001,{CUSTOMER},sealed,2021-11-01",  # the same connection number again
    f"5040O002,{CUSTOMER},{SCRIPT},01/11/2021",  # a letter O, a script, a date
    "50400003,,Jl. Uji,001,002,Penkase Oeleta,Alak,R2,M1,0812,sealed,2021-11-01",
    "50400004,Nama\u202eTerbalik,Jl. Uji,001,002,Oebobo,Oebobo,R1,M2,,active,2021-11-01",
    f"50400005,{'x' * 130},Jl. Uji,001,002,Oebobo,Oebobo,R1,M2,,active,2021-11-01",
    "50400006,terlalu,sedikit",
))
BILLS_HEADER = ("connection_no,period,reading_start,reading_end,usage_m3,water_charge,fees,"
                "penalty,due_date,paid")
BILLS = "\n".join((
    BILLS_HEADER,
    "60400001,2025-01,200,100,0,-500,1.5,99999999999,2025-02-20,1",  # four bad cells
    "60400001,2025-13,0,0,0,10000,0,0,2025-02-20,ya",  # a month 13, paid 'ya'
    "60400001,2025-02,0,0,0,10000,0,0,2025-03-20,0",
    "60400001,2025-02,0,0,0,10000,0,0,2025-03-20,0",  # the same bill again
    "99990000,2025-02,0,0,0,10000,0,0,2025-03-20,0",  # no such customer
    "60400001,2024-01,0,0,0,12345,0,0,2024-02-20,0",  # settled at a branch: kept
))
INDONESIAN = (
    "connection_no 50400001 sudah ada di baris 2",
    "connection_no '5040O002' harus berisi angka saja",
    f"status '{SCRIPT}' bukan salah satu dari active, sealed, disconnected",
    "status_date '01/11/2021' bukan tanggal (TTTT-BB-HH)",
    "name kosong",
    "name berisi karakter RIGHT-TO-LEFT OVERRIDE (U+202E) pada posisi 5",
    "name lebih dari 120 karakter",
    "baris ini berisi 3 kolom; judulnya 12",
)
ENGLISH = (
    "connection_no 50400001 is already on line 2",
    "connection_no '5040O002' must be digits only",
    f"status '{SCRIPT}' is not one of active, sealed, disconnected",
    "status_date '01/11/2021' is not a date (YYYY-MM-DD)",
    "name is empty",
    "name holds the character RIGHT-TO-LEFT OVERRIDE (U+202E) at position 5",
    "name is longer than 120 characters",
    "has 3 fields; the header has 12",
)
BILL_INDONESIAN = (
    "reading_end 100 lebih kecil dari reading_start 200",
    "water_charge -500 bernilai negatif",
    "fees '1.5' bukan bilangan bulat",
    "penalty 99999999999 lebih besar dari 1000000000",
    "period '2025-13' bukan bulan (TTTT-BB)",
    "paid 'ya' harus 0 atau 1",
    "tagihan 60400001 2025-02 sudah ada di baris 4",
    "tidak ada pelanggan dengan connection_no 99990000 (impor pelanggannya dahulu)",
    "tagihan 2024-01 sudah dilunasi di cabang atau termasuk dalam rencana cicilan",
)
BILL_ENGLISH = (
    "reading_end 100 is below reading_start 200",
    "water_charge -500 is negative",
    "fees '1.5' is not a whole number",
    "penalty 99999999999 is larger than 1000000000",
    "period '2025-13' is not a month (YYYY-MM)",
    "paid 'ya' must be 0 or 1",
    "the bill 60400001 2025-02 is already on line 4",
    "no customer with connection_no 99990000 (import the customers first)",
    "the bill for 2024-01 was settled at a branch or is part of an instalment plan",
)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", list(ProblemCode))
def test_every_problem_has_words_in_both_languages(code: ProblemCode) -> None:
    indonesian, english = IMPORT_PROBLEMS[code], TEXTS[code]
    assert indonesian != english and translator("en")(indonesian) == english
    assert _fields(indonesian) == _fields(english)  # the same parameters fill both
    problem = ImportProblem(code, "name", "<b>x</b>", {
        name: 7 for name in _fields(english) - {"column", "value"}})
    assert "{" not in import_problem(problem, translator("id")) + import_problem(
        problem, translator("en"))


@pytest.mark.parametrize("code", list(TermsCode))
def test_every_terms_problem_has_words_in_both_languages(code: TermsCode) -> None:
    indonesian, english = TERMS_PROBLEMS[code], TERMS_TEXTS[code]
    assert indonesian != english and translator("en")(indonesian) == english
    assert _fields(indonesian) == _fields(english)
    problem = TermsProblem(code, {name: 7 for name in _fields(english)})
    assert "{" not in terms_problem(problem, translator("id")) + terms_problem(
        problem, translator("en"))


def _said(page: httpx.Response, phrases: tuple[str, ...], absent: tuple[str, ...]) -> None:
    assert page.status_code == 200, page.text
    for phrase in phrases:  # as the page writes text: escaped
        assert escape(phrase) in page.text, phrase
    for phrase in absent:
        assert escape(phrase) not in page.text, phrase
    assert SCRIPT not in page.text and "<b>" not in page.text


def test_each_bad_row_is_refused_in_indonesian_then_in_english(ho: HeadOffice) -> None:
    staff_user(ho.db, "ti", "it")
    with ho.db.writing() as session:
        publish_customer(session, "60400001", bills=1)
        customer_id = session.scalar(select(Customer.id).where(
            Customer.connection_no == "60400001"))
        session.execute(update(Bill).where(Bill.customer_id == customer_id)
                        .values(settled=True, settled_by="payment-1"))
    with console(ho.url, "ti") as client:
        customers = upload(client, "/console/imports/preview", "pelanggan.csv",
                           CUSTOMERS.encode(), kind="customers")
        _said(customers, INDONESIAN, ENGLISH)
        assert "6 baris ditolak" in customers.text
        bills = upload(client, "/console/imports/preview", "tagihan.csv", BILLS.encode(),
                       kind="bills")
        _said(bills, BILL_INDONESIAN, BILL_ENGLISH)
        empty = upload(client, "/console/imports/preview", "kosong.csv", b"", kind="bills")
        assert "Tidak dapat diimpor: file kosong" in empty.text
        latin = upload(client, "/console/imports/preview", "latin.csv",
                       f"{HEADER}\n50400001,Jos\xe9".encode("latin-1"), kind="customers")
        assert "baris 2 bukan teks UTF-8" in latin.text
        assert post_form(client, "/console/terms", "/console/language",
                         {"language": "en", "next": "/console/terms"}).status_code == 303
        _said(upload(client, "/console/imports/preview", "pelanggan.csv",
                     CUSTOMERS.encode(), kind="customers"), ENGLISH, INDONESIAN)
        _said(upload(client, "/console/imports/preview", "tagihan.csv", BILLS.encode(),
                     kind="bills"), BILL_ENGLISH, BILL_INDONESIAN)
        short = upload(client, "/console/imports/preview", "pendek.csv",
                       b"connection_no,name\n1,Ani", kind="customers")
        assert "Cannot be imported: the header lacks column(s) address" in short.text


TERMS = DEFAULT_TERMS_FILE.read_text(encoding="utf-8")
BROKEN_TERMS = (  # (how the file is broken, what the page says in Indonesian / English)
    (("down_payment_percent = 50", "down_payment_percent = 150"),
     "down_payment_percent harus 1–100", "down_payment_percent must be 1–100"),
    (("version = 1", "version = 1\nwarna = 'biru'"),
     "isian tidak dikenal: warna", "unknown field(s) warna"),
    (("version = 1", "version = 'satu'"),
     "version harus bilangan bulat, bukan 'satu'",
     "version must be a whole number, not 'satu'"),
    (("valid_to = 2025-12-31", "valid_to = 2025-11-01"),
     "valid_to lebih awal dari valid_from", "valid_to is before valid_from"),
)


def test_a_broken_terms_file_is_refused_in_words_and_the_audit_speaks_indonesian(
        ho: HeadOffice) -> None:
    staff_user(ho.db, "ti", "it")
    staff_user(ho.db, "direktur", "manager")
    with console(ho.url, "ti") as client:
        for (old, new), indonesian, english in BROKEN_TERMS:
            page = upload(client, "/console/terms/preview", "ketentuan.toml",
                          TERMS.replace(old, new).encode())
            _said(page, (f"Tidak dapat diterbitkan: {indonesian}",), (english,))
        named = upload(client, "/console/terms/preview", f"{SCRIPT}.txt", b"x = 1")
        _said(named, (f"{SCRIPT}.txt: file ketentuan berakhiran .toml atau .json",), ())
        published = upload(client, "/console/terms/preview", "ketentuan.toml", TERMS.encode())
        assert confirm(client, published, "/console/terms/publish").status_code == 303
        other = upload(client, "/console/terms/preview", "ketentuan.toml",
                       TERMS.replace("down_payment_percent = 50",
                                     "down_payment_percent = 40").encode())
        _said(other, ("BUKA-SEGEL versi 1 sudah diterbitkan dengan ketentuan lain",), ())
        imported = upload(client, "/console/imports/preview", "pelanggan.csv",
                          f"{HEADER}\n50400001,{CUSTOMER},sealed,2021-11-01".encode(),
                          kind="customers")
        assert confirm(client, imported, "/console/imports/run").status_code == 303
        assert post_form(client, "/console/terms", "/console/language",
                         {"language": "en", "next": "/console/terms"}).status_code == 303
        for (old, new), indonesian, english in BROKEN_TERMS:
            page = upload(client, "/console/terms/preview", "ketentuan.toml",
                          TERMS.replace(old, new).encode())
            _said(page, (f"Cannot be published: {english}",), (indonesian,))
    with console(ho.url, "direktur") as manager:
        audit = manager.get("/console/audit")
        _said(audit, ("1 baris: 1 baru, 0 berubah, 0 tidak berubah; sha256",
                      "impor pelanggan", "ketentuan diterbitkan"),
              ("rows:", "new, 0 changed"))


@pytest.mark.parametrize(("refusal", "lead", "english"), [
    (Refused(RefusalCode.BRANCH_EXISTS, code="KPG"), "Cabang dengan kode ini sudah ada.",
     "A branch with this code exists already."),
    (Refused(RefusalCode.USER_EXISTS, username="kasir1"),
     "Pengguna loket dengan nama ini sudah ada.",
     "A counter user with this user name exists already."),
    (Refused(RefusalCode.STAFF_EXISTS, username="hublang"),
     "Staf dengan nama pengguna ini sudah ada.",
     "A staff user with this user name exists already."),
])
def test_what_already_exists_is_named_by_the_console(refusal: Refused, lead: str,
                                                     english: str) -> None:
    assert refusal_text(str(refusal)) == lead
    assert translator("en")(lead) == english
