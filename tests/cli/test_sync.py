"""``loket-admin register / sync / sync status / bundle`` against a real head office.

Head office runs for real (uvicorn over SQLite); the commands run as ``loket-admin``
would, with the token in the credential store (an in-memory ``keyring`` backend here).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import pytest
from sqlalchemy import func, select

from app.bootstrap import BranchDatabase
from app.models import Customer
from app.services.context import Actor
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import Tender
from app.services.sync.protocol import local_device
from headoffice.auth import revoke_device
from headoffice.bundle import import_bundle
from tests.cli.test_cli import Cli
from tests.support.lossy_proxy import LossyProxy
from tests.support.office_server import NO, RunningOffice, start_office
from tests.support.sync_fakes import MemoryKeyring, enrol, outbox


class MemoryBackend(keyring.backend.KeyringBackend):
    """The OS credential store, in memory (``keyring`` takes only its own backends)."""

    priority = 1.0  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.ring = MemoryKeyring()

    def get_password(self, service: str, username: str) -> str | None:
        return self.ring.get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.ring.set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self.ring.delete_password(service, username)


@pytest.fixture(autouse=True)
def credential_store() -> Iterator[MemoryBackend]:
    previous = keyring.get_keyring()
    ring = MemoryBackend()
    keyring.set_keyring(ring)
    try:
        yield ring
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def office(tmp_path: Path) -> Iterator[RunningOffice]:
    with start_office(tmp_path) as running:
        yield running


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], branch: BranchDatabase) -> Cli:
    return Cli(capsys, branch.data_dir)


def customers(branch: BranchDatabase) -> int:
    with branch.reading() as uow:
        return uow.session.scalar(select(func.count()).select_from(Customer)) or 0


def unacked(branch: BranchDatabase) -> int:
    return sum(1 for event in outbox(branch) if event.acked_at is None)


def test_register_sync_and_status_from_the_command_line(
        cli: Cli, branch: BranchDatabase, office: RunningOffice, cashier: Actor) -> None:
    before = cli.json("sync", "status")
    assert before["registered"] is False and before["last_sync"] is None
    assert cli("register", office.url, office.code()) == 0
    assert "is registered with head office" in cli.out
    assert cli("sync") == 0, cli.err
    assert "branch snapshot" in cli.err and "Synced with head office" in cli.out
    assert customers(branch) == 1

    enrol_and_pay(branch.writing(), cashier, EnrolRequest(NO, 3, Tender(300_000, 300_000)))
    status = cli.json("sync", "status")
    assert status["registered"] and status["pending_events"] == unacked(branch) > 0
    report = cli.json("sync")
    assert report["synced"] and report["acked"] == status["pending_events"]
    assert office.money()[0] == 1
    after = cli.json("sync", "status")
    assert after["pending_events"] == 0 and after["last_sync"]
    assert after["cursor"] and after["acked_through"] == len(outbox(branch))


def test_sync_refuses_clearly_when_not_registered_unreachable_or_revoked(
        cli: Cli, branch: BranchDatabase, office: RunningOffice) -> None:
    assert cli("sync") == 1
    assert "not registered with head office" in cli.err
    with LossyProxy(("127.0.0.1", office.port), rate=None) as proxy:
        assert cli("register", proxy.url, office.code()) == 0
        assert cli("sync") == 0
    # the registered address (the proxy) answers no more
    assert cli("sync") == 1
    assert "head office cannot be reached: nothing answers at" in cli.err
    refused = cli.json("sync", expect=1)
    assert refused["error"]["code"] == "sync_unreachable"


def test_a_revoked_counter_is_told_so(cli: Cli, branch: BranchDatabase,
                                      office: RunningOffice) -> None:
    assert cli("register", office.url, office.code()) == 0
    with branch.reading() as uow:
        device_id = local_device(uow.session).device_id
    with office.db.writing() as session:
        revoke_device(session, device_id)
    assert cli("sync") == 1
    assert "head office has revoked this counter" in cli.err


def test_bundles_from_the_command_line(cli: Cli, branch: BranchDatabase, office: RunningOffice,
                                       cashier: Actor, tmp_path: Path) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    assert cli("bundle", "export", str(stick)) == 1
    assert "not registered with head office" in cli.err
    assert cli("register", office.url, office.code()) == 0
    enrol(branch, cashier, NO)
    exported = cli.json("bundle", "export", str(stick))
    bundle = Path(exported["path"])
    assert bundle.parent == stick and exported["events"] == unacked(branch)
    reply = stick / "reply.zip"
    reply.write_bytes(import_bundle(office.db, bundle.read_bytes()).data)
    imported = cli.json("bundle", "import", str(reply))
    assert imported["acked"] == exported["events"] and office.money()[0] == 1
    assert imported["audit"] == "anchored"  # the bundle's chain head, anchored
    assert cli.json("sync", "status")["pending_events"] == 0
    assert cli("bundle", "export", str(tmp_path / "missing")) == 1
    assert "is not a folder" in cli.err
