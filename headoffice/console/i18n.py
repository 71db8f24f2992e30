"""The console's two languages: Bahasa Indonesia (the source text) and English.

Templates write Indonesian and wrap it in ``_()``; :data:`ENGLISH` holds the English of
each text. A text without an English entry is shown in Indonesian.
"""

from __future__ import annotations

from collections.abc import Callable

from app.services.imports.problems import INDONESIAN as PROBLEM_WORDS
from app.services.imports.problems import TEXTS as PROBLEM_TEXTS
from app.services.terms_problems import TEXTS as TERMS_TEXTS
from headoffice.console.words import TERMS_PROBLEMS

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
    "Halaman tidak ditemukan": "Page not found",
    # codes in words (words.py)
    "QRIS": "QRIS",
    "RT": "RT",
    "RW": "RW",
    "alamat": "address",
    "berjalan": "running",
    "cicilan": "instalment",
    "golongan tarif": "tariff group",
    "impor pelanggan": "customers imported",
    "impor tagihan": "bills imported",
    "undangan dikirim": "invitations sent",
    "pengingat dikirim": "reminders sent",
    "pemberitahuan tunggakan dikirim": "overdue notices sent",
    "undangan diekspor": "invitations exported",
    "pengingat diekspor": "reminders exported",
    "pemberitahuan tunggakan diekspor": "overdue notices exported",
    "templat pesan disimpan": "message template saved",
    "pelanggan tidak mau dihubungi": "customer opted out",
    "pelanggan mau dihubungi lagi": "customer opted in again",
    "gateway pengiriman diatur": "sending gateway set up",
    "kecamatan": "kecamatan",
    "keluar": "signed out",
    "kelurahan": "kelurahan",
    "ketentuan diterbitkan": "terms published",
    "loket dicabut": "counter revoked",
    "loket didaftarkan": "counter registered",
    "masuk": "signed in",
    "masuk ditolak": "sign-in refused",
    "nama": "name",
    "nomor meter": "meter number",
    "pengecualian diselesaikan": "exception resolved",
    "pengecualian diterapkan ulang": "exception re-applied",
    "permintaan perubahan disetujui": "change request approved",
    "permintaan perubahan ditolak": "change request rejected",
    "putus": "broken",
    "staf dinonaktifkan": "staff user disabled",
    "staf ditambahkan": "staff user added",
    "telepon": "phone",
    "transfer bank": "bank transfer",
    "tunai": "cash",
    "Sinkronisasi terakhir": "Last sync",
    "Ditampilkan": "Showing",
    "Tidak ada pelanggan yang cocok. Coba nomor sambungan lengkap, sebagian nama, atau nama "
    "jalan.": "No customer matches. Try the whole connection number, part of the name, or "
               "the street name.",
    "Ketik nomor sambungan, sebagian nama atau alamat, lalu Cari.":
        "Type a connection number, part of a name or an address, then Search.",
    "dari": "of",
    "baris (yang tidak cocok lebih dulu). Pilih cabang atau tanggal untuk melihat sisanya.":
        "lines (mismatches first). Choose a branch or a day to see the rest.",
    "Cabut loket ini?": "Revoke this counter?",
    "Ya, cabut loket": "Yes, revoke the counter",
    "Cabut…": "Revoke…",
    "Setelah dicabut, loket ini tidak dapat lagi mengirim atau mengambil data. Kejadian yang "
    "belum terkirim tetap di loket. Untuk memakainya lagi, daftarkan loket dengan kode sekali "
    "pakai yang baru.":
        "Once revoked, this counter can no longer push or pull. Events not yet pushed stay at "
        "the counter. To use it again, register it with a new one-time code.",
    "dicabut: permintaannya ditolak mulai sekarang.":
        "revoked: its requests are refused from now on.",
    "Loket itu tidak ada (lagi) di daftar.": "That counter is not (or no longer) in the list.",
    "Nonaktifkan staf ini?": "Disable this staff user?",
    "Ya, nonaktifkan": "Yes, disable",
    "Nonaktifkan…": "Disable…",
    "Setelah dinonaktifkan, staf ini tidak dapat masuk lagi dan sesinya yang terbuka langsung "
    "berakhir. Catatan jejak auditnya tetap disimpan.":
        "Once disabled, this staff user cannot sign in again and their open sessions end now. "
        "Their audit trail records are kept.",
    "dinonaktifkan; sesinya berakhir.": "disabled; their sessions have ended.",
    "Staf itu tidak ada.": "That staff user does not exist.",
    "Batal, kembali": "Cancel, go back",
    "kirim": "push",
    "ambil": "pull",
    "belum pernah": "never",
    "Alamat ini tidak ada di konsol. Mungkin salah ketik, atau tautannya sudah lama.":
        "This address does not exist in the console. It may be mistyped, or the link is old.",
    "Alamat tidak dapat dibaca": "Address not understood",
    "Alamat atau isian di alamat ini tidak dapat dibaca. Buka halamannya lagi dari menu.":
        "The address or a value in it cannot be read. Open the page again from the menu.",
    "Terjadi kesalahan": "Something went wrong",
    "Basis data sedang sibuk": "The database is busy",
    "Basis data kantor pusat sedang sibuk atau tidak terjangkau. Tidak ada yang diubah. "
    "Coba lagi sebentar lagi.":
        "Head office's database is busy or cannot be reached. Nothing was changed. "
        "Try again shortly.",
    "Kantor pusat tidak dapat menyelesaikan permintaan ini karena kesalahan di server. "
    "Tindakan yang belum selesai tidak disimpan. Coba lagi sebentar lagi; bila terulang, "
    "beri tahu TI beserta waktu kejadiannya.":
        "Head office could not finish this request because of an error on the server. "
        "Nothing unfinished was saved. Try again shortly; if it happens again, tell IT "
        "and when it happened.",
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
    # customer states
    "disegel": "sealed",
    "diputus": "disconnected",
    # refusals
    "Pelanggan berubah sejak permintaan dibuat. Centang \"Tetap setujui\" untuk "
    "menerapkannya juga, atau tolak dengan catatan.":
        "The customer changed since the request. Tick \"Approve even though\" to apply it "
        "anyway, or reject it with a note.",
    "Tuliskan alasan penolakan di catatan.": "Write why it is rejected in the note.",
    "Sudah diputuskan atau diselesaikan sebelumnya.": "It was already decided or resolved.",
    "Tuliskan apa yang dilakukan di catatan.": "Write what was done in the note.",
    "Kejadian ini masih belum dapat diterapkan.": "This event still cannot be applied.",
    "Ini bukan kejadian yang ditolak; selesaikan dengan catatan.":
        "This is not a rejected event; resolve it with a note.",
    "Permintaan ini tidak ada.": "There is no such request.",
    "Pengecualian ini tidak ada.": "There is no such exception.",
    "Kode loket harus 1 sampai 16 karakter (mis. L01).":
        "The counter code must be 1 to 16 characters (e.g. L01).",
    "Cabang ini tidak ada.": "There is no such branch.",
    "Kode cabang harus 2–16 huruf atau angka (mis. KPG).":
        "A branch code has 2 to 16 letters or digits (e.g. KPG).",
    "Cabang perlu nama.": "The branch needs a name.",
    "File berbeda dari yang dipratinjau; pratinjau lagi.":
        "The file differs from the one previewed; preview it again.",
    "Versi ini sudah diterbitkan dengan ketentuan lain; terbitkan sebagai versi baru.":
        "This version was published with other terms; publish them as a new version.",
    "Cabang dengan kode ini sudah ada.": "A branch with this code exists already.",
    "Staf dengan nama pengguna ini sudah ada.":
        "A staff user with this user name exists already.",
    "Pengguna loket dengan nama ini sudah ada.":
        "A counter user with this user name exists already.",
    "Yang ditambahkan sudah ada.": "What was added exists already.",
    "Kata sandi minimal 8 karakter.": "The password needs at least 8 characters.",
    "Nama pengguna 2–40 huruf, angka, titik, garis bawah atau tanda hubung.":
        "A user name is 2–40 letters, digits, dots, underscores or hyphens.",
    # pages
    "Di kantor pusat:": "At head office:",
    "200 pertama ditampilkan": "the first 200 shown",
    "Air": "Water",
    "Alamat": "Address",
    "Alasan": "Reason",
    "Alasan:": "Reason:",
    "Atas": "On",
    "Baris": "Line",
    "Baru": "New",
    "Belum ada catatan.": "No entries yet.",
    "Belum ada kejadian.": "No events yet.",
    "Belum ada ketentuan yang diterbitkan.": "No terms published yet.",
    "Belum ada loket terdaftar.": "No counter registered yet.",
    "Belum ada pembayaran.": "No payments yet.",
    "Belum ada yang ditulis.": "Nothing has been written yet.",
    "Belum terdaftar di program.": "Not enrolled in a programme.",
    "Berlaku sampai": "Valid until",
    "Biaya": "Fees",
    "Cabang": "Branch",
    "Cabut": "Revoke",
    "Cara": "Method",
    "Cari": "Search",
    "Catatan": "Note",
    "Catatan (wajib untuk penolakan)": "Note (required to reject)",
    "Catatan: apa yang dilakukan": "Note: what was done",
    "Cicilan": "Instalment",
    "Daftarkan loket": "Register counter",
    "Data": "Field",
    "Denda": "Penalty",
    "Di kantor pusat sekarang": "At head office now",
    "Dibandingkan dengan versi": "Compared with version",
    "Dibatalkan": "Voided",
    "Dibuat": "Issued",
    "Dilaporkan cabang": "Reported by the branch",
    "Diminta": "Asked",
    "Diminta cabang": "Asked by the branch",
    "Diminta oleh": "Asked by",
    "Diselesaikan": "Resolved",
    "Diterbitkan (UTC)": "Published (UTC)",
    "Diterima": "Received",
    "File CSV": "CSV file",
    "File ketentuan (.toml atau .json)": "Terms file (.toml or .json)",
    "Golongan tarif": "Tariff group",
    "Hanya yang terbuka": "Open ones only",
    "Hasil": "Verdict",
    "Impor CSV sistem penagihan": "Billing-system CSV import",
    "Impor sekarang": "Import now",
    "Impor selesai:": "Import done:",
    "Isi": "Contents",
    "Isi kejadian tidak lengkap atau tidak sah.": "The event's contents are incomplete or invalid.",
    "Jatuh tempo": "Due",
    "Jenis": "Type",
    ("Rencana ini dipegang cabang lain; cabang ini tidak boleh membayar ke dalamnya atau "
     "mengubahnya."): "This plan is held by another branch; this branch may not pay into it "
                      "or change it.",
    ("Pembayaran ini diterima di cabang lain; hanya cabang itu yang boleh "
     "membatalkannya."): "This payment was taken at another branch; only that branch may void it.",
    ("Rencana pelanggan ini dipegang cabang lain; hanya cabang itu yang melaporkan perintah "
     "kerjanya."): "This customer's plan is held by another branch; only that branch reports "
                   "its work orders.",
    "Giliran kerja ini milik loket lain.": "This shift belongs to another counter.",
    ("Rujukan dalam kejadian (nomor sambungan, kuitansi, jumlah, rencana atau loket) berbeda "
     "dari yang dipegang kantor pusat."): "A reference in the event (connection number, "
                                          "receipt, amount, plan or counter) differs from what "
                                          "head office holds.",
    "Rencana cicilan ini tidak sedang berjalan.": "This instalment plan is not running.",
    ("Teks dalam kejadian berisi karakter yang tidak disimpan kantor pusat (karakter kendali "
     "atau tanda arah teks)."): "A text in the event holds characters head office does not "
                                "store (control characters or text-direction marks).",
    ("Rantai audit loket tidak lagi menyambung dengan yang tercatat di kantor pusat; loket "
     "tidak menerima pembayaran sampai ini diselesaikan."): "The counter's audit chain no "
                                                           "longer continues the one head "
                                                           "office recorded; the counter takes "
                                                           "no payment until this is resolved.",
    "Jenis kejadian tidak dikenal kantor pusat.": "Head office does not know this event type.",
    "Jumlah": "Amount",
    "Jumlah dilaporkan": "Amount reported",
    "Jumlah diterima": "Amount received",
    "Kantor pusat tidak memegang pendaftaran (rencana) ini.":
        "Head office does not hold this enrolment (plan).",
    "Kantor pusat tidak mengenal pelanggan ini.": "Head office does not know this customer.",
    "Keadaan": "State",
    "Kecamatan": "District",
    "Kejadian diterima": "Events received",
    "Kejadian per cabang dan hari": "Events per branch and day",
    "Kejadian tidak menyebut kasirnya.": "The event does not name its cashier.",
    "Kelurahan": "Kelurahan",
    "Ketentuan": "Term",
    "Keterangan": "Detail",
    "Kiriman terakhir diterima": "Last push received",
    "Kode QR dari kode sekali pakai": "QR code of the one-time code",
    "Kode ini hanya ditampilkan sekarang.": "This code is shown only now.",
    "Kode sekali pakai untuk": "One-time code for",
    "Kode yang menunggu dipakai": "Codes waiting to be used",
    "Kredit": "Credit",
    "Kredit untuk diselesaikan": "Credits to settle",
    "Kuitansi": "Receipt",
    "Kunci": "Key",
    "Lebih baru": "Newer",
    "Lebih lama": "Older",
    "Loket dicabut: permintaannya ditolak mulai sekarang.":
        "Counter revoked: its requests are refused from now on.",
    "Masukkan kode ini di dialog pendaftaran loket. Berlaku sekali, sampai":
        "Enter this code in the counter's registration dialog. Valid once, until",
    "Nama": "Name",
    "Nama lengkap": "Full name",
    "Nomor meter": "Meter number",
    "Nomor sambungan": "Connection number",
    "Nomor sambungan, nama atau alamat": "Connection number, name or address",
    "Nomor urut perangkat mundur: basis data loket mungkin dipulihkan dari cadangan lama.":
        "The device's sequence went backwards: the counter's database may have been "
        "restored from an old backup.",
    "Nonaktifkan": "Disable",
    "Pelanggan ini berubah sejak cabang melihatnya":
        "This customer changed since the branch saw it",
    "Pelanggan sudah terdaftar dari cabang lain (pendaftaran pertama berlaku); uang mukanya "
    "disimpan sebagai kredit.":
        "The customer was already enrolled at another branch (the first enrolment stands); "
        "the down payment is kept as a credit.",
    "Pemakaian": "Usage",
    "Pembatalan pembayaran": "Payment void",
    "Pembatalan tiba sebelum pembayarannya; diterapkan sendiri saat pembayaran tiba.":
        "The void arrived before its payment; it is applied by itself when the payment "
        "arrives.",
    "Pembayaran": "Payments",
    "Pembayaran cicilan": "Instalment payment",
    "Pembayaran dari semua cabang": "Payments from every branch",
    "Pembayaran diterima": "Payments received",
    "Pembayaran ini sudah dibatalkan sebelumnya.": "This payment was already voided.",
    "Pembayaran yang sama sudah diterima.": "The same payment was already received.",
    "Giliran kerja dibuka": "Shift opened",
    "Kas giliran kerja dihitung": "Shift cash counted",
    "Giliran kerja ditutup": "Shift closed",
    "Pengguna loket ditambahkan": "Counter user added",
    "Ketentuan dimuat di loket": "Terms loaded at the counter",
    "Cabang disiapkan": "Branch set up",
    "Loket dilepas setelah pemulihan": "Counter released after a restore",
    "Jenis kejadian tidak dikenal": "Unknown event type",
    "Rincian teknis": "Technical detail",
    "Pendaftaran dan uang muka": "Enrolment and down payment",
    "Pengguna": "User",
    "Perangkat": "Device",
    "Perintah kerja selesai": "Work order done",
    "Periode": "Period",
    "Permintaan": "Request",
    "Permintaan perubahan data pelanggan": "Customer change request",
    "Pratinjau": "Preview",
    "Pratinjau ketentuan": "Terms preview",
    "Program": "Programme",
    "Program baru.": "A new programme.",
    "Program dan cicilan": "Programme and instalments",
    "Program dan versinya": "Programmes and their versions",
    "Rencana cicilan putus": "Instalment plan broken",
    "Sebelumnya": "Before",
    "Segel": "Seal",
    "Selesaikan": "Resolve",
    "Setujui": "Approve",
    "Siapa": "Who",
    "Staf dinonaktifkan; sesinya berakhir.": "Staff user disabled; their sessions ended.",
    "Staf ditambahkan.": "Staff user added.",
    "Status": "State",
    "TIDAK COCOK": "MISMATCH",
    "Tagihan": "Bills",
    "Tagihan terbuka": "Open bills",
    "Tambah staf": "Add staff user",
    "Tampilkan": "Show",
    "Tampilkan juga yang selesai": "Show resolved ones too",
    "Tanggal": "Date",
    "Telepon": "Phone",
    "Terapkan ulang": "Re-apply",
    "Terbitkan file ketentuan": "Publish a terms file",
    "Terbitkan ke semua cabang": "Publish to every branch",
    "Terdaftar": "Registered",
    "Tetap setujui walau pelanggan sudah berubah": "Approve even though the customer changed",
    "Tidak ada kredit yang menunggu.": "No credits waiting.",
    "Tidak ada pengecualian terbuka.": "No open exceptions.",
    "Tidak ada permintaan.": "No requests.",
    "Tidak ada perubahan.": "No changes.",
    "Tidak ada tagihan.": "No bills.",
    "Tidak ada.": "None.",
    "Tidak dapat diterbitkan:": "Cannot be published:",
    "Tidak dapat diimpor:": "Cannot be imported:",
    "Tindakan": "Action",
    "Tolak": "Reject",
    "Uang per cabang dan hari": "Money per branch and day",
    "Uji coba (tanpa menulis)": "Dry run (writes nothing)",
    "Uji coba impor": "Import dry run",
    "Versi": "Version",
    "Versi ini sudah diterbitkan persis sama; menerbitkan lagi tidak mengubah apa pun.":
        "This version is already published exactly so; publishing it again changes nothing.",
    "Waktu (UTC)": "Time (UTC)",
    "aktif": "active",
    "baris": "rows",
    "baris ditolak; file ini tidak dapat diimpor sampai diperbaiki.":
        "rows refused; this file cannot be imported until it is corrected.",
    "baris tidak cocok: kantor pusat dan cabang berbeda. Selidiki; jangan menyesuaikan angka.":
        "rows do not match: head office and the branch differ. Investigate; do not adjust "
        "figures.",
    "baru": "new",
    "belum dilaporkan": "not reported",
    "berubah": "changed",
    "cabang": "branch",
    "catatan": "entries",
    "cicilan dibayar": "instalments paid",
    "cocok": "match",
    "dalam rencana": "in a plan",
    "denda": "penalty",
    "denda dihapus": "penalty waived",
    "dibatalkan": "voided",
    "dicabut": "revoked",
    "diselesaikan.": "resolved.",
    "disetujui": "approved",
    "disetujui. Cabang menerimanya pada sinkronisasi berikutnya.":
        "approved. The branch receives it at its next sync.",
    "diterapkan": "applied",
    "diterbitkan; cabang menerimanya pada sinkronisasi berikutnya.":
        "published; branches receive it at their next sync.",
    "diterima": "received",
    "ditolak": "rejected",
    "ditolak. Cabang menerima keputusan dan catatannya pada sinkronisasi berikutnya.":
        "rejected. The branch receives the decision and its note at its next sync.",
    "hanya": "only",
    "kejadiannya kini diterapkan; cabang menerima hasilnya pada sinkronisasi berikutnya.":
        "its event is applied now; the branch receives the result at its next sync.",
    "kredit": "credit",
    "kredit untuk diselesaikan": "credits to settle",
    "loket": "counters",
    "lunas": "paid",
    "menunggu": "pending",
    "nomor urut": "sequence",
    "nonaktif": "disabled",
    "oleh": "by",
    "pada": "on",
    "pelanggan": "customer",
    "pelanggan ditemukan": "customers found",
    "pengecualian": "exceptions",
    "permintaan": "requests",
    "permintaan perubahan": "change requests",
    "pertama; persempit pencarian": "first; narrow the search",
    "pokok": "principal",
    "sejak": "since",
    "seluruhnya": "in all",
    "semua": "all",
    "tagihan": "bills",
    "terkunci sampai": "locked until",
    "tidak berubah": "unchanged",
    "tidak diputuskan:": "not decided:",
    "tidak diubah:": "not changed:",
    "tunggakan": "arrears",
    "uang muka": "down payment",
    "versi": "version",
    # programme evaluation
    "% dari disegel": "% of sealed",
    "Angka utama": "Headline figures",
    "Batal": "Cancelled",
    "Belum ada kegiatan dalam periode ini.": "Nothing happened in this period yet.",
    "Cabang itu tidak dikenal.": "That branch is not known.",
    "Cicilan diterima": "Instalments received",
    "Cicilan jatuh tempo": "Instalments due",
    "Cicilan jatuh tempo / lunas / terlambat": "Instalments due / paid / overdue",
    "Cicilan lunas": "Instalments paid",
    "Cicilan terlambat": "Instalments overdue",
    "Cicilan terlambat (rupiah)": "Instalments overdue (rupiah)",
    "Dari": "From",
    "Denda dihapus": "Penalties waived",
    "Denda dihapus (biaya program)": "Penalties waived (the programme's cost)",
    "Disegel saat mulai": "Sealed at the start",
    "Disegel saat mulai: pelanggan yang disegel sebelum program mulai (atau saat mendaftar) "
    "dengan rekening bulan-bulan sebelumnya yang belum lunas saat program mulai. Pelanggan "
    "tercatat per kelurahan, bukan per cabang. Cicilan jatuh tempo, lunas dan terlambat "
    "dihitung sampai tanggal akhir, untuk perjanjian yang dibuat dalam periode ini.":
        "Sealed at the start: customers sealed before the programme began (or when they "
        "enrolled) with bills of the months before it still unpaid when it began. "
        "Customers belong to a kelurahan, not to a branch. Instalments due, paid and "
        "overdue are counted up to the last day, for the plans made in the period.",
    "Gagal": "Broken",
    "Hari s.d. dibuka": "Days to opening",
    "Jumlah semua": "Total",
    "Pelanggan disegel menunggak saat program mulai": "Sealed customers in arrears at the start",
    "Pendaftar": "Enrolled",
    "Pendaftar (tanpa yang batal)": "Enrolled (cancelled ones excluded)",
    "Pendaftar dari sasaran / dari yang disegel": "Enrolled of the target / of the sealed",
    "Pendaftar per hari dan kumulatif tertagih": "Enrolments per day and cumulative collected",
    "Pendaftaran dibatalkan": "Enrolments cancelled",
    "Per cabang": "Per branch",
    "Per kecamatan": "Per district",
    "Per kelurahan": "Per kelurahan",
    "Perbandingan cabang": "The branches compared",
    "Perjanjian gagal": "Plans broken",
    "Program itu tidak dikenal.": "That programme is not known.",
    "Rata-rata hari dari daftar sampai segel dibuka": "Mean days from enrolment to opening",
    ("Daftar ini dibuat sebelum data terakhir masuk; daftar terbarunya sedang dibuat. Muat "
     "ulang halaman sebentar lagi."): ("This list was made before the latest data arrived; "
                                       "the newest list is being made. Reload the page in a "
                                       "moment."),
    "Pilih file": "Choose a file",
    "Belum ada file dipilih": "No file chosen",
    "File dipilih": "File chosen",
    "TTTT-BB-HH": "YYYY-MM-DD",
    "Tanggal seperti 2025-11-17": "A date such as 2025-11-17",
    "Angka per": "Figures as of",
    ("data baru sudah masuk dan angka terbarunya sedang dihitung. Muat ulang halaman "
     "sebentar lagi."): ("new data has arrived and the newest figures are being made. "
                         "Reload the page in a moment."),
    "SEMENTARA: program masih berjalan sampai": "PROVISIONAL: the programme runs until",
    "SPK buka segel": "Unseal orders",
    "SPK buka segel diterbitkan / segel dibuka": "Unseal orders issued / seals opened",
    "Sampai": "To",
    "Sasaran: pelanggan disegel (ketentuan)": "Target: sealed customers (terms)",
    "Sasaran: tunggakan (ketentuan)": "Target: arrears (terms)",
    "Segel dibuka": "Seals opened",
    "Semua cabang": "All branches",
    "Sisa cicilan": "Still owed",
    "Sisa cicilan belum dibayar": "Instalments still owed",
    "Tanggal akhir sebelum tanggal awal, atau rentang lebih dari 10 tahun.":
        "The last day is before the first, or the range is longer than 10 years.",
    "Tanggal tidak valid: tulis seperti 2025-11-17.": "Not a date: write it as 2025-11-17.",
    "Tertagih": "Collected",
    "Tertagih dari sasaran tunggakan": "Collected of the arrears target",
    "Tertagih per cabang": "Collected per branch",
    "Tren harian": "Daily trend",
    "Tunggakan masuk perjanjian": "Arrears taken into plans",
    "Tunggakan mereka saat program mulai": "Their arrears at the start",
    "Tunggakan tertagih (uang muka + cicilan)": "Arrears collected (down payments + instalments)",
    "Uang muka": "Down payments",
    "Uang muka diterima": "Down payments received",
    "Unduh PDF": "Download PDF",
    "Unduh XLSX": "Download XLSX",
    "denda dihapus (biaya program)": "penalties waived (the programme's cost)",
    "ketentuan": "terms",
    "pendaftar dari sasaran": "enrolled of the target",
    "segel dibuka / SPK buka segel": "seals opened / unseal orders",
    "semua cabang": "all branches",
    "tunggakan tertagih dari sasaran": "arrears collected of the target",
    # outreach
    "Undangan & pengingat": "Invitations & reminders",
    "Undangan": "Invitations",
    "Pengingat jatuh tempo": "Due-date reminders",
    "Pemberitahuan terlambat": "Overdue notices",
    "Daftar kirim": "To send",
    "Templat": "Templates",
    "Templat pesan": "Message templates",
    "Log pesan": "Message log",
    "Tidak mau dihubungi": "Do not contact",
    "Nomor telepon tidak sah": "Invalid phone numbers",
    "Pengiriman dimulai:": "Sending started:",
    "pesan; hasilnya di": "messages; the results are in the",
    "Sudah terkirim hari ini:": "Already sent today:",
    "dihentikan (pelanggan menolak dihubungi)": "stopped (the customer opted out)",
    "Tidak dikirim.": "Not sent.",
    "Pesan": "Message",
    "pesan": "messages",
    "Jatuh tempo dalam (hari)": "Due within (days)",
    "Kantor cabang": "Branch office",
    "Kantor": "Office",
    "Tunggakan": "Arrears",
    "Cicilan ke": "Instalment",
    "pelanggan akan menerima pesan": "customers would get a message",
    "tanpa nomor seluler yang sah": "without a valid mobile number",
    "tidak mau dihubungi": "asked not to be contacted",
    "Dikirim lewat gateway": "Sent through the gateway",
    "Pesan yang sudah terkirim hari ini tidak dikirim lagi.":
        "Messages already sent today are not sent again.",
    "Kirim": "Send",
    "Gateway belum diatur (loket-headoffice outreach gateway set). Ekspor CSV lewat baris "
    "perintah.": "No gateway is set up (loket-headoffice outreach gateway set). Export a CSV "
                 "on the command line.",
    "Tidak ada pelanggan untuk pesan ini hari ini.": "Nobody gets this message today.",
    "Hanya": "Only the first",
    "pertama ditampilkan.": "are shown.",
    "Tanpa nomor seluler yang sah": "Without a valid mobile number",
    "Telepon tercatat": "Phone on record",
    "Masalah": "Problem",
    "dicoba lagi": "retry",
    "sudah terkirim": "already sent",
    "terkirim": "sent",
    "gagal": "failed",
    "sedang dikirim": "being sent",
    "diekspor": "exported",
    "Belum ada pesan.": "No messages yet.",
    "Percobaan": "Attempts",
    "Jawaban gateway": "Gateway answer",
    "tidak akan dihubungi lagi.": "will not be contacted again.",
    "boleh dihubungi lagi.": "may be contacted again.",
    "Tidak diubah.": "Not changed.",
    "Jangan hubungi lagi": "Do not contact again",
    "Sejak (UTC)": "Since (UTC)",
    "Oleh": "By",
    "Boleh dihubungi lagi": "May be contacted again",
    "Belum ada pelanggan yang menolak dihubungi.": "No customer has asked not to be contacted.",
    "pelanggan memiliki nomor telepon yang tidak dapat dikirimi pesan. Perbaiki nomornya di "
    "sistem penagihan; nomor tidak pernah ditebak.":
        "customers have a phone number no message can go to. Correct the number in the "
        "billing system; numbers are never guessed.",
    "Semua nomor telepon sah.": "Every phone number is valid.",
    "Templat disimpan sebagai versi": "Template saved as version",
    "Templat ditolak; tidak ada yang disimpan.": "Template refused; nothing was saved.",
    "Buka": "Open",
    "Versi yang dipakai:": "Version in use:",
    "teks bawaan": "built-in text",
    "Isi templat": "Template text",
    "Pratinjau dengan pelanggan (nomor sambungan, kosong: yang pertama)":
        "Preview with customer (connection number; empty: the first)",
    "Simpan sebagai versi baru": "Save as a new version",
    "Tempat isian": "Placeholders",
    "Tidak ada pelanggan untuk pratinjau pesan ini hari ini.":
        "No customer to preview this message with today.",
    "Versi tersimpan": "Saved versions",
    "Disimpan (UTC)": "Saved (UTC)",
    "nama pelanggan": "the customer's name",
    "nomor sambungan": "the connection number",
    "kantor cabang yang didatangi": "the branch office to visit",
    "nama program": "the programme's name",
    "tunggakan (rekening belum dibayar)": "arrears (unpaid bills)",
    "denda yang dihapus": "penalties waived",
    "uang muka yang membuka segel": "the down payment that opens the seal",
    "cicilan yang ditawarkan": "the instalments on offer",
    "hari terakhir program": "the programme's last day",
    "cicilan ke berapa": "which instalment",
    "jumlah yang jatuh tempo": "the amount due",
    "tanggal jatuh tempo": "the due date",
    "akibat bila terlewat, menurut ketentuan": "what happens if it is missed, per the terms",
    "jumlah yang terlambat": "the amount past due",
    "tanggal jatuh tempo yang terlewat": "the due date that passed",
    "hari terakhir sebelum rencana cicilan batal": "the last day before the plan is broken",
    "akibat bila tidak dibayar sampai saat itu, menurut ketentuan":
        "what happens if it is not paid by then, per the terms",
    "Templat memakai tempat isian yang tidak dikenal pesan ini.":
        "The template uses a placeholder this message does not know.",
    "Kurung kurawal tidak berpasangan; tulis tempat isian seperti {nama}.":
        "A brace is not paired; write placeholders as {nama}.",
    "Tempat isian tidak boleh diberi format.": "Placeholders may not carry a format.",
    "Templat berisi karakter kendali atau tanda arah teks.":
        "The template holds a control character or a text-direction mark.",
    "Templat kosong.": "The template is empty.",
    "Templat terlalu panjang.": "The template is too long.",
    "Gateway pengiriman belum diatur.": "No sending gateway is set up.",
    "Kredensial gateway belum tersimpan di penyimpanan kredensial.":
        "The gateway's credential is not in the credential store.",
    "Pelanggan ini tidak sedang menolak dihubungi.": "This customer had not opted out.",
    "Nomor sambungan ini tidak dikenal.": "This connection number is not known.",
    "Kantor pusat belum menerbitkan program itu.": "Head office has not published that programme.",
    "Diundang (undangan terkirim)": "Invited (invitations sent)",
    "Diundang lalu mendaftar dalam 7 hari": "Invited, then enrolled within 7 days",
    "Diingatkan (pengingat dan pemberitahuan terlambat)":
        "Reminded (reminders and overdue notices)",
    "Diingatkan lalu membayar cicilan dalam 7 hari": "Reminded, then paid within 7 days",
}


# The import problems' Indonesian words (their own) and the terms problems' (words.py)
# → their own English.
ENGLISH.update({PROBLEM_WORDS[code]: text for code, text in PROBLEM_TEXTS.items()})
ENGLISH.update({TERMS_PROBLEMS[code]: text for code, text in TERMS_TEXTS.items()})


def translator(language: str) -> Callable[[str], str]:
    """``_(text)`` for a page in ``language``."""
    if language == "en":
        return lambda text: ENGLISH.get(text, text)
    return lambda text: text
