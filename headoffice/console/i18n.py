"""The console's two languages: Bahasa Indonesia (the source text) and English.

Templates write Indonesian and wrap it in ``_()``; :data:`ENGLISH` holds the English of
each text. A text without an English entry is shown in Indonesian.
"""

from __future__ import annotations

from collections.abc import Callable

LANGUAGES = ("id", "en")

ENGLISH: dict[str, str] = {
    # frame
    "Konsol kantor pusat": "Head-office console",
    "Masuk": "Sign in",
    "Keluar": "Sign out",
    "Nama pengguna": "User name",
    "Kata sandi": "Password",
    "Bahasa": "Language",
    "Beranda": "Home",
    "Peran": "Role",
    "Manajer": "Manager",
    "Hubungan Pelanggan": "Customer relations",
    "Keuangan": "Finance",
    "TI": "IT",
    "Evaluasi program": "Programme evaluation",
    "Permintaan perubahan": "Change requests",
    "Pengecualian": "Exceptions",
    "Rekonsiliasi": "Reconciliation",
    "Pelanggan": "Customers",
    "Loket": "Counters",
    "Ketentuan & impor": "Terms & imports",
    "Staf": "Staff",
    "Jejak audit": "Audit trail",
    "Lewati ke isi": "Skip to content",
    # sign-in and refusals
    "Masuk ke konsol": "Sign in to the console",
    "Nama pengguna atau kata sandi salah.": "Wrong user name or password.",
    "Akun ini dikunci setelah terlalu banyak percobaan yang salah. Coba lagi setelah":
        "This account is locked after too many wrong attempts. Try again after",
    "Akun ini dinonaktifkan. Hubungi TI.": "This account is disabled. Ask IT.",
    "Tidak diizinkan": "Not allowed",
    "Peran Anda tidak mengizinkan halaman atau tindakan ini. Tidak ada yang diubah.":
        "Your role does not allow this page or action. Nothing was changed.",
    "Formulir ditolak": "Form refused",
    "Formulir ini kedaluwarsa atau tidak berasal dari konsol ini. Tidak ada yang diubah. "
    "Buka halamannya lagi dan coba sekali lagi.":
        "This form expired or did not come from this console. Nothing was changed. "
        "Open the page again and try once more.",
    "Kembali ke beranda": "Back to home",
    # home
    "Selamat datang": "Welcome",
    "Pilih pekerjaan dari menu.": "Choose a task from the menu.",
    "menunggu keputusan": "awaiting a decision",
    "terbuka": "open",
    "tidak terdengar lebih dari sehari": "not heard from for more than a day",
    # evaluation placeholder
    "Evaluasi program Buka Segel sedang disiapkan dan belum tersedia di konsol.":
        "The Buka Segel programme evaluation is being prepared and is not yet available "
        "in the console.",
}


def translator(language: str) -> Callable[[str], str]:
    """``_(text)`` for a page in ``language``."""
    if language == "en":
        return lambda text: ENGLISH.get(text, text)
    return lambda text: text
