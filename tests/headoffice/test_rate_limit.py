"""Guessing one-time codes: refused registrations are limited per client address (429 with
Retry-After) and a counter's code is locked after wrong guesses from anywhere. The
limits live in the database: a restarted (or second) server keeps them."""

from __future__ import annotations

import datetime as dt
import uuid

import httpx
import pytest
from sqlalchemy import func, select

from app.bootstrap import BranchDatabase
from app.services.errors import DomainError, ErrorCode
from app.services.sync import HttpTransport, KeyringTokenStore, register_device, registration
from headoffice.auth import attempt_registration, issue_code
from headoffice.errors import ApiError
from headoffice.rate_limit import (
    ADDRESS_LIMIT,
    ADDRESS_WINDOW,
    CODE_LOCK_LIMIT,
    RegistrationFailure,
    client_key,
)
from tests.headoffice.conftest import HeadOffice, serving
from tests.support.sync_fakes import MemoryKeyring


def _code(ho: HeadOffice, branch: str = "KPG", counter: str = "L01") -> str:
    with ho.db.writing() as session:
        return issue_code(session, branch, counter).code


def _register(client: httpx.Client, code: str, device_id: str | None = None,
              branch: str = "KPG", counter: str = "L01") -> httpx.Response:
    return client.post("/api/v1/devices/register", json={
        "code": code, "device_id": device_id or str(uuid.uuid4()), "branch": branch,
        "counter": counter})


def _age_failures(ho: HeadOffice, by: dt.timedelta) -> None:
    """As if the refusals were made ``by`` earlier."""
    with ho.db.writing() as session:
        for failure in session.scalars(select(RegistrationFailure)):
            failure.at -= by


def test_too_many_refusals_from_one_address_are_answered_429_until_they_age(
        ho: HeadOffice) -> None:
    good = _code(ho)
    for _ in range(ADDRESS_LIMIT):
        assert _register(ho.client, "WRNG-WRNG-WRNG").status_code == 401
    for _ in range(3):  # even the right code waits; these are not counted
        limited = _register(ho.client, good)
        assert limited.status_code == 429
    body = limited.json()
    assert body["error"] == "too_many_attempts"
    assert "try again in 10 minutes" in body["message"]
    assert 0 < body["retry_after"] <= ADDRESS_WINDOW.total_seconds()
    assert limited.headers["Retry-After"] == str(body["retry_after"])
    with ho.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(RegistrationFailure)) == \
            ADDRESS_LIMIT

    _age_failures(ho, ADDRESS_WINDOW - dt.timedelta(minutes=2))
    still = _register(ho.client, good)
    assert still.status_code == 429 and still.json()["retry_after"] <= 120
    _age_failures(ho, dt.timedelta(minutes=2, seconds=1))
    assert _register(ho.client, good).status_code == 200


def test_the_limit_holds_for_a_second_server_on_the_same_database(
        ho: HeadOffice, database_url: str) -> None:
    for _ in range(ADDRESS_LIMIT):
        assert _register(ho.client, "WRNG-WRNG-WRNG").status_code == 401
    with serving(database_url) as port, httpx.Client(
            base_url=f"http://127.0.0.1:{port}", headers={"X-Loket-Protocol": "1"},
            timeout=30) as other:
        assert _register(other, _code(ho)).status_code == 429


def test_wrong_guesses_from_many_addresses_lock_the_counters_code(ho: HeadOffice) -> None:
    good = _code(ho)
    other_counter = _code(ho, counter="L02")
    for n in range(CODE_LOCK_LIMIT):  # a guesser spread over many addresses
        with ho.db.writing() as session:
            refused = attempt_registration(session, f"10.0.{n}.1", "WRNG-WRNG-WRNG",
                                           str(uuid.uuid4()), "KPG", "L01")
        assert isinstance(refused, ApiError) and refused.status == 401
    locked = _register(ho.client, good)
    assert (locked.status_code, locked.json()["error"]) == (403, "code_locked")
    assert "ask head office for a new code" in locked.json()["message"]
    assert _register(ho.client, other_counter, counter="L02").status_code == 200
    assert _register(ho.client, _code(ho)).status_code == 200  # a new code works


def test_the_branch_is_told_to_wait_or_to_ask_for_a_new_code(
        ho: HeadOffice, branch: BranchDatabase) -> None:
    store = KeyringTokenStore(MemoryKeyring())
    link = HttpTransport(ho.url, timeout=10)
    for _ in range(ADDRESS_LIMIT):
        with pytest.raises(DomainError) as wrong:
            register_device(branch.writing(), link, ho.url, "WRNG-WRNG-WRNG", store=store)
        assert wrong.value.code is ErrorCode.SYNC_REFUSED
    with pytest.raises(DomainError) as throttled:
        register_device(branch.writing(), link, ho.url, _code(ho), store=store)
    assert throttled.value.code is ErrorCode.SYNC_REGISTRATION_THROTTLED
    assert throttled.value.params["minutes"] == 10
    assert "Wait 10 minute(s)" in throttled.value.message
    assert registration(branch.reading()) is None

    _age_failures(ho, ADDRESS_WINDOW)
    good = _code(ho)
    for n in range(CODE_LOCK_LIMIT):
        with ho.db.writing() as session:
            attempt_registration(session, f"10.1.{n}.1", "WRNG-WRNG-WRNG", str(uuid.uuid4()),
                                 "KPG", "L01")
    with pytest.raises(DomainError) as locked:
        register_device(branch.writing(), link, ho.url, good, store=store)
    assert locked.value.code is ErrorCode.SYNC_CODE_LOCKED
    assert registration(branch.reading()) is None


@pytest.mark.parametrize(("host", "key"), [
    ("203.0.113.7", "203.0.113.7"),
    ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
    ("2001:db8:1:2:bbbb::9", "2001:db8:1:2::/64"),
    ("::ffff:203.0.113.7", "203.0.113.7"),
    (None, "unknown"),
])
def test_an_ipv6_client_counts_per_64_network(host: str | None, key: str) -> None:
    assert client_key(host) == key
