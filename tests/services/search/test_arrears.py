"""The arrears a search hit shows stay equal to the customer's unsettled bills through
every change a counter makes: enrolment, instalments, voids, new and removed bills."""

from __future__ import annotations

from sqlalchemy import delete, func, select

from app.bootstrap import BranchDatabase
from app.models import Bill, Customer
from app.services.context import Actor
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.instalments import InstalmentRequest, pay_instalment
from app.services.ledger.payments import Tender
from app.services.ledger.voids import VoidRequest, void_payment
from app.services.search.customers import search_customers
from tests.support.fakes import add_customer, monthly_bills

NO = "10077001"


def shown_arrears(branch: BranchDatabase, connection_no: str) -> int:
    hits = search_customers(branch.reading(), connection_no).hits
    assert hits and hits[0].connection_no == connection_no
    return hits[0].arrears


def summed_arrears(branch: BranchDatabase, connection_no: str) -> int:
    """The arrears added up from the bills, as an auditor would."""
    with branch.reading() as uow:
        due = Bill.water_charge + Bill.fees + Bill.penalty - Bill.penalty_waived - Bill.paid_amount
        total = uow.session.scalar(
            select(func.coalesce(func.sum(due), 0)).join(Customer)
            .where(Customer.connection_no == connection_no, Bill.settled.is_(False)))
        return int(total or 0)


def test_new_customer_shows_the_sum_of_its_bills(branch: BranchDatabase) -> None:
    add_customer(branch, NO, name="Yosina Ndun",
                 bills=monthly_bills("2024-01", 12, 60_000, penalty=6_000))
    assert shown_arrears(branch, NO) == 12 * 66_000 == summed_arrears(branch, NO)


def test_arrears_follow_enrolment_instalments_and_voids(branch: BranchDatabase,
                                                        cashier: Actor) -> None:
    add_customer(branch, NO, name="Yosina Ndun",
                 bills=monthly_bills("2024-01", 12, 60_000, penalty=6_000))
    down = enrol_and_pay(branch.writing(), cashier, EnrolRequest(
        NO, 3, Tender(360_000, 400_000)))
    after_enrolment = shown_arrears(branch, NO)
    assert after_enrolment == summed_arrears(branch, NO) == 360_000  # penalty waived, half paid
    paid = pay_instalment(branch.writing(), cashier, InstalmentRequest(NO, Tender(50_000, 50_000)))
    assert shown_arrears(branch, NO) == summed_arrears(branch, NO) == 310_000
    void_payment(branch.writing(), cashier,
                 VoidRequest(paid.receipt_no, "salah nominal", "spv", "spv12345"))
    assert shown_arrears(branch, NO) == summed_arrears(branch, NO) == 360_000
    void_payment(branch.writing(), cashier,
                 VoidRequest(down.receipt_no, "salah pelanggan", "spv", "spv12345"))
    assert shown_arrears(branch, NO) == summed_arrears(branch, NO) == 12 * 66_000


def test_removed_bills_leave_the_arrears(branch: BranchDatabase) -> None:
    add_customer(branch, NO, name="Yosina Ndun", bills=monthly_bills("2024-01", 3, 60_000))
    with branch.writing() as uow:
        customer_id = uow.session.scalar(select(Customer.id).where(Customer.connection_no == NO))
        uow.session.execute(delete(Bill).where(Bill.customer_id == customer_id,
                                               Bill.period == "2024-01"))
        uow.commit()
    assert shown_arrears(branch, NO) == summed_arrears(branch, NO) == 2 * 60_000
