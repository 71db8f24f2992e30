"""Registration that no fault can burn, and bundles only the counter itself can sign.

Finding 2: the one-time code was sent before the counter knew its credential store
works, and an answer lost on the way left the code used and the counter with nothing.
Bundles: head office holds only the counter's public key, so what its database holds
cannot sign a bundle of that counter."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Mapping
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select, update

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.sync import (
    HttpTransport,
    KeyringTokenStore,
    export_bundle,
    import_reply,
    register_device,
    registration,
)
from app.services.sync.signing import key_name
from app.services.sync.transport import Json, Traffic
from headoffice.auth import issue_code, sha256_hex
from headoffice.bundle import BundleRefused, build_bundle, import_bundle, pack
from headoffice.models import Device, EnrolmentCode
from tests.headoffice.conftest import HeadOffice, device_of, enrol, outbox
from tests.support.sync_fakes import MemoryKeyring


class ForgetfulKeyring(MemoryKeyring):
    """A credential store that says yes and keeps nothing (a broken vault)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        return None


class LosingLink:
    """The real link, except that head office's answers to the first ``losses``
    registrations never arrive (head office did its part)."""

    def __init__(self, url: str, losses: int = 1) -> None:
        self.inner, self.losses = HttpTransport(url, timeout=10), losses
        self.traffic: Traffic = self.inner.traffic
        self.sent = 0

    def post(self, path: str, json_body: Json,
             headers: Mapping[str, str] | None = None) -> tuple[int, Json]:
        self.sent += 1
        answer = self.inner.post(path, json_body, headers)
        if self.losses:
            self.losses -= 1
            raise DomainError(ErrorCode.SYNC_UNREACHABLE, problem="connection reset")
        return answer

    def get(self, path: str, params: Mapping[str, str] | None = None,
            headers: Mapping[str, str] | None = None) -> tuple[int, Json]:
        return self.inner.get(path, params, headers)


def code_for(ho: HeadOffice) -> str:
    with ho.db.writing() as session:
        return issue_code(session, "KPG", "L01").code


def office_device(ho: HeadOffice, device_id: str) -> Device | None:
    with ho.db.reading() as session:
        return session.get(Device, device_id)


def test_a_store_that_keeps_nothing_is_found_before_the_code_is_sent(
        ho: HeadOffice, branch: BranchDatabase) -> None:
    code, link = code_for(ho), LosingLink(ho.url, losses=0)
    with pytest.raises(DomainError) as refused:
        register_device(branch.writing(), link, ho.url, code,
                        store=KeyringTokenStore(ForgetfulKeyring()))
    assert refused.value.code == ErrorCode.TOKEN_STORE_UNAVAILABLE
    assert "the one-time code is still unused" in refused.value.message
    assert link.sent == 0 and office_device(ho, device_of(branch)) is None
    ring = MemoryKeyring()  # the vault repaired: the same code works
    register_device(branch.writing(), link, ho.url, code, store=KeyringTokenStore(ring))
    assert registration(branch.reading()) is not None


def test_a_lost_answer_is_completed_by_the_same_counter_and_nobody_else(
        ho: HeadOffice, branch: BranchDatabase) -> None:
    code, ring = code_for(ho), MemoryKeyring()
    store, link = KeyringTokenStore(ring), LosingLink(ho.url)
    device = device_of(branch)
    with pytest.raises(DomainError) as lost:
        register_device(branch.writing(), link, ho.url, code, store=store)
    assert lost.value.code == ErrorCode.SYNC_UNREACHABLE
    assert office_device(ho, device) is not None and registration(branch.reading()) is None

    stranger = LosingLink(ho.url, losses=0)  # another PC that overheard the code
    status, body = stranger.post("/api/v1/devices/register", {
        "code": code, "device_id": str(uuid.uuid4()), "branch": "KPG", "counter": "L01",
        "attempt_key": "x" * 32})
    assert status == 401 and "already used" in body["message"]
    status, _ = stranger.post("/api/v1/devices/register", {
        "code": code, "device_id": device, "branch": "KPG", "counter": "L01",
        "attempt_key": "y" * 32})  # this device's id, but not its attempt
    assert status == 401

    done = register_device(branch.writing(), link, ho.url, code, store=store)  # again
    assert done.branch == "KPG" and registration(branch.reading()) == done
    held = office_device(ho, device)
    token = store.load(device)
    assert held is not None and token is not None and held.token_hash == sha256_hex(token)
    assert held.public_key and ring.secrets[("Loket", key_name(device))]

    with ho.db.writing() as session:  # a lost answer is only made good for a while
        session.execute(update(EnrolmentCode).values(
            used_at=EnrolmentCode.used_at - dt.timedelta(minutes=16)))
    with pytest.raises(DomainError) as late:
        register_device(branch.writing(), link, ho.url, code, store=store)
    assert late.value.code == ErrorCode.SYNC_REFUSED


def test_what_head_office_holds_cannot_sign_a_counters_bundle(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, tmp_path: Path) -> None:
    ho.add_customer("50400001")
    store = KeyringTokenStore(MemoryKeyring())
    register_device(branch.writing(), HttpTransport(ho.url, timeout=10), ho.url,
                    code_for(ho), store=store)
    enrol(branch, cashier)
    device = device_of(branch)
    bundle = export_bundle(branch.writing, store, tmp_path / "kpg.zip")
    with ho.db.reading() as session:
        held = session.get(Device, device)
        assert held is not None
        token_hash = held.token_hash
    events = outbox(branch)
    forged = build_bundle(device, "KPG", Ed25519PrivateKey.generate(), events)
    with pytest.raises(BundleRefused, match="signature does not match"):
        import_bundle(ho.db, forged)
    members = {"events.jsonl": b"".join(
        json.dumps(e, sort_keys=True).encode() + b"\n" for e in events)}
    hmac_signed = pack(members, {"protocol": 1, "branch": "KPG", "device_id": device,
                                 "first_seq": 1, "last_seq": events[-1]["seq"]},
                       bytes.fromhex(token_hash))  # the old scheme, from the database alone
    with pytest.raises(BundleRefused, match="signature does not match"):
        import_bundle(ho.db, hmac_signed)
    assert ho.money() == (0, 0)

    reply = tmp_path / "reply.zip"  # the counter's own bundle goes through
    reply.write_bytes(import_bundle(ho.db, bundle.path.read_bytes()).data)
    assert import_reply(branch.writing, store, reply).acks is not None
    assert ho.money() == (1, 500_000)


def test_a_counter_registered_before_counters_had_keys_is_told_to_register_again(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, tmp_path: Path) -> None:
    ho.add_customer("50400001")
    device, key = device_of(branch), Ed25519PrivateKey.generate()
    ho.register(device)  # an older counter: no public key sent
    enrol(branch, cashier)
    with pytest.raises(BundleRefused, match="register the counter again"):
        import_bundle(ho.db, build_bundle(device, "KPG", key, outbox(branch)))
    store = KeyringTokenStore(MemoryKeyring())
    store.save(device, "a token from before")
    with pytest.raises(DomainError) as missing:  # and the counter says so before export
        export_bundle(branch.writing, store, tmp_path / "kpg.zip")
    assert missing.value.code == ErrorCode.BUNDLE_KEY_MISSING
    assert not (tmp_path / "kpg.zip").exists()
    with ho.db.reading() as session:
        assert session.scalars(select(Device.public_key)).all() == [None]
