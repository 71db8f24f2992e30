"""What ``loket-headoffice`` says, in Bahasa Indonesia (the default) and English
(``--lang en``).

Each key holds ``(Indonesian, English)`` side by side. A head-office service refuses in
an English sentence; in Bahasa Indonesia the command line says first what the web
console says for it (``console/words.py``), then the sentence as the detail. Amounts
read ``Rp 2.400.000`` and counts ``17.405`` in both languages.
"""

from __future__ import annotations

from app.services.command_line import Words
from app.services.error_words import error_text
from app.services.errors import DomainError
from app.services.money import format_rupiah
from headoffice.console.words import refusal_text
from headoffice.refusals import Refused

rupiah = format_rupiah


def count(n: int) -> str:
    """``17405`` → ``17.405``, grouped like the rupiah."""
    return f"{n:,}".replace(",", ".")


def service_refusal(refusal: BaseException | str, words: Words) -> str:
    """A service's refusal in the language of ``words``: a coded one (or one caused by a
    domain error) in its own words; another English sentence after the console's lead."""
    if isinstance(refusal, Refused):
        return refusal.in_language(words.lang)
    cause = refusal.__cause__ if isinstance(refusal, BaseException) else None
    if isinstance(cause, DomainError):
        return error_text(cause, words.lang)
    message = str(refusal)
    if words.lang == "en":
        return message
    lead = refusal_text(message)
    return f"{lead} (rincian: {message})" if lead else message


WORDS: dict[str, tuple[str, str]] = {
    # the tool
    "description": ("Kantor pusat Loket: API sinkronisasi dan administrasi.",
                    "Loket head office: sync API and admin."),
    "metavar.command": ("PERINTAH", "COMMAND"),
    "metavar.action": ("TINDAKAN", "ACTION"),
    "opt.database_url": ("postgresql://user@host/db atau sqlite:///file (bawaan: "
                         "$LOKET_HEADOFFICE_DATABASE_URL atau file SQLite lokal)",
                         "postgresql://user@host/db or sqlite:///file (default: "
                         "$LOKET_HEADOFFICE_DATABASE_URL or a local SQLite file)"),
    "refused": ("loket-headoffice {command}: {message}", "loket-headoffice {command}: {message}"),
    "database_error": ("loket-headoffice {command}: basis data tidak dapat dipakai: {problem}",
                       "loket-headoffice {command}: the database could not be used: "
                       "{problem}"),
    # commands and options
    "serve": ("jalankan API sinkronisasi dan konsol web (uvicorn)",
              "run the sync API and the web console (uvicorn)"),
    "init": ("buat basis data (dan dengan --demo, data demonya)",
             "create the database (and with --demo, the demo data)"),
    "init.customers": ("ukuran demo (bawaan 17.405)", "demo size (default 17.405)"),
    "branch": ("cabang", "branches"),
    "branch.add": ("tambah cabang", "add a branch"),
    "branch.list": ("daftar cabang", "list the branches"),
    "device": ("perangkat loket", "counter devices"),
    "device.register": ("cetak kode pendaftaran sekali pakai",
                        "print a one-time registration code"),
    "device.revoke": ("tolak perangkat mulai sekarang", "refuse a device from now on"),
    "device.list": ("daftar perangkat terdaftar", "list the registered devices"),
    "user": ("pengguna loket", "counter users"),
    "user.add": ("tambah pengguna (kata sandi dibaca dari masukan standar)",
                 "add a user (password read from standard input)"),
    "user.branch": ("hanya cabang ini (bawaan: semua cabang)",
                    "only this branch (default: every branch)"),
    "staff": ("staf kantor pusat untuk konsol web", "head-office staff of the web console"),
    "staff.add": ("tambah staf (kata sandi dibaca dari masukan standar)",
                  "add a staff user (password read from standard input)"),
    "staff.list": ("daftar staf", "list the staff users"),
    "staff.disable": ("tolak masuknya seorang staf mulai sekarang",
                      "refuse a staff user's sign-in from now on"),
    "import.customers": ("pelanggan", "customers"),
    "import.bills": ("tagihan", "bills"),
    "import": ("{what} dari CSV sistem penagihan (semua atau tidak sama sekali)",
               "{what} from a billing-system CSV (all or nothing)"),
    "customer": ("tampilan kantor pusat atas uang seorang pelanggan",
                 "head office's view of one customer's money"),
    "terms": ("ketentuan promosi", "promotion terms"),
    "terms.publish": ("terbitkan file ketentuan ke semua cabang",
                      "publish a terms file to every branch"),
    "exceptions": ("daftar, selesaikan atau terapkan ulang kejadian yang ditolak",
                   "list, resolve or re-apply rejected events"),
    "exceptions.all": ("termasuk yang sudah diselesaikan", "resolved ones too"),
    "change-requests": ("perubahan data pelanggan yang diminta cabang: daftar (bawaan: yang "
                        "menunggu), setujui, tolak",
                        "customer changes asked for at branches: list (pending by default), "
                        "approve, reject"),
    "approve": ("terapkan permintaan ke data induk pelanggan (ditolak bila pelanggan berubah "
                "sejak cabang melihatnya)",
                "apply a request to the customer master (refused if the customer changed "
                "since the branch saw it)"),
    "decide.by": ("siapa yang memutuskan (bawaan: nama pengguna komputer ini)",
                  "who decides (default: this computer's user name)"),
    "approve.force": ("terapkan walaupun pelanggan berubah sejak permintaan",
                      "apply even though the customer changed since the request"),
    "reject": ("tutup permintaan, pelanggan tidak berubah", "close a request, customer unchanged"),
    "reject.note": ("alasannya (cabang diberi tahu)", "why (the branch is told)"),
    "reconcile": ("diterima vs dilaporkan, per cabang dan hari",
                  "received vs reported, per branch and day"),
    "report": ("laporan", "reports"),
    "report.programme": ("evaluasi program di semua cabang (teks, --json, --pdf, --xlsx)",
                         "a programme's evaluation across every branch (text, --json, --pdf, "
                         "--xlsx)"),
    "bundle": ("bundel sinkronisasi", "sync bundles"),
    "bundle.import": ("impor bundel cabang, tulis balasannya",
                      "import a branch's bundle, write the reply"),
    "bundle.reply": ("bundel balasan (bawaan: BERKAS-reply.zip)",
                     "reply bundle (default: FILE-reply.zip)"),
    "epoch": ("epoch", "epochs"),
    "epoch.new": ("mulai epoch baru (setelah memulihkan cadangan)",
                  "start a new epoch (after restoring a backup)"),
    "openapi": ("tulis dokumen OpenAPI", "write the OpenAPI document"),
    # what the commands say
    "init.demo_done": ("kantor pusat demo: {branches} cabang, {customers} pelanggan, {bills} "
                       "tagihan, tunggakan {arrears} ({seconds} s)",
                       "demo head office: {branches} branches, {customers} customers, {bills} "
                       "bills, arrears {arrears} ({seconds} s)"),
    "init.ready": ("basis data kantor pusat siap", "head-office database ready"),
    "branch.added": ("cabang {code} ditambahkan", "branch {code} added"),
    "device.code_note": ("kode sekali pakai untuk cabang {branch} loket {counter}; berlaku "
                         "sekali, sampai {until} UTC",
                         "one-time code for branch {branch} counter {counter}; valid once, "
                         "until {until} UTC"),
    "device.revoked": ("perangkat {id} ({branch} {counter}) dicabut",
                       "device {id} ({branch} {counter}) is revoked"),
    "device.state_revoked": ("dicabut", "revoked"),
    "device.token_until": ("token sampai {day}", "token until {day}"),
    "password": ("kata sandi: ", "password: "),
    "password.again": ("ulangi: ", "again: "),
    "password.differ": ("kedua kata sandi berbeda", "the passwords differ"),
    "user.added": ("pengguna {username} ({role}) ditambahkan untuk {where}",
                   "user {username} ({role}) added for {where}"),
    "user.every_branch": ("semua cabang", "every branch"),
    "staff.added": ("staf {username} ({role}) ditambahkan", "staff user {username} ({role}) added"),
    "staff.state_disabled": ("nonaktif", "disabled"),
    "staff.state_locked": ("terkunci sampai {until} UTC", "locked until {until} UTC"),
    "staff.state_active": ("aktif", "active"),
    "staff.count": ("{n} staf", "{n} staff user(s)"),
    "staff.disabled": ("staf {username} dinonaktifkan; sesinya sudah berakhir",
                       "staff user {username} is disabled; their sessions have ended"),
    "customer.none": ("tidak ada pelanggan {connection_no}", "no customer {connection_no}"),
    "customer.line": ("{connection_no} {name} ({status} sejak {since}, versi {version})",
                      "{connection_no} {name} ({status} since {since}, version {version})"),
    "customer.bills": ("tagihan terbuka: {bills}, pokok {principal}, denda {penalty}",
                       "open bills: {bills}, principal {principal}, penalty {penalty}"),
    "customer.paid": ("pembayaran diterima: {paid}; disimpan sebagai kredit: {credit}",
                      "payments received: {paid}; kept as credit: {credit}"),
    "customer.plan": ("pendaftaran {uuid}: {programme} {state}, di {branch} pada {day}",
                      "enrolment {uuid}: {programme} {state}, at {branch} on {day}"),
    "terms.published": ("diterbitkan", "published"),
    "terms.unchanged": ("sudah diterbitkan (tidak berubah)", "already published (unchanged)"),
    "terms.done": ("{code} versi {version} ({name}) {verb}",
                   "{code} version {version} ({name}) {verb}"),
    "exception.resolved": ("pengecualian {id} diselesaikan: {note}",
                           "exception {id} resolved: {note}"),
    "exception.reapplied": ("pengecualian {id}: kejadian {event} sekarang diterapkan",
                            "exception {id}: event {event} applied now"),
    "exception.state_resolved": ("diselesaikan {day}: {note}", "resolved {day}: {note}"),
    "exception.state_open": ("TERBUKA", "OPEN"),
    "exception.count": ("{n} pengecualian", "{n} exception(s)"),
    "request.now": ("kini v{version}", "now v{version}"),
    "request.not_held": ("tidak ada di kantor pusat", "not held"),
    "request.line": ("#{id} [{state}] {branch} {at} {cashier}: pelanggan {connection_no} "
                     "(dilihat v{seen}, {now})",
                     "#{id} [{state}] {branch} {at} {cashier}: customer {connection_no} "
                     "(seen v{seen}, {now})"),
    "request.reason": ("    alasan: {reason}", "    reason: {reason}"),
    "request.decided": ("    {state} oleh {by} pada {day}: {note}",
                        "    {state} by {by} on {day}: {note}"),
    "request.count": ("{n} permintaan perubahan", "{n} change request(s)"),
    "request.approved": ("permintaan perubahan {id} disetujui: pelanggan {connection_no} kini "
                         "versi {version}; cabang menerimanya pada sinkronisasi berikutnya",
                         "change request {id} approved: customer {connection_no} is version "
                         "{version}; branches get it at their next sync"),
    "request.rejected": ("permintaan perubahan {id} ditolak: {note}; cabang {branch} diberi "
                         "tahu pada sinkronisasi berikutnya",
                         "change request {id} rejected: {note}; branch {branch} is told at its "
                         "next sync"),
    "reconcile.days": ("cabang|hari|jenis|status|diterima|dilaporkan cabang|putusan",
                       "branch|day|type|status|received|branch reported|verdict"),
    "reconcile.payments": ("cabang|hari|bayar|diterima|dibatalkan|kredit",
                           "branch|day|payments|received|voided|credit"),
    "status.applied": ("diterapkan", "applied"),
    "status.rejected": ("ditolak", "rejected"),
    "verdict.ok": ("cocok", "ok"),
    "verdict.MISMATCH": ("TIDAK COCOK", "MISMATCH"),
    "verdict.not reported": ("belum dilaporkan", "not reported"),
    "reconcile.flagged": ("RANTAI AUDIT DITANDAI: {detail}", "AUDIT CHAIN FLAGGED: {detail}"),
    "reconcile.flagged_note": ("RANTAI AUDIT DITANDAI: pembukuan sebuah loket tidak lagi "
                               "melanjutkan yang dijangkarkan kantor pusat; lihat antrean "
                               "pengecualian (audit_chain_broken)",
                               "AUDIT CHAIN FLAGGED: a counter's books no longer extend what "
                               "head office anchored; see the exceptions queue "
                               "(audit_chain_broken)"),
    "reconcile.mismatch": ("SELISIH: kantor pusat dan sebuah cabang tidak sepakat; selidiki, "
                           "jangan disesuaikan",
                           "MISMATCH: head office and a branch disagree; investigate, do not "
                           "adjust"),
    "bundle.not_a_bundle": ("{path} bukan file bundel (tidak ada atau terlalu besar)",
                            "{path} is not a bundle file (missing or too large)"),
    "bundle.done": ("{name}: {applied} diterapkan, {rejected} ditolak, {duplicates} sudah "
                    "diterima sebelumnya; diakui sampai seq {acked}; balasan dengan {changes} "
                    "perubahan ditulis ke {reply}",
                    "{name}: {applied} applied, {rejected} rejected, {duplicates} already "
                    "received; acked through seq {acked}; reply with {changes} change(s) "
                    "written to {reply}"),
    "chain.none": ("rantai audit TIDAK dijangkarkan: bundel tidak membawa ujung rantai (loket "
                   "versi lama); diperiksa pada pengiriman atau bundel berikutnya",
                   "audit chain NOT anchored: the bundle carries no chain head (a counter of "
                   "an older version); it is checked at its next push or newer bundle"),
    "chain.anchored": ("rantai audit dijangkarkan pada catatan {anchor}",
                       "audit chain anchored at record {anchor}"),
    "chain.stale": ("rantai audit kali ini tidak dijangkarkan: bundel menyebut jangkar yang "
                    "lebih lama (loket belum mengimpor balasan terakhir); balasan memberinya "
                    "jangkar terakhir (catatan {anchor}), diperiksa dengan bundel berikutnya",
                    "audit chain not anchored this time: the bundle names an older anchor (the "
                    "counter had not imported the last reply); the reply gives it the last "
                    "anchor (record {anchor}), checked with its next bundle"),
    "chain.flagged": ("RANTAI AUDIT DITANDAI: {message}; lihat antrean pengecualian "
                      "(audit_chain_broken); loket tidak menerima pembayaran setelah "
                      "mengimpor balasannya",
                      "AUDIT CHAIN FLAGGED: {message}; see the exceptions queue "
                      "(audit_chain_broken); the counter takes no payment after importing the "
                      "reply"),
    "epoch.started": ("epoch baru {epoch}: setiap cabang mengambil dari awal pada sinkronisasi "
                      "berikutnya",
                      "new epoch {epoch}: every branch pulls from the start at its next sync"),
    "openapi.written": ("dokumen OpenAPI ditulis ke {path}", "OpenAPI document written to {path}"),
    # report programme
    "evaluation.programme": ("bawaan: program terbaru", "default: the newest programme"),
    "evaluation.from": ("bawaan: hari pertama program", "default: the programme's first day"),
    "evaluation.to": ("bawaan: hari terakhirnya, atau hari ini selama masih berjalan",
                      "default: its last day, or today while it runs"),
    "evaluation.branch": ("hanya satu cabang", "one branch only"),
    "evaluation.json": ("angkanya sebagai JSON", "the figures as JSON"),
    "evaluation.pdf": ("tulis juga PDF-nya", "also write the PDF"),
    "evaluation.xlsx": ("tulis juga buku kerjanya", "also write the workbook"),
    "evaluation.not_a_date": ("{text!r} bukan tanggal (TTTT-BB-HH)",
                              "{text!r} is not a date (YYYY-MM-DD)"),
    # outreach
    "outreach": ("undangan, pengingat dan pemberitahuan tunggakan kepada pelanggan",
                 "invitations, reminders and overdue notices to customers"),
    "outreach.invitations": ("undang setiap pelanggan yang hari ini memenuhi syarat program "
                             "(uji coba kecuali dengan --send atau --export-csv)",
                             "invite every customer the programme finds eligible today (a dry "
                             "run unless --send or --export-csv)"),
    "outreach.programme": ("bawaan: program yang berlaku hari ini",
                           "default: the programme open today"),
    "outreach.reminders": ("ingatkan pemegang rencana akan cicilan yang segera jatuh tempo",
                           "remind plan holders of instalments due soon"),
    "outreach.overdue": ("pemberitahuan cicilan yang lewat jatuh tempo, sebelum rencananya "
                         "putus",
                         "notices of instalments past due, before the plan is broken"),
    "outreach.opt_out": ("jangan pernah menghubungi pelanggan ini lagi",
                         "never contact this customer again"),
    "outreach.opt_in": ("pelanggan boleh dihubungi lagi", "the customer may be contacted again"),
    "outreach.opt_outs": ("pelanggan yang meminta tidak dihubungi",
                          "the customers who asked not to be contacted"),
    "outreach.log": ("pesan yang dibuat, terbaru dulu, dengan jawaban gateway",
                     "the messages made, newest first, with the gateway's answers"),
    "outreach.invalid_phones": ("pelanggan yang teleponnya bukan nomor seluler",
                                "customers whose phone is not a mobile number"),
    "outreach.include_missing": ("juga yang tidak punya nomor", "also those with none"),
    "outreach.template": ("tampilkan templat, atau simpan versi baru dari BERKAS",
                          "show a template, or save a new version from FILE"),
    "outreach.template_file": ("file teks UTF-8", "a UTF-8 text file"),
    "outreach.gateway": ("gateway HTTP", "the HTTP gateway"),
    "outreach.gateway_set": ("URL gateway, templat isi dan header otentikasinya",
                             "the gateway's URL, payload template and auth header"),
    "outreach.payload": ("JSON dengan {{phone}} atau {{phone_digits}}, {{text}}, {{message_id}}, "
                         "mis. '{{\"to\": \"{{phone_digits}}\", \"message\": \"{{text}}\"}}'",
                         "JSON with {{phone}} or {{phone_digits}}, {{text}}, {{message_id}}, "
                         "e.g. '{{\"to\": \"{{phone_digits}}\", \"message\": \"{{text}}\"}}'"),
    "outreach.auth_header": ("mis. Authorization", "e.g. Authorization"),
    "outreach.auth_value": ("mis. \"Bearer {{credential}}\"", "e.g. \"Bearer {{credential}}\""),
    "outreach.credential": ("simpan kredensial gateway (dibaca dari masukan standar) di "
                            "penyimpanan kredensial",
                            "keep the gateway's credential (read from standard input) in the "
                            "credential store"),
    "outreach.gateway_show": ("pengaturan gateway", "the gateway's settings"),
    "outreach.branch": ("hanya pelanggan kantor cabang ini",
                        "only customers of this branch office"),
    "outreach.send": ("kirim lewat gateway", "send through the gateway"),
    "outreach.export_csv": ("tulis CSV berisi tautan klik-untuk-chat WhatsApp",
                            "write a CSV with WhatsApp click-to-chat links"),
    "kind.invitation": ("undangan", "invitation"),
    "kind.reminder": ("pengingat", "reminder"),
    "kind.overdue": ("pemberitahuan tunggakan", "overdue"),
    "outreach.invalid_phone": ("nomor tidak sah: {connection_no} {name}: {raw} ({problem})",
                               "invalid phone: {connection_no} {name}: {raw} ({problem})"),
    "outreach.no_gateway": ("belum ada gateway yang diatur; lihat: outreach gateway set",
                            "no gateway is set up; see: outreach gateway set"),
    "outreach.sent": ("{kind}: {sent} terkirim, {failed} gagal (dicoba lagi pada jalan "
                      "berikutnya), {skipped} sudah terkirim hari ini, {invalid} nomor tidak "
                      "sah, {opted_out} tidak mau dihubungi",
                      "{kind}: {sent} sent, {failed} failed (retried at the next run), "
                      "{skipped} already sent today, {invalid} invalid phone(s), {opted_out} "
                      "opted out"),
    "outreach.exported": ("{kind}: {n} pesan ditulis ke {path}; {invalid} nomor tidak sah, "
                          "{opted_out} tidak mau dihubungi",
                          "{kind}: {n} message(s) written to {path}; {invalid} invalid "
                          "phone(s), {opted_out} opted out"),
    "mark.done": ("sudah terkirim hari ini", "already sent today"),
    "mark.retry": ("coba lagi", "retry"),
    "mark.new": ("baru", "new"),
    "outreach.dry_run": ("uji coba: {n} pesan {kind} (templat versi {version}), {invalid} "
                         "nomor tidak sah, {opted_out} tidak mau dihubungi; tidak ada yang "
                         "dikirim (pakai --send atau --export-csv)",
                         "dry run: {n} {kind} message(s) (template version {version}), "
                         "{invalid} invalid phone(s), {opted_out} opted out; nothing sent "
                         "(use --send or --export-csv)"),
    "outreach.opted_out": ("{connection_no} ({name}) tidak akan dihubungi",
                           "{connection_no} ({name}) will not be contacted"),
    "outreach.not_opted_out": ("{connection_no} tidak sedang menolak dihubungi",
                               "{connection_no} had not opted out"),
    "outreach.opted_in": ("{connection_no} boleh dihubungi lagi",
                          "{connection_no} may be contacted again"),
    "outreach.opt_out_line": ("{connection_no} {name} sejak {day} oleh {by}: {note}",
                              "{connection_no} {name} since {day} by {by}: {note}"),
    "outreach.opt_out_count": ("{n} pelanggan tidak mau dihubungi", "{n} customer(s) opted out"),
    "outreach.log_line": ("#{id} {at} {kind} {connection_no} {phone} [{state} lewat {channel}, "
                          "{attempts} percobaan] templat v{version} {answer}",
                          "#{id} {at} {kind} {connection_no} {phone} [{state} via {channel}, "
                          "{attempts} attempt(s)] template v{version} {answer}"),
    "outreach.log_count": ("{n} pesan", "{n} message(s)"),
    "outreach.invalid_count": ("{n} pelanggan tanpa nomor seluler yang bisa dipakai",
                               "{n} customer(s) without a usable mobile number"),
    "outreach.cannot_read": ("tidak dapat membaca {path}: {problem}",
                             "cannot read {path}: {problem}"),
    "outreach.template_refused": ("templat ditolak: {problem}", "template refused: {problem}"),
    "outreach.template_saved": ("templat {kind} versi {version} disimpan",
                                "{kind} template version {version} saved"),
    "outreach.template_shown": ("templat {kind} versi {version}; tempat isian: {placeholders}",
                                "{kind} template version {version}; placeholders: "
                                "{placeholders}"),
    "outreach.gateway_saved": ("gateway diatur: POST {url}", "gateway set: POST {url}"),
    "outreach.credential_prompt": ("kredensial: ", "credential: "),
    "outreach.credential_kept": ("kredensial gateway disimpan di penyimpanan kredensial",
                                 "the gateway's credential is kept in the credential store"),
    "outreach.gateway_shown": ("url: {url}\nisi: {payload}\nheader: {header}: {value}\n"
                               "batas waktu: {timeout} s",
                               "url: {url}\npayload: {payload}\nheader: {header}: {value}\n"
                               "timeout: {timeout} s"),
}
