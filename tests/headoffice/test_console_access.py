"""The console's doors: sign-in, lockout, sessions that end, roles, CSRF, escaping."""

from __future__ import annotations

import datetime as dt
import io
import re
import ssl
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, update

from headoffice.cli import main
from headoffice.console.staff import LOCK_AFTER
from headoffice.console.tables import StaffAudit, StaffSession
from tests.headoffice.conftest import HeadOffice, serving
from tests.headoffice.console_helpers import console, post_form, sign_in, staff_user, token
from tests.headoffice.test_serve import _self_signed


@pytest.fixture
def manager(ho: HeadOffice) -> Iterator[httpx.Client]:
    staff_user(ho.db, "direktur", "manager", "Yohanes Direktur")
    with console(ho.url, "direktur") as client:
        yield client


def audit_actions(ho: HeadOffice, username: str) -> list[str]:
    with ho.db.reading() as session:
        return list(session.scalars(select(StaffAudit.action).where(
            StaffAudit.username == username).order_by(StaffAudit.id)))


def test_without_a_session_every_page_leads_to_the_sign_in_page(ho: HeadOffice) -> None:
    with console(ho.url) as client:
        for path in ("/console/", "/console/evaluation"):
            answer = client.get(path)
            assert answer.status_code == 303
            assert answer.headers["location"].startswith("/console/signin?next=")
        page = client.get("/console/signin")
        assert page.status_code == 200 and "Masuk ke konsol" in page.text


def test_signing_in_shows_the_menu_of_the_role_and_is_recorded(
        ho: HeadOffice, manager: httpx.Client) -> None:
    home = manager.get("/console/")
    assert home.status_code == 200
    assert "Yohanes Direktur" in home.text and "Evaluasi program" in home.text
    cookie = next(c for c in manager.cookies.jar if c.name == "loket_console")
    assert cookie.has_nonstandard_attr("HttpOnly") and cookie.path == "/console"
    assert audit_actions(ho, "direktur") == ["signin"]


def test_a_wrong_password_is_refused_and_repeated_ones_lock_the_account(
        ho: HeadOffice) -> None:
    staff_user(ho.db, "keuangan", "finance")
    with console(ho.url) as client:
        refused = sign_in(client, "keuangan", "salah-sekali")
        assert refused.status_code == 401 and "kata sandi salah" in refused.text
        for _ in range(LOCK_AFTER - 1):
            sign_in(client, "keuangan", "salah-sekali")
        locked = sign_in(client, "keuangan")  # the right password, too late
        assert locked.status_code == 401 and "dikunci" in locked.text
        assert "loket_console" not in client.cookies
    assert audit_actions(ho, "keuangan")[-1] == "signin.refused"


def test_an_expired_or_idle_session_leads_back_to_the_sign_in_page(
        ho: HeadOffice, manager: httpx.Client) -> None:
    assert manager.get("/console/").status_code == 200
    past = dt.datetime(2020, 1, 1)
    with ho.db.writing() as session:
        session.execute(update(StaffSession).values(expires_at=past))
    assert manager.get("/console/").headers["location"].startswith("/console/signin")
    with console(ho.url, "direktur") as again:
        with ho.db.writing() as session:
            session.execute(update(StaffSession).values(last_seen_at=past))
        assert again.get("/console/").status_code == 303


def test_a_role_without_the_right_gets_a_403_page(ho: HeadOffice) -> None:
    staff_user(ho.db, "hublang", "customer_service")
    with console(ho.url, "hublang") as client:
        answer = client.get("/console/evaluation")
        assert answer.status_code == 403 and "tidak mengizinkan" in answer.text
        assert "Evaluasi program" not in answer.text.split("<main")[0]


def test_a_form_without_or_with_a_wrong_token_is_refused(
        ho: HeadOffice, manager: httpx.Client) -> None:
    for data in ({}, {"csrf": "palsu"}):
        answer = manager.post("/console/signout", data=data)
        assert answer.status_code == 403 and "Formulir ini kedaluwarsa" in answer.text
    assert manager.get("/console/").status_code == 200  # still signed in
    other_site = manager.post("/console/signout", data={"csrf": token(
        manager.get("/console/"))}, headers={"Origin": "http://evil.example"})
    assert other_site.status_code == 403
    assert manager.get("/console/").status_code == 200
    with console(ho.url) as anonymous:
        refused = anonymous.post("/console/signin", data={
            "username": "direktur", "password": "rahasia-123"})
        assert refused.status_code == 403


def test_signing_out_ends_the_session(ho: HeadOffice, manager: httpx.Client) -> None:
    out = post_form(manager, "/console/", "/console/signout", {})
    assert out.status_code == 303
    assert manager.get("/console/").status_code == 303
    assert audit_actions(ho, "direktur")[-1] == "signout"


def test_html_in_a_name_is_shown_as_text(ho: HeadOffice) -> None:
    staff_user(ho.db, "ti", "it", "<script>alert('x')</script><b>TI</b>")
    with console(ho.url, "ti") as client:
        page = client.get("/console/").text
    assert "<script>alert" not in page and "&lt;script&gt;alert(" in page
    assert "<b>TI</b>" not in page


def test_english_is_chosen_per_session(ho: HeadOffice, manager: httpx.Client) -> None:
    done = post_form(manager, "/console/", "/console/language",
                     {"language": "en", "next": "/console/"})
    assert done.status_code == 303
    assert "Programme evaluation" in manager.get("/console/").text
    with console(ho.url, "direktur") as other:
        assert "Evaluasi program" in other.get("/console/").text


def test_the_session_cookie_is_secure_under_tls(database_url: str, tmp_path: Path,
                                                ho: HeadOffice) -> None:
    staff_user(ho.db, "direktur", "manager")
    cert, key = _self_signed(tmp_path)
    with serving(database_url, tls_cert=cert, tls_key=key) as port, httpx.Client(
            base_url=f"https://127.0.0.1:{port}", timeout=30,
            verify=ssl.create_default_context(cafile=str(cert))) as client:
        assert sign_in(client, "direktur").status_code == 403  # no Origin, no Referer
        site = f"https://127.0.0.1:{port}"
        client.headers["Referer"] = f"{site}/console/signin"
        done = sign_in(client, "direktur")
        assert done.status_code == 303
        cookie = done.headers["set-cookie"]
        assert cookie.startswith("loket_console=")
        for attribute in ("HttpOnly", "Path=/console", "SameSite=strict", "Secure"):
            assert attribute in cookie
    with console(ho.url) as plain:
        assert "Secure" not in sign_in(plain, "direktur").headers["set-cookie"]


def test_the_sign_in_page_offers_english(ho: HeadOffice) -> None:
    with console(ho.url) as client:
        page = client.get("/console/signin?next=/console/counters")
        chosen = client.post("/console/signin-language", data={
            "csrf": token(page), "language": "en",
            "next": "/console/signin?next=/console/counters"})
        assert chosen.status_code == 303
        assert "Sign in to the console" in client.get(chosen.headers["location"]).text


def test_staff_are_added_listed_and_disabled_on_the_command_line(
        ho: HeadOffice, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    def cli(*args: str, password: str = "") -> int:
        monkeypatch.setattr("sys.stdin", io.StringIO(f"{password}\n"))
        return main(["--database-url", ho.db.url, "--lang", "en", "staff", *args])

    assert cli("add", "Hublang", "--role", "customer_service", "--full-name", "Maria",
               password="rahasia-123") == 0
    assert "staff user hublang (customer_service) added" in capsys.readouterr().out
    assert cli("add", "hublang", "--role", "finance", password="rahasia-123") == 1
    assert "already exists" in capsys.readouterr().err
    assert cli("add", "pendek", "--role", "it", password="kurang") == 1
    assert "at least 8 characters" in capsys.readouterr().err
    assert cli("add", "x", "--role", "boss", password="rahasia-123") == 2
    with console(ho.url, "hublang") as client:
        assert client.get("/console/").status_code == 200
        assert cli("list") == 0
        assert re.search(r"hublang\s+customer_service\s+active\s+Maria",
                         capsys.readouterr().out)
        assert cli("disable", "hublang") == 0
        assert client.get("/console/").status_code == 303  # the session ended with it
        refused = sign_in(client, "hublang")
        assert refused.status_code == 401 and "dinonaktifkan" in refused.text
    assert cli("disable", "nobody") == 1
    with ho.db.reading() as session:
        actions = set(session.scalars(select(StaffAudit.action).where(
            StaffAudit.username.startswith("cli:"))))
    assert actions == {"staff.add", "staff.disable"}


def test_decisions_on_the_command_line_join_the_audit_trail_shown_in_the_console(
        ho: HeadOffice, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database-url", ho.db.url, "device", "register", "OEB", "L09"]) == 0
    capsys.readouterr()
    staff_user(ho.db, "ti", "it")
    staff_user(ho.db, "keuangan", "finance")
    with console(ho.url, "ti") as client:
        trail = client.get("/console/audit").text
    assert "loket didaftarkan" in trail and "OEB L09" in trail and "cli:" in trail
    with console(ho.url, "keuangan") as client:
        assert client.get("/console/audit").status_code == 403
