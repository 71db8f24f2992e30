"""Codes of the sync rules said in words (Bahasa Indonesia; English in ``i18n.py``)."""

from __future__ import annotations

import re
from collections.abc import Callable

from app.services.imports.problems import ImportProblem
from app.services.terms_problems import INDONESIAN as TERMS_INDONESIAN
from app.services.terms_problems import TermsProblem
from headoffice.console.roles import role_label

REASONS = {
    "already_enrolled": "Pelanggan sudah terdaftar dari cabang lain (pendaftaran pertama "
                        "berlaku); uang mukanya disimpan sebagai kredit.",
    "unknown_payment": "Pembatalan tiba sebelum pembayarannya; diterapkan sendiri saat "
                       "pembayaran tiba.",
    "already_voided": "Pembayaran ini sudah dibatalkan sebelumnya.",
    "duplicate_payment": "Pembayaran yang sama sudah diterima.",
    "unknown_customer": "Kantor pusat tidak mengenal pelanggan ini.",
    "unknown_enrolment": "Kantor pusat tidak memegang pendaftaran (rencana) ini.",
    "invalid_payload": "Isi kejadian tidak lengkap atau tidak sah.",
    "missing_cashier": "Kejadian tidak menyebut kasirnya.",
    "unknown_type": "Jenis kejadian tidak dikenal kantor pusat.",
    "sequence_backwards": "Nomor urut perangkat mundur: basis data loket mungkin dipulihkan "
                          "dari cadangan lama.",
    "foreign_enrolment": "Rencana ini dipegang cabang lain; cabang ini tidak boleh membayar ke "
                         "dalamnya atau mengubahnya.",
    "foreign_payment": "Pembayaran ini diterima di cabang lain; hanya cabang itu yang boleh "
                       "membatalkannya.",
    "foreign_customer": "Rencana pelanggan ini dipegang cabang lain; hanya cabang itu yang "
                        "melaporkan perintah kerjanya.",
    "foreign_shift": "Giliran kerja ini milik loket lain.",
    "references_disagree": "Rujukan dalam kejadian (nomor sambungan, kuitansi, jumlah, rencana "
                           "atau loket) berbeda dari yang dipegang kantor pusat.",
    "plan_not_active": "Rencana cicilan ini tidak sedang berjalan.",
    "text_invalid": "Teks dalam kejadian berisi karakter yang tidak disimpan kantor pusat "
                    "(karakter kendali atau tanda arah teks).",
    "audit_chain_broken": "Rantai audit loket tidak lagi menyambung dengan yang tercatat di "
                          "kantor pusat; loket tidak menerima pembayaran sampai ini diselesaikan.",
}

EVENT_TYPES = {
    "enrolment.paid": "Pendaftaran dan uang muka",
    "instalment.paid": "Pembayaran cicilan",
    "payment.voided": "Pembatalan pembayaran",
    "plan.broken": "Rencana cicilan putus",
    "work_order.done": "Perintah kerja selesai",
    "customer.change_requested": "Permintaan perubahan data pelanggan",
    "shift.opened": "Giliran kerja dibuka",
    "shift.counted": "Kas giliran kerja dihitung",
    "shift.closed": "Giliran kerja ditutup",
    "user.added": "Pengguna loket ditambahkan",
    "terms.load": "Ketentuan dimuat di loket",
    "branch.init": "Cabang disiapkan",
    "restore.released": "Loket dilepas setelah pemulihan",
}
UNKNOWN_EVENT_TYPE = "Jenis kejadian tidak dikenal"


# A service's refusal (an English sentence for the operator, found by the first pattern
# that matches it) → what the page says first, in Bahasa Indonesia; the sentence itself
# follows as the detail. What already exists is named: a branch, a staff user, a user.
REFUSALS = (
    ("branch code", "Kode cabang harus 2–16 huruf atau angka (mis. KPG)."),
    ("the branch needs a name", "Cabang perlu nama."),
    ("changed since the request", "Pelanggan berubah sejak permintaan dibuat. Centang "
     "\"Tetap setujui\" untuk menerapkannya juga, atau tolak dengan catatan."),
    ("say why it is rejected", "Tuliskan alasan penolakan di catatan."),
    ("was already", "Sudah diputuskan atau diselesaikan sebelumnya."),
    ("say what was done", "Tuliskan apa yang dilakukan di catatan."),
    ("still cannot be applied", "Kejadian ini masih belum dapat diterapkan."),
    ("is not a rejected event", "Ini bukan kejadian yang ditolak; selesaikan dengan catatan."),
    ("no change request", "Permintaan ini tidak ada."),
    ("no exception", "Pengecualian ini tidak ada."),
    ("counter code must be", "Kode loket harus 1 sampai 16 karakter (mis. L01)."),
    ("no branch", "Cabang ini tidak ada."),
    ("differs from the one previewed", "File berbeda dari yang dipratinjau; pratinjau lagi."),
    ("published with other terms", "Versi ini sudah diterbitkan dengan ketentuan lain; "
     "terbitkan sebagai versi baru."),
    (r"^branch \S+ already exists", "Cabang dengan kode ini sudah ada."),
    (r"^staff user \S+ already exists", "Staf dengan nama pengguna ini sudah ada."),
    (r"^user \S+ already exists", "Pengguna loket dengan nama ini sudah ada."),
    ("already exists", "Yang ditambahkan sudah ada."),
    ("password needs at least", "Kata sandi minimal 8 karakter."),
    ("unknown placeholder", "Templat memakai tempat isian yang tidak dikenal pesan ini."),
    ("brace is not closed", "Kurung kurawal tidak berpasangan; tulis tempat isian seperti "
     "{nama}."),
    ("may not carry a format", "Tempat isian tidak boleh diberi format."),
    ("the template holds", "Templat berisi karakter kendali atau tanda arah teks."),
    ("the template is empty", "Templat kosong."),
    ("the template is longer", "Templat terlalu panjang."),
    ("no gateway is set up", "Gateway pengiriman belum diatur."),
    ("credential", "Kredensial gateway belum tersimpan di penyimpanan kredensial."),
    ("had not opted out", "Pelanggan ini tidak sedang menolak dihubungi."),
    ("published no programme", "Kantor pusat belum menerbitkan program itu."),
    ("has no programme", "Kantor pusat belum menerbitkan program itu."),
    ("no customer", "Nomor sambungan ini tidak dikenal."),
    ("user name", "Nama pengguna 2–40 huruf, angka, titik, garis bawah atau tanda hubung."),
)


def refusal_text(message: str) -> str:
    """The page's own words for a refusal ("" when it has none)."""
    return next((words for key, words in REFUSALS if re.search(key, message)), "")


# Why a terms file cannot be published, in Bahasa Indonesia: the terms problems' own
# (``app.services.terms_problems``); the English is theirs too (``i18n.py``).
TERMS_PROBLEMS = TERMS_INDONESIAN


def import_problem(problem: ImportProblem, translate: Callable[[str], str]) -> str:
    """An import's problem in the page's language (``translate`` is the page's ``_``,
    which finds the English of the imports' own Indonesian words); the cell's value is
    data, escaped by the template like any other."""
    return problem.said(translate(problem.words("id")))


def terms_problem(problem: TermsProblem, translate: Callable[[str], str]) -> str:
    """A terms file's problem in the page's language (as :func:`import_problem`)."""
    words = TERMS_PROBLEMS.get(problem.code)
    return problem.said(translate(words)) if words else problem.text


CUSTOMER_STATES = {"active": "aktif", "sealed": "disegel", "disconnected": "diputus"}


def customer_state(code: str) -> str:
    """A customer's (seal) state in words."""
    return CUSTOMER_STATES.get(code, code)


def reason_text(code: str) -> str:
    return REASONS.get(code, code)


def event_text(code: str) -> str:
    """An event type in words; one head office does not know is said to be unknown (the
    page shows its code beside, as data)."""
    if not code:
        return "–"
    return EVENT_TYPES.get(code, UNKNOWN_EVENT_TYPE)


# Codes the console shows as words (Bahasa Indonesia; English in ``i18n.py``).
PLAN_STATES = {"active": "berjalan", "completed": "lunas", "broken": "putus",
               "cancelled": "dibatalkan"}
REQUEST_STATES = {"pending": "menunggu", "approved": "disetujui", "rejected": "ditolak"}
PAYMENT_KINDS = {"down_payment": "uang muka", "instalment": "cicilan"}
PAYMENT_METHODS = {"cash": "tunai", "transfer": "transfer bank", "qris": "QRIS"}
CUSTOMER_FIELDS = {"name": "nama", "address": "alamat", "phone": "telepon", "rt": "RT",
                   "rw": "RW", "kelurahan": "kelurahan", "kecamatan": "kecamatan",
                   "meter_no": "nomor meter", "tariff_group": "golongan tarif"}
AUDIT_ACTIONS = {
    "signin": "masuk", "signin.refused": "masuk ditolak", "signout": "keluar",
    "staff.add": "staf ditambahkan", "staff.disable": "staf dinonaktifkan",
    "counter.register": "loket didaftarkan", "counter.revoke": "loket dicabut",
    "change_request.approve": "permintaan perubahan disetujui",
    "change_request.reject": "permintaan perubahan ditolak",
    "exception.resolve": "pengecualian diselesaikan",
    "exception.reapply": "pengecualian diterapkan ulang",
    "terms.publish": "ketentuan diterbitkan", "import.customers": "impor pelanggan",
    "import.bills": "impor tagihan",
    "outreach.invitation": "undangan dikirim", "outreach.reminder": "pengingat dikirim",
    "outreach.overdue": "pemberitahuan tunggakan dikirim",
    "outreach.invitation.csv": "undangan diekspor",
    "outreach.reminder.csv": "pengingat diekspor",
    "outreach.overdue.csv": "pemberitahuan tunggakan diekspor",
    "outreach.template": "templat pesan disimpan",
    "outreach.opt_out": "pelanggan tidak mau dihubungi",
    "outreach.opt_in": "pelanggan mau dihubungi lagi",
    "outreach.gateway": "gateway pengiriman diatur",
}
IMPORT_KINDS = {"customers": "pelanggan", "bills": "tagihan"}
WORD_TABLES = {"import_kind": IMPORT_KINDS, "plan_state": PLAN_STATES,
               "request_state": REQUEST_STATES,
               "payment_kind": PAYMENT_KINDS, "payment_method": PAYMENT_METHODS,
               "customer_field": CUSTOMER_FIELDS, "audit_action": AUDIT_ACTIONS}


def in_words(table: dict[str, str]) -> Callable[[str], str]:
    """A template filter: the code's word from ``table`` (the code itself if unknown)."""
    def word(code: str) -> str:
        return table.get(code, code or "–")
    return word


# The audit trail's details the console itself records (in English), said in Indonesian.
AUDIT_DETAILS = (
    (re.compile(r"signed in"), "berhasil masuk"),
    (re.compile(r"signed out"), "keluar"),
    (re.compile(r"unknown user name"), "nama pengguna tidak dikenal"),
    (re.compile(r"account disabled"), "akun nonaktif"),
    (re.compile(r"account locked"), "akun terkunci"),
    (re.compile(r"wrong password \((\d+) in a row\)"),
     r"kata sandi salah (\1 kali berturut-turut)"),
    (re.compile(r"role (\w+)"), "peran {role}"),
    (re.compile(r"one-time code valid until (.+)"), r"kode sekali pakai berlaku sampai \1"),
    (re.compile(r"(\d+) rows: (\d+) new, (\d+) changed, (\d+) unchanged; sha256 (\S+)"),
     r"\1 baris: \2 baru, \3 berubah, \4 tidak berubah; sha256 \5"),
    (re.compile(r"(.*); sha256 (\S+) \(already published\)"),
     r"\1; sha256 \2 (sudah diterbitkan sebelumnya)"),
    (re.compile(r"(\d+) already sent today, (\d+) invalid phones, (\d+) opted out"),
     r"\1 sudah terkirim hari ini, \2 nomor tidak sah, \3 tidak mau dihubungi"),
    (re.compile(r"(\d+) failed, (\d+) already sent, (\d+) invalid phones, (\d+) opted out"),
     r"\1 gagal, \2 sudah terkirim, \3 nomor tidak sah, \4 tidak mau dihubungi"),
    (re.compile(r"(\d+) messages exported"), r"\1 pesan diekspor"),
    (re.compile(r"version (\d+)"), r"versi \1"),
    (re.compile(r"(\d+) to send"), r"\1 akan dikirim"),
    (re.compile(r"(\d+) sent"), r"\1 terkirim"),
)


def audit_detail(text: str) -> str:
    """An audit detail or target the console or the CLI recorded, in Bahasa Indonesia
    (other text as it is)."""
    for pattern, words in AUDIT_DETAILS:
        found = pattern.fullmatch(text)
        if found:
            if "{role}" in words:
                return words.format(role=role_label(found.group(1)))
            return found.expand(words)
    return text
