"""Regenerate ``schema_v1.sqlite3``: a small branch database frozen at revision 0001.

    python tests/data/make_schema_v1.py

The file stands for a database that a branch used with the first released schema;
the migration tests upgrade a copy of it. Regenerate it only while revision 0001 has
never been released: once branches run it, the file must stay as it is.

Everything is written with plain inserts into the tables as revision 0001 made them
(not through today's models or services), with fixed ids, UUIDs, times and password
salts, so that the file is the same on every run. The audit hashes are computed here
with the v1 algorithm, so a later change to that algorithm shows in the tests.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret
from sqlalchemy import Connection, MetaData

from app.models.database import make_engine
from app.models.migrate import upgrade
from app.services.terms import load_terms_file

HERE = Path(__file__).resolve().parent
TARGET = HERE / "schema_v1.sqlite3"
TERMS_FILE = HERE.parents[1] / "resources" / "terms" / "buka-segel-2025.toml"
REVISION = "0001"
DEVICE_ID = "5b0f6a51-7c1e-4c55-9d2a-0d1e2f3a4b01"
PASSWORDS = {"admin": "admin123", "kasir": "kasir123", "spv": "spv12345"}
GENESIS_HASH = "0" * 64
PAGE_SIZE = 512  # small pages keep the committed file small (one page per table/index)


def uuid_n(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def at(day: str, hhmm: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{hhmm}")


def password_hash(username: str) -> str:
    """An argon2id hash like ``PasswordHasher()`` makes, with a fixed salt per user."""
    salt = hashlib.sha256(f"loket-v1-{username}".encode()).digest()[:16]
    return hash_secret(PASSWORDS[username].encode(), salt, time_cost=3, memory_cost=65536,
                       parallelism=4, hash_len=32, type=Type.ID).decode()


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def build_rows() -> dict[str, list[dict[str, Any]]]:
    """Every table's rows: one branch, one counter, three customers, an active plan."""
    terms = load_terms_file(TERMS_FILE)
    rows: dict[str, list[dict[str, Any]]] = {
        "branch": [dict(id=1, code="KPG", name="Kantor Pelayanan Kota Kupang",
                        utility_name="Perumda Air Minum Kota Kupang",
                        address="Jl. Jenderal Sudirman, Kota Kupang", utc_offset_minutes=480)],
        "counter": [dict(id=1, branch_id=1, code="L01", name="Loket 1", device_id=DEVICE_ID)],
        "setting": [dict(key="local_counter_id", value="1")],
        "promotion_terms": [dict(id=1, code=terms.code, version=terms.version, name=terms.name,
                                 valid_from=terms.valid_from, valid_to=terms.valid_to,
                                 body=terms.to_json(), checksum=terms.checksum(),
                                 loaded_at=at("2025-11-16", "08:01"))],
        "user_account": [
            dict(id=i, username=u, full_name=f, role=r, password_hash=password_hash(u),
                 active=True, failed_attempts=0, locked_until=None,
                 created_at=at("2025-11-16", f"08:0{i + 1}"))
            for i, (u, f, r) in enumerate((("admin", "Admin Cabang", "admin"),
                                           ("kasir", "Kasir Satu", "cashier"),
                                           ("spv", "Supervisor Loket", "supervisor")), start=1)
        ],
        "customer": [
            customer(1, "0103000451", "Yohanes Bria", "Jl. Alak Raya No. 12", "Penkase Oeleta",
                     "Alak", "R2", "active", dt.date(2025, 11, 25)),
            customer(2, "0204001187", "Maria Ndun", "Jl. Timor Raya No. 88", "Oesapa",
                     "Kelapa Lima", "R2", "sealed", dt.date(2025, 9, 1)),
            customer(3, "0301000022", "Toko Sinar Kupang", "Jl. Siliwangi No. 5", "Fontein",
                     "Kota Raja", "N1", "active", dt.date(2019, 3, 1)),
        ],
    }
    rows.update(plan_rows())
    return rows


def customer(id_: int, no: str, name: str, address: str, kelurahan: str, kecamatan: str,
             tariff: str, status: str, since: dt.date) -> dict[str, Any]:
    return dict(id=id_, connection_no=no, name=name, name_lower=name.lower(), address=address,
                rt=f"{id_:03d}", rw="002", kelurahan=kelurahan, kecamatan=kecamatan,
                tariff_group=tariff, meter_no=f"AMK-{no[-6:]}", phone=f"08123400{id_:04d}",
                status=status, status_date=since, version=1)


def bill(id_: int, customer_id: int, period: str, water: int, penalty: int, *,
         waived: int = 0, paid: int = 0, settled_on: str | None = None,
         enrolment_id: int | None = None) -> dict[str, Any]:
    year, month = (int(x) for x in period.split("-"))
    due = dt.date(year + month // 12, month % 12 + 1, 20)
    usage = water // 7_250
    return dict(id=id_, customer_id=customer_id, period=period, reading_start=1000 + 20 * id_,
                reading_end=1000 + 20 * id_ + usage, usage_m3=usage, water_charge=water,
                fees=5_000, penalty=penalty, penalty_waived=waived, due_date=due,
                paid_amount=paid, settled=settled_on is not None,
                settled_at=at(settled_on, "10:00") if settled_on else None,
                enrolment_id=enrolment_id)


def plan_rows() -> dict[str, list[dict[str, Any]]]:
    """Customer 1 joined Buka Segel: 600,000 arrears, 300,000 down, 3 × 100,000.

    Paid: the down payment (bills 1–2) and instalment 1 (part of bill 3); a second
    instalment payment was voided. Customer 2 is sealed and owes three bills.
    """
    return {
        "bill": [
            bill(1, 1, "2025-04", 145_000, 10_000, waived=10_000, paid=150_000,
                 settled_on="2025-11-24", enrolment_id=1),
            bill(2, 1, "2025-05", 145_000, 10_000, waived=10_000, paid=150_000,
                 settled_on="2025-11-24", enrolment_id=1),
            bill(3, 1, "2025-06", 145_000, 10_000, waived=10_000, paid=100_000, enrolment_id=1),
            bill(4, 1, "2025-07", 145_000, 10_000, waived=10_000, enrolment_id=1),
            bill(5, 2, "2025-08", 82_500, 8_750),
            bill(6, 2, "2025-09", 82_500, 8_750),
            bill(7, 2, "2025-10", 82_500, 8_750),
            bill(8, 3, "2025-10", 420_000, 0, paid=425_000, settled_on="2025-11-10"),
            bill(9, 3, "2025-11", 398_000, 0),
        ],
        "enrolment": [dict(id=1, uuid=uuid_n(101), customer_id=1, terms_id=1, state="active",
                           arrears=600_000, penalty=40_000, penalty_waived=40_000,
                           down_payment_due=300_000, instalment_count=3,
                           business_date=dt.date(2025, 11, 24),
                           enrolled_at=at("2025-11-24", "09:12"), counter_id=1, cashier_id=2,
                           ended_at=None)],
        "instalment": [
            dict(id=n, enrolment_id=1, number=n, due_date=due, amount=100_000,
                 paid_amount=100_000 if n == 1 else 0,
                 paid_at=at("2025-11-25", "10:05") if n == 1 else None)
            for n, due in enumerate((dt.date(2025, 12, 20), dt.date(2026, 1, 20),
                                     dt.date(2026, 2, 20)), start=1)
        ],
        "payment": [
            payment(1, "down_payment", 300_000, "cash", "", 300_000, "2025-11-24", "09:14"),
            payment(2, "instalment", 100_000, "qris", "QR2511250001", 100_000, "2025-11-25",
                    "10:05"),
            payment(3, "instalment", 100_000, "cash", "", 150_000, "2025-11-25", "10:31"),
        ],
        "bill_allocation": [
            dict(id=1, payment_id=1, bill_id=1, amount=150_000),
            dict(id=2, payment_id=1, bill_id=2, amount=150_000),
            dict(id=3, payment_id=2, bill_id=3, amount=100_000),
            dict(id=4, payment_id=3, bill_id=3, amount=50_000),
            dict(id=5, payment_id=3, bill_id=4, amount=50_000),
        ],
        "instalment_allocation": [
            dict(id=1, payment_id=2, instalment_id=1, amount=100_000),
            dict(id=2, payment_id=3, instalment_id=2, amount=100_000),
        ],
        "payment_void": [dict(id=1, uuid=uuid_n(301), payment_id=3,
                              reason="Salah input: pelanggan belum membayar", supervisor_id=3,
                              cashier_id=2, counter_id=1, voided_at=at("2025-11-25", "10:40"))],
        "work_order": [dict(id=1, uuid=uuid_n(401), number="SPK-KPG-L01-2025-00001",
                            customer_id=1, enrolment_id=1, kind="unseal", state="done",
                            reason="Buka Segel: uang muka lunas",
                            issued_at=at("2025-11-24", "09:15"), done_on=dt.date(2025, 11, 25),
                            field_officer="Petrus Lake", meter_reading=1_094,
                            closed_at=at("2025-11-25", "15:20"), cancel_reason="")],
    }


def payment(id_: int, kind: str, amount: int, method: str, reference: str, tendered: int,
            day: str, hhmm: str) -> dict[str, Any]:
    return dict(id=id_, uuid=uuid_n(200 + id_), receipt_no=f"KPG-L01-2025-{id_:06d}",
                customer_id=1, enrolment_id=1, kind=kind, amount=amount, method=method,
                reference=reference, tendered=tendered, change=tendered - amount, cashier_id=2,
                counter_id=1, business_date=dt.date.fromisoformat(day), paid_at=at(day, hhmm))


# (when, actor, action, entity, entity_id, details, outbox event type or None)
JOURNAL: list[tuple[dt.datetime, str, str, str, str, dict[str, Any], str | None]] = [
    (at("2025-11-16", "08:00"), "system", "branch.init", "branch", "KPG",
     {"branch": "KPG", "counter": "L01", "device_id": DEVICE_ID}, None),
    (at("2025-11-16", "08:01"), "system", "terms.load", "terms", "BUKA-SEGEL/1",
     {"code": "BUKA-SEGEL", "version": 1}, None),
    (at("2025-11-16", "08:02"), "system", "user.add", "user", "admin",
     {"username": "admin", "role": "admin"}, "user.added"),
    (at("2025-11-16", "08:03"), "admin", "user.add", "user", "kasir",
     {"username": "kasir", "role": "cashier"}, "user.added"),
    (at("2025-11-16", "08:04"), "admin", "user.add", "user", "spv",
     {"username": "spv", "role": "supervisor"}, "user.added"),
    (at("2025-11-24", "09:12"), "kasir", "enrolment.create", "enrolment", uuid_n(101),
     {"connection_no": "0103000451", "arrears": 600_000, "penalty_waived": 40_000,
      "down_payment_due": 300_000, "instalments": 3}, "enrolment.created"),
    (at("2025-11-24", "09:14"), "kasir", "payment.record", "payment", "KPG-L01-2025-000001",
     {"connection_no": "0103000451", "kind": "down_payment", "amount": 300_000,
      "method": "cash"}, "payment.recorded"),
    (at("2025-11-24", "09:15"), "kasir", "work_order.issue", "work_order",
     "SPK-KPG-L01-2025-00001", {"connection_no": "0103000451", "kind": "unseal"},
     "work_order.issued"),
    (at("2025-11-25", "10:05"), "kasir", "payment.record", "payment", "KPG-L01-2025-000002",
     {"connection_no": "0103000451", "kind": "instalment", "amount": 100_000,
      "method": "qris"}, "payment.recorded"),
    (at("2025-11-25", "10:31"), "kasir", "payment.record", "payment", "KPG-L01-2025-000003",
     {"connection_no": "0103000451", "kind": "instalment", "amount": 100_000,
      "method": "cash"}, "payment.recorded"),
    (at("2025-11-25", "10:40"), "kasir", "payment.void", "payment", "KPG-L01-2025-000003",
     {"receipt_no": "KPG-L01-2025-000003", "approved_by": "spv",
      "reason": "Salah input: pelanggan belum membayar"}, "payment.voided"),
    (at("2025-11-25", "15:20"), "admin", "work_order.close", "work_order",
     "SPK-KPG-L01-2025-00001", {"state": "done", "meter_reading": 1_094}, "work_order.closed"),
]


def journal_rows() -> dict[str, list[dict[str, Any]]]:
    """The hash-chained audit records and the outbox events they announced."""
    audits: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    prev = GENESIS_HASH
    for number, (when, actor, action, entity, entity_id, details, event) in enumerate(
            JOURNAL, start=1):
        record = dict(id=number, at=when, actor=actor, counter_code="L01", action=action,
                      entity=entity, entity_id=entity_id, details=canonical_json(details),
                      prev_hash=prev)
        body = canonical_json({
            "id": number, "at": when.isoformat(), "actor": actor, "counter": "L01",
            "action": action, "entity": entity, "entity_id": entity_id,
            "details": record["details"], "prev": prev,
        })
        record["hash"] = prev = hashlib.sha256(body.encode()).hexdigest()
        audits.append(record)
        if event is not None:
            seq = len(events) + 1
            payload = dict(details, branch="KPG", counter="L01", cashier=actor,
                           at=when.isoformat())
            acked = when + dt.timedelta(minutes=2) if seq <= 5 else None
            events.append(dict(id=uuid_n(500 + seq), device_id=DEVICE_ID, seq=seq, type=event,
                               payload=canonical_json(payload), audit_id=number,
                               created_at=when, acked_at=acked,
                               ack_result="accepted" if acked else ""))
    sequences = [dict(counter_id=1, name="receipt", year=2025, last_value=3),
                 dict(counter_id=1, name="work_order", year=2025, last_value=1),
                 dict(counter_id=1, name="outbox", year=0, last_value=len(events))]
    return {"audit_record": audits, "outbox_event": events, "number_sequence": sequences}


def fill(connection: Connection, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Insert through the tables as they exist in the file (reflected, not today's models)."""
    tables = MetaData()
    tables.reflect(connection)
    missing = set(tables.tables) - set(rows) - {"alembic_version"}
    assert not missing, f"no rows for table(s) {sorted(missing)}"
    for table in tables.sorted_tables:
        for row in rows.get(table.name, []):
            unknown = set(row) - set(table.columns.keys())
            assert not unknown, f"{table.name} has no column(s) {sorted(unknown)}"
        if table.name in rows:
            connection.execute(table.insert(), rows[table.name])


def main() -> None:
    TARGET.unlink(missing_ok=True)
    engine = make_engine(TARGET)
    upgrade(engine, REVISION)
    with engine.begin() as connection:
        fill(connection, build_rows() | journal_rows())
    engine.dispose()
    plain = sqlite3.connect(TARGET)
    plain.execute("PRAGMA journal_mode=DELETE")
    plain.execute(f"PRAGMA page_size={PAGE_SIZE}")
    plain.execute("VACUUM")
    plain.close()
    print(f"wrote {TARGET.name} ({TARGET.stat().st_size // 1024} KiB) at revision {REVISION}")


if __name__ == "__main__":
    main()
