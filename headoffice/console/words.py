"""Codes of the sync rules said in words (Bahasa Indonesia; English in ``i18n.py``)."""

from __future__ import annotations

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
}

EVENT_TYPES = {
    "enrolment.paid": "Pendaftaran dan uang muka",
    "instalment.paid": "Pembayaran cicilan",
    "payment.voided": "Pembatalan pembayaran",
    "plan.broken": "Rencana cicilan putus",
    "work_order.done": "Perintah kerja selesai",
    "customer.change_requested": "Permintaan perubahan data pelanggan",
}


# A service's refusal (an English sentence for the operator) → what the page says first,
# in Bahasa Indonesia; the sentence itself follows as the detail.
REFUSALS = (
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
    ("already exists", "Nama pengguna ini sudah ada."),
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
    ("no customer", "Nomor sambungan ini tidak dikenal."),
    ("user name", "Nama pengguna 2–40 huruf, angka, titik, garis bawah atau tanda hubung."),
)


def refusal_text(message: str) -> str:
    """The page's own words for a refusal ("" when it has none)."""
    return next((words for key, words in REFUSALS if key in message), "")


CUSTOMER_STATES = {"active": "aktif", "sealed": "disegel", "disconnected": "diputus"}


def customer_state(code: str) -> str:
    """A customer's (seal) state in words."""
    return CUSTOMER_STATES.get(code, code)


def reason_text(code: str) -> str:
    return REASONS.get(code, code)


def event_text(code: str) -> str:
    return EVENT_TYPES.get(code, code or "–")
