"""Reconciliation: head office's counts and sums equal the branch's own, mismatches loud."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.ledger.instalments import InstalmentRequest, pay_instalment
from app.services.ledger.payments import Tender
from headoffice.cli import main
from tests.headoffice.conftest import CUSTOMER, HeadOffice, enrol, outbox

MONEY = {"enrolment.paid", "instalment.paid", "payment.voided"}


def branch_figures(events: list[dict[str, Any]], results: dict[str, str]
                   ) -> list[dict[str, Any]]:
    """What the branch computes from its outbox and the acknowledgements it received."""
    count: Counter[tuple[str, str, str]] = Counter()
    amount: Counter[tuple[str, str, str]] = Counter()
    for e in events:
        key = (e["created_at"][:10], e["type"], results[e["id"]])
        count[key] += 1
        amount[key] += e["payload"]["amount"] if e["type"] in MONEY else 0
    return [{"business_date": d, "type": t, "status": s, "count": count[(d, t, s)],
             "amount": amount[(d, t, s)]} for d, t, s in sorted(count)]


@pytest.fixture
def synced(ho: HeadOffice, branch: BranchDatabase, cashier: Actor,
           kpg: tuple[str, str]) -> tuple[str, str, list[dict[str, Any]], dict[str, str]]:
    """A day at the branch pushed: a plan, an instalment, a rejected enrolment."""
    device, token = kpg
    enrol(branch, cashier)
    pay_instalment(branch.writing(), cashier, InstalmentRequest(CUSTOMER, Tender(100_000,
                                                                                 100_000)))
    enrol(branch, cashier, "50400002")
    events = outbox(branch)
    response = ho.push(token, device, events)
    results = {r["id"]: r["status"] for r in response.json()["results"]}
    return device, token, events, results


def _figures(ho: HeadOffice, token: str, device: str, through: int) -> list[dict[str, Any]]:
    response = ho.client.get("/api/v1/reconcile", params={
        "device_id": device, "through_seq": through}, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    days: list[dict[str, Any]] = response.json()["days"]
    return days


def test_head_office_figures_equal_the_branch_figures(
        ho: HeadOffice, synced: tuple[str, str, list[dict[str, Any]], dict[str, str]]) -> None:
    device, token, events, results = synced
    days = _figures(ho, token, device, events[-1]["seq"])
    assert days == branch_figures(events, results)
    paid = {(d["type"], d["status"]): (d["count"], d["amount"]) for d in days}
    assert paid[("enrolment.paid", "applied")] == (1, 500_000)
    assert paid[("enrolment.paid", "rejected")] == (1, 500_000)
    assert paid[("instalment.paid", "applied")] == (1, 100_000)
    earlier = _figures(ho, token, device, events[-2]["seq"])
    assert earlier == branch_figures(events[:-1], results)


def test_a_branch_report_is_compared_and_a_mismatch_shown_loudly(
        ho: HeadOffice, synced: tuple[str, str, list[dict[str, Any]], dict[str, str]],
        capsys: pytest.CaptureFixture[str]) -> None:
    device, token, events, results = synced
    mine = branch_figures(events, results)
    auth = {"Authorization": f"Bearer {token}"}
    report = {"device_id": device, "through_seq": events[-1]["seq"], "days": mine}
    agreed = ho.client.post("/api/v1/reconcile", json=report, headers=auth).json()
    assert (agreed["matches"], agreed["differences"]) == (True, [])
    assert main(["--database-url", ho.db.url, "--lang", "en", "reconcile", "--branch",
                 "KPG"]) == 0
    assert "MISMATCH" not in capsys.readouterr().out
    for line in mine:
        if line["type"] == "instalment.paid":
            line.update(count=2, amount=200_000)
    disputed = ho.client.post("/api/v1/reconcile", json=report, headers=auth).json()
    assert disputed["matches"] is False
    assert [(d["type"], d["head_office_amount"], d["branch_amount"])
            for d in disputed["differences"]] == [("instalment.paid", 100_000, 200_000)]
    day = events[-1]["created_at"][:10]
    assert main(["--database-url", ho.db.url, "--lang", "en", "reconcile", "--day", day]) == 1
    out, err = capsys.readouterr()
    assert "MISMATCH" in out and "MISMATCH" in err
    assert "Rp 1.100.000" in out  # all payments held that day: 500,000 + 100,000 + 500,000
    assert main(["--database-url", ho.db.url, "reconcile", "--day", day]) == 1
    out, err = capsys.readouterr()
    assert "TIDAK COCOK" in out and "diterapkan" in out and "ditolak" in out
    assert "SELISIH" in err
    assert not re.search(r"\b(MISMATCH|applied|rejected|ok)\b", out + err)
