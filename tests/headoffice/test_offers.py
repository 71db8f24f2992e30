"""Head office quotes a customer exactly as the counter does: the same demo at both (same
seed, same customers and bills), every customer compared on a day inside the programme
and on a day after it; plans and offices; a missing customer, programme or offices file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from app.bootstrap import BranchDatabase, open_branch
from app.services.clock import FixedClock
from app.services.demo.branch import generate_demo
from app.services.ledger.accounts import quote
from app.services.setup import BranchSetup, initialise_branch
from headoffice.db import Database
from headoffice.demo import create_demo
from headoffice.models import Customer, Enrolment, Terms
from headoffice.offers import NoProgramme, offer_for, offers_for
from headoffice.offices import OfficesFileInvalid, load_offices, offices
from tests.support.fakes import DEMO_DAY

CUSTOMERS = 80
AFTER = dt.date(2026, 1, 5)


@pytest.fixture(scope="module")
def office(database_url: str) -> Iterator[Database]:
    db = Database(database_url)
    db.create_tables()
    with db.writing() as session:
        create_demo(session, customers=CUSTOMERS)
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def counter(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BranchDatabase]:
    folder = tmp_path_factory.mktemp("counter") / "branch"
    branch = open_branch(folder, create=True, clock=FixedClock(DEMO_DAY))
    initialise_branch(branch.writing(), BranchSetup(branch_code="KPG"))
    generate_demo(branch, customers=CUSTOMERS)
    yield branch
    branch.close()


@pytest.mark.parametrize("day", [DEMO_DAY.date(), AFTER], ids=["in-programme", "after-it"])
def test_every_figure_equals_the_counters_quote(office: Database, counter: BranchDatabase,
                                                day: dt.date) -> None:
    with office.reading() as session:
        customers = list(session.scalars(select(Customer).order_by(Customer.connection_no)))
        offers = offers_for(session, customers, day)
    assert len(offers) == CUSTOMERS
    assert {o.eligible for o in offers} == ({True, False} if day < AFTER else {False})
    for offer in offers:
        counters = quote(counter.reading(), offer.connection_no, on=day)
        assert (offer.eligible, offer.reasons) == (
            counters.eligible, tuple(r.code for r in counters.reasons)), offer.connection_no
        assert (offer.arrears, offer.penalty, offer.penalty_waived, offer.amount_due,
                offer.down_payment, offer.remainder, offer.allowed_instalments) == (
            counters.arrears, counters.penalty, counters.penalty_waived, counters.amount_due,
            counters.down_payment, counters.remainder, counters.allowed_instalments)
        longest = offer.options[-1]
        assert longest.schedule == counters.schedule  # the counter's default: the most
        assert offer.last_day == dt.date(2025, 12, 31)
        for option in offer.options:
            assert sum(line.amount for line in option.schedule) == (
                offer.remainder if option.count else 0)


def test_a_plan_blocks_a_second_offer_and_names_the_office_holding_it(
        office: Database) -> None:
    with office.reading() as session:
        number = next(o.connection_no for o in offers_for(
            session, list(session.scalars(select(Customer))), DEMO_DAY.date()) if o.eligible)
    with office.writing() as session:
        session.add(Enrolment(uuid="plan-1", connection_no=number, branch_code="ALK",
                              programme="BUKA-SEGEL", terms_version=1, state="active",
                              arrears=1, penalty=0, penalty_waived=0, down_payment=1,
                              instalment_count=1, business_date=DEMO_DAY.date(),
                              event_id="event-1"))
    try:
        with office.reading() as session:
            offer = offer_for(session, number, DEMO_DAY.date())
        assert offer is not None
        assert (offer.eligible, offer.reasons) == (False, ("already_enrolled",))
        assert (offer.office.code, offer.office.name) == ("ALK", "Kantor Pelayanan Alak")
    finally:
        with office.writing() as session:
            session.delete(session.get(Enrolment, "plan-1"))


def test_without_a_plan_the_office_serving_the_kecamatan_is_named(office: Database) -> None:
    places = offices()
    with office.reading() as session:
        customers = list(session.scalars(select(Customer)))
        offers = offers_for(session, customers, DEMO_DAY.date())
    for customer, offer in zip(customers, offers, strict=True):
        assert offer.office.code == places.serving(customer.kecamatan)
    alak = next(o for c, o in zip(customers, offers, strict=True) if c.kecamatan == "Alak")
    assert alak.office.name == "Kantor Pelayanan Alak"


def test_an_unknown_number_has_no_offer_and_no_terms_no_programme(office: Database) -> None:
    with office.reading() as session:
        assert offer_for(session, "99999999", DEMO_DAY.date()) is None
        number = session.scalars(select(Customer.connection_no)).first()
        assert number is not None
        with pytest.raises(NoProgramme, match="NO-SUCH"):
            offer_for(session, number, DEMO_DAY.date(), programme="NO-SUCH")
        session.execute(delete(Terms))
        with pytest.raises(NoProgramme, match="no programme"):
            offer_for(session, number, DEMO_DAY.date())
        session.rollback()


@pytest.mark.parametrize(("text", "problem"), [
    ('default_office = "XYZ"\n[[office]]\ncode = "KPG"\naddress = "a"\nhours = "h"\n',
     "default_office 'XYZ'"),
    ('default_office = "A"\n[[office]]\ncode = "A"\naddress = "a"\nhours = "h"\n'
     'kecamatan = ["Alak"]\n[[office]]\ncode = "B"\naddress = "b"\nhours = "h"\n'
     'kecamatan = ["alak"]\n', "two offices"),
    ('default_office = "A"\n[[office]]\ncode = "A"\naddress = "a\\u001b"\nhours = "h"\n',
     "escape"),
    ('default_office = "A"\n[[office]]\ncode = "A"\nhours = "h"\n', "missing 'address'"),
    ('default_office = = "A"\n', "offices.toml"),
], ids=["unknown-default", "kecamatan-twice", "control-character", "missing-field", "syntax"])
def test_a_bad_offices_file_is_refused_whole(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "offices.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OfficesFileInvalid, match=problem):
        load_offices(path)
