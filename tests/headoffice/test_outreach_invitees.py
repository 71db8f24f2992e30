"""The invitation list quotes every customer at once and finds exactly whom, and with
exactly which figures, the one-by-one quote (``offers_for``) finds eligible: on the
demo head office with plans of every state, and under terms that exercise each rule
(tariff groups, arrears limits, two unpaid bills, an odd waiver, coarse steps), on a day
after the programme and in one kelurahan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import func, select

from app.services.terms import Eligibility, InstalmentRules, PromotionTerms, Tier
from headoffice.db import Database
from headoffice.demo import create_demo
from headoffice.masterdata import publish_terms
from headoffice.models import Customer, Enrolment
from headoffice.offers import offers_for, published_terms
from headoffice.outreach.audience import invitations
from headoffice.outreach.invitees import eligible_invitees
from tests.support.fakes import DEMO_DAY

CUSTOMERS = 400
ON = DEMO_DAY.date()
PLANS = (  # (state, programme, branch): which block a new plan, which name the office
    ("active", "BUKA-SEGEL", "ALK"), ("active", "OTHER", "OEB"),
    ("completed", "BUKA-SEGEL", "OEB"), ("broken", "OTHER", "ALK"),
    ("cancelled", "BUKA-SEGEL", "OEB"), ("completed", "OTHER", "ALK"),
)


@pytest.fixture(scope="module")
def office(database_url: str) -> Iterator[Database]:
    db = Database(database_url)
    db.create_tables()
    with db.writing() as session:
        create_demo(session, customers=CUSTOMERS)
        sealed = list(session.scalars(select(Customer.connection_no).where(
            Customer.status == "sealed").order_by(Customer.connection_no)))
        for i, (state, programme, branch) in enumerate(PLANS * 3):
            session.add(Enrolment(
                uuid=f"plan-{i:02}", connection_no=sealed[i // 2], branch_code=branch,
                programme=programme, terms_version=1, state=state, arrears=1, penalty=0,
                penalty_waived=0, down_payment=1, instalment_count=1,
                business_date=ON - dt.timedelta(days=30 - i), event_id=f"event-{i}"))
    yield db
    db.dispose()


def _one_by_one(session: Any, terms: PromotionTerms, on: dt.date,
                place: str | None = None) -> list[tuple[Any, ...]]:
    query = select(Customer).where(Customer.status.in_(terms.eligibility.statuses))
    if place:
        query = query.where(func.lower(Customer.kelurahan) == place)
    customers = list(session.scalars(query.order_by(Customer.connection_no)))
    found = []
    for customer, offer in zip(customers, offers_for(session, customers, on, terms.code),
                               strict=True):
        if offer.eligible:
            longest = max(offer.options, key=lambda o: o.count)
            found.append((customer.connection_no, customer.name, customer.kelurahan,
                          customer.phone, offer.arrears, offer.penalty, offer.penalty_waived,
                          offer.amount_due, offer.down_payment, offer.allowed_instalments,
                          longest.schedule[0].amount if longest.schedule else 0,
                          offer.office))
    return found


def _in_bulk(session: Any, terms: PromotionTerms, on: dt.date,
             place: str | None = None) -> list[tuple[Any, ...]]:
    return [(i.connection_no, i.name, i.kelurahan, i.phone, i.arrears, i.penalty,
             i.penalty_waived, i.amount_due, i.down_payment, i.allowed_instalments,
             i.smallest, i.office) for i in eligible_invitees(session, terms, on, place)]


def test_the_demo_quoted_at_once_equals_the_quote_one_by_one(office: Database) -> None:
    with office.reading() as session:
        terms = published_terms(session, None, ON)
        expected = _one_by_one(session, terms, ON)
        assert _in_bulk(session, terms, ON) == expected
        holders = set(session.scalars(select(Enrolment.connection_no)))
        invited = {row[0] for row in expected}
        assert len(expected) > 50 and holders & invited and holders - invited  # both kinds
        assert _in_bulk(session, terms, dt.date(2026, 1, 5)) == [] == _one_by_one(
            session, terms, dt.date(2026, 1, 5))
        place = expected[0][2].lower()
        assert _in_bulk(session, terms, ON, place) == _one_by_one(session, terms, ON, place)
        listed = invitations(session, ON)
    assert sorted(d.connection_no for d in (*listed.ready, *listed.invalid)) == sorted(invited)


RULES = {
    "tariff-groups": {"eligibility": Eligibility(tariff_groups=("R1", "R2"))},
    "arrears-limits": {"eligibility": Eligibility(min_arrears=300_000, max_arrears=900_000)},
    "two-unpaid-bills": {"eligibility": Eligibility(min_unpaid_bills=2)},
    "odd-waiver-and-steps": {"penalty_waiver_percent": 33, "down_payment_percent": 27,
                             "down_payment_step": 5_000,
                             "instalments": InstalmentRules(
                                 tiers=(Tier(400_000, 2), Tier(None, 7)), min_count=2,
                                 min_amount=75_000, rounding_step=1_000)},
    "no-waiver-whole-down-payment": {"penalty_waiver_percent": 0,
                                     "down_payment_percent": 100},
}


@pytest.mark.parametrize("rules", RULES.values(), ids=RULES.keys())
def test_each_rule_quoted_at_once_equals_the_quote_one_by_one(
        office: Database, rules: dict[str, Any]) -> None:
    with office.writing() as session:
        newest = published_terms(session, None, ON)
        terms = replace(newest, version=newest.version + 1, **rules)
        publish_terms(session, terms)
    with office.reading() as session:
        expected = _one_by_one(session, terms, ON)
        assert _in_bulk(session, terms, ON) == expected
    assert expected  # the rule leaves someone to invite
