"""``/cek`` in a real Chromium at a phone's size (360×740), JavaScript switched off as on
the plainest phone: a lookup, a wrong factor and an unknown number that look the same,
the limit per number, and script typed into the form shown as text (with JavaScript on,
so that it would run if it could)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from headoffice.selfcheck.lookup import mask_name
from tests.headoffice.selfcheck_site import Site

PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """SQLite only: the browser sees the same page whatever the database."""
    yield f"sqlite:///{(tmp_path_factory.mktemp('cek') / 'ho.sqlite3').as_posix()}"


@pytest.fixture
def site(cek: Site) -> Site:
    return cek


def phone(browser: Browser, *, script: bool = False) -> Page:
    context = browser.new_context(viewport=PHONE, locale="id-ID", is_mobile=True,
                                  has_touch=True, java_script_enabled=script)
    return context.new_page()


def look_up(page: Page, site: Site, number: str, factor: str) -> None:
    page.goto(f"{site.url}/cek")
    page.get_by_label("Nomor sambungan").fill(number)
    page.get_by_label("4 angka terakhir nomor meter").fill(factor)
    page.get_by_role("button", name="Cek").click()


def fits_the_screen(page: Page, *more: str) -> None:
    """Nothing wider than the phone: no sideways scrolling."""
    for box in (page.locator(s).bounding_box() for s in ("main", "header", *more)):
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


def test_a_customer_looks_up_the_offer_on_a_phone(site: Site, browser: Browser) -> None:
    who = site.eligible()
    page = phone(browser)
    try:
        look_up(page, site, who.number, who.factor)
        expect(page.locator("#name")).to_have_text(mask_name(who.name))
        assert who.name not in page.content()
        expect(page.locator("#number")).to_have_text(who.number)
        expect(page.get_by_text("Bayar uang muka")).to_be_visible()
        expect(page.locator("#down-payment")).to_contain_text("Rp ")
        expect(page.locator("#last-day")).to_contain_text("31 Desember 2025")
        option = page.locator(".options summary").last
        option.click()  # <details>: opens without script
        expect(page.locator(".options details").last.locator("tbody tr").first).to_contain_text(
            "20 Desember 2025")
        expect(page.locator("#office")).to_contain_text("Jam buka")
        expect(page.locator("#documents")).to_contain_text("KTP")
        fits_the_screen(page, ".options details[open] table")
    finally:
        page.context.close()


def test_a_wrong_factor_and_an_unknown_number_look_the_same(site: Site,
                                                            browser: Browser) -> None:
    who = site.eligible(1)
    wrong = f"{(int(who.factor) + 1) % 10_000:04d}"
    unknown = "9" * len(who.number)
    pictures, texts = [], []
    page = phone(browser)
    try:
        for number in (who.number, unknown):
            look_up(page, site, number, wrong)
            expect(page.get_by_role("alert")).to_contain_text("Data tidak cocok")
            expect(page.get_by_label("Nomor sambungan")).to_have_value(number)
            texts.append(page.locator("main").inner_text())
            page.get_by_label("Nomor sambungan").fill("")  # the one thing that differs
            pictures.append(page.screenshot(full_page=True))
        assert texts[0] == texts[1]
        assert pictures[0] == pictures[1]
        fits_the_screen(page)
    finally:
        page.context.close()


def test_the_sixth_try_for_a_number_waits(site: Site, browser: Browser) -> None:
    who = site.eligible(2)
    page = phone(browser)
    try:
        for _ in range(5):
            look_up(page, site, who.number, "0000")
            expect(page.get_by_role("alert")).to_contain_text("Data tidak cocok")
        look_up(page, site, who.number, who.factor)
        expect(page.get_by_role("alert")).to_have_text(
            "Terlalu banyak percobaan. Demi keamanan data pelanggan, coba lagi dalam 15 menit.")
        expect(page.get_by_text("Bayar uang muka")).to_have_count(0)
        site.clock.advance(15 * 60)
        look_up(page, site, who.number, who.factor)
        expect(page.get_by_text("Bayar uang muka")).to_be_visible()
    finally:
        page.context.close()


def test_script_typed_into_the_form_is_shown_as_text(site: Site, browser: Browser) -> None:
    page = phone(browser, script=True)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    typed = '"><script>alert("cek")</script>'
    image = "<img src=x onerror=alert(2)>"
    try:
        look_up(page, site, typed, image)
        expect(page.get_by_label("Nomor sambungan")).to_have_value(typed)
        expect(page.get_by_label("4 angka terakhir nomor meter")).to_have_value(image)
        expect(page.locator("#meter-problem")).to_have_text(
            "Isi tepat 4 angka: angka terakhir nomor meter.")
        expect(page.locator("#nomor-problem")).to_have_text(
            "Nomor sambungan hanya berisi angka.")
        expect(page.locator("main script, main img")).to_have_count(0)
        assert dialogs == []
    finally:
        page.context.close()
