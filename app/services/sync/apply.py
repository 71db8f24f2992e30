"""Applying head office's changes (customers, bills, terms, users, acks) to the branch.

Master data is head office's; the branch upserts it with the same checks and plans as
the CSV imports (``imports.customers`` / ``imports.bills``): a customer is found by
connection number (``name_lower`` follows the name, ``version`` is head office's; the
enrolment head office holds for them is kept in ``office_enrolment``), a bill by
(customer, period) — a bill this branch took payments for, or that a plan took over, is
kept as it is, its change held until the bill is free (``held_bills``). Terms versions
are stored like ``programmes.load_terms`` (the same version again changes nothing;
another body under it is refused). Users are upserted by username with head office's
password hash. Everything happens inside the caller's transaction; one malformed
change refuses the whole page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Customer, PromotionTermsRecord, Role, User
from app.services.audit.journal import record_change
from app.services.customer_changes import apply_decisions
from app.services.errors import DomainError, ErrorCode
from app.services.imports.bills import BILL_COLUMNS, apply_bills, check_bill_rows, plan_bills
from app.services.imports.csv_files import CsvRow, RejectedRow
from app.services.imports.customers import (
    CUSTOMER_COLUMNS,
    apply_customers,
    check_customer_rows,
)
from app.services.imports.plan import ImportPlan, ValidRow
from app.services.ledger.office_enrolments import parse_office_enrolment, store_office_enrolments
from app.services.sync.acks import parse_ack, record_acks
from app.services.sync.held_bills import covered_bills, drop_held, hold, release_free
from app.services.sync.protocol import bad_response, need, need_int, sync_actor
from app.services.sync.typed_rows import bill_rows, customer_rows
from app.services.terms import terms_from_json

KINDS = ("customer", "bill", "terms", "user", "ack", "change_request")
_OPTIONAL_TEXT = ("rt", "rw", "phone")
_CUSTOMER_FIELDS = (*CUSTOMER_COLUMNS, "name_lower")
CHUNK = 500


@dataclass(frozen=True)
class Change:
    change_id: int
    kind: str
    key: str
    data: dict[str, Any]


@dataclass(frozen=True)
class ApplyCounts:
    """Rows written per kind; ``bills_kept`` were left as they are (local payments or
    plan; their changes held), ``bills_released`` held changes applied now."""

    customers: int = 0
    bills: int = 0
    bills_kept: int = 0
    terms: int = 0
    users: int = 0
    acks: int = 0
    bills_released: int = 0


def parse_change(item: Any, where: str) -> Change:
    change_id = need_int(item, "change_id", where, minimum=1)
    kind = need(item, "kind", str, where)
    if kind not in KINDS:
        raise bad_response(f"{where}: unknown kind of change '{kind}'")
    return Change(change_id, kind, need(item, "key", str, where), need(item, "data", dict, where))


def bad_change(change: Change, problem: str) -> DomainError:
    return DomainError(ErrorCode.SYNC_BAD_CHANGE, kind=change.kind, key=change.key,
                       problem=problem)


def apply_changes(session: Session, now: dt.datetime, device_id: str,
                  changes: Sequence[Change]) -> ApplyCounts:
    """Apply a page: the last change of each key wins; customers go before bills."""
    of = newest_of_each_key(changes)
    customers = _customers(session, of["customer"])
    released = _release_held(session, now)  # before the page: its changes are newer
    bills, kept = _bills(session, now, of["bill"])
    terms = sum(_terms(session, now, c) for c in of["terms"])
    users = _users(session, now, of["user"])
    acks = _acks(session, now, device_id, of["ack"])
    if of["change_request"]:  # head office's decisions on this branch's requests
        apply_decisions(session, sync_actor(session), now,
                        [(c.key, c.data) for c in of["change_request"]])
    session.flush()
    return ApplyCounts(customers, bills, kept, terms, users, acks, released)


def newest_of_each_key(changes: Sequence[Change]) -> dict[str, list[Change]]:
    """The last change of each (kind, key), by kind, in the order they were last made."""
    latest: dict[tuple[str, str], Change] = {}
    for change in changes:
        latest.pop((change.kind, change.key), None)
        latest[(change.kind, change.key)] = change
    return {kind: [c for c in latest.values() if c.kind == kind] for kind in KINDS}


def customer_details(changes: Sequence[Change], by_line: dict[int, str]
                     ) -> tuple[dict[str, int], dict[str, dict[str, Any] | None]]:
    """Head office's version of each customer, and the enrolment it holds for those
    whose change names one (``by_line``: change id → connection number)."""
    versions: dict[str, int] = {}
    enrolments: dict[str, dict[str, Any] | None] = {}
    for change in changes:
        version = change.data.get("version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise bad_change(change, "version must be a whole number from 1")
        versions[by_line[change.change_id]] = version
        if "enrolment" in change.data:  # the enrolment head office holds (any branch's)
            try:
                enrolments[by_line[change.change_id]] = parse_office_enrolment(
                    change.data["enrolment"])
            except ValueError as exc:
                raise bad_change(change, str(exc)) from exc
    return versions, enrolments


def _cells(change: Change, columns: Sequence[str],
           renamed: dict[str, str] | None = None) -> CsvRow:
    """The change's data as CSV cells, so the import's cell checks apply unchanged
    (``renamed`` maps a CSV column to the name it has in the change)."""
    cells: dict[str, str] = {}
    for column in columns:
        value = change.data.get((renamed or {}).get(column, column))
        if value is None and column in _OPTIONAL_TEXT:
            value = ""
        if isinstance(value, bool):
            value = "1" if value else "0"
        elif isinstance(value, int):
            value = str(value)
        if not isinstance(value, str):
            raise bad_change(change, f"{column} is missing or of the wrong type")
        cells[column] = value.strip()
    return CsvRow(change.change_id, cells)


def _refuse_rejected(changes: Sequence[Change], rejected: Sequence[RejectedRow]) -> None:
    if rejected:
        first = rejected[0]
        change = next(c for c in changes if c.change_id == first.line)
        raise bad_change(change, "; ".join(p.text for p in first.reasons))


def _customers(session: Session, changes: Sequence[Change]) -> int:
    if not changes:
        return 0
    valid = customer_rows(changes)
    if valid is None:  # a value the quick checks do not take: the import's checks say why
        valid, rejected = check_customer_rows([_cells(c, CUSTOMER_COLUMNS) for c in changes])
        _refuse_rejected(changes, rejected)
    versions, enrolments = customer_details(changes, {row.line: row.key for row in valid})
    existing = _existing_customers(session, [row.key for row in valid])
    plan = ImportPlan()
    for row in valid:
        values = dict(row.values, version=versions[row.key])
        old = existing.get(row.key)
        if old is None:
            plan.inserts.append(values)
        elif old[1:] != tuple(values[f] for f in ("version", *_CUSTOMER_FIELDS)):
            plan.updates.append(dict(values, id=old[0]))
    apply_customers(session, plan)
    store_office_enrolments(session, enrolments)
    return len(plan.inserts) + len(plan.updates)


def _existing_customers(session: Session, numbers: Sequence[str]) -> dict[str, tuple[Any, ...]]:
    columns = [getattr(Customer, f) for f in ("id", "version", *_CUSTOMER_FIELDS)]
    found: dict[str, tuple[Any, ...]] = {}
    for start in range(0, len(numbers), CHUNK):
        query = select(*columns).where(Customer.connection_no.in_(numbers[start:start + CHUNK]))
        found.update((row[2], tuple(row)) for row in session.execute(query))
    return found


def _bills(session: Session, now: dt.datetime, changes: Sequence[Change]) -> tuple[int, int]:
    """Write the bills that are free; hold the changes of those a local plan covers, and
    of those whose customer has not arrived yet (head office re-records a customer after
    its bills when its status or plan changes, so a first pull can meet a bill before
    its customer; the customer's change comes in a later page, and the held bill with it)."""
    if not changes:
        return 0, 0
    valid = _valid_bills(changes)
    known = set(_existing_customers(session, sorted({row.key for row in valid})))
    covered = covered_bills(session, (_bill_key(row) for row in valid if row.key in known))
    by_id = {c.change_id: c for c in changes}
    held = [row for row in valid if row.key not in known or _bill_key(row) in covered]
    hold(session, now, [(_bill_key(row), row.line, by_id[row.line].data) for row in held])
    free = [row for row in valid if row.key in known and _bill_key(row) not in covered]
    drop_held(session, [_bill_key(row) for row in free])
    plan = plan_bills(session, free, now)
    apply_bills(session, plan)
    return len(plan.inserts) + len(plan.updates), len(valid) - len(free) + len(plan.rejected)


def _release_held(session: Session, now: dt.datetime) -> int:
    """Apply the held bill changes whose bill is free now (its customer has arrived, or
    no local plan or payment covers it any more)."""
    return len(release_free(session, now))


def _valid_bills(changes: Sequence[Change]) -> list[ValidRow]:
    quick = bill_rows(changes)
    if quick is not None:
        return quick
    valid, rejected = check_bill_rows(_cells(c, BILL_COLUMNS, {"paid": "settled"})
                                      for c in changes)
    _refuse_rejected(changes, rejected)
    return valid


def _bill_key(row: ValidRow) -> tuple[str, str]:
    return row.key, str(row.values["period"])


def _terms(session: Session, now: dt.datetime, change: Change) -> int:
    body = change.data.get("body")
    if not isinstance(body, str):
        raise bad_change(change, "body must be the terms as JSON text")
    try:
        terms = terms_from_json(body)
    except (DomainError, ValueError) as exc:
        raise bad_change(change, getattr(exc, "message", "body is not JSON")) from exc
    if change.data.get("checksum") not in (None, terms.checksum()):
        raise bad_change(change, "the checksum does not match the body")
    existing = session.scalar(select(PromotionTermsRecord).where(
        PromotionTermsRecord.code == terms.code, PromotionTermsRecord.version == terms.version))
    if existing is not None:
        if existing.checksum != terms.checksum():
            raise bad_change(change, f"{terms.code} version {terms.version} is already "
                                     "loaded with other terms")
        return 0
    row = PromotionTermsRecord(
        code=terms.code, version=terms.version, name=terms.name, valid_from=terms.valid_from,
        valid_to=terms.valid_to, body=terms.to_json(), checksum=terms.checksum(), loaded_at=now)
    session.add(row)
    session.flush()
    record_change(session, sync_actor(session), now, action="terms.load", entity="terms",
                  entity_id=f"{terms.code}/{terms.version}",
                  details={"code": terms.code, "version": terms.version,
                           "checksum": row.checksum, "source": "headoffice"})
    return 1


def _users(session: Session, now: dt.datetime, changes: Sequence[Change]) -> int:
    wanted = [_user_values(c) for c in changes]
    names = [values["username"] for values in wanted]
    stored = {u.username: u for u in session.scalars(select(User).where(User.username.in_(names)))}
    written = 0
    for values in wanted:
        user = stored.get(values["username"])
        if user is None:
            session.add(User(**values, created_at=now))
            written += 1
        elif any(getattr(user, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(user, key, value)
            written += 1
    return written


def _user_values(change: Change) -> dict[str, Any]:
    data = change.data
    username, full_name = data.get("username"), data.get("full_name")
    role, password_hash, active = data.get("role"), data.get("password_hash"), data.get("active")
    if not isinstance(username, str) or not 0 < len(username.strip()) <= 40:
        raise bad_change(change, "username must be text of 1 to 40 characters")
    if not isinstance(full_name, str) or len(full_name) > 120:
        raise bad_change(change, "full_name must be text of up to 120 characters")
    if role not in tuple(r.value for r in Role):
        raise bad_change(change, f"role '{role}' is not cashier, supervisor or admin")
    if not isinstance(password_hash, str) or not password_hash.startswith("$argon2") \
            or len(password_hash) > 200:
        raise bad_change(change, "password_hash must be an argon2 hash")
    if not isinstance(active, bool):
        raise bad_change(change, "active must be true or false")
    name = username.strip().lower()
    return {"username": name, "full_name": full_name.strip() or name, "role": Role(role),
            "password_hash": password_hash, "active": active}


def _acks(session: Session, now: dt.datetime, device_id: str,
          changes: Sequence[Change]) -> int:
    ours = [c for c in changes if c.data.get("device_id") == device_id]
    if not ours:
        return 0
    acks = [parse_ack(c.data, f"ack change {c.change_id}") for c in ours]
    return record_acks(session, device_id, now, acks, strict=False).acked
