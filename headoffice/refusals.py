"""Head office's refusals of what its staff ask, coded: a stable code and plain values.

A service refuses with :class:`Refused` (a ``ValueError``) or :class:`NotFound` (a
``LookupError`` too): its English sentence is what it always said (logs, the API, the
console's detail), and :meth:`Refused.in_language` says it in Bahasa Indonesia for
``loket-headoffice``. Each code's words are written once per language below.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping


class RefusalCode(enum.StrEnum):
    BRANCH_CODE_INVALID = "branch_code_invalid"
    BRANCH_NAME_MISSING = "branch_name_missing"
    BRANCH_EXISTS = "branch_exists"
    NO_BRANCH = "no_branch"
    NO_BRANCH_TO_REGISTER = "no_branch_to_register"
    COUNTER_CODE_INVALID = "counter_code_invalid"
    NO_DEVICE = "no_device"
    USERNAME_INVALID = "username_invalid"
    ROLE_INVALID = "role_invalid"
    USER_EXISTS = "user_exists"
    STAFF_EXISTS = "staff_exists"
    PASSWORD_TOO_SHORT = "password_too_short"
    NO_STAFF = "no_staff"
    TERMS_VERSION_CONFLICT = "terms_version_conflict"
    NO_EXCEPTION = "no_exception"
    EXCEPTION_RESOLVED = "exception_resolved"
    RESOLVE_NOTE_MISSING = "resolve_note_missing"
    NOT_A_REJECTED_EVENT = "not_a_rejected_event"
    EVENT_STILL_REFUSED = "event_still_refused"
    NO_CHANGE_REQUEST = "no_change_request"
    REQUEST_DECIDED = "request_decided"
    CUSTOMER_CHANGED = "customer_changed"
    REJECT_NOTE_MISSING = "reject_note_missing"
    TEXT_REFUSED = "text_refused"
    NO_CUSTOMER = "no_customer"
    TLS_PAIR = "tls_pair"
    NO_EPOCH = "no_epoch"
    DEMO_SIZE = "demo_size"
    DEMO_NOT_EMPTY = "demo_not_empty"


# One literal per line, so each code's words are easy to compare with their translation.
TEXTS: dict[RefusalCode, str] = {
    RefusalCode.BRANCH_CODE_INVALID: "branch code {code!r} must be 2–16 letters or digits (e.g. KPG)",
    RefusalCode.BRANCH_NAME_MISSING: "the branch needs a name",
    RefusalCode.BRANCH_EXISTS: "branch {code} already exists",
    RefusalCode.NO_BRANCH: "no branch {code!r}",
    RefusalCode.NO_BRANCH_TO_REGISTER: "no branch {code!r}; add it first (loket-headoffice branch add)",
    RefusalCode.COUNTER_CODE_INVALID: "the counter code must be 1 to 16 characters (e.g. L01)",
    RefusalCode.NO_DEVICE: "no device {device!r}",
    RefusalCode.USERNAME_INVALID: "user name {username!r} must be 2–40 letters, digits, . _ or -",
    RefusalCode.ROLE_INVALID: "role must be one of {roles}",
    RefusalCode.USER_EXISTS: "user {username} already exists",
    RefusalCode.STAFF_EXISTS: "staff user {username} already exists",
    RefusalCode.PASSWORD_TOO_SHORT: "the password needs at least {minimum} characters",
    RefusalCode.NO_STAFF: "no staff user {username!r}",
    RefusalCode.TERMS_VERSION_CONFLICT: "{programme} version {version} was published with other terms; publish them as a new version",
    RefusalCode.NO_EXCEPTION: "no exception {id}",
    RefusalCode.EXCEPTION_RESOLVED: "exception {id} was already resolved",
    RefusalCode.RESOLVE_NOTE_MISSING: "say what was done about it: --note TEXT",
    RefusalCode.NOT_A_REJECTED_EVENT: "exception {id} is not a rejected event; resolve it with a note instead",
    RefusalCode.EVENT_STILL_REFUSED: "event {event} still cannot be applied: {problem}",
    RefusalCode.NO_CHANGE_REQUEST: "no change request {id}",
    RefusalCode.REQUEST_DECIDED: "change request {id} was already {state} by {by} on {day}",
    RefusalCode.CUSTOMER_CHANGED: "customer {connection_no} changed since the request (the branch saw version {seen}, head office now has version {now}) — review: current vs requested: {review}. Approve with --force to apply it anyway, or reject it with --note",
    RefusalCode.REJECT_NOTE_MISSING: "say why it is rejected: --note TEXT",
    RefusalCode.TEXT_REFUSED: "{what} holds {problem}; remove it and try again",
    RefusalCode.NO_CUSTOMER: "head office has no customer {connection_no}",
    RefusalCode.TLS_PAIR: "give both --tls-cert and --tls-key, or neither",
    RefusalCode.NO_EPOCH: "the head-office database has no epoch; run loket-headoffice init",
    RefusalCode.DEMO_SIZE: "the demo holds 1 to 1,500,000 customers, not {customers:,}",
    RefusalCode.DEMO_NOT_EMPTY: "this head office already has customers; the demo needs an empty one",
}

# The same in Bahasa Indonesia, the default language of ``loket-headoffice``.
INDONESIAN: dict[RefusalCode, str] = {
    RefusalCode.BRANCH_CODE_INVALID: "kode cabang {code!r} harus 2–16 huruf atau angka (mis. KPG)",
    RefusalCode.BRANCH_NAME_MISSING: "cabang perlu nama",
    RefusalCode.BRANCH_EXISTS: "cabang {code} sudah ada",
    RefusalCode.NO_BRANCH: "tidak ada cabang {code!r}",
    RefusalCode.NO_BRANCH_TO_REGISTER: "tidak ada cabang {code!r}; tambahkan dulu (loket-headoffice branch add)",
    RefusalCode.COUNTER_CODE_INVALID: "kode loket harus 1 sampai 16 karakter (mis. L01)",
    RefusalCode.NO_DEVICE: "tidak ada perangkat {device!r}",
    RefusalCode.USERNAME_INVALID: "nama pengguna {username!r} harus 2–40 huruf, angka, . _ atau -",
    RefusalCode.ROLE_INVALID: "peran harus salah satu dari {roles}",
    RefusalCode.USER_EXISTS: "pengguna loket {username} sudah ada",
    RefusalCode.STAFF_EXISTS: "staf {username} sudah ada",
    RefusalCode.PASSWORD_TOO_SHORT: "kata sandi minimal {minimum} karakter",
    RefusalCode.NO_STAFF: "tidak ada staf {username!r}",
    RefusalCode.TERMS_VERSION_CONFLICT: "{programme} versi {version} sudah diterbitkan dengan ketentuan lain; terbitkan sebagai versi baru",
    RefusalCode.NO_EXCEPTION: "tidak ada pengecualian {id}",
    RefusalCode.EXCEPTION_RESOLVED: "pengecualian {id} sudah diselesaikan",
    RefusalCode.RESOLVE_NOTE_MISSING: "tuliskan apa yang dilakukan: --note TEKS",
    RefusalCode.NOT_A_REJECTED_EVENT: "pengecualian {id} bukan kejadian yang ditolak; selesaikan dengan catatan",
    RefusalCode.EVENT_STILL_REFUSED: "kejadian {event} masih belum dapat diterapkan: {problem}",
    RefusalCode.NO_CHANGE_REQUEST: "tidak ada permintaan perubahan {id}",
    RefusalCode.REQUEST_DECIDED: "permintaan perubahan {id} sudah {state} oleh {by} pada {day}",
    RefusalCode.CUSTOMER_CHANGED: "pelanggan {connection_no} berubah sejak permintaan dibuat (cabang melihat versi {seen}, kantor pusat kini memegang versi {now}) — tinjau: sekarang vs diminta: {review}. Setujui dengan --force untuk tetap menerapkannya, atau tolak dengan --note",
    RefusalCode.REJECT_NOTE_MISSING: "tuliskan alasan penolakan: --note TEKS",
    RefusalCode.TEXT_REFUSED: "{what} berisi {problem}; hapus lalu coba lagi",
    RefusalCode.NO_CUSTOMER: "kantor pusat tidak mengenal pelanggan {connection_no}",
    RefusalCode.TLS_PAIR: "berikan --tls-cert dan --tls-key bersama, atau tidak keduanya",
    RefusalCode.NO_EPOCH: "basis data kantor pusat belum punya epoch; jalankan loket-headoffice init",
    RefusalCode.DEMO_SIZE: "demo berisi 1 sampai 1.500.000 pelanggan, bukan {customers}",
    RefusalCode.DEMO_NOT_EMPTY: "kantor pusat ini sudah punya pelanggan; demo perlu basis data kosong",
}


class Refused(ValueError):
    """A refusal with its code and values; ``str()`` is its English sentence."""

    def __init__(self, code: RefusalCode, /, **params: object) -> None:
        self.code = code
        self.params: Mapping[str, object] = params
        super().__init__(self.said(TEXTS[code]))

    def said(self, template: str) -> str:
        """``template`` (this code's words in some language) filled in."""
        return template.format(**self.params)

    def in_language(self, lang: str) -> str:
        """The refusal in ``lang`` (``id`` or ``en``)."""
        return self.said(INDONESIAN[self.code]) if lang == "id" else str(self)


class NotFound(Refused, LookupError):
    """A refusal because what was named does not exist."""
