"""At the branch, every damaged reply bundle is refused whole with a clear message: byte
flips, truncation, zip bombs, member names that climb out of the folder, wrong JSON,
another branch; a fuzz of 1,000 random flips and cuts of a good reply ends in no
traceback and applies nothing but what the good reply itself holds."""

from __future__ import annotations

import hashlib
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
from app.services.sync import export_bundle, import_reply, pending_events
from app.services.sync.bundle import sign
from tests.support.bundle_damage import damaged_copies, members_of, zipped
from tests.support.sync_fakes import (
    FakeHeadOffice,
    MemoryTokenStore,
    connect,
    enrol,
    give_signing_key,
    outbox,
    publish_customer,
)


@pytest.fixture
def reply(branch: BranchDatabase, cashier: Actor, tmp_path: Path) -> tuple[MemoryTokenStore, bytes]:
    """(the counter's store, head office's good reply to its bundle)."""
    office = FakeHeadOffice()
    link = connect(branch, office)
    store = MemoryTokenStore()
    store.save(outbox(branch)[0].device_id, link.token)
    give_signing_key(office, store, outbox(branch)[0].device_id)
    enrol(branch, cashier, "10000001")
    publish_customer(office, "20000001", periods=3)
    bundle = export_bundle(branch.writing, store, tmp_path / "kpg.zip")
    return store, office.import_bundle(bundle.path.read_bytes())


def resigned(members: dict[str, bytes], token: str, manifest: dict[str, object]) -> bytes:
    """A reply of ``members`` with ``manifest``, validly signed for this counter."""
    raw = json.dumps(manifest).encode()
    return zipped(dict(members, **{"manifest.json": raw, "signature": sign(token, raw).encode()}))


def state(branch: BranchDatabase) -> tuple[int, int]:
    with branch.reading() as uow:
        customers = len(uow.session.scalars(select(Customer.id)).all())
    return pending_events(branch.reading()), customers


def test_each_kind_of_damage_is_refused_with_its_reason(
        branch: BranchDatabase, reply: tuple[MemoryTokenStore, bytes], tmp_path: Path) -> None:
    store, data = reply
    token = store.load(outbox(branch)[0].device_id) or ""
    members = members_of(data)
    manifest = json.loads(members["manifest.json"])
    bad_acks = b"[not json"
    cases = {
        "is damaged or cut off": data[: len(data) // 2],
        "inflates": zipped(dict(members, **{"changes.jsonl": b" " * (100 * 1024 * 1024)})),
        "holds a file it should not ('..\\\\..\\\\loket.sqlite3')": zipped(
            dict(members, **{"..\\..\\loket.sqlite3": b"SQLite format 3"})),
        "acks.json is not valid JSON": resigned(
            dict(members, **{"acks.json": bad_acks}), token,
            dict(manifest, sha256=dict(manifest["sha256"], **{
                "acks.json": hashlib.sha256(bad_acks).hexdigest()}))),
        "is for branch OEB": resigned(members, token, dict(manifest, branch="OEB")),
    }
    duplicate = io.BytesIO()
    with zipfile.ZipFile(duplicate, "w") as archive, pytest.warns(UserWarning):
        for name, body in members.items():
            archive.writestr(name, body)
        archive.writestr("cursor", b"epoch-1:999")
    cases["holds the same file twice"] = duplicate.getvalue()
    before = state(branch)
    for said, bundle in cases.items():
        path = tmp_path / "reply.zip"
        path.write_bytes(bundle)
        with pytest.raises(DomainError) as refused:
            import_reply(branch.writing, store, path)
        assert refused.value.code in (ErrorCode.BUNDLE_INVALID, ErrorCode.BUNDLE_WRONG_BRANCH)
        assert said in refused.value.message, (said, refused.value.message)
    assert state(branch) == before


@pytest.mark.slow
def test_a_thousand_random_flips_and_cuts_apply_nothing_and_raise_nothing_else(
        branch: BranchDatabase, reply: tuple[MemoryTokenStore, bytes], tmp_path: Path) -> None:
    store, data = reply
    original, now = members_of(data), state(branch)
    path = tmp_path / "reply.zip"
    accepted = 0
    for n, damaged in enumerate(damaged_copies(data)):
        path.write_bytes(damaged)
        try:
            import_reply(branch.writing, store, path)
        except DomainError as refused:
            assert refused.code in (ErrorCode.BUNDLE_INVALID, ErrorCode.BUNDLE_WRONG_BRANCH)
            if n % 50 == 0:
                assert state(branch) == now  # nothing of a refused reply was applied
            continue
        accepted += 1  # only a flip that changed nothing the reply says (a date, say)
        assert members_of(damaged) == original
        now = state(branch)
    assert accepted < 100 and state(branch) == now
    path.write_bytes(data)
    import_reply(branch.writing, store, path)
    assert state(branch) == (0, 2)
