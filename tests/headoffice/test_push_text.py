"""Control characters and surrogate halves in a pushed event: the event is rejected into
the exceptions queue naming the field, nothing of it is stored as it came (PostgreSQL
holds no NUL at all), its money is kept once as a credit, and the batch goes on."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from headoffice.cli import main
from headoffice.models import Customer, Event, Payment, SyncException
from tests.headoffice.conftest import HeadOffice, enrol, outbox, write_csv
from tests.headoffice.test_cli import CUSTOMER_HEADER, GOOD_CUSTOMER


def test_bad_text_in_a_payload_is_rejected_and_not_stored(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    device, token = kpg
    enrol(branch, cashier)
    events = outbox(branch)
    paid = next(e for e in events if e["type"] == "enrolment.paid")
    paid["payload"]["receipt_no"] = paid["payload"]["receipt_no"] + "\x00"
    last = events[-1]["seq"]
    odd: list[dict[str, Any]] = [
        dict(events[0], id=str(uuid.uuid4()), seq=last + 1, type="shift.opened\x1b",
             payload=dict(events[0]["payload"], note="tab\tand\nlines are fine")),
        dict(events[0], id=str(uuid.uuid4()), seq=last + 2,
             payload=dict(events[0]["payload"], extra={"na\ud800me": ["ok", "\u202eevil"]})),
        dict(events[0], id=str(uuid.uuid4()), seq=last + 3,
             payload=dict(events[0]["payload"], note="tab\tand\nlines are fine")),
    ]
    response = ho.push(token, device, [*events, *odd])
    assert response.status_code == 200, response.text
    results = {r["id"]: r for r in response.json()["results"]}
    bad = {paid["id"]: "payload.receipt_no holds the character NUL (U+0000)",
           odd[0]["id"]: "type holds the character escape (U+001B)",
           odd[1]["id"]: "payload.extra key holds the character U+D800"}
    for event_id, said in bad.items():
        assert (results[event_id]["status"], results[event_id]["reason"]) == (
            "rejected", "text_invalid")
        assert said in results[event_id]["message"], results[event_id]["message"]
    assert results[odd[2]["id"]]["status"] == "applied"  # tabs and line breaks are text
    assert ho.money() == (1, 500_000)  # the down payment, kept once
    with ho.db.reading() as session:
        credit = session.scalars(select(Payment)).one()
        stored = session.scalars(select(Event).where(Event.id.in_(list(bad)))).all()
        queued = session.scalars(select(SyncException.event_id)).all()
    assert credit.applied is False and "\x00" not in credit.receipt_no
    assert sorted(queued) == sorted(bad)
    held = "".join(e.type + "".join(texts(e.payload)) for e in stored)
    assert len(stored) == 3 and not {"\x00", "\x1b", "\ud800", "\u202e"} & set(held)
    assert held.count("\ufffd") == 4
    again = ho.push(token, device, [*events, *odd])  # the same batch: the stored results
    assert [r["status"] for r in again.json()["results"]] == ["duplicate"] * len(results)


def texts(value: Any) -> list[str]:
    """Every string in a JSON value, keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in [k, *texts(v)]]
    if isinstance(value, list):
        return [t for v in value for t in texts(v)]
    return []


def test_a_control_character_in_a_head_office_csv_is_refused_with_its_line(
        ho: HeadOffice, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "customers.csv", CUSTOMER_HEADER, GOOD_CUSTOMER,
                     GOOD_CUSTOMER.replace("50400001,Pelanggan Uji", "50400002,Pelanggan\x00Uji"))
    assert main(["--database-url", ho.db.url, "import-customers", str(path)]) == 1
    err = capsys.readouterr().err
    assert "baris 3" in err and "name berisi karakter NUL (U+0000) pada posisi 10" in err
    assert ho.count(Customer) == 0
