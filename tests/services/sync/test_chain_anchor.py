"""The branch's books anchored at head office (the real server): a chain rewritten after
head office anchored it is caught at the next push, and payments stop until head office
and a supervisor clear it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.bootstrap import BranchDatabase
from app.models import AuditRecord, Payment
from app.services.audit.journal import audit_hash, verify_chain
from app.services.audit.key import audit_key
from app.services.backup.restore_block import ReleaseRequest, release_payments
from app.services.context import Actor, local_counter
from app.services.errors import DomainError, ErrorCode
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import Tender
from app.services.sync import (
    Transport,
    open_transport,
    run_sync,
)
from headoffice import exception_queue
from headoffice.cli import main as office_cli
from headoffice.models import AuditAnchor
from tests.cli.test_audit import tamper
from tests.support.fakes import SUPERVISOR
from tests.support.office_server import NO, RunningOffice, start_office
from tests.support.sync_fakes import pay


@pytest.fixture
def office(tmp_path: Path) -> Iterator[RunningOffice]:
    with start_office(tmp_path) as running:
        yield running


@pytest.fixture
def synced(branch: BranchDatabase, cashier: Actor, office: RunningOffice) -> Transport:
    """KPG/L01 registered, its customer pulled, a plan paid and anchored at head office."""
    store = office.register(branch)
    transport = open_transport(branch.reading(), store, timeout=10)
    assert run_sync(branch.writing, transport).ok
    enrol_and_pay(branch.writing(), cashier, EnrolRequest(NO, 3, Tender(300_000, 300_000)))
    assert run_sync(branch.writing, transport).ok
    return transport


def _rewrite(branch: BranchDatabase, receipt_no: str, amount: int) -> None:
    """Someone with the database file *and* the counter's audit key lowers a payment and
    rewrites the whole chain after it so that it verifies again."""
    with branch.writing() as uow:
        s = uow.session
        key = audit_key(local_counter(s)[0].device_id)
        payment = s.scalars(select(Payment).where(Payment.receipt_no == receipt_no)).one()
        payment.amount = amount
        records = list(s.scalars(select(AuditRecord).order_by(AuditRecord.id)))
        prev = None
        for record in records:
            if record.entity_id == receipt_no and record.action == "enrolment.pay":
                record.details = json.dumps(dict(json.loads(record.details), amount=amount))
            if prev is not None:
                record.prev_hash = prev
            record.hash = audit_hash(record, key)
            prev = record.hash
        uow.commit()
    with branch.reading() as uow:
        assert verify_chain(uow.session).ok  # the branch alone cannot tell


def _anchors(office: RunningOffice) -> list[str]:
    with office.db.reading() as session:
        return list(session.scalars(select(AuditAnchor.status).order_by(AuditAnchor.id)))


def test_a_rewritten_chain_is_flagged_and_payments_wait_for_head_office_and_a_supervisor(
        branch: BranchDatabase, cashier: Actor, office: RunningOffice, synced: Transport,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert _anchors(office) == ["anchored", "anchored"]
    _rewrite(branch, "KPG-L01-2025-000001", 100_000)
    run_sync(branch.writing, synced)
    assert _anchors(office)[-1] == "flagged"
    with office.db.reading() as session:
        [flag] = [x for x in exception_queue.list_exceptions(session)
                  if x.reason == "audit_chain_broken"]
    assert "rewritten" in flag.detail
    assert office_cli(["--database-url", office.db.url, "--lang", "en", "reconcile",
                       "--branch", "KPG"]) == 1
    assert f"AUDIT CHAIN FLAGGED: {flag.detail}" in capsys.readouterr().out
    with pytest.raises(DomainError) as refused:
        pay(branch, cashier, NO, 100_000)
    assert refused.value.code == ErrorCode.PAYMENTS_BLOCKED_CHAIN_FLAGGED
    assert "audit chain" in refused.value.message

    release_payments(branch.writing(), cashier, ReleaseRequest(*SUPERVISOR, "cek buku"))
    run_sync(branch.writing, synced)  # head office has not cleared it: still flagged
    with pytest.raises(DomainError):
        pay(branch, cashier, NO, 100_000)

    with office.db.writing() as session:
        exception_queue.resolve(session, flag.id, "books checked against the receipts")
    assert run_sync(branch.writing, synced).ok  # head office accepts the chain as it is
    assert _anchors(office)[-1] == "anchored"
    pay(branch, cashier, NO, 100_000)  # head office and a supervisor cleared it


def test_records_cut_back_past_the_anchored_head_are_flagged(
        branch: BranchDatabase, office: RunningOffice, synced: Transport) -> None:
    with office.db.reading() as session:
        anchored = max(session.scalars(select(AuditAnchor.record_id)))
    tamper(branch, "DELETE FROM audit_record WHERE id >= ?", anchored)
    run_sync(branch.writing, synced)
    assert _anchors(office)[-1] == "flagged"
