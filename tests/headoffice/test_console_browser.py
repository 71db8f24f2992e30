"""The console in a real Chromium at 1366×768: sign in, approve a change request and see
the branch receive it, resolve an exception, register a counter and use its code."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.customer_changes import list_change_requests, request_customer_change
from app.services.sync import HttpTransport, KeyringTokenStore, pull_changes, register_device
from headoffice.models import Device, SyncException
from tests.headoffice.browser import OFFICE_SCREEN, sign_in
from tests.headoffice.conftest import CUSTOMER, HeadOffice, enrol, outbox
from tests.headoffice.console_helpers import PASSWORD, staff_user
from tests.support.fakes import add_customer
from tests.support.sync_fakes import MemoryKeyring


@pytest.fixture(scope="module")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """SQLite only: the browser sees the same pages whatever the database."""
    yield f"sqlite:///{(tmp_path_factory.mktemp('console') / 'ho.sqlite3').as_posix()}"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=OFFICE_SCREEN, locale="id-ID")
    try:
        yield context.new_page()
    finally:
        context.close()


def push_all(ho: HeadOffice, branch: BranchDatabase, kpg: tuple[str, str]) -> None:
    assert ho.push(kpg[1], kpg[0], outbox(branch)).status_code == 200


def test_signing_in_with_a_wrong_then_the_right_password(ho: HeadOffice, page: Page) -> None:
    staff_user(ho.db, "direktur", "manager", "Yohanes Direktur")
    page.goto(f"{ho.url}/console/counters")
    expect(page).to_have_url(f"{ho.url}/console/signin?next=%2Fconsole%2Fcounters")
    page.get_by_label("Nama pengguna").fill("direktur")
    page.get_by_label("Kata sandi").fill("salah-sekali")
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("alert")).to_contain_text("Nama pengguna atau kata sandi salah")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page).to_have_url(f"{ho.url}/console/counters")
    expect(page.get_by_role("heading", name="Loket")).to_be_visible()
    expect(page.locator("header")).to_contain_text("Yohanes Direktur")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("link", name="Programme evaluation")).to_be_visible()


def test_approving_a_change_request_reaches_the_branch_at_its_next_pull(
        ho: HeadOffice, page: Page, branch: BranchDatabase, cashier: Actor,
        kpg: tuple[str, str]) -> None:
    add_customer(branch, CUSTOMER)
    asked = request_customer_change(branch.writing(), cashier, CUSTOMER,
                                    {"phone": "081339120044"}, "nomor baru pelanggan")
    push_all(ho, branch, kpg)
    staff_user(ho.db, "hublang", "customer_service")
    sign_in(page, ho.url, "hublang", PASSWORD)
    page.get_by_role("navigation").get_by_role("link", name="Permintaan perubahan").click()
    card = page.locator("section.card", has_text=CUSTOMER)
    expect(card.locator("tr.changed")).to_contain_text("081234567890")
    expect(card.locator("tr.changed")).to_contain_text("081339120044")
    card.get_by_label("Catatan (wajib untuk penolakan)").fill("cocok dengan KTP")
    card.get_by_role("button", name="Setujui").click()
    expect(page.get_by_role("status")).to_contain_text("disetujui")
    pull_changes(branch.writing, HttpTransport(ho.url, kpg[1], timeout=10))
    [seen] = list_change_requests(branch.reading(), CUSTOMER)
    assert (seen.uuid, seen.state, seen.decided_by, seen.note) == (
        asked.uuid, "approved", "hublang", "cocok dengan KTP")


def test_resolving_an_exception_with_a_note(
        ho: HeadOffice, page: Page, branch: BranchDatabase, cashier: Actor,
        kpg: tuple[str, str]) -> None:
    enrol(branch, cashier, "50400077")  # unknown at head office: rejected, money a credit
    push_all(ho, branch, kpg)
    staff_user(ho.db, "keuangan", "finance")
    sign_in(page, ho.url, "keuangan", PASSWORD)
    page.get_by_role("navigation").get_by_role("link", name="Pengecualian").click()
    card = page.locator("section.card").first
    expect(card).to_contain_text("Kantor pusat tidak mengenal pelanggan ini.")
    card.get_by_label("Catatan: apa yang dilakukan").fill("uang muka dikembalikan tunai")
    card.get_by_role("button", name="Selesaikan").click()
    expect(page.get_by_role("status")).to_contain_text("diselesaikan")
    expect(page.get_by_text("Tidak ada pengecualian terbuka.")).to_be_visible()
    with ho.db.reading() as session:
        [note] = session.scalars(select(SyncException.note)).all()
    assert note == "uang muka dikembalikan tunai"


def test_a_counter_registered_in_the_console_registers_from_its_branch(
        ho: HeadOffice, page: Page, branch: BranchDatabase) -> None:
    staff_user(ho.db, "ti", "it")
    sign_in(page, ho.url, "ti", PASSWORD)
    page.get_by_role("navigation").get_by_role("link", name="Loket").click()
    page.get_by_label("Cabang").select_option("KPG")
    page.get_by_label("Loket", exact=True).fill("L01")
    page.get_by_role("button", name="Daftarkan loket").click()
    code = page.locator("#one-time-code").inner_text()
    expect(page.get_by_role("img", name="Kode QR dari kode sekali pakai")).to_be_visible()
    done = register_device(branch.writing(), HttpTransport(ho.url, "", timeout=10), ho.url,
                           code, store=KeyringTokenStore(MemoryKeyring()))
    assert (done.branch, done.counter) == ("KPG", "L01")
    with ho.db.reading() as session:
        assert session.scalars(select(Device.counter)).all() == ["L01"]
    page.reload()
    expect(page.locator("table").first).to_contain_text(done.device_id)
