"""The self-check page's words: Bahasa Indonesia (the source text) and English.

Templates write Indonesian and wrap it in ``_()``; :data:`ENGLISH` holds the English of
each text (a text without an entry is shown in Indonesian). Reasons a customer cannot
join are codes from the quote, said here in words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

LANGUAGES = ("id", "en")
MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}

# Why a customer cannot join (quote reason codes), said to the customer.
REASONS = {
    "programme_closed": "Program {programme} tidak berlaku hari ini.",
    "status": "Program ini untuk sambungan yang sedang disegel; sambungan Anda tidak "
              "sedang disegel.",
    "no_arrears": "Anda tidak punya tunggakan rekening. Terima kasih!",
    "tariff": "Golongan tarif sambungan Anda tidak termasuk dalam program ini.",
    "arrears_low": "Tunggakan Anda di bawah batas program ini.",
    "arrears_high": "Tunggakan Anda di atas batas program ini.",
    "already_enrolled": "Anda sudah pernah ikut program ini.",
}
OTHER_REASON = "Sambungan Anda tidak memenuhi syarat program ini."

ENGLISH: dict[str, str] = {
    "Cek tagihan & Buka Segel": "Check your bill & Buka Segel",
    "Perumda Air Minum Kota Kupang": "Perumda Air Minum Kota Kupang",
    "Masukkan nomor sambungan dan 4 angka terakhir nomor meter. Keduanya tertera di "
    "rekening air Anda.":
        "Enter your connection number and the last 4 digits of your meter number. Both "
        "are printed on your water bill.",
    "Nomor sambungan": "Connection number",
    "4 angka terakhir nomor meter": "Last 4 digits of the meter number",
    "Cek": "Check",
    "Cek nomor lain": "Check another number",
    "Data tidak cocok. Periksa nomor sambungan dan 4 angka terakhir nomor meter pada "
    "rekening air Anda, lalu coba lagi.":
        "The details do not match. Check the connection number and the last 4 digits of "
        "the meter number on your water bill, then try again.",
    "Terlalu banyak percobaan. Demi keamanan data pelanggan, coba lagi dalam {minutes} "
    "menit.":
        "Too many tries. To keep customers' data safe, try again in {minutes} minutes.",
    "Formulir kedaluwarsa. Silakan isi dan kirim sekali lagi.":
        "The form expired. Please fill it in and send it once more.",
    "Isi nomor sambungan dari rekening air Anda.":
        "Enter the connection number from your water bill.",
    "Nomor sambungan hanya berisi angka.": "A connection number holds digits only.",
    "Nomor sambungan terdiri dari 5 sampai 20 angka.":
        "A connection number has 5 to 20 digits.",
    "Isi 4 angka terakhir nomor meter dari rekening air Anda.":
        "Enter the last 4 digits of the meter number from your water bill.",
    "Isi tepat 4 angka: angka terakhir nomor meter.":
        "Enter exactly 4 digits: the last ones of the meter number.",
    "Isian terlalu panjang.": "Too long.",
    "Isian memuat karakter kendali; ketik ulang tanpa menyalin.":
        "The text holds control characters; type it again instead of pasting.",
    "Pelanggan": "Customer",
    "Kelurahan": "Kelurahan",
    "Data per {day}": "As of {day}",
    "Tunggakan rekening": "Unpaid bills",
    "Denda": "Penalties",
    "Denda dihapus": "Penalties waived",
    "Jumlah tagihan": "Amount due",
    "Penawaran Buka Segel untuk Anda hari ini": "Your Buka Segel offer today",
    "Bayar uang muka": "Pay a down payment of",
    "dan segel meter Anda dibuka.": "and your meter's seal is opened.",
    "Sisanya {amount} dapat dicicil:": "The remaining {amount} can be paid in instalments:",
    "Sisanya lunas dengan uang muka.": "The down payment settles it all.",
    "{count} kali": "{count} times",
    "{amount} per bulan": "{amount} a month",
    "1 kali: {amount}": "once: {amount}",
    "Ke-": "No.",
    "Jatuh tempo": "Due",
    "Jumlah": "Amount",
    "Program berlaku sampai {day}. Penawaran dihitung untuk hari ini; jumlahnya bisa "
    "berubah bila ada rekening baru.":
        "The programme runs until {day}. The offer is worked out for today; the figures "
        "can change when a new bill comes.",
    "Anda sudah terdaftar di program ini": "You are enrolled in the programme",
    "Cicilan berikutnya": "Next instalment",
    "Cicilan ke-{number} dari {count}: {amount}, jatuh tempo {day}.":
        "Instalment {number} of {count}: {amount}, due {day}.",
    "Sudah lewat jatuh tempo — bayar segera agar segel tidak dipasang kembali.":
        "The due date has passed — pay soon so the seal is not put back.",
    "Sisa cicilan seluruhnya: {amount}.": "Left to pay in all: {amount}.",
    "Semua cicilan sudah dibayar.": "Every instalment is paid.",
    "Program belum bisa ditawarkan": "No offer for you now",
    "Anda tidak punya tunggakan rekening. Terima kasih!":
        "You have no unpaid bills. Thank you!",
    "Tanyakan di kantor pelayanan di bawah ini.": "Ask at the service office below.",
    "Saat ini tidak ada program Buka Segel.": "There is no Buka Segel programme now.",
    "Kantor pelayanan Anda": "Your service office",
    "Jam buka": "Opening hours",
    "Dokumen yang dibawa": "Documents to bring",
    "Nama disamarkan untuk melindungi data Anda.": "The name is masked to protect your data.",
    **{text: english for text, english in zip(REASONS.values(), (
        "The {programme} programme does not run today.",
        "This programme is for sealed connections; yours is not sealed.",
        "You have no unpaid bills. Thank you!",
        "Your connection's tariff group is not part of this programme.",
        "Your arrears are below this programme's minimum.",
        "Your arrears are above this programme's maximum.",
        "You have already taken part in this programme."), strict=True)},
    OTHER_REASON: "Your connection does not meet this programme's conditions.",
}


def translator(language: str) -> Callable[[str], str]:
    """``_(text)`` for a page in ``language``."""
    if language == "en":
        return lambda text: ENGLISH.get(text, text)
    return lambda text: text


def long_date(day: dt.date, language: str) -> str:
    """``24 November 2025`` (month names in the page's language)."""
    return f"{day.day} {MONTHS.get(language, MONTHS['id'])[day.month - 1]} {day.year}"


def reason_text(code: str) -> str:
    return REASONS.get(code, OTHER_REASON)
