"""Paying instalments of an active plan: oldest instalment first, partial payments allowed."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.models import Bill, Enrolment, EnrolmentState, PaymentKind
from app.services.arguments import text
from app.services.audit.journal import record_change
from app.services.backup.restore_block import require_payments_allowed
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.ledger.account_views import plan_instalments
from app.services.ledger.accounts import find_customer
from app.services.ledger.payments import (
    PaymentReceipt,
    Tender,
    apply_to_bills,
    apply_to_instalments,
    check_tender,
    new_payment,
    require_cashier,
)
from app.services.ledger.plan_refusals import require_no_refused_plan
from app.services.money import format_rupiah
from app.services.shifts import require_open_shift
from app.services.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class InstalmentRequest:
    connection_no: str
    tender: Tender


def pay_instalment(uow: UnitOfWork, actor: Actor, request: InstalmentRequest) -> PaymentReceipt:
    """Take a payment towards the customer's active plan; completes the plan when all is paid."""
    require_cashier(actor)
    text(request.connection_no, "the connection number")
    check_tender(request.tender)
    with uow:
        s, now = uow.session, uow.now
        require_payments_allowed(s)
        shift = require_open_shift(s, actor)
        customer = find_customer(s, request.connection_no)
        enrolment = s.scalar(select(Enrolment).where(
            Enrolment.customer_id == customer.id, Enrolment.state == EnrolmentState.ACTIVE))
        if enrolment is None:
            require_no_refused_plan(s, customer.id)  # head office refused it: say so
            raise DomainError(ErrorCode.NO_ACTIVE_PLAN)
        instalments = [i for i in plan_instalments(s, enrolment.id) if i.outstanding > 0]
        balance = sum(i.outstanding for i in instalments)
        amount = request.tender.amount
        if amount > balance:
            raise DomainError(ErrorCode.AMOUNT_ABOVE_BALANCE, amount=format_rupiah(amount),
                              balance=format_rupiah(balance))
        payment = new_payment(s, actor, now, customer, enrolment, PaymentKind.INSTALMENT,
                              request.tender, shift.id)
        paid = apply_to_instalments(s, payment, instalments, now)
        bills = list(s.scalars(select(Bill).where(
            Bill.enrolment_id == enrolment.id, Bill.settled.is_(False)).order_by(Bill.period)))
        settled = apply_to_bills(s, payment, bills, now)
        left = balance - amount
        if left == 0:
            enrolment.state, enrolment.ended_at = EnrolmentState.COMPLETED, now
        next_due = next((i.due_date for i in instalments if i.outstanding > 0), None)
        record_change(s, actor, now, action="instalment.pay", entity="payment",
                      entity_id=payment.receipt_no, event_type="instalment.paid", details={
                          "receipt_no": payment.receipt_no, "payment_uuid": payment.uuid,
                          "enrolment_uuid": enrolment.uuid,
                          "connection_no": customer.connection_no, "amount": amount,
                          "method": payment.method.value, "reference": payment.reference,
                          "tendered": payment.tendered, "change": payment.change,
                          "instalments": [{"number": n, "amount": a} for n, a in paid],
                          "settled_periods": list(settled), "plan_balance": left,
                          "plan_completed": left == 0,
                      })
        uow.commit()
        return PaymentReceipt(
            receipt_no=payment.receipt_no, payment_uuid=payment.uuid, kind=payment.kind.value,
            connection_no=customer.connection_no, customer_name=customer.name, amount=amount,
            tendered=payment.tendered, change=payment.change, method=payment.method.value,
            reference=payment.reference, paid_at=now, settled_periods=settled,
            instalments_paid=paid, plan_balance=left, next_due=next_due,
            enrolment_uuid=enrolment.uuid, work_order_no=None, schedule=(),
        )
