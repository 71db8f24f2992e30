"""A small but faithful head office in memory, speaking ``docs/sync-protocol.md``.

:class:`FakeHeadOffice` keeps events permanently by id (a repeat returns the stored
result), refuses sequence gaps with 409, rejects events that break its business rules
(``already_enrolled``, ``unknown_payment``), pages its change log behind a cursor and
answers a cursor of an older epoch with 410. :class:`FakeLink` is a ``Transport`` to
it: bodies really are gzip JSON, and faults can be injected (a request lost, an answer
lost after head office committed, a damaged answer). Also here: an in-memory keyring,
a token store, and a unit-of-work factory that "kills" the branch at a chosen commit.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import hmac
import io
import json
import secrets
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import keyring.errors
from argon2 import PasswordHasher
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import func, select

from app.bootstrap import BranchDatabase
from app.models import OutboxEvent, Payment, Void
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.instalments import InstalmentRequest, pay_instalment
from app.services.ledger.payments import PaymentReceipt, Tender
from app.services.ledger.voids import VoidRequest, void_payment
from app.services.sync.protocol import local_device
from app.services.sync.signing import keep_key, public_hex
from app.services.sync.token_store import TokenStore
from app.services.sync.transport import Traffic, encode_body, inflate, read_answer
from app.services.terms import PromotionTerms
from app.services.unit_of_work import UnitOfWork
from tests.support.fakes import SUPERVISOR, add_customer, monthly_bills

Answer = tuple[int, Any]


def _error(status: int, code: str, message: str, **extra: Any) -> Answer:
    return status, {"error": code, "message": message, **extra}


@dataclass
class StoredEvent:
    device_id: str
    id: str
    seq: int
    type: str
    created_at: str
    payload: dict[str, Any]
    status: str
    reason: str = ""


@dataclass
class OfficeDevice:
    device_id: str
    branch: str
    counter: str
    token: str
    revoked: bool = False
    public_key: str = ""  # the counter's Ed25519 bundle-signing key, hex


@dataclass
class OfficeState:
    """Everything a head-office database backup holds."""

    events: dict[str, StoredEvent] = field(default_factory=dict)
    last_seq: dict[str, int] = field(default_factory=dict)
    payments: dict[str, int] = field(default_factory=dict)
    applied: Counter[str] = field(default_factory=Counter)
    voided: set[str] = field(default_factory=set)
    enrolled: dict[str, str] = field(default_factory=dict)
    credits: dict[str, int] = field(default_factory=dict)
    changes: list[dict[str, Any]] = field(default_factory=list)


def bundle_key(token: str) -> bytes:
    """Bundles are signed with the SHA-256 of the device token."""
    return hashlib.sha256(token.encode()).digest()


class FakeHeadOffice:
    def __init__(self) -> None:
        self.state = OfficeState()
        self.epoch = "epoch-1"
        self.devices: dict[str, OfficeDevice] = {}
        self.codes: dict[str, tuple[str, str]] = {}
        self.faults: list[tuple[str, str]] = []
        self.requests: list[tuple[str, str, int]] = []
        self.max_events = 500
        self.reconcile_skew: dict[str, int] = {}
        self.poison: dict[str, str] = {}  # event type → reason: rejected like a broken rule
        self.takes_reports = True  # POST /api/v1/reconcile (optional in the protocol)
        self.reports: dict[str, Any] = {}

    # --- set-up and inspection -------------------------------------------------------
    def issue_code(self, branch: str, counter: str) -> str:
        code = secrets.token_hex(4).upper()
        self.codes[code] = (branch, counter)
        return code

    def enrol_device(self, device_id: str, branch: str, counter: str) -> str:
        token = secrets.token_urlsafe(24)
        self.devices[token] = OfficeDevice(device_id, branch, counter, token)
        return token

    def device(self, device_id: str) -> OfficeDevice:
        return next(d for d in self.devices.values() if d.device_id == device_id)

    def link(self, token: str, *, protocol: int = 1) -> FakeLink:
        return FakeLink(self, token, protocol)

    def publish(self, kind: str, key: str, data: dict[str, Any]) -> int:
        change_id = (self.state.changes[-1]["change_id"] + 1) if self.state.changes else 1
        self.state.changes.append({"change_id": change_id, "kind": kind, "key": key,
                                   "data": copy.deepcopy(data)})
        return change_id

    def fail_next(self, fault: str, path: str = "") -> None:
        """``drop`` (request lost), ``lose_answer`` (lost after committing), ``truncate``,
        ``garble``, ``server_error`` — for the next request whose path starts with ``path``."""
        self.faults.append((fault, path))

    def backup(self) -> OfficeState:
        return copy.deepcopy(self.state)

    def restore(self, backup: OfficeState) -> None:
        """Head office restored from ``backup``: a new epoch begins."""
        self.state = copy.deepcopy(backup)
        self.epoch = f"epoch-{int(self.epoch.split('-')[1]) + 1}"

    def events_of(self, device_id: str) -> list[StoredEvent]:
        return sorted((e for e in self.state.events.values() if e.device_id == device_id),
                      key=lambda e: e.seq)

    def net_paid(self) -> int:
        """Payments received minus those voided: head office's money figure."""
        return sum(amount for uuid, amount in self.state.payments.items()
                   if uuid not in self.state.voided)

    def pushes(self) -> list[int]:
        return [status for method, path, status in self.requests if path == "/api/v1/push"]

    # --- the server ------------------------------------------------------------------
    def handle(self, method: str, path: str, query: dict[str, str], body: Any,
               headers: dict[str, str]) -> Answer:
        if headers.get("X-Loket-Protocol") != "1":
            return _error(426, "protocol_unsupported", "protocol 1 only", supported=[1])
        if (method, path) == ("POST", "/api/v1/devices/register"):
            return self._register(body)
        device = next((d for d in self.devices.values()
                       if headers.get("Authorization") == f"Bearer {d.token}"), None)
        if device is None:
            return _error(401, "unauthorised", "unknown token")
        if device.revoked:
            return _error(403, "device_revoked", "this device was revoked")
        if (method, path) == ("POST", "/api/v1/push"):
            return self._push_request(device, body)
        if (method, path) == ("GET", "/api/v1/pull"):
            return self._pull(query)
        if (method, path) == ("GET", "/api/v1/reconcile"):
            return self._reconcile(device, query)
        if (method, path) == ("POST", "/api/v1/reconcile") and self.takes_reports:
            return self._report(device, body)
        return _error(404, "not_found", f"no {method} {path}")

    def _register(self, body: Any) -> Answer:
        wanted = self.codes.pop(str(body.get("code")), None)
        if wanted is None or wanted != (body.get("branch"), body.get("counter")):
            return _error(401, "unauthorised", "the code is unknown, used or expired")
        token = self.enrol_device(body["device_id"], *wanted)
        self.device(body["device_id"]).public_key = str(body.get("public_key") or "")
        return 200, {"token": token, "branch": wanted[0], "counter": wanted[1],
                     "epoch": self.epoch}

    def _push_request(self, device: OfficeDevice, body: Any) -> Answer:
        if not isinstance(body, dict) or not isinstance(body.get("events"), list):
            return _error(400, "bad_body", "the body is not a push")
        if body.get("device_id") != device.device_id or body.get("branch") != device.branch:
            return _error(403, "wrong_branch", "not this device's branch")
        if len(body["events"]) > self.max_events:
            return _error(413, "body_too_large", "too many events")
        for event in body["events"]:
            if not (isinstance(event, dict) and isinstance(event.get("id"), str)
                    and isinstance(event.get("seq"), int) and isinstance(event.get("payload"), dict)
                    and isinstance(event.get("type"), str)):
                return _error(400, "bad_body", "an event is malformed")
        return self.push(device, body["events"])

    def push(self, device: OfficeDevice, events: list[dict[str, Any]]) -> Answer:
        """Apply a batch in one go, or nothing of it on a sequence gap."""
        state = self.state
        last = state.last_seq.get(device.device_id, 0)
        running = last
        for event in events:
            if event["id"] in state.events:
                continue
            if event["seq"] != running + 1:
                return _error(409, "sequence_gap", "events are missing",
                              expected_seq=last + 1)
            running += 1
        results = []
        for event in events:
            stored = state.events.get(event["id"])
            if stored is not None:
                results.append({"id": stored.id, "seq": stored.seq, "status": "duplicate",
                                "original": stored.status, "reason": stored.reason})
                continue
            status, reason = self._rule(device, event)
            state.events[event["id"]] = StoredEvent(
                device.device_id, event["id"], event["seq"], event["type"],
                event["created_at"], event["payload"], status, reason)
            state.last_seq[device.device_id] = event["seq"]
            results.append({"id": event["id"], "seq": event["seq"], "status": status,
                            "reason": reason})
        return 200, {"results": results,
                     "acked_through": state.last_seq.get(device.device_id, 0)}

    def _rule(self, device: OfficeDevice, event: dict[str, Any]) -> tuple[str, str]:
        state, payload, kind = self.state, event["payload"], event["type"]
        if kind in self.poison:
            return "rejected", self.poison[kind]
        if kind == "enrolment.paid":
            holder = state.enrolled.get(payload["connection_no"])
            if holder is not None and holder != payload["enrolment_uuid"]:
                conn = payload["connection_no"]
                state.credits[conn] = state.credits.get(conn, 0) + payload["amount"]
                return "rejected", "already_enrolled"
            state.enrolled[payload["connection_no"]] = payload["enrolment_uuid"]
        if kind in ("enrolment.paid", "instalment.paid"):
            state.payments[payload["payment_uuid"]] = payload["amount"]
            state.applied[payload["payment_uuid"]] += 1
        if kind == "payment.voided":
            if payload["payment_uuid"] not in state.payments:
                return "rejected", "unknown_payment"
            state.voided.add(payload["payment_uuid"])
            if payload.get("kind") == "down_payment":
                for conn, enrolment in list(state.enrolled.items()):
                    if enrolment == payload["enrolment_uuid"]:
                        del state.enrolled[conn]
        return "applied", ""

    def _pull(self, query: dict[str, str]) -> Answer:
        cursor, limit = query.get("cursor", ""), int(query.get("limit", "1000"))
        after = 0
        if cursor:
            epoch, _, number = cursor.rpartition(":")
            if not number.isdigit():
                return _error(400, "bad_body", "malformed cursor")
            if epoch != self.epoch:
                return _error(410, "epoch_changed", "head office was restored",
                              epoch=self.epoch)
            after = int(number)
        pending = [c for c in self.state.changes if c["change_id"] > after]
        page = pending[:limit]
        last = page[-1]["change_id"] if page else after
        return 200, {"epoch": self.epoch, "changes": copy.deepcopy(page),
                     "cursor": f"{self.epoch}:{last}", "more": len(pending) > limit}

    def _reconcile(self, device: OfficeDevice, query: dict[str, str]) -> Answer:
        if query.get("device_id") != device.device_id:
            return _error(403, "wrong_branch", "another device")
        through = int(query["through_seq"])
        rows: dict[tuple[str, str, str], list[int]] = {}
        for event in self.events_of(device.device_id):
            if event.seq > through:
                continue
            amount = event.payload.get("amount")
            amount = amount if isinstance(amount, int) and not isinstance(amount, bool) else 0
            row = rows.setdefault((event.created_at[:10], event.type, event.status), [0, 0])
            row[0] += 1
            row[1] += amount + self.reconcile_skew.get(event.type, 0)
        return 200, {"days": [{"business_date": d, "type": t, "status": s, "count": n,
                               "amount": a} for (d, t, s), (n, a) in sorted(rows.items())]}

    def _report(self, device: OfficeDevice, body: Any) -> Answer:
        if body.get("device_id") != device.device_id:
            return _error(401, "unauthorised", "another device")
        self.reports[device.device_id] = body
        status, ours = self._reconcile(device, {"device_id": device.device_id,
                                                "through_seq": str(body["through_seq"])})
        return status, {"matches": ours["days"] == body["days"], "days": ours["days"],
                        "differences": []}

    # --- bundles ---------------------------------------------------------------------
    def import_bundle(self, data: bytes) -> bytes:
        """Import a branch bundle like an online push; the signed reply bundle."""
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            raw_manifest = archive.read("manifest.json")
            events_raw = archive.read("events.jsonl")
            signature = archive.read("signature").decode().strip()
        manifest = json.loads(raw_manifest)
        device = self.device(manifest["device_id"])
        try:  # the counter's own key signs its bundles; head office holds the public half
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(device.public_key)).verify(
                bytes.fromhex(signature), raw_manifest)
        except (ValueError, InvalidSignature):
            raise ValueError("bundle signature does not match") from None
        if hashlib.sha256(events_raw).hexdigest() != manifest["sha256"]["events.jsonl"]:
            raise ValueError("events.jsonl was changed")
        if manifest["branch"] != device.branch:
            raise ValueError("bundle of another branch")
        events = [json.loads(line) for line in events_raw.decode().splitlines() if line]
        _, acks = self.push(device, events)
        cursor = manifest["cursor"] if manifest["cursor"].startswith(f"{self.epoch}:") else ""
        _, page = self._pull({"cursor": cursor, "limit": str(10**9)})
        return self.reply_bundle(device, acks, page["changes"], page["cursor"])

    def reply_bundle(self, device: OfficeDevice, acks: Any, changes: list[dict[str, Any]],
                     cursor: str, *, branch: str | None = None) -> bytes:
        members = {"acks.json": json.dumps(acks).encode(),
                   "changes.jsonl": "".join(json.dumps(c) + "\n" for c in changes).encode(),
                   "cursor": cursor.encode()}
        manifest = json.dumps({
            "protocol": 1, "branch": branch or device.branch,
            "device_id": device.device_id, "epoch": self.epoch,
            "created_at": "2025-11-25T10:00:00",
            "sha256": {k: hashlib.sha256(v).hexdigest() for k, v in members.items()}}).encode()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("manifest.json", manifest)
            for name, data in members.items():
                archive.writestr(name, data)
            archive.writestr("signature", hmac.new(bundle_key(device.token), manifest,
                                                   hashlib.sha256).hexdigest())
        return buffer.getvalue()


class FakeLink:
    """A ``Transport`` to a :class:`FakeHeadOffice`, gzip JSON both ways."""

    def __init__(self, office: FakeHeadOffice, token: str, protocol: int = 1) -> None:
        self.office, self.token, self.protocol = office, token, protocol
        self.traffic = Traffic()

    def post(self, path: str, json_body: Any,
             headers: dict[str, str] | None = None) -> tuple[int, Any]:
        return self._exchange("POST", path, {}, json_body)

    def get(self, path: str, params: dict[str, str] | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, Any]:
        return self._exchange("GET", path, dict(params or {}), None)

    def _exchange(self, method: str, path: str, query: dict[str, str], body: Any) -> Answer:
        raw = encode_body(body) if body is not None else b""
        self.traffic.sent += len(raw)
        fault = self._fault(path)
        if fault == "drop":
            raise DomainError(ErrorCode.SYNC_UNREACHABLE, problem="connection reset")
        if fault == "server_error":
            return read_answer(500, b"<html>Internal Server Error</html>", "")
        received = json.loads(inflate(raw, "gzip")) if body is not None else None
        status, answer = self.office.handle(method, path, query, received, {
            "X-Loket-Protocol": str(self.protocol), "Authorization": f"Bearer {self.token}"})
        self.office.requests.append((method, path, status))
        out, encoding = encode_body(answer), "gzip"
        if fault == "lose_answer":
            raise DomainError(ErrorCode.SYNC_UNREACHABLE, problem="connection reset")
        if fault == "truncate":
            out = out[: len(out) // 2]
        if fault == "garble":
            out, encoding = b'{"results": [', ""
        self.traffic.received += len(out)
        return read_answer(status, out, encoding)

    def _fault(self, path: str) -> str | None:
        for n, (fault, prefix) in enumerate(self.office.faults):
            if path.startswith(prefix):
                del self.office.faults[n]
                return fault
        return None


class MemoryKeyring:
    """A ``keyring`` backend in memory."""

    priority = 1.0

    def __init__(self) -> None:
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


class MemoryTokenStore:
    def __init__(self) -> None:
        self.tokens: dict[str, str] = {}
        self.secrets: dict[str, str] = {}

    def load_secret(self, name: str) -> str | None:
        return self.secrets.get(name)

    def save_secret(self, name: str, secret: str) -> None:
        self.secrets[name] = secret

    def delete_secret(self, name: str) -> None:
        self.secrets.pop(name, None)

    def load(self, device_id: str) -> str | None:
        return self.tokens.get(device_id)

    def save(self, device_id: str, token: str) -> None:
        self.tokens[device_id] = token

    def delete(self, device_id: str) -> None:
        self.tokens.pop(device_id, None)


def give_signing_key(office: FakeHeadOffice, store: TokenStore, device_id: str) -> None:
    """What registration does for bundles: a signing key in ``store``, its public half
    at head office."""
    key = Ed25519PrivateKey.generate()
    keep_key(store, device_id, key)
    office.device(device_id).public_key = public_hex(key)


class SimulatedCrash(Exception):
    """The branch process was killed at this point."""


class CrashingUnitOfWork:
    """A unit of work whose commit may "kill the process" (see :class:`Killer`)."""

    def __init__(self, inner: UnitOfWork, killer: Killer) -> None:
        self._inner, self._killer = inner, killer

    def __enter__(self) -> CrashingUnitOfWork:
        self._inner.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._inner.__exit__(*exc)

    @property
    def session(self) -> Any:
        return self._inner.session

    @property
    def now(self) -> dt.datetime:
        return self._inner.now

    @property
    def today(self) -> dt.date:
        return self._inner.today

    def commit(self) -> None:
        self._killer.commits += 1
        if self._killer.crash_at is not None and self._killer.commits >= self._killer.crash_at:
            raise SimulatedCrash(f"killed at commit {self._killer.commits}")
        self._inner.commit()

    def rollback(self) -> None:
        self._inner.rollback()


@dataclass
class Killer:
    """Units of work of ``branch``; the ``crash_at``-th commit and every later one fail
    (the process is dead: nothing more is written)."""

    branch: BranchDatabase
    crash_at: int | None = None
    commits: int = 0

    def __call__(self) -> Any:
        return CrashingUnitOfWork(self.branch.writing(), self)


@dataclass(frozen=True)
class EventRow:
    id: str
    device_id: str
    seq: int
    type: str
    payload: str
    acked_at: dt.datetime | None
    ack_result: str


def outbox(branch: BranchDatabase) -> list[EventRow]:
    """The branch's outbox as it is now, in sequence order."""
    with branch.reading() as uow:
        return [EventRow(e.id, e.device_id, e.seq, e.type, e.payload, e.acked_at, e.ack_result)
                for e in uow.session.scalars(select(OutboxEvent).order_by(OutboxEvent.seq))]


def connect(branch: BranchDatabase, office: FakeHeadOffice) -> FakeLink:
    """Enrol the branch's counter at ``office`` directly; a link with its token."""
    with branch.reading() as uow:
        device = local_device(uow.session)
    return office.link(office.enrol_device(device.device_id, device.branch, device.counter))


def enrol(branch: BranchDatabase, cashier: Actor, connection_no: str) -> PaymentReceipt:
    """A sealed customer with six Rp 100,000 bills enrols: Rp 300,000 down, 3 instalments."""
    add_customer(branch, connection_no, bills=monthly_bills("2024-01", 6, 100_000))
    return enrol_and_pay(branch.writing(), cashier, EnrolRequest(
        connection_no, 3, Tender(300_000, 300_000)))


def pay(branch: BranchDatabase, cashier: Actor, connection_no: str, amount: int) -> PaymentReceipt:
    return pay_instalment(branch.writing(), cashier, InstalmentRequest(
        connection_no, Tender(amount, amount)))


def void(branch: BranchDatabase, actor: Actor, receipt_no: str) -> None:
    void_payment(branch.writing(), actor, VoidRequest(
        receipt_no, "salah input", SUPERVISOR[0], SUPERVISOR[1]))


def branch_net_paid(branch: BranchDatabase) -> int:
    """Payments taken at the branch minus those voided (the branch's own figures)."""
    with branch.reading() as uow:
        paid = uow.session.scalar(select(func.coalesce(func.sum(Payment.amount), 0)))
        voided = uow.session.scalar(select(func.coalesce(func.sum(Payment.amount), 0))
                                    .join(Void, Void.payment_id == Payment.id))
        return int(paid) - int(voided)


def acked_net_paid(branch: BranchDatabase) -> int:
    """The same figure from the acknowledged (applied) outbox events."""
    total = 0
    for event in outbox(branch):
        if event.acked_at is None or event.ack_result != "applied":
            continue
        amount = json.loads(event.payload).get("amount", 0)
        if event.type in ("enrolment.paid", "instalment.paid"):
            total += amount
        elif event.type == "payment.voided":
            total -= amount
    return total


def customer_data(connection_no: str, name: str = "Maria Bere", *, status: str = "sealed",
                  version: int = 1, **changes: Any) -> dict[str, Any]:
    """A customer as head office sends it in a pull."""
    data = {"connection_no": connection_no, "name": name, "address": "Jl. Timor Raya 5",
            "rt": "003", "rw": "001", "kelurahan": "Oesapa", "kecamatan": "Kelapa Lima",
            "tariff_group": "R2", "meter_no": f"M{connection_no}", "phone": "",
            "status": status, "status_date": "2022-03-01", "version": version}
    return {**data, **changes}


def bill_data(connection_no: str, period: str, water_charge: int = 95_000, *,
              paid: bool = False, penalty: int = 0) -> dict[str, Any]:
    return {"connection_no": connection_no, "period": period, "reading_start": 100,
            "reading_end": 120, "usage_m3": 20, "water_charge": water_charge, "fees": 5_000,
            "penalty": penalty, "due_date": f"{period}-20", "settled": paid,
            "enrolment_uuid": None}


def terms_data(terms: PromotionTerms) -> dict[str, Any]:
    """Published terms as head office sends them: the canonical JSON text and checksum."""
    return {"code": terms.code, "version": terms.version, "name": terms.name,
            "checksum": terms.checksum(), "body": terms.to_json()}


def publish_customer(office: FakeHeadOffice, connection_no: str, periods: int = 6,
                     **changes: Any) -> None:
    """A customer and ``periods`` unpaid monthly bills from 2024-01."""
    office.publish("customer", connection_no, customer_data(connection_no, **changes))
    for month in range(1, periods + 1):
        period = f"2024-{month:02d}"
        office.publish("bill", f"{connection_no}:{period}", bill_data(connection_no, period))


def quick_hash(password: str) -> str:
    """An argon2 hash with small costs (the log-in check reads the costs from the hash)."""
    return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(password)
