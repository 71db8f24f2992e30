"""Outreach in the console: customer relations see who would be invited with their
figures, edit and preview templates, send (CSRF-checked, in the audit trail), read the
log, the opt-outs and the invalid phones; the manager reads only; other roles are
refused; names are shown as text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update

from headoffice.console.tables import StaffAudit
from headoffice.models import Customer
from headoffice.outreach.tables import OutreachMessage, OutreachOptOut, OutreachTemplate
from tests.headoffice.conftest import HeadOffice
from tests.headoffice.console_helpers import console, post_form, staff_user, token
from tests.headoffice.fake_gateway import FakeGateway, fake_gateway
from tests.headoffice.outreach_helpers import (
    programme_with,
    running_today,
    use_gateway,
    wait_until_sent,
)

SCRIPT = "<script>alert('x')</script>"
PAGE = "/console/outreach"


@pytest.fixture
def office(ho: HeadOffice, tmp_path: Path) -> Iterator[FakeGateway]:
    programme_with(ho.db, {"50400001": "0813-3947-2615", "50400002": "0380 821234"})
    with ho.db.writing() as session:
        session.execute(update(Customer).where(Customer.connection_no == "50400001")
                        .values(name=f"Ina {SCRIPT}"))
    running_today(ho.db, tmp_path)
    for username, role in (("hublang", "customer_service"), ("direktur", "manager"),
                           ("keuangan", "finance")):
        staff_user(ho.db, username, role)
    with fake_gateway() as gateway:
        use_gateway(ho.db, gateway.url)
        yield gateway


def _audit(ho: HeadOffice) -> list[str]:
    with ho.db.reading() as session:
        return list(session.scalars(select(StaffAudit.action).where(
            StaffAudit.action.startswith("outreach")).order_by(StaffAudit.id)))


def test_customer_relations_see_who_is_invited_and_send_once(
        ho: HeadOffice, office: FakeGateway) -> None:
    with console(ho.url, "hublang") as client:
        page = client.get(PAGE)
        assert page.status_code == 200
        assert "<strong>1</strong> pelanggan akan menerima pesan" in page.text
        assert "+6281339472615" in page.text and "Rp 1.000.000" in page.text
        assert "Rp 500.000" in page.text
        assert SCRIPT not in page.text and "Ina &lt;script&gt;alert(" in page.text
        assert "bukan nomor seluler" in page.text  # 50400002's landline, listed apart
        done = post_form(client, PAGE, "/console/outreach/send", {"kind": "invitation"})
        assert done.status_code == 303 and "done=started&count=1&skipped=0" in \
            done.headers["location"]
        assert "Pengiriman dimulai: 1 pesan" in client.get(done.headers["location"]).text
        wait_until_sent(ho, 1)
        again = post_form(client, PAGE, "/console/outreach/send", {"kind": "invitation"})
        assert "count=0&skipped=1" in again.headers["location"]
        log = client.get("/console/outreach/log")
        assert "terkirim" in log.text and "HTTP 200" in log.text
        assert SCRIPT in office.received[0]["message"]  # the message itself is plain text
    assert len(office.received) == 1
    assert _audit(ho) == ["outreach.invitation", "outreach.invitation"]


def test_the_manager_reads_every_outreach_page_but_cannot_send(
        ho: HeadOffice, office: FakeGateway) -> None:
    with console(ho.url, "direktur") as client:
        for path in (PAGE, f"{PAGE}?kind=reminder&due_within=7", f"{PAGE}?kind=overdue",
                     f"{PAGE}/templates?kind=overdue", f"{PAGE}/log", f"{PAGE}/opt-outs",
                     f"{PAGE}/phones"):
            answer = client.get(path)
            assert answer.status_code == 200, path
            assert 'action="/console/outreach/send"' not in answer.text
        csrf = token(client.get(PAGE))
        refused = client.post("/console/outreach/send", data={"csrf": csrf,
                                                              "kind": "invitation"})
        assert refused.status_code == 403
        assert client.post("/console/outreach/opt-outs", data={
            "csrf": csrf, "connection_no": "50400001"}).status_code == 403
    with console(ho.url, "keuangan") as client:
        assert client.get(PAGE).status_code == 403
        assert "Undangan & pengingat" not in client.get("/console/").text
    assert office.received == [] and ho.count(OutreachMessage) == 0
    assert ho.count(OutreachOptOut) == 0


def test_a_send_without_the_form_token_is_refused_and_sends_nothing(
        ho: HeadOffice, office: FakeGateway) -> None:
    with console(ho.url, "hublang") as client:
        for data in ({"kind": "invitation"}, {"kind": "invitation", "csrf": "palsu"}):
            answer = client.post("/console/outreach/send", data=data)
            assert answer.status_code == 403 and "Formulir ini kedaluwarsa" in answer.text
        other_site = client.post("/console/outreach/send", data={
            "csrf": token(client.get(PAGE)), "kind": "invitation"},
            headers={"Origin": "http://evil.example"})
        assert other_site.status_code == 403
    assert office.received == [] and ho.count(OutreachMessage) == 0
    assert _audit(ho) == []


def test_a_template_is_previewed_with_a_real_customers_figures_and_saved_as_a_version(
        ho: HeadOffice, office: FakeGateway) -> None:
    templates = f"{PAGE}/templates"
    with console(ho.url, "hublang") as client:
        bad = post_form(client, templates, f"{templates}/preview", {
            "kind": "invitation", "body": "Yth. {nama}, saldo {saldo}"})
        assert bad.status_code == 422
        assert "tempat isian yang tidak dikenal" in bad.text and "{saldo}" in bad.text
        refused = post_form(client, templates, f"{templates}/save", {
            "kind": "invitation", "body": "Yth. {nama}\u202e"})
        assert refused.status_code == 422 and "tidak ada yang disimpan" in refused.text
        assert ho.count(OutreachTemplate) == 0
        body = "Halo {nama} ({nomor_sambungan}): uang muka {uang_muka}, kantor {kantor}."
        preview = post_form(client, templates, f"{templates}/preview", {
            "kind": "invitation", "body": body, "connection_no": "50400001"})
        assert preview.status_code == 200
        assert "Halo Ina &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; (50400001): uang " \
               "muka Rp 500.000, kantor " in preview.text
        assert ho.count(OutreachTemplate) == 0  # a preview writes nothing
        saved = post_form(client, templates, f"{templates}/save", {
            "kind": "invitation", "body": body})
        assert saved.status_code == 303 and "version=1" in saved.headers["location"]
        assert "Halo Ina" in client.get(PAGE).text
    assert _audit(ho) == ["outreach.template"]


def test_an_opt_out_in_the_console_takes_the_customer_off_every_list(
        ho: HeadOffice, office: FakeGateway) -> None:
    opt_outs = f"{PAGE}/opt-outs"
    with console(ho.url, "hublang") as client:
        unknown = post_form(client, opt_outs, opt_outs, {"connection_no": "99999999"})
        assert unknown.status_code == 409 and "tidak dikenal" in unknown.text
        done = post_form(client, opt_outs, opt_outs, {"connection_no": "50400001",
                                                      "note": "minta lewat surat"})
        assert done.status_code == 303
        listed = client.get(opt_outs).text
        assert "50400001" in listed and "minta lewat surat" in listed
        assert "<strong>0</strong> pelanggan akan menerima pesan" in client.get(PAGE).text
        assert post_form(client, PAGE, "/console/outreach/send",
                         {"kind": "invitation"}).status_code == 303
        assert office.received == []
        back = post_form(client, opt_outs, opt_outs, {"connection_no": "50400001",
                                                      "verdict": "in"})
        assert back.status_code == 303
        assert "<strong>1</strong> pelanggan" in client.get(PAGE).text
    assert _audit(ho) == ["outreach.opt_out", "outreach.invitation", "outreach.opt_in"]


def test_invalid_phones_are_listed_and_english_is_offered(
        ho: HeadOffice, office: FakeGateway) -> None:
    with console(ho.url, "hublang") as client:
        page = client.get(f"{PAGE}/phones").text
        assert "50400002" in page and "0380 821234" in page and "bukan nomor seluler" in page
        assert "50400001" not in page
        post_form(client, PAGE, "/console/language", {"language": "en", "next": PAGE})
        english = client.get(PAGE).text
        assert "Invitations &amp; reminders" in english and "customers would get a message" \
            in english


def test_without_a_gateway_the_send_is_refused_in_words(ho: HeadOffice, tmp_path: Path) -> None:
    programme_with(ho.db, {"50400001": "081339472615"})
    running_today(ho.db, tmp_path)
    staff_user(ho.db, "hublang", "customer_service")
    with console(ho.url, "hublang") as client:
        assert "Gateway belum diatur" in client.get(PAGE).text
        refused = post_form(client, PAGE, "/console/outreach/send", {"kind": "invitation"})
        assert refused.status_code == 409 and "Gateway pengiriman belum diatur" in refused.text
    assert ho.count(OutreachMessage) == 0
