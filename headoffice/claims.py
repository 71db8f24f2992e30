"""What a push may touch while other branches push at the same time.

On PostgreSQL pushes run side by side (``Database.pushing``). Before a batch is applied
it claims a transaction-level advisory lock (of its schema) for every customer, plan,
payment and shift its events name, and for the customers and plans of the plans and
payments they name — all in one sorted order, so two batches never wait on each other
in a circle. The rules then ``require`` the claim of whatever they read to decide or
change; something not claimed (a plan or payment another batch made in between)
raises ``ClaimMissed``, and the batch is applied again from the start with that claim
added. Outside a push (the console and imports hold the writers' lock alone) and on
SQLite (one writer at a time) ``require`` does nothing.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from headoffice.bulk_rows import among
from headoffice.models import Enrolment, Payment

HELD = "loket_claims"  # session.info: the claims of the push under way
_NAMED = {"connection_no": "customer", "enrolment_uuid": "plan", "payment_uuid": "payment",
          "shift_uuid": "shift"}


class ClaimMissed(Exception):
    """A push touched something it had not claimed: apply the batch again, claiming it."""

    def __init__(self, claim: str) -> None:
        super().__init__(f"{claim} was not claimed")
        self.claim = claim


def claim_name(kind: str, key: str) -> str:
    return f"{kind}:{key.strip()}"


def keys_of(claims: set[str], kind: str) -> set[str]:
    """The keys of the claims of one kind."""
    prefix = f"{kind}:"
    return {name[len(prefix):] for name in claims if name.startswith(prefix)}


def require(session: Session, kind: str, key: object) -> None:
    """In a push on PostgreSQL: ``ClaimMissed`` unless (kind, key) is claimed."""
    held: set[str] | None = session.info.get(HELD)
    if held is None or not isinstance(key, str) or not key.strip():
        return
    name = claim_name(kind, key)
    if name not in held:
        raise ClaimMissed(name)


def named(session: Session, payloads: Iterable[dict[str, Any]]) -> set[str]:
    """The claims of a batch: what its events name, and the customers and plans of the
    plans and payments they name (as head office holds them now)."""
    found: dict[str, set[str]] = {kind: set() for kind in _NAMED.values()}
    for payload in payloads:
        for field, kind in _NAMED.items():
            value = payload.get(field)
            if isinstance(value, str) and value.strip():
                found[kind].add(value.strip())
    payments = sorted(lookable(found["payment"]))
    for start in range(0, len(payments), 500):
        chunk = payments[start:start + 500]
        for connection_no, plan in session.execute(select(
                Payment.connection_no, Payment.enrolment_uuid).where(
                among(session, Payment.uuid, chunk))):
            found["customer"].add(connection_no)
            if plan:
                found["plan"].add(plan)
    plans = sorted(lookable(found["plan"]))
    for start in range(0, len(plans), 500):
        found["customer"].update(session.scalars(select(Enrolment.connection_no).where(
            among(session, Enrolment.uuid, plans[start:start + 500]))))
    return {claim_name(kind, key) for kind, keys in found.items() for key in keys if key}


def lookable(keys: set[str]) -> set[str]:
    """The keys head office could hold (ids are short and printable); others are
    claimed all the same and refused by the rules unread."""
    return {key for key in keys if len(key) <= 80 and key.isprintable()}


def take(session: Session, claims: Sequence[str] | set[str]) -> None:
    """Hold ``claims`` for the rest of the transaction (PostgreSQL), in lock order."""
    if session.get_bind().dialect.name != "postgresql":
        return
    session.info[HELD] = set(claims)
    if not claims:
        return
    keys = sorted({zlib.crc32(name.encode("utf-8")) - 2**31 for name in claims})
    # unnest yields the array in its order: the locks are taken in that (sorted) order
    session.execute(text("SELECT count(pg_advisory_xact_lock(hashtext(current_schema() || "
                         "'.claims'), key)) FROM unnest(CAST(:keys AS integer[])) AS key"),
                    {"keys": keys})
