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


def reason_text(code: str) -> str:
    return REASONS.get(code, code)


def event_text(code: str) -> str:
    return EVENT_TYPES.get(code, code or "–")
