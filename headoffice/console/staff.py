"""Head-office staff accounts and their console sign-in (Qt-free, no web code).

Passwords are argon2 hashes. ``LOCK_AFTER`` wrong passwords in a row lock the
account for ``LOCK_FOR``; a locked account is refused even with the right password.
A session lasts ``IDLE`` without use and ``LIFETIME`` at most; its cookie value is
stored only as a SHA-256 hash. Refusals are :class:`SignInRefused` (a code the page
turns into words) or ``ValueError`` with a sentence for the operator.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from headoffice.console import audit
from headoffice.console.roles import ROLES, permissions
from headoffice.console.tables import StaffSession, StaffUser
from headoffice.db import utcnow
from headoffice.refusals import NotFound, RefusalCode, Refused

MIN_PASSWORD = 8
LOCK_AFTER = 5
LOCK_FOR = dt.timedelta(minutes=15)
IDLE = dt.timedelta(minutes=30)
LIFETIME = dt.timedelta(hours=10)
TOUCH_EVERY = dt.timedelta(minutes=1)
_NAME = re.compile(r"^[a-z0-9._-]{2,40}$")
_HASHER = PasswordHasher()
_DUMMY = _HASHER.hash("not a password of anyone")


class SignInRefused(Exception):
    """``code``: ``wrong`` (name or password), ``locked`` or ``disabled``."""

    def __init__(self, code: str, until: dt.datetime | None = None) -> None:
        super().__init__(code)
        self.code, self.until = code, until


@dataclass(frozen=True)
class StaffInfo:
    username: str
    full_name: str
    role: str
    active: bool
    locked_until: dt.datetime | None


@dataclass(frozen=True)
class SignedIn:
    """A live session: who, what they may do, the form token; ``cookie`` only when new."""

    username: str
    full_name: str
    role: str
    permissions: frozenset[str]
    csrf_token: str
    expires_at: dt.datetime
    cookie: str = ""


def add_staff(session: Session, username: str, role: str, password: str,
              full_name: str = "", *, by: str) -> StaffInfo:
    name = username.strip().lower()
    if not _NAME.match(name):
        raise Refused(RefusalCode.USERNAME_INVALID, username=username)
    if role not in ROLES:
        raise Refused(RefusalCode.ROLE_INVALID, roles=", ".join(ROLES))
    if len(password) < MIN_PASSWORD:
        raise Refused(RefusalCode.PASSWORD_TOO_SHORT, minimum=MIN_PASSWORD)
    if session.get(StaffUser, name) is not None:
        raise Refused(RefusalCode.STAFF_EXISTS, username=name)
    row = StaffUser(username=name, full_name=full_name.strip()[:120] or name, role=role,
                    password_hash=_HASHER.hash(password), active=True, failed_attempts=0,
                    created_at=utcnow())
    session.add(row)
    session.flush()
    audit.record(session, by, "staff.add", name, f"role {role}")
    return _info(row)


def list_staff(session: Session) -> list[StaffInfo]:
    return [_info(r) for r in session.scalars(select(StaffUser).order_by(StaffUser.username))]


def disable_staff(session: Session, username: str, *, by: str) -> StaffInfo:
    """No more sign-ins; the user's open sessions end now."""
    row = session.get(StaffUser, username.strip().lower())
    if row is None:
        raise NotFound(RefusalCode.NO_STAFF, username=username)
    row.active = False
    session.execute(delete(StaffSession).where(StaffSession.username == row.username))
    audit.record(session, by, "staff.disable", row.username)
    return _info(row)


def sign_in(session: Session, username: str, password: str) -> SignedIn | SignInRefused:
    """Check the password (counting failures, locking) and open a session. A refusal
    is returned, not raised, so the caller commits the failure it counted."""
    now = utcnow()
    row = session.get(StaffUser, username.strip().lower()[:40])
    if row is None:
        _verify(_DUMMY, password)  # the same time as for a real name
        audit.record(session, username.strip()[:40] or "-", "signin.refused", "",
                     "unknown user name")
        return SignInRefused("wrong")
    if not row.active:
        audit.record(session, row.username, "signin.refused", "", "account disabled")
        return SignInRefused("disabled")
    if row.locked_until is not None and row.locked_until > now:
        audit.record(session, row.username, "signin.refused", "", "account locked")
        return SignInRefused("locked", row.locked_until)
    if not _verify(row.password_hash, password):
        row.failed_attempts += 1
        detail = f"wrong password ({row.failed_attempts} in a row)"
        if row.failed_attempts >= LOCK_AFTER:
            row.locked_until, row.failed_attempts = now + LOCK_FOR, 0
            detail += f"; locked until {row.locked_until:%H:%M} UTC"
        audit.record(session, row.username, "signin.refused", "", detail)
        return SignInRefused("locked" if row.locked_until and row.locked_until > now
                             else "wrong", row.locked_until)
    row.failed_attempts, row.locked_until = 0, None
    session.execute(delete(StaffSession).where(  # sessions ended meanwhile, of anyone
        (StaffSession.expires_at <= now) | (StaffSession.last_seen_at <= now - IDLE)))
    cookie = secrets.token_urlsafe(32)
    stored = StaffSession(id_hash=_hash(cookie), username=row.username,
                          csrf_token=secrets.token_urlsafe(32), created_at=now,
                          last_seen_at=now, expires_at=now + LIFETIME)
    session.add(stored)
    audit.record(session, row.username, "signin", "", "signed in")
    return _signed_in(row, stored, cookie)


def session_for(session: Session, cookie: str | None) -> SignedIn | None:
    """The live session of a cookie (None: none, expired, idle too long or disabled);
    marks it used (at most once a minute, so reading pages rarely writes)."""
    if not cookie or len(cookie) > 100:
        return None
    now = utcnow()
    stored = session.get(StaffSession, _hash(cookie))
    if stored is None:
        return None
    user = session.get(StaffUser, stored.username)
    if (user is None or not user.active or stored.expires_at <= now
            or stored.last_seen_at + IDLE <= now):
        session.delete(stored)
        return None
    if now - stored.last_seen_at >= TOUCH_EVERY:
        stored.last_seen_at = now
    return _signed_in(user, stored, "")


def sign_out(session: Session, cookie: str | None) -> None:
    if cookie:
        stored = session.get(StaffSession, _hash(cookie))
        if stored is not None:
            audit.record(session, stored.username, "signout", "", "signed out")
            session.delete(stored)


def _verify(hashed: str, password: str) -> bool:
    try:
        return bool(_HASHER.verify(hashed, password))
    except (VerificationError, InvalidHashError):
        return False


def _hash(cookie: str) -> str:
    return hashlib.sha256(cookie.encode()).hexdigest()


def _info(row: StaffUser) -> StaffInfo:
    return StaffInfo(row.username, row.full_name, row.role, row.active, row.locked_until)


def _signed_in(user: StaffUser, stored: StaffSession, cookie: str) -> SignedIn:
    return SignedIn(user.username, user.full_name, user.role, permissions(user.role),
                    stored.csrf_token, stored.expires_at, cookie)
