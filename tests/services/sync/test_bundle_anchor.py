"""A counter that syncs only by USB is anchored too (the real head office and its
``bundle import`` command): its bundle carries the audit-chain head in the signed
manifest, a rewritten chain is flagged and payments stop after the reply is imported,
and a bundle of an older counter without the head still imports."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import Tender
from app.services.sync import (
    export_bundle,
    import_reply,
)
from app.services.sync.signing import sign, signing_key
from app.services.sync.token_store import TokenStore
from headoffice import exception_queue
from headoffice.cli import main as office_cli
from headoffice.models import AuditAnchor
from tests.services.sync.test_chain_anchor import _rewrite
from tests.support.office_server import NO, RunningOffice, start_office
from tests.support.sync_fakes import outbox, pay


@pytest.fixture
def office(tmp_path: Path) -> Iterator[RunningOffice]:
    with start_office(tmp_path) as running:
        yield running


@pytest.fixture
def store(branch: BranchDatabase, office: RunningOffice) -> TokenStore:
    """KPG/L01 registered; everything after goes by bundle."""
    return office.register(branch)


class Stick:
    """Bundles carried to head office (``loket-headoffice bundle import``) and back."""

    def __init__(self, branch: BranchDatabase, store: TokenStore, office: RunningOffice,
                 folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.branch, self.store, self.office = branch, store, office
        self.folder, self.capsys, self.n = folder, capsys, 0

    def export(self) -> Path:
        self.n += 1
        path = self.folder / f"KPG-L01-{self.n}.zip"
        export_bundle(self.branch.writing, self.store, path)
        return path

    def office_import(self, bundle: Path) -> str:
        self.capsys.readouterr()
        assert office_cli(["--database-url", self.office.db.url, "--lang", "en", "bundle",
                           "import", str(bundle)]) == 0
        return self.capsys.readouterr().out

    def back(self, bundle: Path) -> str:
        """The reply imported at the counter; head office's answer on the chain."""
        reply = import_reply(self.branch.writing, self.store,
                             bundle.with_name(f"{bundle.stem}-reply.zip"))
        return reply.audit

    def carry(self) -> str:
        bundle = self.export()
        out = self.office_import(bundle)
        self.back(bundle)
        return out


@pytest.fixture
def stick(branch: BranchDatabase, store: TokenStore, office: RunningOffice, tmp_path: Path,
          capsys: pytest.CaptureFixture[str]) -> Stick:
    return Stick(branch, store, office, tmp_path, capsys)


def _anchors(office: RunningOffice) -> list[tuple[str, int]]:
    with office.db.reading() as session:
        return [(a.status, a.record_id) for a in
                session.scalars(select(AuditAnchor).order_by(AuditAnchor.id))]


def _manifest(bundle: Path) -> dict[str, object]:
    with zipfile.ZipFile(bundle) as archive:
        manifest: dict[str, object] = json.loads(archive.read("manifest.json"))
    return manifest


def test_a_bundle_carries_the_chain_head_and_head_office_anchors_it(
        branch: BranchDatabase, cashier: Actor, office: RunningOffice, stick: Stick) -> None:
    assert "audit chain anchored at record" in stick.carry()  # the snapshot comes back
    enrol_and_pay(branch.writing(), cashier, EnrolRequest(NO, 3, Tender(300_000, 300_000)))
    bundle = stick.export()
    head = _manifest(bundle)["audit"]
    assert isinstance(head, dict) and head["problem"] == ""
    out = stick.office_import(bundle)
    assert f"audit chain anchored at record {head['head_id']}" in out
    assert _anchors(office)[-1] == ("anchored", head["head_id"])
    assert stick.back(bundle) == "anchored"
    assert office.money() == (1, 300_000)

    # a second bundle before the reply of the first was imported names an older anchor:
    # not anchored this time, and the reply tells the counter which one head office has
    pay(branch, cashier, NO, 100_000)
    first, second = stick.export(), stick.export()
    stick.office_import(first)
    assert "not anchored this time" in stick.office_import(second)
    assert _anchors(office)[-1][0] == "anchored"
    assert stick.back(second) == "stale"
    assert "audit chain anchored at record" in stick.carry()
    pay(branch, cashier, NO, 100_000)  # nothing flagged


def test_a_rewritten_chain_in_a_bundle_is_flagged_and_payments_stop_after_the_reply(
        branch: BranchDatabase, cashier: Actor, office: RunningOffice, stick: Stick) -> None:
    stick.carry()
    enrol_and_pay(branch.writing(), cashier, EnrolRequest(NO, 3, Tender(300_000, 300_000)))
    stick.carry()
    _rewrite(branch, "KPG-L01-2025-000001", 100_000)
    bundle = stick.export()
    out = stick.office_import(bundle)
    assert "AUDIT CHAIN FLAGGED" in out and "rewritten" in out
    assert _anchors(office)[-1][0] == "flagged"
    with office.db.reading() as session:
        [flag] = [x for x in exception_queue.list_exceptions(session)
                  if x.reason == "audit_chain_broken"]
    pay(branch, cashier, NO, 100_000)  # the counter does not know yet
    assert stick.back(bundle) == "flagged"
    with pytest.raises(DomainError) as refused:
        pay(branch, cashier, NO, 100_000)
    assert refused.value.code == ErrorCode.PAYMENTS_BLOCKED_CHAIN_FLAGGED

    assert "AUDIT CHAIN FLAGGED" in stick.carry()  # every answer says so until cleared
    with office.db.writing() as session:
        exception_queue.resolve(session, flag.id, "books checked against the receipts")
    assert "audit chain anchored" in stick.carry()
    with pytest.raises(DomainError):  # head office cleared it; a supervisor has not
        pay(branch, cashier, NO, 100_000)


def test_a_bundle_of_an_older_counter_without_the_head_still_imports(
        branch: BranchDatabase, cashier: Actor, office: RunningOffice, stick: Stick,
        store: TokenStore) -> None:
    stick.carry()
    enrol_and_pay(branch.writing(), cashier, EnrolRequest(NO, 3, Tender(300_000, 300_000)))
    bundle = stick.export()
    manifest = _manifest(bundle)
    del manifest["audit"]
    manifest_bytes = json.dumps(manifest, indent=1, sort_keys=True).encode()
    with zipfile.ZipFile(bundle) as archive:
        events = archive.read("events.jsonl")
    key = signing_key(store, outbox(branch)[0].device_id)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", manifest_bytes)
        archive.writestr("events.jsonl", events)
        archive.writestr("signature", sign(key, manifest_bytes))
    bundle.write_bytes(buffer.getvalue())
    anchored = _anchors(office)

    out = stick.office_import(bundle)
    assert "applied" in out and "audit chain NOT anchored" in out
    assert _anchors(office) == anchored
    assert office.money() == (1, 300_000)
    assert stick.back(bundle) == ""
    pay(branch, cashier, NO, 100_000)
