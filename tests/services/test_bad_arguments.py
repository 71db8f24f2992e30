"""Service arguments of the wrong type, and stored text holding control characters, are
refused with a coded error and write nothing (finding 6: a count of ``2.0``; finding 8:
money received over the limit names the money received)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.customer_changes import request_customer_change
from app.services.errors import DomainError, ErrorCode
from app.services.ledger.accounts import quote
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.instalments import InstalmentRequest, pay_instalment
from app.services.ledger.payments import Tender
from app.services.ledger.voids import VoidRequest, void_payment
from app.services.programmes import find_programme
from app.services.quoting import allowed_counts, schedule
from app.services.shifts import CashCount, count_cash, open_shift, sign_off
from app.services.terms import PromotionTerms
from app.ui.error_text import error_text
from app.ui.i18n import install_translator
from app.ui.kit.money_edit import MoneyEdit
from tests.services.ledger.test_enrolment import table_counts
from tests.support.fakes import SUPERVISOR, add_customer, monthly_bills

NO = "10012345"
OK = Tender(1_200_000, 1_200_000)


@pytest.fixture
def customer(branch: BranchDatabase) -> str:
    add_customer(branch, NO, name="Harun Bessie",
                 bills=monthly_bills("2021-11", 48, 50_000, penalty=5_000))
    return NO


def refused(branch: BranchDatabase, call: Callable[[], Any]) -> DomainError:
    before = table_counts(branch)
    with pytest.raises(DomainError) as caught:
        call()
    assert table_counts(branch) == before
    assert caught.value.message
    return caught.value


ENROLMENTS: list[tuple[str, EnrolRequest, ErrorCode, str]] = [
    ("a float count", EnrolRequest(NO, 3.0, OK), ErrorCode.ARGUMENT_INVALID,  # type: ignore[arg-type]
     "the instalment count must be a whole number, not 3.0"),
    ("a true count", EnrolRequest(NO, True, OK), ErrorCode.ARGUMENT_INVALID,
     "the instalment count must be a whole number, not True"),
    ("a text count", EnrolRequest(NO, "3", OK), ErrorCode.ARGUMENT_INVALID,  # type: ignore[arg-type]
     "not '3'"),
    ("a text amount", EnrolRequest(NO, 3, Tender("1200000", 1_200_000)),  # type: ignore[arg-type]
     ErrorCode.AMOUNT_MALFORMED, "1200000"),
    ("a true amount", EnrolRequest(NO, 3, Tender(True, True)), ErrorCode.AMOUNT_MALFORMED,
     "True"),
    ("a number as connection", EnrolRequest(10012345, 3, OK),  # type: ignore[arg-type]
     ErrorCode.ARGUMENT_INVALID, "the connection number must be text"),
    ("money received over the limit", EnrolRequest(NO, 3, Tender(1_200_000, 10**12)),
     ErrorCode.TENDERED_TOO_LARGE, "the money received (Rp 1.000.000.000.000) is larger"),
    ("a NUL in the reference", EnrolRequest(NO, 3, Tender(1_200_000, 0, "transfer", "TRF\x00")),
     ErrorCode.TEXT_INVALID, "the reference holds the character NUL (U+0000) at position 4"),
]


@pytest.mark.parametrize(("case", "request_", "code", "said"), ENROLMENTS,
                         ids=[c[0] for c in ENROLMENTS])
def test_enrolment_arguments_are_checked_by_type(
        branch: BranchDatabase, customer: str, cashier: Actor, case: str, request_: EnrolRequest,
        code: ErrorCode, said: str) -> None:
    assert 3 in quote(branch.reading(), customer).allowed_instalments  # 3.0 == 3 passed
    error = refused(branch, lambda: enrol_and_pay(branch.writing(), cashier, request_))
    assert error.code == code and said in error.message, error.message


def test_instalments_voids_shifts_and_changes_check_their_arguments(
        branch: BranchDatabase, customer: str, cashier: Actor) -> None:
    receipt = enrol_and_pay(branch.writing(), cashier, EnrolRequest(customer, 3, OK))
    calls: list[tuple[Callable[[], Any], ErrorCode]] = [
        (lambda: pay_instalment(branch.writing(), cashier, InstalmentRequest(
            customer, Tender(400_000.0, 400_000.0))), ErrorCode.AMOUNT_MALFORMED),  # type: ignore[arg-type]
        (lambda: pay_instalment(branch.writing(), cashier, InstalmentRequest(
            customer, Tender(400_000, True))), ErrorCode.AMOUNT_MALFORMED),
        (lambda: pay_instalment(branch.writing(), cashier, InstalmentRequest(
            None, Tender(400_000, 400_000))), ErrorCode.ARGUMENT_INVALID),  # type: ignore[arg-type]
        (lambda: void_payment(branch.writing(), cashier, VoidRequest(
            receipt.receipt_no, "salah\x00input", *SUPERVISOR)), ErrorCode.TEXT_INVALID),
        (lambda: void_payment(branch.writing(), cashier, VoidRequest(
            receipt.receipt_no, 42, *SUPERVISOR)), ErrorCode.ARGUMENT_INVALID),  # type: ignore[arg-type]
        (lambda: open_shift(branch.writing(), cashier, 5e5), ErrorCode.COUNT_INVALID),  # type: ignore[arg-type]
        (lambda: count_cash(branch.writing(), cashier, CashCount({100_000: 2.0})),  # type: ignore[dict-item]
         ErrorCode.COUNT_INVALID),
        (lambda: count_cash(branch.writing(), cashier, CashCount(coins="500")),  # type: ignore[arg-type]
         ErrorCode.COUNT_INVALID),
        (lambda: request_customer_change(branch.writing(), cashier, customer,
                                         {"name": "Harun\x1b[31m Bessie"}, "typo"),
         ErrorCode.TEXT_INVALID),
        (lambda: request_customer_change(branch.writing(), cashier, customer,
                                         {"address": "Jl. \u202eKenari"}, "moved"),
         ErrorCode.TEXT_INVALID),
    ]
    for call, code in calls:
        assert refused(branch, call).code == code
    count_cash(branch.writing(), cashier, CashCount({100_000: 17}))
    error = refused(branch, lambda: sign_off(branch.writing(), cashier, *SUPERVISOR,
                                             note="ok\x00"))
    assert error.code == ErrorCode.TEXT_INVALID


def test_quoting_refuses_counts_that_are_not_whole_numbers(branch: BranchDatabase) -> None:
    with branch.reading() as uow:
        _, terms = find_programme(uow.session, None, uow.today)
    assert isinstance(terms, PromotionTerms)
    for call in (lambda: schedule(terms, 900_000, 2.0, dt.date(2025, 11, 24)),  # type: ignore[arg-type]
                 lambda: schedule(terms, "900000", 2, dt.date(2025, 11, 24)),  # type: ignore[arg-type]
                 lambda: allowed_counts(terms, 9e5)):  # type: ignore[arg-type]
        with pytest.raises(DomainError) as caught:
            call()
        assert caught.value.code == ErrorCode.ARGUMENT_INVALID


def test_money_received_over_the_limit_is_named_in_both_languages(qapp: Any) -> None:
    error = DomainError(ErrorCode.TENDERED_TOO_LARGE, tendered="Rp 20.000.000.000",
                        limit="Rp 10.000.000.000")
    install_translator(qapp, "en")
    assert error_text(error) == ("The money received (Rp 20.000.000.000) is more than Loket "
                                 "accepts (Rp 10.000.000.000).")
    received, amount = MoneyEdit(received=True), MoneyEdit()  # as typed in the dialog
    received.setText("20.000.000.000")
    amount.setText("20.000.000.000")
    assert received.problem() == error_text(error)
    assert amount.problem() == "Rp 20.000.000.000 is more than Loket accepts (Rp 10.000.000.000)."
    before = QLocale()
    translator = install_translator(qapp, "id")
    assert translator is not None
    try:
        assert error_text(error) == ("Uang diterima (Rp 20.000.000.000) melebihi batas yang "
                                     "diterima Loket (Rp 10.000.000.000).")
    finally:
        QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(before)
