"""The console's work: change requests, exceptions and credits, counters, customers,
reconciliation — as staff use them over HTTP, each refusal changing nothing."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.customer_changes import list_change_requests, request_customer_change
from app.services.sync import HttpTransport, pull_changes
from headoffice.console.tables import StaffAudit
from headoffice.models import ChangeRequest, Customer, EnrolmentCode, SyncException
from tests.headoffice.conftest import CUSTOMER, HeadOffice, enrol, outbox, statuses
from tests.headoffice.console_helpers import console, post_form, staff_user
from tests.support.fakes import add_customer

SCRIPT = "<script>alert('x')</script>"


def push_all(ho: HeadOffice, branch: BranchDatabase, kpg: tuple[str, str]) -> list[str]:
    response = ho.push(kpg[1], kpg[0], outbox(branch))
    assert response.status_code == 200, response.text
    return statuses(response)


def request_state(ho: HeadOffice) -> str:
    with ho.db.reading() as session:
        return session.scalars(select(ChangeRequest.state)).one()


def audit_of(ho: HeadOffice, action: str) -> list[str]:
    with ho.db.reading() as session:
        return [f"{a.username} {a.target} {a.detail}" for a in session.scalars(
            select(StaffAudit).where(StaffAudit.action == action))]


def test_a_change_request_is_approved_in_the_console_and_the_branch_pulls_it(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    add_customer(branch, CUSTOMER)
    asked = request_customer_change(branch.writing(), cashier, CUSTOMER,
                                    {"phone": "081339120044"}, f"pindah {SCRIPT}")
    assert set(push_all(ho, branch, kpg)) == {"applied"}
    staff_user(ho.db, "hublang", "customer_service")
    staff_user(ho.db, "keuangan", "finance")
    page = "/console/change-requests"
    with console(ho.url, "keuangan") as finance:
        assert finance.get(page).status_code == 403
        with ho.db.reading() as session:
            request_id = str(session.scalars(select(ChangeRequest.id)).one())
        refused = finance.post(f"{page}/{request_id}/decide",
                               data={"verdict": "approve", "csrf": "x"})
        assert refused.status_code == 403
    assert request_state(ho) == "pending"
    with console(ho.url, "hublang") as client:
        listing = client.get(page).text
        assert "081234567890" in listing and "081339120044" in listing  # now vs asked
        assert SCRIPT not in listing and "&lt;script&gt;" in listing
        done = post_form(client, page, f"{page}/{request_id}/decide",
                         {"verdict": "approve", "note": "sesuai KTP"})
        assert done.status_code == 303
        assert "disetujui" in client.get(done.headers["location"]).text
    assert request_state(ho) == "approved"
    assert audit_of(ho, "change_request.approve") == [f"hublang #{request_id} {CUSTOMER} "
                                                      "phone; sesuai KTP"]
    pull_changes(branch.writing, HttpTransport(ho.url, kpg[1], timeout=10))
    [seen] = list_change_requests(branch.reading(), CUSTOMER)
    assert (seen.uuid, seen.state, seen.decided_by) == (asked.uuid, "approved", "hublang")


def test_a_stale_request_is_refused_and_a_rejection_needs_a_note(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    add_customer(branch, CUSTOMER)
    request_customer_change(branch.writing(), cashier, CUSTOMER, {"phone": "081339120055"},
                            "nomor baru")
    push_all(ho, branch, kpg)
    with ho.db.writing() as session:
        customer = session.scalars(select(Customer).where(
            Customer.connection_no == CUSTOMER)).one()
        customer.version += 1
        asked_id = session.scalars(select(ChangeRequest.id)).one()  # ids go on across tests
    decide = f"/console/change-requests/{asked_id}/decide"
    staff_user(ho.db, "hublang", "customer_service")
    page = "/console/change-requests"
    with console(ho.url, "hublang") as client:
        assert "berubah sejak cabang melihatnya" in client.get(page).text
        stale = post_form(client, page, decide, {"verdict": "approve"})
        assert stale.status_code == 409
        assert "Pelanggan berubah sejak permintaan dibuat" in stale.text
        assert "changed since the request" not in stale.text  # no English beside the words
        no_note = post_form(client, page, decide, {"verdict": "reject"})
        assert no_note.status_code == 409
        assert request_state(ho) == "pending"
        rejected = post_form(client, page, decide,
                             {"verdict": "reject", "note": f"bukti kurang {SCRIPT}"})
        assert rejected.status_code == 303
        listing = client.get(page, params={"state": "all"}).text
        assert SCRIPT not in listing and "bukti kurang &lt;script&gt;" in listing
    assert request_state(ho) == "rejected"


def test_an_exception_is_resolved_or_reapplied_with_its_credit_shown(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    enrol(branch, cashier, "50400077")  # head office does not hold this customer
    assert "rejected" in push_all(ho, branch, kpg)
    staff_user(ho.db, "keuangan", "finance")
    staff_user(ho.db, "direktur", "manager")
    page = "/console/exceptions"
    with console(ho.url, "direktur") as manager:
        text = manager.get(page).text
        assert "Kantor pusat tidak mengenal pelanggan ini." in text
        assert "Rp 500.000" in text and "50400077" in text  # the credit
        assert "/decide" not in text  # a manager reads, decides nothing
    with console(ho.url, "keuangan") as client:
        with ho.db.reading() as session:
            exception_id = session.scalars(select(SyncException.id)).one()
        still = post_form(client, page, f"{page}/{exception_id}/decide", {"verdict": "reapply"})
        assert still.status_code == 409 and "masih belum dapat diterapkan" in still.text
        assert "still cannot be applied" not in still.text
        ho.add_customer("50400077")
        again = post_form(client, page, f"{page}/{exception_id}/decide", {"verdict": "reapply"})
        assert again.status_code == 303
        assert "Tidak ada pengecualian terbuka." in client.get(page).text
        assert "Tidak ada kredit yang menunggu." in client.get(page).text
    assert len(audit_of(ho, "exception.reapply")) == 1


def test_resolving_needs_a_note_and_the_note_is_shown_as_text(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    enrol(branch, cashier, "50400078")
    push_all(ho, branch, kpg)
    staff_user(ho.db, "keuangan", "finance")
    page = "/console/exceptions"
    with console(ho.url, "keuangan") as client:
        unknown = post_form(client, page, f"{page}/987654/decide",
                            {"verdict": "resolve", "note": "x"})
        assert unknown.status_code == 409 and "Pengecualian ini tidak ada." in unknown.text
        with ho.db.reading() as session:
            exception_id = session.scalars(select(SyncException.id)).one()
        empty = post_form(client, page, f"{page}/{exception_id}/decide", {"verdict": "resolve"})
        assert empty.status_code == 409 and "Tuliskan apa yang dilakukan" in empty.text
        done = post_form(client, page, f"{page}/{exception_id}/decide",
                         {"verdict": "resolve", "note": f"uang dikembalikan {SCRIPT}"})
        assert done.status_code == 303
        listing = client.get(page, params={"all": "1"}).text
        assert SCRIPT not in listing and "uang dikembalikan &lt;script&gt;" in listing


def test_a_counter_registered_in_the_console_uses_its_code(ho: HeadOffice) -> None:
    staff_user(ho.db, "ti", "it")
    staff_user(ho.db, "hublang", "customer_service")
    page = "/console/counters"
    with console(ho.url, "hublang") as other:
        refused = other.post(f"{page}/register", data={"csrf": "x", "branch": "KPG",
                                                       "counter": "L07"})
        assert refused.status_code == 403
    with console(ho.url, "ti") as client:
        refused = post_form(client, "/console/", f"{page}/register",
                            {"branch": "KPG", "counter": "L07"})
        assert refused.status_code == 200  # the token of any console page is the session's
        code = re.search(r'id="one-time-code">([A-Z0-9-]+)<', refused.text)
        assert code and 'src="data:image/svg+xml' in refused.text
    with ho.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(EnrolmentCode)) == 1
    registered = ho.client.post("/api/v1/devices/register", json={
        "code": code.group(1), "device_id": "7d1c3f4e-0000-4000-8000-000000000007",
        "branch": "KPG", "counter": "L07"})
    assert registered.status_code == 200, registered.text
    with console(ho.url, "ti") as client:
        listing = client.get(page).text
        assert "7d1c3f4e-0000-4000-8000-000000000007" in listing
        assert "tidak terdengar" not in listing.split("<table>")[1]
        revoked = post_form(client, page,
                            f"{page}/7d1c3f4e-0000-4000-8000-000000000007/revoke",
                            {"confirm": "yes"})
        assert revoked.status_code == 303
    assert ho.pull(registered.json()["token"]).status_code == 403
    assert [a.split()[0] for a in audit_of(ho, "counter.register")] == ["ti"]


def test_customers_are_found_and_shown_with_their_money(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    enrol(branch, cashier)
    push_all(ho, branch, kpg)
    with ho.db.writing() as session:
        customer = session.scalars(select(Customer).where(
            Customer.connection_no == CUSTOMER)).one()
        customer.name = f"Yakobus {SCRIPT}"
    staff_user(ho.db, "hublang", "customer_service")
    with console(ho.url, "hublang") as client:
        for words in ("yakobus", CUSTOMER[:5], "jl. uji"):
            found = client.get("/console/customers", params={"q": words}).text
            assert f'href="/console/customers/{CUSTOMER}"' in found, words
            assert SCRIPT not in found
        view = client.get(f"/console/customers/{CUSTOMER}").text
        assert "Rp 500.000" in view and "cicilan dibayar 0 / 3" in view
        assert SCRIPT not in view and "Yakobus &lt;script&gt;" in view
        assert client.get("/console/customers/99999999").status_code == 404
        assert client.get("/console/reconciliation").status_code == 403


def test_reconciliation_lists_each_branch_day(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    enrol(branch, cashier)
    push_all(ho, branch, kpg)
    staff_user(ho.db, "keuangan", "finance")
    with console(ho.url, "keuangan") as client:
        text = client.get("/console/reconciliation").text
    assert "Pendaftaran dan uang muka" in text and "Rp 500.000" in text
    assert "belum dilaporkan" in text
