"""Sending through a gateway (a real HTTP server on 127.0.0.1): each message recorded,
an error or a timeout retried by the next run and never duplicated, two runs at once
sending once, customers who opted out never contacted, invalid phones listed."""

from __future__ import annotations

import csv
import datetime as dt
import threading
from pathlib import Path

import keyring.errors
import pytest
from sqlalchemy import func, select

from headoffice.outreach import audience, records, sending
from headoffice.outreach.gateway import (
    GatewayRefused,
    HttpGateway,
    configured_gateway,
    load_settings,
    save_credential,
)
from headoffice.outreach.tables import OutreachAttempt, OutreachMessage
from tests.headoffice.conftest import HeadOffice
from tests.headoffice.fake_gateway import FakeGateway, fake_gateway
from tests.headoffice.outreach_helpers import ON, programme_with, use_gateway
from tests.support.sync_fakes import MemoryKeyring

CUSTOMERS = {"50400001": "0813-3947-2615", "50400002": "+62 852 1111 2222",
             "50400003": "0380 821234"}  # the last: a landline


@pytest.fixture
def gateway(ho: HeadOffice) -> FakeGateway:
    programme_with(ho.db, CUSTOMERS)
    with fake_gateway() as fake:
        use_gateway(ho.db, fake.url, timeout=1)
        yield fake


def _run(ho: HeadOffice, on: object = ON) -> sending.RunResult:
    with ho.db.reading() as session:
        found = audience.invitations(session, on)  # type: ignore[arg-type]
        sender = configured_gateway(session)
    return sending.send(ho.db, found, sender, "hublang")


def _messages(ho: HeadOffice) -> list[OutreachMessage]:
    with ho.db.reading() as session:
        return list(session.scalars(select(OutreachMessage).order_by(
            OutreachMessage.connection_no)))


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def _attempts(ho: HeadOffice) -> list[tuple[str, int | None]]:
    with ho.db.reading() as session:
        return [(a.outcome, a.http_status) for a in session.scalars(
            select(OutreachAttempt).order_by(OutreachAttempt.id))]


def test_each_customer_with_a_mobile_number_gets_their_message_once(
        ho: HeadOffice, gateway: FakeGateway) -> None:
    done = _run(ho)
    assert (done.sent, done.failed, done.invalid) == (2, 0, 1)
    assert sorted(body["to"] for body in gateway.received) == ["6281339472615",
                                                               "6285211112222"]
    text = next(b["message"] for b in gateway.received if b["to"] == "6281339472615")
    assert "Pelanggan 01 (No. SL 50400001)" in text
    assert "tunggakan air Anda Rp 1.000.000" in text and "uang muka Rp 500.000" in text
    assert "31 Desember 2025" in text
    kept = _messages(ho)
    assert [(m.connection_no, m.state, m.attempts, m.phone) for m in kept] == [
        ("50400001", "sent", 1, "+6281339472615"), ("50400002", "sent", 1, "+6285211112222")]
    assert kept[0].body == text and kept[0].template_version == 0
    assert kept[0].figures["down_payment"] == 500_000
    assert gateway.headers[0]["Idempotency-Key"] in {m.uuid for m in kept}
    with ho.db.reading() as session:
        logged = records.log(session)
    assert {row.last_answer[:8] for row in logged} == {"HTTP 200"}
    again = _run(ho)  # the same day: nothing goes out twice
    assert (again.sent, again.skipped) == (0, 2)
    assert len(gateway.received) == 2


def test_a_gateway_error_is_recorded_and_retried_by_the_next_run_never_duplicated(
        ho: HeadOffice, gateway: FakeGateway) -> None:
    gateway.answers = ["error"]
    first = _run(ho)
    assert (first.sent, first.failed) == (1, 1)
    failed = next(m for m in _messages(ho) if m.state == "failed")
    assert _attempts(ho).count(("error", 503)) == 1
    with ho.db.reading() as session:
        logged = records.log(session, state="failed")
    assert logged[0].last_answer == 'HTTP 503: {"error": "provider busy"}'
    second = _run(ho)
    assert (second.sent, second.failed, second.retried, second.skipped) == (1, 0, 1, 1)
    assert len(gateway.received) == 3
    kept = _messages(ho)
    assert len(kept) == 2 and {m.state for m in kept} == {"sent"}
    retried = next(m for m in kept if m.id == failed.id)
    assert retried.attempts == 2
    same = [h["Idempotency-Key"] for h in gateway.headers if h["Idempotency-Key"] == failed.uuid]
    assert len(same) == 2  # the retry carries the message's own id again
    assert _run(ho).sent == 0 and len(gateway.received) == 3


def test_a_timeout_is_recorded_and_retried_on_a_later_day_as_the_same_message(
        ho: HeadOffice, gateway: FakeGateway) -> None:
    gateway.answers = ["slow", "ok"]
    gateway.slow_seconds = 2.5  # the gateway is set to wait 1 s
    first = _run(ho)
    assert (first.sent, first.failed) == (1, 1)
    assert ("timeout", None) in _attempts(ho)
    later = _run(ho, ON.replace(day=25))
    assert (later.sent, later.failed, later.retried) == (2, 0, 1)
    kept = _messages(ho)
    # the message that timed out was retried (still of its first day); the other
    # customer, reached on the 24th, gets the 25th's invitation as a new reason-day
    assert sorted((m.day.day, m.state, m.attempts) for m in kept) == [
        (24, "sent", 1), (24, "sent", 2), (25, "sent", 1)]


def test_two_runs_at_once_send_each_message_once(ho: HeadOffice,
                                                 gateway: FakeGateway) -> None:
    results: list[sending.RunResult] = []
    runs = [threading.Thread(target=lambda: results.append(_run(ho))) for _ in range(2)]
    for run in runs:
        run.start()
    for run in runs:
        run.join(timeout=60)
    # one run claims both messages; the other finds them being sent and leaves them
    assert sorted((r.sent, r.skipped) for r in results) == [(0, 2), (2, 0)]
    assert len(gateway.received) == 2
    assert len(_messages(ho)) == 2


def test_a_customer_who_opted_out_is_never_contacted_nor_exported(
        ho: HeadOffice, gateway: FakeGateway, tmp_path: Path) -> None:
    with ho.db.writing() as session:
        records.opt_out(session, "50400001", "hublang", "minta tidak di-WA")
    with ho.db.reading() as session:
        found = audience.invitations(session, ON)
    assert [d.connection_no for d in found.ready] == ["50400002"]
    assert found.opted_out == 1
    assert _run(ho).sent == 1
    assert [b["to"] for b in gateway.received] == ["6285211112222"]
    exported = sending.export_csv(ho.db, found, tmp_path / "undangan.csv", "hublang")
    rows = _csv_rows(tmp_path / "undangan.csv")
    assert exported == len(rows) == 0  # 50400002 was sent already today
    with ho.db.writing() as session:
        assert records.opt_in(session, "50400001")
    assert _run(ho).sent == 1
    assert gateway.received[-1]["to"] == "6281339472615"


def test_an_opt_out_made_while_a_run_is_prepared_still_holds(
        ho: HeadOffice, gateway: FakeGateway) -> None:
    with ho.db.reading() as session:
        found = audience.invitations(session, ON)
        sender = configured_gateway(session)
    with ho.db.writing() as session:
        records.opt_out(session, "50400002", "hublang")
    assert sending.send(ho.db, found, sender, "hublang").sent == 1
    assert [b["to"] for b in gateway.received] == ["6281339472615"]


def test_a_customer_who_opts_out_while_a_run_is_sending_is_not_reached(
        ho: HeadOffice, gateway: FakeGateway) -> None:
    with ho.db.reading() as session:
        found = audience.invitations(session, ON)
        sender = configured_gateway(session)
    taken = sending.claim(ho.db, found, "hublang")
    assert len(taken.messages) == 2
    with ho.db.writing() as session:
        records.opt_out(session, "50400001", "hublang")
    assert sending.deliver(ho.db, taken, sender).sent == 1
    assert [b["to"] for b in gateway.received] == ["6285211112222"]
    assert [(m.connection_no, m.state) for m in _messages(ho)] == [("50400001", "stopped"),
                                                                  ("50400002", "sent")]


def test_a_run_that_died_is_taken_over_and_its_messages_sent_once(
        ho: HeadOffice, gateway: FakeGateway) -> None:
    with ho.db.reading() as session:
        found = audience.invitations(session, ON)
        sender = configured_gateway(session)
    dead = sending.claim(ho.db, found, "hublang")
    assert sending.claim(ho.db, found, "hublang").messages == ()  # still being sent
    with ho.db.writing() as session:  # the first run stopped 20 minutes ago
        for row in session.scalars(select(OutreachMessage)):
            row.updated_at -= dt.timedelta(minutes=20)
    later = sending.claim(ho.db, found, "hublang")
    assert len(later.messages) == 2
    assert sending.deliver(ho.db, dead, sender).sent == 0  # no longer its messages
    assert sending.deliver(ho.db, later, sender).sent == 2
    assert len(gateway.received) == 2


def test_the_csv_export_carries_whatsapp_links_and_no_formula(
        ho: HeadOffice, tmp_path: Path) -> None:
    programme_with(ho.db, {"50400009": "081234500009"}, name="=HYPERLINK(\"x\")")
    with ho.db.reading() as session:
        found = audience.invitations(session, ON)
    target = tmp_path / "undangan.csv"
    assert sending.export_csv(ho.db, found, target, "hublang") == 1
    row = _csv_rows(target)[0]
    assert row["telepon"] == "+6281234500009"
    assert row["nama"] == "'=HYPERLINK(\"x\")"
    assert row["tautan_whatsapp"].startswith("https://wa.me/6281234500009?text=Yth.%20")
    assert "%20uang%20muka%20Rp%20500.000" in row["tautan_whatsapp"]
    assert [m.state for m in _messages(ho)] == ["exported"]
    assert sending.export_csv(ho.db, found, target, "hublang") == 1  # again: same file
    assert len(_messages(ho)) == 1


def test_an_export_to_a_missing_folder_writes_nothing(ho: HeadOffice, tmp_path: Path) -> None:
    programme_with(ho.db, {"50400009": "081234500009"})
    with ho.db.reading() as session:
        found = audience.invitations(session, ON)
    with pytest.raises(ValueError, match="does not exist"):
        sending.export_csv(ho.db, found, tmp_path / "nowhere" / "x.csv", "hublang")
    assert _messages(ho) == []


def test_invalid_phones_are_listed_with_the_reason_not_guessed(ho: HeadOffice) -> None:
    programme_with(ho.db, {"50400001": "0380 821234", "50400002": "81339472615",
                           "50400003": "", "50400004": "0812-3456-7890"})
    with ho.db.reading() as session:
        found = audience.invitations(session, ON)
        listed = records.invalid_phones(session)
        with_missing = records.invalid_phones(session, include_missing=True)
    assert [d.connection_no for d in found.ready] == ["50400004"]
    assert [(d.connection_no, d.phone.problem[:22]) for d in found.invalid] == [
        ("50400001", "bukan nomor seluler (t"), ("50400002", "tidak diawali 0, 62 at"),
        ("50400003", "tidak ada nomor telepo")]
    assert [(r.connection_no, r.phone) for r in listed] == [("50400001", "0380 821234"),
                                                           ("50400002", "81339472615")]
    assert len(with_missing) == 3


def test_the_credential_comes_from_the_credential_store(ho: HeadOffice) -> None:
    ring = MemoryKeyring()
    programme_with(ho.db, {"50400001": "081339472615"})
    with fake_gateway() as fake:
        use_gateway(ho.db, fake.url, auth=True)
        with ho.db.reading() as session:
            settings = load_settings(session)
            found = audience.invitations(session, ON)
        assert settings is not None
        with pytest.raises(GatewayRefused, match="credential is not in the credential store"):
            HttpGateway(settings, ring)
        save_credential("rahasia-gateway", ring)
        assert sending.send(ho.db, found, HttpGateway(settings, ring), "hublang").sent == 1
        assert fake.headers[0]["Authorization"] == "Bearer rahasia-gateway"
    with ho.db.reading() as session:
        stored = session.scalar(select(func.count()).select_from(OutreachMessage).where(
            OutreachMessage.body.contains("rahasia")))
    assert stored == 0


def test_without_a_working_credential_store_the_gateway_is_refused() -> None:
    from headoffice.outreach.gateway import GatewaySettings

    settings = GatewaySettings("https://sms.example/send", '{"to": "{phone}", "m": "{text}"}',
                               "Authorization", "Bearer {credential}", 10)
    with pytest.raises(GatewayRefused, match="no credential store"):
        HttpGateway(settings)  # the tests' keyring is the failing one
    assert keyring.errors  # the module the refusal comes from is the real one


@pytest.mark.parametrize(("payload", "problem"), [
    ("not json", "not JSON"),
    ('["{phone}", "{text}"]', "JSON object"),
    ('{"to": "{phone}"}', "needs {text}"),
    ('{"to": "{phone}", "m": "{text}", "x": "{secret}"}', "unknown placeholder"),
    ('{"to": "{phone", "m": "{text}"}', "brace is not closed"),
])
def test_gateway_settings_that_cannot_work_are_refused(payload: str, problem: str) -> None:
    from headoffice.outreach.gateway import GatewaySettings, check_settings

    with pytest.raises(GatewayRefused, match=problem):
        check_settings(GatewaySettings("https://sms.example/send", payload, "", "", 10))
