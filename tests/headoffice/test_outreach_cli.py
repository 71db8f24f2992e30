"""``loket-headoffice outreach …``: a dry run by default, ``--send`` through the gateway,
``--export-csv`` with WhatsApp links, opt-out / opt-in, the log, invalid phones and
templates refused with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from headoffice.cli import main
from headoffice.outreach.tables import OutreachMessage, OutreachTemplate
from tests.headoffice.conftest import HeadOffice
from tests.headoffice.fake_gateway import fake_gateway
from tests.headoffice.outreach_helpers import programme_with, running_today, use_gateway

CUSTOMERS = {"50400001": "0813-3947-2615", "50400002": "0380 821234"}


@pytest.fixture
def office(ho: HeadOffice, tmp_path: Path) -> HeadOffice:
    """Sealed customers and a programme running today (the terms' dates moved)."""
    programme_with(ho.db, CUSTOMERS)
    running_today(ho.db, tmp_path)
    return ho


def _cli(ho: HeadOffice, *args: str) -> int:
    return main([*args, "--database-url", ho.db.url, "--lang", "en"])


def _messages(ho: HeadOffice) -> int:
    return ho.count(OutreachMessage)


def test_a_dry_run_shows_each_message_and_the_invalid_phones_and_sends_nothing(
        office: HeadOffice, capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli(office, "outreach", "invitations") == 0
    out, err = capsys.readouterr()
    assert "50400001 +6281339472615 [new] Yth. Pelanggan 01 (No. SL 50400001)" in out
    assert "Rp 1.000.000" in out and "Rp 500.000" in out
    assert "invalid phone: 50400002 Pelanggan 02: '0380 821234' (bukan nomor seluler" in err
    assert "dry run: 1 invitation message(s)" in err
    assert _messages(office) == 0


def test_send_goes_through_the_gateway_once_and_the_log_shows_it(
        office: HeadOffice, capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli(office, "outreach", "invitations", "--send") == 1
    assert "no gateway is set up" in capsys.readouterr().err
    with fake_gateway() as gateway:
        assert _cli(office, "outreach", "gateway", "set", "--url", gateway.url, "--payload",
                    '{"to": "{phone}", "message": "{text}"}') == 0
        assert _cli(office, "outreach", "invitations", "--send", "--kelurahan",
                    "penkase oeleta") == 0
        assert "invitation: 1 sent, 0 failed" in capsys.readouterr().out
        assert _cli(office, "outreach", "invitations", "--send") == 0
        assert "0 sent, 0 failed (retried at the next run), 1 already sent today" in \
            capsys.readouterr().out
        assert [b["to"] for b in gateway.received] == ["+6281339472615"]
    assert _cli(office, "outreach", "log") == 0
    out = capsys.readouterr().out
    assert "invitation 50400001 +6281339472615 [sent via gateway, 1 attempt(s)] template v0 " \
           "HTTP 200" in out


def test_an_export_writes_whatsapp_links_and_an_opted_out_customer_is_left_out(
        office: HeadOffice, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    programme_with(office.db, {"50400003": "081234500003"})
    assert _cli(office, "outreach", "opt-out", "50400003", "--note", "minta lewat surat") == 0
    target = tmp_path / "undangan.csv"
    assert _cli(office, "outreach", "invitations", "--export-csv", str(target)) == 0
    text = target.read_text(encoding="utf-8-sig")
    assert "https://wa.me/6281339472615?text=Yth.%20Pelanggan%2001" in text
    assert "50400003" not in text
    assert _cli(office, "outreach", "opt-outs") == 0
    assert "50400003 Pelanggan 03" in capsys.readouterr().out
    assert _cli(office, "outreach", "opt-in", "50400003") == 0
    assert _cli(office, "outreach", "opt-in", "50400003") == 1
    assert _cli(office, "outreach", "opt-out", "99999999") == 1
    assert "no customer 99999999" in capsys.readouterr().err


def test_invalid_phones_are_reported(office: HeadOffice,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli(office, "outreach", "invalid-phones") == 0
    out = capsys.readouterr().out
    assert "50400002 Pelanggan 02 (Penkase Oeleta): '0380 821234' — bukan nomor seluler" in out
    assert "50400001" not in out


@pytest.mark.parametrize(("body", "reason"), [
    ("Yth. {nama}, saldo {saldo}", "unknown placeholder {saldo}"),
    ("Yth. {nama", "a brace is not closed"),
    ("Yth. {nama:>30}", "may not carry a format"),
    ("Yth. {nama}\x1b[31m", "escape (U+001B)"),
    ("Yth. \u202e{nama}", "RIGHT-TO-LEFT OVERRIDE"),
])
def test_a_template_with_a_bad_placeholder_or_control_character_is_refused(
        office: HeadOffice, tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str,
        reason: str) -> None:
    path = tmp_path / "undangan.txt"
    path.write_text(body, encoding="utf-8")
    assert _cli(office, "outreach", "template", "invitation", "--set", str(path)) == 1
    assert reason in capsys.readouterr().err
    assert office.count(OutreachTemplate) == 0


def test_a_saved_template_is_used_with_its_version(
        office: HeadOffice, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "undangan.txt"
    path.write_text("Halo {nama}, cukup bayar {uang_muka} sebelum {batas_program}.\n",
                    encoding="utf-8")
    assert _cli(office, "outreach", "template", "invitation", "--set", str(path)) == 0
    assert "invitation template version 1 saved" in capsys.readouterr().out
    assert _cli(office, "outreach", "invitations") == 0
    captured = capsys.readouterr()
    assert "Halo Pelanggan 01, cukup bayar Rp 500.000 sebelum" in captured.out
    assert "(template version 1)" in captured.err
    with office.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(OutreachTemplate)) == 1


def test_reminders_need_a_sensible_window(office: HeadOffice,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli(office, "outreach", "reminders", "--due-within", "3") == 0
    assert "dry run: 0 reminder message(s)" in capsys.readouterr().err
    assert _cli(office, "outreach", "reminders", "--due-within", "400") == 1
    assert "--due-within takes 0 to 60 days" in capsys.readouterr().err
    assert _cli(office, "outreach", "overdue") == 0


def test_the_gateway_settings_are_checked_before_they_are_kept(
        office: HeadOffice, capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli(office, "outreach", "gateway", "set", "--url", "ftp://x", "--payload",
                "{}") == 1
    assert "must be http(s)" in capsys.readouterr().err
    assert _cli(office, "outreach", "gateway", "show") == 1
    use_gateway(office.db, "https://sms.example/send")
    assert _cli(office, "outreach", "gateway", "show") == 0
    assert "url: https://sms.example/send" in capsys.readouterr().out
