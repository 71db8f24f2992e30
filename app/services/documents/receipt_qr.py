"""The receipt's QR code: a signed payload that proves a receipt came from the branch.

Payload (fits QR alphanumeric mode for the usual upper-case codes)::

    LKT1*<branch code>*<receipt no>*<amount>*<YYYYMMDDHHMM>*<signature>

``signature`` is HMAC-SHA256 with the branch's key (see ``keys.py``) over everything
before the last ``*``, in base32 without padding (52 characters).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass

PREFIX = "LKT1"
SEPARATOR = "*"
_TIME_FORMAT = "%Y%m%d%H%M"


@dataclass(frozen=True)
class ReceiptPayload:
    branch_code: str
    receipt_no: str
    amount: int
    paid_at: dt.datetime  # to the minute
    signature: str

    @property
    def signed_text(self) -> str:
        return _message(self.branch_code, self.receipt_no, self.amount, self.paid_at)


def sign_receipt(key: bytes, branch_code: str, receipt_no: str, amount: int,
                 paid_at: dt.datetime) -> str:
    """The signed QR payload of one receipt."""
    for field in (branch_code, receipt_no):
        if not field or SEPARATOR in field or field != field.strip():
            raise ValueError(f"{field!r} cannot go into a receipt code")
    message = _message(branch_code, receipt_no, amount, paid_at)
    return f"{message}{SEPARATOR}{_signature(key, message)}"


def parse_receipt_payload(payload: str) -> ReceiptPayload | None:
    """The fields of a payload, or ``None`` if it is not a Loket receipt code."""
    parts = payload.strip().split(SEPARATOR)
    if len(parts) != 6 or parts[0] != PREFIX or not parts[3].isdigit():
        return None
    try:
        paid_at = dt.datetime.strptime(parts[4], _TIME_FORMAT)
    except ValueError:
        return None
    return ReceiptPayload(parts[1], parts[2], int(parts[3]), paid_at, parts[5])


def verify_receipt_payload(payload: str, key: bytes) -> bool:
    """Whether ``payload`` is well formed and signed with ``key``."""
    parsed = parse_receipt_payload(payload)
    if parsed is None or parsed.signed_text + SEPARATOR + parsed.signature != payload.strip():
        return False
    return hmac.compare_digest(parsed.signature, _signature(key, parsed.signed_text))


def _message(branch_code: str, receipt_no: str, amount: int, paid_at: dt.datetime) -> str:
    return SEPARATOR.join((PREFIX, branch_code, receipt_no, str(amount),
                           paid_at.strftime(_TIME_FORMAT)))


def _signature(key: bytes, message: str) -> str:
    digest = hmac.new(key, message.encode("utf-8"), hashlib.sha256).digest()
    return base64.b32encode(digest).decode("ascii").rstrip("=")
