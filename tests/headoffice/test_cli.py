"""``loket-headoffice`` commands against SQLite and PostgreSQL (no server needed)."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.demo.dice import Dice
from app.services.demo.plan import make_plan
from app.services.demo.rows import FEATURED, RowBuilder
from app.services.setup import DEFAULT_TERMS_FILE
from headoffice.auth import issue_code, register_device
from headoffice.cli import main
from headoffice.db import Database
from headoffice.models import Bill, BranchOffice, Change, Customer, Device, Payment, User
from headoffice.push import IncomingEvent, push
from tests.headoffice.conftest import device_of, enrol, outbox, reset, write_csv

CUSTOMER_HEADER = ("connection_no,name,address,rt,rw,kelurahan,kecamatan,tariff_group,"
                   "meter_no,phone,status,status_date")
BILL_HEADER = ("connection_no,period,reading_start,reading_end,usage_m3,water_charge,fees,"
               "penalty,due_date,paid")
GOOD_CUSTOMER = ("50400001,Pelanggan Uji,Jl. Uji No. 1,001,002,Penkase Oeleta,Alak,R2,M1,"
                 "0812,sealed,2021-11-01")


class Cli:
    """``loket-headoffice`` in English unless the arguments name a language
    (``test_cli_language.py`` has the Indonesian)."""

    def __init__(self, url: str, capsys: pytest.CaptureFixture[str]) -> None:
        self.url, self.capsys = url, capsys
        self.out = self.err = ""

    def __call__(self, *args: str) -> int:
        lang = [] if "--lang" in args else ["--lang", "en"]
        code = main(["--database-url", self.url, *lang, *args])
        self.out, self.err = self.capsys.readouterr()
        return code


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    database.create_tables()
    reset(database)
    yield database
    database.dispose()


@pytest.fixture
def cli(db: Database, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(db.url, capsys)


def _count(db: Database, model: type[object], *where: object) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def test_init_demo_holds_the_demo_branch_customers(cli: Cli, db: Database) -> None:
    assert cli("init", "--demo", "--customers", "60") == 0, cli.err
    assert "3 branches, 60 customers" in cli.out
    expected, _ = RowBuilder(make_plan(60, Dice("loket-demo-plan-2025")),
                             Dice("loket-demo-rows-2025"), 12).rows(0, 60)
    with db.reading() as session:
        stored = {c.connection_no: c.name for c in session.scalars(select(Customer))}
        branches = session.scalars(select(BranchOffice.code).order_by(BranchOffice.code)).all()
    assert stored == {row[1]: row[2] for row in expected}
    assert stored[FEATURED.connection_no] == FEATURED.name
    assert branches == ["ALK", "KPG", "OEB"]
    assert _count(db, User) == 4
    assert cli("init", "--demo", "--customers", "60") == 1
    assert "already has customers" in cli.err


def test_a_registration_code_is_printed_once_and_devices_can_be_revoked(
        cli: Cli, db: Database) -> None:
    assert cli("branch", "add", "mdl", "Kantor Pelayanan Maulafa") == 0
    assert cli("device", "register", "MDL", "L02") == 0
    code = cli.out.strip()
    assert len(code) == 14 and "valid once" in cli.err
    device = str(uuid.uuid4())
    with db.writing() as session:
        register_device(session, code, device, "MDL", "L02")
    assert cli("device", "list") == 0 and device in cli.out
    assert cli("device", "revoke", device) == 0
    assert _count(db, Device, Device.revoked.is_(True)) == 1
    assert cli("device", "revoke", "no-such-device") == 1
    assert cli("device", "register", "XYZ", "L01") == 1 and "no branch" in cli.err


def test_imports_are_all_or_nothing_and_reach_the_change_log(
        cli: Cli, db: Database, tmp_path: Path) -> None:
    bad = write_csv(tmp_path / "customers.csv", CUSTOMER_HEADER, GOOD_CUSTOMER,
                    "50400002,Tanpa Status,Jl. Dua,,,Oebobo,Oebobo,R1,M2,,unknown,2021-11-01")
    assert cli("import-customers", str(bad), "--lang", "id") == 1
    assert "baris 3" in cli.err and "1 dari 2 baris ditolak; tidak ada yang diimpor" in cli.err
    assert _count(db, Customer) == 0
    good = write_csv(tmp_path / "customers.csv", CUSTOMER_HEADER, GOOD_CUSTOMER)
    assert cli("import-customers", str(good), "--lang", "id") == 0 and "1 baru" in cli.out
    bills = write_csv(tmp_path / "bills.csv", BILL_HEADER,
                      "50400001,2024-01,100,110,10,95000,5000,0,2024-02-20,0",
                      "50499999,2024-01,100,110,10,95000,5000,0,2024-02-20,0")
    assert cli("import-bills", str(bills)) == 1 and "50499999" in cli.err
    assert cli("import-bills", str(write_csv(
        tmp_path / "bills.csv", BILL_HEADER,
        "50400001,2024-01,100,110,10,95000,5000,0,2024-02-20,0"))) == 0
    renamed = write_csv(tmp_path / "customers.csv", CUSTOMER_HEADER,
                        GOOD_CUSTOMER.replace("Pelanggan Uji", "Pelanggan Baru"))
    assert cli("import-customers", str(renamed), "--lang", "id") == 0 and "1 diubah" in cli.out
    assert cli("import-customers", str(renamed), "--lang", "id") == 0 and "1 tetap" in cli.out
    with db.reading() as session:
        changes = session.execute(select(Change.kind, Change.key)).all()
        customer = session.scalars(select(Customer)).one()
    assert sorted(changes) == [("bill", "50400001:2024-01"), ("customer", "50400001")]
    assert (customer.name, customer.version) == ("Pelanggan Baru", 2)


def test_terms_and_users_are_published_to_the_branches(
        cli: Cli, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("terms", "publish", str(DEFAULT_TERMS_FILE)) == 0 and "published" in cli.out
    assert cli("terms", "publish", str(DEFAULT_TERMS_FILE)) == 0 and "unchanged" in cli.out
    changed = tmp_path / "terms.toml"
    changed.write_text(DEFAULT_TERMS_FILE.read_text(encoding="utf-8").replace(
        "down_payment_percent = 50", "down_payment_percent = 40"), encoding="utf-8")
    assert cli("terms", "publish", str(changed)) == 1 and "new version" in cli.err
    monkeypatch.setattr("sys.stdin", io.StringIO("rahasia123\n"))
    assert cli("user", "add", "kasir9", "cashier", "--branch", "KPG") == 0
    assert _count(db, Change, Change.kind.in_(("terms", "user"))) == 2


def test_import_problems_are_said_in_indonesian_or_in_english_with_lang(
        cli: Cli, db: Database, tmp_path: Path) -> None:
    twice = write_csv(tmp_path / "customers.csv", CUSTOMER_HEADER + ",meter",
                      GOOD_CUSTOMER + ",x",
                      GOOD_CUSTOMER.replace("0812,sealed", "0812,unknown") + ",x")
    headless = write_csv(tmp_path / "bills.csv", "connection_no,period", "50400001,2024-01")
    said = {  # Bahasa Indonesia unless told otherwise (test_cli_language.py: the default)
        ("--lang", "id"): (
             "baris 3 (50400001): status 'unknown' bukan salah satu dari active, sealed, "
             "disconnected; connection_no 50400001 sudah ada di baris 2",
             "peringatan: kolom meter diabaikan",
             "bills.csv: baris judul tidak memuat kolom reading_start",
             "customers.csv: 1 dari 2 baris ditolak; tidak ada yang diimpor",
             "pelanggan dari good.csv: 1 baris, 1 baru, 0 diubah, 0 tetap"),
        ("--lang", "en"): ("line 3 (50400001): status 'unknown' is not one of active, "
                           "sealed, disconnected; connection_no 50400001 is already on line 2",
                           "warning: column(s) meter ignored",
                           "bills.csv: the header lacks column(s) reading_start",
                           "customers.csv: 1 of 2 row(s) rejected; nothing was imported",
                           "customers from good.csv: 1 rows, 0 new, 0 updated, 1 unchanged"),
    }
    for lang, (refused_row, warning, whole_file, refused, done) in said.items():
        assert cli("import-customers", str(twice), *lang) == 1
        assert f"{refused_row}\n" in cli.err and refused in cli.err
        assert cli("import-bills", str(headless), *lang) == 1
        assert f"loket-headoffice import-bills: {whole_file}" in cli.err
        good = write_csv(tmp_path / "good.csv", CUSTOMER_HEADER + ",meter",
                         GOOD_CUSTOMER + ",x")
        assert cli("import-customers", str(good), *lang) == 0 and warning in cli.err
        assert done in cli.out
    assert _count(db, Customer) == 1 and _count(db, Bill) == 0


def test_rejected_events_are_listed_reapplied_and_resolved(
        cli: Cli, db: Database, branch: BranchDatabase, cashier: Actor, tmp_path: Path) -> None:
    device = device_of(branch)
    with db.writing() as session:
        register_device(session, issue_code(session, "KPG", "L01").code, device, "KPG", "L01")
    enrol(branch, cashier)  # head office does not know this customer yet
    events = [IncomingEvent(e["id"], e["seq"], e["type"],
                            dt.datetime.fromisoformat(e["created_at"]), e["payload"])
              for e in outbox(branch)]
    push(db, device, "KPG", events)
    assert cli("exceptions") == 0
    assert "unknown_customer" in cli.out and "OPEN" in cli.out
    assert cli("exceptions", "--lang", "id") == 0
    assert "Kantor pusat tidak mengenal pelanggan ini." in cli.out and "TERBUKA" in cli.out
    assert "unknown_customer" not in cli.out
    exception_id = cli.out.split()[0].lstrip("#")
    assert cli("exceptions", "--reapply", exception_id) == 1 and "still cannot" in cli.err
    bills = [f"50400001,2024-{m:02d},0,0,0,95000,5000,0,2024-{m:02d}-28,0"
             for m in range(1, 11)]
    assert cli("import-customers", str(write_csv(tmp_path / "c.csv", CUSTOMER_HEADER,
                                                 GOOD_CUSTOMER))) == 0
    assert cli("import-bills", str(write_csv(tmp_path / "b.csv", BILL_HEADER, *bills))) == 0
    assert cli("exceptions", "--reapply", exception_id) == 0, cli.err
    with db.reading() as session:
        payment = session.scalars(select(Payment)).one()
    assert payment.applied
    assert cli("customer", "50400001") == 0
    assert "open bills: 5, principal Rp 500.000" in cli.out
    assert "payments received: Rp 500.000; kept as credit: Rp 0" in cli.out
    assert "BUKA-SEGEL active, at KPG" in cli.out
    assert cli("customer", "50400001", "--lang", "id") == 0
    assert cli.out.startswith("50400001 Pelanggan Uji (disegel sejak 2021-11-01, versi 1)\n"
                              "tagihan terbuka: 5, pokok Rp 500.000, denda Rp 0\n"
                              "pembayaran diterima: Rp 500.000; disimpan sebagai kredit: Rp 0\n")
    assert "BUKA-SEGEL berjalan, di KPG pada 2025-11-24" in cli.out
    assert cli("customer", "50499999") == 1
    assert cli("exceptions") == 0 and "0 exception(s)" in cli.err
    assert cli("exceptions", "--resolve", exception_id, "--note", "x") == 1
    assert cli("exceptions", "--all") == 0 and "re-applied" in cli.out
