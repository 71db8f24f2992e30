"""The demo branch: the press story's figures, Kota Kupang's districts, and determinism."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.bootstrap import BranchDatabase, open_branch
from app.cli.main import main as loket_admin
from app.models import AuditRecord, Bill, Customer, CustomerStatus, OutboxEvent, Setting
from app.services.audit.journal import verify_chain
from app.services.context import BUSINESS_DATE_KEY
from app.services.demo.branch import (
    DEMO_BUSINESS_DATE,
    DEMO_USERS,
    FEATURED_CONNECTION_NO,
    DemoSummary,
    create_demo_branch,
    generate_demo,
)
from app.services.setup import BranchSetup, initialise_branch
from app.services.users import log_in

FULL_CUSTOMERS = 17_405
KECAMATAN_SIZES = {"Alak": 12, "Kelapa Lima": 5, "Kota Lama": 10, "Kota Raja": 8,
                   "Maulafa": 9, "Oebobo": 7}
KNOWN_PLACES = {"Penkase Oeleta": "Alak", "Namosain": "Alak", "Manulai II": "Alak",
                "Oesapa": "Kelapa Lima", "Lasiana": "Kelapa Lima", "Fatubesi": "Kota Lama",
                "Lahilai Bissi Kopan": "Kota Lama", "Fontein": "Kota Raja",
                "Naikoten I": "Kota Raja", "Sikumana": "Maulafa", "Penfui": "Maulafa",
                "Liliba": "Oebobo", "Tuak Daun Merah": "Oebobo"}


@pytest.fixture(scope="module")
def full_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[DemoSummary,
                                                                          BranchDatabase]]:
    data_dir = tmp_path_factory.mktemp("demo") / "branch"
    summary = create_demo_branch(data_dir)
    branch = open_branch(data_dir)
    yield summary, branch
    branch.close()


@pytest.fixture
def demo(full_demo: tuple[DemoSummary, BranchDatabase]) -> BranchDatabase:
    return full_demo[1]


def unpaid_principal(branch: BranchDatabase) -> int:
    with branch.reading() as uow:
        total = uow.session.scalar(
            select(func.sum(Bill.water_charge + Bill.fees)).where(Bill.settled.is_(False)))
    return int(total or 0)


def test_full_demo_has_the_published_figures(full_demo: tuple[DemoSummary, BranchDatabase]) -> None:
    summary, branch = full_demo
    with branch.reading() as uow:
        by_status = dict(uow.session.execute(
            select(Customer.status, func.count()).group_by(Customer.status)).all())
        bills = uow.session.scalar(select(func.count()).select_from(Bill))
    assert sum(by_status.values()) == summary.customers == FULL_CUSTOMERS
    assert 6_650 <= by_status[CustomerStatus.SEALED] == summary.sealed <= 7_350
    assert 100 <= by_status[CustomerStatus.DISCONNECTED] <= 900
    arrears = unpaid_principal(branch)
    assert arrears == summary.arrears_total
    assert abs(arrears - 4_700_000_000) <= 0.02 * 4_700_000_000
    assert bills == summary.bills


def test_customers_live_in_kupangs_51_kelurahan(demo: BranchDatabase) -> None:
    with demo.reading() as uow:
        pairs = uow.session.execute(
            select(Customer.kelurahan, Customer.kecamatan).distinct()).all()
    kecamatan_of = dict(pairs)
    assert len(pairs) == len(kecamatan_of) == 51  # each kelurahan in one kecamatan
    sizes = {k: sum(1 for v in kecamatan_of.values() if v == k) for k in KECAMATAN_SIZES}
    assert sizes == KECAMATAN_SIZES
    for kelurahan, kecamatan in KNOWN_PLACES.items():
        assert kecamatan_of[kelurahan] == kecamatan


def test_featured_customer_owes_what_the_press_story_says(demo: BranchDatabase) -> None:
    with demo.reading() as uow:
        customer = uow.session.scalars(
            select(Customer).where(Customer.connection_no == FEATURED_CONNECTION_NO)).one()
        unpaid = uow.session.scalars(select(Bill).where(
            Bill.customer_id == customer.id, Bill.settled.is_(False)).order_by(Bill.period)).all()
        assert customer.status == CustomerStatus.SEALED and customer.status_date.year == 2021
        assert (customer.kelurahan, customer.kecamatan) == ("Penkase Oeleta", "Alak")
        assert "muhibuddin" not in customer.name_lower
        assert sum(bill.principal for bill in unpaid) == 2_400_000
        assert (len(unpaid), unpaid[0].period, unpaid[-1].period) == (48, "2021-11", "2025-10")


def test_sealed_customers_owe_every_month_since_they_were_sealed(demo: BranchDatabase) -> None:
    with demo.reading() as uow:
        rows = uow.session.execute(
            select(Customer.status_date, func.count(), func.min(Bill.period),
                   func.max(Bill.period))
            .join(Bill, Bill.customer_id == Customer.id)
            .where(Customer.status == CustomerStatus.SEALED, Bill.settled.is_(False))
            .group_by(Customer.id)).all()
    assert len(rows) >= 6_650
    for sealed_on, count, first, last in rows:
        months = (2025 - sealed_on.year) * 12 + 10 - sealed_on.month + 1
        assert (first, last, count) == (f"{sealed_on:%Y-%m}", "2025-10", months)
    years = {sealed_on.year for sealed_on, *_ in rows}
    assert years == set(range(2019, 2026))
    assert sum(1 for sealed_on, *_ in rows if sealed_on.year <= 2021) >= 100


def test_bills_add_up_like_real_bills(demo: BranchDatabase) -> None:
    with demo.reading() as uow:
        bills = uow.session.scalars(select(Bill).where(Bill.id % 7 == 0)).all()
        uow.session.expunge_all()
    assert len(bills) > 20_000
    for bill in bills:
        year, month = divmod(int(bill.period[:4]) * 12 + int(bill.period[5:]), 12)
        assert bill.due_date == dt.date(year, month + 1, 20)
        assert bill.reading_end - bill.reading_start == bill.usage_m3 >= 0
        assert bill.water_charge % 100 == bill.fees % 100 == bill.penalty % 100 == 0
        assert bill.penalty_waived == 0
        if bill.settled:
            assert bill.paid_amount == bill.amount_due and bill.settled_at is not None
            assert bill.settled_at.date() < DEMO_BUSINESS_DATE
        else:
            assert bill.due_date < DEMO_BUSINESS_DATE
            assert bill.penalty == min(50_000, max(2_000, bill.principal // 10))
            assert bill.paid_amount == 0 and bill.settled_at is None


def test_customer_details_look_real(demo: BranchDatabase) -> None:
    with demo.reading() as uow:
        customers = uow.session.scalars(select(Customer)).all()
        uow.session.expunge_all()
    assert len({c.connection_no for c in customers}) == len(customers)
    assert len({c.meter_no for c in customers}) == len(customers)
    groups = [c.tariff_group for c in customers]
    assert set(groups) == {"S1", "R1", "R2", "R3", "N1", "I1", "K1"}
    assert sum(g in ("R1", "R2", "R3") for g in groups) > 0.7 * len(groups)
    for c in customers:
        assert re.fullmatch(r"[1-6](0[1-9]|1[0-2])\d{5}", c.connection_no)
        assert c.name_lower == c.name.lower() and c.name.strip() == c.name
        assert re.fullmatch(r"(Jl|Gg)\. .+ No\. \d+[AB]?", c.address)
        assert re.fullmatch(r"\d{3}", c.rt) and re.fullmatch(r"\d{3}", c.rw)
        assert c.phone == "" or re.fullmatch(r"08\d{9,10}|0380\d{6}", c.phone)
        assert c.version == 1 and c.status_date < DEMO_BUSINESS_DATE
    family_names = {c.name.split()[-1] for c in customers}
    assert {"Ndun", "Bessie", "Fanggidae", "Tefa", "Manafe"} <= family_names


def test_demo_users_log_in_on_the_business_date(demo: BranchDatabase) -> None:
    for username, password, role, _full_name in DEMO_USERS:
        assert len(password) >= 6
        assert log_in(demo.writing(), username, password).role == role
    with demo.reading() as uow:
        assert uow.today == DEMO_BUSINESS_DATE
        setting = uow.session.get(Setting, BUSINESS_DATE_KEY)
        assert setting is not None and setting.value == "2025-11-24"


def test_generation_is_audited_once_and_not_sent_to_head_office(demo: BranchDatabase) -> None:
    with demo.reading() as uow:
        [record] = uow.session.scalars(
            select(AuditRecord).where(AuditRecord.action == "demo.generate")).all()
        events = uow.session.scalars(
            select(OutboxEvent).where(OutboxEvent.audit_id == record.id)).all()
        chain = verify_chain(uow.session)
        assert json.loads(record.details)["customers"] == FULL_CUSTOMERS
    assert events == [] and chain.ok


def test_an_existing_database_is_refused_and_left_alone(demo: BranchDatabase) -> None:
    with pytest.raises(ValueError, match="already holds a branch database"):
        create_demo_branch(demo.data_dir, customers=50)
    with pytest.raises(ValueError, match="already has customers"):
        generate_demo(demo, customers=50)
    with demo.reading() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Customer)) == FULL_CUSTOMERS


def test_sizes_outside_the_range_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="customers"):
        create_demo_branch(tmp_path / "empty", customers=0)
    assert not (tmp_path / "empty").exists()


Rows = list[tuple[object, ...]]


def small_demo(data_dir: Path, seed: int) -> tuple[DemoSummary, Rows, Rows]:
    """A 400-customer demo in a fresh branch, and all its customer and bill rows."""
    branch = open_branch(data_dir, create=True)
    try:
        initialise_branch(branch.writing(), BranchSetup())
        summary = generate_demo(branch, customers=400, seed=seed)
        with branch.reading() as uow:
            customers = uow.session.execute(select(Customer.__table__).order_by(Customer.id))
            bills = uow.session.execute(select(Bill.__table__).order_by(Bill.id))
            return summary, [tuple(r) for r in customers], [tuple(r) for r in bills]
    finally:
        branch.close()


def test_same_seed_gives_the_same_demo_and_another_seed_another(tmp_path: Path) -> None:
    first, customers_a, bills_a = small_demo(tmp_path / "a", seed=7)
    second, customers_b, bills_b = small_demo(tmp_path / "b", seed=7)
    other, customers_c, bills_c = small_demo(tmp_path / "c", seed=8)
    assert (customers_a, bills_a) == (customers_b, bills_b)
    assert (first.arrears_total, first.bills) == (second.arrears_total, second.bills)
    assert customers_a != customers_c and bills_a != bills_c
    for summary in (first, other):
        assert (summary.customers, summary.sealed) == (400, round(7_000 * 400 / FULL_CUSTOMERS))
        target = 4_700_000_000 * 400 / FULL_CUSTOMERS
        assert abs(summary.arrears_total - target) <= 0.02 * target
    assert FEATURED_CONNECTION_NO in {row[1] for row in customers_c}


def test_the_demo_branch_passes_audit_verify(demo: BranchDatabase,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Bills paid before Loket (head office's history) are no ledger difference."""
    assert loket_admin(["--data-dir", str(demo.data_dir), "audit", "verify"]) == 0, \
        capsys.readouterr().err[-2000:]
    assert capsys.readouterr().out.startswith("OK:")
