"""``loket-admin``: every command's happy path, its JSON, refusals (1) and misuse (2)."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.bootstrap import BranchDatabase
from app.cli.main import main
from app.services.context import Actor
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import Tender
from app.services.ledger.workorders import confirm_work_order, list_work_orders
from tests.support.fakes import actor_for, add_customer, monthly_bills

STORY_NO = "10012345"
QUOTE_DAY = "2025-11-24"
BILL_HEADER = ("connection_no,period,reading_start,reading_end,usage_m3,water_charge,fees,"
               "penalty,due_date,paid")


class Cli:
    """Runs ``loket-admin`` in-process against one data folder, in English unless the
    arguments name a language (``tests/cli/test_cli_language.py`` has the Indonesian)."""

    def __init__(self, capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
        self.capsys = capsys
        self.data_dir = data_dir
        self.out = self.err = ""

    def __call__(self, *args: str) -> int:
        lang = [] if "--lang" in args else ["--lang", "en"]
        code = main(["--data-dir", str(self.data_dir), *lang, *args])
        self.out, self.err = self.capsys.readouterr()
        return code

    def json(self, *args: str, expect: int = 0) -> Any:
        code = self(*args, "--json")
        assert code == expect, self.err
        return json.loads(self.out)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], branch: BranchDatabase) -> Cli:
    return Cli(capsys, branch.data_dir)


@pytest.fixture
def story(branch: BranchDatabase) -> str:
    """Sealed since 2021: 48 bills of Rp 50,000 with Rp 5,000 penalty each."""
    add_customer(branch, STORY_NO, name="Harun Bessie",
                 bills=monthly_bills("2021-11", 48, 50_000, penalty=5_000))
    return STORY_NO


@pytest.fixture
def enrolled(branch: BranchDatabase, story: str, cashier: Actor) -> str:
    """The story customer enrolled with three instalments, down payment paid."""
    enrol_and_pay(branch.writing(), cashier,
                  EnrolRequest(story, 3, Tender(1_200_000, 1_200_000)))
    return story


@pytest.fixture
def stdin_password(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(sys, "stdin", io.StringIO("rahasia99\n"))
    yield


def test_init_creates_a_branch_and_says_what_next(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    cli = Cli(capsys, tmp_path / "new")
    assert cli("init", "--branch-code", "SBA", "--branch-name", "Unit Soba",
               "--counter-code", "L02") == 0
    assert "Branch SBA (Unit Soba), counter L02" in cli.out
    assert "users add" in cli.out
    assert cli.json("terms", "list")["programmes"][0]["code"] == "BUKA-SEGEL"
    assert cli("init") == 1
    assert "already holds a branch database" in cli.err
    error = cli.json("init", expect=1)["error"]
    assert error["code"] == "database_exists"


def test_init_demo_builds_a_small_demo_branch(capsys: pytest.CaptureFixture[str],
                                              tmp_path: Path) -> None:
    cli = Cli(capsys, tmp_path / "demo")
    data = cli.json("init", "--demo", "--customers", "40", "--seed", "7")
    assert data["customers"] == 40 and data["demo"] is True
    assert "40 of 40 customers loaded" in cli.err
    assert data["bills"] > 0 and data["arrears_total"] > 0
    summary = cli.json("summary")
    assert (summary["customers"], summary["sealed"], summary["arrears_total"]) == (
        40, data["sealed"], data["arrears_total"])
    assert cli("init", "--demo") == 1


def test_options_go_before_or_after_the_command(
    capsys: pytest.CaptureFixture[str], branch: BranchDatabase
) -> None:
    for argv in (["--json", "--data-dir", str(branch.data_dir), "summary"],
                 ["summary", "--data-dir", str(branch.data_dir), "--json"],
                 ["--data-dir", str(branch.data_dir), "users", "list", "--json"]):
        assert main(argv) == 0
        assert json.loads(capsys.readouterr().out)


def test_summary_counts_customers_arrears_plans_and_money(
    cli: Cli, story: str, branch: BranchDatabase, cashier: Actor
) -> None:
    add_customer(branch, "20001", status="active", bills=monthly_bills("2025-09", 2, 30_000))
    data = cli.json("summary")
    assert set(data) == {"customers", "sealed", "arrears_total", "enrolments", "collected",
                         "programmes"}
    assert (data["customers"], data["sealed"], data["arrears_total"]) == (2, 1, 2_460_000)
    assert data["enrolments"] == {"active": 0, "completed": 0, "broken": 0, "cancelled": 0,
                                  "refused": 0}
    assert data["collected"] == 0
    assert data["programmes"][0]["code"] == "BUKA-SEGEL"
    enrol_and_pay(branch.writing(), cashier, EnrolRequest(story, 3, Tender(1_200_000, 1_200_000)))
    data = cli.json("summary")
    assert data["arrears_total"] == 1_260_000  # half the story's arrears are paid
    assert data["enrolments"]["active"] == 1
    assert data["collected"] == 1_200_000
    assert cli("summary") == 0
    assert "Rp 1.260.000" in cli.out


def test_quote_json_and_table(cli: Cli, story: str) -> None:
    data = cli.json("quote", story, "--on", QUOTE_DAY)
    assert {"eligible", "reasons", "arrears", "penalty_waived", "down_payment",
            "allowed_instalments", "schedule", "penalty", "amount_due", "remainder",
            "instalments", "programme"} <= set(data)
    assert data["eligible"] is True and data["reasons"] == []
    assert (data["arrears"], data["penalty_waived"], data["down_payment"]) == (
        2_400_000, 240_000, 1_200_000)
    assert data["allowed_instalments"] == [1, 2, 3] and data["instalments"] == 3
    assert [(s["due_date"], s["amount"]) for s in data["schedule"]] == [
        ("2025-12-20", 400_000), ("2026-01-20", 400_000), ("2026-02-20", 400_000)]
    assert data["programme"]["code"] == "BUKA-SEGEL"
    assert cli("quote", story, "--on", QUOTE_DAY, "--instalments", "2") == 0
    assert "ELIGIBLE" in cli.out and "Rp 600.000" in cli.out


def test_quote_explains_why_not_eligible(cli: Cli, story: str) -> None:
    data = cli.json("quote", story, "--on", "2026-03-01")
    assert data["eligible"] is False
    assert any("runs 2025-11-17 to 2025-12-31" in reason for reason in data["reasons"])


def test_quote_refusals(cli: Cli) -> None:
    assert cli("quote", "99999999", "--on", QUOTE_DAY) == 1
    assert "No customer with connection number '99999999'" in cli.err
    error = cli.json("quote", "99999999", expect=1)["error"]
    assert error["code"] == "customer_not_found"
    error = cli.json("quote", "1", "--on", "24-11-2025", expect=1)["error"]
    assert error == {"code": "date_invalid",
                     "message": "'24-11-2025' is not a date (use YYYY-MM-DD)."}


def test_users_add_list_and_passwd(cli: Cli, stdin_password: None,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("users", "add", "Yanti", "--role", "cashier", "--name", "Yanti Lede",
               "--password-stdin") == 0
    assert "User 'yanti' (Yanti Lede) added as cashier." in cli.out
    typed = iter(["baru12345", "baru12345", "satu12345", "dua12345"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    assert cli("users", "passwd", "yanti") == 0
    assert cli("users", "passwd", "yanti") == 1
    assert "passwords differ" in cli.err
    users = cli.json("users", "list")["users"]
    assert {"username": "yanti", "full_name": "Yanti Lede", "role": "cashier", "active": True,
            "locked_until": None} in users
    assert cli("users", "add", "yanti", "--role", "admin", "--name", "Again",
               "--password-stdin") == 1
    assert "already exists" in cli.err


def test_terms_load_reports_created_or_already_loaded(cli: Cli, tmp_path: Path) -> None:
    default = Path(__file__).resolve().parents[2] / "resources/terms/buka-segel-2025.toml"
    data = cli.json("terms", "load", str(default))
    assert (data["code"], data["version"], data["created"]) == ("BUKA-SEGEL", 1, False)
    newer = tmp_path / "v2.toml"
    newer.write_text(default.read_text(encoding="utf-8").replace("version = 1", "version = 2"),
                     encoding="utf-8")
    assert cli("terms", "load", str(newer)) == 0
    assert "BUKA-SEGEL version 2" in cli.out and "loaded." in cli.out
    versions = [p["version"] for p in cli.json("terms", "list")["programmes"]]
    assert versions == [1, 2]
    broken = tmp_path / "broken.toml"
    broken.write_text('code = "X"\n', encoding="utf-8")
    assert cli("terms", "load", str(broken)) == 1
    assert "The promotion terms are not valid" in cli.err


def test_plans_check_breaks_an_overdue_plan(cli: Cli, enrolled: str,
                                            branch: BranchDatabase) -> None:
    [order] = list_work_orders(branch.reading())
    confirm_work_order(branch.writing(), actor_for(branch, "spv"), order.number,
                       dt.date(2025, 11, 25), "Petrus")
    assert cli.json("plans", "check", "--on", "2025-12-25") == {
        "on": "2025-12-25", "broken": [], "reseal_orders": []}
    data = cli.json("plans", "check", "--on", "2026-03-01")
    assert data["broken"] == [enrolled]
    assert [o.startswith("SPK-KPG-L01-") for o in data["reseal_orders"]] == [True]
    assert cli("plans", "check", "--on", "2026-03-01") == 0
    assert "0 broken" in cli.out


def test_search_table_and_json(cli: Cli, story: str) -> None:
    data = cli.json("search", "Harun")
    assert data["total"] == 1 and data["hits"][0]["connection_no"] == story
    assert data["hits"][0]["arrears"] == 2_640_000  # penalties included
    assert cli("search", "harun", "bessie", "--limit", "5") == 0
    assert "Rp 2.640.000" in cli.out and "Harun Bessie" in cli.out


def test_import_commands_report_and_refuse(cli: Cli, tmp_path: Path) -> None:
    good = tmp_path / "customers.csv"
    good.write_text("connection_no;name;address;rt;rw;kelurahan;kecamatan;tariff_group;"
                    "meter_no;phone;status;status_date\n"
                    "5001;Ani;Jl. Sumba 1;;;Oebobo;Oebobo;R1;M5001;;active;2020-01-01\n",
                    encoding="utf-8-sig")
    assert cli("import-customers", str(good), "--lang", "id") == 0
    assert "1 baru" in cli.out
    bad = tmp_path / "bills.csv"
    bad.write_text(BILL_HEADER + "\n5001,2025-01,0,10,10,50000,5000,0,2025-02-20,0\n"
                   "5001,2025-02,0,10,10,1.5,5000,0,2025-03-20,0\n", encoding="utf-8")
    assert cli("import-bills", str(bad), "--lang", "id") == 1
    assert "baris 3 (5001): water_charge '1.5' bukan bilangan bulat" in cli.out
    assert "1 dari 2 baris ditolak; tidak ada yang diimpor" in cli.err
    data = cli.json("import-bills", str(bad), expect=1)
    assert data["error"]["code"] == "import_invalid"
    assert data["report"]["rejected"][0]["line"] == 3
    data = cli.json("import-bills", str(bad), "--skip-invalid")
    assert (data["created"], data["written"], len(data["rejected"])) == (1, True, 1)
    assert cli("import-bills", str(tmp_path / "absent.csv")) == 1


def test_import_problems_are_said_in_indonesian_or_in_english_with_lang(
        cli: Cli, tmp_path: Path) -> None:
    bills = tmp_path / "bills.csv"
    bills.write_text(BILL_HEADER + ",meter\n5001,2025-13,0,10,10,1.5,5000,0,2025-02-20,0,x\n",
                     encoding="utf-8")
    headless = tmp_path / "customers.csv"
    headless.write_text("connection_no,name\n5001,Ani\n", encoding="utf-8")
    said = {  # Bahasa Indonesia unless told otherwise (test_cli_language.py: the default)
        ("--lang", "id"): (
             "baris 2 (5001): period '2025-13' bukan bulan (TTTT-BB); water_charge '1.5' "
             "bukan bilangan bulat",
             "peringatan: kolom meter diabaikan",
             "customers.csv: baris judul tidak memuat kolom address, rt",
             "bills.csv: 1 baris diperiksa, tidak ada yang diimpor: 0 baru, 0 diubah, "
             "0 tetap, 1 ditolak\n", "Baris yang ditolak:"),
        ("--lang", "en"): ("line 2 (5001): period '2025-13' is not a month (YYYY-MM); "
                           "water_charge '1.5' is not a whole number",
                           "warning: column(s) meter ignored",
                           "customers.csv: the header lacks column(s) address, rt",
                           "bills.csv: 1 row(s) checked, nothing imported: 0 new, "
                           "0 updated, 0 unchanged, 1 rejected\n", "Rejected rows:"),
    }
    for lang, (refused_row, warning, whole_file, summary, heading) in said.items():
        assert cli("import-bills", str(bills), *lang) == 1
        assert f"{refused_row}\n" in cli.out and warning in cli.out
        assert summary in cli.out and f"{heading}\n" in cli.out
        assert cli("import-customers", str(headless), *lang) == 1
        assert f"loket-admin: {whole_file}" in cli.err

    data = cli.json("import-bills", str(bills), "--lang", "id", expect=1)  # codes, Indonesian
    row = data["report"]["rejected"][0]
    assert [p["code"] for p in row["problems"]] == ["cell_not_month", "cell_not_whole_number"]
    assert row["reasons"][0] == "period '2025-13' bukan bulan (TTTT-BB)"
    assert data["report"]["warning_problems"][0]["code"] == "columns_ignored"
    data = cli.json("import-customers", str(headless), "--lang", "en", expect=1)
    assert (data["error"]["code"], data["problem"]["code"]) == ("import_invalid",
                                                                "header_missing")
    assert data["problem"]["text"].startswith("the header lacks column(s) address, rt")
    assert cli("import-customers", str(headless), "--lang", "fr") == 2


def test_imported_and_renamed_customers_are_found(cli: Cli, tmp_path: Path) -> None:
    header = ("connection_no,name,address,rt,rw,kelurahan,kecamatan,tariff_group,meter_no,"
              "phone,status,status_date\n")
    path = tmp_path / "c.csv"
    path.write_text(header + "5001,Ani Nalle,Jl. Sumba 1,,,Oebobo,Oebobo,R1,M5001,,active,"
                    "2020-01-01\n", encoding="utf-8")
    assert cli("import-customers", str(path)) == 0
    assert [h["connection_no"] for h in cli.json("search", "nalle")["hits"]] == ["5001"]
    path.write_text(header + "5001,Ani Tefa,Jl. Sumba 1,,,Oebobo,Oebobo,R1,M5001,,active,"
                    "2020-01-01\n", encoding="utf-8")
    assert cli.json("import-customers", str(path))["updated"] == 1
    assert cli.json("search", "nalle")["hits"] == []
    assert [h["name"] for h in cli.json("search", "tefa")["hits"]] == ["Ani Tefa"]


@pytest.mark.parametrize("argv", [
    [], ["bogus"], ["users"], ["users", "add", "x"], ["quote"],
    ["quote", "1", "--instalments", "many"], ["init", "--customers", "5"],
    ["init", "--branch-code", "kp-g"], ["search", "x", "--limit", "0"],
])
def test_wrong_usage_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                             argv: list[str]) -> None:
    assert main(["--data-dir", str(tmp_path / "none"), "--lang", "en", *argv]) == 2
    assert "error:" in capsys.readouterr().err


def test_missing_database_is_a_refusal(capsys: pytest.CaptureFixture[str],
                                       tmp_path: Path) -> None:
    assert main(["--data-dir", str(tmp_path / "none"), "--lang", "en", "summary"]) == 1
    assert "run 'loket-admin init'" in capsys.readouterr().err


def test_installed_console_script(branch: BranchDatabase) -> None:
    script = shutil.which("loket-admin", path=str(Path(sys.executable).parent))
    assert script is not None, "loket-admin is not installed next to this Python"
    done = subprocess.run([script, "--data-dir", str(branch.data_dir), "--json", "summary"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["programmes"][0]["code"] == "BUKA-SEGEL"
    usage = subprocess.run([script], capture_output=True, text=True, check=False)
    assert usage.returncode == 2 and "penggunaan: loket-admin" in usage.stderr
