"""Pushing the outbox: events in sequence order, in batches, acknowledged after the answer.

Each batch is read in a short transaction, sent with no transaction open, and — once
head office's answer has been read and checked — marked acknowledged in one local
transaction. A lost answer, a crash before that transaction or a damaged answer leaves
the events pending: the next push sends them again and head office returns its stored
results. Acknowledged events are never deleted: if head office was restored from a
backup and lacks some, they are sent again from the sequence number it asks for. If
head office holds *more* of this counter's events than the counter has, the branch
database was restored from an old backup: the push stops with ``SYNC_BRANCH_RESTORED``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from app.models import OutboxEvent
from app.services.sync.acks import Ack, RejectedEvent, parse_results, record_acks
from app.services.sync.chain_anchor import chain_head, chain_problem, take_answer
from app.services.sync.progress import ProgressFn, report_progress
from app.services.sync.protocol import (
    ACKED_THROUGH_KEY,
    MAX_BATCH,
    PUSH_PATH,
    CancelCheck,
    Device,
    UowFactory,
    acked_prefix,
    bad_response,
    error_code,
    event_to_wire,
    first_pending_seq,
    local_device,
    max_seq,
    need_int,
    pending_count,
    put_setting,
    refusal,
)
from app.services.sync.restored import BranchRestored, check_sequence, forget, remember
from app.services.sync.transport import Transport


@dataclass(frozen=True)
class PushResult:
    """``sent`` counts events sent (again, after a lost answer); ``resent`` those that were
    acknowledged before and that head office had lost."""

    sent: int
    acked: int
    duplicates: int
    resent: int
    rejected: tuple[RejectedEvent, ...]
    acked_through: int
    cancelled: bool = False


@dataclass(frozen=True)
class _Outgoing:
    id: str
    seq: int
    acked: bool
    wire: dict[str, Any]


@dataclass
class _Tally:
    sent: int = 0
    acked: int = 0
    duplicates: int = 0
    resent: int = 0
    rejected: list[RejectedEvent] = field(default_factory=list)
    acked_through: int = 0
    audit: str = ""  # head office's last answer on the chain head (chain_anchor.py)

    def result(self, cancelled: bool = False) -> PushResult:
        return PushResult(self.sent, self.acked, self.duplicates, self.resent,
                          tuple(self.rejected), self.acked_through, cancelled)


def push_outbox(uow_factory: UowFactory, transport: Transport, *,
                progress: ProgressFn | None = None, cancel: CancelCheck | None = None,
                batch_size: int = MAX_BATCH) -> PushResult:
    """Send every pending event; with none pending, ask head office how far it holds ours."""
    try:
        return _push(uow_factory, transport, progress, cancel, batch_size)
    except BranchRestored as behind:
        remember(uow_factory, behind)
        raise


def _push(uow_factory: UowFactory, transport: Transport, progress: ProgressFn | None,
          cancel: CancelCheck | None, batch_size: int) -> PushResult:
    with uow_factory() as uow:
        device = local_device(uow.session)
        first = first_pending_seq(uow.session, device.device_id)
        next_seq = first if first is not None else max_seq(uow.session, device.device_id) + 1
        total = pending_count(uow.session, device.device_id)
        problem = chain_problem(uow.session)
    tally, answered, size = _Tally(), False, min(batch_size, MAX_BATCH)
    while True:
        if cancel is not None and cancel():
            return tally.result(cancelled=True)
        batch, audit = _load(uow_factory, device, next_seq, size, problem)
        if not batch and answered and tally.audit != "stale":
            return tally.result()
        tally.audit = "sent again" if tally.audit == "stale" else tally.audit
        status, body = transport.post(PUSH_PATH, {
            "device_id": device.device_id, "branch": device.branch,
            "events": [e.wire for e in batch], "audit": audit})
        if status == 200:
            answered = True
            next_seq = _accept(uow_factory, device, batch, body, tally)
            report_progress(progress, "push", min(tally.acked, total), total, transport)
        elif status == 409 and error_code(body) == "sequence_gap":
            next_seq = _resend_from(uow_factory, device, batch, next_seq, body)
        elif status == 413 and size > 1:
            size = max(1, size // 2)
        else:
            raise refusal(status, body)


def check_not_behind(uow_factory: UowFactory, transport: Transport) -> int:
    """At start-up: ask head office (an empty push) how far it holds this counter's
    events; ``SYNC_BRANCH_RESTORED`` if beyond this database's outbox. Returns it."""
    with uow_factory() as uow:
        device = local_device(uow.session)
        local = max_seq(uow.session, device.device_id)
    status, body = transport.post(PUSH_PATH, {
        "device_id": device.device_id, "branch": device.branch, "events": []})
    if status != 200:
        raise refusal(status, body)
    _, acked_through = parse_results(body)
    try:
        check_sequence(local, acked_through)
    except BranchRestored as behind:
        remember(uow_factory, behind)
        raise
    return acked_through


def _accept(uow_factory: UowFactory, device: Device, batch: list[_Outgoing], body: Any,
            tally: _Tally) -> int:
    """Check a 200 answer, mark the batch acknowledged; the next seq to send."""
    acks, acked_through = parse_results(body)
    _check_covers(batch, acks, acked_through)
    with uow_factory() as uow:
        check_sequence(max_seq(uow.session, device.device_id), acked_through)
        outcome = record_acks(uow.session, device.device_id, uow.now, acks)
        put_setting(uow.session, ACKED_THROUGH_KEY, str(acked_through))
        forget(uow.session, uow.now)
        audit = take_answer(uow.session, uow.now, body)
        prefix = acked_prefix(uow.session, device.device_id)
        uow.commit()
    tally.sent += len(batch)
    tally.acked += outcome.acked
    tally.duplicates += outcome.duplicates
    tally.resent += sum(1 for e in batch if e.acked)
    tally.rejected.extend(outcome.rejected)
    tally.acked_through = acked_through
    if tally.audit != "sent again" or audit != "stale":  # a head named again once, at most
        tally.audit = audit
    if not batch and acked_through < prefix:
        return acked_through + 1  # head office lacks events it had acknowledged
    return batch[-1].seq + 1 if batch else prefix + 1


def _check_covers(batch: list[_Outgoing], acks: list[Ack], acked_through: int) -> None:
    if sorted(a.id for a in acks) != sorted(e.id for e in batch):
        raise bad_response("the push answer does not list exactly the events sent")
    if batch and acked_through < batch[-1].seq:
        raise bad_response("the push answer holds fewer events than it acknowledged")


def _resend_from(uow_factory: UowFactory, device: Device, batch: list[_Outgoing],
                 next_seq: int, body: Any) -> int:
    """A sequence gap: send again from an earlier seq, or stop if the branch is behind."""
    expected = need_int(body, "expected_seq", "the sequence-gap answer", minimum=1)
    first = batch[0].seq if batch else next_seq
    if expected > first:
        with uow_factory() as uow:
            local = max_seq(uow.session, device.device_id)
        raise BranchRestored(expected - 1, local)
    if expected == first:
        raise bad_response(f"head office asks for event {expected}, which it was sent")
    return expected


def _load(uow_factory: UowFactory, device: Device, from_seq: int, size: int,
          problem: str) -> tuple[list[_Outgoing], dict[str, Any]]:
    """The next batch and the chain head to send with it."""
    with uow_factory() as uow:
        rows = uow.session.scalars(select(OutboxEvent).where(
            OutboxEvent.device_id == device.device_id, OutboxEvent.seq >= from_seq)
            .order_by(OutboxEvent.seq).limit(size))
        batch = [_Outgoing(r.id, r.seq, r.acked_at is not None, event_to_wire(r)) for r in rows]
        return batch, chain_head(uow.session, problem)
