"""One catalogue of error texts; errors carry plain values, amounts shown as rupiah."""

from __future__ import annotations

import re

import pytest

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.errors import ADMIN_TEXTS, RUPIAH, TEXTS, DomainError, ErrorCode
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.instalments import InstalmentRequest, pay_instalment
from app.services.ledger.payments import Tender
from app.services.money import MAX_AMOUNT, parse_amount
from tests.support.fakes import add_customer, monthly_bills

NO = "10012345"


def placeholders(template: str) -> set[str]:
    return set(re.findall(r"{(\w+)}", template))


def test_every_code_has_one_sentence_and_the_admin_variants_are_few() -> None:
    assert set(TEXTS) == set(ErrorCode)
    assert set(ADMIN_TEXTS) < set(ErrorCode) and len(ADMIN_TEXTS) < len(ErrorCode) // 4
    for code, names in RUPIAH.items():
        assert set(names) <= placeholders(TEXTS[code]), code


def test_a_refused_payment_carries_integers_and_says_rupiah(
        branch: BranchDatabase, cashier: Actor) -> None:
    add_customer(branch, NO, bills=monthly_bills("2021-11", 48, 50_000, penalty=5_000))
    enrol_and_pay(branch.writing(), cashier, EnrolRequest(NO, 3, Tender(1_200_000, 1_200_000)))
    with pytest.raises(DomainError) as refused:
        pay_instalment(branch.writing(), cashier, InstalmentRequest(
            NO, Tender(2_400_000, 2_400_000)))
    error = refused.value
    assert error.code is ErrorCode.AMOUNT_ABOVE_BALANCE
    assert error.params == {"amount": 2_400_000, "balance": 1_200_000}
    assert error.message == "Rp 2.400.000 is more than the Rp 1.200.000 still owed."


@pytest.mark.parametrize(("code", "params", "said"), [
    (ErrorCode.AMOUNT_BELOW_DUE, {"amount": 1_000_000, "due": 1_200_000},
     "Rp 1.000.000 is less than the Rp 1.200.000 due."),
    (ErrorCode.TENDERED_BELOW_AMOUNT, {"tendered": 50_000, "amount": 400_000},
     "The money received (Rp 50.000) is less than Rp 400.000."),
    (ErrorCode.TENDERED_TOO_LARGE, {"tendered": 20_000_000_000, "limit": MAX_AMOUNT},
     "The money received (Rp 20.000.000.000) is more than Loket accepts "
     "(Rp 10.000.000.000)."),
])
def test_amounts_are_formatted_when_said_not_when_raised(
        code: ErrorCode, params: dict[str, int], said: str) -> None:
    assert DomainError(code, **params).message == said


def test_a_typed_amount_too_large_is_refused_with_both_figures() -> None:
    with pytest.raises(DomainError) as refused:
        parse_amount("20000000000")
    assert refused.value.params == {"amount": 20_000_000_000, "limit": MAX_AMOUNT}
    assert "Rp 20.000.000.000" in refused.value.message
    assert "Rp 10.000.000.000" in refused.value.message


def test_the_admin_cli_gets_the_names_the_window_shows_around_the_field() -> None:
    error = DomainError(ErrorCode.VALUE_REQUIRED, field="the branch code")
    assert error.message == "the branch code must not be empty."
    assert TEXTS[ErrorCode.VALUE_REQUIRED] == "Fill this in."


def test_a_text_that_does_not_fit_its_parameters_still_names_the_code() -> None:
    error = DomainError(ErrorCode.AMOUNT_BELOW_DUE, amount=5)
    assert error.message.startswith("amount_below_due")
