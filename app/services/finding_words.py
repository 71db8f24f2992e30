"""The findings of the record checks in Bahasa Indonesia, for the admin command line.

:data:`INDONESIAN` says each code of :data:`~app.services.findings.TEXTS` as the counter
window does (the same words as ``resources/i18n/loket_id.ts``, context ``Findings``; a
test keeps the two equal). Field names of the ledger and the outbox stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable

from app.services.findings import TEXTS, Finding, FindingCode

INDONESIAN: dict[FindingCode, str] = {  # one literal per line, as the English catalogue
    FindingCode.AUDIT_RECORD: 'catatan audit {id}',
    FindingCode.PAYMENT: 'pembayaran {receipt_no}',
    FindingCode.VOID: 'pembatalan pembayaran {receipt_no}',
    FindingCode.DEVICE: 'perangkat {device}',
    FindingCode.RECEIPTS: 'kuitansi {prefix}',
    FindingCode.COUNTER_RECEIPTS: 'kuitansi loket {counter}, {year}',
    FindingCode.ENROLMENT: 'pendaftaran {uuid} ({connection_no})',
    FindingCode.BILL: 'tagihan {connection_no} {period}',
    FindingCode.INSTALMENT: 'cicilan ke-{number} pendaftaran {uuid}',
    FindingCode.OUTBOX_EVENT: 'kejadian outbox {seq} ({type})',
    FindingCode.CHECK_AUDIT_CHAIN: 'rantai audit',
    FindingCode.CHECK_PAYMENT_AUDIT: 'audit pembayaran',
    FindingCode.CHECK_OUTBOX_SEQUENCE: 'urutan outbox',
    FindingCode.CHECK_RECEIPT_SEQUENCE: 'urutan kuitansi',
    FindingCode.CHECK_LEDGER: 'pembukuan',
    FindingCode.CHECK_OUTBOX_PAYLOAD: 'isi outbox',
    FindingCode.RECORD_MISSING: 'catatan {id} hilang',
    FindingCode.RECORD_OUT_OF_ORDER: 'tidak menyambung dengan catatan sebelumnya',
    FindingCode.RECORD_NOT_KEYED: 'tidak berkunci, padahal catatan sebelumnya berkunci',
    FindingCode.KEY_UNREADABLE: 'dikunci dengan kunci loket ini, yang tidak dapat dibaca di komputer ini',
    FindingCode.RECORD_CHANGED: 'isinya telah diubah',
    FindingCode.EVENT_RECORD_MISSING: 'catatan {id} (disebut oleh sebuah kejadian) hilang',
    FindingCode.HEAD_MISSING: 'hilang: perubahan terakhir menulisnya, tetapi rantai kini berakhir di catatan {newest}',
    FindingCode.HEAD_REPLACED: 'bukan catatan yang ditulis perubahan terakhir',
    FindingCode.NO_AUDIT_RECORD: 'tidak punya catatan audit',
    FindingCode.NO_OUTBOX_EVENT: 'tidak punya kejadian outbox untuk kantor pusat',
    FindingCode.OUTBOX_EVENTS_MISSING: 'kejadian outbox {gap} hilang',
    FindingCode.RECEIPT_NO_MALFORMED: 'nomor kuitansinya tidak sah',
    FindingCode.NUMBERS_MISSING: 'nomor {gap} hilang',
    FindingCode.VOID_NOT_IN_LEDGER: 'catatan audit {audit_id} membatalkannya, tetapi pembukuan tidak punya pembatalannya',
    FindingCode.PAID_DIFFERS: 'jumlah dibayar {paid} berbeda dari alokasi pembayarannya ({allocated})',
    FindingCode.PAID_ABOVE_COST: 'jumlah dibayar {paid} lebih dari nilai tagihannya ({due})',
    FindingCode.SETTLED_WITH_DEBT: 'tercatat lunas, padahal masih harus dibayar {outstanding}',
    FindingCode.OPEN_WITHOUT_DEBT: 'tercatat terbuka dengan {outstanding} yang masih harus dibayar',
    FindingCode.EVENT_TIME_DIFFERS: 'waktunya berbeda dari catatan audit {audit_id}',
    FindingCode.EVENT_FIELDS_DIFFER: '{fields} berbeda dari catatan audit {audit_id}',
    FindingCode.VALUE_DIFFERS: '{field} bernilai {ledger} di pembukuan tetapi {recorded} di catatan audit {audit_id}',
    FindingCode.CHECK_FAILED: '{check}: {subject}: {detail}',
    FindingCode.NOT_SQLITE: 'file ini bukan basis data SQLite',
    FindingCode.NOT_A_DATABASE: 'file ini tidak dapat dibaca sebagai basis data ({error})',
    FindingCode.FILE_DAMAGED: 'file rusak: {detail}',
    FindingCode.NOT_LOKET: 'file ini bukan basis data cabang Loket',
    FindingCode.NEWER_SCHEMA: 'file ini dibuat oleh Loket versi lebih baru (skema {revision}); perbarui Loket dulu',
    FindingCode.RECORDS_UNREADABLE: 'catatannya tidak dapat dibaca ({error})',
    FindingCode.RESTORE_SYNC_FIRST: 'Outbox dan nomor kuitansi berlanjut dari titik yang dipulihkan. Sinkronkan loket ini dengan kantor pusat sebelum menerima pembayaran apa pun: kantor pusat mungkin menyimpan pembayaran yang tidak ada di cadangan ini.',
    FindingCode.RESTORE_NUMBERS_RAISED: 'Nomor kuitansi dan SPK berlanjut setelah nomor terakhir yang diterbitkan basis data yang diganti, sehingga tidak ada nomor yang terbit dua kali; nomor di antaranya milik catatan yang tidak ada di cadangan ini.',
    FindingCode.RESTORE_PREVIOUS_UNREAD: 'Basis data yang diganti tidak dapat dibaca ({problem}), sehingga nomor berlanjut dari cadangan: jangan terima pembayaran sebelum kantor pusat memastikan nomor kuitansi terakhir loket ini.',
    FindingCode.NOT_A_RECEIPT_CODE: 'ini bukan kode kuitansi Loket',
    FindingCode.NO_RECEIPT_KEY: 'tidak ada kunci kuitansi cabang {branch} di sini',
    FindingCode.SIGNATURE_MISMATCH: 'tanda tangannya tidak cocok: kode ini diubah atau tidak dibuat oleh cabang ini',
    FindingCode.RECEIPT_NOT_HELD: 'kuitansi {receipt_no} tidak ada di basis data cabang ini',
    FindingCode.RECEIPT_AMOUNT_DIFFERS: 'basis data mencatat {amount} untuk kuitansi {receipt_no}',
    FindingCode.RECEIPT_TIME_DIFFERS: 'basis data mencatat kuitansi {receipt_no} dibayar pada {at}',
    FindingCode.RECEIPT_VOIDED: 'pembayaran ini sudah dibatalkan: {reason}',
    FindingCode.BUNDLE_DAMAGED: 'berkas ini rusak atau terpotong ({detail}); salin lagi',
    FindingCode.NOT_A_ZIP: 'bukan file zip',
    FindingCode.BUNDLE_STRANGE_FILE: 'berkas ini memuat file yang tidak semestinya ({name})',
    FindingCode.BUNDLE_FILE_TWICE: 'berkas ini memuat file yang sama dua kali',
    FindingCode.BUNDLE_LACKS: 'berkas ini tidak memuat {names}',
    FindingCode.BUNDLE_TOO_LARGE: 'berkas ini terlalu besar',
    FindingCode.BUNDLE_ZIP_BOMB: '{name} mengembang {ratio} kali ukurannya (bom zip?)',
    FindingCode.BUNDLE_CANNOT_READ: 'berkas ini tidak dapat dibaca ({detail})',
    FindingCode.BUNDLE_NO_SNAPSHOT: 'manifesnya menyebut snapshot cabang yang tidak dimuatnya',
    FindingCode.BUNDLE_CURSOR_NOT_TEXT: 'kursornya bukan teks',
    FindingCode.BUNDLE_MANIFEST_NOT_OBJECT: 'manifesnya bukan objek',
    FindingCode.BUNDLE_MANIFEST_NOT_JSON: 'manifesnya bukan JSON',
    FindingCode.BUNDLE_NOT_REPLY: 'berkas ini bukan bundel balasan protokol {version}',
    FindingCode.BUNDLE_SIGNATURE_CHANGED: 'tanda tangannya tidak cocok (berkas diubah setelah ditandatangani)',
    FindingCode.BUNDLE_MEMBER_CHANGED: '{name} tidak cocok dengan manifesnya (telah diubah)',
    FindingCode.BUNDLE_MEMBER_NOT_JSON: '{name} bukan JSON yang sah',
    FindingCode.CREDENTIALS_NONE: 'tidak ada penyimpanan kredensial yang berfungsi di komputer ini',
    FindingCode.CREDENTIALS_TEST_LOST: 'penyimpanan itu tidak mengembalikan nilai uji; tidak ada yang dikirim ke kantor pusat, kode sekali pakai belum terpakai',
    FindingCode.CREDENTIALS_KEY_LOST: 'penyimpanan itu tidak menyimpan kunci penanda tangan bundel',
    FindingCode.CREDENTIALS_TOKEN_LOST: 'penyimpanan itu tidak menyimpan token kantor pusat; daftarkan lagi dengan kode yang sama dalam beberapa menit',
}


def words_of(lang: str) -> Callable[[FindingCode], str]:
    """Each code's words in ``lang`` (``id`` or ``en``)."""
    return (INDONESIAN if lang == "id" else TEXTS).__getitem__


def finding_text(finding: Finding, lang: str) -> str:
    """``finding`` in ``lang`` (``id`` or ``en``), a finding inside it too."""
    return finding.said(words_of(lang))
