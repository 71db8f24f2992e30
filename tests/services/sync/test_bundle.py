"""Sync bundles on a USB stick: signed both ways, imported exactly once in effect."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from app.bootstrap import BranchDatabase
from app.models import Customer
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.sync import export_bundle, import_reply, pending_events, push_outbox
from tests.support.sync_fakes import (
    FakeHeadOffice,
    FakeLink,
    MemoryTokenStore,
    branch_net_paid,
    connect,
    enrol,
    give_signing_key,
    outbox,
    pay,
    publish_customer,
)


@pytest.fixture
def office() -> FakeHeadOffice:
    return FakeHeadOffice()


@pytest.fixture
def link(branch: BranchDatabase, office: FakeHeadOffice) -> FakeLink:
    return connect(branch, office)


@pytest.fixture
def store(branch: BranchDatabase, link: FakeLink) -> MemoryTokenStore:
    tokens = MemoryTokenStore()
    tokens.save(outbox(branch)[0].device_id, link.token)
    give_signing_key(link.office, tokens, outbox(branch)[0].device_id)
    return tokens


def carry(office: FakeHeadOffice, bundle: Path, reply: Path) -> Path:
    """Take the stick to head office and back."""
    reply.write_bytes(office.import_bundle(bundle.read_bytes()))
    return reply


def customer_count(branch: BranchDatabase) -> int:
    with branch.reading() as uow:
        return len(uow.session.scalars(select(Customer.id)).all())


def rewrite(path: Path, name: str, data: bytes) -> None:
    """Change one member of a zip (keeping the old signature and manifest)."""
    with zipfile.ZipFile(path) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members[name] = data
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n, content in members.items():
            archive.writestr(n, content)
    path.write_bytes(buffer.getvalue())


def test_a_bundle_round_trip_acknowledges_events_and_brings_master_data(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, store: MemoryTokenStore,
        tmp_path: Path) -> None:
    enrol(branch, cashier, "10000001")
    publish_customer(office, "20000001", periods=3)
    events = outbox(branch)

    info = export_bundle(branch.writing, store, tmp_path / "kpg-l01.zip")

    assert (info.first_seq, info.last_seq, info.events) == (1, events[-1].seq, len(events))
    assert info.counts["enrolment.paid"] == 1 and info.amounts["enrolment.paid"] == 300_000
    with zipfile.ZipFile(info.path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["branch"] == "KPG" and manifest["cursor"] == ""
    reply = carry(office, info.path, tmp_path / "reply.zip")

    result = import_reply(branch.writing, store, reply)

    assert result.acks is not None and result.acks.acked == len(events)
    assert result.changes == 4 and customer_count(branch) == 2
    assert pending_events(branch.reading()) == 0
    assert office.net_paid() == branch_net_paid(branch) == 300_000

    again = import_reply(branch.writing, store, reply)  # the same reply twice
    assert again.acks is not None and (again.acks.acked, again.acks.already) == (0, len(events))
    assert customer_count(branch) == 2 and office.net_paid() == 300_000


def test_a_bundle_overlapping_an_online_push_changes_nothing_twice(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink,
        store: MemoryTokenStore, tmp_path: Path) -> None:
    enrol(branch, cashier, "10000001")
    bundle = export_bundle(branch.writing, store, tmp_path / "b1.zip")
    push_outbox(branch.writing, link)  # the link came back before the stick travelled
    pay(branch, cashier, "10000001", 100_000)
    reply = carry(office, bundle.path, tmp_path / "r1.zip")
    import_reply(branch.writing, store, reply)
    second = export_bundle(branch.writing, store, tmp_path / "b2.zip")
    assert second.events == 1
    import_reply(branch.writing, store, carry(office, second.path, tmp_path / "r2.zip"))

    assert all(n == 1 for n in office.state.applied.values())
    assert office.net_paid() == branch_net_paid(branch) == 400_000
    assert pending_events(branch.reading()) == 0


def test_head_office_lacking_events_asks_for_them_in_the_next_bundle(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink,
        store: MemoryTokenStore, tmp_path: Path) -> None:
    backup = office.backup()
    enrol(branch, cashier, "10000001")
    push_outbox(branch.writing, link)
    office.restore(backup)
    pay(branch, cashier, "10000001", 100_000)
    bundle = export_bundle(branch.writing, store, tmp_path / "b.zip")
    assert bundle.events == 1

    result = import_reply(branch.writing, store, carry(office, bundle.path, tmp_path / "r.zip"))

    assert result.resend_from == 1 and pending_events(branch.reading()) == 1
    full = export_bundle(branch.writing, store, tmp_path / "b2.zip")
    assert (full.first_seq, full.events) == (1, len(outbox(branch)))
    import_reply(branch.writing, store, carry(office, full.path, tmp_path / "r2.zip"))
    assert pending_events(branch.reading()) == 0 and office.net_paid() == 400_000


@pytest.mark.parametrize("damage", ["tampered", "truncated", "manifest", "missing"])
def test_a_damaged_reply_is_refused_and_changes_nothing(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, store: MemoryTokenStore,
        tmp_path: Path, damage: str) -> None:
    enrol(branch, cashier, "10000001")
    publish_customer(office, "20000001", periods=1)
    bundle = export_bundle(branch.writing, store, tmp_path / "b.zip")
    reply = carry(office, bundle.path, tmp_path / "r.zip")
    if damage == "tampered":
        rewrite(reply, "changes.jsonl", reply_member(reply, "changes.jsonl").replace(
            b"95000", b"15000"))
    elif damage == "truncated":
        reply.write_bytes(reply.read_bytes()[:-200])
    elif damage == "manifest":
        manifest = json.loads(reply_member(reply, "manifest.json"))
        manifest["sha256"]["changes.jsonl"] = "0" * 64
        rewrite(reply, "manifest.json", json.dumps(manifest).encode())
    else:
        with zipfile.ZipFile(reply) as archive:
            kept = {n: archive.read(n) for n in archive.namelist() if n != "acks.json"}
        with zipfile.ZipFile(reply, "w") as archive:
            for name, data in kept.items():
                archive.writestr(name, data)

    with pytest.raises(DomainError) as refused:
        import_reply(branch.writing, store, reply)

    assert refused.value.code == ErrorCode.BUNDLE_INVALID
    assert "r.zip" in refused.value.message
    assert pending_events(branch.reading()) == len(outbox(branch)) and customer_count(branch) == 1


def reply_member(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def test_a_reply_for_another_branch_or_counter_is_refused(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink,
        store: MemoryTokenStore, tmp_path: Path) -> None:
    enrol(branch, cashier, "10000001")
    device = office.devices[link.token]
    wrong_branch = tmp_path / "soe.zip"
    wrong_branch.write_bytes(office.reply_bundle(device, {"results": [], "acked_through": 0},
                                                 [], "epoch-1:0", branch="SOE"))
    with pytest.raises(DomainError) as refused:
        import_reply(branch.writing, store, wrong_branch)
    assert refused.value.code == ErrorCode.BUNDLE_WRONG_BRANCH
    assert "branch SOE" in refused.value.message

    stranger = office.devices[office.enrol_device("another-device", "KPG", "L02")]
    wrong_counter = tmp_path / "l02.zip"
    wrong_counter.write_bytes(office.reply_bundle(stranger, {"results": [], "acked_through": 0},
                                                  [], "epoch-1:0"))
    with pytest.raises(DomainError) as other:
        import_reply(branch.writing, store, wrong_counter)
    assert other.value.code == ErrorCode.BUNDLE_WRONG_BRANCH
    assert "another counter" in other.value.message

    forged = tmp_path / "forged.zip"  # right names, signed with another key
    forged.write_bytes(office.reply_bundle(stranger, {"results": [], "acked_through": 0},
                                           [], "epoch-1:0"))
    rewrite(forged, "manifest.json", reply_member(forged, "manifest.json").replace(
        b"another-device", outbox(branch)[0].device_id.encode()))
    with pytest.raises(DomainError) as unsigned:
        import_reply(branch.writing, store, forged)
    assert unsigned.value.code == ErrorCode.BUNDLE_INVALID
    assert "signature" in unsigned.value.message
    assert pending_events(branch.reading()) == len(outbox(branch))


def test_head_office_refuses_a_tampered_branch_bundle(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, store: MemoryTokenStore,
        tmp_path: Path) -> None:
    enrol(branch, cashier, "10000001")
    bundle = export_bundle(branch.writing, store, tmp_path / "b.zip")
    rewrite(bundle.path, "events.jsonl", reply_member(bundle.path, "events.jsonl").replace(
        b'"amount":300000', b'"amount":30000'))
    with pytest.raises(ValueError, match="changed"):
        office.import_bundle(bundle.path.read_bytes())
    assert office.net_paid() == 0


def test_with_nothing_pending_a_bundle_still_brings_the_changes(
        branch: BranchDatabase, office: FakeHeadOffice, link: FakeLink, store: MemoryTokenStore,
        tmp_path: Path) -> None:
    push_outbox(branch.writing, link)
    publish_customer(office, "20000001", periods=2)
    empty = export_bundle(branch.writing, store, tmp_path / "empty.zip")
    assert (empty.first_seq, empty.last_seq, empty.events) == (None, None, 0)

    result = import_reply(branch.writing, store, carry(office, empty.path, tmp_path / "r.zip"))

    assert result.changes == 3 and customer_count(branch) == 1
    again = export_bundle(branch.writing, store, tmp_path / "again.zip", from_seq=2)
    assert again.first_seq == 2 and again.events == len(outbox(branch)) - 1
    with zipfile.ZipFile(again.path) as archive:
        assert json.loads(archive.read("manifest.json"))["cursor"] == "epoch-1:3"
