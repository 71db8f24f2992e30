"""Sync bundles for a branch with no link: a signed zip carried on a USB stick.

:func:`export_bundle` writes the pending events (``events.jsonl``) with a manifest of
their sequence range, counts, amount totals, hashes and the audit-chain head (``audit``,
as a push carries it: ``chain_anchor.py``), signed with the counter's own Ed25519 key
(``signing.py``; head office holds only the public key). Head office imports it like an
online push, anchors the chain head, and returns a reply bundle, signed (HMAC-SHA256)
with the SHA-256 of the device token; :func:`import_reply` checks it (a readable, safe
zip, every member, this branch and device, the signature, every hash) and applies its
acknowledgements and changes (head office's answer on the chain head included) through
the same code as an online sync, in one transaction. Importing a reply twice changes
nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import OutboxEvent
from app.services.audit.journal import canonical_json, record_change
from app.services.errors import DomainError, ErrorCode
from app.services.findings import Finding, FindingCode
from app.services.sync.acks import AckOutcome, parse_results, record_acks
from app.services.sync.apply import ApplyCounts, Change, apply_changes, parse_change
from app.services.sync.bundle_zip import BundleUnreadable, read_members
from app.services.sync.chain_anchor import chain_head, chain_problem, take_answer
from app.services.sync.protocol import (
    ACKED_THROUGH_KEY,
    CURSOR_KEY,
    PROTOCOL_VERSION,
    Device,
    UowFactory,
    error_code,
    event_amount,
    event_to_wire,
    first_pending_seq,
    get_setting,
    local_device,
    max_seq,
    need_int,
    put_setting,
    sync_actor,
)
from app.services.sync.restored import BranchRestored, check_sequence, forget, remember
from app.services.sync.signing import sign as sign_with
from app.services.sync.signing import signing_key
from app.services.sync.snapshot_load import SNAPSHOT_MEMBER, bundled_snapshot, load_snapshot
from app.services.sync.token_store import TokenStore, device_token

EXPORT_KEY = "bundle_export"
REPLY_MEMBERS = ("acks.json", "changes.jsonl", "cursor")
MAX_BUNDLE = 256 * 1024 * 1024


@dataclass(frozen=True)
class BundleInfo:
    """What was exported; the seq range is ``None`` when no event was pending."""

    path: Path
    first_seq: int | None
    last_seq: int | None
    counts: dict[str, int]
    amounts: dict[str, int]

    @property
    def events(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class ReplyImport:
    """What a reply did; ``resend_from`` is set when head office lacks earlier events
    (export a new bundle: it will start there); ``audit`` is head office's answer on the
    chain head ("" when it gave none)."""

    acks: AckOutcome | None
    changes: int
    counts: ApplyCounts
    resend_from: int | None
    audit: str = ""


def sign(token: str, manifest: bytes) -> str:
    """HMAC-SHA256 of a reply manifest's bytes, keyed with the SHA-256 of the device
    token (head office keeps only that digest of the token)."""
    key = hashlib.sha256(token.encode("utf-8")).digest()
    return hmac.new(key, manifest, hashlib.sha256).hexdigest()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def export_bundle(uow_factory: UowFactory, store: TokenStore, path: Path, *,
                  from_seq: int | None = None) -> BundleInfo:
    """Write this counter's pending events to ``path`` (replaced atomically); from
    ``from_seq`` on when head office asks for events it lacks."""
    with uow_factory() as uow:
        session = uow.session
        device = local_device(session)
        device_token(store, device.device_id)  # registered (SYNC_NOT_REGISTERED if not)
        first = _export_start(session, device)
        first = min(first, from_seq) if from_seq else first
        rows = session.scalars(select(OutboxEvent).where(
            OutboxEvent.device_id == device.device_id, OutboxEvent.seq >= first)
            .order_by(OutboxEvent.seq))
        events = [event_to_wire(row) for row in rows]
        cursor, created_at = get_setting(session, CURSOR_KEY) or "", uow.now.isoformat()
        audit = chain_head(session, chain_problem(session))
    first_seq, last_seq = (events[0]["seq"], events[-1]["seq"]) if events else (None, None)
    counts: dict[str, int] = {}
    amounts: dict[str, int] = {}
    for event in events:
        counts[event["type"]] = counts.get(event["type"], 0) + 1
        amounts[event["type"]] = (amounts.get(event["type"], 0)
                                  + event_amount(event["type"], event["payload"]))
    key = signing_key(store, device.device_id)  # before anything is written
    body = "".join(canonical_json(e) + "\n" for e in events).encode("utf-8")
    manifest = json.dumps({
        "protocol": PROTOCOL_VERSION, "branch": device.branch, "device_id": device.device_id,
        "first_seq": first_seq, "last_seq": last_seq, "counts": counts, "amounts": amounts,
        "sha256": {"events.jsonl": sha256(body)}, "created_at": created_at, "cursor": cursor,
        "audit": audit,
    }, indent=1, sort_keys=True).encode("utf-8")
    _write_zip(path, {"manifest.json": manifest, "events.jsonl": body,
                      "signature": sign_with(key, manifest).encode("ascii")})
    with uow_factory() as uow:
        put_setting(uow.session, EXPORT_KEY, json.dumps({"first_seq": first}))
        uow.commit()
    return BundleInfo(path, first_seq, last_seq, counts, amounts)


def import_reply(uow_factory: UowFactory, store: TokenStore, path: Path) -> ReplyImport:
    """Check and apply head office's reply bundle; refuse anything not made for us."""
    members = read_bundle(path, ("manifest.json", *REPLY_MEMBERS, "signature"),
                          allowed=(SNAPSHOT_MEMBER,))
    manifest = _manifest(path, members["manifest.json"])
    with uow_factory() as uow:
        device = local_device(uow.session)
    _check_identity(path, manifest, device)
    token = device_token(store, device.device_id)
    _check_signature(path, token, members)
    _check_hashes(path, manifest, members, REPLY_MEMBERS)
    if "snapshot" in manifest:  # a counter that never pulled: the branch snapshot first
        data = members.get(SNAPSHOT_MEMBER)
        if data is None:
            raise _invalid(path, FindingCode.BUNDLE_NO_SNAPSHOT)
        _check_hashes(path, manifest, {SNAPSHOT_MEMBER: data}, (SNAPSHOT_MEMBER,))
        load_snapshot(uow_factory, bundled_snapshot(manifest, data, device.branch))
    answer = _json(path, "acks.json", members["acks.json"])
    changes = _changes(path, members["changes.jsonl"])
    try:
        cursor = members["cursor"].decode("utf-8").strip()
    except UnicodeDecodeError:
        raise _invalid(path, FindingCode.BUNDLE_CURSOR_NOT_TEXT) from None
    try:
        return _apply_reply(uow_factory, path, device, answer, changes, cursor)
    except BranchRestored as behind:
        remember(uow_factory, behind)
        raise


def _apply_reply(uow_factory: UowFactory, path: Path, device: Device, answer: Any,
                 changes: list[Change], cursor: str) -> ReplyImport:
    """The reply's acknowledgements and changes, in one transaction."""
    with uow_factory() as uow:
        session = uow.session
        outcome, resend_from = _take_acks(session, uow.now, device, answer)
        audit = take_answer(session, uow.now, answer) if resend_from is None else ""
        counts = apply_changes(session, uow.now, device.device_id, changes)
        put_setting(session, CURSOR_KEY, cursor)
        record_change(session, sync_actor(session), uow.now, action="sync.bundle_import",
                      entity="sync", entity_id=path.name[:40],
                      details={"file": path.name, "changes": len(changes), "cursor": cursor,
                               "acked": outcome.acked if outcome else 0,
                               "resend_from": resend_from, "audit": audit})
        uow.commit()
    return ReplyImport(outcome, len(changes), counts, resend_from, audit)


def read_bundle(path: Path, names: tuple[str, ...],
                allowed: tuple[str, ...] = ()) -> dict[str, bytes]:
    """The named members of the zip at ``path`` (those in ``allowed`` where present, and no
    others); a damaged, cut-off or unsafe file is refused
    (:mod:`~app.services.sync.bundle_zip`)."""
    try:
        if path.stat().st_size > MAX_BUNDLE:
            raise _invalid(path, FindingCode.BUNDLE_TOO_LARGE)
        data = path.read_bytes()
    except OSError as exc:
        raise _invalid(path, FindingCode.BUNDLE_CANNOT_READ,
                       detail=str(exc.strerror)) from exc
    try:
        return read_members(data, names, allowed=allowed, max_total=MAX_BUNDLE)
    except BundleUnreadable as exc:
        raise DomainError(ErrorCode.BUNDLE_INVALID, file=path.name, problem=exc.finding
                          ) from None


def _export_start(session: Session, device: Device) -> int:
    """The first pending seq — or earlier, if head office said it lacks events."""
    first = first_pending_seq(session, device.device_id)
    start = first if first is not None else max_seq(session, device.device_id) + 1
    known = get_setting(session, ACKED_THROUGH_KEY)
    if known is not None and known.isdigit() and int(known) + 1 < start:
        start = int(known) + 1
    return start


def _take_acks(session: Session, now: dt.datetime, device: Device,
               answer: Any) -> tuple[AckOutcome | None, int | None]:
    """Head office's answer to the bundle's push: results, or a sequence gap."""
    if isinstance(answer, dict) and "results" in answer:
        acks, acked_through = parse_results(answer, "acks.json")
        check_sequence(max_seq(session, device.device_id), acked_through)
        outcome = record_acks(session, device.device_id, now, acks)
        put_setting(session, ACKED_THROUGH_KEY, str(acked_through))
        forget(session, now)
        return outcome, None
    if error_code(answer) != "sequence_gap":
        message = answer.get("message") if isinstance(answer, dict) else None
        raise DomainError(ErrorCode.SYNC_REFUSED, problem=str(message or error_code(answer)))
    expected = need_int(answer, "expected_seq", "acks.json", minimum=1)
    exported = json.loads(get_setting(session, EXPORT_KEY) or "{}")
    first = exported.get("first_seq", first_pending_seq(session, device.device_id) or 1)
    if expected > first:
        raise BranchRestored(expected - 1, max_seq(session, device.device_id))
    put_setting(session, ACKED_THROUGH_KEY, str(expected - 1))
    return None, expected


def _manifest(path: Path, raw: bytes) -> dict[str, Any]:
    manifest = _json(path, "manifest.json", raw)
    if not isinstance(manifest, dict):
        raise _invalid(path, FindingCode.BUNDLE_MANIFEST_NOT_OBJECT)
    return manifest


def _check_identity(path: Path, manifest: dict[str, Any], device: Device) -> None:
    if manifest.get("protocol") != PROTOCOL_VERSION:
        raise _invalid(path, FindingCode.BUNDLE_NOT_REPLY, version=PROTOCOL_VERSION)
    if manifest.get("branch") != device.branch:
        raise DomainError(ErrorCode.BUNDLE_WRONG_BRANCH, file=path.name,
                          found=f"branch {manifest.get('branch')}",
                          expected=f"branch {device.branch}")
    if manifest.get("device_id") != device.device_id:
        raise DomainError(ErrorCode.BUNDLE_WRONG_BRANCH, file=path.name,
                          found="another counter", expected=f"counter {device.counter}")


def _check_signature(path: Path, token: str, members: dict[str, bytes]) -> None:
    given = members["signature"].decode("ascii", errors="replace").strip()
    if not hmac.compare_digest(given, sign(token, members["manifest.json"])):
        raise _invalid(path, FindingCode.BUNDLE_SIGNATURE_CHANGED)


def _check_hashes(path: Path, manifest: dict[str, Any], members: dict[str, bytes],
                  names: tuple[str, ...]) -> None:
    hashes = manifest.get("sha256")
    for name in names:
        if not isinstance(hashes, dict) or hashes.get(name) != sha256(members[name]):
            raise _invalid(path, FindingCode.BUNDLE_MEMBER_CHANGED, name=name)


def _changes(path: Path, raw: bytes) -> list[Change]:
    lines = [line for line in raw.decode("utf-8", errors="replace").splitlines() if line.strip()]
    return [parse_change(_json(path, "changes.jsonl", line.encode("utf-8")),
                         f"line {n + 1} of changes.jsonl") for n, line in enumerate(lines)]


def _json(path: Path, name: str, raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise _invalid(path, FindingCode.BUNDLE_MEMBER_NOT_JSON, name=name) from exc


def _write_zip(path: Path, members: dict[str, bytes]) -> None:
    """Write the zip next to ``path``, flush it to the device, then move it into place."""
    partial = path.with_name(path.name + ".part")
    with partial.open("wb") as file:
        with zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in members.items():
                archive.writestr(name, data)
        file.flush()
        os.fsync(file.fileno())
    partial.replace(path)


def _invalid(path: Path, code: FindingCode, **params: str | int) -> DomainError:
    """``BUNDLE_INVALID`` for ``path``, its problem coded."""
    return DomainError(ErrorCode.BUNDLE_INVALID, file=path.name,
                       problem=Finding.of(code, **params))
