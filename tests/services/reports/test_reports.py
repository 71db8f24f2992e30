"""The daily receipts report (LPP) and the programme progress report, PDF and XLSX."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import func, select

from app.bootstrap import BranchDatabase, open_branch
from app.cli.main import main
from app.models import Enrolment, EnrolmentState, Payment, Void
from app.models.database import database_path
from app.services.clock import FixedClock
from app.services.context import Actor, system_actor
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.instalments import InstalmentRequest, pay_instalment
from app.services.ledger.payments import Tender
from app.services.ledger.plans import check_broken_plans
from app.services.ledger.voids import VoidRequest, void_payment
from app.services.ledger.workorders import confirm_work_order, list_work_orders
from app.services.reports.issue import issue_lpp, issue_progress
from app.services.reports.lpp_data import LineStatus, ScopeNotFound, lpp_document
from app.services.reports.lpp_pdf import lpp_pdf
from app.services.reports.lpp_xlsx import lpp_xlsx
from app.services.reports.progress_data import progress_document
from app.services.reports.progress_pdf import progress_pdf
from app.services.reports.progress_xlsx import progress_xlsx
from app.services.shifts import CashCount, count_cash, current_shift, open_shift, sign_off
from app.services.sync import push_outbox
from tests.support.fakes import (
    CASHIER,
    DEMO_DAY,
    SUPERVISOR,
    actor_for,
    add_customer,
    monthly_bills,
)
from tests.support.pdfcheck import read_pdf, text_of
from tests.support.sync_fakes import FakeHeadOffice, connect

DAY1, DAY2 = dt.date(2025, 11, 24), dt.date(2025, 11, 25)
CUSTOMERS = (  # connection no, name, kelurahan, kecamatan
    ("20000001", "Yakob Ndun", "Penkase Oeleta", "Alak"),
    ("20000002", "Maria Bessie", "Oebobo", "Oebobo"),
    ("20000003", "Dominggus Lay", "Fatululi", "Oebobo"),
    ("20000004", "Ani Tefa", "Penkase Oeleta", "Alak"),
    ("20000005", "Rudi Manafe", "Kelapa Lima", "Kelapa Lima"),
)


@dataclass(frozen=True)
class Story:
    """Two business days at counter L01 (receipt numbers by name)."""

    cash_dp: str  # day 1, Yakob, cash 300,000
    transfer_dp: str  # day 1, Maria, transfer 300,000
    qris_dp: str  # day 1, Dominggus, QRIS 400,000
    voided_dp: str  # day 1, Ani, cash 300,000, voided the same shift
    instalment: str  # day 1, Yakob, cash 100,000, voided (refunded) on day 2
    day2_dp: str  # day 2, Rudi, cash 300,000
    day1_shift: str
    day2_shift: str


def tender(amount: int, method: str = "cash", reference: str = "") -> Tender:
    return Tender(amount, amount, method, reference)


def enrol(branch: BranchDatabase, actor: Actor, no: str, pay: Tender) -> str:
    return enrol_and_pay(branch.writing(), actor, EnrolRequest(no, 3, pay)).receipt_no


def tell_story(branch: BranchDatabase, clock: FixedClock) -> Story:
    """Day 1: four enrolments (one voided at once) and an instalment; the cash is counted
    Rp 50,000 short and a supervisor signs off. Day 2: a new shift refunds day 1's
    instalment and takes one more enrolment; the shift is still open."""
    cashier = actor_for(branch, CASHIER[0])
    open_shift(branch.writing(), cashier, 500_000)
    for no, name, kelurahan, kecamatan in CUSTOMERS:
        add_customer(branch, no, name=name, kelurahan=kelurahan, kecamatan=kecamatan,
                     bills=monthly_bills("2024-01", 10, 60_000))
    cash_dp = enrol(branch, cashier, "20000001", tender(300_000))
    clock.advance(minutes=20)
    transfer_dp = enrol(branch, cashier, "20000002", tender(300_000, "transfer", "TRF-0001"))
    clock.advance(minutes=20)
    qris_dp = enrol(branch, cashier, "20000003", tender(400_000, "qris", "QR-7781"))
    clock.advance(minutes=20)
    voided_dp = enrol(branch, cashier, "20000004", tender(300_000))
    void_payment(branch.writing(), cashier, VoidRequest(voided_dp, "salah pelanggan",
                                                        *SUPERVISOR))
    clock.advance(hours=1)
    instalment = pay_instalment(branch.writing(), cashier, InstalmentRequest(
        "20000001", tender(100_000))).receipt_no
    day1_shift = current_shift(branch.reading(), cashier)
    assert day1_shift is not None
    clock.advance(hours=5)
    count_cash(branch.writing(), cashier, CashCount(notes={100_000: 8, 50_000: 1}))
    sign_off(branch.writing(), cashier, *SUPERVISOR, note="kurang Rp 50.000")
    clock.at = dt.datetime.combine(DAY2, dt.time(8, 30))
    day2 = open_shift(branch.writing(), cashier, 200_000)
    clock.advance(minutes=30)
    void_payment(branch.writing(), actor_for(branch, "spv"),
                 VoidRequest(instalment, "nominal salah", *SUPERVISOR))
    clock.advance(minutes=30)
    day2_dp = enrol(branch, cashier, "20000005", tender(300_000))
    return Story(cash_dp, transfer_dp, qris_dp, voided_dp, instalment, day2_dp,
                 day1_shift.uuid, day2.uuid)


@pytest.fixture(scope="module")
def story_template(branch_template: Path, tmp_path_factory: pytest.TempPathFactory
                   ) -> tuple[Path, Story]:
    """The story told once per module; each test gets a copy of its database."""
    data_dir = tmp_path_factory.mktemp("story") / "branch"
    data_dir.mkdir()
    shutil.copyfile(branch_template, database_path(data_dir))
    opened = open_branch(data_dir, clock=(clock := FixedClock(DEMO_DAY)))
    story = tell_story(opened, clock)
    opened.close()
    return database_path(data_dir), story


@dataclass(frozen=True)
class Told:
    branch: BranchDatabase
    story: Story
    clock: FixedClock

    @property
    def system(self) -> Actor:
        with self.branch.reading() as uow:
            return system_actor(uow.session)


@pytest.fixture
def told(tmp_path: Path, story_template: tuple[Path, Story]) -> Iterator[Told]:
    """A branch after the story, at 10:00 on day 2."""
    data_dir = tmp_path / "told"
    data_dir.mkdir()
    shutil.copyfile(story_template[0], database_path(data_dir))
    clock = FixedClock(dt.datetime.combine(DAY2, dt.time(10, 0)))
    opened = open_branch(data_dir, clock=clock)
    yield Told(opened, story_template[1], clock)
    opened.close()


def rows_of(sheet: Worksheet) -> list[tuple[object, ...]]:
    """The sheet's rows as values, empty cells at the end of a row dropped."""
    rows = []
    for row in sheet.iter_rows(values_only=True):
        values = list(row)
        while values and values[-1] is None:
            values.pop()
        rows.append(tuple(values))
    return rows


def test_lpp_lists_every_receipt_and_leaves_the_void_out_of_the_totals(told: Told) -> None:
    branch, story = told.branch, told.story
    doc = lpp_document(branch.reading(), DAY1)
    text = text_of(lpp_pdf(doc))
    for receipt_no in (story.cash_dp, story.transfer_dp, story.qris_dp, story.voided_dp,
                       story.instalment):
        assert receipt_no in text
    assert story.day2_dp not in text
    assert "BATAL: salah pelanggan" in text
    assert "Kwitansi BATAL: 1 lembar (Rp 300.000), tidak dihitung" in text
    assert "Tunai 2 Rp 400.000 Rp 0 Rp 400.000" in text  # the voided Rp 300,000 left out
    assert "Transfer bank 1 Rp 300.000 Rp 0 Rp 300.000" in text
    assert "QRIS 1 Rp 400.000 Rp 0 Rp 400.000" in text
    assert "Uang muka 3 Rp 1.000.000 Rp 0 Rp 1.000.000" in text
    assert "Total 4 Rp 1.100.000 Rp 0 Rp 1.100.000" in text
    assert doc.total == 1_100_000


def test_lpp_sets_expected_cash_against_the_signed_off_count(told: Told) -> None:
    branch = told.branch
    doc = lpp_document(branch.reading(), DAY1)
    (shift,) = doc.shifts
    assert (shift.opening_float, shift.cash_taken, shift.expected, shift.counted,
            shift.variance) == (500_000, 400_000, 900_000, 850_000, -50_000)
    text = text_of(lpp_pdf(doc))
    for expected in ("Modal awal (kas di laci saat dibuka) Rp 500.000",
                     "Penerimaan tunai Rp 400.000", "Kas seharusnya Rp 900.000",
                     "Kas dihitung Rp 850.000", "Selisih (dihitung − seharusnya) -Rp 50.000",
                     "Rp 100.000 8 Rp 800.000", "Rp 50.000 1 Rp 50.000",
                     "Disetujui oleh supervisor Spv", "Catatan: kurang Rp 50.000",
                     "Kasir", "Supervisor", "Mengetahui,", "Kepala Unit", "halaman 1 dari 1"):
        assert expected in text
    assert "SEMENTARA" not in text


def test_a_void_of_an_older_receipt_is_a_refund_where_it_was_made(told: Told) -> None:
    branch, story = told.branch, told.story
    day1 = lpp_document(branch.reading(), DAY1)
    later = next(x for x in day1.lines if x.receipt_no == story.instalment)
    assert later.status == LineStatus.VOIDED_LATER and later.counted == 100_000
    day2 = lpp_document(branch.reading(), DAY2)
    assert [x.receipt_no for x in day2.refunds] == [story.instalment]
    assert [x.receipt_no for x in day2.receipts] == [story.day2_dp]
    assert day2.total == 200_000
    cash = day2.by_method[0]
    assert (cash.received, cash.refunded, cash.net) == (300_000, 100_000, 200_000)
    (shift,) = day2.shifts
    assert (shift.expected, shift.counted, shift.variance) == (400_000, None, None)
    text = text_of(lpp_pdf(day2))
    assert "REFUND kwitansi 24 November 2025: nominal salah" in text
    assert "-Rp 100.000" in text and "belum dihitung" in text and "SEMENTARA" in text


def test_lpp_of_one_shift_and_unknown_scopes(told: Told) -> None:
    branch, story = told.branch, told.story
    one = lpp_document(branch.reading(), shift_uuid=story.day1_shift)
    assert one.day == DAY1 and one.shift_uuid == story.day1_shift
    assert len(one.receipts) == 5 and one.total == 1_100_000
    with pytest.raises(ScopeNotFound):
        lpp_document(branch.reading(), DAY1, shift_uuid=story.day2_shift)
    with pytest.raises(ScopeNotFound):
        lpp_document(branch.reading(), DAY1, counter_code="L99")


def test_a_long_lpp_paginates_with_the_header_row_on_every_page(
    branch: BranchDatabase, cashier: Actor, clock: FixedClock
) -> None:
    add_customer(branch, "30000001", name="Harun Bessie",
                 bills=monthly_bills("2021-01", 48, 100_000))
    numbers = [enrol_and_pay(branch.writing(), cashier, EnrolRequest(
        "30000001", 5, tender(2_400_000))).receipt_no]
    for _ in range(119):
        clock.advance(minutes=2)
        numbers.append(pay_instalment(branch.writing(), cashier, InstalmentRequest(
            "30000001", tender(1_000))).receipt_no)
    pages = read_pdf(lpp_pdf(lpp_document(branch.reading(), DAY1)))
    assert len(pages) >= 3
    for i, page in enumerate(pages, start=1):
        assert f"halaman {i} dari {len(pages)}" in page.text
        if any(number in page.text for number in numbers):
            assert "No. Kwitansi" in page.text  # the table's header row is repeated
        if i > 1:
            assert "Laporan Penerimaan Pembayaran · Loket 1 (L01) 24 November 2025" in page.text
    text = " ".join(page.text for page in pages)
    assert all(text.count(number) == 1 for number in numbers)
    assert "Rp 2.519.000" in text  # 2,400,000 + 119 × 1,000


def test_lpp_workbook_holds_numbers_and_dates(told: Told) -> None:
    branch, story = told.branch, told.story
    book = load_workbook(io.BytesIO(lpp_xlsx(lpp_document(branch.reading(), DAY1))))
    assert book.sheetnames == ["Kwitansi", "Total"]
    sheet = book["Kwitansi"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows.index(next(r for r in rows if r and r[0] == "No"))
    columns = {name: i for i, name in enumerate(rows[header])}
    first = rows[header + 1]
    assert first[columns["No. Kwitansi"]] == story.cash_dp
    assert first[columns["Waktu"]] == dt.datetime(2025, 11, 24, 9, 0)
    assert isinstance(first[columns["Tgl. kwitansi"]], dt.datetime)
    assert first[columns["Jumlah"]] == 300_000
    assert "Rp" in sheet.cell(row=header + 2, column=columns["Jumlah"] + 1).number_format
    voided = next(r for r in rows if r[columns["No. Kwitansi"]] == story.voided_dp)
    assert (voided[columns["Status"]], voided[columns["Alasan batal"]],
            voided[columns["Dihitung"]]) == ("BATAL", "salah pelanggan", 0)
    assert rows[header + 6][columns["Dihitung"]] == 1_100_000  # the total row
    totals = rows_of(book["Total"])
    assert ("Tunai", 2, 400_000, 0, 0, 400_000) in totals
    assert ("Kas seharusnya", 900_000) in totals and ("Selisih", -50_000) in totals


def test_progress_figures_match_the_database(told: Told) -> None:
    branch, system = told.branch, told.system
    maria = next(o for o in list_work_orders(branch.reading()) if o.connection_no == "20000002")
    confirm_work_order(branch.writing(), system, maria.number, DAY2, "Petrus")
    doc = progress_document(branch.reading())
    with branch.reading() as uow:
        enrolled = uow.session.scalar(select(func.count()).select_from(Enrolment).where(
            Enrolment.state != EnrolmentState.CANCELLED))
        collected = uow.session.scalar(select(func.sum(Payment.amount)).where(
            ~select(Void.id).where(Void.payment_id == Payment.id).exists()))
    t = doc.totals
    assert (t.enrolled, t.collected) == (enrolled, collected) == (4, 1_300_000)
    assert (t.down_payments, t.instalments, t.arrears_in_plans) == (1_300_000, 0, 2_400_000)
    assert (t.seals_opened, t.broken, t.cancelled) == (1, 0, 1)
    assert doc.customers_share == pytest.approx(4 / 7_000)
    assert doc.arrears_share == pytest.approx(1_300_000 / 4_700_000_000)
    assert {k.kelurahan: (k.figures.enrolled, k.figures.cancelled, k.figures.seals_opened)
            for k in doc.by_kelurahan} == {
        "Penkase Oeleta": (1, 1, 0), "Oebobo": (1, 0, 1), "Fatululi": (1, 0, 0),
        "Kelapa Lima": (1, 0, 0)}
    assert (doc.date_from, doc.date_to) == (dt.date(2025, 11, 17), DAY2)
    assert [d.cumulative_collected for d in doc.by_day][-3:] == [0, 1_000_000, 1_300_000]
    pdf = progress_pdf(doc)
    text = text_of(pdf)
    for expected in ("LAPORAN PERKEMBANGAN PROGRAM BUKA SEGEL 2025", "0,06%", "0,03%",
                     "4 pelanggan dari target 7.000",
                     "Rp 1.300.000 dari target Rp 4.700.000.000", "Penkase Oeleta",
                     "Kelapa Lima", "Rincian per kelurahan", "Rincian per hari",
                     "Sen 24 Nov 2025", "halaman 1 dari 2"):
        assert expected in text
    assert len(read_pdf(pdf)[0].text) > 0


def test_progress_workbook_sheets(told: Told) -> None:
    branch = told.branch
    book = load_workbook(io.BytesIO(progress_xlsx(progress_document(branch.reading()))))
    assert book.sheetnames == ["Ringkasan", "Per kelurahan", "Per hari"]
    summary = rows_of(book["Ringkasan"])
    assert ("Pelanggan disegel terjangkau", 4, 7_000, pytest.approx(4 / 7_000)) in summary
    assert ("Total uang diterima", 1_300_000) in summary
    by_day = [r for r in book["Per hari"].iter_rows(values_only=True)
              if isinstance(r[0], dt.datetime)]
    assert by_day[0][0] == dt.datetime(2025, 11, 17) and by_day[-1][0] == dt.datetime(2025, 11, 25)
    assert by_day[-1][-1] == 1_300_000
    kelurahan = [r for r in book["Per kelurahan"].iter_rows(values_only=True)
                 if r[1] == "Penkase Oeleta"]
    assert kelurahan[0][3] == 1
    assert book["Per hari"]._charts and book["Per kelurahan"]._charts


def test_broken_plans_count_on_the_day_they_break(told: Told) -> None:
    branch, system, clock = told.branch, told.system, told.clock
    clock.at = dt.datetime(2026, 1, 25, 7, 0)
    check_broken_plans(branch.writing(), system, clock.at.date())
    doc = progress_document(branch.reading(), "buka-segel", dt.date(2025, 11, 17),
                            dt.date(2026, 1, 31))
    assert doc.totals.broken == 4 and doc.totals.enrolled == 4
    assert [d.figures.broken for d in doc.by_day if d.day == dt.date(2026, 1, 25)] == [4]


def test_a_plan_head_office_refused_is_no_enrolment_and_its_money_a_credit(told: Told) -> None:
    """Dominggus (Fatululi, QRIS Rp 400.000 down on day 1) was enrolled at another branch
    first: head office refuses his plan at the sync on day 2 and keeps the money as a
    credit until the branch refunds it."""
    branch, story = told.branch, told.story
    office = FakeHeadOffice()
    office.state.enrolled["20000003"] = "5b0d7c1e-0000-4000-8000-00000000a5b0"  # SBU's plan
    push_outbox(branch.writing, connect(branch, office))

    doc = progress_document(branch.reading())
    t = doc.totals
    assert (t.enrolled, t.down_payments, t.collected, t.arrears_in_plans) == (
        3, 900_000, 900_000, 1_800_000)
    assert (t.refused, t.refused_credit, t.cancelled) == (1, 400_000, 1)
    assert doc.customers_share == pytest.approx(3 / 7_000)
    fatululi = next(k for k in doc.by_kelurahan if k.kelurahan == "Fatululi")
    assert (fatululi.figures.enrolled, fatululi.figures.refused) == (0, 1)
    assert doc.by_kelurahan[-1] is fatululi  # no enrolment: listed last
    days = {d.day: d for d in doc.by_day}
    assert (days[DAY1].figures.refused_credit, days[DAY2].figures.refused) == (400_000, 1)
    assert (days[DAY2].cumulative_enrolled, days[DAY2].cumulative_collected) == (3, 900_000)
    text = text_of(progress_pdf(doc))
    for expected in ("3 pelanggan dari target 7.000", "Rp 900.000 dari target",
                     "Ditolak kantor pusat (bukan pendaftar) 1",
                     "Uang rencana ditolak (titipan kantor pusat) Rp 400.000",
                     "sebagai titipan sampai dikembalikan kepada pelanggan", "Ditolak pusat"):
        assert expected in text
    summary = rows_of(load_workbook(io.BytesIO(progress_xlsx(doc)))["Ringkasan"])
    assert ("Total uang diterima", 900_000) in summary
    assert ("Ditolak kantor pusat (bukan pendaftar)", 1) in summary
    assert ("Uang rencana ditolak (titipan di kantor pusat sampai dikembalikan)",
            400_000) in summary

    # The supervisor refunds the customer: still refused, not cancelled; no credit left.
    void_payment(branch.writing(), actor_for(branch, "spv"),
                 VoidRequest(story.qris_dp, "ditolak kantor pusat", *SUPERVISOR))
    t = progress_document(branch.reading()).totals
    assert (t.enrolled, t.collected, t.refused, t.refused_credit, t.cancelled) == (
        3, 900_000, 1, 0, 1)


def test_an_empty_programme_and_an_empty_day_give_valid_reports(branch: BranchDatabase) -> None:
    doc = progress_document(branch.reading())
    assert doc.totals.enrolled == 0 and doc.by_kelurahan == ()
    text = text_of(progress_pdf(doc))
    assert "Belum ada pendaftar dalam periode ini." in text
    assert "Belum ada pembayaran dalam periode ini." in text
    assert "0 pelanggan dari target 7.000" in text
    assert load_workbook(io.BytesIO(progress_xlsx(doc))).sheetnames[0] == "Ringkasan"
    lpp = lpp_document(branch.reading(), DAY1)
    text = text_of(lpp_pdf(lpp))
    assert "Tidak ada kwitansi." in text and "Tidak ada shift kasir pada hari ini." in text
    load_workbook(io.BytesIO(lpp_xlsx(lpp)))


def test_reports_are_archived_and_written_from_the_command_line(
    told: Told, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    branch, story = told.branch, told.story
    issued = issue_lpp(branch.reading(), branch.data_dir, DAY1)
    assert issued.archived.path.name == "lpp-L01-20251124.pdf"
    again = issue_lpp(branch.reading(), branch.data_dir, DAY1)
    assert again.archived.path.name == "lpp-L01-20251124-salinan-1.pdf"
    progress = issue_progress(branch.reading(), branch.data_dir)
    assert progress.archived.path.name == "perkembangan-BUKA-SEGEL-20251117-20251125.pdf"
    out = tmp_path / "out"
    base = ["--data-dir", str(branch.data_dir), "--json", "report"]
    assert main([*base, "lpp", "--day", "2025-11-24", "--out", str(out)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["receipts"] == 5 and result["voided"] == 1 and result["total"] == 1_100_000
    assert Path(result["pdf"]).parent == out and Path(result["xlsx"]).is_file()
    assert story.voided_dp in text_of(Path(result["pdf"]).read_bytes())
    assert main([*base, "progress", "--from", "2025-11-17", "--to", "2025-11-30"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["enrolled"] == 4 and Path(result["xlsx"]).is_file()
    assert (result["refused"], result["refused_credit"]) == (0, 0)
    assert Path(result["pdf"]) == Path(result["archived"])
    assert main([*base, "lpp", "--day", "2025-11-24", "--counter", "L99"]) == 1
    assert "L99" in capsys.readouterr().err
