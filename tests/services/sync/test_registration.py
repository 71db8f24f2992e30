"""Registering a counter once; the token lives in the credential store, nowhere else."""

from __future__ import annotations

from pathlib import Path

import keyring.backends.fail
import pytest

from app.bootstrap import BranchDatabase
from app.models.database import database_path
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.sync import (
    HttpTransport,
    KeyringTokenStore,
    open_transport,
    register_device,
    registration,
    run_sync,
)
from app.services.sync.signing import key_name
from app.services.sync.token_store import token_name
from tests.support.fakes import DEMO_DAY
from tests.support.sync_fakes import FakeHeadOffice, MemoryKeyring, enrol, outbox

URL = "https://pusat.airminumkupang.example:8443"


def test_registration_keeps_the_token_in_the_credential_store_only(
        branch: BranchDatabase, cashier: Actor, tmp_path: Path) -> None:
    office, ring = FakeHeadOffice(), MemoryKeyring()
    store = KeyringTokenStore(ring)
    code = office.issue_code("KPG", "L01")
    ca_file = tmp_path / "pusat-ca.pem"

    done = register_device(branch.writing(), office.link(""), URL, f" {code} ", store=store,
                           ca_file=ca_file)

    device_id = outbox(branch)[0].device_id
    token = ring.secrets[("Loket", token_name(device_id))]
    assert office.devices[token].device_id == device_id
    assert (done.branch, done.counter, done.epoch, done.registered_at) == (
        "KPG", "L01", "epoch-1", DEMO_DAY)
    assert registration(branch.reading()) == done
    branch.close()  # fold the write-ahead log into the file before looking at it
    data = b"".join(p.read_bytes() for p in database_path(branch.data_dir).parent.iterdir())
    assert token.encode() not in data

    with pytest.raises(DomainError) as no_ca:  # the CA file named is not there (yet)
        open_transport(branch.reading(), store, timeout=5)
    assert no_ca.value.code == ErrorCode.SYNC_UNREACHABLE and "pusat-ca.pem" in no_ca.value.message


def test_a_wrong_or_used_code_is_refused_and_nothing_is_kept(branch: BranchDatabase) -> None:
    office, ring = FakeHeadOffice(), MemoryKeyring()
    code = office.issue_code("KPG", "L01")
    register_device(branch.writing(), office.link(""), URL, code,
                    store=KeyringTokenStore(ring))
    again = MemoryKeyring()
    with pytest.raises(DomainError) as used:
        register_device(branch.writing(), office.link(""), URL, code,
                        store=KeyringTokenStore(again))
    assert used.value.code == ErrorCode.SYNC_REFUSED
    assert "unknown, used or expired" in used.value.message and again.secrets == {}

    other_counter = office.issue_code("KPG", "L02")
    with pytest.raises(DomainError):
        register_device(branch.writing(), office.link(""), URL, other_counter,
                        store=KeyringTokenStore(again))
    assert again.secrets == {}


def test_an_unregistered_counter_cannot_sync(branch: BranchDatabase) -> None:
    with pytest.raises(DomainError) as missing:
        open_transport(branch.reading(), KeyringTokenStore(MemoryKeyring()))
    assert missing.value.code == ErrorCode.SYNC_NOT_REGISTERED


def test_without_a_working_credential_store_registration_is_refused(branch: BranchDatabase) -> None:
    office = FakeHeadOffice()
    store = KeyringTokenStore(keyring.backends.fail.Keyring())
    with pytest.raises(DomainError) as refused:
        register_device(branch.writing(), office.link(""), URL,
                        office.issue_code("KPG", "L01"), store=store)
    assert refused.value.code == ErrorCode.TOKEN_STORE_UNAVAILABLE
    assert registration(branch.reading()) is None


def test_a_registered_counter_syncs_with_its_stored_token(branch: BranchDatabase,
                                                          cashier: Actor) -> None:
    office, ring = FakeHeadOffice(), MemoryKeyring()
    store = KeyringTokenStore(ring)
    register_device(branch.writing(), office.link(""), URL, office.issue_code("KPG", "L01"),
                    store=store)
    enrol(branch, cashier, "10000001")
    token = store.load(outbox(branch)[0].device_id)
    assert token is not None
    assert run_sync(branch.writing, office.link(token)).ok
    transport = open_transport(branch.reading(), store, timeout=5)
    assert isinstance(transport, HttpTransport) and transport.base_url == URL
    store.delete(outbox(branch)[0].device_id)
    store.delete(outbox(branch)[0].device_id)  # nothing left: no error
    assert list(ring.secrets) == [("Loket", key_name(outbox(branch)[0].device_id))]
