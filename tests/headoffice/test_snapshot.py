"""Branch snapshots at head office: what they hold, caching, rebuilding, ranged reads."""

from __future__ import annotations

import hashlib
import json
import lzma
import uuid

import httpx
import pytest

from headoffice import snapshot
from headoffice.masterdata import add_user
from tests.headoffice.conftest import HeadOffice


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
    token = ho.register(str(uuid.uuid4()))
    ho.add_customer("50400001", bills=3)
    with ho.db.writing() as session:
        add_user(session, "kasir.kpg", "Kasir KPG", "cashier", "rahasia-123", branch="KPG")
        add_user(session, "kasir.oeb", "Kasir OEB", "cashier", "rahasia-123", branch="OEB")
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


def test_the_snapshot_is_cached_and_rebuilt_once_stale(
        ho: HeadOffice, monkeypatch: pytest.MonkeyPatch) -> None:
    token = ho.register(str(uuid.uuid4()))
    ho.add_customer("50400001", bills=2)
    first = _offer(ho, token)
    assert _offer(ho, token) == first  # cached
    monkeypatch.setattr(snapshot, "REBUILD_AFTER", 3)
    ho.add_customer("50400002", bills=1)  # two changes: not yet stale
    assert _offer(ho, token)["id"] == first["id"]
    ho.add_customer("50400003", bills=1)  # four: rebuilt
    second = _offer(ho, token)
    assert second["id"] != first["id"] and second["changes"] == 3 + 2 + 2
    assert _offer(ho, token, have=str(first["id"]))["id"] == first["id"]  # a resumed download
    assert _file(ho, token, first["id"], "bytes=0-").status_code == 206


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
