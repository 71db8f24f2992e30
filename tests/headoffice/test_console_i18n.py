"""Every text the console shows in Bahasa Indonesia has its English."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from playwright.sync_api import Browser, expect

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from headoffice.console import error_pages, words
from headoffice.console.details import detail_text
from headoffice.console.i18n import ENGLISH
from headoffice.console.roles import ROLES, role_label
from headoffice.console.web import NAV
from headoffice.console.words import event_text, reason_text
from headoffice.ownership import SHIFT_TYPES
from headoffice.rules import INFORMATION_TYPES
from tests.headoffice.browser import OFFICE_SCREEN, sign_in
from tests.headoffice.conftest import HeadOffice, enrol, outbox, statuses
from tests.headoffice.console_helpers import PASSWORD, console, post_form, staff_user

CONSOLE = Path(__file__).resolve().parents[2] / "headoffice" / "console"


def shown_texts() -> set[str]:
    texts: set[str] = set()
    for template in (CONSOLE / "templates").glob("*.html"):
        source = template.read_text(encoding="utf-8")
        texts |= set(re.findall(r'_\("([^"]+)"\)', source))
        texts |= set(re.findall(r"_\('([^']+)'\)", source))
    for module in CONSOLE.rglob("*.py"):
        texts |= set(re.findall(r'title="([^"]+)"', module.read_text(encoding="utf-8")))
    texts |= {entry.label for entry in NAV} | {role_label(role) for role in ROLES}
    texts |= {text for _key, text in words.REFUSALS} | set(words.CUSTOMER_STATES.values())
    for table in words.WORD_TABLES.values():
        texts |= set(table.values())
    texts |= set(error_pages.TITLES.values())
    return texts | set(words.REASONS.values()) | set(words.EVENT_TYPES.values())


def test_every_text_of_the_console_has_its_english() -> None:
    texts = shown_texts()
    assert len(texts) > 150  # the search finds the texts, not nothing
    assert sorted(t for t in texts if t not in ENGLISH) == []


# --- no English left in the Indonesian console -------------------------------------------

def test_the_rules_sentences_are_said_in_indonesian_with_their_references() -> None:
    assert detail_text(
        "customer 10100001 was enrolled first at branch KPG on 2025-11-20 (active); the "
        "down payment KPG-L01-0007 is kept as a credit") == (
        "Pelanggan 10100001 sudah terdaftar lebih dulu di cabang KPG pada 2025-11-20 "
        "(berjalan); uang muka KPG-L01-0007 disimpan sebagai kredit.")
    assert detail_text(
        "enrolment e-1 is held by branch OEB; branch KPG may not change or pay into it; the "
        "payment p-9 is kept as a credit") == (
        "Pendaftaran e-1 dipegang cabang OEB; cabang KPG tidak boleh mengubah atau membayar "
        "ke dalamnya. Pembayaran p-9 disimpan sebagai kredit.")
    assert detail_text("enrolment e-2 is broken; only a running plan breaks") == (
        "Pendaftaran e-2 berstatus putus; hanya rencana yang berjalan yang dapat putus.")
    assert detail_text("head office does not know event type 'meter.read'") == (
        "Kantor pusat tidak mengenal jenis kejadian meter.read.")
    assert detail_text("schedule must be a list") == ""  # not known: the page keeps it apart


def test_every_event_type_the_rules_know_has_its_words() -> None:
    known = {"enrolment.paid", "instalment.paid", "payment.voided", "plan.broken",
             "work_order.done", "customer.change_requested", *SHIFT_TYPES, *INFORMATION_TYPES}
    assert sorted(t for t in known if event_text(t) == words.UNKNOWN_EVENT_TYPE) == []
    assert event_text("meter.read") == words.UNKNOWN_EVENT_TYPE


def test_every_rejection_code_has_its_words() -> None:
    source = "".join(p.read_text(encoding="utf-8") for p in
                     (CONSOLE.parent).glob("*.py"))
    codes = set(re.findall(r'Rejected\("(\w+)"', source)) | {"sequence_backwards"}
    assert len(codes) > 10
    assert sorted(c for c in codes if reason_text(c) == c) == []


def test_exceptions_read_in_indonesian_and_unknown_event_types_in_words(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    enrol(branch, cashier, "50400077")  # head office does not hold this customer
    events = outbox(branch)
    events.append({"id": str(uuid.uuid4()), "seq": events[-1]["seq"] + 1,
                   "type": "meter.read", "created_at": events[-1]["created_at"],
                   "payload": {"cashier": "kasir", "branch": "KPG"}})
    answer = ho.push(kpg[1], kpg[0], events)
    assert statuses(answer).count("rejected") == 2, answer.text
    staff_user(ho.db, "direktur", "manager")
    with console(ho.url, "direktur") as manager:
        page = manager.get("/console/exceptions").text
        assert "Kantor pusat tidak mengenal pelanggan 50400077." in page
        assert "Kantor pusat tidak mengenal jenis kejadian meter.read." in page
        assert "Jenis kejadian tidak dikenal <code>meter.read</code>" in page
        assert "head office has no customer" not in page
        assert "does not know event type" not in page
        assert post_form(manager, "/console/exceptions", "/console/language",
                         {"language": "en", "next": "/console/exceptions"}).status_code == 303
        page = manager.get("/console/exceptions").text
        assert "head office has no customer 50400077" in page
        assert "Unknown event type <code>meter.read</code>" in page


def test_dates_and_files_are_asked_in_the_console_s_own_words(
        ho: HeadOffice, browser: Browser, tmp_path: Path) -> None:
    """Chromium draws its date and file widgets in the browser's language (here
    English): the console asks for them with fields of its own, in Indonesian."""
    staff_user(ho.db, "teknisi", "it")
    staff_user(ho.db, "direktur", "manager")
    context = browser.new_context(viewport=OFFICE_SCREEN, locale="en-US")
    try:
        page = context.new_page()
        sign_in(page, ho.url, "direktur", PASSWORD)
        for path in ("/console/evaluation", "/console/reconciliation"):
            page.goto(f"{ho.url}{path}")
            assert page.locator("html").get_attribute("lang") == "id"
            assert page.locator("input[type=date]").count() == 0
            dates = page.locator("input[inputmode=numeric]")
            assert dates.count() >= 1
            for i in range(dates.count()):
                assert dates.nth(i).get_attribute("placeholder") == "TTTT-BB-HH"
        page.get_by_role("button", name="Keluar").click()
        sign_in(page, ho.url, "teknisi", PASSWORD)
        page.goto(f"{ho.url}/console/terms")
        field = page.locator("label.file-field").first
        expect(field).to_contain_text("Pilih file")
        expect(field.locator(".file-none")).to_be_visible()
        expect(field.locator(".file-none")).to_have_text("Belum ada file dipilih")
        box = field.locator("input[type=file]").bounding_box()
        assert box is not None and box["width"] <= 1 and box["height"] <= 1
        terms = tmp_path / "buka-segel.toml"
        terms.write_text("# ketentuan\n", encoding="utf-8")
        field.locator("input[type=file]").set_input_files(terms)
        expect(field.locator(".file-chosen")).to_be_visible()
        expect(field.locator(".file-chosen")).to_contain_text("File dipilih")
        expect(field.locator(".file-name")).to_have_text("buka-segel.toml")
        expect(field.locator(".file-none")).to_be_hidden()
    finally:
        context.close()
