"""A customer change asked for at the counter, approved at the real head office
(uvicorn on 127.0.0.1), arrives back at the counter with the next sync."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.customer_changes import list_change_requests, request_customer_change
from app.services.ledger.accounts import get_account
from app.services.sync import (
    open_transport,
    run_sync,
)
from headoffice.change_requests import approve, list_requests
from tests.support.office_server import NO, RunningOffice, start_office


@pytest.fixture
def office(tmp_path: Path) -> Iterator[RunningOffice]:
    with start_office(tmp_path) as running:
        yield running


def test_a_requested_phone_number_comes_back_approved(
        branch: BranchDatabase, cashier: Actor, office: RunningOffice) -> None:
    store = office.register(branch)
    transport = open_transport(branch.reading(), store, timeout=10)
    assert run_sync(branch.writing, transport).ok  # the customer comes down (version 1)

    request = request_customer_change(branch.writing(), cashier, NO,
                                      {"phone": "0813 3912 0044"}, "new number")
    pushed = run_sync(branch.writing, transport)
    assert pushed.ok and not pushed.rejected
    with office.db.writing() as session:
        [queued] = list_requests(session, "KPG", "pending")
        assert (queued.event_id, queued.seen_version) == (request.event_id, 1)
        approve(session, queued.id, "budi")
    assert get_account(branch.reading(), NO).customer.phone == ""  # not before the sync

    assert run_sync(branch.writing, transport).ok
    assert get_account(branch.reading(), NO).customer.phone == "081339120044"
    [seen] = list_change_requests(branch.reading(), NO)
    assert (seen.state, seen.decided_by) == ("approved", "budi")
