"""Who is acting, at which counter: passed to every service that changes something."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Branch, Counter, Setting
from app.services.errors import DomainError, ErrorCode

LOCAL_COUNTER_KEY = "local_counter_id"
BUSINESS_DATE_KEY = "business_date"  # a fixed business date (the demo branch lives in 2025)
SYSTEM_USERNAME = "system"


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    username: str
    role: str
    counter_id: int
    counter_code: str
    branch_code: str
    device_id: str


def local_counter(session: Session) -> tuple[Counter, Branch]:
    """The counter this database belongs to (set by ``loket-admin init``)."""
    setting = session.get(Setting, LOCAL_COUNTER_KEY)
    counter = session.get(Counter, int(setting.value)) if setting else None
    if counter is None:
        raise DomainError(ErrorCode.DATABASE_NOT_INITIALISED, path="this database")
    branch = session.scalars(select(Branch).where(Branch.id == counter.branch_id)).one()
    return counter, branch


def system_actor(session: Session, username: str = SYSTEM_USERNAME) -> Actor:
    """The actor for administrative and scheduled work at this counter (no login)."""
    counter, branch = local_counter(session)
    return Actor(None, username, "admin", counter.id, counter.code, branch.code, counter.device_id)
