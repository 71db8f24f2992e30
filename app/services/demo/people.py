"""Fictional customers of Kota Kupang: names, addresses, phones, meters, connection numbers.

A connection number is 8 digits: a 3-digit zone (kecamatan 1–6, kelurahan 01–12, both in
alphabetical order) and a 5-digit serial within the zone.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from app.services.demo import words
from app.services.demo.dice import Dice

SERIAL_LIMIT = 99_999
INITIALS = "ABDEFHIJKLMNOPRSTWY"


@dataclass(frozen=True)
class Place:
    kecamatan: str
    kelurahan: str
    zone: str


PLACES: tuple[Place, ...] = tuple(
    Place(kecamatan, kelurahan, f"{k + 1}{j + 1:02d}")
    for k, (kecamatan, villages) in enumerate(words.KECAMATAN)
    for j, (kelurahan, _share) in enumerate(villages)
)
_CUMULATIVE = list(itertools.accumulate(
    share for _kecamatan, villages in words.KECAMATAN for _name, share in villages
))


def place_index(kelurahan: str) -> int:
    return next(i for i, place in enumerate(PLACES) if place.kelurahan == kelurahan)


class People:
    """Draws the personal details of one customer after another from one random stream."""

    def __init__(self, dice: Dice, reserved: dict[int, int] | None = None) -> None:
        self.dice = dice
        self._serials = [0] * len(PLACES)
        self._reserved = reserved or {}  # place index → serial kept for a fixed customer

    def place(self) -> int:
        return self.dice.weighted(_CUMULATIVE)

    def connection_no(self, place: int) -> str:
        serial = self._serials[place] + 1
        if self._reserved.get(place) == serial:
            serial += 1
        if serial > SERIAL_LIMIT:
            raise ValueError(f"zone {PLACES[place].zone} has more than {SERIAL_LIMIT} customers")
        self._serials[place] = serial
        return f"{PLACES[place].zone}{serial:05d}"

    def name(self, tariff_code: str, place: Place) -> str:
        """An institution, firm or shop for some non-household tariffs, else a person."""
        r = self.dice.fraction()
        if tariff_code == "I1" and r < 0.75:
            return self._institution(place)
        if tariff_code == "S1" and r < 0.5:
            return self._social(place)
        if tariff_code == "N1" and r < 0.4:
            return f"{self.dice.pick(words.SHOPS)} {self.dice.pick(words.BUSINESS_WORDS)}"
        if tariff_code == "K1" and r < 0.8:
            return f"{self.dice.pick(words.FIRMS)} {self.dice.pick(words.BUSINESS_WORDS)}"
        return self.person()

    def person(self) -> str:
        """Mostly NTT Christian names with a family name; some Muslim and general ones."""
        dice = self.dice
        kind = dice.fraction()
        female = dice.chance(0.5)
        if kind < 0.08:
            if female:
                return f"{dice.pick(words.MUSLIM_FEMALE_NAMES)} {dice.pick(words.MUSLIM_FEMALE_2)}"
            return f"{dice.pick(words.MUSLIM_MALE_NAMES)} {dice.pick(words.MUSLIM_MALE_2)}"
        if kind < 0.13:
            given = dice.pick(words.GENERAL_FEMALE_NAMES if female else words.GENERAL_MALE_NAMES)
            return f"{given} {dice.pick(words.GENERAL_SURNAMES)}"
        pool = words.FEMALE_NAMES if female else words.MALE_NAMES
        first = dice.pick(pool)
        parts = [first]
        middle = dice.fraction()
        if middle < 0.25:
            second = dice.pick(pool)
            if second != first:
                parts.append(second)
        elif middle < 0.55:
            parts.append(f"{dice.pick(INITIALS)}.")
        parts.append(dice.pick(words.FAMILY_NAMES))
        title = dice.pick(words.TITLES) if dice.chance(0.05) else ""
        return " ".join(parts) + title

    def _institution(self, place: Place) -> str:
        dice = self.dice
        return dice.pick((
            f"Kantor Lurah {place.kelurahan}",
            f"SD Negeri {place.kelurahan} {dice.number(1, 3)}",
            f"SD Inpres {place.kelurahan} {dice.number(1, 3)}",
            f"SMP Negeri {dice.number(1, 20)} Kupang",
            f"Puskesmas {place.kelurahan}",
            f"Pustu {place.kelurahan}",
            f"Kantor Camat {place.kecamatan}",
        ))

    def _social(self, place: Place) -> str:
        dice = self.dice
        return dice.pick((
            f"GMIT Jemaat {dice.pick(words.CONGREGATIONS)} {place.kelurahan}",
            f"Gereja Katolik St. {dice.pick(words.SAINTS)}",
            f"Masjid {dice.pick(words.MOSQUES)}",
            f"Panti Asuhan {dice.pick(words.BUSINESS_WORDS)}",
            f"Hidran Umum RT {dice.number(1, 35):03d} {place.kelurahan}",
        ))

    def address(self, place: Place) -> str:
        dice = self.dice
        if dice.fraction() < 0.45:
            street = f"Jl. {dice.pick(words.STREETS[place.kecamatan])}"
        else:
            kind = "Gg." if dice.fraction() < 0.2 else "Jl."
            street = f"{kind} {dice.pick(words.COMMON_STREETS)}"
        number = str(dice.number(1, 120))
        if dice.fraction() < 0.08:
            number += dice.pick("AB")
        return f"{street} No. {number}"

    def rt_rw(self) -> tuple[str, str]:
        return f"{self.dice.number(1, 35):03d}", f"{self.dice.number(1, 12):03d}"

    def phone(self, *, office: bool = False) -> str:
        dice = self.dice
        if office and dice.fraction() < 0.5:
            return f"0380{dice.number(800_000, 899_999)}"
        if dice.fraction() < 0.12:
            return ""
        digits = dice.number(10_000_000, 99_999_999)
        return f"{dice.pick(words.PHONE_PREFIXES)}{digits}"

    def meter_no(self, number: int, year: int) -> str:
        return f"{self.dice.pick(words.METER_BRANDS)}{year % 100:02d}{number:07d}"
