"""A fake SMS/WhatsApp gateway: a real HTTP server on 127.0.0.1 in a thread.

It keeps every request it receives (body and headers) and answers as told, in turn:
``"ok"`` (200 and a JSON id), ``"error"`` (503 and a message) or ``"slow"`` (no answer
until the client gave up), then ``"ok"`` once the list is used up.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class FakeGateway:
    url: str
    answers: list[str] = field(default_factory=list)
    received: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    slow_seconds: float = 3.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_answer(self) -> str:
        with self.lock:
            return self.answers.pop(0) if self.answers else "ok"

    def texts(self) -> list[str]:
        return [str(body.get("message", "")) for body in self.received]


@contextmanager
def fake_gateway() -> Iterator[FakeGateway]:
    gateway: FakeGateway

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            answer = gateway.next_answer()
            with gateway.lock:
                gateway.received.append(body)
                gateway.headers.append(dict(self.headers.items()))
            if answer == "slow":
                time.sleep(gateway.slow_seconds)
            status, reply = ((503, {"error": "provider busy"}) if answer == "error"
                             else (200, {"id": f"msg-{len(gateway.received)}"}))
            data = json.dumps(reply).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting (a timeout)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    gateway = FakeGateway(f"http://127.0.0.1:{server.server_address[1]}/send")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield gateway
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
