"""The slow work behind the account screen, run in the background (no widgets here):
loading an account with its archived documents, and issuing receipts, agreements and
work orders into the archive."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.bootstrap import BranchDatabase
from app.services.customer_changes import ChangeRequestInfo, list_change_requests
from app.services.documents.archive import KINDS, ArchivedDocument, account_with_documents
from app.services.documents.keys import default_key_store
from app.services.documents.printing import issue_agreement, issue_receipt, issue_work_order
from app.services.documents.receipt_pdf import Paper
from app.services.ledger.accounts import Account, some_connection_no
from app.services.ledger.payments import PaymentReceipt

DEFAULT_PAPER = Paper.ROLL_80


@dataclass(frozen=True)
class LoadedAccount:
    account: Account
    documents: tuple[ArchivedDocument, ...]  # newest first
    change_requests: tuple[ChangeRequestInfo, ...]  # newest first


@dataclass(frozen=True)
class PaymentDocuments:
    receipt: Path
    agreement: Path | None
    work_order: Path | None
    receipt_doc: ArchivedDocument  # the receipt's archived print (its copy number)


def load_account(branch: BranchDatabase, connection_no: str) -> LoadedAccount:
    """The account, every archived print of it and its change requests: all the page
    shows, so it is filled (and laid out and painted) once."""
    account, docs = account_with_documents(branch.reading(), branch.data_dir, connection_no)
    newest_first = sorted(docs, key=lambda d: (d.day, -KINDS.index(d.kind), d.number,
                                               d.copy_no), reverse=True)
    requests = list_change_requests(branch.reading(), account.customer.connection_no)
    return LoadedAccount(account, tuple(newest_first), tuple(requests))


def ready_account_loading(branch: BranchDatabase) -> bool:
    """Load one account and drop it, so the statements of :func:`load_account` are
    compiled and the reading connection's cache is warm before the first customer's
    scan; False in a branch with no customers."""
    number = some_connection_no(branch.reading())
    if number is None:
        return False
    load_account(branch, number)
    return True


def receipt_file(branch: BranchDatabase, receipt_no: str, paper: Paper = DEFAULT_PAPER
                 ) -> ArchivedDocument:
    """Issue the receipt (a SALINAN when printed before) into the archive."""
    issued = issue_receipt(branch.reading(), default_key_store(branch.data_dir),
                           branch.data_dir, receipt_no, paper)
    return issued.archived


def work_order_file(branch: BranchDatabase, number: str) -> Path:
    return issue_work_order(branch.reading(), branch.data_dir, number).archived.path


def payment_documents(branch: BranchDatabase, receipt: PaymentReceipt,
                      paper: Paper = DEFAULT_PAPER,
                      receipt_doc: ArchivedDocument | None = None) -> PaymentDocuments:
    """The receipt (``receipt_doc`` when it was issued already, e.g. to print it first);
    after an enrolment also the unseal work order and the agreement."""
    if receipt_doc is None:
        receipt_doc = receipt_file(branch, receipt.receipt_no, paper)
    receipt_path = receipt_doc.path
    agreement = order = None
    if receipt.kind == "down_payment":
        agreement = issue_agreement(branch.reading(), branch.data_dir,
                                    receipt.receipt_no).archived.path
        if receipt.work_order_no:
            order = work_order_file(branch, receipt.work_order_no)
    return PaymentDocuments(receipt_path, agreement, order, receipt_doc)
