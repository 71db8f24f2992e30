"""``audit verify`` checks the ledger and the outbox against the audit trail: edits made
outside the audit table are reported (exit 1) naming the receipt, bill or event."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.bootstrap import BranchDatabase
from app.models import AuditRecord
from app.services.audit.journal import audit_hash
from app.services.context import Actor
from app.services.documents.print_log import PrintAttempt, record_print
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.instalments import InstalmentRequest, pay_instalment
from app.services.ledger.payments import Tender
from app.services.ledger.voids import VoidRequest, void_payment
from tests.cli.test_audit import tamper, verify
from tests.support.fakes import SUPERVISOR, add_customer, monthly_bills

CUSTOMER = "10020001"


@pytest.fixture
def books(branch: BranchDatabase, cashier: Actor) -> list[str]:
    """A plan (Rp 180,000 down, 2 instalments over 6 bills of Rp 60,000), one instalment
    paid and one voided, and a printed receipt: receipts 000001 … 000003."""
    add_customer(branch, CUSTOMER, bills=monthly_bills("2025-01", 6, 60_000))
    down = enrol_and_pay(branch.writing(), cashier,
                         EnrolRequest(CUSTOMER, 2, Tender(180_000, 180_000)))
    first = pay_instalment(branch.writing(), cashier,
                           InstalmentRequest(CUSTOMER, Tender(50_000, 50_000)))
    second = pay_instalment(branch.writing(), cashier,
                            InstalmentRequest(CUSTOMER, Tender(40_000, 40_000)))
    void_payment(branch.writing(), cashier, VoidRequest(second.receipt_no, "salah nominal",
                                                        *SUPERVISOR))
    record_print(branch.writing(), cashier, PrintAttempt(first.receipt_no, 0, "EPSON", True))
    return [down.receipt_no, first.receipt_no, second.receipt_no]


def _problems(branch: BranchDatabase, capsys: pytest.CaptureFixture[str]) -> list[str]:
    code, data, _ = verify(branch, capsys)
    problems = data["problems"]
    assert isinstance(problems, list)
    assert (code == 0) == (problems == [])
    return [f"{p['subject']}: {p['text']}" for p in problems]


def test_untouched_books_verify(branch: BranchDatabase, books: list[str],
                                capsys: pytest.CaptureFixture[str]) -> None:
    assert _problems(branch, capsys) == []


def test_bills_paid_before_loket_verify_but_not_beyond_what_they_cost(
        branch: BranchDatabase, books: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Head office's history (bills paid before Loket, with no payment at this counter)
    is no tampering; a bill showing more paid than it costs is."""
    add_customer(branch, "10020002", bills=monthly_bills("2024-01", 3, 70_000))
    tamper(branch, "UPDATE bill SET paid_amount = 70000, settled = 1 WHERE customer_id = "
                   "(SELECT id FROM customer WHERE connection_no = '10020002')")
    assert _problems(branch, capsys) == []
    tamper(branch, "UPDATE bill SET paid_amount = 90000 WHERE period = '2024-02'")
    assert _problems(branch, capsys) == [
        "bill 10020002 2024-02: paid amount 90000 is more than the bill costs (70000)"]


def test_a_payment_amount_changed_in_the_database_is_named(
        branch: BranchDatabase, books: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    tamper(branch, "UPDATE payment SET amount = 5000 WHERE receipt_no = ?", books[1])
    problems = _problems(branch, capsys)
    assert any(p.startswith(f"payment {books[1]}: amount is 5000 in the ledger but 50000")
               for p in problems), problems


def test_an_edited_outbox_payload_is_named(
        branch: BranchDatabase, books: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    tamper(branch, "UPDATE outbox_event SET payload = replace(payload, '\"amount\":50000', "
                   "'\"amount\":5000') WHERE type = 'instalment.paid'")
    problems = _problems(branch, capsys)
    assert len(problems) == 1 and problems[0].startswith("outbox event "), problems
    assert "(instalment.paid): amount, instalments differ(s) from audit record" in problems[0]


def test_bills_marked_paid_are_named(branch: BranchDatabase, books: list[str],
                                     capsys: pytest.CaptureFixture[str]) -> None:
    tamper(branch, "UPDATE bill SET settled = 1")
    problems = _problems(branch, capsys)
    assert problems and all(p.startswith(f"bill {CUSTOMER} 2025-0") for p in problems)
    assert any("is settled with" in p for p in problems), problems
    tamper(branch, "UPDATE bill SET paid_amount = water_charge + fees")
    assert any("paid amount 60000 differs from its payments' allocations" in p
               for p in _problems(branch, capsys))


def test_a_void_or_an_instalment_changed_in_the_database_is_named(
        branch: BranchDatabase, books: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    tamper(branch, "DELETE FROM payment_void")
    assert f"payment {books[2]}: audit record 10 voids it, but the ledger has no void" in \
        _problems(branch, capsys)


def test_a_plan_schedule_changed_in_the_database_is_named(
        branch: BranchDatabase, books: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    tamper(branch, "UPDATE instalment SET amount = amount - 10000 WHERE number = 2")
    problems = _problems(branch, capsys)
    assert any(p.startswith("enrolment ") and "schedule is" in p for p in problems), problems


def test_deleting_the_newest_audit_record_is_named(
        branch: BranchDatabase, books: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    tamper(branch, "DELETE FROM audit_record WHERE id = (SELECT max(id) FROM audit_record)")
    problems = _problems(branch, capsys)
    assert len(problems) == 1 and problems[0].startswith("audit record "), problems
    assert "is missing: the last change wrote it" in problems[0]


def test_a_chain_rewritten_without_the_counters_key_is_named(
        branch: BranchDatabase, books: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Whoever edits a record and rewrites the chain with plain SHA-256 (all one could do
    with the database file alone) is caught: the records are keyed."""
    with branch.writing() as uow:
        records = list(uow.session.scalars(select(AuditRecord).order_by(AuditRecord.id)))
        assert {r.chain for r in records} == {1}
        records[3].details = records[3].details.replace("50000", "5000")
        prev = records[2].hash
        for record in records[3:]:
            record.prev_hash, record.chain = prev, 0
            record.hash = prev = audit_hash(record)
        uow.commit()
    problems = _problems(branch, capsys)
    assert problems[0] == "audit record 4: is not keyed, after keyed records", problems
