"""Reconciliation: what head office holds of this counter's events against the outbox.

Per business day and event type, the count and the amount of the events up to the
acknowledged sequence number are reported to head office (``POST /api/v1/reconcile``,
kept for its own reconciliation) and compared with head office's figures in the answer.
A mismatch is returned (and written to the audit trail) for a supervisor to look at;
it is never "fixed" here.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.models import OutboxEvent
from app.services.audit.journal import record_change
from app.services.sync.protocol import (
    MONEY_TYPES,
    RECONCILE_KEY,
    RECONCILE_PATH,
    UowFactory,
    acked_prefix,
    bad_response,
    get_setting,
    local_device,
    need,
    need_int,
    put_setting,
    refusal,
    sync_actor,
)
from app.services.sync.transport import Transport

Key = tuple[dt.date, str]
MAX_LINES_AUDITED = 50


@dataclass(frozen=True)
class ReconcileLine:
    business_date: dt.date
    type: str
    branch_count: int
    branch_amount: int
    office_count: int
    office_amount: int

    @property
    def matches(self) -> bool:
        return (self.branch_count, self.branch_amount) == (self.office_count, self.office_amount)


@dataclass(frozen=True)
class ReconcileResult:
    through_seq: int
    lines: tuple[ReconcileLine, ...]
    checked_at: dt.datetime

    @property
    def mismatches(self) -> tuple[ReconcileLine, ...]:
        return tuple(line for line in self.lines if not line.matches)

    @property
    def ok(self) -> bool:
        return not self.mismatches


def reconcile(uow_factory: UowFactory, transport: Transport) -> ReconcileResult:
    """Report this counter's figures up to the acknowledged seq to head office, compare
    them with head office's own, and record the outcome."""
    with uow_factory() as uow:
        device = local_device(uow.session)
        through = acked_prefix(uow.session, device.device_id)
        rows = local_rows(uow.session, device.device_id, through)
    status, body = transport.post(RECONCILE_PATH, {
        "device_id": device.device_id, "through_seq": through, "days": rows})
    if status in (404, 405):  # a head office without reports: just ask for its figures
        status, body = transport.get(RECONCILE_PATH, {"device_id": device.device_id,
                                                      "through_seq": str(through)})
    if status != 200:
        raise refusal(status, body)
    office = office_totals(body)
    with uow_factory() as uow:
        result = ReconcileResult(through, compare(_summed(rows), office), uow.now)
        _record(uow.session, uow.now, result)
        uow.commit()
    return result


def local_rows(session: Session, device_id: str, through_seq: int) -> list[dict[str, Any]]:
    """This device's events up to ``through_seq`` per business date, type and status, as
    head office reports its own (``{"business_date", "type", "status", "count", "amount"}``)."""
    amount = case((OutboxEvent.type.in_(MONEY_TYPES)
                   & (func.json_type(OutboxEvent.payload, "$.amount") == "integer"),
                   func.json_extract(OutboxEvent.payload, "$.amount")), else_=0)
    day = func.date(OutboxEvent.created_at)
    query = (select(day, OutboxEvent.type, OutboxEvent.ack_result, func.count(),
                    func.sum(amount))
             .where(OutboxEvent.device_id == device_id, OutboxEvent.seq <= through_seq)
             .group_by(day, OutboxEvent.type, OutboxEvent.ack_result)
             .order_by(day, OutboxEvent.type, OutboxEvent.ack_result))
    return [{"business_date": d, "type": t, "status": s or "applied", "count": int(n),
             "amount": int(a or 0)} for d, t, s, n, a in session.execute(query)]


def _summed(rows: list[dict[str, Any]]) -> dict[Key, tuple[int, int]]:
    totals: dict[Key, tuple[int, int]] = {}
    for row in rows:
        key = (dt.date.fromisoformat(row["business_date"]), row["type"])
        count, amount = totals.get(key, (0, 0))
        totals[key] = (count + row["count"], amount + row["amount"])
    return totals


def office_totals(body: Any) -> dict[Key, tuple[int, int]]:
    """Head office's rows summed per (business date, type) over their statuses."""
    totals: dict[Key, tuple[int, int]] = {}
    for n, row in enumerate(need(body, "days", list, "the reconcile answer")):
        where = f"row {n + 1} of the reconcile answer"
        try:
            day = dt.date.fromisoformat(need(row, "business_date", str, where))
        except ValueError:
            raise bad_response(f"{where}: business_date is not a date") from None
        key = (day, need(row, "type", str, where))
        count, amount = totals.get(key, (0, 0))
        totals[key] = (count + need_int(row, "count", where),
                       amount + need(row, "amount", int, where))
    return totals


def compare(local: dict[Key, tuple[int, int]],
            office: dict[Key, tuple[int, int]]) -> tuple[ReconcileLine, ...]:
    return tuple(ReconcileLine(day, kind, *local.get((day, kind), (0, 0)),
                               *office.get((day, kind), (0, 0)))
                 for day, kind in sorted(set(local) | set(office)))


def last_reconciliation(session: Session) -> dict[str, Any] | None:
    """The outcome of the last reconciliation: ``at``, ``through_seq``, ``mismatches``."""
    text = get_setting(session, RECONCILE_KEY)
    return json.loads(text) if text else None


def _record(session: Session, now: dt.datetime, result: ReconcileResult) -> None:
    put_setting(session, RECONCILE_KEY, json.dumps({
        "at": now.isoformat(), "through_seq": result.through_seq,
        "mismatches": len(result.mismatches)}))
    if result.ok:
        return
    lines = [{"business_date": m.business_date.isoformat(), "type": m.type,
              "branch": [m.branch_count, m.branch_amount],
              "office": [m.office_count, m.office_amount]}
             for m in result.mismatches[:MAX_LINES_AUDITED]]
    record_change(session, sync_actor(session), now, action="sync.mismatch", entity="sync",
                  entity_id=str(result.through_seq),
                  details={"through_seq": result.through_seq,
                           "mismatches": len(result.mismatches), "lines": lines})
