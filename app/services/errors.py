"""Domain errors: a stable code plus parameters; the UI and CLI turn codes into words.

``DomainError.message`` is an English default for logs and the admin CLI; the counter
window translates by ``code`` instead.
"""

from __future__ import annotations

import enum
from typing import Any


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


_MESSAGES: dict[ErrorCode, str] = {
    ErrorCode.AMOUNT_MALFORMED: "'{text}' is not an amount in rupiah",
    ErrorCode.AMOUNT_AMBIGUOUS: "'{text}' could mean more than one amount; type the digits",
    ErrorCode.AMOUNT_NOT_POSITIVE: "the amount must be more than zero",
    ErrorCode.AMOUNT_TOO_LARGE: "the amount {amount} is larger than Loket accepts ({limit})",
    ErrorCode.AMOUNT_BELOW_DUE: "the amount {amount} is less than the {due} due",
    ErrorCode.AMOUNT_ABOVE_BALANCE: "the amount {amount} is more than the {balance} still owed",
    ErrorCode.TENDERED_BELOW_AMOUNT: "the money tendered ({tendered}) is less than {amount}",
    ErrorCode.REFERENCE_REQUIRED: "a transfer or QRIS payment needs its reference",
    ErrorCode.METHOD_UNKNOWN: "unknown payment method '{method}' (cash, transfer or qris)",
    ErrorCode.CUSTOMER_NOT_FOUND: "no customer with connection number '{connection_no}'",
    ErrorCode.PROGRAMME_NOT_FOUND: "no promotion programme '{code}'",
    ErrorCode.PROGRAMME_NOT_ACTIVE: "programme '{code}' runs {valid_from} to {valid_to}, not {on}",
    ErrorCode.NOT_ELIGIBLE: "the customer is not eligible: {reasons}",
    ErrorCode.ALREADY_ENROLLED: "the customer is already enrolled ({state} since {since})",
    ErrorCode.INSTALMENT_COUNT_NOT_ALLOWED: "{count} instalments is not allowed; choose {allowed}",
    ErrorCode.NO_ACTIVE_PLAN: "the customer has no active instalment plan",
    ErrorCode.PLAN_REFUSED: "head office refused this plan ({reason}); the down payment "
                            "{receipt_no} is kept there as a credit: a supervisor should void "
                            "it and refund the customer",
    ErrorCode.PLAN_REFUSED_ENROLLED_ELSEWHERE: "head office refused this plan: the customer "
                                               "was enrolled at branch {branch} first (on "
                                               "{since}); the down payment {receipt_no} is "
                                               "kept there as a credit: a supervisor should "
                                               "void it and refund the customer",
    ErrorCode.ENROLLED_ELSEWHERE: "the customer is already enrolled at branch {branch} "
                                  "(since {since}, as head office said at the last sync)",
    ErrorCode.PAYMENT_NOT_FOUND: "no payment with receipt number '{receipt_no}'",
    ErrorCode.ALREADY_VOIDED: "receipt {receipt_no} was already voided",
    ErrorCode.VOID_LATER_PAYMENTS_FIRST: "void the later receipts of this plan first: {receipts}",
    ErrorCode.REASON_REQUIRED: "a reason is required",
    ErrorCode.NOT_AUTHORISED: "'{username}' may not {action}",
    ErrorCode.BAD_CREDENTIALS: "wrong user name or password",
    ErrorCode.USER_LOCKED: "user '{username}' is locked until {until}",
    ErrorCode.USER_EXISTS: "user '{username}' already exists",
    ErrorCode.USER_NOT_FOUND: "no user '{username}'",
    ErrorCode.PASSWORD_TOO_SHORT: "a password needs at least {minimum} characters",
    ErrorCode.WORK_ORDER_NOT_FOUND: "no work order '{number}'",
    ErrorCode.WORK_ORDER_CLOSED: "work order {number} is already {state}",
    ErrorCode.FIELD_OFFICER_REQUIRED: "name the field officer who did the work",
    ErrorCode.CHANGE_FIELD_NOT_ALLOWED: "{field} is changed by head office only, not at the "
                                        "counter",
    ErrorCode.CHANGE_NOTHING: "nothing to change: the values are the ones on record",
    ErrorCode.CHANGE_VALUE_REQUIRED: "{field} cannot be empty",
    ErrorCode.CHANGE_VALUE_TOO_LONG: "{field} may have at most {limit} characters",
    ErrorCode.PHONE_INVALID: "'{text}' is not a phone number (8 to 15 digits, may start with +)",
    ErrorCode.RT_RW_INVALID: "{field} '{text}' must be 1 to 3 digits",
    ErrorCode.TERMS_INVALID: "promotion terms are invalid: {problem}",
    ErrorCode.TERMS_VERSION_CONFLICT: "{code} version {version} is already loaded with other terms",
    ErrorCode.IMPORT_INVALID: "{file}: {problem}",
    ErrorCode.DATE_INVALID: "'{text}' is not a date (use YYYY-MM-DD)",
    ErrorCode.DATABASE_NOT_INITIALISED: "no branch database in {path}; run 'loket-admin init'",
    ErrorCode.SHIFT_NOT_OPEN: "open a shift before taking payments",
    ErrorCode.SHIFT_ALREADY_OPEN: "{cashier}'s shift is still open on this counter",
    ErrorCode.SHIFT_NOT_COUNTED: "count the cash before the supervisor signs off",
    ErrorCode.SHIFT_LOCKED: "receipt {receipt_no} belongs to a closed shift; ask a supervisor",
    ErrorCode.COUNT_INVALID: "the cash count is not valid: {problem}",
    ErrorCode.SYNC_NOT_REGISTERED: "this counter is not registered with head office yet",
    ErrorCode.SYNC_ALREADY_RUNNING: "a sync is already running on this counter (until {until})",
    ErrorCode.SYNC_UNREACHABLE: "head office cannot be reached: {problem}",
    ErrorCode.SYNC_BAD_RESPONSE: "head office sent an unusable answer ({problem}); "
                                 "nothing was marked as sent",
    ErrorCode.SYNC_REFUSED: "head office refused the request: {problem}",
    ErrorCode.SYNC_UNAUTHORISED: "head office does not accept this counter's token; "
                                 "register the counter again",
    ErrorCode.SYNC_DEVICE_REVOKED: "head office has revoked this counter",
    ErrorCode.SYNC_PROTOCOL_UNSUPPORTED: "head office does not speak sync protocol "
                                         "{version} (it supports {supported}); update Loket",
    ErrorCode.SYNC_BRANCH_RESTORED: "this branch database is behind head office, which "
                                    "holds this counter's events up to number {office_seq}, "
                                    "some of them missing here: the database was restored "
                                    "from an older backup; stop taking payments and call "
                                    "head office",
    ErrorCode.SYNC_BAD_CHANGE: "head office sent a change that cannot be applied "
                               "({kind} {key}: {problem}); nothing of that page was applied",
    ErrorCode.SYNC_REGISTRATION_THROTTLED: "head office refused too many registrations from "
                                           "this counter's network; try again in {minutes} "
                                           "minute(s) with the right code",
    ErrorCode.SYNC_CODE_LOCKED: "the one-time code for this counter was locked after too "
                                "many wrong attempts; ask head office for a new code",
    ErrorCode.PAYMENTS_BLOCKED_AFTER_RESTORE: "this counter was restored from a backup "
                                              "({restored_from}, {restored_at}); sync with "
                                              "head office before taking payments, or have a "
                                              "supervisor release payments (loket-admin "
                                              "restore-block release)",
    ErrorCode.PAYMENTS_BLOCKED_CHAIN_FLAGGED: "head office found this counter's audit chain "
                                              "no longer extends what it anchored "
                                              "({restored_at}); take no payments until head "
                                              "office has cleared it and a supervisor releases "
                                              "payments (loket-admin restore-block release)",
    ErrorCode.PAYMENTS_NOT_BLOCKED: "payments are not blocked on this counter; nothing to "
                                    "release",
    ErrorCode.BUNDLE_INVALID: "the sync bundle {file} cannot be used: {problem}",
    ErrorCode.BUNDLE_WRONG_BRANCH: "the sync bundle {file} is for {found}, not for {expected}",
    ErrorCode.TOKEN_STORE_UNAVAILABLE: "the credential store cannot keep the head-office "
                                       "token: {problem}",
    ErrorCode.DATABASE_CORRUPT: "the branch database {path} is damaged ({problem}); restore "
                                "the newest good backup: loket-admin restore \"{backup}\"",
    ErrorCode.DATABASE_CORRUPT_NO_BACKUP: "the branch database {path} is damaged ({problem}) "
                                          "and there is no good backup in {folder}; restore "
                                          "one from an external copy: loket-admin restore FILE",
    ErrorCode.DATABASE_IN_USE: "the branch database {path} is in use; close Loket on this "
                               "PC and try again",
    ErrorCode.BACKUP_NOT_FOUND: "there is no backup file {file}",
    ErrorCode.BACKUP_CORRUPT: "the backup {file} cannot be restored: {problem}",
    ErrorCode.BACKUP_FAILED: "the backup to {path} failed: {problem}",
    ErrorCode.BACKUP_FOLDER_MISSING: "the folder {path} is not there (is the USB stick "
                                     "plugged in?)",
    ErrorCode.BACKUP_NOT_WRITABLE: "cannot write the backup to {path} ({problem}); choose "
                                   "another folder",
    ErrorCode.BACKUP_DISK_FULL: "not enough free space in {path} for the backup: it needs "
                                "about {needed}, {free} free",
    ErrorCode.DATABASE_EXISTS: "{path} already holds a branch database",
    ErrorCode.CODE_INVALID: "'{code}' is not a usable code: {low} to {high} letters or digits",
    ErrorCode.COUNTER_CODE_IS_BRANCH_CODE: "the counter code must differ from the branch "
                                           "code {code}",
    ErrorCode.VALUE_REQUIRED: "{field} must not be empty",
    ErrorCode.TEXT_TOO_LONG: "{field} is longer than {limit} characters",
    ErrorCode.USERNAME_INVALID: "'{username}' is not a usable user name: {low} to {high} "
                                "letters, digits, '.', '_' or '-'",
    ErrorCode.USERNAME_RESERVED: "the user name '{username}' is reserved for Loket itself",
    ErrorCode.PASSWORD_IS_USERNAME: "the password must not be the user name",
    ErrorCode.SETTINGS_INVALID: "the counter settings are not valid: {problem}",
    ErrorCode.SETTINGS_NOT_SAVED: "the counter settings could not be saved to "
                                  "{path}: {problem}",
    ErrorCode.ARGUMENT_INVALID: "{what} must be {expected}, not {value}",
    ErrorCode.TEXT_INVALID: "{field} holds {problem}; remove it and try again",
    ErrorCode.TENDERED_TOO_LARGE: "the money received ({tendered}) is larger than Loket "
                                  "accepts ({limit})",
    ErrorCode.BUNDLE_KEY_MISSING: "this counter holds no key to sign sync bundles (it was "
                                  "registered before bundles were signed by the counter); "
                                  "register it again with a new one-time code from head "
                                  "office",
}


class DomainError(Exception):
    """A refusal the user can act on. Nothing was written when one is raised."""

    def __init__(self, code: ErrorCode, /, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        template = _MESSAGES.get(self.code, self.code.value)
        try:
            return template.format(**self.params)
        except (KeyError, IndexError):
            return f"{self.code.value} {self.params}"
