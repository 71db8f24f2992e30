"""Amounts as a cashier types them: what is accepted, what is refused and why."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.errors import DomainError, ErrorCode
from app.services.money import MAX_AMOUNT, format_rupiah, parse_amount

ACCEPTED = [
    ("2400000", 2_400_000),
    ("2.400.000", 2_400_000),
    ("Rp 2.400.000", 2_400_000),
    ("Rp. 2.400.000", 2_400_000),
    ("rp2.400.000", 2_400_000),
    ("  2.400.000  ", 2_400_000),
    ("2.400.000,00", 2_400_000),
    ("2,4 jt", 2_400_000),
    ("2,4 juta", 2_400_000),
    ("2.4jt", 2_400_000),
    ("2,45 JT", 2_450_000),
    ("400 rb", 400_000),
    ("400 ribu", 400_000),
    ("1,5rb", 1_500),
    ("50k", 50_000),
    ("1.000", 1_000),
]

REFUSED = [
    ("2,4", ErrorCode.AMOUNT_MALFORMED),
    ("abc", ErrorCode.AMOUNT_MALFORMED),
    ("-5", ErrorCode.AMOUNT_NOT_POSITIVE),
    ("Rp -5.000", ErrorCode.AMOUNT_NOT_POSITIVE),
    ("1e6", ErrorCode.AMOUNT_MALFORMED),
    ("2.40.000", ErrorCode.AMOUNT_MALFORMED),
    ("2.400,50", ErrorCode.AMOUNT_MALFORMED),
    ("", ErrorCode.AMOUNT_MALFORMED),
    ("   ", ErrorCode.AMOUNT_MALFORMED),
    ("Rp", ErrorCode.AMOUNT_MALFORMED),
    ("2,4,5 jt", ErrorCode.AMOUNT_MALFORMED),
    (",5 jt", ErrorCode.AMOUNT_MALFORMED),
    ("2,400", ErrorCode.AMOUNT_AMBIGUOUS),
    ("2,400,000", ErrorCode.AMOUNT_AMBIGUOUS),
    ("1,2345 rb", ErrorCode.AMOUNT_AMBIGUOUS),  # 1 234.5 rupiah
    ("1.500 rb", ErrorCode.AMOUNT_AMBIGUOUS),  # 1 500 000 or 1 500?
    ("2,400 jt", ErrorCode.AMOUNT_AMBIGUOUS),
    ("10.000.000.001", ErrorCode.AMOUNT_TOO_LARGE),
    ("99999999999999999999", ErrorCode.AMOUNT_TOO_LARGE),
    ("10001 jt", ErrorCode.AMOUNT_TOO_LARGE),
]


@pytest.mark.parametrize(("text", "amount"), ACCEPTED)
def test_typed_amounts_are_understood(text: str, amount: int) -> None:
    assert parse_amount(text) == amount


@pytest.mark.parametrize(("text", "code"), REFUSED, ids=[t or "empty" for t, _ in REFUSED])
def test_unclear_amounts_are_refused_with_a_reason(text: str, code: ErrorCode) -> None:
    with pytest.raises(DomainError) as refused:
        parse_amount(text)
    assert refused.value.code == code
    assert refused.value.message  # a sentence the cashier can read


def test_rupiah_are_written_the_indonesian_way() -> None:
    assert format_rupiah(2_400_000) == "Rp 2.400.000"
    assert format_rupiah(0) == "Rp 0"
    assert format_rupiah(950) == "Rp 950"
    assert format_rupiah(-50_000) == "-Rp 50.000"


def test_the_largest_amount_is_accepted() -> None:
    assert parse_amount(format_rupiah(MAX_AMOUNT)) == MAX_AMOUNT


@given(st.integers(min_value=1, max_value=MAX_AMOUNT))
def test_every_printed_amount_reads_back_the_same(amount: int) -> None:
    assert parse_amount(format_rupiah(amount)) == amount
    assert parse_amount(str(amount)) == amount
