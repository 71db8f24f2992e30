"""Registering this counter with head office once, with a one-time code.

The token head office returns goes to the token store (the OS credential store); the
head-office address, the CA file and the registration facts go to ``setting``.
:func:`open_transport` then builds the HTTPS link for every later sync.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.services.audit.journal import record_change
from app.services.errors import DomainError, ErrorCode
from app.services.findings import Finding, FindingCode
from app.services.sync.protocol import (
    CA_FILE_KEY,
    REGISTER_PATH,
    REGISTRATION_KEY,
    URL_KEY,
    bad_response,
    drop_setting,
    get_setting,
    local_device,
    need,
    put_setting,
    sync_actor,
)
from app.services.sync.signing import check_store, existing_or_new_key, keep_key, public_hex
from app.services.sync.token_store import TokenStore, device_token
from app.services.sync.transport import DEFAULT_TIMEOUT, HttpTransport, Transport
from app.services.unit_of_work import UnitOfWork

ATTEMPT_KEY = "registration_attempt"
DEFAULT_WAIT_S = 600  # when head office (or a proxy) does not say how long
MAX_WAIT_S = 24 * 3600


@dataclass(frozen=True)
class Registration:
    url: str
    branch: str
    counter: str
    device_id: str
    epoch: str
    registered_at: dt.datetime
    ca_file: str = ""


def register_device(uow: UnitOfWork, transport: Transport, url: str, code: str, *,
                    store: TokenStore, ca_file: Path | None = None) -> Registration:
    """Register with the one-time ``code``; keep the token and the bundle-signing key in
    ``store``.

    The credential store is tried first (nothing is sent if it does not keep a test
    value). Each attempt carries a random attempt key, kept in ``setting`` before the
    code is sent: if head office's answer is lost, registering again with the same code
    sends the same attempt key, and head office answers once more (for a short while,
    to this device only) instead of calling the code used."""
    with uow:
        device = local_device(uow.session)
    check_store(store, device.device_id)
    key = existing_or_new_key(store, device.device_id)
    attempt = _attempt_key(uow, code)
    status, body = transport.post(REGISTER_PATH, {
        "code": code.strip(), "device_id": device.device_id, "branch": device.branch,
        "counter": device.counter, "public_key": public_hex(key), "attempt_key": attempt})
    if status != 200:
        raise registration_refused(status, body)
    token = need(body, "token", str, "the registration answer")
    if not token or (body.get("branch"), body.get("counter")) != (device.branch, device.counter):
        raise bad_response("the registration answer is for another counter")
    epoch = str(body.get("epoch") or "")
    keep_key(store, device.device_id, key)
    store.save(device.device_id, token)
    if store.load(device.device_id) != token:
        raise DomainError(ErrorCode.TOKEN_STORE_UNAVAILABLE,
                          problem=Finding.of(FindingCode.CREDENTIALS_TOKEN_LOST))
    with uow:
        drop_setting(uow.session, ATTEMPT_KEY)
        registration = Registration(url.strip(), device.branch, device.counter,
                                    device.device_id, epoch, uow.now,
                                    str(ca_file) if ca_file else "")
        put_setting(uow.session, URL_KEY, registration.url)
        put_setting(uow.session, CA_FILE_KEY, registration.ca_file)
        put_setting(uow.session, REGISTRATION_KEY, json.dumps({
            "branch": device.branch, "counter": device.counter, "epoch": epoch,
            "registered_at": uow.now.isoformat()}))
        record_change(uow.session, sync_actor(uow.session), uow.now, action="device.register",
                      entity="counter", entity_id=device.counter,
                      details={"url": registration.url, "branch": device.branch,
                               "device_id": device.device_id, "epoch": epoch})
        uow.commit()
    return registration


def _attempt_key(uow: UnitOfWork, code: str) -> str:
    """The attempt key for ``code``: the one kept from an earlier try with the same code,
    or a new one (kept, committed, before the code is sent)."""
    digest = hashlib.sha256(normalised_code(code).encode()).hexdigest()
    with uow:
        kept = json.loads(get_setting(uow.session, ATTEMPT_KEY) or "{}")
        if isinstance(kept, dict) and kept.get("code") == digest and kept.get("key"):
            return str(kept["key"])
        key = secrets.token_urlsafe(24)
        put_setting(uow.session, ATTEMPT_KEY, json.dumps({"code": digest, "key": key}))
        uow.commit()
        return key


def normalised_code(code: str) -> str:
    """A code as typed, without spaces or dashes, in capitals (how head office reads it)."""
    return "".join(code.split()).replace("-", "").upper()


def registration_refused(status: int, body: Any) -> DomainError:
    """Head office's refusal of a registration, as the error the counter explains:
    too many refused attempts from here (429: wait), a code locked after wrong guesses
    (ask for a new one), or any other refusal with head office's own words."""
    data = body if isinstance(body, dict) else {}
    code = data.get("error")
    if status == 429 or code == "too_many_attempts":
        retry = data.get("retry_after")
        seconds = retry if isinstance(retry, int) and not isinstance(retry, bool) and \
            0 < retry <= MAX_WAIT_S else DEFAULT_WAIT_S
        return DomainError(ErrorCode.SYNC_REGISTRATION_THROTTLED,
                           minutes=max(1, math.ceil(seconds / 60)))
    if code == "code_locked":
        return DomainError(ErrorCode.SYNC_CODE_LOCKED)
    message = data.get("message")
    return DomainError(ErrorCode.SYNC_REFUSED,
                       problem=f"{message or 'registration refused'} (HTTP {status})")


def registration(uow: UnitOfWork) -> Registration | None:
    """This counter's registration, or ``None`` if it was never registered."""
    with uow:
        session = uow.session
        url, facts = get_setting(session, URL_KEY), get_setting(session, REGISTRATION_KEY)
        if not url or not facts:
            return None
        data = json.loads(facts)
        return Registration(url, data["branch"], data["counter"],
                            local_device(session).device_id, data.get("epoch", ""),
                            dt.datetime.fromisoformat(data["registered_at"]),
                            get_setting(session, CA_FILE_KEY) or "")


def open_transport(uow: UnitOfWork, store: TokenStore, *,
                   timeout: float = DEFAULT_TIMEOUT) -> HttpTransport:
    """The HTTPS link to head office for this registered counter."""
    found = registration(uow)
    if found is None:
        raise DomainError(ErrorCode.SYNC_NOT_REGISTERED)
    token = device_token(store, found.device_id)
    return HttpTransport(found.url, token, ca_file=Path(found.ca_file) if found.ca_file else None,
                         timeout=timeout)
