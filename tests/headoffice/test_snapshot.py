"""Branch snapshots at head office: what they hold, made ahead and kept, built again in
the background, built once for counters asking together, ranged reads."""

from __future__ import annotations

import asyncio
import hashlib
import json
import lzma
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.orm import Session

from headoffice import lull, snapshot
from headoffice.auth import attempt_registration, issue_code
from headoffice.errors import ApiError
from headoffice.evaluation import cache
from headoffice.masterdata import add_user
from headoffice.pull import Position
from headoffice.snapshot_ahead import snapshots
from tests.headoffice.conftest import HeadOffice, serving


def _offer(ho: HeadOffice, token: str, have: str = "") -> dict[str, object]:
    response = ho.client.get("/api/v1/snapshot", params={"have": have} if have else None,
                             headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


def _file(ho: HeadOffice, token: str, snapshot_id: object,
          range_: str | None = None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}", "Accept-Encoding": "identity"}
    if range_ is not None:
        headers["Range"] = range_
    return ho.client.get(f"/api/v1/snapshot/{snapshot_id}", headers=headers)


def test_the_snapshot_holds_the_branch_at_a_cursor_and_nothing_of_other_branches(
        ho: HeadOffice) -> None:
    ho.add_customer("50400001", bills=3)
    with ho.db.writing() as session:
        add_user(session, "kasir.kpg", "Kasir KPG", "cashier", "rahasia-123", branch="KPG")
        add_user(session, "kasir.oeb", "Kasir OEB", "cashier", "rahasia-123", branch="OEB")
    token = ho.register(str(uuid.uuid4()))
    offer = _offer(ho, token)
    whole = _file(ho, token, offer["id"])
    assert whole.status_code == 200 and len(whole.content) == offer["size"]
    assert hashlib.sha256(whole.content).hexdigest() == offer["id"]
    doc = json.loads(lzma.decompress(whole.content))
    assert doc["cursor"] == offer["cursor"] and doc["branch"] == "KPG"
    assert doc["cursor"].startswith(f"{offer['epoch']}:")
    users = [name for group in doc["kinds"]["user"]
             for name in group["columns"][group["fields"].index("username")]]
    assert "kasir.kpg" in users and "kasir.oeb" not in users
    bills = doc["kinds"]["bill"][0]
    assert len(bills["keys"]) == 3 and bills["keys"] == [None] * 3  # derived from the data
    assert doc["changes"] == len(ho.pull(token).json()["changes"])  # what a pull would bring


def test_a_stale_snapshot_is_given_at_once_and_built_again_behind(
        ho: HeadOffice, monkeypatch: pytest.MonkeyPatch) -> None:
    """The kept snapshot plus the pages after its cursor are the branch as it is now, so a
    counter never waits for a build: it gets the kept one, and a new one is built after."""
    monkeypatch.setattr(cache, "SETTLE", 0.0)
    ho.add_customer("50400001", bills=2)
    token = ho.register(str(uuid.uuid4()))  # its snapshot is built from here on
    first = _offer(ho, token)
    assert _offer(ho, token) == first  # kept
    builds = snapshots().builds(ho.db, "KPG")
    monkeypatch.setattr(snapshot, "REBUILD_AFTER", 3)
    ho.add_customer("50400002", bills=1)  # two changes: not yet stale
    assert _offer(ho, token)["id"] == first["id"]
    ho.add_customer("50400003", bills=1)  # four: stale, yet given at once
    assert _offer(ho, token)["id"] == first["id"]
    pages = ho.pull(token, str(first["cursor"])).json()["changes"]
    assert [c["key"] for c in pages if c["kind"] == "customer"] == ["50400002", "50400003"]
    second = _built_after(ho, token, first)
    assert second["changes"] == 3 + 2 + 2 and snapshots().builds(ho.db, "KPG") == builds + 1
    assert _offer(ho, token, have=str(first["id"]))["id"] == first["id"]  # a resumed download
    assert _file(ho, token, first["id"], "bytes=0-").status_code == 206


def test_a_server_in_service_builds_stale_snapshots_once_the_pushes_pause(
        ho: HeadOffice, database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build takes seconds of CPU: while counters push, none is made; once the pushes
    pause, the stale snapshot is built, once. A server stopping drops what waits."""
    monkeypatch.setattr(cache, "SETTLE", 0.0)
    monkeypatch.setattr(lull, "QUIET", 0.8)
    ho.add_customer("50400001", bills=2)
    device = str(uuid.uuid4())
    token = ho.register(device)
    first = _offer(ho, token)
    monkeypatch.setattr(snapshot, "REBUILD_AFTER", 3)
    ho.add_customer("50400002", bills=3)  # stale now
    builds = snapshots().builds(ho.db, "KPG")
    with serving(database_url, in_lulls=True) as port, httpx.Client(
            base_url=f"http://127.0.0.1:{port}", timeout=30, headers={
                "X-Loket-Protocol": "1", "Authorization": f"Bearer {token}"}) as client:
        def push() -> None:
            answer = client.post("/api/v1/push", json={
                "device_id": device, "branch": "KPG", "events": []})
            assert answer.status_code == 200, answer.text

        until = time.monotonic() + 2.0
        while time.monotonic() < until:  # a batch every 0.1 s, as counters pushing
            push()
            time.sleep(0.1)
        assert snapshots().builds(ho.db, "KPG") == builds
        deadline = time.monotonic() + 10
        while snapshots().builds(ho.db, "KPG") == builds and time.monotonic() < deadline:
            time.sleep(0.05)
        assert snapshots().builds(ho.db, "KPG") == builds + 1
        assert _offer(ho, token)["changes"] == first["changes"] + 4  # a customer, 3 bills
        ho.add_customer("50400003", bills=3)  # stale again, and the server stops at once
        push()
    time.sleep(1.2)
    assert snapshots().builds(ho.db, "KPG") == builds + 1


def _built_after(ho: HeadOffice, token: str, before: dict[str, object]) -> dict[str, object]:
    """The offer once head office has built a snapshot after ``before`` (in the
    background, after the answer that found it stale)."""
    deadline = time.monotonic() + 30
    while (offer := _offer(ho, token))["id"] == before["id"]:
        assert time.monotonic() < deadline, "no newer snapshot was built"
        time.sleep(0.05)
    return offer


def test_two_counters_asking_at_once_cause_one_build(
        ho: HeadOffice, monkeypatch: pytest.MonkeyPatch) -> None:
    build = snapshot.build
    seen_under_way: list[int] = []

    def slow_build(session: Session, branch: str) -> tuple[bytes, str, Position, int]:
        seen_under_way.append(snapshots().under_way())
        time.sleep(0.5)  # long enough for both to ask while it runs
        return build(session, branch)

    monkeypatch.setattr(snapshot, "build", slow_build)
    ho.add_customer("50400001", bills=4)
    builds = snapshots().builds(ho.db, "KPG")
    tokens = [ho.register(str(uuid.uuid4()), counter=f"L0{n}") for n in (1, 2)]
    with ThreadPoolExecutor(2) as pool:
        offers = list(pool.map(lambda token: _offer(ho, token), tokens))
    assert offers[0] == offers[1]
    assert snapshots().builds(ho.db, "KPG") == builds + 1
    assert seen_under_way == [1] and snapshots().under_way() == 0


def test_a_started_server_has_the_snapshots_made_before_a_counter_asks(
        ho: HeadOffice) -> None:
    from headoffice.api import create_app

    async def start_and_wait(app: FastAPI) -> bool:
        async with app.router.lifespan_context(app):
            return await asyncio.to_thread(app.state.made_ahead.wait, 60)

    ho.add_customer("50400001", bills=4)
    with ho.db.writing() as session:  # registered while head office was down
        code = issue_code(session, "KPG", "L01").code
        done = attempt_registration(session, "127.0.0.1", code, str(uuid.uuid4()), "KPG",
                                    "L01")
    assert not isinstance(done, ApiError)
    builds = {b: snapshots().builds(ho.db, b) for b in ("KPG", "OEB")}
    assert asyncio.run(start_and_wait(create_app(ho.db.url, prepare=False, make_ahead=True)))
    assert snapshots().builds(ho.db, "KPG") == builds["KPG"] + 1
    assert snapshots().builds(ho.db, "OEB") == builds["OEB"]  # no counter there
    offer = _offer(ho, done.token)
    assert snapshots().builds(ho.db, "KPG") == builds["KPG"] + 1  # not built on request
    assert offer["changes"] == 1 + 4 and offer["cursor"] == ho.pull(done.token).json()["cursor"]


def test_ranges_give_the_rest_of_the_file_and_other_branches_get_nothing(
        ho: HeadOffice) -> None:
    token = ho.register(str(uuid.uuid4()))
    ho.add_customer("50400001", bills=6)
    offer = _offer(ho, token)
    whole = _file(ho, token, offer["id"]).content
    rest = _file(ho, token, offer["id"], "bytes=100-")
    assert rest.status_code == 206 and rest.content == whole[100:]
    assert rest.headers["Content-Range"] == f"bytes 100-{len(whole) - 1}/{len(whole)}"
    part = _file(ho, token, offer["id"], "bytes=10-19")
    assert part.status_code == 206 and part.content == whole[10:20]
    assert _file(ho, token, offer["id"], f"bytes={len(whole)}-").status_code == 416
    assert _file(ho, token, offer["id"], "lines=1-").json()["error"] == "bad_body"
    other = ho.register(str(uuid.uuid4()), branch="OEB")
    gone = _file(ho, other, offer["id"])
    assert gone.status_code == 404 and gone.json()["error"] == "snapshot_gone"
    assert _file(ho, token, "0" * 64).status_code == 404
    assert ho.client.get("/api/v1/snapshot").status_code == 401
