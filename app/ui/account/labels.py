"""The words and colours the account screen uses for states, kinds and methods."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.services.documents.archive import AGREEMENT, RECEIPT, WORK_ORDER, ArchivedDocument
from app.services.ledger.account_views import EnrolmentView, InstalmentLine, PaymentLine
from app.ui.i18n import format_date

_CONTEXT = "AccountLabels"
MUTED = "#6b7280"
DANGER = "#b3261e"

# (text colour, background colour) of each state
INSTALMENT_COLOURS = {
    "paid": ("#14532d", "#dcfce7"),
    "due": ("#1e3a8a", "#eef2ff"),
    "overdue": ("#7c2d12", "#ffedd5"),
    "broken": ("#7f1d1d", "#fee2e2"),
    "refused": ("#7f1d1d", "#fee2e2"),
}
STATUS_COLOURS = {
    "sealed": ("#ffffff", "#b91c1c"),
    "active": ("#ffffff", "#15803d"),
    "disconnected": ("#ffffff", "#374151"),
}
PLAN_COLOURS = {
    "active": ("#ffffff", "#1d4ed8"),
    "completed": ("#ffffff", "#15803d"),
    "broken": ("#ffffff", "#b91c1c"),
    "cancelled": ("#ffffff", "#6b7280"),
    "refused": ("#ffffff", "#b91c1c"),
}

_STATUS: dict[str, object] = {
    "sealed": QT_TRANSLATE_NOOP("AccountLabels", "SEALED"),
    "active": QT_TRANSLATE_NOOP("AccountLabels", "ACTIVE"),
    "disconnected": QT_TRANSLATE_NOOP("AccountLabels", "DISCONNECTED"),
}
_PLAN: dict[str, object] = {
    "active": QT_TRANSLATE_NOOP("AccountLabels", "PLAN: ACTIVE"),
    "completed": QT_TRANSLATE_NOOP("AccountLabels", "PLAN: PAID OFF"),
    "broken": QT_TRANSLATE_NOOP("AccountLabels", "PLAN: BROKEN"),
    "cancelled": QT_TRANSLATE_NOOP("AccountLabels", "PLAN: CANCELLED"),
    "refused": QT_TRANSLATE_NOOP("AccountLabels", "PLAN: REFUSED BY HEAD OFFICE"),
}
_PLAN_WORD: dict[str, object] = {
    "active": QT_TRANSLATE_NOOP("AccountLabels", "active"),
    "completed": QT_TRANSLATE_NOOP("AccountLabels", "paid off"),
    "broken": QT_TRANSLATE_NOOP("AccountLabels", "broken"),
    "cancelled": QT_TRANSLATE_NOOP("AccountLabels", "cancelled"),
    "refused": QT_TRANSLATE_NOOP("AccountLabels", "refused by head office"),
}
_INSTALMENT: dict[str, object] = {
    "paid": QT_TRANSLATE_NOOP("AccountLabels", "Paid"),
    "due": QT_TRANSLATE_NOOP("AccountLabels", "Not yet paid"),
    "overdue": QT_TRANSLATE_NOOP("AccountLabels", "Overdue"),
    "broken": QT_TRANSLATE_NOOP("AccountLabels", "Broken"),
    "refused": QT_TRANSLATE_NOOP("AccountLabels", "Not payable"),
}
_KIND: dict[str, object] = {
    "down_payment": QT_TRANSLATE_NOOP("AccountLabels", "Down payment"),
    "instalment": QT_TRANSLATE_NOOP("AccountLabels", "Instalment payment"),
}
_METHOD: dict[str, object] = {
    "cash": QT_TRANSLATE_NOOP("AccountLabels", "Cash"),
    "transfer": QT_TRANSLATE_NOOP("AccountLabels", "Bank transfer"),
    "qris": QT_TRANSLATE_NOOP("AccountLabels", "QRIS"),
}
_ORDER: dict[str, object] = {
    "unseal": QT_TRANSLATE_NOOP("AccountLabels", "Open the seal"),
    "reseal": QT_TRANSLATE_NOOP("AccountLabels", "Seal again"),
}
_DOCUMENT: dict[str, object] = {
    RECEIPT: QT_TRANSLATE_NOOP("AccountLabels", "Receipt"),
    AGREEMENT: QT_TRANSLATE_NOOP("AccountLabels", "Agreement"),
    WORK_ORDER: QT_TRANSLATE_NOOP("AccountLabels", "Work order"),
}
METHODS = tuple(_METHOD)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _lookup(table: dict[str, object], key: str) -> str:
    source = table.get(key)
    return _tr(str(source)) if source is not None else key


def status_text(status: str) -> str:
    """SEGEL / AKTIF / PUTUS."""
    return _lookup(_STATUS, status)


def plan_state_text(state: str) -> str:
    return _lookup(_PLAN, state)


def plan_state_word(state: str) -> str:
    """The plan's state inside a sentence (aktif, lunas, gagal)."""
    return _lookup(_PLAN_WORD, state)


def refusal_text(plan: EnrolmentView) -> str:
    """Why head office refused the plan and what to do, or nothing for another plan."""
    refusal = plan.refusal
    if refusal is None:
        return ""
    elsewhere = refusal.elsewhere
    if refusal.reason == "already_enrolled" and elsewhere is not None:
        why = QCoreApplication.translate(
            "AccountLabels", "Head office refused this plan: the customer was enrolled at "
            "branch {branch} first (since {day}).").format(
            branch=elsewhere.branch, day=format_date(elsewhere.business_date))
    else:
        why = QCoreApplication.translate(
            "AccountLabels", "Head office refused this plan ({reason}).").format(
            reason=refusal.reason)
    return why + " " + QCoreApplication.translate(
        "AccountLabels", "Head office keeps the down payment {receipt} as a credit. Take no "
        "more payments on this plan: a supervisor should void its receipts (F6) and refund "
        "the customer.").format(receipt=refusal.receipt_no)


def office_enrolment_title(branch: str) -> str:
    """The promotion box's title for a customer enrolled at another branch."""
    return QCoreApplication.translate(
        "AccountLabels", "Promotion: enrolled at branch {branch}").format(branch=branch)


def instalment_state_text(line: InstalmentLine) -> str:
    text = _lookup(_INSTALMENT, line.state)
    if line.state != "paid" and line.paid_amount:
        text += " " + QCoreApplication.translate("AccountLabels", "(part paid)")
    return text


def payment_kind_text(kind: str) -> str:
    return _lookup(_KIND, kind)


def method_text(method: str) -> str:
    return _lookup(_METHOD, method)


def method_with_reference(line: PaymentLine) -> str:
    text = method_text(line.method)
    return f"{text} {line.reference}" if line.reference else text


def void_note(line: PaymentLine) -> str:
    """``BATAL: <reason>`` for a voided receipt, else nothing."""
    if not line.voided:
        return ""
    return QCoreApplication.translate("AccountLabels", "VOID: {reason}").format(
        reason=line.void_reason)


def work_order_kind_text(kind: str) -> str:
    return _lookup(_ORDER, kind)


def document_text(doc: ArchivedDocument) -> str:
    text = f"{_lookup(_DOCUMENT, doc.kind)} {doc.number}"
    if doc.copy_no:
        text += " " + QCoreApplication.translate("AccountLabels", "(copy {n})").format(
            n=doc.copy_no)
    return text


def period_text(period: str) -> str:
    """``2025-01`` as ``Januari 2025``."""
    try:
        year, month = (int(x) for x in period.split("-"))
        return format_date(dt.date(year, month, 1)).split(" ", 1)[1]
    except ValueError:
        return period
