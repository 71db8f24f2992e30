"""The frozen app's smoke test, Qt-free part: a real payment and its receipt PDF.

``loket --smoke-test DIR`` (a hidden option of the desktop entry) makes a small demo
branch in the empty folder ``DIR``, then goes the cashier's way through the services:
log in as the demo cashier, open a shift, enrol the featured customer of the demo with
the down payment, and issue the receipt through the document code the window uses.
The receipt-signing key goes to a key file in ``DIR`` (never the OS credential store).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from app.models.database import database_path
from app.services.demo.branch import DEMO_USERS, FEATURED_CONNECTION_NO, create_demo_branch
from app.services.documents.keys import FileKeyStore
from app.services.documents.printing import issue_receipt
from app.services.documents.receipt_pdf import Paper
from app.services.ledger.accounts import quote
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import Tender
from app.services.shifts import open_shift
from app.services.unit_of_work import UnitOfWork
from app.services.users import log_in

SMOKE_CUSTOMERS = 300
OPENING_FLOAT = 500_000


class BranchLike(Protocol):
    def writing(self) -> UnitOfWork: ...

    def reading(self) -> UnitOfWork: ...


@dataclass(frozen=True)
class SmokeResult:
    cashier: str
    receipt_no: str
    amount: int
    pdf: Path
    pdf_bytes: int


def prepare_demo(data_dir: Path) -> None:
    """A small demo branch in ``data_dir`` (refused if it holds a database already)."""
    if database_path(data_dir).exists():
        raise ValueError(f"{data_dir} already holds a branch database; the smoke test "
                         "needs an empty folder")
    create_demo_branch(data_dir, customers=SMOKE_CUSTOMERS)


def pay_and_print(branch: BranchLike, data_dir: Path) -> SmokeResult:
    """Log in, open a shift, enrol-and-pay the featured customer, issue the receipt."""
    username, password = DEMO_USERS[0][:2]
    actor = log_in(branch.writing(), username, password)
    open_shift(branch.writing(), actor, OPENING_FLOAT)
    offer = quote(branch.reading(), FEATURED_CONNECTION_NO)
    instalments = max(offer.allowed_instalments, default=0)
    down = offer.down_payment if instalments else offer.amount_due
    receipt = enrol_and_pay(branch.writing(), actor, EnrolRequest(
        FEATURED_CONNECTION_NO, instalments, Tender(down, down)))
    issued = issue_receipt(branch.reading(), FileKeyStore(data_dir / "keys"), data_dir,
                           receipt.receipt_no, Paper.ROLL_80)
    pdf = issued.archived.path
    if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF"):
        raise RuntimeError(f"the receipt {receipt.receipt_no} was not archived as a PDF")
    return SmokeResult(username, receipt.receipt_no, receipt.amount, pdf, pdf.stat().st_size)
