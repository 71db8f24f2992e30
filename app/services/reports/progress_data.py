"""What the programme progress report shows: for one programme (every version of its
code) and a date range, the figures by kelurahan and by day, and the totals against
the programme's targets.

How each figure is dated and counted:

- *enrolled*: enrolments made in the range (by business date), not cancelled since and
  not refused by head office;
- *down payments* / *instalments*: payments taken in the range, not voided, towards
  plans head office did not refuse;
- *arrears in plans* / *penalty waived*: of the enrolled above;
- *seals opened*: unseal work orders of the programme done in the range;
- *broken* / *cancelled*: plans that broke, or enrolments cancelled (down payment
  voided), in the range, by the day it happened;
- *refused*: plans head office refused (the customer was enrolled at another branch
  first, say), by the day the refusal arrived — not enrolments of the programme at this
  branch, also once refunded (then not *cancelled* either); *refused credit*: the
  payments taken in the range towards plans refused and not yet refunded, which head
  office keeps as a credit until the refund (the voids) reaches it.

The targets are those of the programme's newest version: sealed customers reached is
enrolled / ``targets.sealed_customers``; arrears reduced is collected /
``targets.arrears``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, fields

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import (
    Customer,
    CustomerStatus,
    Enrolment,
    EnrolmentRefusal,
    EnrolmentState,
    Payment,
    PaymentKind,
    PromotionTermsRecord,
    Void,
    WorkOrder,
    WorkOrderKind,
    WorkOrderState,
)
from app.services.context import local_counter
from app.services.documents.header import DocumentHeader, header_for_counter
from app.services.errors import DomainError, ErrorCode
from app.services.programmes import latest_versions
from app.services.terms import PromotionTerms
from app.services.unit_of_work import UnitOfWork

MAX_DAYS = 3_660  # a range of ten years is surely a typing mistake


@dataclass(frozen=True)
class Figures:
    enrolled: int = 0
    down_payments: int = 0
    instalments: int = 0
    arrears_in_plans: int = 0
    penalty_waived: int = 0
    seals_opened: int = 0
    broken: int = 0
    cancelled: int = 0
    refused: int = 0
    refused_credit: int = 0

    @property
    def collected(self) -> int:
        return self.down_payments + self.instalments

    def __add__(self, other: Figures) -> Figures:
        return Figures(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


@dataclass(frozen=True)
class KelurahanLine:
    kelurahan: str
    kecamatan: str
    figures: Figures
    still_sealed: int  # customers of the kelurahan sealed at the time of printing


@dataclass(frozen=True)
class DayLine:
    day: dt.date
    figures: Figures
    cumulative_enrolled: int
    cumulative_collected: int


@dataclass(frozen=True)
class ProgressDocument:
    header: DocumentHeader
    programme_code: str
    programme_name: str
    programme_version: int
    valid_from: dt.date
    valid_to: dt.date
    date_from: dt.date
    date_to: dt.date
    target_customers: int
    target_arrears: int
    totals: Figures
    by_kelurahan: tuple[KelurahanLine, ...]  # most enrolments first
    by_day: tuple[DayLine, ...]  # every day of the range
    printed_at: dt.datetime

    @property
    def customers_share(self) -> float | None:
        """Enrolled / target sealed customers (``None`` without a target)."""
        if not self.target_customers:
            return None
        return self.totals.enrolled / self.target_customers

    @property
    def arrears_share(self) -> float | None:
        """Collected / target arrears (``None`` without a target)."""
        if not self.target_arrears:
            return None
        return self.totals.collected / self.target_arrears


def progress_document(uow: UnitOfWork, programme: str | None = None,
                      date_from: dt.date | None = None, date_to: dt.date | None = None
                      ) -> ProgressDocument:
    """The progress of ``programme`` (default: the newest) from ``date_from`` (default: its
    start) to ``date_to`` (default: its end, or today if it is still running)."""
    with uow:
        s = uow.session
        record, terms = _programme(s, programme)
        start = date_from or terms.valid_from
        end = date_to or max(start, min(terms.valid_to, uow.today))
        if end < start or (end - start).days > MAX_DAYS:
            raise DomainError(ErrorCode.DATE_INVALID, text=f"{start} – {end}")
        ids = list(s.scalars(select(PromotionTermsRecord.id)
                             .where(PromotionTermsRecord.code == record.code)))
        events = _events(s, ids, start, end)
        places = _places(s, {customer for customer, _, _ in events})
        by_place: dict[int, Figures] = defaultdict(Figures)
        by_day: dict[dt.date, Figures] = defaultdict(Figures)
        for customer, day, figures in events:
            by_place[customer] += figures
            by_day[day] += figures
        counter, _ = local_counter(s)
        return ProgressDocument(
            header=header_for_counter(s, counter.id), programme_code=record.code,
            programme_name=record.name, programme_version=record.version,
            valid_from=terms.valid_from, valid_to=terms.valid_to, date_from=start,
            date_to=end, target_customers=terms.targets.sealed_customers,
            target_arrears=terms.targets.arrears, totals=sum(by_day.values(), Figures()),
            by_kelurahan=_kelurahan_lines(s, by_place, places),
            by_day=_day_lines(by_day, start, end), printed_at=uow.now)


def _programme(s: Session, code: str | None) -> tuple[PromotionTermsRecord, PromotionTerms]:
    programmes = latest_versions(s)
    if code is not None:
        wanted = code.strip().upper()
        programmes = [p for p in programmes if p[0].code.upper() == wanted]
    if not programmes:
        raise DomainError(ErrorCode.PROGRAMME_NOT_FOUND, code=code or "(any)")
    return max(programmes, key=lambda p: (p[1].valid_from, p[0].loaded_at, p[0].code))


Event = tuple[int, dt.date, Figures]  # customer id, day, what happened


def _events(s: Session, terms_ids: list[int], start: dt.date, end: dt.date) -> list[Event]:
    """Everything that happened to the programme's enrolments in the range."""
    first = dt.datetime.combine(start, dt.time())
    after = dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
    events: list[Event] = []
    enrolments = s.execute(select(Enrolment, EnrolmentRefusal.refused_at).outerjoin(
        EnrolmentRefusal, EnrolmentRefusal.enrolment_id == Enrolment.id)
        .where(Enrolment.terms_id.in_(terms_ids)))
    for e, refused_at in enrolments:
        if refused_at is not None:  # refused, perhaps refunded since: never an enrolment
            if first <= refused_at < after:
                events.append((e.customer_id, refused_at.date(), Figures(refused=1)))
            continue
        if start <= e.business_date <= end and e.state != EnrolmentState.CANCELLED:
            events.append((e.customer_id, e.business_date, Figures(
                enrolled=1, arrears_in_plans=e.arrears, penalty_waived=e.penalty_waived)))
        if e.ended_at is not None and first <= e.ended_at < after:
            if e.state == EnrolmentState.BROKEN:
                events.append((e.customer_id, e.ended_at.date(), Figures(broken=1)))
            elif e.state == EnrolmentState.CANCELLED:
                events.append((e.customer_id, e.ended_at.date(), Figures(cancelled=1)))
    payments = s.execute(
        select(Payment.customer_id, Payment.business_date, Payment.kind, Payment.amount,
               Enrolment.state)
        .join(Enrolment, Enrolment.id == Payment.enrolment_id)
        .where(Enrolment.terms_id.in_(terms_ids), Payment.business_date >= start,
               Payment.business_date <= end,
               ~select(Void.id).where(Void.payment_id == Payment.id).exists()))
    for customer, day, kind, amount, state in payments:
        if state == EnrolmentState.REFUSED:
            paid = Figures(refused_credit=amount)
        elif kind == PaymentKind.DOWN_PAYMENT:
            paid = Figures(down_payments=amount)
        else:
            paid = Figures(instalments=amount)
        events.append((customer, day, paid))
    opened = s.execute(
        select(WorkOrder.customer_id, WorkOrder.done_on)
        .join(Enrolment, Enrolment.id == WorkOrder.enrolment_id)
        .where(Enrolment.terms_id.in_(terms_ids), WorkOrder.kind == WorkOrderKind.UNSEAL,
               WorkOrder.state == WorkOrderState.DONE, WorkOrder.done_on >= start,
               WorkOrder.done_on <= end))
    events += [(customer, day, Figures(seals_opened=1)) for customer, day in opened if day]
    return events


def _places(s: Session, customer_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """Customer id → (kelurahan, kecamatan)."""
    ids = sorted(customer_ids)
    places: dict[int, tuple[str, str]] = {}
    for chunk in range(0, len(ids), 500):
        places.update((cid, (kel, kec)) for cid, kel, kec in s.execute(
            select(Customer.id, Customer.kelurahan, Customer.kecamatan)
            .where(Customer.id.in_(ids[chunk:chunk + 500]))))
    return places


def _kelurahan_lines(s: Session, by_customer: dict[int, Figures],
                     places: dict[int, tuple[str, str]]) -> tuple[KelurahanLine, ...]:
    merged: dict[tuple[str, str], Figures] = defaultdict(Figures)
    for customer, figures in by_customer.items():
        merged[places[customer]] += figures
    sealed = {kel: n for kel, n in s.execute(
        select(Customer.kelurahan, func.count()).where(Customer.status == CustomerStatus.SEALED)
        .group_by(Customer.kelurahan))}
    lines = [KelurahanLine(kel, kec, figures, sealed.get(kel, 0))
             for (kel, kec), figures in merged.items()]
    return tuple(sorted(lines, key=lambda x: (-x.figures.enrolled, -x.figures.collected,
                                              x.kelurahan)))


def _day_lines(by_day: dict[dt.date, Figures], start: dt.date, end: dt.date
               ) -> tuple[DayLine, ...]:
    lines, enrolled, collected = [], 0, 0
    for offset in range((end - start).days + 1):
        day = start + dt.timedelta(days=offset)
        figures = by_day.get(day, Figures())
        enrolled += figures.enrolled
        collected += figures.collected
        lines.append(DayLine(day, figures, enrolled, collected))
    return tuple(lines)
