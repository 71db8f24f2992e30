"""The refusal of one event by a business rule (it goes to the exceptions queue)."""

from __future__ import annotations


class Rejected(Exception):
    """The event breaks a business rule: ``reason`` is a code, ``message`` says why."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
