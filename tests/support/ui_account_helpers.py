"""Shared steps of the account-screen tests: a UI context, opening an account, a customer
like the press story's (Rp 2.400.000 of arrears: 24 bills of Rp 100.000)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.models import CustomerStatus
from app.services.context import Actor
from app.services.ledger.accounts import get_account
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.instalments import InstalmentRequest, pay_instalment
from app.services.ledger.payments import PaymentReceipt, Tender
from app.services.ledger.voids import VoidRequest, VoidResult, void_payment
from app.ui.account.page import AccountPage
from app.ui.context import UiContext
from app.ui.i18n import install_translator
from tests.support.fakes import SUPERVISOR, add_customer, monthly_bills

PRESS = "0103003217"
D = TypeVar("D", bound=QDialog)


def english(qapp: QApplication) -> Iterator[None]:
    """Run in English and leave the application's locale as it was found."""
    before = QLocale()
    install_translator(qapp, "en")
    yield
    QLocale.setDefault(before)


def indonesian(qapp: QApplication) -> Iterator[None]:
    """Run in Bahasa Indonesia, then back in English with the locale as it was found."""
    before = QLocale()
    translator = install_translator(qapp, "id")
    assert translator is not None, "loket_id.qm is missing: run python scripts/i18n.py compile"
    yield
    QCoreApplication.removeTranslator(translator)
    install_translator(qapp, "en")
    QLocale.setDefault(before)


def ui_context(branch: BranchDatabase, actor: Actor) -> Iterator[UiContext]:
    """A context whose background tasks are finished before the branch closes."""
    ctx = UiContext(branch, actor)
    yield ctx
    ctx.tasks.wait(5000)


def press_customer(branch: BranchDatabase, connection_no: str = PRESS, **kwargs: object) -> str:
    """A sealed customer owing 24 × Rp 100.000 (+ Rp 10.000 penalty each) since 2023."""
    add_customer(branch, connection_no, name="Ahmad Yusuf Bessie",
                 bills=monthly_bills("2023-10", 24, 100_000, 10_000),
                 kelurahan="Penkase Oeleta", address="Jl. Oeleta Raya No. 27",
                 **kwargs)  # type: ignore[arg-type]
    return connection_no


def active_customer(branch: BranchDatabase, connection_no: str = "0204001187") -> str:
    add_customer(branch, connection_no, name="Maria Fanggidae", status=CustomerStatus.ACTIVE)
    return connection_no


def open_account(qtbot: QtBot, ctx: UiContext, connection_no: str) -> AccountPage:
    page = AccountPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.show_customer(connection_no)
    return page


def reload(qtbot: QtBot, page: AccountPage) -> None:
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.reload()


def current_dialog[D: QDialog](page: AccountPage, kind: type[D]) -> D:
    dialog = page.flows.dialog
    assert isinstance(dialog, kind), f"expected a {kind.__name__}, found {dialog!r}"
    assert dialog.isVisible()
    return dialog


def enrol(branch: BranchDatabase, actor: Actor, connection_no: str = PRESS, count: int = 3,
          amount: int = 1_200_000) -> PaymentReceipt:
    return enrol_and_pay(branch.writing(), actor,
                         EnrolRequest(connection_no, count, Tender(amount, amount)))


def pay(branch: BranchDatabase, actor: Actor, amount: int, connection_no: str = PRESS
        ) -> PaymentReceipt:
    return pay_instalment(branch.writing(), actor,
                          InstalmentRequest(connection_no, Tender(amount, amount)))


def receipts_of(branch: BranchDatabase, connection_no: str) -> list[str]:
    """Receipt numbers of the customer's payments, newest first (what the DB holds)."""
    return [p.receipt_no for p in get_account(branch.reading(), connection_no).payments]


def void_receipt(branch: BranchDatabase, actor: Actor, receipt_no: str,
                 reason: str = "wrong amount typed") -> VoidResult:
    """The supervisor voids ``receipt_no`` (straight through the service)."""
    return void_payment(branch.writing(), actor,
                        VoidRequest(receipt_no, reason, SUPERVISOR[0], SUPERVISOR[1]))
