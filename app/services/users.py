"""User accounts: argon2 password hashes, roles, log-in with lock-out, supervisor approval."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Role, User
from app.services.audit.journal import record_change
from app.services.context import Actor, local_counter
from app.services.errors import DomainError, ErrorCode
from app.services.unit_of_work import UnitOfWork

MIN_PASSWORD_LENGTH = 6
MAX_FAILED_ATTEMPTS = 5
LOCK_MINUTES = 15
_HASHER = PasswordHasher()


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    role: str
    active: bool
    locked_until: dt.datetime | None


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise DomainError(ErrorCode.PASSWORD_TOO_SHORT, minimum=MIN_PASSWORD_LENGTH)
    return _HASHER.hash(password)


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.username, user.full_name, user.role.value, user.active,
                    user.locked_until)


def add_user(uow: UnitOfWork, actor: Actor, username: str, full_name: str, role: str,
             password: str) -> UserInfo:
    """Create a user; the username must be new and the password long enough."""
    with uow:
        name = username.strip().lower()
        if not name or uow.session.scalar(select(User).where(User.username == name)):
            raise DomainError(ErrorCode.USER_EXISTS, username=name)
        user = User(username=name, full_name=full_name.strip() or name, role=Role(role),
                    password_hash=hash_password(password), created_at=uow.now)
        uow.session.add(user)
        uow.session.flush()
        record_change(uow.session, actor, uow.now, action="user.add", entity="user",
                      entity_id=name, details={"username": name, "role": role},
                      event_type="user.added")
        uow.commit()
        return _info(user)


def change_password(uow: UnitOfWork, actor: Actor, username: str, password: str) -> None:
    """Set a new password and lift any lock-out."""
    with uow:
        user = _get(uow.session, username)
        user.password_hash = hash_password(password)
        user.failed_attempts, user.locked_until = 0, None
        record_change(uow.session, actor, uow.now, action="user.passwd", entity="user",
                      entity_id=user.username, details={"username": user.username})
        uow.commit()


def list_users(uow: UnitOfWork) -> list[UserInfo]:
    with uow:
        return [_info(u) for u in uow.session.scalars(select(User).order_by(User.username))]


def log_in(uow: UnitOfWork, username: str, password: str) -> Actor:
    """Check credentials at this counter; count failures and lock after too many."""
    with uow:
        user = _check_credentials(uow, username, password)
        counter, branch = local_counter(uow.session)
        uow.commit()
        return Actor(user.id, user.username, user.role.value, counter.id, counter.code,
                     branch.code, counter.device_id)


def approve(uow: UnitOfWork, username: str, password: str, action: str) -> int:
    """A supervisor's (or admin's) credentials for ``action``; returns their user id.

    Call inside the unit of work of the action it approves. A failed attempt is still
    counted towards the lock-out, in its own transaction.
    """
    user = _check_credentials(uow, username, password)
    if user.role not in (Role.SUPERVISOR, Role.ADMIN):
        raise DomainError(ErrorCode.NOT_AUTHORISED, username=user.username, action=action)
    return user.id


def _check_credentials(uow: UnitOfWork, username: str, password: str) -> User:
    user = uow.session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None or not user.active:
        raise DomainError(ErrorCode.BAD_CREDENTIALS)
    if user.locked_until is not None and user.locked_until > uow.now:
        raise DomainError(ErrorCode.USER_LOCKED, username=user.username,
                          until=user.locked_until.strftime("%H:%M"))
    try:
        _HASHER.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        _count_failure(uow, user.id)
        raise DomainError(ErrorCode.BAD_CREDENTIALS) from None
    if user.failed_attempts or user.locked_until:
        user.failed_attempts, user.locked_until = 0, None
        uow.session.flush()
    return user


def _count_failure(uow: UnitOfWork, user_id: int) -> None:
    """Record a failed attempt in its own committed transaction (the caller rolls back)."""
    uow.session.rollback()
    user = uow.session.get(User, user_id)
    assert user is not None
    user.failed_attempts += 1
    if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
        user.locked_until = uow.now + dt.timedelta(minutes=LOCK_MINUTES)
        user.failed_attempts = 0
    uow.session.commit()


def _get(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None:
        raise DomainError(ErrorCode.USER_NOT_FOUND, username=username)
    return user
