"""The evaluation page of the console: over HTTP (roles, filters, refusals, exports,
escaping) and in Debian's Chromium at 1366×768 (sign in, the figures against the
database, the XLSX downloaded and opened)."""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import io
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from markupsafe import escape
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import func, select

from headoffice.changes import customer_changed
from headoffice.console.web import rupiah
from headoffice.evaluation import cache
from headoffice.evaluation.cache import remake_after_change
from headoffice.evaluation.figures import Evaluation
from headoffice.evaluation.service import newest_evaluation, programme_evaluation
from headoffice.models import Customer, Enrolment, Payment
from tests.headoffice.browser import OFFICE_SCREEN, chromium, sign_in
from tests.headoffice.console_helpers import PASSWORD, console, staff_user
from tests.headoffice.evaluation_world import World, evaluation_world

PAGE = "/console/evaluation"
EARLIER = 'data-figures="earlier"'  # the note over figures made before the latest change


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with evaluation_world(tmp_path_factory.mktemp("console")) as built:
        for username, role in (("pimpinan", "manager"), ("layanan", "customer_service"),
                               ("kasir-pusat", "finance"), ("teknisi", "it")):
            staff_user(built.office.db, username, role, username.title())
        yield built


@pytest.fixture
def manager(world: World) -> Iterator[httpx.Client]:
    with console(world.office.url, "pimpinan") as client:
        yield client


def evaluate(world: World, **kwargs: object) -> Evaluation:
    with world.office.db.reading() as session:
        return programme_evaluation(session, **kwargs)  # type: ignore[arg-type]


def shown(page: httpx.Response, text: str) -> bool:
    return html.escape(text) in page.text


def test_the_manager_sees_the_figures_of_the_service(world: World,
                                                     manager: httpx.Client) -> None:
    page = manager.get(PAGE, params={"to": "2026-01-31"})
    assert page.status_code == 200
    e = evaluate(world, date_to=dt.date(2026, 1, 31))
    assert e.totals.collected > 0
    for line in e.by_branch:
        row = page.text.split(f"<tr><td>{line.name}</td>")[1].split("</tr>")[0]
        assert rupiah(line.figures.collected) in row and rupiah(line.figures.outstanding) in row
    for figure in (rupiah(e.totals.collected), rupiah(e.totals.penalty_waived),
                   rupiah(4_700_000_000), "Perbandingan cabang", "data:image/svg+xml;base64,"):
        assert shown(page, figure), figure
    assert 'href="/console/evaluation.xlsx?programme=&amp;from=&amp;to=2026-01-31' in page.text


def test_one_branch_and_its_figures(world: World, manager: httpx.Client) -> None:
    page = manager.get(PAGE, params={"branch": "oeb", "to": "2026-01-31"})
    e = evaluate(world, branch="OEB", date_to=dt.date(2026, 1, 31))
    assert page.status_code == 200 and "cabang OEB" in page.text
    assert shown(page, rupiah(e.totals.collected))
    assert e.totals.collected != evaluate(world, date_to=dt.date(2026, 1, 31)).totals.collected


@pytest.mark.parametrize(("params", "message"), [
    ({"from": "17-11-2025"}, "Tanggal tidak valid"),
    ({"from": "2025-12-02", "to": "2025-12-01"}, "Tanggal akhir sebelum tanggal awal"),
    ({"branch": "XYZ"}, "Cabang itu tidak dikenal."),
    ({"programme": "<b>LAIN</b>"}, "Program itu tidak dikenal."),
])
def test_bad_filters_are_refused_in_words(manager: httpx.Client, params: dict[str, str],
                                          message: str) -> None:
    page = manager.get(PAGE, params=params)
    assert page.status_code == 200 and message in page.text
    assert "<b>LAIN</b>" not in page.text
    export = manager.get("/console/evaluation.xlsx", params=params)
    assert export.status_code == 400 and message in export.text


@pytest.mark.parametrize("username", ["layanan", "kasir-pusat", "teknisi"])
def test_other_roles_may_not_open_the_evaluation(world: World, username: str) -> None:
    with console(world.office.url, username) as client:
        for path in (PAGE, "/console/evaluation.pdf", "/console/evaluation.xlsx"):
            answer = client.get(path)
            assert answer.status_code == 403 and "Tidak diizinkan" in answer.text
        assert "Evaluasi program" not in client.get("/console/").text.split("<main")[0]
    with console(world.office.url) as anonymous:
        assert anonymous.get("/console/evaluation.pdf").status_code == 303


def test_the_exports_download_with_the_filters(world: World, manager: httpx.Client) -> None:
    pdf = manager.get("/console/evaluation.pdf", params={"branch": "KPG"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-disposition"] == (
        'attachment; filename="evaluasi-buka-segel-2025-11-17-2025-12-31-kpg.pdf"')
    xlsx = manager.get("/console/evaluation.xlsx", params={"to": "2026-01-31"})
    book = load_workbook(io.BytesIO(xlsx.content))
    total = next(r for r in book["Per cabang"].iter_rows(values_only=True) if r[0] == "Jumlah")
    assert evaluate(world, date_to=dt.date(2026, 1, 31)).totals.collected in total
    assert manager.get("/console/evaluation.csv").status_code == 404


def test_names_from_the_billing_system_are_shown_as_text(world: World,
                                                         manager: httpx.Client) -> None:
    hostile = '<img src=x onerror="alert(1)">'
    assert manager.get(PAGE).status_code == 200  # kept until head office's data changes
    number, old = rename_kelurahan(world, hostile)
    try:
        page = manager.get(PAGE)  # the figures made before, while they are made again
        assert EARLIER in page.text and str(escape(hostile)) not in page.text
        page = current(manager, PAGE)
        assert hostile not in page.text and str(escape(hostile)) in page.text
    finally:
        rename_kelurahan(world, old, number)
        current(manager, PAGE)


def test_after_a_change_the_page_answers_at_once_and_is_made_again_later(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page never waits for the evaluation to be made again: after a change it shows the
    one made before (saying so) and has it made once it has answered; a push has it made
    again without a page asking."""
    monkeypatch.setattr(cache, "SETTLE", 0.0)  # pushes long apart, as it were
    monkeypatch.setattr(cache, "SHARE", 1e9)
    db = world.office.db
    later: list[Callable[[], None]] = []
    with db.reading() as session:
        before = newest_evaluation(session, db, later.append)
    assert before.current and later == []
    number, old = rename_kelurahan(world, "Kelurahan Baru")
    try:
        with db.reading() as session:
            shown = newest_evaluation(session, db, later.append)
        assert not shown.current and shown.value.made_at == before.value.made_at
        assert "Kelurahan Baru" not in {k.name for k in shown.value.by_kelurahan}
        assert len(later) == 1
        later[0]()  # what the page runs once it has answered
        with db.reading() as session:
            made = newest_evaluation(session, db, later.append)
        assert made.current and "Kelurahan Baru" in {k.name for k in made.value.by_kelurahan}
        assert len(later) == 1
    finally:
        rename_kelurahan(world, old, number)
    remake_after_change(db)  # as after a push: made again without a page asking
    with db.reading() as session:
        again = newest_evaluation(session, db, later.append)
    assert again.current and "Kelurahan Baru" not in {k.name for k in again.value.by_kelurahan}
    assert len(later) == 1


def test_pushes_close_together_leave_it_to_the_next_view(world: World) -> None:
    """A busy day's pushes do not make the evaluation again one after the other: within
    ``SETTLE`` seconds of the last one made, the next page view has it made."""
    db = world.office.db
    later: list[Callable[[], None]] = []
    cache.clear()
    with db.reading() as session:
        assert newest_evaluation(session, db, later.append).current  # made just now
    number, old = rename_kelurahan(world, "Kelurahan Lain")
    try:
        remake_after_change(db)  # a push right after: left alone
        with db.reading() as session:
            shown = newest_evaluation(session, db, later.append)
        assert not shown.current and len(later) == 1
        later[0]()
        with db.reading() as session:
            assert newest_evaluation(session, db, later.append).current
    finally:
        rename_kelurahan(world, old, number)


def current(client: httpx.Client, path: str) -> httpx.Response:
    """The page once its figures are current (made again after an earlier answer)."""
    deadline = time.monotonic() + 60
    while True:
        page = client.get(path)
        assert page.status_code == 200
        if EARLIER not in page.text:
            return page
        assert time.monotonic() < deadline, "the evaluation was not made again"
        time.sleep(0.1)


def rename_kelurahan(world: World, name: str, number: str | None = None) -> tuple[str, str]:
    """Give an enrolled customer's kelurahan another name, as a master-data import
    would (published to the branches); returns the connection number and the old name."""
    with world.office.db.writing() as session:
        number = number or session.scalars(select(Enrolment.connection_no)).first()
        customer = session.scalars(select(Customer).where(
            Customer.connection_no == number)).one()
        old, customer.kelurahan = customer.kelurahan, name
        customer_changed(session, customer)
        return customer.connection_no, old


@pytest.fixture
def page() -> Iterator[Page]:
    browser: Browser
    with chromium() as browser:
        context = browser.new_context(viewport=OFFICE_SCREEN, locale="id-ID",
                                      accept_downloads=True)
        try:
            yield context.new_page()
        finally:
            context.close()


def database_figures(world: World, end: dt.date) -> tuple[int, int]:
    """Straight from the tables: enrolments not cancelled in the range, and the money
    received towards plans (not voided, not kept as a credit)."""
    with world.office.db.reading() as session:
        enrolled = session.scalar(select(func.count()).select_from(Enrolment).where(
            Enrolment.state != "cancelled", Enrolment.business_date <= end))
        money = session.scalar(select(func.sum(Payment.amount)).where(
            Payment.voided.is_(False), Payment.applied.is_(True),
            Payment.enrolment_uuid.is_not(None), Payment.business_date <= end))
    return int(enrolled or 0), int(money or 0)


def test_in_chromium_the_director_reads_the_evaluation_and_exports_it(
        world: World, page: Page, tmp_path: Path) -> None:
    sign_in(page, world.office.url, "pimpinan", PASSWORD)
    page.get_by_role("navigation").get_by_role("link", name="Evaluasi program").click()
    expect(page.get_by_role("heading", name="Evaluasi program", level=1)).to_be_visible()
    page.get_by_label("Sampai").fill("2026-01-31")
    page.get_by_role("button", name="Tampilkan").click()
    expect(page).to_have_url(f"{world.office.url}{PAGE}?programme=BUKA-SEGEL&from=2025-11-17"
                             "&to=2026-01-31&branch=")
    enrolled, money = database_figures(world, dt.date(2026, 1, 31))
    expect(page.locator('[data-figure="enrolled"] strong')).to_have_text(str(enrolled))
    expect(page.locator('[data-figure="collected"] strong')).to_have_text(rupiah(money))
    expect(page.locator('table[data-table="cabang"] tfoot')).to_contain_text(rupiah(money))
    assert page.locator("img.chart").first.evaluate("i => i.naturalWidth") > 0
    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh XLSX").click()
    name = download.value.suggested_filename
    assert name == "evaluasi-buka-segel-2025-11-17-2026-01-31.xlsx"
    download.value.save_as(tmp_path / name)
    book = load_workbook(tmp_path / name)
    summary = dict(r for r in book["Ringkasan"].iter_rows(values_only=True, max_col=2)
                   if r[0])
    assert summary["Pendaftar (tanpa yang batal)"] == str(enrolled)
    assert summary["Tunggakan tertagih (uang muka + cicilan)"] == rupiah(money)


def test_a_started_server_has_the_first_views_made_before_anyone_asks(world: World) -> None:
    """``loket-headoffice serve`` makes the evaluation and the invitation list as it
    starts: the director's first view after a restart does not wait for them."""
    from headoffice.api import create_app
    from headoffice.outreach import audience

    async def start_and_wait(app: FastAPI, seconds: float) -> bool:
        async with app.router.lifespan_context(app):
            return await asyncio.to_thread(app.state.made_ahead.wait, seconds)

    cache.clear()
    assert not asyncio.run(start_and_wait(create_app(world.office.db.url, prepare=False), 0.5))
    assert len(cache.evaluations()) == 0, "nothing is made ahead unless asked to"

    app = create_app(world.office.db.url, prepare=False, make_ahead=True)
    assert asyncio.run(start_and_wait(app, 120))
    assert len(cache.evaluations()) == 1
    assert len(audience._invitations) == 1
    with world.office.db.reading() as session:
        kept = newest_evaluation(session, world.office.db, lambda _f: None)
    assert kept.current and kept.value == evaluate(world)
