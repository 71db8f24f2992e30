"""The quick checks of pulled customers and bills accept only what the import's checks
accept, and give the same values; anything else goes the general (exact) way."""

from __future__ import annotations

from typing import Any

import pytest

from app.services.errors import DomainError
from app.services.imports.bills import BILL_COLUMNS, check_bill_rows
from app.services.imports.customers import CUSTOMER_COLUMNS, check_customer_rows
from app.services.sync.apply import Change, _cells
from app.services.sync.typed_rows import bill_columns, bill_rows, customer_rows

BILL = {"connection_no": "10000001", "period": "2024-01", "reading_start": 10,
        "reading_end": 25, "usage_m3": 15, "water_charge": 95_000, "fees": 5_000,
        "penalty": 0, "due_date": "2024-02-20", "settled": False, "enrolment_uuid": None}
CUSTOMER = {"connection_no": "10000001", "name": "Maria Bere", "address": "Jl. Timor Raya 5",
            "rt": "003", "rw": None, "kelurahan": "Oesapa", "kecamatan": "Kelapa Lima",
            "tariff_group": "R2", "meter_no": "M1", "phone": None, "status": "sealed",
            "status_date": "2022-03-01", "version": 1}
ODD: tuple[Any, ...] = (None, "", " ", "12", "１２", "-1", -1, 0, 1, True, 1.5, [], {},
                        "2024-13", "2024-1", "2024-02-30", "２０２４-01-01", "x" * 300,
                        " Oesapa ", "SEALED", 10**12, "2024-02-20")


def _slow(check: Any, change: Change, columns: Any, renamed: Any = None) -> Any:
    try:
        valid, rejected = check([_cells(change, columns, renamed)])
    except DomainError:
        return None
    return valid[0].values if valid and not rejected else None


@pytest.mark.parametrize("field", sorted(BILL))
def test_a_bill_the_quick_checks_take_is_one_the_import_takes_alike(field: str) -> None:
    for value in ODD:
        change = Change(1, "bill", "k", dict(BILL, **{field: value}))
        quick = bill_rows([change])
        slow = _slow(check_bill_rows, change, BILL_COLUMNS, {"paid": "settled"})
        if quick is not None:
            assert slow is not None and quick[0].values == slow, (field, value)


def _columns(*bills: dict[str, Any]) -> dict[str, list[Any]] | None:
    names = tuple(bills[0])
    return bill_columns([(names, [[bill[n] for bill in bills] for n in names])])


@pytest.mark.parametrize("field", sorted(BILL))
def test_bills_the_column_checks_take_are_ones_the_import_takes_alike(field: str) -> None:
    """A snapshot's bills, checked a column at a time, as the import checks them (the
    second bill of another period, so that only the odd value can refuse them)."""
    for value in ODD:
        odd = dict(BILL, **{field: value})
        quick = _columns(dict(BILL, period="2023-12"), odd)
        slow = _slow(check_bill_rows, Change(1, "bill", "k", odd), BILL_COLUMNS,
                     {"paid": "settled"})
        if quick is not None:
            assert slow is not None, (field, value)
            assert {name: values[1] for name, values in quick.items()} \
                == {name: slow[name] for name in quick}, (field, value)


@pytest.mark.parametrize("field", sorted(CUSTOMER))
def test_a_customer_the_quick_checks_take_is_one_the_import_takes_alike(field: str) -> None:
    for value in ODD:
        change = Change(1, "customer", "k", dict(CUSTOMER, **{field: value}))
        quick = customer_rows([change])
        slow = _slow(check_customer_rows, change, CUSTOMER_COLUMNS)
        if quick is not None:
            assert slow is not None and quick[0].values == slow, (field, value)


def test_ordinary_rows_take_the_quick_way_and_repeats_do_not() -> None:
    assert bill_rows([Change(1, "bill", "k", BILL)]) is not None
    assert customer_rows([Change(1, "customer", "k", CUSTOMER)]) is not None
    assert bill_rows([Change(1, "bill", "a", BILL), Change(2, "bill", "b", BILL)]) is None
    assert _columns(BILL) is not None and _columns(BILL, BILL) is None
    assert _columns({n: v for n, v in BILL.items() if n != "fees"}) is None
    assert customer_rows([Change(1, "customer", "a", CUSTOMER),
                          Change(2, "customer", "b", CUSTOMER)]) is None
