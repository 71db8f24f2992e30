"""Customers' phone numbers become ``+628…`` or are listed with the reason — never
guessed — and WhatsApp links take the number without ``+``."""

from __future__ import annotations

import pytest

from headoffice.outreach.phones import normalise, whatsapp_link


@pytest.mark.parametrize("written", [
    "081339472615", "0813-3947-2615", "0813 3947 2615", "62 813 3947 2615",
    "6281339472615", "+6281339472615", "+62 813-3947-2615", "(0813) 3947.2615",
])
def test_every_usual_way_of_writing_a_mobile_number_becomes_one_number(written: str) -> None:
    checked = normalise(written)
    assert checked.valid and checked.number == "+6281339472615"
    assert checked.problem == ""


@pytest.mark.parametrize("length", [10, 13])
def test_mobile_numbers_of_ten_to_thirteen_digits_are_accepted(length: int) -> None:
    local = "08" + "1" * (length - 2)
    assert normalise(local).number == "+62" + local[1:]


@pytest.mark.parametrize(("written", "problem"), [
    ("", "tidak ada nomor telepon"),
    ("0380821234", "bukan nomor seluler"),  # a Kupang landline
    ("081234567", "panjang tidak sah"),  # 9 digits
    ("08123456789012", "panjang tidak sah"),  # 14 digits
    ("81339472615", "tidak diawali 0, 62 atau +62"),  # the 0 lost: not guessed
    ("+6581339472", "bukan nomor Indonesia"),
    ("0813-3947-26I5", "berisi huruf"),
    ("620813394726", "angka 0 ganda"),
    ("０８１３３９４７２６１５", "tidak diawali"),  # full-width digits
])
def test_numbers_that_cannot_be_messaged_are_refused_with_the_reason(written: str,
                                                                      problem: str) -> None:
    checked = normalise(written)
    assert not checked.valid and checked.number == ""
    assert problem in checked.problem
    assert checked.raw == written


def test_a_whatsapp_link_has_the_number_without_plus_and_the_text_encoded() -> None:
    link = whatsapp_link("+6281339472615", "Yth. Ibu & Bapak: Rp 1.200.000?")
    assert link == ("https://wa.me/6281339472615?text=Yth.%20Ibu%20%26%20Bapak%3A%20"
                    "Rp%201.200.000%3F")
