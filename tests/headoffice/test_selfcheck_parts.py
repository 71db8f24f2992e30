"""The self-check's parts on their own: the sliding windows of the limits, the masked
name, the next instalment after partial payments, the office serving a kecamatan."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from headoffice.offices import offices
from headoffice.selfcheck import form, limits, page, words
from headoffice.selfcheck.limits import Limits, Rule
from headoffice.selfcheck.lookup import mask_name, meter_factor, next_instalment
from tests.headoffice.selfcheck_site import FakeClock

SCHEDULE = [(1, dt.date(2025, 12, 20), 300_000), (2, dt.date(2026, 1, 20), 300_000),
            (3, dt.date(2026, 2, 20), 400_000)]


def test_a_number_waits_until_its_oldest_try_leaves_the_window() -> None:
    clock = FakeClock()
    limit = Limits(per_number=Rule(2, 60), per_address=Rule(100, 60), clock=clock)
    assert limit.take("a", "111") == 0
    clock.advance(10)
    assert limit.take("b", "111") == 0
    assert limit.take("c", "111") == 50  # another address: the number is still limited
    assert limit.take("c", "222") == 0
    clock.advance(50)
    assert limit.take("c", "111") == 0


def test_refused_tries_are_not_counted() -> None:
    clock = FakeClock()
    limit = Limits(per_number=Rule(1, 60), per_address=Rule(2, 600), clock=clock)
    assert limit.take("a", "111") == 0
    for _ in range(5):
        assert limit.take("a", "111") == 60  # refused: the address keeps its second try
    assert limit.take("a", "222") == 0
    assert limit.take("a", "333") == 600


def test_bad_input_counts_for_the_address_only() -> None:
    limit = Limits(per_number=Rule(1, 60), per_address=Rule(3, 60), clock=FakeClock())
    assert limit.take("a", None) == 0
    assert limit.take("a", "111") == 0
    assert limit.take("a", None) == 0
    assert limit.take("a", None) == 60


def test_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_KEYS", 3)
    limit = Limits(per_number=Rule(1, 60), per_address=Rule(1, 60), clock=FakeClock())
    for number in ("1", "2", "3", "4"):
        assert limit.take(f"addr-{number}", number) == 0
    assert limit.take("addr-5", "1") == 0  # the oldest number was let go
    assert limit.take("addr-6", "4") == 60


@pytest.mark.parametrize(("name", "masked"), [
    ("Dorkas Taneo", "Do**** Ta***"),
    ("Yohanis A. Bana", "Yo***** A.* Ba**"),
    ("Li", "Li*"),
    ("  Maria   Ndun ", "Ma*** Nd**"),
])
def test_a_name_shows_two_letters_of_each_word(name: str, masked: str) -> None:
    assert mask_name(name) == masked


def test_the_factor_is_the_last_four_digits_of_the_meter() -> None:
    assert meter_factor("BR090000005") == "0005"
    assert meter_factor("SB-19-0012345") == "2345"


@pytest.mark.parametrize(("paid", "expected"), [
    (0, (1, 300_000, True)),
    (150_000, (1, 150_000, True)),
    (300_000, (2, 300_000, False)),
    (750_000, (3, 250_000, False)),
])
def test_the_next_instalment_is_the_first_not_paid_in_full(
        paid: int, expected: tuple[int, int, bool]) -> None:
    found = next_instalment(SCHEDULE, paid, dt.date(2026, 1, 5))
    assert found is not None
    assert (found.number, found.amount, found.overdue) == expected
    assert found.count == 3


def test_no_next_instalment_once_all_are_paid() -> None:
    assert next_instalment(SCHEDULE, 1_000_000, dt.date(2026, 1, 5)) is None


def test_each_kecamatan_of_kupang_has_an_office_and_documents() -> None:
    shipped = offices()
    for kecamatan in ("Alak", "Kelapa Lima", "Kota Lama", "Kota Raja", "Maulafa", "Oebobo"):
        office = shipped.office(shipped.serving(kecamatan))
        assert office is not None and kecamatan in office.kecamatan
    assert shipped.serving("Atambua") == shipped.default_office
    assert len(shipped.documents_for("BUKA-SEGEL")) > len(shipped.documents_for("OTHER")) > 0


def test_every_text_of_the_page_has_its_english() -> None:
    source = (Path(page.__file__).parent / "templates" / "cek.html").read_text(encoding="utf-8")
    texts = set(re.findall(r'_\("([^"]+)"\)', source)) | set(re.findall(r"_\('([^']+)'\)",
                                                                           source))
    texts |= {page.NOT_MATCHED, page.TOO_MANY, page.EXPIRED, words.OTHER_REASON,
              *words.REASONS.values()}
    module = Path(form.__file__).read_text(encoding="utf-8")
    texts |= set(re.findall(r'(?<!")"([A-Z][^"]+\.)"(?!")', module))  # its messages
    assert len(texts) > 45  # the search finds the texts, not nothing
    assert sorted(t for t in texts if t not in words.ENGLISH) == []
