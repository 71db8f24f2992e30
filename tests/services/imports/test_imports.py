"""Head-office CSV imports: all or nothing, strict cells, upserts, one audit record."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from app.bootstrap import BranchDatabase
from app.models.database import database_path
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.imports.master_data import ImportRejected, import_bills, import_customers
from app.services.imports.problems import ProblemCode
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import Tender
from tests.support.fakes import add_customer, monthly_bills

CUSTOMER_HEADER = ("connection_no,name,address,rt,rw,kelurahan,kecamatan,tariff_group,meter_no,"
                   "phone,status,status_date")
BILL_HEADER = ("connection_no,period,reading_start,reading_end,usage_m3,water_charge,fees,"
               "penalty,due_date,paid")


def customer_line(conn: str, name: str = "Yohanes Bria", status: str = "sealed",
                  kelurahan: str = "Penkase Oeleta") -> str:
    return (f'{conn},{name},"Jl. Oeleta Raya No. 12, Gg. 2",007,003,{kelurahan},Alak,R2,'
            f"LF{conn},081234567890,{status},2021-11-01")


def bill_line(conn: str, period: str = "2025-01", water: str = "118000", paid: str = "0",
              start: str = "1520", end: str = "1544") -> str:
    return f"{conn},{period},{start},{end},24,{water},7000,12500,2025-02-20,{paid}"


def write_csv(path: Path, header: str, lines: list[str], *, delimiter: str = ",",
              bom: bool = False) -> Path:
    text = "\n".join([header, *lines]) + "\n"
    if delimiter != ",":
        text = text.replace('"Jl. Oeleta Raya No. 12, Gg. 2"', '"Jl. Oeleta Raya No. 12; Gg. 2"')
        text = text.replace(",", delimiter).replace("No. 12; Gg. 2", "No. 12, Gg. 2")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def snapshot(branch: BranchDatabase) -> dict[str, str]:
    """Row count and checksum of every table an import could touch."""
    with sqlite3.connect(database_path(branch.data_dir)) as db:
        result = {}
        for table in ("customer", "bill", "audit_record", "outbox_event"):
            rows = db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            result[table] = f"{len(rows)}:{hashlib.sha256(repr(rows).encode()).hexdigest()}"
    db.close()
    return result


def query(branch: BranchDatabase, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(database_path(branch.data_dir)) as db:
        rows = db.execute(sql).fetchall()
    db.close()
    return rows


def test_good_customer_file_is_imported_with_one_audit_record(
    branch: BranchDatabase, system: Actor, tmp_path: Path
) -> None:
    before = snapshot(branch)
    path = write_csv(tmp_path / "customers.csv", CUSTOMER_HEADER,
                     [customer_line("1001"), customer_line("1002", "Maria Lado", "active")])
    report = import_customers(branch.writing(), system, path)
    assert (report.rows, report.created, report.updated, report.rejected) == (2, 2, 0, ())
    assert report.written and report.warnings == ()
    rows = query(branch, "SELECT connection_no, name, name_lower, address, rt, status, version "
                         "FROM customer ORDER BY connection_no")
    assert rows == [
        ("1001", "Yohanes Bria", "yohanes bria", "Jl. Oeleta Raya No. 12, Gg. 2", "007",
         "sealed", 1),
        ("1002", "Maria Lado", "maria lado", "Jl. Oeleta Raya No. 12, Gg. 2", "007",
         "active", 1)]
    [(action, entity_id)] = query(branch, "SELECT action, entity_id FROM audit_record "
                                          "ORDER BY id DESC LIMIT 1")
    assert (action, entity_id) == ("import.customers", "customers.csv")
    after = snapshot(branch)
    assert after["outbox_event"] == before["outbox_event"]  # head-office data: no event back


def test_bad_rows_reject_the_whole_file_and_name_each_line(
    branch: BranchDatabase, system: Actor, tmp_path: Path
) -> None:
    add_customer(branch, "2001", bills=monthly_bills("2024-01", 2, 50_000))
    before = snapshot(branch)
    path = write_csv(tmp_path / "bills.csv", BILL_HEADER, [
        bill_line("2001", "2025-01"),                 # line 2: good
        bill_line("2001", "2025-02", water="1.5"),    # 3: malformed number
        bill_line("2001", "2025-03", water="-500"),   # 4: negative
        bill_line("2001", "2025-04", water="99999999999"),  # 5: oversized
        bill_line("2001", "2025-05").replace("2025-02-20", "2025-02-30"),  # 6: bad date
        bill_line("2001", "2025-01"),                 # 7: duplicate of line 2
        bill_line("9999", "2025-01"),                 # 8: unknown customer
        bill_line("2001", "2025-06", start="200", end="100"),  # 9: meter ran backwards
        bill_line("20O1", "2025-07", paid="yes"),     # 10: letter O, paid not 0/1
    ])
    with pytest.raises(ImportRejected) as caught:
        import_bills(branch.writing(), system, path)
    report = caught.value.report
    assert caught.value.code is ErrorCode.IMPORT_INVALID
    assert "8 of 9 row(s) rejected; nothing was imported" in caught.value.message
    reasons = {r.line: "; ".join(p.text for p in r.reasons) for r in report.rejected}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 9, 10]
    assert "water_charge '1.5' is not a whole number" in reasons[3]
    assert "water_charge -500 is negative" in reasons[4]
    assert "water_charge 99999999999 is larger than" in reasons[5]
    assert "due_date '2025-02-30' is not a date" in reasons[6]
    assert "already on line 2" in reasons[7]
    assert "no customer with connection_no 9999" in reasons[8]
    assert "reading_end 100 is below reading_start 200" in reasons[9]
    assert "connection_no '20O1' must be digits only" in reasons[10]
    assert "paid 'yes' must be 0 or 1" in reasons[10]
    assert not report.written
    assert snapshot(branch) == before


def test_unknown_status_and_duplicate_customer_are_rejected(
    branch: BranchDatabase, system: Actor, tmp_path: Path
) -> None:
    before = snapshot(branch)
    path = write_csv(tmp_path / "customers.csv", CUSTOMER_HEADER, [
        customer_line("1001"), customer_line("1002", status="closed"), customer_line("1001"),
        customer_line("1003").replace("2021-11-01", "01/11/2021"), customer_line("1004", name="")])
    with pytest.raises(ImportRejected) as caught:
        import_customers(branch.writing(), system, path)
    coded = {r.line: [(p.code, p.column, p.value) for p in r.reasons]
             for r in caught.value.report.rejected}
    assert coded == {3: [(ProblemCode.CELL_NOT_CHOICE, "status", "closed")],
                     4: [(ProblemCode.DUPLICATE_CUSTOMER, "connection_no", "1001")],
                     5: [(ProblemCode.CELL_NOT_DATE, "status_date", "01/11/2021")],
                     6: [(ProblemCode.CELL_EMPTY, "name", "")]}
    reasons = {r.line: tuple(p.text for p in r.reasons) for r in caught.value.report.rejected}
    assert reasons == {
        3: ("status 'closed' is not one of active, sealed, disconnected",),
        4: ("connection_no 1001 is already on line 2",),
        5: ("status_date '01/11/2021' is not a date (YYYY-MM-DD)",),
        6: ("name is empty",),
    }
    assert snapshot(branch) == before


def test_skip_invalid_imports_the_valid_rows(branch: BranchDatabase, system: Actor,
                                             tmp_path: Path) -> None:
    path = write_csv(tmp_path / "customers.csv", CUSTOMER_HEADER, [
        customer_line("1001"), customer_line("1002", status="closed"), customer_line("1003")])
    report = import_customers(branch.writing(), system, path, skip_invalid=True)
    assert report.written and (report.created, len(report.rejected)) == (2, 1)
    assert report.rejected[0].line == 3
    assert query(branch, "SELECT connection_no FROM customer ORDER BY 1") == [
        ("1001",), ("1003",)]


def test_semicolons_and_byte_order_mark(branch: BranchDatabase, system: Actor,
                                        tmp_path: Path) -> None:
    path = write_csv(tmp_path / "excel.csv", CUSTOMER_HEADER.upper(),
                     [customer_line("1001"), customer_line("1002")], delimiter=";", bom=True)
    report = import_customers(branch.writing(), system, path)
    assert report.created == 2
    assert query(branch, "SELECT address FROM customer WHERE connection_no = '1001'") == [
        ("Jl. Oeleta Raya No. 12, Gg. 2",)]
    bills = write_csv(tmp_path / "bills.csv", BILL_HEADER, [bill_line("1001")],
                      delimiter=";", bom=True)
    assert import_bills(branch.writing(), system, bills).created == 1


def test_reimport_updates_changed_customers_and_bumps_version(
    branch: BranchDatabase, system: Actor, tmp_path: Path
) -> None:
    first = write_csv(tmp_path / "a.csv", CUSTOMER_HEADER,
                      [customer_line("1001"), customer_line("1002")])
    import_customers(branch.writing(), system, first)
    second = write_csv(tmp_path / "b.csv", CUSTOMER_HEADER, [
        customer_line("1001", status="active"), customer_line("1002"), customer_line("1003")])
    report = import_customers(branch.writing(), system, second)
    assert (report.created, report.updated, report.unchanged) == (1, 1, 1)
    assert query(branch, "SELECT connection_no, status, version FROM customer ORDER BY 1") == [
        ("1001", "active", 2), ("1002", "sealed", 1), ("1003", "sealed", 1)]


def test_bills_upsert_by_customer_and_period(branch: BranchDatabase, system: Actor,
                                             tmp_path: Path) -> None:
    add_customer(branch, "2001")
    import_bills(branch.writing(), system, write_csv(
        tmp_path / "a.csv", BILL_HEADER,
        [bill_line("2001", "2025-01"), bill_line("2001", "2025-02")]))
    report = import_bills(branch.writing(), system, write_csv(
        tmp_path / "b.csv", BILL_HEADER,
        [bill_line("2001", "2025-01", water="120000"), bill_line("2001", "2025-02", paid="1")]))
    assert (report.created, report.updated, report.unchanged) == (0, 2, 0)
    rows = query(branch, "SELECT period, water_charge, settled, settled_at IS NOT NULL "
                         "FROM bill ORDER BY period")
    assert rows == [("2025-01", 120000, 0, 0), ("2025-02", 118000, 1, 1)]


def test_bills_with_payments_are_never_changed(
    branch: BranchDatabase, system: Actor, cashier: Actor, tmp_path: Path
) -> None:
    add_customer(branch, "3001", bills=monthly_bills("2025-01", 4, 50_000, penalty=5_000))
    enrol_and_pay(branch.writing(), cashier, EnrolRequest("3001", 1, Tender(100_000, 100_000)))
    [(due, penalty)] = query(branch, "SELECT due_date, penalty FROM bill WHERE period='2025-01'")
    same = f"3001,2025-01,0,0,0,45000,5000,{penalty},{due},0"
    changed = f"3001,2025-01,0,0,0,99000,5000,{penalty},{due},0"
    path = write_csv(tmp_path / "bills.csv", BILL_HEADER, [same])
    assert import_bills(branch.writing(), system, path).unchanged == 1
    before = snapshot(branch)
    with pytest.raises(ImportRejected) as caught:
        import_bills(branch.writing(), system, write_csv(tmp_path / "b.csv", BILL_HEADER,
                                                         [changed]))
    [rejected] = caught.value.report.rejected
    assert rejected.reasons[0].code == ProblemCode.BILL_HAS_PAYMENTS
    assert "already has payments at this branch" in rejected.reasons[0].text
    assert snapshot(branch) == before


def test_file_problems_are_refused(branch: BranchDatabase, system: Actor, tmp_path: Path) -> None:
    missing = write_csv(tmp_path / "short.csv", "connection_no,name", ["1001,Ani"])
    with pytest.raises(DomainError, match="lacks column"):
        import_customers(branch.writing(), system, missing)
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes(
        (CUSTOMER_HEADER + "\n" + customer_line("1001", "Jos\xe9")).encode("latin-1"))
    with pytest.raises(DomainError, match="line 2 is not UTF-8"):
        import_customers(branch.writing(), system, latin1)
    with pytest.raises(DomainError, match="cannot be read"):
        import_customers(branch.writing(), system, tmp_path / "absent.csv")


def test_unknown_kelurahan_is_only_a_warning(branch: BranchDatabase, system: Actor,
                                             tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", CUSTOMER_HEADER, [
        customer_line("1001", kelurahan="Penkase Oelta"), customer_line("1002")])
    report = import_customers(branch.writing(), system, path)
    assert report.created == 2
    assert [w.text for w in report.warnings] == [
        "kelurahan 'Penkase Oelta' is unknown (1 row(s), first on line 2)"]


@pytest.mark.slow
def test_large_files_import_in_bulk(branch: BranchDatabase, system: Actor, tmp_path: Path) -> None:
    n = 10_000
    customers = write_csv(tmp_path / "c.csv", CUSTOMER_HEADER,
                          [customer_line(str(100000 + i)) for i in range(n)])
    bills = write_csv(tmp_path / "b.csv", BILL_HEADER,
                      [bill_line(str(100000 + i)) for i in range(n)])
    assert import_customers(branch.writing(), system, customers).created == n
    assert import_bills(branch.writing(), system, bills).created == n
    assert import_customers(branch.writing(), system, customers).unchanged == n
