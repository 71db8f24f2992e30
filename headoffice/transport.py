"""The HTTP edge of the sync API: protocol version, body size limits, gzip bodies.

Every sync route checks ``X-Loket-Protocol`` first (426 when unsupported), then reads
the body itself: at most 4 MiB as sent (413), gzip inflated to at most 32 MiB (413);
a truncated or corrupted gzip body is 400. Only then does FastAPI parse the JSON.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute

from headoffice import SUPPORTED_PROTOCOLS
from headoffice.errors import bad_body, body_too_large, protocol_unsupported

PROTOCOL_HEADER = "X-Loket-Protocol"
MAX_BODY = 4 * 1024 * 1024
MAX_INFLATED = 32 * 1024 * 1024


def check_protocol(sent: str | None) -> None:
    if sent is None or sent.strip() not in {str(v) for v in SUPPORTED_PROTOCOLS}:
        raise protocol_unsupported(sent)


async def read_body(request: Request) -> bytes:
    """The request body as JSON bytes, within the limits (raises ApiError)."""
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > MAX_BODY:
        raise body_too_large(f"the body is {int(length):,} bytes; at most {MAX_BODY:,} are "
                             "accepted (send smaller batches)")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise body_too_large(f"the body is larger than {MAX_BODY:,} bytes")
        chunks.append(chunk)
    raw = b"".join(chunks)
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding == "gzip":
        return inflate(raw)
    if encoding not in ("", "identity"):
        raise bad_body(f"Content-Encoding {encoding!r} is not supported (gzip is)")
    return raw


def inflate(raw: bytes) -> bytes:
    """Gunzip ``raw``: refuse a corrupted, truncated or too large stream."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(raw, MAX_INFLATED + 1)
    except zlib.error as exc:
        raise bad_body(f"the gzip body is corrupted ({exc})") from None
    if len(data) > MAX_INFLATED:
        raise body_too_large(f"the body inflates to more than {MAX_INFLATED:,} bytes")
    if not inflater.eof:
        raise bad_body("the gzip body is truncated")
    if inflater.unused_data:
        raise bad_body("the gzip body has trailing data")
    return data


class _ReadRequest(Request):
    """A request whose body was already read (and inflated) by :class:`SyncRoute`."""

    def __init__(self, request: Request, body: bytes) -> None:
        super().__init__(request.scope, request.receive)
        self._body = body


class SyncRoute(APIRoute):
    """A route of the sync protocol: version check and body limits before FastAPI."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            check_protocol(request.headers.get(PROTOCOL_HEADER))
            body = await read_body(request) if request.method in ("POST", "PUT") else b""
            return await handler(_ReadRequest(request, body))

        return route
