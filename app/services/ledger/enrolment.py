"""Enrol a customer in a programme and take the down payment, in one transaction.

One call creates the enrolment and its instalment schedule, waives the penalties,
settles the bills the down payment covers, issues the unseal work order and the
receipt number, and writes one audit record and one outbox event for all of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.models import (
    CustomerStatus,
    Enrolment,
    EnrolmentState,
    Instalment,
    PaymentKind,
    WorkOrderKind,
    new_uuid,
)
from app.services.arguments import text, whole_number
from app.services.audit.journal import record_change
from app.services.backup.restore_block import require_payments_allowed
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.ledger import workorders
from app.services.ledger.accounts import (
    bill_facts,
    blocking_enrolment,
    customer_facts,
    find_customer,
    unsettled_bills,
)
from app.services.ledger.office_enrolments import enrolled_elsewhere
from app.services.ledger.payments import (
    PaymentReceipt,
    Tender,
    apply_to_bills,
    check_tender,
    new_payment,
    require_cashier,
)
from app.services.money import format_rupiah
from app.services.programmes import find_programme
from app.services.quoting import allowed_counts, make_offer, schedule, waived_penalty
from app.services.shifts import require_open_shift
from app.services.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class EnrolRequest:
    connection_no: str
    instalments: int
    tender: Tender
    programme: str | None = None


def enrol_and_pay(uow: UnitOfWork, actor: Actor, request: EnrolRequest) -> PaymentReceipt:
    """Enrol and take the down payment; refuse (writing nothing) on any bad input."""
    cashier_id = require_cashier(actor)
    whole_number(request.instalments, "the instalment count")
    text(request.connection_no, "the connection number")
    if request.programme is not None:
        text(request.programme, "the programme")
    check_tender(request.tender)
    with uow:
        s, now = uow.session, uow.now
        require_payments_allowed(s)
        shift = require_open_shift(s, actor)
        customer = find_customer(s, request.connection_no)
        record, terms = find_programme(s, request.programme, uow.today)
        if not terms.is_open_on(uow.today):
            raise DomainError(ErrorCode.PROGRAMME_NOT_ACTIVE, code=record.code,
                              valid_from=terms.valid_from, valid_to=terms.valid_to, on=uow.today)
        existing = blocking_enrolment(s, customer.id, record.code)
        if existing is not None:
            raise DomainError(ErrorCode.ALREADY_ENROLLED, state=existing.state.value,
                              since=existing.business_date)
        elsewhere = enrolled_elsewhere(s, customer, record.code)  # as of the last sync
        if elsewhere is not None:
            raise DomainError(ErrorCode.ENROLLED_ELSEWHERE, branch=elsewhere.branch,
                              since=elsewhere.business_date)
        bills = [b for b in unsettled_bills(s, customer.id) if b.enrolment_id is None]
        offer = make_offer(terms, customer_facts(customer, bills), uow.today)
        if not offer.eligible:
            raise DomainError(ErrorCode.NOT_ELIGIBLE,
                              reasons="; ".join(r.text for r in offer.reasons),
                              reason_codes=[r.code for r in offer.reasons])
        amount = request.tender.amount
        if amount < offer.down_payment:
            raise DomainError(ErrorCode.AMOUNT_BELOW_DUE, amount=format_rupiah(amount),
                              due=format_rupiah(offer.down_payment))
        if amount > offer.amount_due:
            raise DomainError(ErrorCode.AMOUNT_ABOVE_BALANCE, amount=format_rupiah(amount),
                              balance=format_rupiah(offer.amount_due))
        remainder = offer.amount_due - amount
        allowed = allowed_counts(terms, remainder)
        if request.instalments not in allowed:
            raise DomainError(ErrorCode.INSTALMENT_COUNT_NOT_ALLOWED, count=request.instalments,
                              allowed=", ".join(map(str, allowed)))
        plan = schedule(terms, remainder, request.instalments, uow.today)
        enrolment = Enrolment(
            uuid=new_uuid(), customer_id=customer.id, terms_id=record.id,
            state=EnrolmentState.ACTIVE if remainder else EnrolmentState.COMPLETED,
            arrears=offer.arrears, penalty=offer.penalty, penalty_waived=offer.penalty_waived,
            down_payment_due=offer.down_payment, instalment_count=request.instalments,
            business_date=uow.today, enrolled_at=now, counter_id=actor.counter_id,
            cashier_id=cashier_id, ended_at=None if remainder else now,
        )
        s.add(enrolment)
        s.flush()
        for bill in bills:
            bill.enrolment_id = enrolment.id
            bill.penalty_waived = waived_penalty(bill_facts(bill).penalty,
                                                 terms.penalty_waiver_percent)
        s.add_all(Instalment(enrolment_id=enrolment.id, number=line.number,
                             due_date=line.due_date, amount=line.amount) for line in plan)
        payment = new_payment(s, actor, now, customer, enrolment, PaymentKind.DOWN_PAYMENT,
                              request.tender, shift.id)
        settled = apply_to_bills(s, payment, bills, now)
        order = None
        if customer.status == CustomerStatus.SEALED:
            order = workorders.issue(s, actor, now, customer, enrolment, WorkOrderKind.UNSEAL,
                                     f"{record.name}: down payment {payment.receipt_no}")
        record_change(s, actor, now, action="enrolment.pay", entity="payment",
                      entity_id=payment.receipt_no, event_type="enrolment.paid", details={
                          "receipt_no": payment.receipt_no, "payment_uuid": payment.uuid,
                          "enrolment_uuid": enrolment.uuid, "connection_no": customer.connection_no,
                          "programme": record.code, "terms_version": record.version,
                          "arrears": offer.arrears, "penalty": offer.penalty,
                          "penalty_waived": offer.penalty_waived, "amount": amount,
                          "method": payment.method.value, "reference": payment.reference,
                          "tendered": payment.tendered, "change": payment.change,
                          "settled_periods": list(settled),
                          "schedule": [{"number": x.number, "due_date": x.due_date.isoformat(),
                                        "amount": x.amount} for x in plan],
                          "work_order": order.number if order else None,
                          "work_order_uuid": order.uuid if order else None,
                      })
        uow.commit()
        return PaymentReceipt(
            receipt_no=payment.receipt_no, payment_uuid=payment.uuid, kind=payment.kind.value,
            connection_no=customer.connection_no, customer_name=customer.name, amount=amount,
            tendered=payment.tendered, change=payment.change, method=payment.method.value,
            reference=payment.reference, paid_at=now, settled_periods=settled,
            instalments_paid=(), plan_balance=remainder,
            next_due=plan[0].due_date if plan else None, enrolment_uuid=enrolment.uuid,
            work_order_no=order.number if order else None, schedule=plan,
        )
