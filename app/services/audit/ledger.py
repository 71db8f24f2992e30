"""Checking the ledger against the audit trail.

Every payment, void, enrolment and instalment must equal what its audit record says;
every bill's and instalment's paid amount must equal the allocations of the payments not
voided; a plan's bill is settled exactly when nothing is left to pay on it; every outbox
payload must be its audit record's details (plus branch, counter, cashier and time). Each
difference names the receipt, plan, bill or event. The audit chain itself is checked by
``journal.verify_chain``; these checks find edits made outside the audit table.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    AuditRecord,
    Bill,
    BillAllocation,
    Customer,
    Enrolment,
    Instalment,
    InstalmentAllocation,
    OutboxEvent,
    Payment,
    Void,
)
from app.services.context import local_counter
from app.services.findings import Finding, FindingCode

LedgerFinding = tuple[str, Finding, Finding]  # (check, subject, detail)
PAYMENT_ACTIONS = {"down_payment": "enrolment.pay", "instalment": "instalment.pay"}
VOID_ACTION = "payment.void"


def ledger_findings(session: Session) -> Iterator[LedgerFinding]:
    """Every difference between the ledger (and the outbox) and the audit trail."""
    audits: dict[tuple[str, str], list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for audit_id, action, receipt, details in session.execute(
            select(AuditRecord.id, AuditRecord.action, AuditRecord.entity_id,
                   AuditRecord.details).where(AuditRecord.entity == "payment")
            .order_by(AuditRecord.id)):
        audits[(action, receipt)].append((audit_id, _loads(details)))
    yield from _payments(session, audits)
    yield from _voids(session, audits)
    yield from _enrolments(session, audits)
    yield from _allocations(session)
    yield from _outbox(session)


def _payments(session: Session, audits: dict[tuple[str, str], list[tuple[int, dict[str, Any]]]]
              ) -> Iterator[LedgerFinding]:
    rows = session.execute(select(Payment, Customer.connection_no, Enrolment.uuid)
                           .join(Customer, Customer.id == Payment.customer_id)
                           .join(Enrolment, Enrolment.id == Payment.enrolment_id))
    for payment, connection_no, enrolment_uuid in rows:
        found = audits.get((PAYMENT_ACTIONS[payment.kind.value], payment.receipt_no))
        if not found:
            continue  # "has no audit record" is the integrity check's finding
        audit_id, details = found[0]
        held = {"payment_uuid": payment.uuid, "amount": payment.amount,
                "method": payment.method.value, "reference": payment.reference,
                "tendered": payment.tendered, "change": payment.change,
                "connection_no": connection_no, "enrolment_uuid": enrolment_uuid}
        yield from _differences(Finding.of(FindingCode.PAYMENT, receipt_no=payment.receipt_no),
                                audit_id, held, details)


def _voids(session: Session, audits: dict[tuple[str, str], list[tuple[int, dict[str, Any]]]]
           ) -> Iterator[LedgerFinding]:
    voided = {receipt: (void, amount) for void, receipt, amount in session.execute(
        select(Void, Payment.receipt_no, Payment.amount).join(Payment,
                                                              Payment.id == Void.payment_id))}
    for (action, receipt), found in sorted(audits.items()):
        if action != VOID_ACTION:
            continue
        audit_id, details = found[0]
        if receipt not in voided:
            yield ("ledger", Finding.of(FindingCode.PAYMENT, receipt_no=receipt),
                   Finding.of(FindingCode.VOID_NOT_IN_LEDGER, audit_id=audit_id))
            continue
        void, amount = voided.pop(receipt)
        yield from _differences(Finding.of(FindingCode.VOID, receipt_no=receipt), audit_id,
                                {"void_uuid": void.uuid, "amount": amount}, details)
    for receipt in sorted(voided):
        yield ("ledger", Finding.of(FindingCode.VOID, receipt_no=receipt),
               Finding.of(FindingCode.NO_AUDIT_RECORD))


def _enrolments(session: Session,
                audits: dict[tuple[str, str], list[tuple[int, dict[str, Any]]]]
                ) -> Iterator[LedgerFinding]:
    by_plan = {details.get("enrolment_uuid"): (audit_id, details)
               for (action, _), found in audits.items() if action == "enrolment.pay"
               for audit_id, details in found}
    schedules: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for inst in session.scalars(select(Instalment).order_by(Instalment.number)):
        schedules[inst.enrolment_id].append({"number": inst.number, "amount": inst.amount,
                                             "due_date": inst.due_date.isoformat()})
    for enrolment, connection_no in session.execute(
            select(Enrolment, Customer.connection_no).join(
                Customer, Customer.id == Enrolment.customer_id).order_by(Enrolment.id)):
        subject = Finding.of(FindingCode.ENROLMENT, uuid=enrolment.uuid,
                             connection_no=connection_no)
        if enrolment.uuid not in by_plan:
            yield ("ledger", subject, Finding.of(FindingCode.NO_AUDIT_RECORD))
            continue
        audit_id, details = by_plan[enrolment.uuid]
        held = {"arrears": enrolment.arrears, "penalty": enrolment.penalty,
                "penalty_waived": enrolment.penalty_waived, "connection_no": connection_no,
                "schedule": schedules.get(enrolment.id, [])}
        yield from _differences(subject, audit_id, held, details)


def _allocations(session: Session) -> Iterator[LedgerFinding]:
    """A bill that Loket took payments for (in a plan, or with allocations) shows exactly the
    allocations of its payments not voided; any other bill was paid, if at all, before
    Loket or at head office, which leaves no local record to compare with, so it is only
    held to never showing more than it costs. A plan's bill is settled exactly when
    nothing is left to pay on it; an instalment's paid amount equals its allocations."""
    voided = set(session.scalars(select(Void.payment_id)))
    bill_paid: dict[int, int] = defaultdict(int)
    for payment_id, bill_id, amount in session.execute(
            select(BillAllocation.payment_id, BillAllocation.bill_id, BillAllocation.amount)):
        bill_paid[bill_id] += 0 if payment_id in voided else amount
    for bill, connection_no in session.execute(select(Bill, Customer.connection_no).join(
            Customer, Customer.id == Bill.customer_id).order_by(Bill.id)):
        subject = Finding.of(FindingCode.BILL, connection_no=connection_no, period=bill.period)
        ours = bill.enrolment_id is not None or bill.id in bill_paid
        if ours and bill.paid_amount != bill_paid[bill.id]:
            yield ("ledger", subject, Finding.of(FindingCode.PAID_DIFFERS, paid=bill.paid_amount,
                                                 allocated=bill_paid[bill.id]))
        elif bill.paid_amount > bill.amount_due:
            yield ("ledger", subject, Finding.of(FindingCode.PAID_ABOVE_COST,
                                                 paid=bill.paid_amount, due=bill.amount_due))
        elif bill.enrolment_id is not None and bill.settled != (bill.outstanding <= 0):
            state = FindingCode.SETTLED_WITH_DEBT if bill.settled else FindingCode.OPEN_WITHOUT_DEBT
            yield ("ledger", subject, Finding.of(state, outstanding=bill.outstanding))
    inst_paid: dict[int, int] = defaultdict(int)
    for payment_id, inst_id, amount in session.execute(select(
            InstalmentAllocation.payment_id, InstalmentAllocation.instalment_id,
            InstalmentAllocation.amount)):
        inst_paid[inst_id] += 0 if payment_id in voided else amount
    for inst, uuid in session.execute(select(Instalment, Enrolment.uuid).join(
            Enrolment, Enrolment.id == Instalment.enrolment_id).order_by(Instalment.id)):
        if inst.paid_amount != inst_paid[inst.id]:
            yield ("ledger", Finding.of(FindingCode.INSTALMENT, number=inst.number, uuid=uuid),
                   Finding.of(FindingCode.PAID_DIFFERS, paid=inst.paid_amount,
                              allocated=inst_paid[inst.id]))


def _outbox(session: Session) -> Iterator[LedgerFinding]:
    """Each outbox payload is its audit record's details with branch, counter, cashier and
    time added (as ``journal.record_change`` writes it)."""
    _, branch = local_counter(session)
    for event, audit in session.execute(select(OutboxEvent, AuditRecord).join(
            AuditRecord, AuditRecord.id == OutboxEvent.audit_id).order_by(OutboxEvent.seq)):
        expected = dict(_loads(audit.details), branch=branch.code, counter=audit.counter_code,
                        cashier=audit.actor, at=audit.at.isoformat())
        subject = Finding.of(FindingCode.OUTBOX_EVENT, seq=event.seq, type=event.type)
        payload = _loads(event.payload)
        if event.created_at != audit.at:
            yield ("outbox_payload", subject,
                   Finding.of(FindingCode.EVENT_TIME_DIFFERS, audit_id=audit.id))
        elif payload != expected:
            names = sorted(k for k in {*payload, *expected} if payload.get(k) != expected.get(k))
            yield ("outbox_payload", subject, Finding.of(
                FindingCode.EVENT_FIELDS_DIFFER, fields=", ".join(names), audit_id=audit.id))


def _differences(subject: Finding, audit_id: int, held: dict[str, Any],
                 details: dict[str, Any]) -> Iterable[LedgerFinding]:
    for name, value in held.items():
        if name in details and details[name] != value:
            yield ("ledger", subject, Finding.of(
                FindingCode.VALUE_DIFFERS, field=name, ledger=_short(value),
                recorded=_short(details[name]), audit_id=audit_id))


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else f"{text[:57]}..."


def _loads(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
