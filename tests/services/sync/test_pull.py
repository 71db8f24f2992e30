"""Pulling master data: pages applied with their cursor, local money never overwritten."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from app.bootstrap import BranchDatabase
from app.models import Bill, Customer, HeldBillChange, PromotionTermsRecord, Setting
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.setup import DEFAULT_TERMS_FILE
from app.services.sync import pull_changes, run_sync
from app.services.terms import load_terms_file
from app.services.users import log_in
from tests.support.sync_fakes import (
    FakeHeadOffice,
    FakeLink,
    Killer,
    SimulatedCrash,
    bill_data,
    branch_net_paid,
    connect,
    customer_data,
    enrol,
    outbox,
    pay,
    publish_customer,
    quick_hash,
    terms_data,
)


@pytest.fixture
def office() -> FakeHeadOffice:
    return FakeHeadOffice()


@pytest.fixture
def link(branch: BranchDatabase, office: FakeHeadOffice) -> FakeLink:
    return connect(branch, office)


def cursor(branch: BranchDatabase) -> str | None:
    with branch.reading() as uow:
        row = uow.session.get(Setting, "sync_cursor")
        return row.value if row else None


def customers(branch: BranchDatabase) -> dict[str, tuple[str, str, int]]:
    with branch.reading() as uow:
        return {c.connection_no: (c.name, c.name_lower, c.version)
                for c in uow.session.scalars(select(Customer))}


def bill(branch: BranchDatabase, connection_no: str, period: str) -> Bill:
    with branch.reading() as uow:
        found = uow.session.scalar(select(Bill).join(Customer).where(
            Customer.connection_no == connection_no, Bill.period == period))
        assert found is not None
        uow.session.expunge(found)
        return found


def test_pages_are_applied_with_their_cursor(
        branch: BranchDatabase, office: FakeHeadOffice, link: FakeLink) -> None:
    for n in range(3):
        publish_customer(office, f"2000000{n}", name=f"Yohana Nope {n}")
    result = pull_changes(branch.writing, link, limit=5)
    assert (result.pages, result.changes) == (5, 21)
    assert result.counts.customers == 3 and result.counts.bills == 18
    assert cursor(branch) == "epoch-1:21"
    assert customers(branch)["20000001"] == ("Yohana Nope 1", "yohana nope 1", 1)

    office.publish("customer", "20000001", customer_data("20000001", "Yohana Nope-Bria",
                                                         version=2))
    office.publish("bill", "20000001:2024-02", bill_data("20000001", "2024-02", paid=True))
    again = pull_changes(branch.writing, link, limit=5)
    assert (again.pages, again.changes) == (1, 2)
    assert customers(branch)["20000001"] == ("Yohana Nope-Bria", "yohana nope-bria", 2)
    assert bill(branch, "20000001", "2024-02").settled
    assert pull_changes(branch.writing, link).changes == 0


def test_a_bill_with_local_payments_keeps_the_branch_figures(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    enrol(branch, cashier, "10000001")
    before = bill(branch, "10000001", "2024-01")
    assert before.paid_amount > 0 and before.enrolment_id is not None
    office.publish("customer", "10000001", customer_data("10000001", "Pelanggan Uji"))
    office.publish("bill", "10000001:2024-01",
                   bill_data("10000001", "2024-01", 80_000, paid=True, penalty=9_000))
    office.publish("bill", "10000001:2024-12", bill_data("10000001", "2024-12"))

    result = pull_changes(branch.writing, link)

    after = bill(branch, "10000001", "2024-01")
    assert result.counts.bills_kept == 1 and result.counts.bills == 1
    assert (after.paid_amount, after.enrolment_id, after.water_charge, after.penalty_waived) == (
        before.paid_amount, before.enrolment_id, before.water_charge, before.penalty_waived)
    assert bill(branch, "10000001", "2024-12").enrolment_id is None
    pay(branch, cashier, "10000001", 100_000)  # the plan goes on as before
    assert branch_net_paid(branch) == 400_000


def test_a_refused_change_leaves_nothing_of_its_page_and_the_cursor_where_it_was(
        branch: BranchDatabase, office: FakeHeadOffice, link: FakeLink) -> None:
    publish_customer(office, "20000001", periods=2)  # changes 1–3: the first page
    office.publish("customer", "20000002", customer_data("20000002"))
    office.publish("bill", "20000002:2024-01",
                   dict(bill_data("20000002", "2024-01"), water_charge=-5))  # not a bill
    office.publish("customer", "20000003", customer_data("20000003"))

    with pytest.raises(DomainError) as refused:
        pull_changes(branch.writing, link, limit=3)

    assert refused.value.code == ErrorCode.SYNC_BAD_CHANGE
    assert "20000002:2024-01" in refused.value.message
    assert set(customers(branch)) == {"20000001"} and cursor(branch) == "epoch-1:3"


def test_a_bill_pulled_before_its_customer_waits_for_it(
        branch: BranchDatabase, office: FakeHeadOffice, link: FakeLink) -> None:
    """Head office re-records a customer after its bills (a status or plan change), so a
    counter pulling from the start can meet the bills a page before their customer."""
    office.publish("bill", "20000001:2024-01", bill_data("20000001", "2024-01"))
    office.publish("bill", "20000001:2024-02", bill_data("20000001", "2024-02", paid=True))
    office.publish("customer", "20000001", customer_data("20000001", "Yohana Nope"))

    first = pull_changes(branch.writing, link, limit=2)

    assert customers(branch)["20000001"][0] == "Yohana Nope"
    assert first.counts.bills_kept >= 2 and first.counts.bills_released == 2
    assert (bill(branch, "20000001", "2024-01").settled,
            bill(branch, "20000001", "2024-02").settled) == (False, True)
    with branch.reading() as uow:
        assert uow.session.scalars(select(HeldBillChange)).all() == []


def test_a_branch_killed_while_applying_a_page_keeps_the_page_before_it(
        branch: BranchDatabase, office: FakeHeadOffice, link: FakeLink) -> None:
    publish_customer(office, "20000001", periods=2)
    publish_customer(office, "20000002", periods=2)
    with pytest.raises(SimulatedCrash):
        pull_changes(Killer(branch, crash_at=2), link, limit=3)
    assert set(customers(branch)) == {"20000001"} and cursor(branch) == "epoch-1:3"

    assert pull_changes(branch.writing, link, limit=3).changes == 3
    assert set(customers(branch)) == {"20000001", "20000002"}


def test_a_malformed_page_is_refused_whole(
        branch: BranchDatabase, office: FakeHeadOffice, link: FakeLink) -> None:
    office.publish("customer", "20000001", customer_data("20000001"))
    office.publish("customer", "20000002", customer_data("20000002", status="dormant"))
    with pytest.raises(DomainError) as refused:
        pull_changes(branch.writing, link)
    assert refused.value.code == ErrorCode.SYNC_BAD_CHANGE and "dormant" in refused.value.message
    assert customers(branch) == {} and cursor(branch) is None

    office.fail_next("truncate", "/api/v1/pull")
    with pytest.raises(DomainError) as cut:
        pull_changes(branch.writing, link)
    assert cut.value.code == ErrorCode.SYNC_BAD_RESPONSE and customers(branch) == {}


def test_terms_versions_are_added_and_never_changed(
        branch: BranchDatabase, office: FakeHeadOffice, link: FakeLink) -> None:
    terms = load_terms_file(DEFAULT_TERMS_FILE)
    newer = dataclasses.replace(terms, version=terms.version + 1, name="Buka Segel (revisi)")
    office.publish("terms", f"{terms.code}/{terms.version}", terms_data(terms))
    office.publish("terms", f"{newer.code}/{newer.version}", terms_data(newer))
    assert pull_changes(branch.writing, link).counts.terms == 1
    with branch.reading() as uow:
        names = {r.version: r.name for r in uow.session.scalars(select(PromotionTermsRecord))}
    assert names[newer.version] == "Buka Segel (revisi)" and len(names) == 2

    changed = dataclasses.replace(newer, down_payment_percent=40)
    office.publish("terms", f"{newer.code}/{newer.version}", terms_data(changed))
    with pytest.raises(DomainError) as conflict:
        pull_changes(branch.writing, link)
    assert conflict.value.code == ErrorCode.SYNC_BAD_CHANGE
    assert "already loaded with other terms" in conflict.value.message


def test_users_come_with_head_office_password_hashes(
        branch: BranchDatabase, office: FakeHeadOffice, link: FakeLink) -> None:
    user = {"username": "ina", "full_name": "Ina Lado", "role": "cashier",
            "password_hash": quick_hash("rahasia-1"), "active": True}
    office.publish("user", "ina", user)
    pull_changes(branch.writing, link)
    assert log_in(branch.writing(), "ina", "rahasia-1").role == "cashier"

    office.publish("user", "ina", dict(user, role="supervisor",
                                       password_hash=quick_hash("rahasia-2")))
    pull_changes(branch.writing, link)
    assert log_in(branch.writing(), "ina", "rahasia-2").role == "supervisor"
    with pytest.raises(DomainError):
        log_in(branch.writing(), "ina", "rahasia-1")


def test_a_new_head_office_epoch_refetches_everything_and_pushes_again(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    publish_customer(office, "20000001", periods=1)
    run_sync(branch.writing, link)
    backup = office.backup()
    publish_customer(office, "20000002", periods=1)
    enrol(branch, cashier, "10000001")
    run_sync(branch.writing, link)
    office.restore(backup)  # lost the second customer and the enrolment
    publish_customer(office, "20000003", periods=1)

    report = run_sync(branch.writing, link)

    assert report.epoch_changed and report.resent == len(outbox(branch)) - len(
        backup.events)
    assert cursor(branch) == "epoch-2:4"
    assert {"20000001", "20000003"} <= set(customers(branch))
    assert office.net_paid() == branch_net_paid(branch) == 300_000
    assert report.reconciliation is not None and report.reconciliation.ok
