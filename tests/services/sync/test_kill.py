"""A counter process killed in the middle of a sync: the next sync goes through at once,
and no payment is lost or counted twice (a real head office, a real second process)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.ledger.accounts import get_account
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import Tender
from app.services.sync import (
    open_transport,
    pending_events,
    run_sync,
)
from tests.support.office_server import NO, RunningOffice, start_office
from tests.support.sync_fakes import branch_net_paid, outbox, pay

PROJECT_DIR = Path(__file__).resolve().parents[3]


@pytest.fixture
def office(tmp_path: Path) -> Iterator[RunningOffice]:
    with start_office(tmp_path) as running:
        yield running


def kill_mid_sync(branch: BranchDatabase, office: RunningOffice, token: str, phase: str) -> None:
    """Sync in another process and SIGKILL it once head office has answered ``phase``."""
    with subprocess.Popen(
            [sys.executable, "-m", "tests.support.sync_kill_worker", str(branch.data_dir),
             office.url, token, phase],
            cwd=PROJECT_DIR, stdout=subprocess.PIPE, text=True) as process:
        try:
            assert process.stdout is not None
            assert process.stdout.readline().strip() == phase  # head office answered; hung
        finally:
            process.kill()
            process.wait(30)


@pytest.mark.slow
@pytest.mark.parametrize("phase", ["push", "pull"])
def test_a_sync_killed_midway_does_not_lock_the_counter(
        branch: BranchDatabase, cashier: Actor, office: RunningOffice, phase: str) -> None:
    store = office.register(branch)
    transport = open_transport(branch.reading(), store, timeout=10)
    token = store.load(outbox(branch)[0].device_id)
    assert token is not None
    if phase == "push":  # the customer first, then two payments for the killed push
        assert run_sync(branch.writing, transport).ok
        enrol_and_pay(branch.writing(), cashier, EnrolRequest(NO, 3, Tender(300_000, 300_000)))
        pay(branch, cashier, NO, 100_000)

    kill_mid_sync(branch, office, token, phase)
    if phase == "push":  # head office has both payments; the branch has no answer yet
        assert office.money() == (2, 400_000) and pending_events(branch.reading()) > 0

    again = run_sync(branch.writing, transport)  # at once: no waiting for a lock to expire
    assert again.ok and not again.rejected
    if phase == "push":
        assert again.duplicates > 0 and pending_events(branch.reading()) == 0
    else:  # the page the killed sync fetched is fetched again and applied once
        assert again.pulled == 7 and len(get_account(branch.reading(), NO).open_bills) == 6
        enrol_and_pay(branch.writing(), cashier, EnrolRequest(NO, 3, Tender(300_000, 300_000)))
        assert run_sync(branch.writing, transport).ok
    assert office.money() == (len(branch_payments(branch)), branch_net_paid(branch))


def branch_payments(branch: BranchDatabase) -> list[str]:
    return [e.type for e in outbox(branch) if e.type.endswith(".paid")]
