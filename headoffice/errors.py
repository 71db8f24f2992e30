"""Errors the API answers with: ``{"error": code, "message": sentence, ...details}``."""

from __future__ import annotations

from typing import Any

from headoffice import SUPPORTED_PROTOCOLS


class ApiError(Exception):
    """A refusal with its HTTP status, stable code, English message and details."""

    def __init__(self, status: int, code: str, message: str, **details: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details

    def body(self) -> dict[str, Any]:
        return {"error": self.code, "message": self.message, **self.details}


def unauthorised(message: str) -> ApiError:
    return ApiError(401, "unauthorised", message)


def device_revoked(device_id: str) -> ApiError:
    return ApiError(403, "device_revoked",
                    f"device {device_id} was revoked by head office; it may not sync")


def wrong_branch(message: str) -> ApiError:
    return ApiError(403, "wrong_branch", message)


def bad_body(message: str, **details: Any) -> ApiError:
    return ApiError(400, "bad_body", message, **details)


def body_too_large(message: str) -> ApiError:
    return ApiError(413, "body_too_large", message)


def protocol_unsupported(sent: str | None) -> ApiError:
    versions = ", ".join(str(v) for v in SUPPORTED_PROTOCOLS)
    said = "no X-Loket-Protocol header" if sent is None else f"protocol version {sent!r}"
    return ApiError(426, "protocol_unsupported",
                    f"this head office speaks sync protocol version {versions}; the branch "
                    f"sent {said}. Update Loket on this counter to a version that speaks it.",
                    supported=list(SUPPORTED_PROTOCOLS))


class SequenceGap(ApiError):
    """The batch does not continue the device's sequence; nothing of it was applied."""

    def __init__(self, expected: int, got: int, *, backwards: bool) -> None:
        why = ("goes backwards (was this counter's database restored from a backup?)"
               if backwards else "leaves a gap")
        super().__init__(409, "sequence_gap",
                         f"event seq {got} {why}: head office expects seq {expected} next",
                         expected_seq=expected, acked_through=expected - 1)
        self.expected_seq = expected
        self.backwards = backwards
        self.got = got
