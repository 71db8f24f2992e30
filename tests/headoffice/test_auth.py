"""Registration with one-time codes, tokens, revocation, and the protocol version check."""

from __future__ import annotations

import datetime as dt
import uuid

import httpx
from sqlalchemy import select, update

from headoffice.auth import issue_code, revoke_device
from headoffice.models import Device
from tests.headoffice.conftest import HeadOffice


def _code(ho: HeadOffice, branch: str = "KPG", counter: str = "L01") -> str:
    with ho.db.writing() as session:
        return issue_code(session, branch, counter).code


def _register(ho: HeadOffice, code: str, device_id: str, branch: str = "KPG",
              counter: str = "L01") -> httpx.Response:
    return ho.client.post("/api/v1/devices/register", json={
        "code": code, "device_id": device_id, "branch": branch, "counter": counter})


def test_a_one_time_code_works_once_and_a_wrong_code_is_refused(ho: HeadOffice) -> None:
    code, device = _code(ho), str(uuid.uuid4())
    first = _register(ho, code.lower().replace("-", " "), device)
    assert first.status_code == 200, first.text
    body = first.json()
    assert (body["branch"], body["counter"], body["acked_through"]) == ("KPG", "L01", 0)
    token = body["token"]
    again = _register(ho, code, str(uuid.uuid4()))
    assert (again.status_code, again.json()["error"]) == (401, "unauthorised")
    assert "already used" in again.json()["message"]
    assert _register(ho, "AAAA-BBBB-CCCC", str(uuid.uuid4())).status_code == 401
    other_branch = _register(ho, _code(ho), str(uuid.uuid4()), branch="OEB")
    assert (other_branch.status_code, other_branch.json()["error"]) == (403, "wrong_branch")
    assert ho.pull(token).status_code == 200
    with ho.db.reading() as session:
        stored = session.get(Device, device)
        assert stored is not None
        assert token not in str([getattr(stored, c.key) for c in Device.__table__.columns])


def test_the_token_travels_in_the_header_only(ho: HeadOffice) -> None:
    token = ho.register(str(uuid.uuid4()))
    in_url = ho.client.get("/api/v1/pull", params={"token": token, "access_token": token})
    assert (in_url.status_code, in_url.json()["error"]) == (401, "unauthorised")


def test_a_revoked_device_is_refused_even_with_a_new_code(ho: HeadOffice) -> None:
    device = str(uuid.uuid4())
    token = ho.register(device)
    with ho.db.writing() as session:
        revoke_device(session, device)
    pulled = ho.pull(token)
    assert (pulled.status_code, pulled.json()["error"]) == (403, "device_revoked")
    pushed = ho.push(token, device, [])
    assert (pushed.status_code, pushed.json()["error"]) == (403, "device_revoked")
    again = _register(ho, _code(ho), device)
    assert (again.status_code, again.json()["error"]) == (403, "device_revoked")


def test_an_expired_or_unknown_token_is_refused(ho: HeadOffice) -> None:
    device = str(uuid.uuid4())
    token = ho.register(device)
    with ho.db.writing() as session:
        session.execute(update(Device).where(Device.id == device).values(
            token_expires_at=dt.datetime(2020, 1, 1)))
    expired = ho.pull(token)
    assert (expired.status_code, expired.json()["error"]) == (401, "unauthorised")
    assert "expired" in expired.json()["message"]
    assert ho.pull("not-a-token").status_code == 401
    assert ho.client.get("/api/v1/pull").status_code == 401
    renewed = _register(ho, _code(ho), device)
    assert renewed.status_code == 200
    assert ho.pull(renewed.json()["token"]).status_code == 200
    with ho.db.reading() as session:
        assert len(session.scalars(select(Device)).all()) == 1


def test_an_unsupported_protocol_version_is_refused_with_a_clear_message(
        ho: HeadOffice) -> None:
    token = ho.register(str(uuid.uuid4()))
    for headers in ({"X-Loket-Protocol": "2"}, {}):
        with httpx.Client(base_url=ho.url) as plain:
            response = plain.post("/api/v1/push", content=b"x" * (5 * 1024 * 1024),
                                  headers={"Authorization": f"Bearer {token}", **headers})
        assert response.status_code == 426
        body = response.json()
        assert (body["error"], body["supported"]) == ("protocol_unsupported", [1])
        assert "protocol version 1" in body["message"] and "Update Loket" in body["message"]
    health = httpx.get(f"{ho.url}/api/v1/health")
    assert health.json()["protocol"] == [1]
