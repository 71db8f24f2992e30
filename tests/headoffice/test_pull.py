"""Pull: pages behind a cursor, nothing missed or repeated, and epochs."""

from __future__ import annotations

import threading
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.services.setup import DEFAULT_TERMS_FILE
from headoffice.changes import record
from headoffice.db import normalise_url, start_epoch
from headoffice.masterdata import add_user, publish_terms_file
from tests.headoffice.conftest import HeadOffice


def _pull_all(ho: HeadOffice, token: str, cursor: str = "", limit: int = 3
              ) -> tuple[list[dict[str, object]], str, list[bool]]:
    changes: list[dict[str, object]] = []
    mores: list[bool] = []
    while True:
        page = ho.pull(token, cursor, limit)
        assert page.status_code == 200, page.text
        body = page.json()
        changes.extend(body["changes"])
        cursor = body["cursor"]
        mores.append(body["more"])
        if not body["more"]:
            return changes, cursor, mores


def test_pull_pages_with_a_cursor_and_misses_or_repeats_nothing(ho: HeadOffice) -> None:
    token = ho.register(str(uuid.uuid4()))
    ho.add_customer("50400001", bills=3)
    ho.add_customer("50400002", bills=3)
    changes, cursor, mores = _pull_all(ho, token)
    assert mores == [True, True, False]
    keys = [(c["kind"], c["key"]) for c in changes]
    assert len(keys) == len(set(keys)) == 8
    assert ("customer", "50400002") in keys and ("bill", "50400001:2024-03") in keys
    ids = [c["change_id"] for c in changes]
    assert ids == sorted(ids)
    epoch = ho.client.get("/api/v1/health").json()["epoch"]
    assert cursor.startswith(f"{epoch}:") and cursor.rpartition(":")[2].rpartition(".")[2] \
        == str(ids[-1])
    assert ho.pull(token, cursor).json() == {"epoch": epoch, "changes": [], "cursor": cursor,
                                            "more": False}
    with ho.db.writing() as session:
        publish_terms_file(session, DEFAULT_TERMS_FILE)
    newer, _, _ = _pull_all(ho, token, cursor)
    assert [(c["kind"], c["key"]) for c in newer] == [("terms", "BUKA-SEGEL/1")]
    assert "penalty_waiver_percent" in str(newer[0]["data"])


def test_only_the_newest_change_of_a_key_is_kept(ho: HeadOffice) -> None:
    token = ho.register(str(uuid.uuid4()))
    ho.add_customer("50400001", bills=1)
    with ho.db.writing() as session:
        record(session, "customer", "50400001", {"connection_no": "50400001", "version": 2})
    changes, _, _ = _pull_all(ho, token, limit=100)
    customers = [c for c in changes if c["kind"] == "customer"]
    assert [c["data"]["version"] for c in customers] == [2]  # type: ignore[index]
    assert changes[-1] == customers[0]


def test_changes_for_another_branch_are_not_sent(ho: HeadOffice) -> None:
    kpg, oeb = ho.register(str(uuid.uuid4())), ho.register(str(uuid.uuid4()), "OEB")
    with ho.db.writing() as session:
        add_user(session, "kasir.oeb", "Kasir Oebobo", "cashier", "rahasia123", branch="OEB")
        add_user(session, "spv.kota", "Supervisor Kota", "supervisor", "rahasia123")
    seen = {token: [c["key"] for c in _pull_all(ho, token)[0]] for token in (kpg, oeb)}
    assert seen == {kpg: ["spv.kota"], oeb: ["kasir.oeb", "spv.kota"]}
    assert "rahasia123" not in ho.pull(oeb).text


def test_a_new_epoch_or_a_cursor_past_the_log_answers_410(ho: HeadOffice) -> None:
    token = ho.register(str(uuid.uuid4()))
    ho.add_customer("50400001", bills=2)
    _, cursor, _ = _pull_all(ho, token)
    old_epoch, last = cursor.rsplit(":", 1)
    txid, dot, change_id = last.rpartition(".")
    ahead = ho.pull(token, f"{old_epoch}:{txid}{dot}{int(change_id) + 50}")
    assert (ahead.status_code, ahead.json()["error"]) == (410, "epoch_changed")
    with ho.db.writing() as session:
        new_epoch = start_epoch(session, "restored from a backup")
    gone = ho.pull(token, cursor)
    assert gone.status_code == 410
    assert (gone.json()["epoch"], gone.json()["acked_through"]) == (new_epoch, 0)
    again, new_cursor, _ = _pull_all(ho, token)
    assert len(again) == 3 and new_cursor.startswith(f"{new_epoch}:")
    assert ho.pull(token, "no-colon").status_code == 400


def test_responses_are_gzipped_when_the_branch_asks(ho: HeadOffice) -> None:
    token = ho.register(str(uuid.uuid4()))
    ho.add_customer("50400001", bills=24)
    response = ho.client.get("/api/v1/pull", headers={"Authorization": f"Bearer {token}",
                                                       "Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert len(response.json()["changes"]) == 25


def test_a_change_committed_late_is_never_skipped(ho: HeadOffice) -> None:
    """A writer that started first holds the others back until it commits."""
    token = ho.register(str(uuid.uuid4()))
    _, cursor, _ = _pull_all(ho, token)
    holding, release = threading.Event(), threading.Event()

    def slow_writer() -> None:
        with ho.db.writing() as session:
            record(session, "user", "first", {"username": "first"})
            holding.set()
            release.wait(10)

    def quick_writer() -> None:
        with ho.db.writing() as session:
            record(session, "user", "second", {"username": "second"})

    slow = threading.Thread(target=slow_writer)
    slow.start()
    assert holding.wait(10)
    quick = threading.Thread(target=quick_writer)
    quick.start()
    quick.join(0.5)
    assert quick.is_alive(), "a second writer committed while the first was open"
    assert ho.pull(token, cursor).json()["changes"] == []
    release.set()
    slow.join(10)
    quick.join(10)
    changes, _, _ = _pull_all(ho, token, cursor)
    assert [c["key"] for c in changes] == ["first", "second"]


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # one writer on SQLite
def test_a_push_committed_late_is_never_skipped(ho: HeadOffice) -> None:
    """Pushes commit side by side (PostgreSQL): a change with a lower id may commit after
    one with a higher id; a page stops below the oldest push still in flight."""
    token = ho.register(str(uuid.uuid4()))
    _, cursor, _ = _pull_all(ho, token)
    cursor = _late_push_is_held_back(ho, token, cursor)
    assert ho.pull(token, cursor).json()["changes"] == []


def _late_push_is_held_back(ho: HeadOffice, token: str, cursor: str) -> str:
    """A push with the lower id still in flight holds back the page of one committed
    after it; both come once it commits. Returns the cursor after them."""
    with ho.db.pushing() as early:
        record(early, "user", "early", {"username": "early"})  # the lower id, in flight
        with ho.db.pushing() as late:
            record(late, "user", "late", {"username": "late"})
        # "late" is committed: a reader paging by id alone would pass "early" for good
        held_back = ho.pull(token, cursor).json()
        assert held_back["changes"] == [] and held_back["cursor"] == cursor
    changes, cursor, _ = _pull_all(ho, token, cursor)
    assert [c["key"] for c in changes] == ["early", "late"]
    return cursor


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # one server only there
def test_a_long_transaction_elsewhere_on_the_server_does_not_hold_pages_back(
        ho: HeadOffice) -> None:
    """Transactions that are not head office's writers — one in another database of the
    server, a report held open beside head office in its own database — do not stop a
    branch's pages; a head-office writer still in flight does."""
    token = ho.register(str(uuid.uuid4()))
    _, cursor, _ = _pull_all(ho, token)
    base = make_url(normalise_url(ho.db.url))
    elsewhere = create_engine(base.set(database="postgres", query={}))
    beside = create_engine(base)
    try:
        with elsewhere.connect() as other, beside.connect() as report:
            for connection in (other, report):  # each holds a transaction id, uncommitted
                connection.execute(text("SELECT pg_current_xact_id()"))
                connection.execute(text("CREATE TEMPORARY TABLE held (n integer)"))
            with ho.db.writing() as session:
                record(session, "user", "after", {"username": "after"})
            changes, cursor, _ = _pull_all(ho, token, cursor)
            assert [c["key"] for c in changes] == ["after"]
            _late_push_is_held_back(ho, token, cursor)
    finally:
        elsewhere.dispose()
        beside.dispose()
