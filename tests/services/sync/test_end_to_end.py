"""The branch against the real head-office server (uvicorn on 127.0.0.1, SQLite)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.bootstrap import BranchDatabase
from app.services.clock import FixedClock
from app.services.context import Actor
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import Tender
from app.services.sync import (
    export_bundle,
    import_reply,
    open_transport,
    pending_events,
    run_sync,
)
from headoffice.bundle import import_bundle
from tests.support.office_server import NO, RunningOffice, start_office
from tests.support.sync_fakes import Killer, SimulatedCrash, branch_net_paid, outbox, pay


@pytest.fixture
def office(tmp_path: Path) -> Iterator[RunningOffice]:
    """A head office with branch KPG and one sealed customer with six Rp 100,000 bills."""
    with start_office(tmp_path) as running:
        yield running


def test_a_counter_registers_pulls_pays_and_syncs_with_the_real_head_office(
        branch: BranchDatabase, cashier: Actor, office: RunningOffice, tmp_path: Path) -> None:
    store = office.register(branch)
    transport = open_transport(branch.reading(), store, timeout=10)

    first = run_sync(branch.writing, transport)  # the customer and bills come down
    assert first.ok and first.pulled == 7

    enrol_and_pay(branch.writing(), cashier, EnrolRequest(NO, 3, Tender(300_000, 300_000)))
    pay(branch, cashier, NO, 100_000)
    with pytest.raises(SimulatedCrash):  # killed between head office's answer and the ack
        run_sync(Killer(branch, crash_at=2), transport)
    assert office.money() == (2, 400_000) and pending_events(branch.reading()) > 0
    clock = branch.clock
    assert isinstance(clock, FixedClock)
    clock.advance(minutes=11)

    again = run_sync(branch.writing, transport)
    assert again.ok and again.duplicates == again.acked > 0 and not again.rejected
    assert office.money() == (2, 400_000) == (2, branch_net_paid(branch))

    pay(branch, cashier, NO, 50_000)  # then the link goes down: a bundle on a stick
    bundle = export_bundle(branch.writing, store, tmp_path / "kpg-l01.zip")
    reply = tmp_path / "reply.zip"
    reply.write_bytes(import_bundle(office.db, bundle.path.read_bytes()).data)
    result = import_reply(branch.writing, store, reply)
    assert result.acks is not None and result.acks.acked == bundle.events == 1
    assert pending_events(branch.reading()) == 0
    assert office.money() == (3, 450_000) == (3, branch_net_paid(branch))
    assert {e.ack_result for e in outbox(branch)} == {"applied"}
    assert run_sync(branch.writing, transport).ok
