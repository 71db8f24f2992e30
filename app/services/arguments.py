"""Service arguments checked by type before they are used (a coded error, not a crash).

The UI passes what its fields parsed, but every entry point is also called by the admin
CLI, imports and tests: a count of ``2.0``, an amount of ``"5000"`` or ``True``, or a
reason that is not text is refused with ``ARGUMENT_INVALID`` naming the argument, and
stored text holding control characters with ``TEXT_INVALID``
(:func:`~app.services.text_checks.text_problem`).
"""

from __future__ import annotations

from app.services.errors import DomainError, ErrorCode
from app.services.text_checks import text_problem


def whole_number(value: object, what: str) -> int:
    """``value`` if it is a whole number (``int``, not ``bool``); else ``ARGUMENT_INVALID``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise DomainError(ErrorCode.ARGUMENT_INVALID, what=what, expected="a whole number",
                          value=_shown(value))
    return value


def text(value: object, what: str) -> str:
    """``value`` if it is text; else ``ARGUMENT_INVALID``."""
    if not isinstance(value, str):
        raise DomainError(ErrorCode.ARGUMENT_INVALID, what=what, expected="text",
                          value=_shown(value))
    return value


def stored_text(value: object, what: str) -> str:
    """Text that will be stored: refused (``TEXT_INVALID``) if it holds a control
    character, a surrogate half or a bidirectional override."""
    checked = text(value, what)
    problem = text_problem(checked)
    if problem:
        raise DomainError(ErrorCode.TEXT_INVALID, field=what, problem=problem)
    return checked


def _shown(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."
