"""The error catalogue in Bahasa Indonesia, for the admin command lines (Qt-free).

:data:`INDONESIAN` says each sentence of :data:`~app.services.errors.TEXTS` as the counter
window does (the same words as ``resources/i18n/loket_id.ts``, context ``Errors``; a test
keeps the two equal), :data:`ADMIN_INDONESIAN` those of
:data:`~app.services.errors.ADMIN_TEXTS` whose parameters read well in Indonesian. A code
with an English admin sentence but no Indonesian one is said with the window's sentence.
Amounts read ``Rp 2.400.000`` in both languages.
"""

from __future__ import annotations

from app.services.errors import DomainError, ErrorCode, render
from app.services.finding_words import finding_text
from app.services.findings import Finding
from app.services.sync.problem_words import indonesian, translated_params
from app.services.terms_problems import TermsInvalid

INDONESIAN: dict[ErrorCode, str] = {  # one literal per line, as the English catalogue
    ErrorCode.AMOUNT_MALFORMED: "'{text}' bukan jumlah rupiah yang sah.",
    ErrorCode.AMOUNT_AMBIGUOUS: "'{text}' bisa berarti lebih dari satu jumlah. Ketik angkanya saja, mis. 2400000.",
    ErrorCode.AMOUNT_NOT_POSITIVE: 'Jumlah harus lebih dari nol.',
    ErrorCode.AMOUNT_TOO_LARGE: '{amount} melebihi batas yang diterima Loket ({limit}).',
    ErrorCode.AMOUNT_BELOW_DUE: '{amount} kurang dari {due} yang harus dibayar.',
    ErrorCode.AMOUNT_ABOVE_BALANCE: '{amount} melebihi sisa tagihan {balance}.',
    ErrorCode.TENDERED_BELOW_AMOUNT: 'Uang yang diterima ({tendered}) kurang dari {amount}.',
    ErrorCode.REFERENCE_REQUIRED: 'Pembayaran transfer atau QRIS wajib disertai nomor referensi.',
    ErrorCode.METHOD_UNKNOWN: 'Cara bayar tidak dikenal.',
    ErrorCode.CUSTOMER_NOT_FOUND: "Tidak ada pelanggan dengan nomor sambungan '{connection_no}'.",
    ErrorCode.PROGRAMME_NOT_FOUND: "Tidak ada program promo '{code}'.",
    ErrorCode.PROGRAMME_NOT_ACTIVE: 'Program berlaku {valid_from} s.d. {valid_to}; tidak berlaku pada {on}.',
    ErrorCode.NOT_ELIGIBLE: 'Pelanggan tidak memenuhi syarat: {reasons}',
    ErrorCode.ALREADY_ENROLLED: 'Pelanggan sudah terdaftar ({state} sejak {since}).',
    ErrorCode.INSTALMENT_COUNT_NOT_ALLOWED: '{count} kali cicilan tidak diizinkan; pilih {allowed}.',
    ErrorCode.NO_ACTIVE_PLAN: 'Pelanggan tidak punya rencana cicilan yang aktif.',
    ErrorCode.PLAN_REFUSED: 'Kantor pusat menolak cicilan ini ({reason}). Uang muka {receipt_no} disimpan di sana sebagai dana titipan: jangan terima pembayaran lagi; supervisor perlu membatalkan kwitansinya dan mengembalikan uang pelanggan.',
    ErrorCode.PLAN_REFUSED_ENROLLED_ELSEWHERE: 'Kantor pusat menolak cicilan ini: pelanggan lebih dulu terdaftar di cabang {branch} (sejak {since}). Uang muka {receipt_no} disimpan di sana sebagai dana titipan: jangan terima pembayaran lagi; supervisor perlu membatalkan kwitansinya dan mengembalikan uang pelanggan.',
    ErrorCode.ENROLLED_ELSEWHERE: 'Pelanggan sudah terdaftar di cabang {branch} (sejak {since}, menurut kantor pusat pada sinkron terakhir).',
    ErrorCode.PAYMENT_NOT_FOUND: "Tidak ada pembayaran dengan nomor kwitansi '{receipt_no}'.",
    ErrorCode.ALREADY_VOIDED: 'Kwitansi {receipt_no} sudah dibatalkan.',
    ErrorCode.VOID_LATER_PAYMENTS_FIRST: 'Batalkan dulu kwitansi yang lebih baru dari rencana ini: {receipts}.',
    ErrorCode.REASON_REQUIRED: 'Isi alasannya.',
    ErrorCode.NOT_AUTHORISED: "'{username}' tidak berwenang melakukan ini.",
    ErrorCode.BAD_CREDENTIALS: 'Nama pengguna atau kata sandi salah.',
    ErrorCode.USER_LOCKED: "Pengguna '{username}' dikunci sampai pukul {until} karena terlalu sering salah kata sandi.",
    ErrorCode.USER_EXISTS: "Pengguna '{username}' sudah ada.",
    ErrorCode.USER_NOT_FOUND: "Tidak ada pengguna '{username}'.",
    ErrorCode.PASSWORD_TOO_SHORT: 'Kata sandi minimal {minimum} karakter.',
    ErrorCode.WORK_ORDER_NOT_FOUND: "Tidak ada SPK '{number}'.",
    ErrorCode.WORK_ORDER_CLOSED: 'SPK {number} sudah ditutup.',
    ErrorCode.FIELD_OFFICER_REQUIRED: 'Isi nama petugas lapangan yang mengerjakan.',
    ErrorCode.CHANGE_FIELD_NOT_ALLOWED: "'{field}' hanya dapat diubah kantor pusat, tidak di loket.",
    ErrorCode.CHANGE_NOTHING: 'Tidak ada yang diubah: ketik data baru terlebih dahulu.',
    ErrorCode.CHANGE_VALUE_REQUIRED: 'Tidak boleh kosong.',
    ErrorCode.CHANGE_VALUE_TOO_LONG: 'Paling banyak {limit} karakter.',
    ErrorCode.PHONE_INVALID: "'{text}' bukan nomor telepon: 8 sampai 15 angka, boleh diawali +.",
    ErrorCode.RT_RW_INVALID: "'{text}' bukan nomor RT/RW: 1 sampai 3 angka.",
    ErrorCode.TERMS_INVALID: 'Ketentuan promo tidak sah: {problem}',
    ErrorCode.TERMS_VERSION_CONFLICT: '{code} versi {version} sudah dimuat dengan ketentuan lain.',
    ErrorCode.IMPORT_INVALID: '{file}: {problem}',
    ErrorCode.DATE_INVALID: "'{text}' bukan tanggal yang sah.",
    ErrorCode.DATABASE_NOT_INITIALISED: 'Tidak ada basis data cabang di {path}.',
    ErrorCode.SHIFT_NOT_OPEN: 'Buka shift dulu sebelum menerima pembayaran.',
    ErrorCode.SHIFT_ALREADY_OPEN: 'Shift {cashier} masih terbuka di loket ini.',
    ErrorCode.SHIFT_NOT_COUNTED: 'Hitung kas dulu sebelum disetujui supervisor.',
    ErrorCode.SHIFT_LOCKED: 'Kwitansi {receipt_no} milik shift yang sudah ditutup; pembatalan harus oleh supervisor.',
    ErrorCode.COUNT_INVALID: 'Hitungan kas tidak sah: {problem}',
    ErrorCode.SYNC_NOT_REGISTERED: 'Loket ini belum terdaftar di kantor pusat (Sinkron → Daftarkan loket).',
    ErrorCode.SYNC_ALREADY_RUNNING: 'Sinkronisasi sedang berjalan di loket ini (sampai {until}). Tunggu sampai selesai.',
    ErrorCode.SYNC_UNREACHABLE: 'Kantor pusat tidak dapat dihubungi ({problem}). Tidak ada data yang ditandai terkirim; coba lagi nanti.',
    ErrorCode.SYNC_BAD_RESPONSE: 'Jawaban kantor pusat tidak dapat dipakai ({problem}). Tidak ada data yang ditandai terkirim.',
    ErrorCode.SYNC_REFUSED: 'Kantor pusat menolak permintaan: {problem}',
    ErrorCode.SYNC_UNAUTHORISED: 'Kantor pusat tidak menerima token loket ini. Daftarkan loket sekali lagi.',
    ErrorCode.SYNC_DEVICE_REVOKED: 'Kantor pusat telah mencabut izin loket ini. Hubungi kantor pusat.',
    ErrorCode.SYNC_PROTOCOL_UNSUPPORTED: 'Kantor pusat tidak mendukung protokol sinkron {version} (yang didukung: {supported}). Perbarui Loket.',
    ErrorCode.SYNC_BRANCH_RESTORED: 'Basis data cabang ini tertinggal dari kantor pusat (kantor pusat menyimpan data loket ini sampai nomor {office_seq}): basis data dipulihkan dari cadangan lama. Jangan terima pembayaran dan hubungi kantor pusat.',
    ErrorCode.SYNC_BAD_CHANGE: 'Kantor pusat mengirim perubahan yang tidak dapat diterapkan ({kind} {key}: {problem}). Tidak ada data dari halaman itu yang diterapkan.',
    ErrorCode.SYNC_REGISTRATION_THROTTLED: 'Kantor pusat menolak terlalu banyak percobaan pendaftaran dari jaringan ini. Tunggu {minutes} menit, periksa kode sekali pakai, lalu coba lagi.',
    ErrorCode.SYNC_CODE_LOCKED: 'Kode sekali pakai ini dikunci karena terlalu banyak percobaan yang salah. Mintalah kode baru ke kantor pusat.',
    ErrorCode.PAYMENTS_BLOCKED_AFTER_RESTORE: 'Loket ini dipulihkan dari cadangan ({restored_at}). Sinkronkan dengan kantor pusat (F12) sebelum menerima pembayaran. Bila tidak ada sambungan ke kantor pusat, supervisor dapat mengizinkan pembayaran: Sinkron → Izinkan pembayaran setelah pemulihan.',
    ErrorCode.PAYMENTS_BLOCKED_CHAIN_FLAGGED: 'Kantor pusat mendapati pembukuan loket ini tidak lagi cocok dengan yang dicatatnya ({restored_at}). Jangan menerima pembayaran dan hubungi kantor pusat. Setelah kantor pusat membereskannya, supervisor dapat mengizinkan pembayaran: Sinkron → Izinkan pembayaran setelah pemulihan.',
    ErrorCode.PAYMENTS_NOT_BLOCKED: 'Pembayaran di loket ini tidak ditahan; tidak ada yang perlu diizinkan.',
    ErrorCode.BUNDLE_INVALID: 'Berkas sinkron {file} tidak dapat dipakai: {problem}',
    ErrorCode.BUNDLE_WRONG_BRANCH: 'Berkas sinkron {file} untuk {found}, bukan untuk {expected}.',
    ErrorCode.TOKEN_STORE_UNAVAILABLE: 'Penyimpanan kredensial tidak dapat menyimpan token kantor pusat: {problem}',
    ErrorCode.DATABASE_CORRUPT: 'Basis data cabang {path} rusak ({problem}). Pulihkan cadangan baik yang terbaru: loket-admin restore "{backup}"',
    ErrorCode.DATABASE_CORRUPT_NO_BACKUP: 'Basis data cabang {path} rusak ({problem}) dan tidak ada cadangan yang baik di {folder}. Pulihkan dari salinan luar: loket-admin restore BERKAS',
    ErrorCode.DATABASE_IN_USE: 'Basis data cabang {path} sedang dipakai. Tutup Loket di komputer ini lalu coba lagi.',
    ErrorCode.BACKUP_NOT_FOUND: 'Berkas cadangan {file} tidak ada.',
    ErrorCode.BACKUP_CORRUPT: 'Cadangan {file} tidak dapat dipulihkan: {problem}',
    ErrorCode.BACKUP_FAILED: 'Pencadangan ke {path} gagal: {problem}',
    ErrorCode.BACKUP_FOLDER_MISSING: 'Folder {path} tidak ada. Apakah flashdisk sudah terpasang? Tidak ada yang ditulis.',
    ErrorCode.BACKUP_NOT_WRITABLE: 'Loket tidak dapat menulis cadangan ke {path} ({problem}). Pilih folder lain, atau periksa apakah flashdisk tidak dikunci (write-protect). Tidak ada yang ditulis.',
    ErrorCode.BACKUP_DISK_FULL: 'Ruang kosong di {path} tidak cukup: cadangan memerlukan sekitar {needed}, yang tersedia {free}. Tidak ada yang ditulis.',
    ErrorCode.DATABASE_EXISTS: 'Di {path} sudah ada basis data cabang.',
    ErrorCode.CODE_INVALID: "'{code}' tidak dapat dipakai: kode terdiri dari {low} sampai {high} huruf atau angka, tanpa spasi.",
    ErrorCode.COUNTER_CODE_IS_BRANCH_CODE: 'Loket perlu kode sendiri, bukan kode cabang {code} (mis. L01).',
    ErrorCode.VALUE_REQUIRED: 'Wajib diisi.',
    ErrorCode.TEXT_TOO_LONG: 'Paling banyak {limit} karakter.',
    ErrorCode.USERNAME_INVALID: "'{username}' tidak dapat dipakai: nama pengguna terdiri dari {low} sampai {high} huruf, angka, titik, tanda hubung atau garis bawah, tanpa spasi.",
    ErrorCode.USERNAME_RESERVED: "'{username}' dipakai oleh Loket sendiri; pilih nama pengguna lain.",
    ErrorCode.PASSWORD_IS_USERNAME: 'Kata sandi tidak boleh sama dengan nama pengguna.',
    ErrorCode.SETTINGS_INVALID: 'Pengaturan loket tidak sah: {problem}',
    ErrorCode.SETTINGS_NOT_SAVED: 'Pengaturan tidak dapat disimpan ke {path} ({problem}). Tidak ada yang diubah.',
    ErrorCode.ARGUMENT_INVALID: '{what} harus {expected}, bukan {value}.',
    ErrorCode.TEXT_INVALID: '{field} berisi {problem}. Hapus lalu coba lagi.',
    ErrorCode.TENDERED_TOO_LARGE: 'Uang diterima ({tendered}) melebihi batas yang diterima Loket ({limit}).',
    ErrorCode.BUNDLE_KEY_MISSING: 'Loket ini belum punya kunci untuk menandatangani bundel sinkronisasi (didaftarkan sebelum bundel ditandatangani oleh loket). Daftarkan ulang dengan kode sekali pakai baru dari kantor pusat.',
}
ADMIN_INDONESIAN: dict[ErrorCode, str] = {
    ErrorCode.METHOD_UNKNOWN: "Metode pembayaran '{method}' tidak dikenal (cash, transfer atau qris).",
    ErrorCode.PROGRAMME_NOT_ACTIVE: "Program '{code}' berlaku {valid_from} sampai {valid_to}, tidak pada {on}.",
    ErrorCode.CHANGE_VALUE_REQUIRED: "{field} tidak boleh kosong.",
    ErrorCode.CHANGE_VALUE_TOO_LONG: "{field} paling banyak {limit} karakter.",
    ErrorCode.RT_RW_INVALID: "{field} '{text}' harus 1 sampai 3 angka.",
    ErrorCode.DATE_INVALID: "'{text}' bukan tanggal (tulis TTTT-BB-HH).",
    ErrorCode.DATABASE_NOT_INITIALISED: "Tidak ada basis data cabang di {path}; jalankan 'loket-admin init'.",
    ErrorCode.PAYMENTS_BLOCKED_AFTER_RESTORE: "Loket ini dipulihkan dari cadangan ({restored_from}, {restored_at}); sinkronkan dengan kantor pusat sebelum menerima pembayaran, atau minta supervisor mengizinkan pembayaran (loket-admin restore-block release).",
    ErrorCode.PAYMENTS_NOT_BLOCKED: "Pembayaran tidak diblokir di loket ini; tidak ada yang perlu diizinkan.",
    ErrorCode.PAYMENTS_BLOCKED_CHAIN_FLAGGED: "Kantor pusat mendapati rantai audit loket ini tidak lagi menyambung dengan yang dicatatnya ({restored_at}); jangan menerima pembayaran sampai kantor pusat membereskannya dan supervisor mengizinkan pembayaran (loket-admin restore-block release).",
    ErrorCode.VALUE_REQUIRED: "{field} tidak boleh kosong.",
    ErrorCode.TEXT_TOO_LONG: "{field} lebih dari {limit} karakter.",
}


def error_text(error: DomainError, lang: str) -> str:
    """The admin sentence for ``error`` in ``lang`` (``id`` or ``en``); a finding, the
    problems of a terms file or the detail of a sync error inside it are said in ``lang``
    too."""
    if lang != "id":
        return error.message
    template = ADMIN_INDONESIAN.get(error.code) or INDONESIAN.get(error.code)
    if template is None:
        return error.message
    params = translated_params(error.code, {
        name: finding_text(value, lang) if isinstance(value, Finding) else value
        for name, value in error.params.items()}, indonesian, english=False)
    if isinstance(error, TermsInvalid):
        params["problem"] = "; ".join(p.in_language(lang) for p in error.problems)
    return render(template, error.code, params) or error.message
