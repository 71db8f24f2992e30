"""What the checks of the branch's records find, coded: a stable code and plain values.

The audit checks (``audit verify``), the backup checks (``backup verify``), a restore's
warnings, a receipt's verification and the checks of a sync bundle say each finding as a :class:`Finding`: its code
and values, a value being text, a number or another finding (the record a problem is
about). :data:`TEXTS` holds each code's English, marked for the window's translation
(context ``Findings``); ``app.services.finding_words`` says them in Bahasa Indonesia for
the admin command line, with the window's words (a test keeps the two equal).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Union

from app.services.translatable import QT_TRANSLATE_NOOP

CONTEXT = "Findings"


class FindingCode(enum.StrEnum):
    # what a problem is about
    AUDIT_RECORD = "audit_record"
    PAYMENT = "payment"
    VOID = "void"
    DEVICE = "device"
    RECEIPTS = "receipts"
    COUNTER_RECEIPTS = "counter_receipts"
    ENROLMENT = "enrolment"
    BILL = "bill"
    INSTALMENT = "instalment"
    OUTBOX_EVENT = "outbox_event"
    # the checks, by name
    CHECK_AUDIT_CHAIN = "check_audit_chain"
    CHECK_PAYMENT_AUDIT = "check_payment_audit"
    CHECK_OUTBOX_SEQUENCE = "check_outbox_sequence"
    CHECK_RECEIPT_SEQUENCE = "check_receipt_sequence"
    CHECK_LEDGER = "check_ledger"
    CHECK_OUTBOX_PAYLOAD = "check_outbox_payload"
    # the audit chain
    RECORD_MISSING = "record_missing"
    RECORD_OUT_OF_ORDER = "record_out_of_order"
    RECORD_NOT_KEYED = "record_not_keyed"
    KEY_UNREADABLE = "key_unreadable"
    RECORD_CHANGED = "record_changed"
    EVENT_RECORD_MISSING = "event_record_missing"
    HEAD_MISSING = "head_missing"
    HEAD_REPLACED = "head_replaced"
    # payments, numbers
    NO_AUDIT_RECORD = "no_audit_record"
    NO_OUTBOX_EVENT = "no_outbox_event"
    OUTBOX_EVENTS_MISSING = "outbox_events_missing"
    RECEIPT_NO_MALFORMED = "receipt_no_malformed"
    NUMBERS_MISSING = "numbers_missing"
    # the ledger against the audit trail
    VOID_NOT_IN_LEDGER = "void_not_in_ledger"
    PAID_DIFFERS = "paid_differs"
    PAID_ABOVE_COST = "paid_above_cost"
    SETTLED_WITH_DEBT = "settled_with_debt"
    OPEN_WITHOUT_DEBT = "open_without_debt"
    EVENT_TIME_DIFFERS = "event_time_differs"
    EVENT_FIELDS_DIFFER = "event_fields_differ"
    VALUE_DIFFERS = "value_differs"
    # a backup
    CHECK_FAILED = "check_failed"
    NOT_SQLITE = "not_sqlite"
    NOT_A_DATABASE = "not_a_database"
    FILE_DAMAGED = "file_damaged"
    NOT_LOKET = "not_loket"
    NEWER_SCHEMA = "newer_schema"
    RECORDS_UNREADABLE = "records_unreadable"
    # a restore
    RESTORE_SYNC_FIRST = "restore_sync_first"
    RESTORE_NUMBERS_RAISED = "restore_numbers_raised"
    RESTORE_PREVIOUS_UNREAD = "restore_previous_unread"
    # a receipt's QR code
    NOT_A_RECEIPT_CODE = "not_a_receipt_code"
    NO_RECEIPT_KEY = "no_receipt_key"
    SIGNATURE_MISMATCH = "signature_mismatch"
    RECEIPT_NOT_HELD = "receipt_not_held"
    RECEIPT_AMOUNT_DIFFERS = "receipt_amount_differs"
    RECEIPT_TIME_DIFFERS = "receipt_time_differs"
    RECEIPT_VOIDED = "receipt_voided"
    # a sync bundle on a USB stick
    BUNDLE_DAMAGED = "bundle_damaged"
    NOT_A_ZIP = "not_a_zip"
    BUNDLE_STRANGE_FILE = "bundle_strange_file"
    BUNDLE_FILE_TWICE = "bundle_file_twice"
    BUNDLE_LACKS = "bundle_lacks"
    BUNDLE_TOO_LARGE = "bundle_too_large"
    BUNDLE_ZIP_BOMB = "bundle_zip_bomb"
    BUNDLE_CANNOT_READ = "bundle_cannot_read"
    BUNDLE_NO_SNAPSHOT = "bundle_no_snapshot"
    BUNDLE_CURSOR_NOT_TEXT = "bundle_cursor_not_text"
    BUNDLE_MANIFEST_NOT_OBJECT = "bundle_manifest_not_object"
    BUNDLE_MANIFEST_NOT_JSON = "bundle_manifest_not_json"
    BUNDLE_NOT_REPLY = "bundle_not_reply"
    BUNDLE_SIGNATURE_CHANGED = "bundle_signature_changed"
    BUNDLE_MEMBER_CHANGED = "bundle_member_changed"
    BUNDLE_MEMBER_NOT_JSON = "bundle_member_not_json"
    # the credential store
    CREDENTIALS_NONE = "credentials_none"
    CREDENTIALS_TEST_LOST = "credentials_test_lost"
    CREDENTIALS_KEY_LOST = "credentials_key_lost"
    CREDENTIALS_TOKEN_LOST = "credentials_token_lost"


# One literal per line, so each code's words are easy to compare with their translation.
TEXTS: dict[FindingCode, str] = {
    FindingCode.AUDIT_RECORD: QT_TRANSLATE_NOOP("Findings", "audit record {id}"),
    FindingCode.PAYMENT: QT_TRANSLATE_NOOP("Findings", "payment {receipt_no}"),
    FindingCode.VOID: QT_TRANSLATE_NOOP("Findings", "void of payment {receipt_no}"),
    FindingCode.DEVICE: QT_TRANSLATE_NOOP("Findings", "device {device}"),
    FindingCode.RECEIPTS: QT_TRANSLATE_NOOP("Findings", "receipts {prefix}"),
    FindingCode.COUNTER_RECEIPTS: QT_TRANSLATE_NOOP("Findings", "receipts counter {counter}, {year}"),
    FindingCode.ENROLMENT: QT_TRANSLATE_NOOP("Findings", "enrolment {uuid} ({connection_no})"),
    FindingCode.BILL: QT_TRANSLATE_NOOP("Findings", "bill {connection_no} {period}"),
    FindingCode.INSTALMENT: QT_TRANSLATE_NOOP("Findings", "instalment {number} of enrolment {uuid}"),
    FindingCode.OUTBOX_EVENT: QT_TRANSLATE_NOOP("Findings", "outbox event {seq} ({type})"),
    FindingCode.CHECK_AUDIT_CHAIN: QT_TRANSLATE_NOOP("Findings", "audit chain"),
    FindingCode.CHECK_PAYMENT_AUDIT: QT_TRANSLATE_NOOP("Findings", "payment audit"),
    FindingCode.CHECK_OUTBOX_SEQUENCE: QT_TRANSLATE_NOOP("Findings", "outbox sequence"),
    FindingCode.CHECK_RECEIPT_SEQUENCE: QT_TRANSLATE_NOOP("Findings", "receipt sequence"),
    FindingCode.CHECK_LEDGER: QT_TRANSLATE_NOOP("Findings", "ledger"),
    FindingCode.CHECK_OUTBOX_PAYLOAD: QT_TRANSLATE_NOOP("Findings", "outbox payload"),
    FindingCode.RECORD_MISSING: QT_TRANSLATE_NOOP("Findings", "record {id} is missing"),
    FindingCode.RECORD_OUT_OF_ORDER: QT_TRANSLATE_NOOP("Findings", "does not follow the record before it"),
    FindingCode.RECORD_NOT_KEYED: QT_TRANSLATE_NOOP("Findings", "is not keyed, after keyed records"),
    FindingCode.KEY_UNREADABLE: QT_TRANSLATE_NOOP("Findings", "is keyed with this counter's key, which cannot be read on this PC"),
    FindingCode.RECORD_CHANGED: QT_TRANSLATE_NOOP("Findings", "its contents were changed"),
    FindingCode.EVENT_RECORD_MISSING: QT_TRANSLATE_NOOP("Findings", "record {id} (named by an event) is missing"),
    FindingCode.HEAD_MISSING: QT_TRANSLATE_NOOP("Findings", "is missing: the last change wrote it, but the chain now ends at record {newest}"),
    FindingCode.HEAD_REPLACED: QT_TRANSLATE_NOOP("Findings", "is not the record the last change wrote"),
    FindingCode.NO_AUDIT_RECORD: QT_TRANSLATE_NOOP("Findings", "has no audit record"),
    FindingCode.NO_OUTBOX_EVENT: QT_TRANSLATE_NOOP("Findings", "has no outbox event for head office"),
    FindingCode.OUTBOX_EVENTS_MISSING: QT_TRANSLATE_NOOP("Findings", "outbox event(s) {gap} missing"),
    FindingCode.RECEIPT_NO_MALFORMED: QT_TRANSLATE_NOOP("Findings", "has a malformed receipt number"),
    FindingCode.NUMBERS_MISSING: QT_TRANSLATE_NOOP("Findings", "number(s) {gap} missing"),
    FindingCode.VOID_NOT_IN_LEDGER: QT_TRANSLATE_NOOP("Findings", "audit record {audit_id} voids it, but the ledger has no void"),
    FindingCode.PAID_DIFFERS: QT_TRANSLATE_NOOP("Findings", "paid amount {paid} differs from its payments' allocations ({allocated})"),
    FindingCode.PAID_ABOVE_COST: QT_TRANSLATE_NOOP("Findings", "paid amount {paid} is more than the bill costs ({due})"),
    FindingCode.SETTLED_WITH_DEBT: QT_TRANSLATE_NOOP("Findings", "is settled with {outstanding} left to pay on it"),
    FindingCode.OPEN_WITHOUT_DEBT: QT_TRANSLATE_NOOP("Findings", "is open with {outstanding} left to pay on it"),
    FindingCode.EVENT_TIME_DIFFERS: QT_TRANSLATE_NOOP("Findings", "its time differs from audit record {audit_id}"),
    FindingCode.EVENT_FIELDS_DIFFER: QT_TRANSLATE_NOOP("Findings", "{fields} differ(s) from audit record {audit_id}"),
    FindingCode.VALUE_DIFFERS: QT_TRANSLATE_NOOP("Findings", "{field} is {ledger} in the ledger but {recorded} in audit record {audit_id}"),
    FindingCode.CHECK_FAILED: QT_TRANSLATE_NOOP("Findings", "{check}: {subject}: {detail}"),
    FindingCode.NOT_SQLITE: QT_TRANSLATE_NOOP("Findings", "it is not a SQLite database"),
    FindingCode.NOT_A_DATABASE: QT_TRANSLATE_NOOP("Findings", "it cannot be read as a database ({error})"),
    FindingCode.FILE_DAMAGED: QT_TRANSLATE_NOOP("Findings", "the file is damaged: {detail}"),
    FindingCode.NOT_LOKET: QT_TRANSLATE_NOOP("Findings", "it is not a Loket branch database"),
    FindingCode.NEWER_SCHEMA: QT_TRANSLATE_NOOP("Findings", "it was made by a newer version of Loket (schema {revision}); update Loket first"),
    FindingCode.RECORDS_UNREADABLE: QT_TRANSLATE_NOOP("Findings", "its records cannot be read ({error})"),
    FindingCode.RESTORE_SYNC_FIRST: QT_TRANSLATE_NOOP("Findings", "The outbox and the receipt numbers continue from the restored point. Sync this counter with head office before taking any payment: head office may hold payments that this backup does not."),
    FindingCode.RESTORE_NUMBERS_RAISED: QT_TRANSLATE_NOOP("Findings", "Receipt and work-order numbers continue after the last ones the replaced database had issued, so none is issued twice; the numbers in between belong to records this backup does not hold."),
    FindingCode.RESTORE_PREVIOUS_UNREAD: QT_TRANSLATE_NOOP("Findings", "The replaced database could not be read ({problem}), so the numbers continue from the backup: do not take payments before head office has confirmed this counter's last receipt number."),
    FindingCode.NOT_A_RECEIPT_CODE: QT_TRANSLATE_NOOP("Findings", "this is not a Loket receipt code"),
    FindingCode.NO_RECEIPT_KEY: QT_TRANSLATE_NOOP("Findings", "no receipt key for branch {branch} here"),
    FindingCode.SIGNATURE_MISMATCH: QT_TRANSLATE_NOOP("Findings", "the signature does not match: the code was altered or not made by this branch"),
    FindingCode.RECEIPT_NOT_HELD: QT_TRANSLATE_NOOP("Findings", "receipt {receipt_no} is not in this branch database"),
    FindingCode.RECEIPT_AMOUNT_DIFFERS: QT_TRANSLATE_NOOP("Findings", "the database has {amount} for receipt {receipt_no}"),
    FindingCode.RECEIPT_TIME_DIFFERS: QT_TRANSLATE_NOOP("Findings", "the database has receipt {receipt_no} paid at {at}"),
    FindingCode.RECEIPT_VOIDED: QT_TRANSLATE_NOOP("Findings", "the payment was voided: {reason}"),
    FindingCode.BUNDLE_DAMAGED: QT_TRANSLATE_NOOP("Findings", "it is damaged or cut off ({detail}); copy it again"),
    FindingCode.NOT_A_ZIP: QT_TRANSLATE_NOOP("Findings", "File is not a zip file"),
    FindingCode.BUNDLE_STRANGE_FILE: QT_TRANSLATE_NOOP("Findings", "it holds a file it should not ({name})"),
    FindingCode.BUNDLE_FILE_TWICE: QT_TRANSLATE_NOOP("Findings", "it holds the same file twice"),
    FindingCode.BUNDLE_LACKS: QT_TRANSLATE_NOOP("Findings", "it lacks {names}"),
    FindingCode.BUNDLE_TOO_LARGE: QT_TRANSLATE_NOOP("Findings", "it is too large"),
    FindingCode.BUNDLE_ZIP_BOMB: QT_TRANSLATE_NOOP("Findings", "{name} inflates {ratio} times its size (a zip bomb?)"),
    FindingCode.BUNDLE_CANNOT_READ: QT_TRANSLATE_NOOP("Findings", "it cannot be read ({detail})"),
    FindingCode.BUNDLE_NO_SNAPSHOT: QT_TRANSLATE_NOOP("Findings", "its manifest names a branch snapshot it does not hold"),
    FindingCode.BUNDLE_CURSOR_NOT_TEXT: QT_TRANSLATE_NOOP("Findings", "its cursor is not text"),
    FindingCode.BUNDLE_MANIFEST_NOT_OBJECT: QT_TRANSLATE_NOOP("Findings", "its manifest is not an object"),
    FindingCode.BUNDLE_MANIFEST_NOT_JSON: QT_TRANSLATE_NOOP("Findings", "its manifest is not JSON"),
    FindingCode.BUNDLE_NOT_REPLY: QT_TRANSLATE_NOOP("Findings", "it is not a protocol {version} reply bundle"),
    FindingCode.BUNDLE_SIGNATURE_CHANGED: QT_TRANSLATE_NOOP("Findings", "its signature does not match (it was changed after signing)"),
    FindingCode.BUNDLE_MEMBER_CHANGED: QT_TRANSLATE_NOOP("Findings", "{name} does not match its manifest (it was changed)"),
    FindingCode.BUNDLE_MEMBER_NOT_JSON: QT_TRANSLATE_NOOP("Findings", "{name} is not valid JSON"),
    FindingCode.CREDENTIALS_NONE: QT_TRANSLATE_NOOP("Findings", "no credential store works on this computer"),
    FindingCode.CREDENTIALS_TEST_LOST: QT_TRANSLATE_NOOP("Findings", "it did not give back a test value; nothing was sent to head office, the one-time code is still unused"),
    FindingCode.CREDENTIALS_KEY_LOST: QT_TRANSLATE_NOOP("Findings", "it did not keep the bundle-signing key"),
    FindingCode.CREDENTIALS_TOKEN_LOST: QT_TRANSLATE_NOOP("Findings", "it did not keep the head-office token; register again with the same code within a few minutes"),
}

CHECKS: dict[str, FindingCode] = {  # a check's name (``Problem.check``) → its words
    "audit_chain": FindingCode.CHECK_AUDIT_CHAIN,
    "payment_audit": FindingCode.CHECK_PAYMENT_AUDIT,
    "outbox_sequence": FindingCode.CHECK_OUTBOX_SEQUENCE,
    "receipt_sequence": FindingCode.CHECK_RECEIPT_SEQUENCE,
    "ledger": FindingCode.CHECK_LEDGER,
    "outbox_payload": FindingCode.CHECK_OUTBOX_PAYLOAD,
}

Value = Union[str, int, "Finding"]


@dataclass(frozen=True)
class Finding:
    """One coded finding; ``str()`` and :attr:`text` say it in English."""

    code: FindingCode
    params: Mapping[str, Value] = field(default_factory=dict)

    @classmethod
    def of(cls, code: FindingCode, **params: Value) -> Finding:
        return cls(code, params)

    def said(self, words: Callable[[FindingCode], str]) -> str:
        """The finding in the words ``words`` gives each code (a finding inside it too)."""
        return words(self.code).format(**{
            name: value.said(words) if isinstance(value, Finding) else value
            for name, value in self.params.items()})

    @property
    def text(self) -> str:
        return self.said(TEXTS.__getitem__)

    def __str__(self) -> str:
        return self.text

    def data(self) -> dict[str, Any]:
        """Its code and values for JSON (a finding inside as its own code and values)."""
        return {"code": self.code.value, "params": {
            name: value.data() if isinstance(value, Finding) else value
            for name, value in self.params.items()}}
