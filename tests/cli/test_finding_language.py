"""What the record checks find, said by ``loket-admin`` in Bahasa Indonesia by default and
in English with ``--lang en``: audit verify, backup verify, a restore's warnings, receipt
verify, a refused terms file and the detail of a sync error. No English sentence is left
inside the Indonesian output."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from app.bootstrap import BranchDatabase
from app.cli.main import main
from app.models.database import database_path
from app.services.context import Actor
from app.services.error_words import error_text
from app.services.errors import DomainError, ErrorCode
from app.services.findings import Finding, FindingCode
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import Tender
from tests.support.fakes import add_customer, monthly_bills

# English words that say something; none of them belongs in a Bahasa Indonesia line
# (paths are data and are taken out before looking; the field names of the ledger and of
# a terms file, such as ``number`` or ``version``, are data too and are not listed).
ENGLISH = ("the", "is", "was", "not", "has", "no", "missing", "changed", "cannot", "must",
           "already", "exists", "does", "match", "record", "records", "payment", "payments",
           "receipt", "receipts", "continue", "before", "database", "backup", "signature",
           "answers", "nothing", "connection", "head", "office", "sync")


def english_words(text: str, *data: object) -> set[str]:
    """The words of :data:`ENGLISH` in ``text`` once the ``data`` (paths …) are taken out."""
    for value in data:
        text = text.replace(str(value), " ")
    return {word for word in ENGLISH if re.search(rf"\b{word}\b", text, re.IGNORECASE)}


def run(data_dir: Path, capsys: pytest.CaptureFixture[str], lang: str,
        *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data_dir), "--lang", lang, *args])
    out, err = capsys.readouterr()
    return code, out + err


def tamper(branch: BranchDatabase, sql: str, *params: object) -> None:
    with sqlite3.connect(database_path(branch.data_dir)) as db:
        db.execute(sql, params)
    db.close()


@pytest.fixture
def receipt(branch: BranchDatabase, cashier: Actor) -> str:
    """One enrolment paid: receipt KPG-L01-2025-000001."""
    add_customer(branch, "10010001", bills=monthly_bills("2025-01", 6, 60_000))
    return enrol_and_pay(branch.writing(), cashier,
                         EnrolRequest("10010001", 1, Tender(180_000, 180_000))).receipt_no


def test_audit_verify_names_an_edited_record_in_either_language(
        branch: BranchDatabase, receipt: str, capsys: pytest.CaptureFixture[str]) -> None:
    tamper(branch, "UPDATE audit_record SET details = replace(details, '180000', '18000') "
                   "WHERE entity = 'payment' AND entity_id = ?", receipt)
    code, said = run(branch.data_dir, capsys, "id", "audit", "verify")
    assert code == 1
    assert re.search(r"verifikasi audit gagal: catatan audit \d+: isinya telah diubah", said)
    assert english_words(said, branch.data_dir) == set(), said
    code, said = run(branch.data_dir, capsys, "en", "audit", "verify")
    assert re.search(r"audit verification failed: audit record \d+: its contents were "
                     r"changed", said)


def test_audit_verify_names_a_lost_payment_record_and_a_number_gap(
        branch: BranchDatabase, receipt: str, capsys: pytest.CaptureFixture[str]) -> None:
    tamper(branch, "DELETE FROM outbox_event WHERE audit_id = "
                   "(SELECT id FROM audit_record WHERE entity_id = ?)", receipt)
    tamper(branch, "UPDATE number_sequence SET last_value = 3 WHERE name = 'receipt'")
    code, said = run(branch.data_dir, capsys, "id", "audit", "verify")
    assert code == 1
    assert f"pembayaran {receipt}: tidak punya kejadian outbox untuk kantor pusat" in said
    assert "kuitansi KPG-L01-2025: nomor 2–3 hilang" in said
    assert english_words(said, branch.data_dir) == set(), said
    code, said = run(branch.data_dir, capsys, "en", "audit", "verify")
    assert f"payment {receipt}: has no outbox event for head office" in said
    assert "receipts KPG-L01-2025: number(s) 2–3 missing" in said


def test_audit_verify_json_keeps_the_english_text_and_adds_the_code(
        branch: BranchDatabase, receipt: str, capsys: pytest.CaptureFixture[str]) -> None:
    tamper(branch, "UPDATE number_sequence SET last_value = 3 WHERE name = 'receipt'")
    assert main(["--data-dir", str(branch.data_dir), "audit", "verify", "--json"]) == 1
    [problem] = json.loads(capsys.readouterr().out)["problems"]
    assert problem == {"check": "receipt_sequence", "subject": "receipts KPG-L01-2025",
                       "text": "number(s) 2–3 missing", "code": "numbers_missing"}


def test_backup_verify_and_restore_speak_the_chosen_language(
        branch: BranchDatabase, receipt: str, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    tamper(branch, "UPDATE number_sequence SET last_value = 3 WHERE name = 'receipt'")
    copy = tmp_path / "copy.sqlite3"
    assert run(branch.data_dir, capsys, "id", "backup", "now", "--to", str(copy))[0] == 0
    code, said = run(branch.data_dir, capsys, "id", "backup", "verify", str(copy))
    assert code == 0
    assert ("catatan: urutan kuitansi: kuitansi KPG-L01-2025: nomor 2–3 hilang"
            in said), said
    assert english_words(said, copy, branch.data_dir) == set()
    code, said = run(branch.data_dir, capsys, "en", "backup", "verify", str(copy))
    assert "note: receipt sequence: receipts KPG-L01-2025: number(s) 2–3 missing" in said
    restored = tmp_path / "restored"
    code, said = run(restored, capsys, "id", "restore", str(copy), "--yes")
    assert code == 0
    assert ("PERINGATAN: Outbox dan nomor kuitansi berlanjut dari titik yang dipulihkan. "
            "Sinkronkan loket ini dengan kantor pusat sebelum menerima pembayaran apa pun"
            in said)
    assert "PERINGATAN: urutan kuitansi: kuitansi KPG-L01-2025: nomor 2–3 hilang" in said
    assert english_words(said, copy, restored) == set()
    code, said = run(restored, capsys, "en", "restore", str(copy), "--yes")
    assert code == 0
    assert "WARNING: The outbox and the receipt numbers continue from the restored point." \
        in said
    assert "WARNING: receipt sequence: receipts KPG-L01-2025: number(s) 2–3 missing" in said


def test_a_damaged_backup_is_refused_in_the_chosen_language(
        branch: BranchDatabase, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("not a database", encoding="utf-8")
    code, said = run(branch.data_dir, capsys, "id", "backup", "verify", str(bad))
    assert code == 1
    assert f"cadangan {bad} tidak boleh dipulihkan: file ini bukan basis data SQLite" in said
    assert english_words(said, bad, branch.data_dir) == set()
    code, said = run(tmp_path / "elsewhere", capsys, "id", "restore", str(bad), "--yes")
    assert code == 1
    assert f"Cadangan {bad} tidak dapat dipulihkan: file ini bukan basis data SQLite" in said
    assert english_words(said, bad, tmp_path) == set()
    code, said = run(branch.data_dir, capsys, "en", "backup", "verify", str(bad))
    assert f"the backup {bad} must not be restored: it is not a SQLite database" in said
    assert json.loads(_json(branch.data_dir, capsys, "backup", "verify", str(bad)))[
        "problem_codes"] == ["not_sqlite"]


def _json(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    main(["--data-dir", str(data_dir), *args, "--json"])
    return capsys.readouterr().out


def test_receipt_verify_says_why_a_code_is_not_genuine(
        branch: BranchDatabase, capsys: pytest.CaptureFixture[str]) -> None:
    code, said = run(branch.data_dir, capsys, "id", "receipt", "verify", "bukan-kuitansi")
    assert code == 1
    assert "TIDAK TERVERIFIKASI" in said and "ini bukan kode kuitansi Loket" in said
    assert english_words(said) == set()
    code, said = run(branch.data_dir, capsys, "en", "receipt", "verify", "bukan-kuitansi")
    assert "NOT VERIFIED" in said and "this is not a Loket receipt code" in said
    result = json.loads(_json(branch.data_dir, capsys, "receipt", "verify", "bukan-kuitansi"))
    assert (result["problem"], result["code"]) == ("this is not a Loket receipt code",
                                                   "not_a_receipt_code")


def test_a_refused_terms_file_names_each_problem_in_the_chosen_language(
        branch: BranchDatabase, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    terms = tmp_path / "promo.toml"
    terms.write_text('code = "X"\n', encoding="utf-8")
    code, said = run(branch.data_dir, capsys, "id", "terms", "load", str(terms))
    assert code == 1
    assert "Ketentuan promo tidak sah: isian 'version' tidak ada" in said
    assert english_words(said, terms) == set()
    code, said = run(branch.data_dir, capsys, "en", "terms", "load", str(terms))
    assert "missing field 'version'" in said


@pytest.mark.parametrize(("problem", "indonesian"), [
    ("nothing answers at https://pusat:8443", "tidak ada yang menjawab di https://pusat:8443"),
    ("no answer within 60 seconds", "tidak ada jawaban dalam 60 detik"),
    ("head office failed: the answer was cut off", "server pusat sedang bermasalah: jawaban "
                                                   "terpotong"),
])
def test_the_detail_of_a_sync_error_is_said_in_indonesian(problem: str,
                                                          indonesian: str) -> None:
    error = DomainError(ErrorCode.SYNC_UNREACHABLE, problem=problem)
    said = error_text(error, "id")
    assert indonesian in said
    assert english_words(said, "https://pusat:8443") == set()
    assert problem in error_text(error, "en")


def test_a_damaged_sync_bundle_is_refused_in_the_chosen_language(
        branch: BranchDatabase, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    reply = tmp_path / "balasan.zip"
    reply.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    code, said = run(branch.data_dir, capsys, "id", "bundle", "import", str(reply))
    assert code == 1
    assert said == ("loket-admin: Berkas sinkron balasan.zip tidak dapat dipakai: berkas ini "
                    "rusak atau terpotong (bukan file zip); salin lagi\n")
    assert english_words(said) == set()
    code, said = run(branch.data_dir, capsys, "en", "bundle", "import", str(reply))
    assert ("The sync bundle balasan.zip cannot be used: it is damaged or cut off (File is "
            "not a zip file); copy it again") in said


def test_a_missing_terms_file_is_named_in_the_chosen_language(
        branch: BranchDatabase, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    gone = tmp_path / "hilang.toml"
    code, said = run(branch.data_dir, capsys, "id", "terms", "load", str(gone))
    assert code == 1
    assert said == f"loket-admin: Ketentuan promo tidak sah: {gone} tidak ada\n"
    code, said = run(branch.data_dir, capsys, "en", "terms", "load", str(gone))
    assert f"{gone} does not exist" in said


def test_a_credential_store_that_fails_is_said_in_indonesian() -> None:
    error = DomainError(ErrorCode.TOKEN_STORE_UNAVAILABLE,
                        problem=Finding.of(FindingCode.CREDENTIALS_NONE))
    assert error_text(error, "id") == (
        "Penyimpanan kredensial tidak dapat menyimpan token kantor pusat: tidak ada "
        "penyimpanan kredensial yang berfungsi di komputer ini")
    assert error.message.endswith(": no credential store works on this computer")
