"""``audit verify`` and the integrity checks: tampering and lost records are named."""

from __future__ import annotations

import json
import sqlite3

import pytest

from app.bootstrap import BranchDatabase
from app.cli.main import main
from app.models.database import database_path
from app.services.audit.integrity import IntegrityReport, check_integrity
from app.services.context import Actor
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import Tender
from tests.support.fakes import add_customer, monthly_bills

CUSTOMERS = ("10010001", "10010002", "10010003")


@pytest.fixture
def paid(branch: BranchDatabase, cashier: Actor) -> list[str]:
    """Three customers enrolled and paid: receipts KPG-L01-2025-000001 … 000003."""
    receipts = []
    for conn in CUSTOMERS:
        add_customer(branch, conn, bills=monthly_bills("2025-01", 6, 60_000))
        receipt = enrol_and_pay(branch.writing(), cashier,
                                EnrolRequest(conn, 1, Tender(180_000, 180_000)))
        receipts.append(receipt.receipt_no)
    return receipts


def tamper(branch: BranchDatabase, sql: str, *params: object) -> None:
    """Change the database behind the application's back (no triggers, no checks)."""
    db = sqlite3.connect(database_path(branch.data_dir))
    with db:
        db.execute(sql, params)
    db.close()


def verify(branch: BranchDatabase, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str,
                                                                                          object],
                                                                         str]:
    code = main(["--data-dir", str(branch.data_dir), "--lang", "en", "audit", "verify",
                 "--json"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def integrity(branch: BranchDatabase) -> IntegrityReport:
    with branch.reading() as uow:
        return check_integrity(uow.session)


def test_a_clean_branch_verifies(branch: BranchDatabase, paid: list[str],
                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, data, _ = verify(branch, capsys)
    assert code == 0
    assert data["ok"] is True and data["problems"] == []
    assert data["payments"] == 3
    assert main(["--data-dir", str(branch.data_dir), "audit", "verify"]) == 0
    assert capsys.readouterr().out.startswith("OK: ")


def test_an_edited_audit_record_is_named(branch: BranchDatabase, paid: list[str],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    tamper(branch, "UPDATE audit_record SET details = replace(details, '180000', '18000') "
                   "WHERE entity = 'payment' AND entity_id = ?", paid[1])
    with sqlite3.connect(database_path(branch.data_dir)) as db:
        [(bad_id,)] = db.execute("SELECT id FROM audit_record WHERE entity_id = ?", (paid[1],))
    db.close()
    code, data, err = verify(branch, capsys)
    assert code == 1
    assert data["ok"] is False and data["first_bad_id"] == bad_id
    assert data["error"]["code"] == "audit_failed"  # type: ignore[index]
    assert f"audit record {bad_id}: its contents were changed" in err
    assert main(["--data-dir", str(branch.data_dir), "--lang", "en", "audit", "verify"]) == 1
    assert f"audit record {bad_id}: its contents were changed" in capsys.readouterr().out


def test_a_deleted_audit_record_is_named(branch: BranchDatabase, paid: list[str],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    tamper(branch, "DELETE FROM audit_record WHERE id = 2")
    code, data, err = verify(branch, capsys)
    assert code == 1 and data["first_bad_id"] == 2
    assert "audit record 2: record 2 is missing" in err


def test_deleting_the_newest_payment_record_is_noticed(branch: BranchDatabase, paid: list[str],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    tamper(branch, "DELETE FROM audit_record WHERE entity_id = ?", paid[2])
    code, data, err = verify(branch, capsys)
    assert code == 1
    texts = [str(p["subject"]) + ": " + str(p["text"]) for p in data["problems"]]  # type: ignore[attr-defined]
    assert f"payment {paid[2]}: has no audit record" in texts
    assert "named by an event" in err


def test_a_payment_without_its_outbox_event(branch: BranchDatabase, paid: list[str]) -> None:
    tamper(branch, "DELETE FROM outbox_event WHERE audit_id = "
                   "(SELECT id FROM audit_record WHERE entity_id = ?)", paid[0])
    report = integrity(branch)
    assert report.chain.ok and not report.ok
    found = {(p.check, p.subject, p.text) for p in report.problems}
    assert ("payment_audit", f"payment {paid[0]}", "has no outbox event for head office") in found
    assert any(p.check == "outbox_sequence" and "missing" in p.text for p in report.problems)


def test_a_missing_receipt_number_is_a_gap(branch: BranchDatabase, paid: list[str]) -> None:
    for table in ("bill_allocation", "instalment_allocation"):
        tamper(branch, f"DELETE FROM {table} WHERE payment_id = "
                       "(SELECT id FROM payment WHERE receipt_no = ?)", paid[1])
    tamper(branch, "DELETE FROM payment WHERE receipt_no = ?", paid[1])
    report = integrity(branch)
    [problem] = [p for p in report.problems if p.check != "ledger"]
    assert (problem.check, problem.subject, problem.text) == (
        "receipt_sequence", "receipts KPG-L01-2025", "number(s) 2 missing")
    # the paid amounts of its bills that no payment explains any more
    assert {p.subject.split()[0] for p in report.problems if p.check == "ledger"} == {"bill"}


def test_the_last_receipt_number_taken_must_exist(branch: BranchDatabase, paid: list[str]) -> None:
    tamper(branch, "UPDATE number_sequence SET last_value = 5 WHERE name = 'receipt'")
    [problem] = integrity(branch).problems
    assert problem.text == "number(s) 4–5 missing"
