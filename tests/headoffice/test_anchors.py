"""Head office anchors each counter's audit-chain head: a head that does not extend the
last one accepted is flagged into the exceptions queue until staff resolve it."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from headoffice import exception_queue
from headoffice.models import AuditAnchor, SyncException
from tests.headoffice.conftest import HeadOffice


def _head(head_id: int, anchor_id: int = 0, anchor: str = "", problem: str = "") -> dict[str, Any]:
    return {"head_id": head_id, "head_hash": f"{head_id:064x}", "anchor_id": anchor_id,
            "anchor_hash": anchor, "problem": problem}


def _send(ho: HeadOffice, device: tuple[str, str], audit: dict[str, Any]) -> dict[str, Any]:
    body = {"device_id": device[0], "branch": "KPG", "events": [], "audit": audit}
    response = ho.client.post("/api/v1/push", json=body,
                              headers={"Authorization": f"Bearer {device[1]}"})
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()["audit"]
    return answer


def _device(ho: HeadOffice) -> tuple[str, str]:
    device = str(uuid.uuid4())
    return device, ho.register(device)


def test_heads_that_extend_the_last_anchor_are_kept_and_a_rewrite_is_flagged(
        ho: HeadOffice) -> None:
    device = _device(ho)
    assert _send(ho, device, _head(5))["status"] == "anchored"
    answer = _send(ho, device, _head(9, 5, f"{5:064x}"))
    assert (answer["status"], answer["anchor_id"]) == ("anchored", 9)
    flagged = _send(ho, device, _head(12, 9, "f" * 64))
    assert flagged["status"] == "flagged" and "rewritten" in flagged["message"]
    assert _send(ho, device, _head(13, 9, f"{9:064x}"))["status"] == "flagged"  # until cleared
    with ho.db.writing() as session:
        [open_one] = session.scalars(select(SyncException).where(
            SyncException.reason == "audit_chain_broken")).all()
        exception_queue.resolve(session, open_one.id, "checked against the paper receipts")
    assert _send(ho, device, _head(14, 9, "f" * 64))["status"] == "anchored"
    with ho.db.reading() as session:
        kept = [(a.record_id, a.status) for a in session.scalars(
            select(AuditAnchor).order_by(AuditAnchor.id))]
    assert kept == [(5, "anchored"), (9, "anchored"), (12, "flagged"), (14, "anchored")]


def test_an_older_anchor_is_stale_unless_its_hash_changed(ho: HeadOffice) -> None:
    device = _device(ho)
    _send(ho, device, _head(5))
    _send(ho, device, _head(9, 5, f"{5:064x}"))
    stale = _send(ho, device, _head(10))  # the answer naming 9 was lost
    assert (stale["status"], stale["anchor_id"]) == ("stale", 9)
    assert _send(ho, device, _head(10, 5, f"{5:064x}"))["status"] == "stale"
    assert _send(ho, device, _head(10, 5, "0" * 64))["status"] == "flagged"


def test_a_chain_cut_back_or_failing_its_own_check_is_flagged(ho: HeadOffice) -> None:
    first, second = _device(ho), _device(ho)
    _send(ho, first, _head(9))
    cut = _send(ho, first, _head(7, 9, ""))
    assert cut["status"] == "flagged" and "records were removed" in cut["message"]
    _send(ho, second, _head(3))
    damaged = _send(ho, second, _head(4, 3, f"{3:064x}", "audit record 2 its contents "
                                                         "were changed"))
    assert damaged["status"] == "flagged" and "its contents were changed" in damaged["message"]
    with ho.db.reading() as session:
        assert len(exception_queue.list_exceptions(session)) == 2
