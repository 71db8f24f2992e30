"""How the branch talks to head office: the ``Transport`` protocol and an HTTPS client.

:class:`HttpTransport` uses only the standard library (``urllib.request``): JSON bodies
sent gzip-compressed, TLS checked against a configurable CA file, a timeout on every
read (and an answer that trickles in at under 1,000 bytes a second, after that much
grace, is given up), and the device token in the ``Authorization`` header (never in
the URL).
A transport returns ``(status, json)`` for every answer head office gives, errors
included; a link that fails, or an answer that is cut off or unreadable, is a
``DomainError`` (nothing can have been acknowledged from it).
"""

from __future__ import annotations

import gzip
import http.client
import json
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import Any, BinaryIO, Protocol, runtime_checkable

from app.services.errors import DomainError, ErrorCode
from app.services.sync.protocol import PROTOCOL_VERSION, bad_response

MAX_BODY = 4 * 1024 * 1024  # compressed, either way
MAX_INFLATED = 32 * 1024 * 1024
DEFAULT_TIMEOUT = 60.0
MIN_ANSWER_RATE = 1_000  # bytes a second; a 64 kbit/s link brings 8,000
READ_CHUNK = 16 * 1024
Json = Any


@dataclass
class Traffic:
    """Bytes on the wire so far (for the progress dialog and benchmarks)."""

    sent: int = 0
    received: int = 0


class Transport(Protocol):
    """A link to head office."""

    traffic: Traffic

    def post(self, path: str, json_body: Json,
             headers: Mapping[str, str] | None = None) -> tuple[int, Json]:
        """POST ``json_body``; the status and the decoded JSON answer."""
        ...

    def get(self, path: str, params: Mapping[str, str] | None = None,
            headers: Mapping[str, str] | None = None) -> tuple[int, Json]:
        """GET ``path?params``; the status and the decoded JSON answer."""
        ...


@runtime_checkable
class Downloader(Protocol):
    """A link that can also fetch a file in parts (the branch snapshot)."""

    traffic: Traffic

    def download(self, path: str, start: int, sink: BinaryIO,
                 keep_going: Callable[[], bool] | None = None) -> tuple[int, Json, int]:
        """GET ``path`` from byte ``start`` on into ``sink`` (written as it comes, so a cut
        keeps what arrived); (status, error body or None, the file's whole size)."""
        ...


def encode_body(data: Json) -> bytes:
    """A request body: compact UTF-8 JSON, gzip-compressed."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)


def inflate(raw: bytes, encoding: str) -> bytes:
    """Undo ``Content-Encoding`` (gzip or none), refusing damaged or huge bodies."""
    if encoding.strip().lower() != "gzip":
        return raw
    inflater = zlib.decompressobj(wbits=31)
    try:
        data = inflater.decompress(raw, MAX_INFLATED + 1)
    except zlib.error as exc:
        raise bad_response("the compressed answer is damaged") from exc
    if len(data) > MAX_INFLATED:
        raise bad_response("the answer is too large")
    if not inflater.eof:
        raise bad_response("the compressed answer is cut off")
    return data


def read_answer(status: int, raw: bytes, encoding: str) -> tuple[int, Json]:
    """Decode an answer. A success must be complete JSON; an error page that is not JSON
    (a proxy's HTML, say) becomes ``{"error": "", "message": "HTTP <status>"}``."""
    if len(raw) > MAX_BODY:
        raise bad_response("the answer is too large")
    try:
        return status, json.loads(inflate(raw, encoding).decode("utf-8"))
    except (ValueError, DomainError) as exc:  # UnicodeDecodeError is a ValueError
        if status >= 400:
            return status, {"error": "", "message": f"HTTP {status}"}
        if isinstance(exc, DomainError):
            raise
        raise bad_response("the answer is not complete JSON") from exc


class TooSlow(TimeoutError):
    """An answer trickling in slower than :data:`MIN_ANSWER_RATE` (each read within the
    timeout, so the socket never times out, yet the sync would never end)."""


def _read_whole(answer: Any, headers: Message, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """The body (at most ``MAX_BODY + 1`` bytes); ``IncompleteRead`` when the connection
    ends before the ``Content-Length`` it announced; :class:`TooSlow` when, after
    ``timeout`` seconds of grace, it has come at less than ``MIN_ANSWER_RATE`` bytes a
    second."""
    started, size = time.monotonic(), 0
    parts: list[bytes] = []
    while size <= MAX_BODY:
        part: bytes = answer.read(min(READ_CHUNK, MAX_BODY + 1 - size))
        if not part:
            break
        parts.append(part)
        size += len(part)
        elapsed = time.monotonic() - started
        if elapsed > timeout + size / MIN_ANSWER_RATE:
            raise TooSlow(f"the link is too slow: {size:,} bytes in {elapsed:.0f} seconds")
    raw = b"".join(parts)
    declared = (headers.get("Content-Length") or "").strip()
    if declared.isdigit() and len(raw) < min(int(declared), MAX_BODY + 1):
        raise http.client.IncompleteRead(raw, int(declared) - len(raw))
    return raw


def _whole_size(status: int, headers: Message, start: int) -> int:
    """The file's whole size from ``Content-Range`` (206) or ``Content-Length`` (200)."""
    if status == 206:
        whole = (headers.get("Content-Range") or "").rpartition("/")[2].strip()
        if whole.isdigit():
            return int(whole)
        raise bad_response("the partial answer does not say the file's size")
    length = (headers.get("Content-Length") or "").strip()
    if not length.isdigit():
        raise bad_response("the answer does not say the file's size")
    return int(length) + (0 if status == 200 else start)


def _tls_context(ca_file: Path | None) -> ssl.SSLContext:
    """Certificates checked against ``ca_file`` (or the system's CAs without one)."""
    try:
        return ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
    except (OSError, ssl.SSLError) as exc:
        raise DomainError(ErrorCode.SYNC_UNREACHABLE,
                          problem=f"the CA file {ca_file} cannot be used") from exc


class HttpTransport:
    """HTTP(S) to head office at ``base_url`` (e.g. ``https://pusat.example:8443``)."""

    def __init__(self, base_url: str, token: str | None = None, *,
                 ca_file: Path | None = None, timeout: float = DEFAULT_TIMEOUT) -> None:
        parts = urllib.parse.urlsplit(base_url.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise DomainError(ErrorCode.SYNC_UNREACHABLE,
                              problem=f"'{base_url}' is not an http(s) address")
        self.base_url = f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"
        self.traffic = Traffic()
        self._token = token
        self._timeout = timeout
        context = _tls_context(ca_file) if parts.scheme == "https" else None
        self._opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context))

    def post(self, path: str, json_body: Json,
             headers: Mapping[str, str] | None = None) -> tuple[int, Json]:
        body = encode_body(json_body)
        if len(body) > MAX_BODY:
            raise DomainError(ErrorCode.SYNC_REFUSED, problem="the request is too large")
        extra = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
        return self._send("POST", path, body, {**extra, **(headers or {})})

    def get(self, path: str, params: Mapping[str, str] | None = None,
            headers: Mapping[str, str] | None = None) -> tuple[int, Json]:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        return self._send("GET", path + query, None, dict(headers or {}))

    def _send(self, method: str, path: str, body: bytes | None,
              headers: dict[str, str]) -> tuple[int, Json]:
        headers = {"X-Loket-Protocol": str(PROTOCOL_VERSION), "Accept-Encoding": "gzip",
                   "Accept": "application/json", **headers}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        request = urllib.request.Request(self.base_url + path, data=body, method=method,
                                         headers=headers)
        self.traffic.sent += len(body or b"") + len(f"{method} {path} HTTP/1.1\r\n") + sum(
            len(k) + len(v) + 4 for k, v in request.header_items())
        try:
            status, raw, encoding, head = self._exchange(request)
        except ssl.SSLError as exc:
            raise DomainError(ErrorCode.SYNC_UNREACHABLE,
                              problem=f"secure connection failed ({exc.reason})") from exc
        except http.client.IncompleteRead as exc:
            raise bad_response("the answer was cut off") from exc
        except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
            raise DomainError(ErrorCode.SYNC_UNREACHABLE,
                              problem=self._link_problem(exc)) from exc
        self.traffic.received += len(raw) + head
        return read_answer(status, raw, encoding)

    def _exchange(self, request: urllib.request.Request) -> tuple[int, bytes, str, int]:
        """(status, body, its Content-Encoding, the size of the status line and headers)."""
        try:
            with self._opener.open(request, timeout=self._timeout) as answer:
                raw = _read_whole(answer, answer.headers, self._timeout)
                return (answer.status, raw, answer.headers.get("Content-Encoding", ""),
                        len(str(answer.headers)) + 17)
        except urllib.error.HTTPError as error:
            with error:
                raw = _read_whole(error, error.headers, self._timeout)
                return (error.code, raw, error.headers.get("Content-Encoding", ""),
                        len(str(error.headers)) + 17)

    def download(self, path: str, start: int, sink: BinaryIO,
                 keep_going: Callable[[], bool] | None = None) -> tuple[int, Json, int]:
        headers = {"X-Loket-Protocol": str(PROTOCOL_VERSION), "Accept-Encoding": "identity",
                   "Range": f"bytes={start}-"}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        request = urllib.request.Request(self.base_url + path, method="GET", headers=headers)
        self.traffic.sent += len(f"GET {path} HTTP/1.1\r\n") + sum(
            len(k) + len(v) + 4 for k, v in request.header_items())
        try:
            return self._stream(request, start, sink, keep_going)
        except ssl.SSLError as exc:
            raise DomainError(ErrorCode.SYNC_UNREACHABLE,
                              problem=f"secure connection failed ({exc.reason})") from exc
        except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
            raise DomainError(ErrorCode.SYNC_UNREACHABLE,
                              problem=self._link_problem(exc)) from exc

    def _stream(self, request: urllib.request.Request, start: int, sink: BinaryIO,
                keep_going: Callable[[], bool] | None) -> tuple[int, Json, int]:
        try:
            answer = self._opener.open(request, timeout=self._timeout)
        except urllib.error.HTTPError as error:
            with error:
                raw = _read_whole(error, error.headers, self._timeout)
                self.traffic.received += len(raw) + len(str(error.headers)) + 17
                return (*read_answer(error.code, raw, error.headers.get("Content-Encoding", "")),
                        0)
        with answer:
            self.traffic.received += len(str(answer.headers)) + 17
            total = _whole_size(answer.status, answer.headers, start)
            if answer.status == 200 and start:  # the range was ignored: from the start
                sink.seek(0)
                sink.truncate()
            started, size = time.monotonic(), 0
            while keep_going is None or keep_going():
                part: bytes = answer.read(READ_CHUNK)
                if not part:
                    break
                sink.write(part)
                size += len(part)
                self.traffic.received += len(part)
                elapsed = time.monotonic() - started
                if elapsed > self._timeout + size / MIN_ANSWER_RATE:
                    raise TooSlow(f"the link is too slow: {size:,} bytes in {elapsed:.0f} s")
            return answer.status, None, total

    def _link_problem(self, exc: BaseException) -> str:
        """What went wrong with the link, in words (not an exception's class name)."""
        reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
        if isinstance(reason, TooSlow):
            return str(reason)
        if isinstance(reason, TimeoutError):
            return f"no answer within {self._timeout:g} seconds"
        if isinstance(reason, ConnectionRefusedError):
            return f"nothing answers at {self.base_url}"
        if isinstance(reason, ConnectionError):  # reset, broken pipe, closed without answer
            return "the connection was cut"
        return str(reason) or reason.__class__.__name__
