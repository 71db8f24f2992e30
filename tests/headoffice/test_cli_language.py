"""``loket-headoffice`` speaks Bahasa Indonesia unless ``--lang en``: help, results,
refusals (a service's coded refusal in its own words, what already exists named) and
command-line mistakes, through its real entry point."""

from __future__ import annotations

import io
import re
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest

from headoffice import refusals
from headoffice.cli import main


class Cli:
    """``loket-headoffice`` on a fresh SQLite database; keeps the last output."""

    def __init__(self, url: str, capsys: pytest.CaptureFixture[str]) -> None:
        self.url, self.capsys = url, capsys
        self.out = self.err = ""

    def __call__(self, *args: str) -> int:
        code = main(["--database-url", self.url, *args])
        self.out, self.err = self.capsys.readouterr()
        return code


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(f"sqlite:///{(tmp_path / 'headoffice.sqlite3').as_posix()}", capsys)


def test_help_is_indonesian_by_default_and_english_with_lang_en(cli: Cli) -> None:
    assert cli("--help") == 0
    assert cli.out.startswith("penggunaan: loket-headoffice")
    assert "cetak kode pendaftaran sekali pakai" not in cli.out  # a subcommand's, below
    assert "perangkat loket" in cli.out and "undangan, pengingat dan pemberitahuan" in cli.out
    assert cli("device", "register", "--help") == 0
    assert "argumen posisi" in cli.out and "tampilkan bantuan ini lalu keluar" in cli.out
    assert cli("outreach", "gateway", "set", "--help", "--lang", "en") == 0
    assert cli.out.startswith("usage: loket-headoffice outreach gateway set")
    assert 'e.g. "Bearer {credential}"' in cli.out and "{phone_digits}" in cli.out


def test_the_placeholders_of_values_are_in_the_language(cli: Cli) -> None:
    assert cli("branch", "add", "--help") == 0 and " kode nama\n" in cli.out
    assert cli("user", "add", "--help") == 0
    assert "[--full-name NAMA_LENGKAP]" in cli.out and "[--branch CABANG]" in cli.out
    assert cli("user", "add", "--help", "--lang", "en") == 0
    assert "[--full-name FULL_NAME]" in cli.out and "[--branch BRANCH]" in cli.out


def test_results_are_worded_in_the_language(cli: Cli) -> None:
    assert cli("branch", "add", "kpg", "Kantor Pelayanan Kota Kupang") == 0
    assert cli.out == "cabang KPG ditambahkan\n"
    assert cli("branch", "add", "oeb", "Unit Oebobo", "--lang", "en") == 0
    assert cli.out == "branch OEB added\n"
    assert cli("device", "register", "KPG", "L01") == 0
    assert "kode sekali pakai untuk cabang KPG loket L01; berlaku sekali, sampai" in cli.err
    assert cli("exceptions") == 0 and cli.err == "0 pengecualian\n"
    assert cli("exceptions", "--lang", "en") == 0 and cli.err == "0 exception(s)\n"
    assert cli("reconcile") == 0
    assert cli.out.startswith("cabang hari       jenis             status    diterima")
    assert "\ncabang hari       bayar     diterima            dibatalkan" in cli.out
    assert cli("reconcile", "--lang", "en") == 0
    assert cli.out.startswith("branch day        type              status    received")


def test_a_service_refusal_is_said_whole_in_the_language(cli: Cli) -> None:
    assert cli("device", "register", "ZZZ", "L01") == 1
    assert cli.err == ("loket-headoffice device: tidak ada cabang 'ZZZ'; tambahkan dulu "
                       "(loket-headoffice branch add)\n")
    assert cli("device", "register", "ZZZ", "L01", "--lang", "en") == 1
    assert cli.err == ("loket-headoffice device: no branch 'ZZZ'; add it first "
                       "(loket-headoffice branch add)\n")
    assert cli("branch", "add", "K", "Satu huruf") == 1
    assert cli.err == ("loket-headoffice branch: kode cabang 'K' harus 2–16 huruf atau angka "
                       "(mis. KPG)\n")


def test_what_already_exists_is_named(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("branch", "add", "KPG", "Kantor Pelayanan Kota Kupang") == 0
    assert cli("branch", "add", "KPG", "Kantor Pelayanan Kota Kupang") == 1
    assert cli.err == "loket-headoffice branch: cabang KPG sudah ada\n"
    assert cli("branch", "add", "KPG", "Kupang", "--lang", "en") == 1
    assert cli.err == "loket-headoffice branch: branch KPG already exists\n"
    for _ in range(2):
        monkeypatch.setattr("sys.stdin", io.StringIO("rahasia-123\n"))
        cli("user", "add", "kasir1", "cashier")
    assert cli.err == "loket-headoffice user: pengguna loket kasir1 sudah ada\n"
    for _ in range(2):
        monkeypatch.setattr("sys.stdin", io.StringIO("rahasia-123\n"))
        cli("staff", "add", "hublang", "--role", "finance")
    assert cli.err == "loket-headoffice staff: staf hublang sudah ada\n"
    monkeypatch.setattr("sys.stdin", io.StringIO("rahasia-123\n"))
    assert cli("staff", "add", "hublang", "--role", "finance", "--lang", "en") == 1
    assert cli.err == "loket-headoffice staff: staff user hublang already exists\n"


def test_the_command_line_s_own_refusals_are_in_the_language(cli: Cli) -> None:
    assert cli("customer", "50400001") == 1
    assert cli.err == "loket-headoffice customer: tidak ada pelanggan 50400001\n"
    assert cli("customer", "50400001", "--lang", "en") == 1
    assert cli.err == "loket-headoffice customer: no customer 50400001\n"
    assert cli("outreach", "gateway", "show") == 1
    assert "belum ada gateway yang diatur; lihat: outreach gateway set" in cli.err
    assert cli("outreach", "opt-in", "50400001", "--lang", "en") == 1
    assert "50400001 had not opted out" in cli.err


@pytest.mark.parametrize(("argv", "indonesian", "english"), [
    (["user", "add", "budi"], "loket-headoffice user add: galat: argumen ini wajib diisi: role",
     "loket-headoffice user add: error: the following arguments are required: role"),
    (["outreach", "reminders", "--due-within", "seminggu"],
     "galat: argumen --due-within: bukan bilangan bulat: 'seminggu'",
     "error: argument --due-within: invalid int value: 'seminggu'"),
    (["report", "programme", "--from", "kemarin"],
     "galat: argumen --from: 'kemarin' bukan tanggal (TTTT-BB-HH)",
     "error: argument --from: 'kemarin' is not a date (YYYY-MM-DD)"),
])
def test_command_line_mistakes_exit_2_in_the_language(cli: Cli, argv: list[str],
                                                      indonesian: str, english: str) -> None:
    assert cli(*argv) == 2 and indonesian in cli.err
    assert cli(*argv, "--lang", "en") == 2 and english in cli.err


def test_installed_console_script_speaks_indonesian(tmp_path: Path) -> None:
    script = shutil.which("loket-headoffice", path=str(Path(sys.executable).parent))
    assert script is not None, "loket-headoffice is not installed next to this Python"
    url = f"sqlite:///{(tmp_path / 'ho.sqlite3').as_posix()}"
    done = subprocess.run([script, "--database-url", url, "customer", "1"],
                          capture_output=True, text=True, check=False)
    assert (done.returncode, done.stderr) == (1, "loket-headoffice customer: tidak ada "
                                                 "pelanggan 1\n")
    done = subprocess.run([script, "--lang", "en", "--database-url", url, "customer", "1"],
                          capture_output=True, text=True, check=False)
    assert (done.returncode, done.stderr) == (1, "loket-headoffice customer: no customer 1\n")


def test_every_refusal_is_worded_in_both_languages_with_the_same_values() -> None:
    def names(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    assert set(refusals.TEXTS) == set(refusals.INDONESIAN) == set(refusals.RefusalCode)
    for code, english in refusals.TEXTS.items():
        assert names(refusals.INDONESIAN[code]) == names(english), code


# English words that say something; none belongs in a Bahasa Indonesia refusal (codes,
# paths and the names of options are data and are taken out before looking).
ENGLISH = ("the", "is", "was", "not", "no", "already", "exists", "must", "cannot",
           "readable", "branch", "device", "exception", "request", "field", "missing",
           "add", "first", "user", "staff")


def test_no_english_word_is_left_in_an_indonesian_refusal(
        cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    terms = tmp_path / "promo.toml"
    terms.write_text('code = "X"\n', encoding="utf-8")
    junk = tmp_path / "kiriman.zip"
    junk.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    assert cli("branch", "add", "KPG", "Kupang") == 0
    commands = [("branch", "add", "KPG", "Kupang"), ("device", "register", "ZZZ", "L01"),
                ("device", "revoke", "d-404"), ("exceptions", "--resolve", "404"),
                ("change-requests", "approve", "404"), ("terms", "publish", str(terms)),
                ("staff", "disable", "siapa"), ("bundle", "import", str(junk))]
    for args in commands:
        assert cli(*args) == 1, args
        said = cli.err.split(": ", 1)[1]
        for data in (str(terms), junk.name, "loket-headoffice branch add", "--note"):
            said = said.replace(data, " ")
        found = {w for w in ENGLISH if re.search(rf"\b{w}\b", said, re.IGNORECASE)}
        assert found == set(), (args, cli.err)
