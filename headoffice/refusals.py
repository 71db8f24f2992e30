"""Head office's refusals of what its staff ask, coded: a stable code and plain values.

A service refuses with :class:`Refused` (a ``ValueError``) or :class:`NotFound` (a
``LookupError`` too): its English sentence is what it always said (logs, the API, the
console's detail), and :meth:`Refused.in_language` says it in Bahasa Indonesia for
``loket-headoffice``. Each code's words are written once per language below.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from app.services.finding_words import finding_text
from app.services.findings import Finding


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
    BUNDLE_UNREADABLE = "bundle_unreadable"
    BUNDLE_NOT_A_MANIFEST = "bundle_not_a_manifest"
    BUNDLE_CHECKSUM = "bundle_checksum"
    BUNDLE_PROTOCOL = "bundle_protocol"
    BUNDLE_DEVICE_UNKNOWN = "bundle_device_unknown"
    BUNDLE_DEVICE_NO_KEY = "bundle_device_no_key"
    BUNDLE_SIGNATURE = "bundle_signature"
    BUNDLE_DEVICE_REVOKED = "bundle_device_revoked"
    BUNDLE_WRONG_BRANCH = "bundle_wrong_branch"
    BUNDLE_NOT_IMPORTED = "bundle_not_imported"
    BUNDLE_CHAIN_HEAD = "bundle_chain_head"
    BUNDLE_EVENT_MALFORMED = "bundle_event_malformed"
    BUNDLE_MANIFEST_MISMATCH = "bundle_manifest_mismatch"


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
    RefusalCode.BUNDLE_UNREADABLE: "this is not a readable sync bundle: {problem}",
    RefusalCode.BUNDLE_NOT_A_MANIFEST: "the bundle's manifest is not a Loket manifest",
    RefusalCode.BUNDLE_CHECKSUM: "{name} does not match the manifest's checksum (tampered?)",
    RefusalCode.BUNDLE_PROTOCOL: "the bundle speaks protocol {protocol!r}; head office speaks {supported}",
    RefusalCode.BUNDLE_DEVICE_UNKNOWN: "device {device!r} is not registered",
    RefusalCode.BUNDLE_DEVICE_NO_KEY: "device {device} was registered before counters signed their bundles with a key of their own; register the counter again with a new one-time code, then export the bundle again",
    RefusalCode.BUNDLE_SIGNATURE: "the signature does not match: the bundle was changed, or not signed by this device",
    RefusalCode.BUNDLE_DEVICE_REVOKED: "device {device} was revoked; its bundles are refused",
    RefusalCode.BUNDLE_WRONG_BRANCH: "the bundle is for branch {branch!r}; device {device} belongs to branch {owner}",
    RefusalCode.BUNDLE_NOT_IMPORTED: "nothing was imported: {problem}",
    RefusalCode.BUNDLE_CHAIN_HEAD: "the manifest's audit-chain head is malformed: {problem}",
    RefusalCode.BUNDLE_EVENT_MALFORMED: "an event in the bundle is malformed: {problem}",
    RefusalCode.BUNDLE_MANIFEST_MISMATCH: "the manifest does not match the events (sequence range, counts or amounts): the bundle was tampered with or damaged",
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
    RefusalCode.BUNDLE_UNREADABLE: "ini bukan bundel sinkron yang dapat dibaca: {problem}",
    RefusalCode.BUNDLE_NOT_A_MANIFEST: "manifes bundel ini bukan manifes Loket",
    RefusalCode.BUNDLE_CHECKSUM: "{name} tidak cocok dengan checksum di manifes (diubah orang?)",
    RefusalCode.BUNDLE_PROTOCOL: "bundel ini memakai protokol {protocol!r}; kantor pusat memakai {supported}",
    RefusalCode.BUNDLE_DEVICE_UNKNOWN: "perangkat {device!r} tidak terdaftar",
    RefusalCode.BUNDLE_DEVICE_NO_KEY: "perangkat {device} didaftarkan sebelum loket menandatangani bundelnya dengan kunci sendiri; daftarkan loket itu lagi dengan kode sekali pakai baru, lalu ekspor bundelnya lagi",
    RefusalCode.BUNDLE_SIGNATURE: "tanda tangannya tidak cocok: bundel ini diubah, atau tidak ditandatangani perangkat ini",
    RefusalCode.BUNDLE_DEVICE_REVOKED: "izin perangkat {device} telah dicabut; bundelnya ditolak",
    RefusalCode.BUNDLE_WRONG_BRANCH: "bundel ini untuk cabang {branch!r}; perangkat {device} milik cabang {owner}",
    RefusalCode.BUNDLE_NOT_IMPORTED: "tidak ada yang diimpor: {problem}",
    RefusalCode.BUNDLE_CHAIN_HEAD: "ujung rantai audit di manifes tidak sah: {problem}",
    RefusalCode.BUNDLE_EVENT_MALFORMED: "sebuah kejadian dalam bundel tidak sah: {problem}",
    RefusalCode.BUNDLE_MANIFEST_MISMATCH: "manifes tidak cocok dengan kejadiannya (rentang nomor urut, jumlah kejadian atau nilai uang): bundel ini diubah orang atau rusak",
}


class Refused(ValueError):
    """A refusal with its code and values; ``str()`` is its English sentence."""

    def __init__(self, code: RefusalCode, /, **params: object) -> None:
        self.code = code
        self.params: Mapping[str, object] = params
        super().__init__(self.said(TEXTS[code]))

    def said(self, template: str, lang: str = "en") -> str:
        """``template`` (this code's words in ``lang``) filled in, a finding inside it
        said in ``lang`` too."""
        return template.format(**{
            name: finding_text(value, lang) if isinstance(value, Finding) else value
            for name, value in self.params.items()})

    def in_language(self, lang: str) -> str:
        """The refusal in ``lang`` (``id`` or ``en``)."""
        return self.said(INDONESIAN[self.code], lang) if lang == "id" else str(self)


class NotFound(Refused, LookupError):
    """A refusal because what was named does not exist."""
