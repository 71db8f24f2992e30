"""Test fakes and builders shared by the whole suite (real SQLite, fake clock, no mocks)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from app.bootstrap import BranchDatabase
from app.models import Bill, Customer, CustomerStatus, User
from app.services.context import Actor, local_counter

CASHIER = ("kasir", "kasir123")
SUPERVISOR = ("spv", "spv12345")
ADMIN = ("admin", "admin123")
DEMO_DAY = dt.datetime(2025, 11, 24, 9, 0)


@dataclass(frozen=True)
class BillSpec:
    period: str
    principal: int
    penalty: int = 0


def monthly_bills(first: str, count: int, principal: int, penalty: int = 0) -> list[BillSpec]:
    """``count`` consecutive monthly bills starting at period ``first`` (``YYYY-MM``)."""
    year, month = (int(x) for x in first.split("-"))
    specs = []
    for i in range(count):
        y, m = divmod(month - 1 + i, 12)
        specs.append(BillSpec(f"{year + y:04d}-{m + 1:02d}", principal, penalty))
    return specs


def add_customer(
    branch: BranchDatabase,
    connection_no: str,
    *,
    name: str = "Pelanggan Uji",
    status: CustomerStatus = CustomerStatus.SEALED,
    bills: Sequence[BillSpec] = (),
    kelurahan: str = "Penkase Oeleta",
    kecamatan: str = "Alak",
    tariff_group: str = "R2",
    address: str = "Jl. Uji No. 1",
    meter_no: str | None = None,
) -> int:
    """Insert a customer with unpaid bills straight into the database; returns its id."""
    with branch.writing() as uow:
        customer = Customer(
            connection_no=connection_no, name=name, name_lower=name.lower(), address=address,
            rt="001", rw="002", kelurahan=kelurahan, kecamatan=kecamatan,
            tariff_group=tariff_group, meter_no=meter_no or f"M{connection_no}",
            phone="081234567890", status=status, status_date=dt.date(2021, 11, 1),
        )
        uow.session.add(customer)
        uow.session.flush()
        for spec in bills:
            y, m = (int(x) for x in spec.period.split("-"))
            uow.session.add(Bill(
                customer_id=customer.id, period=spec.period, water_charge=spec.principal - 5000,
                fees=5000, penalty=spec.penalty, due_date=dt.date(y, m, 20) + dt.timedelta(days=31),
            ))
        uow.commit()
        return customer.id




def actor_for(branch: BranchDatabase, username: str) -> Actor:
    """The actor a successful log-in would give ``username`` (no password hashing)."""
    with branch.reading() as uow:
        user = uow.session.scalars(select(User).where(User.username == username)).one()
        counter, branch_row = local_counter(uow.session)
        return Actor(user.id, user.username, user.role.value, counter.id, counter.code,
                     branch_row.code, counter.device_id)
