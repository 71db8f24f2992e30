"""What the daily receipts report (LPP, laporan penerimaan) shows, for one counter and
business day, or for one shift.

Every receipt in scope is listed. A receipt voided within the scope (the same day, or
the same shift) is marked BATAL with its reason and left out of the totals. A receipt
voided *later* still counts here, with a remark, so that the report of a closed day
never changes; the void then appears as a refund in the report of the day (or shift)
it was made in. This follows the cash drawer: ``shifts.expected_cash`` counts the
same way.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.models import Counter, Customer, Payment, PaymentMethod, Shift, ShiftState, User, Void
from app.services.context import local_counter
from app.services.documents.header import DocumentHeader, header_for_counter
from app.services.reports.wording import KIND_ORDER, METHOD_ORDER
from app.services.shifts import expected_cash
from app.services.unit_of_work import UnitOfWork


class ScopeNotFound(LookupError):
    """The counter or shift asked for does not exist (or does not fit the day)."""


class LineStatus(enum.StrEnum):
    VALID = "valid"
    VOIDED = "voided"  # voided within the report's scope: BATAL, not counted
    VOIDED_LATER = "voided_later"  # voided after the scope: counted here, refunded later
    REFUND = "refund"  # an older receipt voided within the scope: counted negative


@dataclass(frozen=True)
class LppLine:
    receipt_no: str
    at: dt.datetime  # when paid; for a refund, when voided
    paid_on: dt.date
    connection_no: str
    customer_name: str
    kind: str
    method: str
    reference: str
    amount: int
    cashier: str
    status: LineStatus
    void_reason: str
    voided_at: dt.datetime | None

    @property
    def counted(self) -> int:
        """What the line adds to the totals."""
        if self.status == LineStatus.VOIDED:
            return 0
        return -self.amount if self.status == LineStatus.REFUND else self.amount


@dataclass(frozen=True)
class TotalLine:
    key: str  # a method ("cash") or kind ("instalment")
    receipts: int
    received: int
    refunds: int
    refunded: int

    @property
    def net(self) -> int:
        return self.received - self.refunded


@dataclass(frozen=True)
class ShiftCash:
    """The cash drawer of one shift, from its close (or so far, while open)."""

    uuid: str
    cashier: str
    state: str
    opened_at: dt.datetime
    counted_at: dt.datetime | None
    closed_at: dt.datetime | None
    opening_float: int
    cash_taken: int
    cash_refunded: int
    expected: int
    counted: int | None  # None until counted
    notes: tuple[tuple[int, int], ...]  # (denomination, pieces), largest first
    coins: int
    supervisor: str  # "" until signed off
    note: str

    @property
    def variance(self) -> int | None:
        return None if self.counted is None else self.counted - self.expected


@dataclass(frozen=True)
class LppDocument:
    header: DocumentHeader
    day: dt.date
    shift_uuid: str | None
    lines: tuple[LppLine, ...]  # receipts of the scope, then refunds, each by time
    by_method: tuple[TotalLine, ...]
    by_kind: tuple[TotalLine, ...]
    shifts: tuple[ShiftCash, ...]
    printed_at: dt.datetime

    @property
    def receipts(self) -> tuple[LppLine, ...]:
        return tuple(x for x in self.lines if x.status != LineStatus.REFUND)

    @property
    def refunds(self) -> tuple[LppLine, ...]:
        return tuple(x for x in self.lines if x.status == LineStatus.REFUND)

    @property
    def voided(self) -> tuple[LppLine, ...]:
        return tuple(x for x in self.lines if x.status == LineStatus.VOIDED)

    @property
    def total(self) -> int:
        return sum(x.counted for x in self.lines)

    @property
    def cashiers(self) -> tuple[str, ...]:
        names = [s.cashier for s in self.shifts] or [x.cashier for x in self.receipts]
        return tuple(dict.fromkeys(names))

    @property
    def supervisors(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.supervisor for s in self.shifts if s.supervisor))


def lpp_document(uow: UnitOfWork, day: dt.date | None = None, counter_code: str | None = None,
                 shift_uuid: str | None = None) -> LppDocument:
    """The LPP of ``counter_code`` (default: this counter) on ``day`` (default: the shift's
    day, else today), or of the one shift ``shift_uuid``; ``ScopeNotFound`` if the counter
    or shift does not exist, or the shift is of another counter or day."""
    with uow:
        s = uow.session
        shift = _shift(s, shift_uuid) if shift_uuid else None
        counter = _counter(s, counter_code, shift)
        day = day or (shift.business_date if shift else uow.today)
        if shift is not None and shift.business_date != day:
            raise ScopeNotFound(f"shift {shift.uuid} is of {shift.business_date}, not {day}")
        lines = _receipt_lines(s, counter, day, shift) + _refund_lines(s, counter, day, shift)
        shifts = [shift] if shift else list(s.scalars(select(Shift).where(
            Shift.counter_id == counter.id, Shift.business_date == day)
            .order_by(Shift.opened_at, Shift.id)))
        return LppDocument(
            header=header_for_counter(s, counter.id), day=day,
            shift_uuid=shift.uuid if shift else None, lines=tuple(lines),
            by_method=_totals(lines, METHOD_ORDER, lambda x: x.method),
            by_kind=_totals(lines, KIND_ORDER, lambda x: x.kind),
            shifts=tuple(shift_cash(s, x, uow.now) for x in shifts), printed_at=uow.now)


def _counter(s: Session, code: str | None, shift: Shift | None) -> Counter:
    """The counter named ``code``; without one, the shift's counter or this one."""
    if code is None:
        found = s.get(Counter, shift.counter_id) if shift else local_counter(s)[0]
    else:
        found = s.scalar(select(Counter).where(Counter.code == code.strip().upper()))
    if found is None:
        raise ScopeNotFound(f"no counter {code!r}")
    if shift is not None and shift.counter_id != found.id:
        raise ScopeNotFound(f"shift {shift.uuid} is not of counter {found.code}")
    return found


def _shift(s: Session, uuid: str) -> Shift:
    shift = s.scalar(select(Shift).where(Shift.uuid == uuid.strip().lower()))
    if shift is None:
        raise ScopeNotFound(f"no shift {uuid!r}")
    return shift


def _day_span(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time())
    return start, start + dt.timedelta(days=1)


def _receipt_lines(s: Session, counter: Counter, day: dt.date, shift: Shift | None
                   ) -> list[LppLine]:
    scope = (Payment.shift_id == shift.id) if shift else (
        (Payment.counter_id == counter.id) & (Payment.business_date == day))
    start, end = _day_span(day)
    lines = []
    for payment, customer, cashier, void in _rows(s, scope):
        if void is None:
            status = LineStatus.VALID
        elif (void.shift_id == shift.id) if shift else (start <= void.voided_at < end):
            status = LineStatus.VOIDED
        else:
            status = LineStatus.VOIDED_LATER
        lines.append(_line(payment, customer, cashier, void, status, payment.paid_at))
    return lines


def _refund_lines(s: Session, counter: Counter, day: dt.date, shift: Shift | None
                  ) -> list[LppLine]:
    start, end = _day_span(day)
    scope = ((Void.shift_id == shift.id) & Payment.shift_id.is_distinct_from(shift.id)) \
        if shift else ((Void.counter_id == counter.id) & (Void.voided_at >= start)
                       & (Void.voided_at < end) & (Payment.business_date != day))
    rows = _rows(s, scope, voided_only=True)
    lines = [_line(p, c, u, v, LineStatus.REFUND, v.voided_at) for p, c, u, v in rows if v]
    return sorted(lines, key=lambda x: x.at)


def _rows(s: Session, scope: ColumnElement[bool], voided_only: bool = False
          ) -> list[tuple[Payment, Customer, User, Void | None]]:
    query = (select(Payment, Customer, User, Void)
             .join(Customer, Customer.id == Payment.customer_id)
             .join(User, User.id == Payment.cashier_id))
    query = query.join(Void, Void.payment_id == Payment.id) if voided_only else \
        query.outerjoin(Void, Void.payment_id == Payment.id)
    rows = s.execute(query.where(scope).order_by(Payment.paid_at, Payment.id))
    return [(p, c, u, v) for p, c, u, v in rows]


def _line(payment: Payment, customer: Customer, cashier: User, void: Void | None,
          status: LineStatus, at: dt.datetime) -> LppLine:
    return LppLine(
        receipt_no=payment.receipt_no, at=at, paid_on=payment.business_date,
        connection_no=customer.connection_no, customer_name=customer.name,
        kind=payment.kind.value, method=payment.method.value, reference=payment.reference,
        amount=payment.amount, cashier=cashier.full_name or cashier.username, status=status,
        void_reason=void.reason if void else "", voided_at=void.voided_at if void else None)


def _totals(lines: Iterable[LppLine], order: tuple[str, ...],
            key: Callable[[LppLine], str]) -> tuple[TotalLine, ...]:
    result = []
    for wanted in order:
        mine = [x for x in lines if key(x) == wanted]
        received = [x for x in mine if x.status in (LineStatus.VALID, LineStatus.VOIDED_LATER)]
        refunds = [x for x in mine if x.status == LineStatus.REFUND]
        result.append(TotalLine(wanted, len(received), sum(x.amount for x in received),
                                len(refunds), sum(x.amount for x in refunds)))
    return tuple(result)


def shift_cash(s: Session, shift: Shift, now: dt.datetime) -> ShiftCash:
    """The drawer of ``shift`` as it stood at its count (or now, if not counted yet)."""
    as_of = shift.counted_at or now
    taken = sum(p.amount for p, v in s.execute(
        select(Payment, Void).outerjoin(Void, Void.payment_id == Payment.id)
        .where(Payment.shift_id == shift.id, Payment.method == PaymentMethod.CASH))
        if v is None or v.voided_at > as_of)
    refunded = sum(s.scalars(
        select(Payment.amount).join(Void, Void.payment_id == Payment.id)
        .where(Void.shift_id == shift.id, Payment.method == PaymentMethod.CASH,
               Payment.shift_id.is_distinct_from(shift.id), Void.voided_at <= as_of)))
    counted = shift.state != ShiftState.OPEN and shift.counted_cash is not None
    notes, coins = _count_detail(shift.count_detail) if counted else ((), 0)
    expected = shift.expected_cash if counted else None
    return ShiftCash(
        uuid=shift.uuid, cashier=_name(s, shift.cashier_id), state=shift.state.value,
        opened_at=shift.opened_at, counted_at=shift.counted_at, closed_at=shift.closed_at,
        opening_float=shift.opening_float, cash_taken=taken, cash_refunded=refunded,
        expected=expected if expected is not None else expected_cash(s, shift),
        counted=shift.counted_cash if counted else None, notes=notes, coins=coins,
        supervisor=_name(s, shift.supervisor_id) if shift.supervisor_id else "",
        note=shift.note)


def _count_detail(text: str) -> tuple[tuple[tuple[int, int], ...], int]:
    if not text:
        return (), 0
    detail = json.loads(text)
    notes = sorted(((int(d), int(n)) for d, n in detail.get("notes", {}).items()), reverse=True)
    return tuple(notes), int(detail.get("coins", 0))


def _name(s: Session, user_id: int) -> str:
    user = s.get(User, user_id)
    return (user.full_name or user.username) if user else "?"
