"""``loket-admin receipt verify``: a genuine receipt code passes, a tampered one fails."""

from __future__ import annotations

import json

import pytest

from app.bootstrap import BranchDatabase
from app.cli.main import main
from app.services.context import Actor
from app.services.documents.keys import default_key_store, receipt_key
from app.services.documents.printing import receipt_payload
from app.services.documents.receipt_data import receipt_document
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import Tender
from tests.support.fakes import add_customer, monthly_bills


@pytest.fixture
def payload(branch: BranchDatabase, cashier: Actor) -> str:
    add_customer(branch, "10012345", bills=monthly_bills("2021-11", 48, 50_000))
    receipt = enrol_and_pay(branch.writing(), cashier, EnrolRequest(
        "10012345", 3, Tender(1_200_000, 1_200_000)))
    key = receipt_key(default_key_store(branch.data_dir), "KPG")
    assert key is not None
    return receipt_payload(receipt_document(branch.reading(), receipt.receipt_no), key)


def verify(branch: BranchDatabase, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int,
                                                                                           dict]:  # type: ignore[type-arg]
    code = main(["--data-dir", str(branch.data_dir), "--json", "receipt", "verify", text])
    return code, json.loads(capsys.readouterr().out)


def test_a_genuine_receipt_verifies(
    branch: BranchDatabase, payload: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, result = verify(branch, payload, capsys)
    assert code == 0
    assert result["genuine"] and result["receipt_no"] == "KPG-L01-2025-000001"
    assert result["amount"] == 1_200_000


def test_a_tampered_amount_fails(
    branch: BranchDatabase, payload: str, capsys: pytest.CaptureFixture[str]
) -> None:
    tampered = payload.replace("1200000", "2200000")
    assert tampered != payload
    code, result = verify(branch, tampered, capsys)
    assert code == 1 and not result["genuine"]
    assert "signature" in result["problem"]


def test_garbage_is_not_a_receipt(branch: BranchDatabase,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    code, result = verify(branch, "hello", capsys)
    assert code == 1 and not result["valid"]
