"""Devices: one-time registration codes, tokens (stored as SHA-256 only), revocation.

A code is printed once by ``loket-headoffice device register`` and works once, for one
branch counter, within ``CODE_DAYS`` (once more, shortly after, by the same device and
attempt whose answer was lost). Registering gives the device a token; head office keeps
its hash, which also keys the HMAC of reply bundles, and the counter's Ed25519 public key,
which checks the counter's own bundles (see ``bundle.py``).
:func:`attempt_registration` also applies the limits on refused registrations
(``rate_limit.py``): per client address, and codes locked after wrong guesses.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from headoffice import rate_limit
from headoffice.db import current_epoch, utcnow
from headoffice.errors import ApiError, device_revoked, unauthorised, wrong_branch
from headoffice.models import BranchOffice, Device, EnrolmentCode
from headoffice.refusals import NotFound, RefusalCode, Refused

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud, typed by hand
CODE_GROUPS = 3
CODE_DAYS = 7
TOKEN_DAYS = 365
REDEEM_AGAIN = dt.timedelta(minutes=15)


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(code.split()).replace("-", "").upper()


@dataclass(frozen=True)
class IssuedCode:
    code: str
    branch: str
    counter: str
    expires_at: dt.datetime


@dataclass(frozen=True)
class Registration:
    token: str
    branch: str
    counter: str
    epoch: str
    acked_through: int


def issue_code(session: Session, branch: str, counter: str) -> IssuedCode:
    """A new one-time code for ``counter`` of ``branch`` (ValueError: unknown branch)."""
    if session.get(BranchOffice, branch) is None:
        raise Refused(RefusalCode.NO_BRANCH_TO_REGISTER, code=branch)
    counter = counter.strip().upper()
    if not counter or len(counter) > 16:
        raise Refused(RefusalCode.COUNTER_CODE_INVALID)
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(4 * CODE_GROUPS))
    now = utcnow()
    row = EnrolmentCode(code_hash=sha256_hex(raw), branch_code=branch, counter=counter,
                        created_at=now, expires_at=now + dt.timedelta(days=CODE_DAYS))
    session.add(row)
    session.flush()
    shown = "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))
    return IssuedCode(shown, branch, counter, row.expires_at)


def attempt_registration(session: Session, address: str, code: str, device_id: str,
                         branch: str, counter: str, *, public_key: str | None = None,
                         attempt_key: str | None = None) -> Registration | ApiError:
    """Register unless ``address`` has used up its attempts (raises 429); a refusal is
    recorded against the address and the counter named, and returned (commit it)."""
    now = utcnow()
    rate_limit.check_address(session, address, now)
    try:
        return register_device(session, code, device_id, branch, counter,
                               public_key=public_key, attempt_key=attempt_key)
    except ApiError as refusal:
        rate_limit.record_failure(session, address, branch, counter, refusal, now)
        return refusal


def register_device(session: Session, code: str, device_id: str, branch: str,
                    counter: str, *, public_key: str | None = None,
                    attempt_key: str | None = None) -> Registration:
    """Use a one-time code: the device gets a (new) token and its bundle-signing
    ``public_key`` is kept. Refusals raise ApiError.

    A used code is taken once more within ``REDEEM_AGAIN`` of its use when the same
    device sends the same ``attempt_key`` (the counter lost the answer): it gets a new
    token, the one of the lost answer stops working. Anyone else is refused as before."""
    now = utcnow()
    row = session.scalar(select(EnrolmentCode).where(
        EnrolmentCode.code_hash == sha256_hex(normalise_code(code))))
    again = row is not None and _same_attempt(row, device_id, attempt_key, now)
    if row is None or (not again and (row.used_at is not None or row.expires_at <= now)):
        raise unauthorised("the one-time code is wrong, already used or expired; "
                           "ask head office for a new one")
    if (row.branch_code, row.counter) != (branch, counter.strip().upper()):
        raise wrong_branch(f"this code was issued for branch {row.branch_code} counter "
                           f"{row.counter}, not {branch} {counter}")
    if rate_limit.is_locked(session, row):
        raise rate_limit.code_locked(row.branch_code, row.counter)
    device = session.get(Device, device_id)
    if device is not None and device.revoked:
        raise device_revoked(device_id)
    if device is not None and device.branch_code != branch:
        raise wrong_branch(f"device {device_id} belongs to branch {device.branch_code}")
    token = secrets.token_urlsafe(32)
    expires = now + dt.timedelta(days=TOKEN_DAYS)
    if device is None:
        device = Device(id=device_id, branch_code=branch, counter=row.counter,
                        token_hash=sha256_hex(token), token_expires_at=expires,
                        registered_at=now, last_seq=0, public_key=public_key)
        session.add(device)
    else:
        device.counter, device.token_hash = row.counter, sha256_hex(token)
        device.token_expires_at, device.registered_at = expires, now
        device.public_key = public_key
    if row.used_at is None:
        row.used_at, row.device_id = now, device_id
        row.attempt_hash = sha256_hex(attempt_key) if attempt_key else None
    session.flush()
    return Registration(token, branch, row.counter, current_epoch(session), device.last_seq)


def _same_attempt(row: EnrolmentCode, device_id: str, attempt_key: str | None,
                  now: dt.datetime) -> bool:
    """Whether a used code is redeemed again by the attempt that used it, in time."""
    return (attempt_key is not None and row.attempt_hash is not None
            and row.device_id == device_id and row.used_at is not None
            and now - row.used_at <= REDEEM_AGAIN
            and hmac.compare_digest(row.attempt_hash, sha256_hex(attempt_key)))


def authenticate(session: Session, token: str | None) -> Device:
    """The device a bearer token belongs to: 401 unknown or expired, 403 revoked."""
    if not token:
        raise unauthorised("no device token: send Authorization: Bearer <token>")
    device = session.scalar(select(Device).where(Device.token_hash == sha256_hex(token)))
    if device is None:
        raise unauthorised("unknown device token; register this counter again")
    if device.revoked:
        raise device_revoked(device.id)
    if device.token_expires_at <= utcnow():
        raise unauthorised(f"the device token expired on {device.token_expires_at:%Y-%m-%d}; "
                           "register this counter again")
    return device


def revoke_device(session: Session, device_id: str) -> Device:
    """Refuse the device from now on (LookupError: unknown device)."""
    device = session.get(Device, device_id)
    if device is None:
        raise NotFound(RefusalCode.NO_DEVICE, device=device_id)
    if not device.revoked:
        device.revoked, device.revoked_at = True, utcnow()
    return device


def bundle_key(device: Device) -> bytes:
    """The key of head office's reply-bundle signatures: SHA-256 of the device token (raw
    bytes). The counter's own bundles are signed with its Ed25519 key instead."""
    return bytes.fromhex(device.token_hash)
