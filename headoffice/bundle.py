"""Sync bundles for branches with no link: a signed zip carried on a USB stick.

A branch bundle holds ``manifest.json``, ``events.jsonl`` and ``signature``: the
counter's Ed25519 signature of the manifest's bytes, checked with the public key the
counter gave at registration (head office holds no secret that could sign one; a
counter registered before counters had keys must register again before its bundles are
taken). Head office checks it whole — a safe, readable zip, signature, hashes, manifest
against events, branch, chain head — then applies the events through the same ``push``
as an online sync, so importing twice or after an online push changes nothing, and
anchors the manifest's audit-chain head (``audit``) through the same
:func:`headoffice.anchors.anchor` as a push (a bundle of an older counter carries none:
its chain is then not anchored). The reply bundle carries the push results with the
answer on the chain head (``acks.json``, as an online push answer) and the pull changes,
signed (HMAC-SHA256) with the SHA-256 of the device token.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pydantic import ValidationError
from sqlalchemy.orm import Session

from app.services.findings import Finding, FindingCode
from app.services.sync.bundle_zip import BundleUnreadable, read_members
from headoffice import PROTOCOL_VERSION, SUPPORTED_PROTOCOLS, anchors, snapshot, snapshot_ahead
from headoffice.auth import bundle_key
from headoffice.db import Database, current_epoch, utcnow
from headoffice.errors import ApiError
from headoffice.models import Device
from headoffice.pull import MAX_LIMIT, cursor_is_stale, pull
from headoffice.push import BatchResult, IncomingEvent, push
from headoffice.refusals import RefusalCode, Refused
from headoffice.rules import event_amount
from headoffice.schemas import AuditHeadBody, PushEvent

MAX_MEMBER = 256 * 1024 * 1024


class BundleRefused(Refused):
    """The bundle was not imported (nothing of it applied); the code says why."""


@dataclass(frozen=True)
class Reply:
    data: bytes
    applied: int
    rejected: int
    duplicates: int
    acked_through: int
    changes: int
    audit: anchors.AnchorResult | None = None  # None: the bundle carried no chain head


def sign(key: bytes, manifest: bytes) -> str:
    return hmac.new(key, manifest, hashlib.sha256).hexdigest()


def token_key(token: str) -> bytes:
    """What the branch keys its signatures with: SHA-256 of the device token."""
    return hashlib.sha256(token.encode()).digest()


def pack(members: dict[str, bytes], manifest: dict[str, Any], key: bytes) -> bytes:
    """A signed zip of ``members`` with their hashes added to ``manifest``."""
    manifest = dict(manifest, sha256={n: hashlib.sha256(b).hexdigest() for n, b in members.items()})
    manifest_bytes = json.dumps(manifest, sort_keys=True, indent=1).encode()
    return _zip({"manifest.json": manifest_bytes, **members,
                 "signature": sign(key, manifest_bytes).encode()})


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return buffer.getvalue()


def unpack(data: bytes, names: Sequence[str], allowed: Sequence[str] = (),
           ) -> tuple[dict[str, Any], bytes, dict[str, bytes]]:
    """(manifest, its bytes, members) of a bundle holding ``names`` (and those of
    ``allowed`` it has, checked alike); unsigned — check ``signature`` next."""
    try:
        members = read_members(data, ("manifest.json", "signature", *names),
                               allowed=allowed, max_total=MAX_MEMBER)
        manifest = json.loads(members["manifest.json"])
    except (BundleUnreadable, ValueError) as exc:
        problem = (exc.finding if isinstance(exc, BundleUnreadable)
                   else Finding.of(FindingCode.BUNDLE_MANIFEST_NOT_JSON))
        raise BundleRefused(RefusalCode.BUNDLE_UNREADABLE, problem=problem) from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("sha256"), dict):
        raise BundleRefused(RefusalCode.BUNDLE_NOT_A_MANIFEST)
    for name in (*names, *(a for a in allowed if a in members)):
        if manifest["sha256"].get(name) != hashlib.sha256(members[name]).hexdigest():
            raise BundleRefused(RefusalCode.BUNDLE_CHECKSUM, name=name)
    return manifest, members["manifest.json"], members


def counter_signature(key: Ed25519PrivateKey, manifest: bytes) -> str:
    """What a counter puts in ``signature``: its Ed25519 signature of the manifest, hex."""
    return key.sign(manifest).hex()


def signed_by(public_key: str, signature: bytes, manifest: bytes) -> bool:
    """Whether ``signature`` is the holder of ``public_key``'s signature of ``manifest``."""
    try:
        holder = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key))
        holder.verify(bytes.fromhex(signature.decode("ascii").strip()), manifest)
    except (ValueError, InvalidSignature):
        return False
    return True


def build_bundle(device_id: str, branch: str, key: Ed25519PrivateKey,
                 events: Sequence[dict[str, Any]], cursor: str = "",
                 audit: object = None) -> bytes:
    """A branch bundle of outbox ``events`` (dicts as pushed), signed with the counter's
    ``key`` — the branch's format (``audit``: the chain head; None, as older counters)."""
    counts = Counter(str(e["type"]) for e in events)
    amounts: Counter[str] = Counter()
    for e in events:
        amounts[str(e["type"])] += event_amount(str(e["type"]), e["payload"])
    lines = "".join(json.dumps(e, sort_keys=True) + "\n" for e in events).encode()
    manifest = {"protocol": PROTOCOL_VERSION, "branch": branch, "device_id": device_id,
                "first_seq": events[0]["seq"] if events else None,
                "last_seq": events[-1]["seq"] if events else None, "counts": dict(counts),
                "amounts": dict(amounts), "cursor": cursor,
                "created_at": utcnow().isoformat(timespec="seconds")}
    if audit is not None:
        manifest["audit"] = audit
    manifest["sha256"] = {"events.jsonl": hashlib.sha256(lines).hexdigest()}
    manifest_bytes = json.dumps(manifest, sort_keys=True, indent=1).encode()
    return _zip({"manifest.json": manifest_bytes, "events.jsonl": lines,
                 "signature": counter_signature(key, manifest_bytes).encode()})


def import_bundle(db: Database, data: bytes) -> Reply:
    """Check and apply a branch bundle; returns the signed reply (BundleRefused if not)."""
    manifest, manifest_bytes, members = unpack(data, ["events.jsonl"])
    if manifest.get("protocol") not in SUPPORTED_PROTOCOLS:
        raise BundleRefused(RefusalCode.BUNDLE_PROTOCOL, protocol=manifest.get("protocol"),
                            supported=list(SUPPORTED_PROTOCOLS))
    with db.reading() as session:
        device = session.get(Device, str(manifest.get("device_id")))
    if device is None:
        raise BundleRefused(RefusalCode.BUNDLE_DEVICE_UNKNOWN, device=manifest.get("device_id"))
    if not device.public_key:
        raise BundleRefused(RefusalCode.BUNDLE_DEVICE_NO_KEY, device=device.id)
    if not signed_by(device.public_key, members["signature"], manifest_bytes):
        raise BundleRefused(RefusalCode.BUNDLE_SIGNATURE)
    if device.revoked:
        raise BundleRefused(RefusalCode.BUNDLE_DEVICE_REVOKED, device=device.id)
    if manifest.get("branch") != device.branch_code:
        raise BundleRefused(RefusalCode.BUNDLE_WRONG_BRANCH, branch=manifest.get("branch"),
                            device=device.id, owner=device.branch_code)
    events = _events(members["events.jsonl"], manifest)
    head = _chain_head(manifest)
    try:
        batch = push(db, device.id, device.branch_code, events)
    except ApiError as exc:
        raise BundleRefused(RefusalCode.BUNDLE_NOT_IMPORTED, problem=exc.message) from exc
    checked = None if head is None else anchors.anchor(db, device.id, head)
    return _reply(db, device, bundle_key(device), batch, checked,
                  str(manifest.get("cursor") or ""))


def _chain_head(manifest: dict[str, Any]) -> anchors.ChainHead | None:
    """The manifest's audit-chain head, checked as a push's; None when it has none."""
    if manifest.get("audit") is None:
        return None
    try:
        body = AuditHeadBody.model_validate(manifest["audit"])
    except ValidationError as exc:
        raise BundleRefused(RefusalCode.BUNDLE_CHAIN_HEAD,
                            problem=exc.errors()[0]["msg"]) from None
    return anchors.ChainHead(**body.model_dump())


def _events(lines: bytes, manifest: dict[str, Any]) -> list[IncomingEvent]:
    try:
        parsed = [PushEvent.model_validate_json(line) for line in lines.splitlines() if line]
    except ValidationError as exc:
        raise BundleRefused(RefusalCode.BUNDLE_EVENT_MALFORMED,
                            problem=exc.errors()[0]["msg"]) from None
    counts = Counter(e.type for e in parsed)
    amounts: Counter[str] = Counter()
    for e in parsed:
        amounts[e.type] += event_amount(e.type, e.payload)
    seqs = [e.seq for e in parsed]
    expected = {"first_seq": seqs[0] if seqs else None, "last_seq": seqs[-1] if seqs else None,
                "counts": dict(counts), "amounts": dict(amounts)}
    if any(manifest.get(k) != v for k, v in expected.items()) or seqs != sorted(seqs):
        raise BundleRefused(RefusalCode.BUNDLE_MANIFEST_MISMATCH)
    return [IncomingEvent(e.id, e.seq, e.type, e.created_at, e.payload) for e in parsed]


def _reply(db: Database, device: Device, key: bytes, batch: BatchResult,
           checked: anchors.AnchorResult | None, cursor: str) -> Reply:
    results, acked_through = batch.results, batch.acked_through
    with db.reading() as session:
        epoch = current_epoch(session)
        try:
            restarted = cursor != "" and cursor_is_stale(session, cursor)
        except ApiError:  # a cursor head office never gave out
            restarted = True
    bundled = None if cursor and not restarted \
        else snapshot_ahead.for_bundle(db, device.branch_code)
    with db.reading() as session:  # from the start: after the branch snapshot
        changes, last = _drain(session, device, bundled[0].cursor if bundled else cursor)
    statuses = Counter(r.status for r in results)
    acks = {"results": [vars(r) for r in results], "acked_through": acked_through,
            "audit": None if checked is None else vars(checked)}
    members = {"acks.json": json.dumps(acks, sort_keys=True).encode(),
               "changes.jsonl": "".join(json.dumps(c, sort_keys=True) + "\n"
                                        for c in changes).encode(),
               "cursor": last.encode()}
    manifest = {"protocol": PROTOCOL_VERSION, "branch": device.branch_code,
                "device_id": device.id, "epoch": epoch, "epoch_changed": restarted,
                "acked_through": acked_through, "cursor": last, "changes": len(changes),
                "created_at": utcnow().isoformat(timespec="seconds")}
    if bundled is not None:
        members[snapshot.BUNDLE_MEMBER] = bundled[1]
        manifest["snapshot"] = {"id": bundled[0].id, "cursor": bundled[0].cursor,
                                "changes": bundled[0].changes}
    return Reply(pack(members, manifest, key), statuses["applied"], statuses["rejected"],
                 statuses["duplicate"], acked_through, len(changes), checked)


def _drain(session: Session, device: Device, cursor: str) -> tuple[list[dict[str, Any]], str]:
    """Every change after ``cursor`` and the cursor after the last of them."""
    changes: list[dict[str, Any]] = []
    more = True
    while more:
        page = pull(session, device, cursor, MAX_LIMIT)
        changes.extend(page.changes)
        cursor, more = page.cursor, page.more
    return changes, cursor
