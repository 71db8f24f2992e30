"""Refused device registrations: a limit per client address, and codes locked by guessing.

A one-time code holds 60 bits of chance (12 characters of 32), hopeless to guess as long
as nobody may try without limit. So head office keeps every refused registration and:

- **per client address**: after ``ADDRESS_LIMIT`` refusals within ``ADDRESS_WINDOW``,
  the address is answered **429** ``too_many_attempts`` (with ``Retry-After`` and
  ``retry_after`` in seconds) until the oldest of them has left the window. An IPv6
  address counts per /64 network (one machine usually holds a whole /64). Requests
  answered 429 are not counted, so waiting always helps;
- **per branch counter**: after ``CODE_LOCK_LIMIT`` wrong-code attempts naming a branch
  counter, the codes issued for that counter before them are locked (**403**
  ``code_locked``): a guesser spread over many addresses meets this limit, and head
  office issues a new code.

The refusals are rows in the database, not memory in one process: the limits hold
across restarts and across several server processes, and since writers are serialised
two requests never both take the last attempt left.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import math

from sqlalchemy import Index, String, delete, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from headoffice.errors import ApiError
from headoffice.models import Base, EnrolmentCode

ADDRESS_LIMIT = 5
ADDRESS_WINDOW = dt.timedelta(minutes=10)
CODE_LOCK_LIMIT = 10
KEEP = dt.timedelta(days=8)  # longer than a code lives (7 days)
MAX_ADDRESS = 64


class RegistrationFailure(Base):
    """One refused registration: from where, naming which counter, and why."""

    __tablename__ = "registration_failure"
    __table_args__ = (Index("ix_registration_failure_address", "address", "at"),
                      Index("ix_registration_failure_counter", "branch_code", "counter", "at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    address: Mapped[str] = mapped_column(String(MAX_ADDRESS))
    branch_code: Mapped[str] = mapped_column(String(16))
    counter: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(40))
    wrong_code: Mapped[bool]  # the code was unknown, used or expired
    at: Mapped[dt.datetime] = mapped_column(index=True)


def too_many_attempts(retry_after: int) -> ApiError:
    minutes = max(1, math.ceil(retry_after / 60))
    return ApiError(429, "too_many_attempts",
                    f"too many refused registrations from this address; try again in "
                    f"{minutes} minute{'s' if minutes != 1 else ''} with the right code",
                    retry_after=retry_after)


def code_locked(branch: str, counter: str) -> ApiError:
    return ApiError(403, "code_locked",
                    f"the one-time code for branch {branch} counter {counter} is locked after "
                    f"{CODE_LOCK_LIMIT} wrong attempts; ask head office for a new code")


def client_key(host: str | None) -> str:
    """Whom the limit counts: the IPv4 address, or the /64 network of an IPv6 one."""
    if not host:
        return "unknown"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host[:MAX_ADDRESS]
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


def check_address(session: Session, address: str, now: dt.datetime) -> None:
    """429 ``too_many_attempts`` if ``address`` has used up its refusals for now."""
    recent = list(session.scalars(
        select(RegistrationFailure.at).where(RegistrationFailure.address == address,
                                             RegistrationFailure.at > now - ADDRESS_WINDOW)
        .order_by(RegistrationFailure.at.desc()).limit(ADDRESS_LIMIT)))
    if len(recent) < ADDRESS_LIMIT:
        return
    frees_at = recent[-1] + ADDRESS_WINDOW  # the oldest of the last ADDRESS_LIMIT
    raise too_many_attempts(max(1, math.ceil((frees_at - now).total_seconds())))


def is_locked(session: Session, code: EnrolmentCode) -> bool:
    """Whether wrong codes were tried often enough for this code's counter since it was
    issued."""
    wrong = session.scalar(select(func.count()).select_from(RegistrationFailure).where(
        RegistrationFailure.branch_code == code.branch_code,
        RegistrationFailure.counter == code.counter,
        RegistrationFailure.wrong_code.is_(True),
        RegistrationFailure.at >= code.created_at)) or 0
    return wrong >= CODE_LOCK_LIMIT


def record_failure(session: Session, address: str, branch: str, counter: str,
                   refusal: ApiError, now: dt.datetime) -> None:
    """Keep one refusal (and forget those too old to matter to either limit)."""
    session.execute(delete(RegistrationFailure).where(RegistrationFailure.at < now - KEEP))
    session.add(RegistrationFailure(
        address=address[:MAX_ADDRESS], branch_code=branch.strip().upper()[:16],
        counter=counter.strip().upper()[:16], reason=refusal.code[:40],
        wrong_code=refusal.code == "unauthorised", at=now))
    session.flush()
