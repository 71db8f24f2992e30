"""Details an office user meets in the console: its own pages for a wrong address and a
server error, a confirmation step before revoking a counter or disabling a staff user,
a counter's last sync (push or pull), and codes shown as words."""

from __future__ import annotations

import datetime as dt

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from headoffice.models import Device, Event, Terms
from tests.headoffice.conftest import CUSTOMER, HeadOffice, enrol
from tests.headoffice.console_helpers import console, post_form, sign_in, staff_user
from tests.headoffice.test_console_queues import audit_of, push_all

DEVICE = "7d1c3f4e-0000-4000-8000-0000000000d1"


def test_an_unknown_console_address_is_the_consoles_own_page_not_json(ho: HeadOffice) -> None:
    staff_user(ho.db, "direktur", "manager")
    with console(ho.url) as anonymous:
        page = anonymous.get("/console/no-such-page")
        assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
        assert "Halaman tidak ditemukan" in page.text and "Kembali ke beranda" in page.text
    with console(ho.url, "direktur") as client:
        for path in ("/console/no-such-page", "/console/customers/12/extra",
                     "/console/evaluation.docx"):
            page = client.get(path)
            assert page.status_code == 404, path
            assert page.headers["content-type"].startswith("text/html"), path
            assert "Alamat ini tidak ada di konsol" in page.text, path
            assert 'href="/console/evaluation"' in page.text  # the menu is there
        english = post_form(client, "/console/", "/console/language", {"language": "en",
                                                                      "next": "/console/"})
        assert english.status_code == 303
        assert "Page not found" in client.get("/console/nothing").text
    api = ho.client.get("/api/v1/no-such-thing")
    assert api.status_code == 404 and api.json()["error"] == "not_found"  # the API: as before


def test_a_server_error_is_an_html_page_inside_the_console(ho: HeadOffice) -> None:
    staff_user(ho.db, "direktur", "manager")
    with ho.db.writing() as session:  # a damaged terms row: the evaluation cannot read it
        session.add(Terms(code="RUSAK", version=1, name="Rusak", body="{not json",
                          checksum="0" * 64, published_at=dt.datetime(2026, 1, 1)))
    with console(ho.url, "direktur") as client:
        page = client.get("/console/evaluation")
        assert page.status_code == 500
        assert page.headers["content-type"].startswith("text/html")
        assert "Terjadi kesalahan" in page.text and "beri tahu TI" in page.text
        assert 'href="/console/counters"' in page.text  # inside the console, menu and all
        assert "Traceback" not in page.text and "JSONDecodeError" not in page.text
    with console(ho.url, "direktur") as client:  # the server closed that connection
        assert client.get("/console/counters").status_code == 200  # the rest still works


def _counter_in_list(client_text: str) -> str:
    return client_text.split(DEVICE)[1].split("</tr>")[0]


def test_revoking_a_counter_asks_first_and_says_which_was_revoked(ho: HeadOffice) -> None:
    token = ho.register(DEVICE, "KPG", "L05")
    staff_user(ho.db, "ti", "it")
    page = "/console/counters"
    with console(ho.url, "ti") as client:
        listing = client.get(page).text
        assert f'href="/console/counters/{DEVICE}/revoke"' in listing  # a link, not a post
        question = client.get(f"{page}/{DEVICE}/revoke")
        assert question.status_code == 200
        assert "Cabut loket ini?" in question.text and "KPG" in question.text
        assert "L05" in question.text and "Ya, cabut loket" in question.text
        assert ho.pull(token).status_code == 200  # asking changed nothing
        unconfirmed = post_form(client, page, f"{page}/{DEVICE}/revoke", {})
        assert unconfirmed.status_code == 200 and "Cabut loket ini?" in unconfirmed.text
        assert ho.pull(token).status_code == 200  # a post without the answer neither
        done = post_form(client, f"{page}/{DEVICE}/revoke", f"{page}/{DEVICE}/revoke",
                         {"confirm": "yes"})
        assert done.status_code == 303
        shown = client.get(done.headers["location"]).text
        assert "Loket KPG L05 dicabut" in shown
        assert "dicabut" in _counter_in_list(shown)
        again = client.get(f"{page}/{DEVICE}/revoke")  # already revoked: nothing to ask
        assert again.status_code == 303
    assert ho.pull(token).status_code == 403
    assert [a.split()[:3] for a in audit_of(ho, "counter.revoke")] == [["ti", "KPG", "L05"]]


def test_disabling_a_staff_user_asks_first_and_says_who(ho: HeadOffice) -> None:
    staff_user(ho.db, "ti", "it")
    staff_user(ho.db, "hublang", "customer_service", "Maria Hublang")
    page = "/console/staff"
    with console(ho.url, "hublang") as other:
        assert other.get(f"{page}/hublang/disable").status_code == 403  # not their area
    with console(ho.url, "ti") as client:
        question = client.get(f"{page}/hublang/disable")
        assert question.status_code == 200
        assert "Nonaktifkan staf ini?" in question.text and "Maria Hublang" in question.text
        assert "Hubungan Pelanggan" in question.text  # the role in words
        unconfirmed = post_form(client, page, f"{page}/hublang/disable", {})
        assert unconfirmed.status_code == 200 and "Ya, nonaktifkan" in unconfirmed.text
        with console(ho.url) as anyone:
            assert sign_in(anyone, "hublang").status_code == 303  # still active
        done = post_form(client, page, f"{page}/hublang/disable", {"confirm": "yes"})
        assert done.status_code == 303
        assert "Staf hublang dinonaktifkan" in client.get(done.headers["location"]).text
        unknown = client.get(f"{page}/nobody/disable")
        assert unknown.status_code == 303
        assert "Staf itu tidak ada." in client.get(unknown.headers["location"]).text
    with console(ho.url) as anyone:
        assert sign_in(anyone, "hublang").status_code != 303


def test_a_counters_last_sync_is_its_later_push_or_pull(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    staff_user(ho.db, "ti", "it")
    with console(ho.url, "ti") as client:
        assert "belum pernah" in client.get("/console/counters").text
        assert ho.pull(kpg[1]).status_code == 200
        line = client.get("/console/counters").text.split(kpg[0])[1].split("</tr>")[0]
        assert "(ambil)" in line and "UTC" in line and "belum pernah" not in line
        enrol(branch, cashier)
        assert set(push_all(ho, branch, kpg)) == {"applied"}
        line = client.get("/console/counters").text.split(kpg[0])[1].split("</tr>")[0]
        assert "(kirim)" in line
        with ho.db.writing() as session:  # both a day and more ago: silent
            device = session.get(Device, kpg[0])
            assert device is not None and device.last_push_at and device.last_pull_at
            device.last_push_at -= dt.timedelta(days=2)
            device.last_pull_at -= dt.timedelta(days=1, hours=1)
            device.registered_at -= dt.timedelta(days=3)
        line = client.get("/console/counters").text.split(kpg[0])[1].split("</tr>")[0]
        assert "(ambil)" in line and "tidak terdengar lebih dari sehari" in line


def test_codes_are_shown_as_words(ho: HeadOffice, branch: BranchDatabase, cashier: Actor,
                                  kpg: tuple[str, str]) -> None:
    enrol(branch, cashier)
    push_all(ho, branch, kpg)
    staff_user(ho.db, "direktur", "manager")
    staff_user(ho.db, "ti", "it")
    with console(ho.url, "ti") as client:
        post_form(client, "/console/counters", "/console/counters/register",
                  {"branch": "OEB", "counter": "L03"})
    with console(ho.url, "direktur") as client:
        view = client.get(f"/console/customers/{CUSTOMER}").text
        assert "uang muka" in view and "tunai" in view and "berjalan" in view
        for code in ("down_payment", ">cash<", ">active<"):
            assert code not in view, code
        trail = client.get("/console/audit").text
        assert "loket didaftarkan" in trail and "masuk" in trail
        assert "counter.register" not in trail and ">signin<" not in trail
        assert "kode sekali pakai berlaku sampai" in trail and "berhasil masuk" in trail
        assert "signed in" not in trail and "valid until" not in trail
        post_form(client, "/console/", "/console/language", {"language": "en",
                                                            "next": "/console/"})
        view = client.get(f"/console/customers/{CUSTOMER}").text
        assert "down payment" in view and ">cash<" in view and "running" in view
        assert "signed in" in client.get("/console/audit").text  # as recorded


def test_reconciliation_shows_a_readable_page_and_says_how_to_see_the_rest(
        ho: HeadOffice) -> None:
    ho.register(DEVICE, "ALK", "L02")
    start = dt.date(2025, 1, 1)
    with ho.db.writing() as session:  # 130 days of one event each: 130 lines
        session.add_all(Event(id=f"00000000-0000-4000-8000-{n:012d}", device_id=DEVICE,
                              branch_code="ALK", seq=n + 1, type="instalment.paid",
                              created_at=dt.datetime(2025, 1, 1), payload={},
                              business_date=start + dt.timedelta(days=n), amount=1000,
                              status="applied", received_at=dt.datetime(2025, 1, 1))
                        for n in range(130))
    staff_user(ho.db, "keuangan", "finance")
    with console(ho.url, "keuangan") as client:
        page = client.get("/console/reconciliation").text
        assert page.count("belum dilaporkan") == 100
        assert "Ditampilkan 100 dari 130 baris" in page
        one_day = client.get("/console/reconciliation",
                             params={"branch": "ALK", "day": "2025-05-10"}).text
        assert one_day.count("belum dilaporkan") == 1 and "Ditampilkan" not in one_day


def test_a_customer_search_without_results_says_so_and_what_to_try(ho: HeadOffice) -> None:
    staff_user(ho.db, "hublang", "customer_service")
    with console(ho.url, "hublang") as client:
        empty = client.get("/console/customers").text
        assert "Ketik nomor sambungan, sebagian nama atau alamat" in empty
        nothing = client.get("/console/customers", params={"q": "zzzzqq"}).text
        assert "0 pelanggan ditemukan" in nothing and "Tidak ada pelanggan yang cocok" in nothing
