"""Text in a pushed event that head office does not store as it came.

PostgreSQL holds no NUL in text or JSON, and no database holds a lone surrogate half;
other control characters and bidirectional overrides make a stored name read differently
from what it holds. :func:`screen` finds the first such character anywhere in an event's
type or payload (keys too, at any depth; tabs and line breaks are allowed) and gives the
event back with each of them replaced by U+FFFD. :func:`refuse` then rejects the event
into the exceptions queue (reason ``text_invalid``, naming the field) instead of applying
it; as with any rejected payment, its money is kept once, as a credit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.services.text_checks import LINE_BREAKS, text_problem
from headoffice.models import Event
from headoffice.rules import PAYMENT_TYPES, Outcome, _keep_as_credit

REPLACEMENT = "\ufffd"


@dataclass(frozen=True)
class Screened:
    """The event's type and payload fit to store, and what was wrong (``None``: nothing)."""

    type: str
    payload: dict[str, Any]
    problem: str | None


def screen(event_type: str, payload: dict[str, Any]) -> Screened:
    problems: list[str] = []
    kind = _clean(event_type, "type", problems)
    cleaned = _walk(payload, "payload", problems)
    return Screened(kind, cleaned, problems[0] if problems else None)


def refuse(session: Session, event: Event, problem: str) -> Outcome:
    """Reject ``event`` for ``problem`` (call in place of applying it)."""
    if event.type in PAYMENT_TYPES:
        _keep_as_credit(session, event)
    return Outcome("rejected", "text_invalid",
                   f"{problem}; head office does not store such characters")


def _walk(value: Any, where: str, problems: list[str]) -> Any:
    if isinstance(value, str):
        return _clean(value, where, problems)
    if isinstance(value, dict):
        return {_clean(str(k), f"{where} key", problems): _walk(v, f"{where}.{k}", problems)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(v, f"{where}[{n}]", problems) for n, v in enumerate(value)]
    return value


def _clean(text: str, where: str, problems: list[str]) -> str:
    problem = text_problem(text, line_breaks=True)
    if problem is None:
        return text
    problems.append(f"{where} holds {problem}")
    return "".join(c if c in LINE_BREAKS or text_problem(c) is None else REPLACEMENT
                   for c in text)
