"""``loket-admin`` speaks Bahasa Indonesia unless ``--lang en``: help, results, refusals
and command-line mistakes, through its real entry point; JSON keeps its keys and codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.bootstrap import BranchDatabase
from app.cli.main import main
from tests.support.fakes import add_customer, monthly_bills

STORY_NO = "10012345"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def story(branch: BranchDatabase) -> str:
    """Sealed since 2021: 48 bills of Rp 50.000 with Rp 5.000 penalty each."""
    add_customer(branch, STORY_NO, name="Harun Bessie",
                 bills=monthly_bills("2021-11", 48, 50_000, penalty=5_000))
    return STORY_NO


def test_help_is_indonesian_by_default_and_english_with_lang_en(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert out.startswith("penggunaan: loket-admin")
    assert "membuat basis data cabang" in out and "tampilkan bantuan ini lalu keluar" in out
    assert "create the branch database" not in out
    code, out, _ = run(capsys, "backup", "now", "--help")
    assert code == 0 and "cadangkan sekarang" not in out  # the command's own help: its options
    assert "sebuah folder (mis. flashdisk USB) atau file .sqlite3 baru" in " ".join(out.split())
    code, out, _ = run(capsys, "--lang", "en", "--help")
    assert code == 0
    assert out.startswith("usage: loket-admin")
    assert "create the branch database" in out and "membuat basis data cabang" not in out
    code, out, _ = run(capsys, "backup", "now", "--help", "--lang=en")
    assert code == 0 and "a folder (e.g. a USB stick) or a new .sqlite3 file" in out


@pytest.mark.parametrize(("argv", "indonesian", "english"), [
    (("backup", "verify"), "[--data-dir FOLDER]", "[--data-dir DIR]"),
    (("backup", "verify"), "\n  BERKAS\n", "\n  FILE\n"),
    (("backup", "now"), "[--to LOKASI]", "[--to PATH]"),
    (("import-customers",), "BERKAS.csv", "FILE.csv"),
    (("restore-block", "release"), "--supervisor PENGGUNA", "--supervisor USER"),
    (("report", "lpp"), "[--day TANGGAL]", "[--day DATE]"),
    (("quote",), "NO_SAMBUNGAN", "CONNECTION_NO"),
])
def test_the_placeholders_of_values_are_in_the_language(
        capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], indonesian: str,
        english: str) -> None:
    code, out, _ = run(capsys, *argv, "--help")
    assert code == 0 and indonesian in out and english not in out
    code, out, _ = run(capsys, *argv, "--help", "--lang", "en")
    assert code == 0 and english in out and indonesian not in out


def test_summary_and_quote_are_worded_in_the_language_and_rupiah_read_the_same(
        capsys: pytest.CaptureFixture[str], branch: BranchDatabase, story: str) -> None:
    base = ("--data-dir", str(branch.data_dir))
    code, out, _ = run(capsys, *base, "summary")
    assert code == 0
    assert "Pelanggan      1" in out and "Tunggakan      Rp 2.400.000" in out
    assert "(pokok tagihan terbuka yang belum dibayar)" in out and "Customers" not in out
    code, out, _ = run(capsys, *base, "summary", "--lang", "en")
    assert code == 0
    assert "Customers      1" in out and "Arrears        Rp 2.400.000" in out
    assert "(unpaid principal of open bills)" in out

    code, out, _ = run(capsys, *base, "quote", STORY_NO, "--on", "2025-11-24")
    assert code == 0
    assert ": MEMENUHI SYARAT" in out and "pada 2025-11-24" in out
    assert "Uang muka        Rp 1.200.000" in out
    assert "Rp 1.200.000 dalam 3 kali cicilan (diizinkan:" in out
    code, out, _ = run(capsys, *base, "quote", STORY_NO, "--on", "2025-11-24", "--lang", "en")
    assert code == 0
    assert ": ELIGIBLE" in out and "on 2025-11-24" in out
    assert "Down payment     Rp 1.200.000" in out
    assert "Rp 1.200.000 in 3 instalment(s) (allowed:" in out


def test_why_a_customer_cannot_join_is_said_in_the_language(
        capsys: pytest.CaptureFixture[str], branch: BranchDatabase) -> None:
    add_customer(branch, "20001", status="active", bills=monthly_bills("2025-09", 2, 30_000))
    base = ("--data-dir", str(branch.data_dir), "quote", "20001", "--on", "2025-11-24")
    code, out, _ = run(capsys, *base)
    assert code == 0 and ": TIDAK MEMENUHI SYARAT" in out
    assert "  - status sambungan aktif; program ini untuk disegel\n" in out
    code, out, _ = run(capsys, *base, "--lang", "en")
    assert code == 0 and ": NOT ELIGIBLE" in out
    assert "  - status is active; the programme is for sealed\n" in out
    code, out, _ = run(capsys, "--data-dir", str(branch.data_dir), "search", "20001")
    assert code == 0 and "aktif" in out and "Rp 60.000" in out
    assert "1 ditampilkan dari 1 yang ditemukan untuk '20001'" in out


def test_a_refusal_is_said_from_its_code_in_either_language_and_json_keeps_the_code(
        capsys: pytest.CaptureFixture[str], branch: BranchDatabase) -> None:
    base = ("--data-dir", str(branch.data_dir))
    code, out, err = run(capsys, *base, "quote", "99999")
    assert (code, out) == (1, "")
    assert err == "loket-admin: Tidak ada pelanggan dengan nomor sambungan '99999'.\n"
    code, _, err = run(capsys, *base, "quote", "99999", "--lang", "en")
    assert code == 1
    assert err == "loket-admin: No customer with connection number '99999'.\n"
    code, out, _ = run(capsys, *base, "quote", "99999", "--json")
    indonesian = json.loads(out)["error"]
    code_en, out, _ = run(capsys, *base, "quote", "99999", "--json", "--lang", "en")
    english = json.loads(out)["error"]
    assert code == code_en == 1
    assert indonesian["code"] == english["code"] == "customer_not_found"
    assert set(indonesian) == set(english) == {"code", "message"}
    assert indonesian["message"].startswith("Tidak ada pelanggan")
    assert english["message"].startswith("No customer")


def test_a_bad_date_is_refused_with_the_admin_sentence(
        capsys: pytest.CaptureFixture[str], branch: BranchDatabase, story: str) -> None:
    base = ("--data-dir", str(branch.data_dir))
    code, _, err = run(capsys, *base, "quote", STORY_NO, "--on", "24-11-2025")
    assert code == 1 and "'24-11-2025' bukan tanggal (tulis TTTT-BB-HH)." in err
    code, _, err = run(capsys, *base, "--lang", "en", "quote", STORY_NO, "--on", "24-11-2025")
    assert code == 1 and "'24-11-2025' is not a date (use YYYY-MM-DD)." in err


def test_a_missing_database_names_the_command_to_run(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "none"), "sync", "status")
    assert code == 1 and "Tidak ada basis data cabang di" in err
    assert "jalankan 'loket-admin init'" in err


@pytest.mark.parametrize(("argv", "indonesian", "english"), [
    (["search", "x", "--limit", "0"], "loket-admin search: galat: --limit harus 1 atau lebih",
     "loket-admin search: error: --limit must be 1 or more"),
    (["users", "add", "budi"], "loket-admin users add: galat: argumen ini wajib diisi: --role, "
     "--name", "loket-admin users add: error: the following arguments are required: --role, "
     "--name"),
    (["quote", "1", "--instalments", "banyak"], "galat: argumen --instalments: bukan bilangan "
     "bulat: 'banyak'", "error: argument --instalments: invalid int value: 'banyak'"),
    (["bogus"], "galat: argumen PERINTAH: pilihan 'bogus' tidak ada (pilih dari 'init', ",
     "error: argument COMMAND: invalid choice: 'bogus' (choose from "),
    (["--lang", "fr", "summary"], "galat: argumen --lang: pilihan 'fr' tidak ada",
     "error: argument --lang: invalid choice: 'fr'"),
])
def test_command_line_mistakes_exit_2_in_the_language(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], indonesian: str,
        english: str) -> None:
    base = ["--data-dir", str(tmp_path / "none")]
    code, out, err = run(capsys, *base, *argv)
    assert (code, out) == (2, "")
    assert indonesian in err and "usage:" not in err
    if "--lang" in argv:  # a language not known: Indonesian, the default, says so
        return
    code, out, err = run(capsys, *base, "--lang", "en", *argv)
    assert (code, out) == (2, "")
    assert english in err and "galat" not in err
