"""The print log of receipts: every attempt to print one, whether the printer took it.

A receipt counts as printed only when a print job was accepted. Each attempt is kept
(``receipt_print``) with its audit record (``receipt.print`` for the original,
``receipt.reprint`` for a copy), so the account screen can show the printed state and
the reprint count, and a failed print can be found and printed again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import ReceiptPrint
from app.services.audit.journal import record_change
from app.services.context import Actor
from app.services.unit_of_work import UnitOfWork

MAX_PRINTER = 120
MAX_ERROR = 240


@dataclass(frozen=True)
class PrintAttempt:
    receipt_no: str
    copy_no: int  # 0 = the original, N = SALINAN ke-N
    printer: str
    ok: bool
    error: str = ""


@dataclass(frozen=True)
class PrintState:
    receipt_no: str
    printed: bool  # at least one job was accepted
    reprints: int  # copies (SALINAN) that were printed
    failures: int
    last_error: str  # of the latest attempt when it failed, else ""


def record_print(uow: UnitOfWork, actor: Actor, attempt: PrintAttempt) -> PrintState:
    """Keep one print attempt with its audit record; return the receipt's state after it."""
    with uow:
        s = uow.session
        s.add(ReceiptPrint(
            receipt_no=attempt.receipt_no, printed_at=uow.now, copy_no=attempt.copy_no,
            printer=attempt.printer[:MAX_PRINTER], ok=attempt.ok,
            error=attempt.error[:MAX_ERROR]))
        record_change(
            s, actor, uow.now, action="receipt.reprint" if attempt.copy_no else "receipt.print",
            entity="payment", entity_id=attempt.receipt_no,
            details={"copy_no": attempt.copy_no, "printer": attempt.printer,
                     "ok": attempt.ok, "error": attempt.error[:MAX_ERROR]},
            event_type=None)
        state = _state(s, attempt.receipt_no)
        uow.commit()
    return state


def print_state(uow: UnitOfWork, receipt_no: str) -> PrintState:
    """Whether the receipt was printed, how many copies were, the latest failure."""
    with uow:
        return _state(uow.session, receipt_no)


def _state(s: Session, receipt_no: str) -> PrintState:
    rows = list(s.scalars(select(ReceiptPrint).where(ReceiptPrint.receipt_no == receipt_no)
                          .order_by(ReceiptPrint.id)))
    last = rows[-1] if rows else None
    return PrintState(
        receipt_no=receipt_no,
        printed=any(r.ok for r in rows),
        reprints=sum(1 for r in rows if r.ok and r.copy_no > 0),
        failures=sum(1 for r in rows if not r.ok),
        last_error=last.error if last is not None and not last.ok else "")


def print_attempts(uow: UnitOfWork, receipt_no: str) -> list[PrintAttempt]:
    """Every attempt to print the receipt, oldest first."""
    with uow:
        return [PrintAttempt(r.receipt_no, r.copy_no, r.printer, r.ok, r.error)
                for r in uow.session.scalars(
                    select(ReceiptPrint).where(ReceiptPrint.receipt_no == receipt_no)
                    .order_by(ReceiptPrint.id))]
