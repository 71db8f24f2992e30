"""Everything the enrolment agreement shows, read from the database for one enrolment."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app.models import (
    Customer,
    Enrolment,
    EnrolmentState,
    Payment,
    PaymentKind,
    PromotionTermsRecord,
    User,
)
from app.services.documents.header import DocumentHeader, header_for_counter
from app.services.errors import DomainError, ErrorCode
from app.services.ledger import workorders
from app.services.ledger.account_views import plan_instalments
from app.services.programmes import terms_by_id
from app.services.quoting import ScheduleLine
from app.services.terms import BrokenPlanRules
from app.services.unit_of_work import UnitOfWork

AGREEMENT_PREFIX = "PJ-"


@dataclass(frozen=True)
class AgreementDocument:
    header: DocumentHeader
    agreement_no: str  # "PJ-" + the down payment's receipt number
    enrolled_on: dt.date
    officer_name: str
    connection_no: str
    customer_name: str
    address: str
    rt: str
    rw: str
    kelurahan: str
    kecamatan: str
    tariff_group: str
    meter_no: str
    phone: str
    programme_name: str
    programme_code: str
    terms_version: int
    arrears: int
    penalty: int
    penalty_waived: int
    amount_due: int
    down_payment: int
    down_payment_receipt: str
    schedule: tuple[ScheduleLine, ...]
    broken_plan: BrokenPlanRules
    unseal_order: str | None
    cancelled: bool
    copy_no: int

    @property
    def remainder(self) -> int:
        return sum(line.amount for line in self.schedule)


def agreement_number(down_payment_receipt: str) -> str:
    return f"{AGREEMENT_PREFIX}{down_payment_receipt}"


def agreement_document(uow: UnitOfWork, receipt_no: str, copy_no: int = 0
                       ) -> AgreementDocument:
    """The agreement of the enrolment that receipt ``receipt_no`` (its down payment, or any
    payment of the plan) belongs to; ``copy_no`` > 0 marks a reprint."""
    with uow:
        s = uow.session
        payment = s.scalar(select(Payment).where(Payment.receipt_no == receipt_no.strip()))
        if payment is None:
            raise DomainError(ErrorCode.PAYMENT_NOT_FOUND, receipt_no=receipt_no)
        enrolment = s.get(Enrolment, payment.enrolment_id)
        assert enrolment is not None
        customer = s.get(Customer, enrolment.customer_id)
        officer = s.get(User, enrolment.cashier_id)
        record = s.get(PromotionTermsRecord, enrolment.terms_id)
        assert customer is not None and officer is not None and record is not None
        down = s.scalar(select(Payment).where(
            Payment.enrolment_id == enrolment.id, Payment.kind == PaymentKind.DOWN_PAYMENT)
            .order_by(Payment.id).limit(1))
        assert down is not None
        order = workorders.unseal_order_of(s, enrolment.id)
        return AgreementDocument(
            header=header_for_counter(s, enrolment.counter_id),
            agreement_no=agreement_number(down.receipt_no), enrolled_on=enrolment.business_date,
            officer_name=officer.full_name or officer.username,
            connection_no=customer.connection_no, customer_name=customer.name,
            address=customer.address, rt=customer.rt, rw=customer.rw,
            kelurahan=customer.kelurahan, kecamatan=customer.kecamatan,
            tariff_group=customer.tariff_group, meter_no=customer.meter_no,
            phone=customer.phone, programme_name=record.name, programme_code=record.code,
            terms_version=record.version, arrears=enrolment.arrears, penalty=enrolment.penalty,
            penalty_waived=enrolment.penalty_waived, amount_due=enrolment.amount_due,
            down_payment=down.amount, down_payment_receipt=down.receipt_no,
            schedule=tuple(ScheduleLine(i.number, i.due_date, i.amount)
                           for i in plan_instalments(s, enrolment.id)),
            broken_plan=terms_by_id(s, enrolment.terms_id).broken_plan,
            unseal_order=order.number if order else None,
            cancelled=enrolment.state == EnrolmentState.CANCELLED, copy_no=copy_no,
        )
