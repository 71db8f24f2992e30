"""Customer change requests: queued on push, approved or rejected by head-office staff,
and the outcome pulled by the branch that asked."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import select

from app.bootstrap import BranchDatabase
from app.models import Customer as BranchCustomer
from app.services.context import Actor
from app.services.customer_changes import (
    ChangeRequestInfo,
    list_change_requests,
    request_customer_change,
)
from app.services.sync import HttpTransport, pull_changes
from headoffice.change_requests import list_requests
from headoffice.cli import main
from headoffice.models import ChangeRequest, Customer, SyncException
from tests.headoffice.conftest import CUSTOMER, HeadOffice, outbox, statuses
from tests.support.fakes import add_customer

NEW_PHONE = "081339120044"


class Cli:
    """``loket-headoffice`` on the server's database; keeps the last output."""

    def __init__(self, ho: HeadOffice, capsys: pytest.CaptureFixture[str]) -> None:
        self.url, self.capsys = ho.db.url, capsys
        self.out = self.err = ""

    def __call__(self, *args: str) -> int:
        code = main(["--database-url", self.url, "--lang", "en", *args])
        self.out, self.err = self.capsys.readouterr()
        return code


@pytest.fixture
def cli(ho: HeadOffice, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(ho, capsys)


def ask(branch: BranchDatabase, cashier: Actor, changes: dict[str, str],
        reason: str = "customer came to the counter") -> ChangeRequestInfo:
    return request_customer_change(branch.writing(), cashier, CUSTOMER, changes, reason)


def push_all(ho: HeadOffice, branch: BranchDatabase, kpg: tuple[str, str]) -> list[str]:
    device, token = kpg
    response = ho.push(token, device, outbox(branch))
    assert response.status_code == 200, response.text
    return statuses(response)


def office_customer(ho: HeadOffice) -> dict[str, Any]:
    with ho.db.reading() as session:
        c = session.scalars(select(Customer).where(Customer.connection_no == CUSTOMER)).one()
        return {"phone": c.phone, "address": c.address, "version": c.version}


def branch_customer(branch: BranchDatabase) -> dict[str, Any]:
    with branch.reading() as uow:
        c = uow.session.scalars(select(BranchCustomer).where(
            BranchCustomer.connection_no == CUSTOMER)).one()
        return {"phone": c.phone, "address": c.address, "version": c.version}


def pull(ho: HeadOffice, branch: BranchDatabase, kpg: tuple[str, str]) -> None:
    pull_changes(branch.writing, HttpTransport(ho.url, kpg[1], timeout=10))


def only_request(ho: HeadOffice) -> int:
    with ho.db.reading() as session:
        [row] = session.scalars(select(ChangeRequest)).all()
        return row.id


@pytest.fixture
def at_branch(branch: BranchDatabase, kpg: tuple[str, str]) -> BranchDatabase:
    """The branch holds the customer as head office published it (version 1)."""
    add_customer(branch, CUSTOMER)
    return branch


def test_a_request_is_queued_approved_and_pulled_by_the_branch(
        ho: HeadOffice, at_branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str],
        cli: Cli) -> None:
    request = ask(at_branch, cashier, {"phone": NEW_PHONE, "address": "Jl. Timor Raya 9"},
                  "moved house")
    assert set(push_all(ho, at_branch, kpg)) == {"applied"}
    assert set(push_all(ho, at_branch, kpg)) == {"duplicate"}  # queued once
    assert office_customer(ho) == {"phone": "081234567890", "address": "Jl. Uji No. 1",
                                   "version": 1}
    assert cli("change-requests") == 0
    assert "[pending] KPG" in cli.out and f"customer {CUSTOMER} (seen v1, now v1)" in cli.out
    assert f"phone: '081234567890' → '{NEW_PHONE}'" in cli.out
    assert "reason: moved house" in cli.out and "1 change request(s)" in cli.err
    assert cli("change-requests", "--branch", "OEB") == 0 and "0 change" in cli.err

    request_id = str(only_request(ho))
    assert cli("change-requests", "approve", request_id, "--by", "budi") == 0, cli.err
    assert f"customer {CUSTOMER} is version 2" in cli.out
    assert office_customer(ho) == {"phone": NEW_PHONE, "address": "Jl. Timor Raya 9",
                                   "version": 2}
    assert cli("change-requests") == 0 and "0 change request(s)" in cli.err
    assert cli("change-requests", "--state", "approved") == 0
    assert "approved by budi" in cli.out

    pull(ho, at_branch, kpg)
    assert branch_customer(at_branch) == office_customer(ho)
    [seen] = list_change_requests(at_branch.reading(), CUSTOMER)
    assert (seen.uuid, seen.state, seen.decided_by) == (request.uuid, "approved", "budi")
    other = ho.register(str(uuid.uuid4()), "OEB")  # another branch: the customer, not the decision
    kinds = {c["kind"] for c in ho.pull(other).json()["changes"]}
    assert "customer" in kinds and "change_request" not in kinds


def test_a_stale_request_is_refused_until_forced(
        ho: HeadOffice, at_branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str],
        cli: Cli) -> None:
    ask(at_branch, cashier, {"phone": NEW_PHONE})
    push_all(ho, at_branch, kpg)
    with ho.db.writing() as session:  # head office changes the customer meanwhile
        customer = session.scalars(select(Customer).where(
            Customer.connection_no == CUSTOMER)).one()
        customer.phone, customer.version = "085200001111", 2
    request_id = str(only_request(ho))
    assert cli("change-requests", "approve", request_id) == 1
    assert "changed since the request" in cli.err
    assert f"current vs requested: phone '085200001111' → '{NEW_PHONE}'" in cli.err
    assert office_customer(ho)["phone"] == "085200001111"
    assert [r.state for r in list_requests_of(ho)] == ["pending"]

    assert cli("change-requests", "approve", request_id, "--force", "--by", "budi") == 0
    assert office_customer(ho) == {"phone": NEW_PHONE, "address": "Jl. Uji No. 1",
                                   "version": 3}
    [decided] = list_requests_of(ho)
    assert decided.state == "approved" and "the branch saw version 1" in decided.note
    assert cli("change-requests", "approve", request_id) == 1 and "already approved" in cli.err


def test_a_rejected_request_leaves_the_customer_and_the_branch_is_told(
        ho: HeadOffice, at_branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str],
        cli: Cli) -> None:
    ask(at_branch, cashier, {"name": "Pelanggan Baru"}, "name correction")
    push_all(ho, at_branch, kpg)
    request_id = str(only_request(ho))
    assert cli("change-requests", "reject", request_id) == 2  # --note is required
    assert cli("change-requests", "reject", request_id, "--note", " ") == 1
    assert cli("change-requests", "reject", request_id, "--note", "ID\x00card") == 1
    assert "the note holds the character NUL (U+0000) at position 3" in cli.err
    assert cli("change-requests", "reject", request_id, "--note",
               "the ID card says Pelanggan Uji", "--by", "budi") == 0
    assert office_customer(ho)["version"] == 1
    assert cli("change-requests", "--state", "rejected") == 0
    assert "rejected by budi" in cli.out and "the ID card says Pelanggan Uji" in cli.out
    assert cli("change-requests", "approve", request_id) == 1 and "already rejected" in cli.err
    assert cli("change-requests", "approve", "999999") == 1 and "no change request" in cli.err

    pull(ho, at_branch, kpg)
    [seen] = list_change_requests(at_branch.reading(), CUSTOMER)
    assert (seen.state, seen.note) == ("rejected", "the ID card says Pelanggan Uji")
    assert branch_customer(at_branch)["version"] == 1


def test_a_malformed_or_unknown_customer_request_goes_to_the_exceptions(
        ho: HeadOffice, at_branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    ask(at_branch, cashier, {"phone": NEW_PHONE})
    events = outbox(at_branch)
    device, token = kpg
    forged = [dict(events[-1], id=str(uuid.uuid4()), seq=events[-1]["seq"] + n,
                   payload=dict(events[-1]["payload"], **change))
              for n, change in enumerate(({"fields": {"tariff_group": "R1"}},
                                          {"connection_no": "50499999"}), start=1)]
    response = ho.push(token, device, events + forged)
    assert statuses(response)[-3:] == ["applied", "rejected", "rejected"]
    reasons = [r["reason"] for r in response.json()["results"][-2:]]
    assert reasons == ["invalid_payload", "unknown_customer"]
    assert ho.count(ChangeRequest) == 1 and ho.count(SyncException) == 2


def list_requests_of(ho: HeadOffice) -> list[Any]:
    with ho.db.reading() as session:
        return list_requests(session)
