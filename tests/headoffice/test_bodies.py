"""Bodies that are truncated, corrupted, oversized or malformed: refused, nothing applied."""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from tests.headoffice.conftest import HeadOffice, device_of, outbox


@pytest.fixture
def pushing(ho: HeadOffice, branch: BranchDatabase, cashier: Actor) -> tuple[str, str, bytes]:
    """(device id, token, the branch's outbox as a JSON push body)."""
    device = device_of(branch)
    body = json.dumps({"device_id": device, "branch": "KPG", "events": outbox(branch)})
    return device, ho.register(device), body.encode()


def _post(ho: HeadOffice, token: str, content: bytes, **headers: str) -> Any:
    return ho.client.post("/api/v1/push", content=content, headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json", **headers})


def test_a_truncated_or_corrupted_gzip_body_is_refused(
        ho: HeadOffice, pushing: tuple[str, str, bytes]) -> None:
    _, token, body = pushing
    packed = gzip.compress(body)
    corrupted = packed[:20] + bytes(b ^ 0x5A for b in packed[20:40]) + packed[40:]
    for damaged, word in ((packed[: len(packed) // 2], "truncated"), (corrupted, "corrupted"),
                          (b"not gzip at all", "corrupted")):
        response = _post(ho, token, damaged, **{"Content-Encoding": "gzip"})
        assert (response.status_code, response.json()["error"]) == (400, "bad_body")
        assert word in response.json()["message"]
    assert ho.events() == 0
    assert _post(ho, token, packed, **{"Content-Encoding": "gzip"}).status_code == 200


def test_a_truncated_json_body_or_one_breaking_the_schema_is_refused(
        ho: HeadOffice, pushing: tuple[str, str, bytes]) -> None:
    device, token, body = pushing
    event = json.loads(body)["events"][0]
    bad_bodies = [
        body[:-10],
        json.dumps({"device_id": device, "branch": "KPG",
                    "events": [dict(event, seq="1")]}).encode(),
        json.dumps({"device_id": device, "branch": "KPG",
                    "events": [dict(event, created_at=1732406400)]}).encode(),
        json.dumps({"device_id": device, "branch": "KPG",
                    "events": [dict(event, seq=2**60)]}).encode(),
        json.dumps({"device_id": device, "branch": "KPG", "events": [event] * 501}).encode(),
        b"\xff\xfe not even text",
    ]
    for bad in bad_bodies:
        response = _post(ho, token, bad)
        assert (response.status_code, response.json()["error"]) == (400, "bad_body"), bad[:80]
    assert ho.events() == 0


def test_an_oversized_body_is_refused_sent_as_is_or_inflating_too_far(
        ho: HeadOffice, pushing: tuple[str, str, bytes]) -> None:
    _, token, body = pushing
    padded = body[:-1] + b', "padding": "' + b"x" * (5 * 1024 * 1024) + b'"}'
    response = _post(ho, token, padded)
    assert (response.status_code, response.json()["error"]) == (413, "body_too_large")
    bomb = gzip.compress(body[:-1] + b', "padding": "' + b"0" * (40 * 1024 * 1024) + b'"}')
    assert len(bomb) < 1024 * 1024
    response = _post(ho, token, bomb, **{"Content-Encoding": "gzip"})
    assert (response.status_code, response.json()["error"]) == (413, "body_too_large")
    assert ho.events() == 0
