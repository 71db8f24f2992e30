"""Outreach in a real Chromium at 1366×768: customer relations preview a template on a
real customer, save it, send the invitations through a gateway and read the log."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import update

from headoffice.models import Customer
from tests.headoffice.browser import OFFICE_SCREEN, sign_in
from tests.headoffice.conftest import HeadOffice
from tests.headoffice.console_helpers import PASSWORD, staff_user
from tests.headoffice.fake_gateway import fake_gateway
from tests.headoffice.outreach_helpers import (
    programme_with,
    running_today,
    use_gateway,
    wait_until_sent,
)

SCRIPT = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """SQLite only: the browser sees the same pages whatever the database."""
    yield f"sqlite:///{(tmp_path_factory.mktemp('outreach') / 'ho.sqlite3').as_posix()}"


@pytest.fixture
def page(browser: Browser) -> Page:
    return _page(browser)


def _page(browser: Browser) -> Page:
    return browser.new_context(viewport=OFFICE_SCREEN, locale="id-ID").new_page()


def test_a_template_is_previewed_saved_and_the_invitations_sent(
        ho: HeadOffice, page: Page, tmp_path: Path) -> None:
    programme_with(ho.db, {"50400001": "0813-3947-2615", "50400002": "081234500002"})
    with ho.db.writing() as session:
        session.execute(update(Customer).where(Customer.connection_no == "50400002")
                        .values(name=f"Budi {SCRIPT}"))
    running_today(ho.db, tmp_path)
    staff_user(ho.db, "hublang", "customer_service", "Maria Hubungan Pelanggan")
    alerts: list[str] = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
    with fake_gateway() as gateway:
        use_gateway(ho.db, gateway.url)
        sign_in(page, ho.url, "hublang", PASSWORD)
        page.get_by_role("link", name="Undangan & pengingat").click()
        expect(page.get_by_role("main")).to_contain_text("2 pelanggan akan menerima pesan")
        expect(page.get_by_role("main")).to_contain_text(f"Budi {SCRIPT}")
        page.get_by_role("link", name="Templat").click()
        page.get_by_label("Isi templat").fill("Halo {nama}: bayar {uang_muka} di {kantor}.")
        page.get_by_label("Pratinjau dengan pelanggan").fill("50400002")
        page.get_by_role("button", name="Pratinjau").click()
        expect(page.locator("#preview")).to_contain_text(
            f"Halo Budi {SCRIPT}: bayar Rp 500.000 di ")
        page.get_by_role("button", name="Simpan sebagai versi baru").click()
        expect(page.get_by_role("status")).to_contain_text("Templat disimpan sebagai versi 1")
        page.get_by_role("link", name="Daftar kirim").click()
        page.get_by_role("button", name="Kirim 2 pesan").click()
        expect(page.get_by_role("status")).to_contain_text("Pengiriman dimulai: 2 pesan")
        wait_until_sent(ho, 2)
        page.get_by_role("main").get_by_role("link", name="Log pesan").first.click()
        expect(page.get_by_role("main")).to_contain_text("terkirim: 2")
        assert sorted(b["message"][:10] for b in gateway.received) == ["Halo Budi ",
                                                                       "Halo Pelan"]
    assert alerts == []  # the name's markup was shown, never run
