"""Sync bundles: imported once through the push path; tampered or foreign ones refused."""

from __future__ import annotations

import io
import json
import lzma
import uuid
import zipfile
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.sync.signing import public_hex
from headoffice.bundle import BundleRefused, build_bundle, import_bundle, sign, token_key, unpack
from headoffice.cli import main
from headoffice.snapshot import BUNDLE_MEMBER
from tests.headoffice.conftest import (
    CUSTOMER,
    HeadOffice,
    device_of,
    enrol,
    outbox,
    statuses,
)

Signed = tuple[str, str, Ed25519PrivateKey]


@pytest.fixture
def kpg(ho: HeadOffice, branch: BranchDatabase, cashier: Actor) -> Signed:
    """The branch's device registered with its bundle-signing key: (device id, token, key)."""
    ho.add_customer(CUSTOMER)
    device, key = device_of(branch), Ed25519PrivateKey.generate()
    return device, ho.register(device, public_key=public_hex(key)), key


def _rezip(data: bytes, change: dict[str, bytes]) -> bytes:
    """The same bundle with some members replaced (signature and manifest untouched)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = {name: source.read(name) for name in source.namelist()}
    members.update(change)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name, body in members.items():
            target.writestr(name, body)
    return buffer.getvalue()


def _reply(data: bytes, token: str) -> tuple[dict[str, Any], dict[str, bytes]]:
    """A reply, checked (it may carry the branch snapshot: a branch that never pulled)."""
    manifest, manifest_bytes, members = unpack(data, ["acks.json", "changes.jsonl", "cursor"],
                                               allowed=[BUNDLE_MEMBER])
    assert members["signature"].decode() == sign(token_key(token), manifest_bytes)
    return manifest, members


def test_a_bundle_is_applied_once_and_answered_with_a_signed_reply(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str,
                                                                           Ed25519PrivateKey],
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    device, token, key = kpg
    enrol(branch, cashier)
    events = outbox(branch)
    bundle = tmp_path / "KPG-L01.zip"
    bundle.write_bytes(build_bundle(device, "KPG", key, events))
    assert main(["--database-url", ho.db.url, "--lang", "en", "bundle", "import",
                 str(bundle)]) == 0
    assert f"{len(events)} applied" in capsys.readouterr().out
    manifest, members = _reply((tmp_path / "KPG-L01-reply.zip").read_bytes(), token)
    acks = json.loads(members["acks.json"])
    assert acks["acked_through"] == manifest["acked_through"] == events[-1]["seq"]
    assert {r["status"] for r in acks["results"]} == {"applied"}
    changes = [json.loads(line) for line in members["changes.jsonl"].splitlines()]
    # the branch never pulled: its master data comes as the branch snapshot kept since
    # its counter registered, and what changed after its cursor as pages — here what the
    # bundle's own events did (the customer enrolled, its bills) and their acks
    assert {c["kind"] for c in changes} <= {"ack", "customer", "bill"}
    assert {c["key"] for c in changes if c["kind"] == "customer"} <= {CUSTOMER}
    snapshot = json.loads(lzma.decompress(members[BUNDLE_MEMBER]))
    assert snapshot["cursor"] == manifest["snapshot"]["cursor"]
    assert "50400001" in snapshot["kinds"]["customer"][0]["columns"][
        snapshot["kinds"]["customer"][0]["fields"].index("connection_no")]
    assert members["cursor"].decode() == manifest["cursor"]
    money = ho.money()
    again = import_bundle(ho.db, bundle.read_bytes())
    assert (again.applied, again.duplicates) == (0, len(events))
    assert ho.money() == money == (1, 500_000)


def test_a_bundle_overlapping_an_online_push_changes_nothing_twice(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: Signed) -> None:
    device, token, key = kpg
    enrol(branch, cashier)
    events = outbox(branch)
    assert ho.push(token, device, events[:3]).status_code == 200
    reply = import_bundle(ho.db, build_bundle(device, "KPG", key, events))
    assert (reply.duplicates, reply.applied) == (3, len(events) - 3)
    assert statuses(ho.push(token, device, events)) == ["duplicate"] * len(events)
    assert ho.money() == (1, 500_000)
    assert ho.events() == len(events)


def test_a_tampered_truncated_or_foreign_bundle_is_refused_whole(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: Signed) -> None:
    device, _token, key = kpg
    enrol(branch, cashier)
    events = outbox(branch)
    good = build_bundle(device, "KPG", key, events)
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        lines = archive.read("events.jsonl")
        manifest = json.loads(archive.read("manifest.json"))
    richer = lines.replace(b'"amount": 500000', b'"amount": 50000')
    foreign = [dict(e, payload=dict(e["payload"], branch="OEB")) for e in events]
    cases = {
        "checksum": _rezip(good, {"events.jsonl": richer}),
        "signature does not match": _rezip(good, {"manifest.json": json.dumps(
            dict(manifest, last_seq=99)).encode()}),
        "damaged or cut off": good[: len(good) // 2],
        "is for branch 'OEB'": build_bundle(device, "OEB", key, events),
        "not signed by this device": build_bundle(device, "KPG", Ed25519PrivateKey.generate(),
                                                  events),
        "nothing was imported": build_bundle(device, "KPG", key, foreign),
        "is not registered": build_bundle(str(uuid.uuid4()), "KPG", key, events),
    }
    for expected, data in cases.items():
        with pytest.raises(BundleRefused, match=expected):
            import_bundle(ho.db, data)
    assert ho.events() == 0 and ho.money() == (0, 0)


def test_a_bundle_with_a_malformed_chain_head_is_refused_whole(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: Signed) -> None:
    device, _token, key = kpg
    enrol(branch, cashier)
    events = outbox(branch)
    for head in ({"head_id": -1, "head_hash": "", "anchor_id": 0, "anchor_hash": ""},
                 {"head_id": 3, "head_hash": "x" * 65, "anchor_id": 0, "anchor_hash": ""},
                 "head 3"):
        with pytest.raises(BundleRefused, match="audit-chain head is malformed"):
            import_bundle(ho.db, build_bundle(device, "KPG", key, events, audit=head))
    assert ho.events() == 0 and ho.money() == (0, 0)
