"""Checking that the branch's records were not tampered with or lost.

* the audit chain: no record edited, removed or reordered (``journal.verify_chain``);
* every payment has an audit record (entity ``payment``, its receipt number) that
  carries an outbox event for head office;
* outbox sequence numbers run 1, 2, 3 … per device up to the last number issued;
* receipt numbers run 1, 2, 3 … per counter and year up to the last number issued;
* the newest audit record is the one the last change recorded (none removed at the end);
* the ledger and the outbox equal the audit trail (``audit.ledger``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import AuditRecord, Counter, OutboxEvent, Payment, Sequence
from app.services.audit.journal import ChainReport, head_problem, verify_chain
from app.services.audit.ledger import ledger_findings
from app.services.findings import CHECKS, Finding, FindingCode
from app.services.sequences import NO_YEAR, OUTBOX, RECEIPT


@dataclass(frozen=True)
class Problem:
    # audit_chain / payment_audit / outbox_sequence / receipt_sequence / ledger /
    # outbox_payload
    check: str
    about: Finding  # the record: a payment, a bill, an audit record …
    detail: Finding  # what is wrong with it

    @property
    def subject(self) -> str:
        return self.about.text

    @property
    def text(self) -> str:
        return self.detail.text

    def __str__(self) -> str:
        return f"{self.subject}: {self.text}"

    def said(self, words: Callable[[FindingCode], str]) -> str:
        """``subject: detail`` in the words ``words`` gives each code."""
        return f"{self.about.said(words)}: {self.detail.said(words)}"

    def checked(self) -> Finding:
        """The problem with its check's name before it (``audit chain: …``)."""
        return Finding.of(FindingCode.CHECK_FAILED, check=Finding.of(CHECKS[self.check]),
                          subject=self.about, detail=self.detail)


@dataclass(frozen=True)
class IntegrityReport:
    chain: ChainReport
    payments: int
    outbox_events: int
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_integrity(session: Session) -> IntegrityReport:
    """Run every check; the first problem listed is the audit chain's, if it has one."""
    chain = verify_chain(session)
    problems: list[Problem] = []
    if not chain.ok:
        problems.append(Problem("audit_chain", _record(chain.first_bad_id),
                                chain.finding or Finding.of(FindingCode.RECORD_CHANGED)))
    elif (missing := head_problem(session)) is not None:
        problems.append(Problem("audit_chain", *missing))
    payments = [(receipt, counter) for receipt, counter in session.execute(
        select(Payment.receipt_no, Payment.counter_id).order_by(Payment.id))]
    problems.extend(_payment_audit_problems(session, [receipt for receipt, _ in payments]))
    problems.extend(_outbox_problems(session))
    problems.extend(_receipt_problems(session, payments))
    problems.extend(Problem(*finding) for finding in ledger_findings(session))
    events = session.scalar(select(func.count()).select_from(OutboxEvent)) or 0
    return IntegrityReport(chain, len(payments), events, tuple(problems))


def _payment_audit_problems(session: Session, receipts: list[str]) -> Iterable[Problem]:
    with_event = set(session.scalars(select(OutboxEvent.audit_id).distinct()))
    audits: dict[str, list[int]] = defaultdict(list)
    for audit_id, receipt in session.execute(
            select(AuditRecord.id, AuditRecord.entity_id).where(AuditRecord.entity == "payment")):
        audits[receipt].append(audit_id)
    for receipt in receipts:
        if receipt not in audits:
            yield Problem("payment_audit", _payment(receipt),
                          Finding.of(FindingCode.NO_AUDIT_RECORD))
        elif not with_event.intersection(audits[receipt]):
            yield Problem("payment_audit", _payment(receipt),
                          Finding.of(FindingCode.NO_OUTBOX_EVENT))


def _outbox_problems(session: Session) -> Iterable[Problem]:
    issued = {device: last for device, last in session.execute(
        select(Counter.device_id, Sequence.last_value)
        .join(Sequence, Sequence.counter_id == Counter.id)
        .where(Sequence.name == OUTBOX, Sequence.year == NO_YEAR))}
    seqs: dict[str, list[int]] = defaultdict(list)
    for device, seq in session.execute(
            select(OutboxEvent.device_id, OutboxEvent.seq).order_by(OutboxEvent.seq)):
        seqs[device].append(seq)
    for device in sorted(set(issued) | set(seqs)):
        for gap in _gaps(seqs[device], issued.get(device, 0)):
            yield Problem("outbox_sequence", Finding.of(FindingCode.DEVICE, device=device),
                          Finding.of(FindingCode.OUTBOX_EVENTS_MISSING, gap=gap))


def _receipt_problems(session: Session, payments: list[tuple[str, int]]) -> Iterable[Problem]:
    issued = {(counter, year): last for counter, year, last in session.execute(
        select(Sequence.counter_id, Sequence.year, Sequence.last_value)
        .where(Sequence.name == RECEIPT))}
    numbers: dict[tuple[int, int], list[int]] = defaultdict(list)
    codes: dict[tuple[int, int], Finding] = {}
    for receipt, counter in payments:
        prefix, _, number = receipt.rpartition("-")
        year = prefix.rpartition("-")[2]
        if not (number.isdigit() and year.isdigit()):
            yield Problem("receipt_sequence", _payment(receipt),
                          Finding.of(FindingCode.RECEIPT_NO_MALFORMED))
            continue
        numbers[(counter, int(year))].append(int(number))
        codes[(counter, int(year))] = Finding.of(FindingCode.RECEIPTS, prefix=prefix)
    for key in sorted(set(issued) | set(numbers)):
        name = codes.get(key) or Finding.of(FindingCode.COUNTER_RECEIPTS, counter=key[0],
                                            year=key[1])
        for gap in _gaps(sorted(numbers[key]), issued.get(key, 0)):
            yield Problem("receipt_sequence", name,
                          Finding.of(FindingCode.NUMBERS_MISSING, gap=gap))


def _record(number: int | None) -> Finding:
    return Finding.of(FindingCode.AUDIT_RECORD, id=number if number is not None else "?")


def _payment(receipt: str) -> Finding:
    return Finding.of(FindingCode.PAYMENT, receipt_no=receipt)


def _gaps(values: list[int], last_issued: int) -> Iterable[str]:
    """Ranges missing from 1 … max(last_issued, values), as ``"4"`` or ``"7–9"``."""
    expected = 1
    for value in [*values, max(last_issued, values[-1] if values else 0) + 1]:
        if value > expected:
            yield str(expected) if value - 1 == expected else f"{expected}–{value - 1}"
        expected = max(expected, value + 1)
