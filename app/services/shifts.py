"""Cashier shifts: open with a float, take payments, count the cash blind, sign off.

The cashier counts the drawer by denomination without seeing what is expected; only
then does the shift show the variance. A supervisor signs off with their credentials
and the shift is locked: its receipts can no longer be voided by the cashier.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Payment, PaymentMethod, Shift, ShiftState, User, Void, new_uuid
from app.services.arguments import stored_text
from app.services.audit.journal import record_change
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.ledger.payments import require_cashier
from app.services.money import MAX_AMOUNT
from app.services.unit_of_work import UnitOfWork
from app.services.users import approve

NOTE_DENOMINATIONS = (100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000)


@dataclass(frozen=True)
class CashCount:
    """Banknotes by denomination (how many of each) and coins as one sum."""

    notes: dict[int, int] = field(default_factory=dict)
    coins: int = 0

    @property
    def total(self) -> int:
        return sum(d * n for d, n in self.notes.items()) + self.coins


@dataclass(frozen=True)
class ShiftInfo:
    uuid: str
    cashier: str
    state: str
    business_date: dt.date
    opened_at: dt.datetime
    opening_float: int
    receipts: int
    counted_cash: int | None  # None until counted
    expected_cash: int | None  # None until counted: the count is blind
    closed_at: dt.datetime | None

    @property
    def variance(self) -> int | None:
        if self.counted_cash is None or self.expected_cash is None:
            return None
        return self.counted_cash - self.expected_cash


def open_shift(uow: UnitOfWork, actor: Actor, opening_float: int) -> ShiftInfo:
    """Open the counter's shift for this cashier with the cash already in the drawer."""
    cashier_id = require_cashier(actor)
    _check_money(opening_float, "opening float")
    with uow:
        s = uow.session
        existing = unclosed_shift(s, actor.counter_id)
        if existing is not None:
            raise DomainError(ErrorCode.SHIFT_ALREADY_OPEN, cashier=_username(s, existing))
        shift = Shift(uuid=new_uuid(), counter_id=actor.counter_id, cashier_id=cashier_id,
                      state=ShiftState.OPEN, business_date=uow.today, opened_at=uow.now,
                      opening_float=opening_float)
        s.add(shift)
        s.flush()
        record_change(s, actor, uow.now, action="shift.open", entity="shift",
                      entity_id=shift.uuid, event_type="shift.opened",
                      details={"shift_uuid": shift.uuid, "opening_float": opening_float})
        uow.commit()
        return shift_info(s, shift)


def current_shift(uow: UnitOfWork, actor: Actor) -> ShiftInfo | None:
    """The counter's shift that is not closed yet (open or waiting for sign-off)."""
    with uow:
        shift = unclosed_shift(uow.session, actor.counter_id)
        return shift_info(uow.session, shift) if shift else None


def count_cash(uow: UnitOfWork, actor: Actor, count: CashCount) -> ShiftInfo:
    """Record the blind count; from now on the shift takes no payments."""
    problem = _count_problem(count)
    if problem:
        raise DomainError(ErrorCode.COUNT_INVALID, problem=problem)
    with uow:
        s = uow.session
        shift = require_open_shift(s, actor)
        shift.expected_cash = expected_cash(s, shift)
        shift.counted_cash, shift.counted_at = count.total, uow.now
        shift.count_detail = json.dumps({"notes": {str(k): v for k, v in count.notes.items()},
                                         "coins": count.coins})
        shift.state = ShiftState.COUNTED
        record_change(s, actor, uow.now, action="shift.count", entity="shift",
                      entity_id=shift.uuid, event_type="shift.counted", details={
                          "shift_uuid": shift.uuid, "counted": count.total,
                          "expected": shift.expected_cash,
                          "variance": count.total - shift.expected_cash})
        uow.commit()
        return shift_info(s, shift)


def sign_off(uow: UnitOfWork, actor: Actor, supervisor: str, password: str,
             note: str = "") -> ShiftInfo:
    """A supervisor accepts the count and the shift is locked."""
    note = stored_text(note, "the note")
    with uow:
        s = uow.session
        supervisor_id = approve(uow, supervisor, password, "close shifts")
        shift = unclosed_shift(s, actor.counter_id)
        if shift is None or shift.state != ShiftState.COUNTED:
            raise DomainError(ErrorCode.SHIFT_NOT_COUNTED)
        shift.state, shift.closed_at = ShiftState.CLOSED, uow.now
        shift.supervisor_id, shift.note = supervisor_id, note.strip()[:240]
        record_change(s, actor, uow.now, action="shift.close", entity="shift",
                      entity_id=shift.uuid, event_type="shift.closed", details={
                          "shift_uuid": shift.uuid, "supervisor_id": supervisor_id,
                          "counted": shift.counted_cash, "expected": shift.expected_cash,
                          "note": shift.note})
        uow.commit()
        return shift_info(s, shift)


def unclosed_shift(session: Session, counter_id: int) -> Shift | None:
    return session.scalar(select(Shift).where(Shift.counter_id == counter_id,
                                              Shift.state != ShiftState.CLOSED))


def require_open_shift(session: Session, actor: Actor) -> Shift:
    """The actor's open shift at this counter, or SHIFT_NOT_OPEN."""
    shift = unclosed_shift(session, actor.counter_id)
    if shift is None or shift.state != ShiftState.OPEN or shift.cashier_id != actor.user_id:
        raise DomainError(ErrorCode.SHIFT_NOT_OPEN)
    return shift


def expected_cash(session: Session, shift: Shift) -> int:
    """Float + cash taken in the shift and not voided − cash refunded for older receipts."""
    taken = session.scalar(
        select(func.coalesce(func.sum(Payment.amount), 0))
        .outerjoin(Void, Void.payment_id == Payment.id)
        .where(Payment.shift_id == shift.id, Payment.method == PaymentMethod.CASH,
               Void.id.is_(None))) or 0
    refunded = session.scalar(
        select(func.coalesce(func.sum(Payment.amount), 0))
        .join(Void, Void.payment_id == Payment.id)
        .where(Void.shift_id == shift.id, Payment.method == PaymentMethod.CASH,
               Payment.shift_id != shift.id)) or 0
    return shift.opening_float + taken - refunded


def shift_info(session: Session, shift: Shift) -> ShiftInfo:
    receipts = session.scalar(select(func.count()).select_from(Payment)
                              .where(Payment.shift_id == shift.id)) or 0
    return ShiftInfo(shift.uuid, _username(session, shift), shift.state.value,
                     shift.business_date, shift.opened_at, shift.opening_float, receipts,
                     shift.counted_cash, shift.expected_cash, shift.closed_at)


def _username(session: Session, shift: Shift) -> str:
    user = session.get(User, shift.cashier_id)
    return user.username if user else "?"


def _check_money(amount: object, what: str) -> None:
    if isinstance(amount, bool) or not isinstance(amount, int) or not 0 <= amount <= MAX_AMOUNT:
        raise DomainError(ErrorCode.COUNT_INVALID, problem=f"{what} {amount!r}")


def _count_problem(count: CashCount) -> str:
    for denomination, pieces in count.notes.items():
        if denomination not in NOTE_DENOMINATIONS:
            return f"no Rp {denomination} note"
        if isinstance(pieces, bool) or not isinstance(pieces, int) or not 0 <= pieces <= 100_000:
            return f"{pieces!r} notes of Rp {denomination}"
    coins = count.coins
    if isinstance(coins, bool) or not isinstance(coins, int) or not 0 <= coins <= MAX_AMOUNT:
        return f"coins {coins!r}"
    return ""
