"""What ``loket-admin`` says, in Bahasa Indonesia (the default) and English (``--lang en``).

Each key holds ``(Indonesian, English)`` side by side. Domain errors are said from their
codes (``app.services.error_words``), an import's problems from theirs
(``app.services.imports``); JSON output keeps its keys and codes in both languages.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # the tool
    "description": ("Menyiapkan dan merawat basis data cabang Loket.",
                    "Set up and look after a Loket branch database."),
    "metavar.command": ("PERINTAH", "COMMAND"),
    "metavar.action": ("TINDAKAN", "ACTION"),
    "opt.data_dir": ("folder data cabang (bawaan: {path})", "branch data folder (default: {path})"),
    "opt.json": ("cetak JSON untuk program lain", "print machine-readable JSON"),
    "opt.on": ("per hari ini (bawaan: tanggal usaha)", "as on this day (default: business date)"),
    "usage_error": ("loket-admin {command}: galat: {problem}",
                    "loket-admin {command}: error: {problem}"),
    "database_error": ("basis data tidak dapat dipakai: {problem}",
                       "the database could not be used: {problem}"),
    "interrupted": ("loket-admin: dihentikan", "loket-admin: interrupted"),
    # init, summary
    "init.help": ("membuat basis data cabang", "create the branch database"),
    "init.demo": ("membuat cabang demo berisi pelanggan dan tagihan rekaan",
                  "create a demo branch full of invented customers and bills"),
    "init.customers": ("demo: jumlah pelanggan", "demo: number of customers"),
    "init.seed": ("demo: benih acak", "demo: random seed"),
    "init.branch_code": ("mis. KPG", "e.g. KPG"),
    "init.branch_name": ("mis. 'Kantor Pelayanan Kota Kupang'",
                         "e.g. 'Kantor Pelayanan Kota Kupang'"),
    "init.counter_code": ("loket ini, mis. L01", "this counter, e.g. L01"),
    "init.exists": ("{path} sudah berisi basis data cabang",
                    "{path} already holds a branch database"),
    "init.done": ("Cabang {branch} ({name}), loket {counter} dibuat di {path}.",
                  "Branch {branch} ({name}), counter {counter} created in {path}."),
    "init.next": ("Berikutnya: tambahkan orang yang akan memakai loket ini, misalnya",
                  "Next: add the people who will use this counter, for example"),
    "init.roles": ("dan beri setiap kasir peran 'cashier'.",
                   "and give each cashier the role 'cashier'."),
    "init.demo_with_setup": ("--demo membuat cabangnya sendiri; hilangkan --branch-code/"
                             "--branch-name/--counter-code",
                             "--demo builds its own branch; leave out --branch-code/"
                             "--branch-name/--counter-code"),
    "init.demo_only": ("--customers dan --seed hanya bersama --demo",
                       "--customers and --seed go with --demo"),
    "init.code_format": ("{option} harus 1-16 huruf kapital atau angka",
                         "{option} must be 1-16 capital letters or digits"),
    "init.name_empty": ("--branch-name tidak boleh kosong", "--branch-name must not be empty"),
    "init.customers_range": ("--customers harus 1 sampai {limit}",
                             "--customers must be 1 to {limit}"),
    "init.demo_done": ("Cabang demo dibuat di {path} dalam {seconds} s:",
                       "Demo branch created in {path} in {seconds} s:"),
    "init.demo_counts": ("  {customers} pelanggan, {sealed} disegel, {bills} tagihan, "
                         "tunggakan {arrears}",
                         "  {customers} customers, {sealed} sealed, {bills} bills, "
                         "arrears {arrears}"),
    "init.progress": ("  {done} dari {total} pelanggan dimuat",
                      "  {done} of {total} customers loaded"),
    "summary.help": ("pelanggan, tunggakan, rencana dan pembayaran sekilas",
                     "customers, arrears, plans and payments at a glance"),
    "summary.customers": ("Pelanggan", "Customers"),
    "summary.sealed": ("Disegel", "Sealed"),
    "summary.arrears": ("Tunggakan", "Arrears"),
    "summary.arrears_note": ("(pokok tagihan terbuka yang belum dibayar)",
                             "(unpaid principal of open bills)"),
    "summary.enrolments": ("Pendaftaran", "Enrolments"),
    "summary.collected": ("Terkumpul", "Collected"),
    "summary.collected_note": ("(pembayaran yang tidak dibatalkan)", "(payments not voided)"),
    "summary.programmes": ("Program", "Programmes"),
    "summary.programme": ("  {code} v{version}  {name}  {start} s.d. {end}  {n} pendaftaran",
                          "  {code} v{version}  {name}  {start} to {end}  {n} enrolment(s)"),
    # search, quote
    "search.help": ("cari pelanggan menurut nomor sambungan, nama, alamat",
                    "find customers by connection number, name, address"),
    "search.limit": ("tampilkan paling banyak N pelanggan (bawaan 20)",
                     "show at most N customers (default 20)"),
    "search.limit_low": ("--limit harus 1 atau lebih", "--limit must be 1 or more"),
    "search.more_than": ("lebih dari {n}", "more than {n}"),
    "search.headers": ("Sambungan|Nama|Alamat|Kelurahan|Status|Tunggakan",
                       "Connection|Name|Address|Kelurahan|Status|Arrears"),
    "search.shown": ("{shown} ditampilkan dari {total} yang ditemukan untuk '{query}'",
                     "{shown} shown of {total} found for '{query}'"),
    "quote.help": ("apa yang ditawarkan promosi kepada satu pelanggan",
                   "what the promotion offers one customer"),
    "quote.instalments": ("jumlah cicilan (bawaan: terbanyak yang diizinkan)",
                          "number of instalments (default: the most allowed)"),
    "quote.programme": ("kode program, mis. BUKA-SEGEL", "programme code, e.g. BUKA-SEGEL"),
    "quote.eligible": ("MEMENUHI SYARAT", "ELIGIBLE"),
    "quote.not_eligible": ("TIDAK MEMENUHI SYARAT", "NOT ELIGIBLE"),
    "quote.heading": ("{name} ({code} v{version}) pada {on}: {verdict}",
                      "{name} ({code} v{version}) on {on}: {verdict}"),
    "quote.arrears": ("Tunggakan", "Arrears"),
    "quote.penalty": ("Denda", "Penalty"),
    "quote.waived": ("(dihapus {amount})", "(waived {amount})"),
    "quote.due": ("Jumlah tagihan", "Amount due"),
    "quote.down_payment": ("Uang muka", "Down payment"),
    "quote.remainder": ("Sisa", "Remainder"),
    "quote.instalments_line": ("{amount} dalam {n} kali cicilan (diizinkan: {allowed})",
                               "{amount} in {n} instalment(s) (allowed: {allowed})"),
    "quote.schedule_headers": ("Ke|Jatuh tempo|Jumlah", "No.|Due|Amount"),
    # import-customers, import-bills
    "import.customers": ("pelanggan", "customers"),
    "import.bills": ("tagihan bulanan", "monthly bills"),
    "import.help": ("tambah atau ubah {what} dari file CSV kantor pusat",
                    "add or update {what} from a head-office CSV file"),
    "import.description": ("Tambah atau ubah {what} dari file CSV (kolom: "
                           "docs/import-formats.md). Bila ada baris yang ditolak, tidak ada "
                           "yang diimpor.",
                           "Add or update {what} from a CSV file (columns: "
                           "docs/import-formats.md). If any row is rejected nothing is "
                           "imported."),
    "import.skip_invalid": ("impor baris yang sah dan laporkan yang ditolak",
                            "import the valid rows and report the rejected ones"),
    # users
    "users.help": ("akun pengguna", "user accounts"),
    "users.add": ("tambah pengguna", "add a user"),
    "users.list": ("daftar pengguna", "list users"),
    "users.passwd": ("atur kata sandi baru", "set a new password"),
    "users.password_stdin": ("baca kata sandi dari baris pertama masukan standar",
                             "read the password from the first line of standard input"),
    "users.new_password": ("Kata sandi baru: ", "New password: "),
    "users.repeat": ("Ulangi: ", "Repeat it: "),
    "users.mismatch": ("kedua kata sandi berbeda; tidak ada yang diubah",
                       "the two passwords differ; nothing was changed"),
    "users.added": ("Pengguna '{username}' ({name}) ditambahkan sebagai {role}.",
                    "User '{username}' ({name}) added as {role}."),
    "users.headers": ("Pengguna|Nama|Peran|Keadaan", "User|Name|Role|State"),
    "users.none": ("Belum ada pengguna (tambahkan: users add).",
                   "No users yet (add one: users add)."),
    "users.inactive": ("nonaktif", "inactive"),
    "users.locked": ("terkunci sampai {until}", "locked until {until}"),
    "users.active": ("aktif", "active"),
    "users.changed": ("Kata sandi '{username}' diganti.", "Password of '{username}' changed."),
    # terms
    "terms.help": ("ketentuan promosi", "promotion terms"),
    "terms.load": ("muat file ketentuan (.toml atau .json)", "load a terms file (.toml or .json)"),
    "terms.list": ("daftar program yang dimuat", "list loaded programmes"),
    "terms.loaded": ("dimuat", "loaded"),
    "terms.unchanged": ("sudah dimuat (tidak berubah)", "already loaded (unchanged)"),
    "terms.done": ("{code} versi {version} ({name}, {start} s.d. {end}) {state}.",
                   "{code} version {version} ({name}, {start} to {end}) {state}."),
    "terms.headers": ("Kode|Versi|Nama|Dari|Sampai|Dimuat", "Code|Version|Name|From|To|Loaded"),
    "terms.none": ("Belum ada program yang dimuat.", "No programmes loaded."),
    # audit, plans
    "audit.help": ("jejak audit", "the audit trail"),
    "audit.verify": ("periksa rantai audit, catatan pembayaran dan urutan nomor",
                     "check the audit chain, payment records and number sequences"),
    "audit.checked": ("{records} catatan audit, {payments} pembayaran, {events} kejadian "
                      "outbox diperiksa",
                      "{records} audit record(s), {payments} payment(s), {events} outbox "
                      "event(s) checked"),
    "audit.ok": ("OK: {checked}; tidak ada yang diubah, dihapus atau dilewati.",
                 "OK: {checked}; nothing was edited, deleted or skipped."),
    "audit.failed_message": ("verifikasi audit gagal: {problem}",
                             "audit verification failed: {problem}"),
    "audit.failed": ("GAGAL: {checked}.", "FAILED: {checked}."),
    "plans.help": ("rencana cicilan", "instalment plans"),
    "plans.check": ("putuskan rencana yang terlambat melewati masa tenggang dan perintahkan "
                    "segel ulang",
                    "break plans overdue beyond their grace days and order re-sealing"),
    "plans.checked": ("Rencana diperiksa pada {day}: {broken} putus, {orders} perintah segel "
                      "ulang diterbitkan.",
                      "Plans checked on {day}: {broken} broken, {orders} re-seal order(s) "
                      "issued."),
    "plans.broken": ("  putus: {connection}", "  broken: {connection}"),
    "plans.order": ("  perintah segel ulang: {order}", "  re-seal order: {order}"),
    # receipt
    "receipt.help": ("alat kuitansi", "receipt tools"),
    "receipt.verify": ("periksa kode QR kuitansi (beri tanda kutip: berisi '*')",
                       "check a receipt QR code (quote it: it contains '*')"),
    "receipt.payload": ("teks yang dibawa kode QR", "the text the QR code carries"),
    "receipt.genuine": ("ASLI", "GENUINE"),
    "receipt.not_verified": ("TIDAK TERVERIFIKASI", "NOT VERIFIED"),
    "receipt.matches": ("ditandatangani cabang ini dan cocok dengan pembukuannya",
                        "signed by this branch and matches its books"),
    # report
    "report.help": ("laporan sebagai PDF dan XLSX", "reports as PDF and XLSX"),
    "report.lpp": ("laporan penerimaan harian (LPP) satu loket atau satu giliran kerja",
                   "daily receipts report (LPP) of a counter or one shift"),
    "report.day": ("hari usaha, TTTT-BB-HH (bawaan: hari giliran kerjanya, atau hari ini)",
                   "business day, YYYY-MM-DD (default: the shift's day, else today)"),
    "report.counter": ("kode loket (bawaan: loket ini)", "counter code (default: this counter)"),
    "report.shift": ("hanya giliran kerja ini", "only this shift"),
    "report.out": ("tulis juga PDF dan XLSX di sini (bawaan: di samping arsip)",
                   "also write the PDF and XLSX here (default: beside the archive)"),
    "report.progress": ("laporan kemajuan program (angka, grafik, target)",
                        "programme progress report (figures, charts, targets)"),
    "report.programme": ("kode program (bawaan: program terbaru)",
                         "programme code (default: the newest programme)"),
    "report.from": ("hari pertama, TTTT-BB-HH (bawaan: awal program)",
                    "first day, YYYY-MM-DD (default: the programme's start)"),
    "report.to": ("hari terakhir (bawaan: akhir program, atau hari ini)",
                  "last day (default: the programme's end, or today)"),
    "report.to_before_from": ("--to lebih awal dari --from", "--to is before --from"),
    "report.lpp_line": ("LPP {counter} {day}: {receipts} kuitansi, {voided} dibatalkan, "
                        "{refunds} pengembalian, bersih {total}",
                        "LPP {counter} {day}: {receipts} receipt(s), {voided} voided, "
                        "{refunds} refund(s), net {total}"),
    "report.progress_line": ("{name} {start} s.d. {end}: {enrolled} terdaftar, {collected} "
                             "terkumpul",
                             "{name} {start} to {end}: {enrolled} enrolled, {collected} "
                             "collected"),
    "report.refused": ("{n} rencana ditolak kantor pusat, {credit} disimpan di sana sebagai "
                       "kredit",
                       "{n} plan(s) refused by head office, {credit} kept there as credit"),
    "report.archived": ("Arsip", "Archived"),
    # backup, restore
    "backup.help": ("cadangan basis data", "backups of the database"),
    "backup.now": ("cadangkan sekarang (ke folder cadangan, atau --to PATH)",
                   "back up now (into the backups folder, or --to PATH)"),
    "backup.to": ("sebuah folder (mis. flashdisk USB) atau file .sqlite3 baru",
                  "a folder (e.g. a USB stick) or a new .sqlite3 file"),
    "backup.list": ("daftar cadangan, terbaru dulu", "the backups, newest first"),
    "backup.verify": ("periksa file cadangan (keutuhan dan rantai audit)",
                      "check a backup file (integrity and audit chain)"),
    "backup.unsound": ("cadangan {path} sudah ditulis tetapi tidak lolos pemeriksaan "
                       "({problem}): basis datanya sendiri mungkin rusak; simpan cadangan "
                       "sebelumnya",
                       "the backup {path} was written but does not verify ({problem}): the "
                       "database itself may be damaged; keep the previous backups"),
    "backup.written": ("Cadangan ditulis dan diperiksa: {path} ({size})",
                       "Backup written and verified: {path} ({size})"),
    "backup.in": ("Cadangan di {folder}:", "Backups in {folder}:"),
    "backup.headers": ("waktu|jenis|ukuran|file", "taken|kind|size|file"),
    "backup.none": ("Belum ada cadangan di {folder}.", "No backups in {folder} yet."),
    "backup.must_not": ("cadangan {file} tidak boleh dipulihkan: {problem}",
                        "the backup {file} must not be restored: {problem}"),
    "backup.failed": ("GAGAL: {file}", "FAILED: {file}"),
    "backup.ok": ("OK: {file}: cabang {branch}, skema {schema}, {records} catatan audit, "
                  "{payments} pembayaran; file utuh dan rantai audit tidak terputus.",
                  "OK: {file}: branch {branch}, schema {schema}, {records} audit record(s), "
                  "{payments} payment(s); the file is sound and the audit chain is "
                  "unbroken."),
    "backup.note": ("  catatan: {text}", "  note: {text}"),
    "restore.help": ("ganti basis data cabang dengan cadangan (Loket harus ditutup)",
                     "replace the branch database with a backup (Loket must be closed)"),
    "restore.yes": ("jangan minta konfirmasi", "do not ask for confirmation"),
    "restore.question": ("Ganti basis data cabang di {data_dir} dengan {backup}? Yang sekarang "
                         "disimpan di folder cadangan. Ketik 'ya' untuk lanjut: ",
                         "Replace the branch database in {data_dir} with {backup}? The "
                         "current one is kept in the backups folder. Type 'yes' to go on: "),
    "restore.needs_yes": ("pemulihan mengganti basis data cabang: tambahkan --yes untuk "
                          "mengonfirmasi",
                          "restoring replaces the branch database: add --yes to confirm"),
    "restore.cancelled": ("tidak ada yang dipulihkan", "nothing was restored"),
    "restore.done": ("{database} dipulihkan dari {source}.", "Restored {database} from {source}."),
    "restore.kept": ("Basis data yang diganti disimpan sebagai {path}.",
                     "The database it replaced is kept as {path}."),
    "restore.raised": ("  {counter} {name}{year}: berlanjut setelah {raised} (cadangan "
                       "berakhir di {restored})",
                       "  {counter} {name}{year}: continues after {raised} (the backup ended "
                       "at {restored})"),
    "restore.warning": ("PERINGATAN: {text}", "WARNING: {text}"),
    # restore-block
    "block.help": ("pembayaran diblokir setelah pemulihan: status, izinkan",
                   "payments blocked after a restore: status, release"),
    "block.status": ("apakah pembayaran menunggu kantor pusat setelah pemulihan?",
                     "are payments waiting for head office after a restore?"),
    "block.release": ("supervisor mengizinkan pembayaran sebelum kantor pusat mengonfirmasi "
                      "pemulihan",
                      "a supervisor allows payments before head office has confirmed the "
                      "restore"),
    "block.reason": ("mengapa pembayaran tidak bisa menunggu sinkronisasi (disimpan di jejak "
                     "audit)",
                     "why payments cannot wait for a sync (kept in the audit trail)"),
    "block.password_stdin": ("baca kata sandi supervisor dari masukan standar",
                             "read the supervisor's password from standard input"),
    "block.allowed": ("Pembayaran diizinkan: tidak ada pemulihan yang menunggu kantor pusat.",
                      "Payments are allowed: no restore is waiting for head office."),
    "block.blocked": ("Pembayaran DIBLOKIR: basis data dipulihkan dari {source} pada {at}.",
                      "Payments are BLOCKED: the database was restored from {source} at "
                      "{at}."),
    "block.hint": ("Sinkronkan dengan kantor pusat, atau izinkan: loket-admin restore-block "
                   "release --supervisor USER --reason TEKS",
                   "Sync with head office, or release: loket-admin restore-block release "
                   "--supervisor USER --reason TEXT"),
    "block.password": ("Kata sandi {user}: ", "Password of {user}: "),
    "block.released": ("Pembayaran diizinkan oleh {user}: {reason}",
                       "Payments released by {user}: {reason}"),
    "block.sync_soon": ("Sinkronkan dengan kantor pusat begitu ada sambungan.",
                        "Sync with head office as soon as there is a link."),
    # register, sync, bundle
    "register.help": ("daftarkan loket ini ke kantor pusat (kode sekali pakai)",
                      "register this counter with head office (one-time code)"),
    "register.url": ("alamat kantor pusat, mis. https://pusat:8443",
                     "head office's address, e.g. https://pusat:8443"),
    "register.code": ("kode sekali pakai yang dicetak kantor pusat",
                      "the one-time code head office printed"),
    "register.ca": ("otoritas sertifikat yang menandatangani sertifikat kantor pusat",
                    "the certificate authority head office's certificate is signed by"),
    "register.done": ("Loket {counter} cabang {branch} terdaftar di kantor pusat {url}.",
                      "Counter {counter} of branch {branch} is registered with head office "
                      "at {url}."),
    "register.next": ("Sinkronkan sekarang dengan: loket-admin sync",
                      "Sync now with: loket-admin sync"),
    "sync.help": ("sinkronkan dengan kantor pusat sekarang: kirim, lalu ambil",
                  "sync with head office now: push, then pull"),
    "sync.timeout": ("menyerah menunggu jawaban setelah sekian detik (bawaan 60)",
                     "give up on an answer after this long (default 60)"),
    "sync.status": ("kejadian tertunda, sinkronisasi terakhir, kursor",
                    "pending events, the last sync, the cursor"),
    "phase.push": ("mengirim kejadian", "sending events"),
    "phase.snapshot": ("snapshot cabang", "branch snapshot"),
    "phase.pull": ("data induk", "master data"),
    "phase.reconcile": ("memeriksa total", "checking totals"),
    "progress.snapshot": ("{phase}: {done} dari {total} ({percent}%), {rate}/s",
                          "{phase}: {done} of {total} ({percent}%), {rate}/s"),
    "progress.left": (", {time} lagi", ", {time} left"),
    "progress.of": (" dari {total}", " of {total}"),
    "progress.line": ("{phase}: {done}{of} · {sent} terkirim, {received} diterima",
                      "{phase}: {done}{of} · {sent} sent, {received} received"),
    "sync.mismatch": ("sinkronisasi selesai, tetapi total kantor pusat berbeda dari total loket "
                      "ini (lihat selisihnya); beri tahu kantor pusat",
                      "the sync finished, but head office's totals differ from this "
                      "counter's (see the mismatches); tell head office"),
    "sync.done": ("Tersinkron dengan kantor pusat pada {at}: {acked} kejadian diakui, "
                  "{pulled} perubahan diambil ({sent} terkirim, {received} diterima).",
                  "Synced with head office at {at}: {acked} event(s) acknowledged, {pulled} "
                  "change(s) pulled ({sent} sent, {received} received)."),
    "sync.rejected": ("{n} kejadian masuk antrean pengecualian kantor pusat: lihat jendela "
                      "sinkronisasi loket.",
                      "{n} event(s) went to head office's exceptions queue: see the "
                      "counter's sync window."),
    "sync.epoch": ("Kantor pusat dipulihkan dari cadangan: data induk diambil ulang.",
                   "Head office was restored from a backup: master data was pulled again."),
    "status.registered": ("terdaftar di {url}", "registered with {url}"),
    "status.not_registered": ("BELUM terdaftar", "NOT registered"),
    "status.never": ("belum pernah", "never"),
    "status.counter": ("Loket: {where}", "Counter: {where}"),
    "status.pending": ("Kejadian tertunda: {n}", "Pending events: {n}"),
    "status.last": ("Sinkronisasi terakhir yang berhasil: {last}",
                    "Last successful sync: {last}"),
    "status.cursor": ("Kursor: {cursor}", "Cursor: {cursor}"),
    "status.no_cursor": ("(tidak ada: pengambilan berikutnya mulai dari awal)",
                         "(none: the next pull starts afresh)"),
    "status.snapshot": ("Unduhan snapshot disimpan: {size}", "Snapshot download kept: {size}"),
    "bundle.help": ("bundel sinkronisasi untuk cabang tanpa sambungan (flashdisk USB)",
                    "sync bundles for a branch with no link (USB stick)"),
    "bundle.export": ("tulis kejadian tertunda ke bundel di DIR",
                      "write the pending events to a bundle in DIR"),
    "bundle.import": ("terapkan bundel balasan kantor pusat", "apply head office's reply bundle"),
    "export.not_folder": ("{path} bukan folder", "{path} is not a folder"),
    "export.events": ("kejadian {first} sampai {last}", "events {first} to {last}"),
    "export.none": ("tidak ada kejadian tertunda", "no pending events"),
    "export.written": ("Bundel ditulis: {path} ({seq}).", "Bundle written: {path} ({seq})."),
    "export.next": ("Bawa ke kantor pusat; impor balasannya dengan: loket-admin bundle import "
                    "FILE",
                    "Take it to head office; import its reply with: loket-admin bundle import "
                    "FILE"),
    "reply.done": ("Balasan diimpor: {acked} kejadian diakui, {changes} perubahan diterapkan.",
                   "Reply imported: {acked} event(s) acknowledged, {changes} change(s) "
                   "applied."),
    "reply.resend": ("Kantor pusat belum memiliki kejadian mulai {seq}: ekspor bundel baru "
                     "(loket-admin bundle export DIR).",
                     "Head office lacks events from {seq} on: export a new bundle "
                     "(loket-admin bundle export DIR)."),
    "reply.flagged": ("Kantor pusat menandai rantai audit loket ini: tidak ada pembayaran "
                      "diterima sampai kantor pusat dan supervisor membereskannya.",
                      "Head office flagged this counter's audit chain: no payment is taken "
                      "until head office and a supervisor clear it."),
}
