"""Domain errors: a stable code, plain parameters, and the one catalogue of their words.

A service raises ``DomainError(code, **params)`` with plain values: amounts as integer
rupiah, names, numbers, dates. :data:`TEXTS` holds the one English sentence per code;
it is the source the counter window translates (``error_text`` in the UI, Qt context
``Errors``, which reads this file for its translations) and what ``DomainError.message``
says in logs and the admin CLI. Where the admin CLI needs more than the window (the
English name of a field or an action, a command to run instead of a menu), the code's
sentence for it is in :data:`ADMIN_TEXTS`. :data:`RUPIAH` names the parameters that are
amounts, written ``Rp 2.400.000`` in every language.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

from app.services.rupiah import format_rupiah
from app.services.translatable import QT_TRANSLATE_NOOP


class ErrorCode(enum.StrEnum):
    AMOUNT_MALFORMED = "amount_malformed"
    AMOUNT_AMBIGUOUS = "amount_ambiguous"
    AMOUNT_NOT_POSITIVE = "amount_not_positive"
    AMOUNT_TOO_LARGE = "amount_too_large"
    AMOUNT_BELOW_DUE = "amount_below_due"
    AMOUNT_ABOVE_BALANCE = "amount_above_balance"
    TENDERED_BELOW_AMOUNT = "tendered_below_amount"
    REFERENCE_REQUIRED = "reference_required"
    METHOD_UNKNOWN = "method_unknown"
    CUSTOMER_NOT_FOUND = "customer_not_found"
    PROGRAMME_NOT_FOUND = "programme_not_found"
    PROGRAMME_NOT_ACTIVE = "programme_not_active"
    NOT_ELIGIBLE = "not_eligible"
    ALREADY_ENROLLED = "already_enrolled"
    INSTALMENT_COUNT_NOT_ALLOWED = "instalment_count_not_allowed"
    NO_ACTIVE_PLAN = "no_active_plan"
    PLAN_REFUSED = "plan_refused"
    PLAN_REFUSED_ENROLLED_ELSEWHERE = "plan_refused_enrolled_elsewhere"
    ENROLLED_ELSEWHERE = "enrolled_elsewhere"
    PAYMENT_NOT_FOUND = "payment_not_found"
    ALREADY_VOIDED = "already_voided"
    VOID_LATER_PAYMENTS_FIRST = "void_later_payments_first"
    REASON_REQUIRED = "reason_required"
    NOT_AUTHORISED = "not_authorised"
    BAD_CREDENTIALS = "bad_credentials"
    USER_LOCKED = "user_locked"
    USER_EXISTS = "user_exists"
    USER_NOT_FOUND = "user_not_found"
    PASSWORD_TOO_SHORT = "password_too_short"
    WORK_ORDER_NOT_FOUND = "work_order_not_found"
    WORK_ORDER_CLOSED = "work_order_closed"
    FIELD_OFFICER_REQUIRED = "field_officer_required"
    CHANGE_FIELD_NOT_ALLOWED = "change_field_not_allowed"
    CHANGE_NOTHING = "change_nothing"
    CHANGE_VALUE_REQUIRED = "change_value_required"
    CHANGE_VALUE_TOO_LONG = "change_value_too_long"
    PHONE_INVALID = "phone_invalid"
    RT_RW_INVALID = "rt_rw_invalid"
    TERMS_INVALID = "terms_invalid"
    TERMS_VERSION_CONFLICT = "terms_version_conflict"
    IMPORT_INVALID = "import_invalid"
    DATE_INVALID = "date_invalid"
    DATABASE_NOT_INITIALISED = "database_not_initialised"
    SHIFT_NOT_OPEN = "shift_not_open"
    SHIFT_ALREADY_OPEN = "shift_already_open"
    SHIFT_NOT_COUNTED = "shift_not_counted"
    SHIFT_LOCKED = "shift_locked"
    COUNT_INVALID = "count_invalid"
    SYNC_NOT_REGISTERED = "sync_not_registered"
    SYNC_ALREADY_RUNNING = "sync_already_running"
    SYNC_UNREACHABLE = "sync_unreachable"
    SYNC_BAD_RESPONSE = "sync_bad_response"
    SYNC_REFUSED = "sync_refused"
    SYNC_UNAUTHORISED = "sync_unauthorised"
    SYNC_DEVICE_REVOKED = "sync_device_revoked"
    SYNC_PROTOCOL_UNSUPPORTED = "sync_protocol_unsupported"
    SYNC_BRANCH_RESTORED = "sync_branch_restored"
    SYNC_BAD_CHANGE = "sync_bad_change"
    SYNC_REGISTRATION_THROTTLED = "sync_registration_throttled"
    SYNC_CODE_LOCKED = "sync_code_locked"
    PAYMENTS_BLOCKED_AFTER_RESTORE = "payments_blocked_after_restore"
    PAYMENTS_NOT_BLOCKED = "payments_not_blocked"
    PAYMENTS_BLOCKED_CHAIN_FLAGGED = "payments_blocked_chain_flagged"
    BUNDLE_INVALID = "bundle_invalid"
    BUNDLE_WRONG_BRANCH = "bundle_wrong_branch"
    TOKEN_STORE_UNAVAILABLE = "token_store_unavailable"
    DATABASE_CORRUPT = "database_corrupt"
    DATABASE_CORRUPT_NO_BACKUP = "database_corrupt_no_backup"
    DATABASE_IN_USE = "database_in_use"
    BACKUP_NOT_FOUND = "backup_not_found"
    BACKUP_CORRUPT = "backup_corrupt"
    BACKUP_FAILED = "backup_failed"
    BACKUP_FOLDER_MISSING = "backup_folder_missing"
    BACKUP_NOT_WRITABLE = "backup_not_writable"
    BACKUP_DISK_FULL = "backup_disk_full"
    DATABASE_EXISTS = "database_exists"
    CODE_INVALID = "code_invalid"
    COUNTER_CODE_IS_BRANCH_CODE = "counter_code_is_branch_code"
    VALUE_REQUIRED = "value_required"
    TEXT_TOO_LONG = "text_too_long"
    USERNAME_INVALID = "username_invalid"
    USERNAME_RESERVED = "username_reserved"
    PASSWORD_IS_USERNAME = "password_is_username"
    SETTINGS_INVALID = "settings_invalid"
    SETTINGS_NOT_SAVED = "settings_not_saved"
    ARGUMENT_INVALID = "argument_invalid"
    TEXT_INVALID = "text_invalid"
    TENDERED_TOO_LARGE = "tendered_too_large"
    BUNDLE_KEY_MISSING = "bundle_key_missing"




TEXTS: dict[ErrorCode, str] = {  # one literal per line, so the translation tool reads them all
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
ADMIN_TEXTS: dict[ErrorCode, str] = {
    ErrorCode.METHOD_UNKNOWN: "Unknown payment method '{method}' (cash, transfer or qris).",
    ErrorCode.PROGRAMME_NOT_ACTIVE: "Programme '{code}' runs {valid_from} to {valid_to}, not {on}.",
    ErrorCode.NOT_AUTHORISED: "'{username}' may not {action}.",
    ErrorCode.WORK_ORDER_CLOSED: 'Work order {number} is already {state}.',
    ErrorCode.CHANGE_VALUE_REQUIRED: '{field} cannot be empty.',
    ErrorCode.CHANGE_VALUE_TOO_LONG: '{field} may have at most {limit} characters.',
    ErrorCode.RT_RW_INVALID: "{field} '{text}' must be 1 to 3 digits.",
    ErrorCode.DATE_INVALID: "'{text}' is not a date (use YYYY-MM-DD).",
    ErrorCode.DATABASE_NOT_INITIALISED: "No branch database in {path}; run 'loket-admin init'.",
    ErrorCode.PAYMENTS_BLOCKED_AFTER_RESTORE: 'This counter was restored from a backup ({restored_from}, {restored_at}); sync with head office before taking payments, or have a supervisor release payments (loket-admin restore-block release).',
    ErrorCode.PAYMENTS_NOT_BLOCKED: 'Payments are not blocked on this counter; nothing to release.',
    ErrorCode.PAYMENTS_BLOCKED_CHAIN_FLAGGED: "Head office found this counter's audit chain no longer extends what it anchored ({restored_at}); take no payments until head office has cleared it and a supervisor releases payments (loket-admin restore-block release).",
    ErrorCode.VALUE_REQUIRED: '{field} must not be empty.',
    ErrorCode.TEXT_TOO_LONG: '{field} is longer than {limit} characters.',
}
RUPIAH: dict[ErrorCode, tuple[str, ...]] = {
    ErrorCode.AMOUNT_TOO_LARGE: ("amount", "limit"),
    ErrorCode.AMOUNT_BELOW_DUE: ("amount", "due"),
    ErrorCode.AMOUNT_ABOVE_BALANCE: ("amount", "balance"),
    ErrorCode.TENDERED_BELOW_AMOUNT: ("tendered", "amount"),
    ErrorCode.TENDERED_TOO_LARGE: ("tendered", "limit"),
}


def shown_params(code: ErrorCode, params: Mapping[str, Any]) -> dict[str, Any]:
    """``params`` as a sentence shows them: the amounts of :data:`RUPIAH` as rupiah."""
    money = RUPIAH.get(code, ())
    return {name: format_rupiah(value) if name in money and isinstance(value, int) else value
            for name, value in params.items()}


def render(template: str, code: ErrorCode, params: Mapping[str, Any]) -> str | None:
    """``template`` filled with ``params`` (amounts as rupiah); None when it does not fit."""
    try:
        return template.format(**shown_params(code, params))
    except (KeyError, IndexError, ValueError):
        return None


class DomainError(Exception):
    """A refusal the user can act on. Nothing was written when one is raised."""

    def __init__(self, code: ErrorCode, /, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The English sentence for logs and the admin CLI."""
        template = ADMIN_TEXTS.get(self.code) or TEXTS.get(self.code, self.code.value)
        return render(template, self.code, self.params) or f"{self.code.value} {self.params}"
