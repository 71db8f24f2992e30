"""Domain error codes turned into translated sentences for the cashier."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.services.errors import DomainError, ErrorCode
from app.ui.sync.problem_text import translated_params

_CONTEXT = "Errors"


def _templates() -> dict[ErrorCode, str]:
    # QT_TRANSLATE_NOOP marks each English template for lupdate; error_text translates.
    return {  # one literal per line, so lupdate reads them all
        ErrorCode.AMOUNT_MALFORMED: QT_TRANSLATE_NOOP("Errors", "'{text}' is not an amount in rupiah."),
        ErrorCode.AMOUNT_AMBIGUOUS: QT_TRANSLATE_NOOP("Errors", "'{text}' could mean more than one amount. Type the digits, e.g. 2400000."),
        ErrorCode.AMOUNT_NOT_POSITIVE: QT_TRANSLATE_NOOP("Errors", "The amount must be more than zero."),
        ErrorCode.AMOUNT_TOO_LARGE: QT_TRANSLATE_NOOP("Errors", "{amount} is more than Loket accepts ({limit})."),
        ErrorCode.AMOUNT_BELOW_DUE: QT_TRANSLATE_NOOP("Errors", "{amount} is less than the {due} due."),
        ErrorCode.AMOUNT_ABOVE_BALANCE: QT_TRANSLATE_NOOP("Errors", "{amount} is more than the {balance} still owed."),
        ErrorCode.TENDERED_BELOW_AMOUNT: QT_TRANSLATE_NOOP("Errors", "The money received ({tendered}) is less than {amount}."),
        ErrorCode.REFERENCE_REQUIRED: QT_TRANSLATE_NOOP("Errors", "A transfer or QRIS payment needs its reference."),
        ErrorCode.METHOD_UNKNOWN: QT_TRANSLATE_NOOP("Errors", "Unknown payment method."),
        ErrorCode.CUSTOMER_NOT_FOUND: QT_TRANSLATE_NOOP("Errors", "No customer with connection number '{connection_no}'."),
        ErrorCode.PROGRAMME_NOT_FOUND: QT_TRANSLATE_NOOP("Errors", "No promotion programme '{code}'."),
        ErrorCode.PROGRAMME_NOT_ACTIVE: QT_TRANSLATE_NOOP("Errors", "The programme runs {valid_from} to {valid_to}; it is not open on {on}."),
        ErrorCode.NOT_ELIGIBLE: QT_TRANSLATE_NOOP("Errors", "The customer is not eligible: {reasons}"),
        ErrorCode.ALREADY_ENROLLED: QT_TRANSLATE_NOOP("Errors", "The customer is already enrolled ({state} since {since})."),
        ErrorCode.INSTALMENT_COUNT_NOT_ALLOWED: QT_TRANSLATE_NOOP("Errors", "{count} instalments is not allowed; choose {allowed}."),
        ErrorCode.NO_ACTIVE_PLAN: QT_TRANSLATE_NOOP("Errors", "The customer has no active instalment plan."),
        ErrorCode.PLAN_REFUSED: QT_TRANSLATE_NOOP("Errors", "Head office refused this plan ({reason}). It keeps the down payment {receipt_no} as a credit: take no more payments; a supervisor should void it and refund the customer."),
        ErrorCode.PLAN_REFUSED_ENROLLED_ELSEWHERE: QT_TRANSLATE_NOOP("Errors", "Head office refused this plan: the customer was enrolled at branch {branch} first (since {since}). It keeps the down payment {receipt_no} as a credit: take no more payments; a supervisor should void it and refund the customer."),
        ErrorCode.ENROLLED_ELSEWHERE: QT_TRANSLATE_NOOP("Errors", "The customer is already enrolled at branch {branch} (since {since}, as head office said at the last sync)."),
        ErrorCode.PAYMENT_NOT_FOUND: QT_TRANSLATE_NOOP("Errors", "No payment with receipt number '{receipt_no}'."),
        ErrorCode.ALREADY_VOIDED: QT_TRANSLATE_NOOP("Errors", "Receipt {receipt_no} was already voided."),
        ErrorCode.VOID_LATER_PAYMENTS_FIRST: QT_TRANSLATE_NOOP("Errors", "Void the later receipts of this plan first: {receipts}."),
        ErrorCode.REASON_REQUIRED: QT_TRANSLATE_NOOP("Errors", "Give a reason."),
        ErrorCode.NOT_AUTHORISED: QT_TRANSLATE_NOOP("Errors", "'{username}' may not do this."),
        ErrorCode.BAD_CREDENTIALS: QT_TRANSLATE_NOOP("Errors", "Wrong user name or password."),
        ErrorCode.USER_LOCKED: QT_TRANSLATE_NOOP("Errors", "User '{username}' is locked until {until} after too many wrong passwords."),
        ErrorCode.USER_EXISTS: QT_TRANSLATE_NOOP("Errors", "User '{username}' already exists."),
        ErrorCode.USER_NOT_FOUND: QT_TRANSLATE_NOOP("Errors", "No user '{username}'."),
        ErrorCode.PASSWORD_TOO_SHORT: QT_TRANSLATE_NOOP("Errors", "A password needs at least {minimum} characters."),
        ErrorCode.WORK_ORDER_NOT_FOUND: QT_TRANSLATE_NOOP("Errors", "No work order '{number}'."),
        ErrorCode.WORK_ORDER_CLOSED: QT_TRANSLATE_NOOP("Errors", "Work order {number} is already closed."),
        ErrorCode.FIELD_OFFICER_REQUIRED: QT_TRANSLATE_NOOP("Errors", "Name the field officer who did the work."),
        ErrorCode.CHANGE_FIELD_NOT_ALLOWED: QT_TRANSLATE_NOOP("Errors", "'{field}' is changed by head office only, not at the counter."),
        ErrorCode.CHANGE_NOTHING: QT_TRANSLATE_NOOP("Errors", "Nothing to change: type the new values first."),
        ErrorCode.CHANGE_VALUE_REQUIRED: QT_TRANSLATE_NOOP("Errors", "This cannot be empty."),
        ErrorCode.CHANGE_VALUE_TOO_LONG: QT_TRANSLATE_NOOP("Errors", "At most {limit} characters."),
        ErrorCode.PHONE_INVALID: QT_TRANSLATE_NOOP("Errors", "'{text}' is not a phone number: 8 to 15 digits, may start with +."),
        ErrorCode.RT_RW_INVALID: QT_TRANSLATE_NOOP("Errors", "'{text}' is not an RT/RW number: 1 to 3 digits."),
        ErrorCode.TERMS_INVALID: QT_TRANSLATE_NOOP("Errors", "The promotion terms are not valid: {problem}"),
        ErrorCode.TERMS_VERSION_CONFLICT: QT_TRANSLATE_NOOP("Errors", "{code} version {version} is already loaded with other terms."),
        ErrorCode.IMPORT_INVALID: QT_TRANSLATE_NOOP("Errors", "{file}: {problem}"),
        ErrorCode.DATE_INVALID: QT_TRANSLATE_NOOP("Errors", "'{text}' is not a date."),
        ErrorCode.DATABASE_NOT_INITIALISED: QT_TRANSLATE_NOOP("Errors", "No branch database in {path}."),
        ErrorCode.SHIFT_NOT_OPEN: QT_TRANSLATE_NOOP("Errors", "Open a shift before taking payments."),
        ErrorCode.SHIFT_ALREADY_OPEN: QT_TRANSLATE_NOOP("Errors", "{cashier}'s shift is still open on this counter."),
        ErrorCode.SHIFT_NOT_COUNTED: QT_TRANSLATE_NOOP("Errors", "Count the cash before the supervisor signs off."),
        ErrorCode.SHIFT_LOCKED: QT_TRANSLATE_NOOP("Errors", "Receipt {receipt_no} belongs to a closed shift; a supervisor must void it."),
        ErrorCode.COUNT_INVALID: QT_TRANSLATE_NOOP("Errors", "The cash count is not valid: {problem}"),
        ErrorCode.SYNC_NOT_REGISTERED: QT_TRANSLATE_NOOP("Errors", "This counter is not registered with head office yet (Sync → Register counter)."),
        ErrorCode.SYNC_ALREADY_RUNNING: QT_TRANSLATE_NOOP("Errors", "A sync is already running on this counter (until {until}). Wait for it to finish."),
        ErrorCode.SYNC_UNREACHABLE: QT_TRANSLATE_NOOP("Errors", "Head office cannot be reached ({problem}). Nothing was marked as sent; try again later."),
        ErrorCode.SYNC_BAD_RESPONSE: QT_TRANSLATE_NOOP("Errors", "Head office sent an unusable answer ({problem}). Nothing was marked as sent."),
        ErrorCode.SYNC_REFUSED: QT_TRANSLATE_NOOP("Errors", "Head office refused the request: {problem}"),
        ErrorCode.SYNC_UNAUTHORISED: QT_TRANSLATE_NOOP("Errors", "Head office does not accept this counter's token. Register the counter again."),
        ErrorCode.SYNC_DEVICE_REVOKED: QT_TRANSLATE_NOOP("Errors", "Head office has revoked this counter. Call head office."),
        ErrorCode.SYNC_PROTOCOL_UNSUPPORTED: QT_TRANSLATE_NOOP("Errors", "Head office does not speak sync protocol {version} (it supports {supported}). Update Loket."),
        ErrorCode.SYNC_BRANCH_RESTORED: QT_TRANSLATE_NOOP("Errors", "This branch database is behind head office (it holds this counter's events up to number {office_seq}): it was restored from an older backup. Take no payments and call head office."),
        ErrorCode.SYNC_BAD_CHANGE: QT_TRANSLATE_NOOP("Errors", "Head office sent a change that cannot be applied ({kind} {key}: {problem}). Nothing of that page was applied."),
        ErrorCode.SYNC_REGISTRATION_THROTTLED: QT_TRANSLATE_NOOP("Errors", "Head office refused too many registration attempts from this network. Wait {minutes} minute(s), check the one-time code and try again."),
        ErrorCode.SYNC_CODE_LOCKED: QT_TRANSLATE_NOOP("Errors", "This one-time code was locked after too many wrong attempts. Ask head office for a new code."),
        ErrorCode.PAYMENTS_BLOCKED_AFTER_RESTORE: QT_TRANSLATE_NOOP("Errors", "This counter was restored from a backup ({restored_at}). Sync with head office (F12) before taking payments. With no link to head office, a supervisor can allow payments: Sync → Allow payments after restore."),
        ErrorCode.PAYMENTS_BLOCKED_CHAIN_FLAGGED: QT_TRANSLATE_NOOP("Errors", "Head office found that this counter's books no longer match what it holds ({restored_at}). Take no payments and call head office. Once head office has cleared it, a supervisor can allow payments: Sync → Allow payments after restore."),
        ErrorCode.PAYMENTS_NOT_BLOCKED: QT_TRANSLATE_NOOP("Errors", "Payments are not blocked on this counter; there is nothing to allow."),
        ErrorCode.BUNDLE_INVALID: QT_TRANSLATE_NOOP("Errors", "The sync bundle {file} cannot be used: {problem}"),
        ErrorCode.BUNDLE_WRONG_BRANCH: QT_TRANSLATE_NOOP("Errors", "The sync bundle {file} is for {found}, not for {expected}."),
        ErrorCode.TOKEN_STORE_UNAVAILABLE: QT_TRANSLATE_NOOP("Errors", "The credential store cannot keep the head-office token: {problem}"),
        ErrorCode.DATABASE_CORRUPT: QT_TRANSLATE_NOOP("Errors", "The branch database {path} is damaged ({problem}). Restore the newest good backup: loket-admin restore \"{backup}\""),
        ErrorCode.DATABASE_CORRUPT_NO_BACKUP: QT_TRANSLATE_NOOP("Errors", "The branch database {path} is damaged ({problem}) and there is no good backup in {folder}. Restore one from an external copy: loket-admin restore FILE"),
        ErrorCode.DATABASE_IN_USE: QT_TRANSLATE_NOOP("Errors", "The branch database {path} is in use. Close Loket on this PC and try again."),
        ErrorCode.BACKUP_NOT_FOUND: QT_TRANSLATE_NOOP("Errors", "There is no backup file {file}."),
        ErrorCode.BACKUP_CORRUPT: QT_TRANSLATE_NOOP("Errors", "The backup {file} cannot be restored: {problem}"),
        ErrorCode.BACKUP_FAILED: QT_TRANSLATE_NOOP("Errors", "The backup to {path} failed: {problem}"),
        ErrorCode.BACKUP_FOLDER_MISSING: QT_TRANSLATE_NOOP("Errors", "The folder {path} is not there. Is the USB stick plugged in? Nothing was written."),
        ErrorCode.BACKUP_NOT_WRITABLE: QT_TRANSLATE_NOOP("Errors", "Loket cannot write the backup to {path} ({problem}). Choose another folder, or check that the USB stick is not write-protected. Nothing was written."),
        ErrorCode.BACKUP_DISK_FULL: QT_TRANSLATE_NOOP("Errors", "There is not enough free space in {path}: the backup needs about {needed} and {free} are free. Nothing was written."),
        ErrorCode.DATABASE_EXISTS: QT_TRANSLATE_NOOP("Errors", "{path} already holds a branch database."),
        ErrorCode.CODE_INVALID: QT_TRANSLATE_NOOP("Errors", "'{code}' cannot be used: a code has {low} to {high} letters or digits, without spaces."),
        ErrorCode.COUNTER_CODE_IS_BRANCH_CODE: QT_TRANSLATE_NOOP("Errors", "The counter needs a code of its own, not the branch code {code} (e.g. L01)."),
        ErrorCode.VALUE_REQUIRED: QT_TRANSLATE_NOOP("Errors", "Fill this in."),
        ErrorCode.TEXT_TOO_LONG: QT_TRANSLATE_NOOP("Errors", "At most {limit} characters."),
        ErrorCode.USERNAME_INVALID: QT_TRANSLATE_NOOP("Errors", "'{username}' cannot be used: a user name has {low} to {high} letters, digits, dots, dashes or underscores, without spaces."),
        ErrorCode.USERNAME_RESERVED: QT_TRANSLATE_NOOP("Errors", "'{username}' is reserved for Loket itself; choose another user name."),
        ErrorCode.PASSWORD_IS_USERNAME: QT_TRANSLATE_NOOP("Errors", "The password must not be the user name."),
        ErrorCode.SETTINGS_INVALID: QT_TRANSLATE_NOOP("Errors", "The counter settings are not valid: {problem}"),
        ErrorCode.SETTINGS_NOT_SAVED: QT_TRANSLATE_NOOP("Errors", "The settings could not be saved to {path} ({problem}). Nothing was changed."),
        ErrorCode.ARGUMENT_INVALID: QT_TRANSLATE_NOOP("Errors", "{what} must be {expected}, not {value}."),
        ErrorCode.TEXT_INVALID: QT_TRANSLATE_NOOP("Errors", "{field} holds {problem}. Remove it and try again."),
        ErrorCode.TENDERED_TOO_LARGE: QT_TRANSLATE_NOOP("Errors", "The money received ({tendered}) is more than Loket accepts ({limit})."),
        ErrorCode.BUNDLE_KEY_MISSING: QT_TRANSLATE_NOOP("Errors", "This counter has no key to sign sync bundles (it was registered before bundles were signed by the counter). Register it again with a new one-time code from head office."),
    }


def error_text(error: DomainError) -> str:
    """The cashier's sentence for ``error``, in the UI language."""
    source = _templates().get(error.code)
    if source is None:
        return error.message
    template = QCoreApplication.translate(_CONTEXT, source)
    params: dict[str, Any] = translated_params(error.code, dict(error.params))
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return error.message
