"""The document archive: every generated PDF kept under the branch's data folder.

Layout: ``<data_dir>/archive/<YYYY>/<MM>/<DD>/<kind>-<number>[-salinan-N].pdf``, dated
by the document's own date (the payment, the enrolment, the order's issue), so all
prints of one document sit together. The first print of a document is the original;
every later one is a copy (*salinan*) numbered 1, 2, 3 …. Files are never overwritten.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from app.models import Enrolment, Payment, PaymentKind, WorkOrder
from app.services.documents.agreement_data import agreement_number
from app.services.ledger.accounts import Account, account_of, find_customer
from app.services.unit_of_work import UnitOfWork

RECEIPT, AGREEMENT, WORK_ORDER = "kwitansi", "perjanjian", "spk"
LPP, PROGRESS = "lpp", "perkembangan"  # reports: daily receipts, programme progress
KINDS = (RECEIPT, AGREEMENT, WORK_ORDER, LPP, PROGRESS)
_NUMBER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class ArchivedDocument:
    kind: str
    number: str
    day: dt.date
    copy_no: int  # 0 = the original
    path: Path


def archive_root(data_dir: Path) -> Path:
    return data_dir / "archive"


def document_path(data_dir: Path, kind: str, number: str, day: dt.date, copy_no: int) -> Path:
    """Where a document (``copy_no`` 0 = original) is kept."""
    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}")
    if not _NUMBER.fullmatch(number):
        raise ValueError(f"{number!r} cannot name an archived document")
    suffix = f"-salinan-{copy_no}" if copy_no else ""
    return (archive_root(data_dir) / f"{day:%Y}" / f"{day:%m}" / f"{day:%d}"
            / f"{kind}-{number}{suffix}.pdf")


def prints_of(data_dir: Path, kind: str, number: str, day: dt.date) -> list[ArchivedDocument]:
    """The archived prints of one document, original first."""
    folder = document_path(data_dir, kind, number, day, 0).parent
    if not folder.is_dir():
        return []
    pattern = re.compile(rf"{re.escape(kind)}-{re.escape(number)}(?:-salinan-(\d+))?\.pdf")
    found = []
    for path in folder.iterdir():
        match = pattern.fullmatch(path.name)
        if match:
            found.append(ArchivedDocument(kind, number, day, int(match[1] or 0), path))
    return sorted(found, key=lambda d: d.copy_no)


def next_copy_no(data_dir: Path, kind: str, number: str, day: dt.date) -> int:
    """0 if the document was never printed here, else the next copy number."""
    prints = prints_of(data_dir, kind, number, day)
    return prints[-1].copy_no + 1 if prints else 0


def save_document(data_dir: Path, kind: str, number: str, day: dt.date, copy_no: int,
                  pdf: bytes) -> ArchivedDocument:
    """Keep ``pdf`` in the archive; refuses (``FileExistsError``) to replace a print."""
    path = document_path(data_dir, kind, number, day, copy_no)
    if path.exists():
        raise FileExistsError(f"{path.name} is already archived")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".part")
    partial.write_bytes(pdf)
    os.replace(partial, path)
    return ArchivedDocument(kind, number, day, copy_no, path)


def customer_documents(uow: UnitOfWork, data_dir: Path, connection_no: str
                       ) -> list[ArchivedDocument]:
    """Every archived print for one customer (receipts, agreements, work orders), by date."""
    with uow:
        s = uow.session
        customer = find_customer(s, connection_no)
        receipts = [(no, at.date()) for no, at in s.execute(
            select(Payment.receipt_no, Payment.paid_at)
            .where(Payment.customer_id == customer.id))]
        return documents_of(s, data_dir, customer.id, receipts)


def account_with_documents(uow: UnitOfWork, data_dir: Path, connection_no: str
                           ) -> tuple[Account, list[ArchivedDocument]]:
    """The account screen's whole reading in one unit of work: ``get_account`` and
    ``customer_documents`` (its receipts taken from the account's payments)."""
    with uow:
        s = uow.session
        account = account_of(s, find_customer(s, connection_no), uow.today)
        receipts = [(p.receipt_no, p.paid_at.date()) for p in account.payments]
        return account, documents_of(s, data_dir, account.customer.id, receipts)


_AGREEMENTS = (select(Payment.receipt_no, Enrolment.business_date)
               .join(Enrolment, Enrolment.id == Payment.enrolment_id)
               .where(Payment.customer_id == bindparam("customer_id"),
                      Payment.kind == PaymentKind.DOWN_PAYMENT))
"""Made once: read at every scan (the customer bound at each call)."""
_WORK_ORDERS = (select(WorkOrder.number, WorkOrder.issued_at)
                .where(WorkOrder.customer_id == bindparam("customer_id")))


def documents_of(s: Session, data_dir: Path, customer_id: int,
                 receipts: list[tuple[str, dt.date]]) -> list[ArchivedDocument]:
    """The archived prints of the customer's ``receipts`` (number, day), agreements and
    work orders, by date."""
    wanted = [(RECEIPT, no, day) for no, day in receipts]
    bound = {"customer_id": customer_id}
    wanted += [(AGREEMENT, agreement_number(no), day)
               for no, day in s.execute(_AGREEMENTS, bound)]
    wanted += [(WORK_ORDER, no, at.date()) for no, at in s.execute(_WORK_ORDERS, bound)]
    found = [doc for kind, number, day in wanted for doc in prints_of(data_dir, kind, number, day)]
    return sorted(found, key=lambda d: (d.day, KINDS.index(d.kind), d.number, d.copy_no))
