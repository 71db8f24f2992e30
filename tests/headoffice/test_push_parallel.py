"""Pushes of different branches side by side: none waits for another's batch, and what
two branches race for is still decided once (PostgreSQL; SQLite has one writer)."""

from __future__ import annotations

import threading
import time

import httpx
import pytest
from sqlalchemy import select

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from headoffice import claims
from headoffice.models import Device, Enrolment, Event, Payment
from tests.headoffice.conftest import (
    CUSTOMER,
    HeadOffice,
    enrol,
    outbox,
    statuses,
)


class PushInThread:
    """A push sent from its own thread and client; ``answer`` once it came."""

    def __init__(self, ho: HeadOffice, token: str, device: str, branch: str,
                 events: list[dict[str, object]],
                 audit: dict[str, object] | None = None) -> None:
        self.answer: httpx.Response | None = None
        self.seconds = 0.0

        def send() -> None:
            started = time.perf_counter()
            with httpx.Client(base_url=ho.url, headers={"X-Loket-Protocol": "1"},
                              timeout=60) as client:
                self.answer = client.post("/api/v1/push", json={
                    "device_id": device, "branch": branch, "events": events, "audit": audit},
                    headers={"Authorization": f"Bearer {token}"})
            self.seconds = time.perf_counter() - started

        self.thread = threading.Thread(target=send)
        self.thread.start()

    def wait(self, seconds: float = 60) -> httpx.Response:
        self.thread.join(seconds)
        assert self.answer is not None, "no answer"
        return self.answer


# SQLite takes one writer at a time: there pushes queue by design.
ONLY_POSTGRES = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)


@ONLY_POSTGRES
def test_a_branch_is_acknowledged_while_another_branchs_batch_is_still_open(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str],
        oeb_counter: tuple[BranchDatabase, Actor, str, str]) -> None:
    device, token = kpg
    oeb_branch, oeb_cashier, oeb_device, oeb_token = oeb_counter
    ho.add_customer("50400002")
    enrol(branch, cashier)
    enrol(oeb_branch, oeb_cashier, "50400002")
    with ho.db.pushing() as slow_batch:  # a long KPG batch in flight: its customer claimed
        claims.take(slow_batch, {claims.claim_name("customer", CUSTOMER)})
        kpg_push = PushInThread(ho, token, device, "KPG", outbox(branch))
        # As every counter's push does, OEB's carries its audit-chain head: anchoring it
        # and noting the sync must not wait for KPG's batch either.
        oeb_push = PushInThread(ho, oeb_token, oeb_device, "OEB", outbox(oeb_branch), audit={
            "head_id": 3, "head_hash": "ab" * 32, "anchor_id": 0, "anchor_hash": ""})
        answer = oeb_push.wait(20)
        assert answer.status_code == 200, answer.text
        assert set(statuses(answer)) == {"applied"}
        assert answer.json()["audit"]["status"] == "anchored"
        kpg_push.thread.join(1)
        assert kpg_push.answer is None, "KPG's push went past a customer another batch holds"
    assert set(statuses(kpg_push.wait())) == {"applied"}
    assert ho.money() == (2, 1_000_000)


@ONLY_POSTGRES
def test_one_device_is_still_applied_one_batch_at_a_time(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    device, token = kpg
    enrol(branch, cashier)
    with ho.db.pushing() as other_batch:
        other_batch.get(Device, device, with_for_update=True)
        waiting = PushInThread(ho, token, device, "KPG", outbox(branch))
        waiting.thread.join(1)
        assert waiting.answer is None
    assert set(statuses(waiting.wait())) == {"applied"}


def test_two_branches_enrolling_one_customer_at_once_first_wins_and_both_payments_count(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str],
        oeb_counter: tuple[BranchDatabase, Actor, str, str]) -> None:
    device, token = kpg
    oeb_branch, oeb_cashier, oeb_device, oeb_token = oeb_counter
    enrol(branch, cashier)
    enrol(oeb_branch, oeb_cashier)
    pushes = [PushInThread(ho, token, device, "KPG", outbox(branch)),
              PushInThread(ho, oeb_token, oeb_device, "OEB", outbox(oeb_branch))]
    answers = [push.wait() for push in pushes]
    assert [a.status_code for a in answers] == [200, 200]
    reasons = [r["reason"] for a in answers for r in a.json()["results"]
               if r["status"] == "rejected"]
    assert reasons == ["already_enrolled"]
    assert ho.money() == (2, 1_000_000)
    with ho.db.reading() as session:
        assert len(session.scalars(select(Enrolment)).all()) == 1
        assert len(session.scalars(select(Payment).where(Payment.applied.is_(False))).all()) == 1
        assert len(session.scalars(select(Event)).all()) == sum(
            len(a.json()["results"]) for a in answers)
