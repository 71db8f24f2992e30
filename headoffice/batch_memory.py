"""What a push's batch keeps in memory instead of asking the database once per event.

A batch claims the customers, plans and payments its events name (``claims``), and head
office's other writers never run alongside a push, so what the batch reads of them at
its start stays true for the whole batch but for its own changes — made to these same
objects. Kept here: the plans the batch names (the session alone keeps an object only
while something holds on to it, so looking a plan up again would ask again), which of
them head office does not hold, and every bill of the batch's customers. Outside a push
nothing is kept and every look-up asks the database.

A batch applied whole (``rules.WHOLE``: no savepoints, any rule broken undoes it all)
also keeps every plan of its customers and those it adds, so a plan it has not yet
written is found, and an enrolment refused by one held before is seen, without writing
each event's rows first: the batch's rows go to the database together.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from headoffice import bulk_rows
from headoffice.bulk_rows import among
from headoffice.models import Bill, Customer, Enrolment

PLANS = "loket_batch_plans"  # session.info: the batch's plans, held on to
ABSENT = "loket_batch_absent_plans"  # session.info: plan ids head office does not hold
BILLS = "loket_batch_bills"  # session.info: customer id → all of its bills
ADDED = "loket_batch_added_plans"  # session.info, a batch applied whole: plans it added
OWN = "loket_batch_customer_plans"  # and every plan of its customers, by connection no
CHUNK = 500


def remember(session: Session, customers: Iterable[Customer], plans: set[str], *,
             whole: bool = False) -> None:
    """Read the batch's plans and its customers' bills (and, for a batch applied
    ``whole``, its customers' plans), a statement per 500 of them."""
    uuids = sorted(plans)
    found: list[Enrolment] = []
    for start in range(0, len(uuids), CHUNK):
        found.extend(session.scalars(select(Enrolment).where(
            among(session, Enrolment.uuid, uuids[start:start + CHUNK]))))
    customers = list(customers)
    if whole:
        numbers = sorted(c.connection_no for c in customers)
        own: defaultdict[str, list[Enrolment]] = defaultdict(list)
        for start in range(0, len(numbers), CHUNK):
            for enrolment in session.scalars(select(Enrolment).where(
                    among(session, Enrolment.connection_no, numbers[start:start + CHUNK]))):
                own[enrolment.connection_no].append(enrolment)
        session.info[ADDED], session.info[OWN] = {}, own
        bulk_rows.buffer_rows(session)  # its rows are written together (write_new_rows)
    ids = sorted(c.id for c in customers)
    bills: defaultdict[int, list[Bill]] = defaultdict(list)
    for start in range(0, len(ids), CHUNK):
        for bill in session.scalars(select(Bill).where(
                among(session, Bill.customer_id, ids[start:start + CHUNK])).order_by(Bill.id)):
            bills[bill.customer_id].append(bill)
    session.info[PLANS] = found
    session.info[ABSENT] = set(uuids) - {e.uuid for e in found}
    session.info[BILLS] = {customer_id: bills[customer_id] for customer_id in ids}


def plan(session: Session, uuid: str) -> Enrolment | None:
    """The plan ``uuid`` head office holds (no query for one the batch knows absent)."""
    absent: set[str] | None = session.info.get(ABSENT)
    if absent is not None and uuid in absent:
        return None
    added: dict[str, Enrolment] = session.info.get(ADDED, {})
    return added[uuid] if uuid in added else session.get(Enrolment, uuid)


def plan_added(session: Session, enrolment: Enrolment) -> None:
    """A plan the batch adds: found again without a query (if its event is undone, the
    session forgets it and the next look-up asks the database)."""
    absent: set[str] | None = session.info.get(ABSENT)
    if absent is not None:
        absent.discard(enrolment.uuid)
        session.info[PLANS].append(enrolment)
    if ADDED in session.info:
        session.info[ADDED][enrolment.uuid] = enrolment
        session.info[OWN][enrolment.connection_no].append(enrolment)


def blocks(session: Session, connection_no: str, programme: str) -> bool | None:
    """In a batch applied whole: does a plan stop a new one for the customer (any
    active plan, or one in the programme not cancelled)? None elsewhere: ask the
    database (``ledger.blocking_enrolment``)."""
    own: dict[str, list[Enrolment]] | None = session.info.get(OWN)
    if own is None:
        return None
    return any(e.state == "active" or (e.programme == programme and e.state != "cancelled")
               for e in own.get(connection_no, ()))


def written_each(session: Session) -> bool:
    """Are an event's rows written as it is applied (not in a batch applied whole)?"""
    return ADDED not in session.info


def bills_of(session: Session, customer_id: int) -> list[Bill] | None:
    """Every bill of the customer as the batch holds them, or None outside a push."""
    known: dict[int, list[Bill]] | None = session.info.get(BILLS)
    return None if known is None else known.get(customer_id)
