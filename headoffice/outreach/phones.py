"""Indonesian mobile numbers in the ``+62`` form, and WhatsApp click-to-chat links.

A customer's phone as the billing system holds it is written many ways: ``0813-3947-2615``,
``62 813 3947 2615``, ``+6281339472615``. :func:`normalise` accepts those (spaces, dashes,
dots and brackets ignored) and answers the number as ``+628…`` — or says why it cannot,
never guessing: a landline (``0380…``), a number too short or too long, letters, or a
number without the ``0`` / ``62`` prefix is listed for staff to correct at the source.

A mobile number is ``08`` followed by 8 to 11 more digits (10 to 13 written locally).
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass

_SEPARATORS = re.compile(r"[\s\-.()/]")
MIN_DIGITS, MAX_DIGITS = 9, 12  # after the leading 0: 8 and then 8 to 11 digits


@dataclass(frozen=True)
class PhoneCheck:
    """``number`` in ``+628…`` form, or ``problem`` (Bahasa Indonesia) and ``number`` ""."""

    raw: str
    number: str
    problem: str

    @property
    def valid(self) -> bool:
        return bool(self.number)


def normalise(raw: str) -> PhoneCheck:
    """``raw`` as ``+628…``, or the reason it is not a mobile number one can message."""
    text = raw.strip()
    if not text:
        return PhoneCheck(raw, "", "tidak ada nomor telepon")
    compact = _SEPARATORS.sub("", text)
    if compact.startswith("+"):
        if not compact.startswith("+62"):
            return PhoneCheck(raw, "", "bukan nomor Indonesia (+62)")
        national = compact[3:]
    elif compact.startswith("62"):
        national = compact[2:]
    elif compact.startswith("0"):
        national = compact[1:]
    else:
        return PhoneCheck(raw, "", "tidak diawali 0, 62 atau +62")
    if not national.isascii() or not national.isdigit():
        return PhoneCheck(raw, "", "berisi huruf atau tanda selain angka")
    if national.startswith("0"):
        return PhoneCheck(raw, "", "angka 0 ganda setelah kode negara")
    if not national.startswith("8"):
        return PhoneCheck(raw, "", "bukan nomor seluler (telepon rumah/kantor)")
    if not MIN_DIGITS <= len(national) <= MAX_DIGITS:
        return PhoneCheck(raw, "", f"panjang tidak sah ({len(national) + 1} angka; "
                                   "nomor seluler 10 sampai 13 angka)")
    return PhoneCheck(raw, f"+62{national}", "")


def whatsapp_link(number: str, text: str) -> str:
    """``https://wa.me/628…?text=…`` for a ``+628…`` number (WhatsApp wants no ``+``)."""
    return f"https://wa.me/{number.removeprefix('+')}?text={urllib.parse.quote(text, safe='')}"
