"""A provider-neutral SMS/WhatsApp gateway over HTTP.

Settings (table ``outreach_gateway``, set with ``outreach gateway set``): the URL to
``POST`` to, the JSON body as a template — any string in it may hold ``{phone}``
(``+628…``), ``{phone_digits}`` (``628…``), ``{text}`` and ``{message_id}`` (the same
for every retry of one message, so a gateway that de-duplicates drops a repeat) — and an
authentication header whose value holds ``{credential}``. The credential itself is kept
in the OS credential store (service ``Loket``, name ``outreach-gateway``), never in the
database. A 2xx answer is delivery to the gateway; anything else is an error, and no
answer within the timeout is a timeout: both are retried by the next run.
"""

from __future__ import annotations

import json
import string
import urllib.parse
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
import keyring
from sqlalchemy.orm import Session

from app.services.documents.keys import SERVICE, KeyringLike, keyring_usable
from app.services.text_checks import text_problem
from headoffice.db import utcnow
from headoffice.outreach.tables import OutreachGateway

CREDENTIAL_NAME = "outreach-gateway"
PAYLOAD_FIELDS = ("phone", "phone_digits", "text", "message_id")
MAX_ANSWER = 400


class GatewayRefused(ValueError):
    """Settings that cannot be used, or no gateway to send with; the text says why."""


@dataclass(frozen=True)
class GatewaySettings:
    url: str
    payload: str
    auth_header: str
    auth_value: str
    timeout_seconds: int


@dataclass(frozen=True)
class GatewayAnswer:
    outcome: str  # sent | error | timeout
    http_status: int | None
    answer: str

    @property
    def delivered(self) -> bool:
        return self.outcome == "sent"


class Sender(Protocol):
    """What sending needs of a gateway (tests may pass their own)."""

    def send(self, phone: str, text: str, message_id: str) -> GatewayAnswer: ...


def check_settings(settings: GatewaySettings) -> None:
    """Refuse settings that could not make a request (:class:`GatewayRefused`)."""
    parts = urllib.parse.urlsplit(settings.url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise GatewayRefused(f"the gateway URL must be http(s)://host/…, not {settings.url!r}")
    for name, value in (("URL", settings.url), ("header", settings.auth_header),
                        ("header value", settings.auth_value)):
        problem = text_problem(value)
        if problem:
            raise GatewayRefused(f"the gateway {name} holds {problem}")
    if not 1 <= settings.timeout_seconds <= 120:
        raise GatewayRefused("the gateway timeout must be 1 to 120 seconds")
    try:
        body = json.loads(settings.payload)
    except ValueError as exc:
        raise GatewayRefused(f"the payload template is not JSON: {exc}") from exc
    if not isinstance(body, dict):
        raise GatewayRefused("the payload template must be a JSON object")
    used = _placeholders(body)
    unknown = used - set(PAYLOAD_FIELDS)
    if unknown:
        raise GatewayRefused(f"unknown placeholder(s) {', '.join(sorted(unknown))} in the "
                             f"payload; known: {', '.join(PAYLOAD_FIELDS)}")
    if "text" not in used or not used & {"phone", "phone_digits"}:
        raise GatewayRefused("the payload template needs {text} and {phone} (or "
                             "{phone_digits})")
    if settings.auth_header and "{credential}" not in settings.auth_value:
        raise GatewayRefused("the header value must hold {credential} (e.g. "
                             "\"Bearer {credential}\")")


def _placeholders(value: Any) -> set[str]:
    if isinstance(value, str):
        try:
            return {name for _t, name, _s, _c in string.Formatter().parse(value) if name}
        except ValueError as exc:
            raise GatewayRefused(f"a brace is not closed in {value!r}") from exc
    if isinstance(value, dict):
        return set().union(*(_placeholders(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_placeholders(v) for v in value))
    return set()


def _filled(value: Any, fields: dict[str, str]) -> Any:
    if isinstance(value, str):
        return value.format_map(fields)
    if isinstance(value, dict):
        return {k: _filled(v, fields) for k, v in value.items()}
    if isinstance(value, list):
        return [_filled(v, fields) for v in value]
    return value


def load_settings(session: Session) -> GatewaySettings | None:
    row = session.get(OutreachGateway, 1)
    if row is None:
        return None
    return GatewaySettings(row.url, row.payload, row.auth_header, row.auth_value,
                           row.timeout_seconds)


def save_settings(session: Session, settings: GatewaySettings, by: str) -> None:
    check_settings(settings)
    row = session.get(OutreachGateway, 1) or OutreachGateway(id=1)
    row.url, row.payload = settings.url, settings.payload
    row.auth_header, row.auth_value = settings.auth_header, settings.auth_value
    row.timeout_seconds = settings.timeout_seconds
    row.updated_at, row.updated_by = utcnow(), by[:40]
    session.add(row)
    session.flush()


def _ring(backend: KeyringLike | None) -> KeyringLike:
    ring = backend if backend is not None else keyring.get_keyring()
    if not keyring_usable(ring):
        raise GatewayRefused("no credential store works on this computer; the gateway's "
                             "credential cannot be kept")
    return ring


def save_credential(credential: str, backend: KeyringLike | None = None) -> None:
    if not credential or text_problem(credential):
        raise GatewayRefused("the credential is empty or holds control characters")
    _ring(backend).set_password(SERVICE, CREDENTIAL_NAME, credential)


def configured_gateway(session: Session, backend: KeyringLike | None = None) -> HttpGateway:
    """The gateway as set up (:class:`GatewayRefused` when none is)."""
    settings = load_settings(session)
    if settings is None:
        raise GatewayRefused("no gateway is set up; see: loket-headoffice outreach gateway set")
    return HttpGateway(settings, backend)


class HttpGateway:
    """Sends one message per ``POST`` as the settings say."""

    def __init__(self, settings: GatewaySettings, backend: KeyringLike | None = None) -> None:
        check_settings(settings)
        self.settings = settings
        self.headers = {"Content-Type": "application/json"}
        if settings.auth_header:
            credential = _ring(backend).get_password(SERVICE, CREDENTIAL_NAME)
            if not credential:
                raise GatewayRefused("the gateway's credential is not in the credential "
                                     "store; set it with: outreach gateway credential")
            self.headers[settings.auth_header] = settings.auth_value.replace(
                "{credential}", credential)
        self.template = json.loads(settings.payload)

    def send(self, phone: str, text: str, message_id: str) -> GatewayAnswer:
        body = _filled(self.template, {"phone": phone, "phone_digits": phone.removeprefix("+"),
                                       "text": text, "message_id": message_id})
        try:
            response = httpx.post(self.settings.url, json=body, headers={
                **self.headers, "Idempotency-Key": message_id},
                timeout=self.settings.timeout_seconds)
        except httpx.TimeoutException:
            return GatewayAnswer("timeout", None, f"no answer within "
                                                  f"{self.settings.timeout_seconds} s")
        except httpx.HTTPError as exc:
            return GatewayAnswer("error", None, f"{type(exc).__name__}: {exc}"[:MAX_ANSWER])
        outcome = "sent" if 200 <= response.status_code < 300 else "error"
        return GatewayAnswer(outcome, response.status_code, response.text[:MAX_ANSWER])
