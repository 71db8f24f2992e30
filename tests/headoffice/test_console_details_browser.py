"""The console's confirmation steps and its own 404 page in Chromium at 1366×768, with
JavaScript switched off: nothing of them needs a script."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from headoffice.models import Device
from tests.headoffice.browser import OFFICE_SCREEN, sign_in
from tests.headoffice.conftest import HeadOffice
from tests.headoffice.console_helpers import PASSWORD, staff_user

DEVICE = "7d1c3f4e-0000-4000-8000-0000000000b1"


@pytest.fixture(scope="module")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """SQLite only: the browser sees the same pages whatever the database."""
    yield f"sqlite:///{(tmp_path_factory.mktemp('details') / 'ho.sqlite3').as_posix()}"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=OFFICE_SCREEN, locale="id-ID",
                                  java_script_enabled=False)
    try:
        yield context.new_page()
    finally:
        context.close()


def test_revoking_a_counter_is_confirmed_on_its_own_page(ho: HeadOffice, page: Page) -> None:
    ho.register(DEVICE, "OEB", "L04")
    staff_user(ho.db, "ti", "it")
    sign_in(page, ho.url, "ti", PASSWORD)
    page.get_by_role("link", name="Loket", exact=True).click()
    page.get_by_role("link", name="Cabut…").click()
    expect(page.get_by_role("heading", name="Cabut loket ini?")).to_be_visible()
    expect(page.get_by_text("L04", exact=True)).to_be_visible()
    page.get_by_role("link", name="Batal, kembali").click()  # changed its mind
    expect(page.get_by_role("heading", name="Loket", exact=True)).to_be_visible()
    assert not _revoked(ho)
    page.get_by_role("link", name="Cabut…").click()
    page.get_by_role("button", name="Ya, cabut loket").click()
    expect(page.get_by_role("status")).to_have_text(
        "Loket OEB L04 dicabut: permintaannya ditolak mulai sekarang.")
    assert _revoked(ho)
    expect(page.get_by_role("link", name="Cabut…")).to_have_count(0)


def test_disabling_a_staff_user_is_confirmed_on_its_own_page(ho: HeadOffice,
                                                             page: Page) -> None:
    staff_user(ho.db, "ti", "it")
    staff_user(ho.db, "keuangan", "finance", "Agustinus Keuangan")
    sign_in(page, ho.url, "ti", PASSWORD)
    page.goto(f"{ho.url}/console/staff")
    page.get_by_role("link", name="Nonaktifkan…").click()
    expect(page.get_by_role("heading", name="Nonaktifkan staf ini?")).to_be_visible()
    expect(page.get_by_text("Agustinus Keuangan")).to_be_visible()
    page.get_by_role("button", name="Ya, nonaktifkan").click()
    expect(page.get_by_role("status")).to_have_text(
        "Staf keuangan dinonaktifkan; sesinya berakhir.")
    expect(page.get_by_role("row", name="keuangan")).to_contain_text("nonaktif")


def test_a_wrong_address_shows_the_consoles_page_with_its_menu(ho: HeadOffice,
                                                              page: Page) -> None:
    staff_user(ho.db, "ti", "it")
    sign_in(page, ho.url, "ti", PASSWORD)
    answer = page.goto(f"{ho.url}/console/loket-lama")
    assert answer is not None and answer.status == 404
    expect(page.get_by_role("heading", name="Halaman tidak ditemukan")).to_be_visible()
    page.get_by_role("link", name="Kembali ke beranda").click()
    expect(page.get_by_role("link", name="Jejak audit")).to_be_visible()


def _revoked(ho: HeadOffice) -> bool:
    with ho.db.reading() as session:
        device = session.get(Device, DEVICE)
        return device is not None and device.revoked
