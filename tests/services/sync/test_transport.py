"""The HTTP(S) client on a real socket: gzip bodies, token in a header, TLS with a CA file."""

from __future__ import annotations

import datetime as dt
import gzip
import ipaddress
import json
import ssl
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.sync import HttpTransport, pending_events, run_sync
from app.services.sync.transport import inflate, read_answer
from tests.support.sync_fakes import FakeHeadOffice, branch_net_paid, connect, enrol, outbox


class OfficeServer(ThreadingHTTPServer):
    """The fake head office behind a real HTTP server on 127.0.0.1."""

    def __init__(self, office: FakeHeadOffice) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.office = office
        self.seen: list[tuple[str, dict[str, str]]] = []
        self.cut_answers = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: OfficeServer

    def do_GET(self) -> None:
        self._answer(None)

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self._answer(json.loads(inflate(raw, self.headers.get("Content-Encoding", ""))))

    def _answer(self, body: Any) -> None:
        url = urllib.parse.urlsplit(self.path)
        headers = dict(self.headers.items())
        self.server.seen.append((self.path, headers))
        query = dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True))
        status, answer = self.server.office.handle(self.command, url.path, query, body, headers)
        data = json.dumps(answer).encode()
        if "gzip" in headers.get("Accept-Encoding", ""):
            data = gzip.compress(data)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.server.cut_answers:
            self.server.cut_answers -= 1
            data = data[: len(data) // 2]
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def server(branch: BranchDatabase) -> Iterator[OfficeServer]:
    running = OfficeServer(FakeHeadOffice())
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield running
    running.shutdown()
    running.server_close()
    thread.join(5)


def token_for(branch: BranchDatabase, office: FakeHeadOffice) -> str:
    return connect(branch, office).token


def test_a_sync_over_http_sends_gzip_bodies_and_the_token_in_a_header(
        branch: BranchDatabase, cashier: Actor, server: OfficeServer) -> None:
    enrol(branch, cashier, "10000001")
    token = token_for(branch, server.office)
    transport = HttpTransport(server.url + "/", token, timeout=10)

    report = run_sync(branch.writing, transport)

    assert report.ok and report.acked == len(outbox(branch))
    assert server.office.net_paid() == branch_net_paid(branch) == 300_000
    paths = [path for path, _ in server.seen]
    assert all(token not in path for path in paths)
    push_headers = next(h for p, h in server.seen if p == "/api/v1/push")
    assert push_headers["Authorization"] == f"Bearer {token}"
    assert push_headers["Content-Encoding"] == "gzip"
    assert push_headers["X-Loket-Protocol"] == "1"
    assert transport.traffic.sent > 0 and transport.traffic.received > 0


def test_an_answer_cut_off_on_the_wire_acks_nothing(
        branch: BranchDatabase, cashier: Actor, server: OfficeServer) -> None:
    enrol(branch, cashier, "10000001")
    transport = HttpTransport(server.url, token_for(branch, server.office), timeout=10)
    server.cut_answers = 1
    with pytest.raises(DomainError) as cut:
        run_sync(branch.writing, transport)
    assert cut.value.code in (ErrorCode.SYNC_BAD_RESPONSE, ErrorCode.SYNC_UNREACHABLE)
    assert pending_events(branch.reading()) == len(outbox(branch))
    assert run_sync(branch.writing, transport).duplicates == len(outbox(branch))


def test_an_unreachable_head_office_is_a_clear_error(branch: BranchDatabase) -> None:
    closed = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    port = closed.server_address[1]
    closed.server_close()
    with pytest.raises(DomainError) as down:
        run_sync(branch.writing, HttpTransport(f"http://127.0.0.1:{port}", "t", timeout=5))
    assert down.value.code == ErrorCode.SYNC_UNREACHABLE
    with pytest.raises(DomainError) as bad:
        HttpTransport("ftp://pusat.example", "t")
    assert bad.value.code == ErrorCode.SYNC_UNREACHABLE


def test_bodies_that_are_not_usable_are_refused() -> None:
    good = gzip.compress(b'{"results": []}')
    assert read_answer(200, good, "gzip") == (200, {"results": []})
    for raw, encoding in ((good[:-6], "gzip"), (b"\x1f\x8bnonsense", "gzip"),
                          (b'{"results": [', ""), ("ok".encode("utf-16"), "")):
        with pytest.raises(DomainError) as refused:
            read_answer(200, raw, encoding)
        assert refused.value.code == ErrorCode.SYNC_BAD_RESPONSE
    assert read_answer(502, b"<html>Bad Gateway</html>", "") == (
        502, {"error": "", "message": "HTTP 502"})


def make_certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A CA and a certificate for 127.0.0.1 signed by it: (ca.pem, cert.pem, key.pem).

    Built as a real CA builds them (key identifiers, key usage): Python 3.13 verifies
    strictly (``VERIFY_X509_STRICT``) and refuses certificates without them."""
    now = dt.datetime.now(dt.UTC)
    valid = now - dt.timedelta(days=1), now + dt.timedelta(days=2)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Loket Test CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(1)
          .not_valid_before(valid[0]).not_valid_after(valid[1])
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(
              digital_signature=False, content_commitment=False, key_encipherment=False,
              data_encipherment=False, key_agreement=False, key_cert_sign=True,
              crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()),
                         critical=False)
          .sign(ca_key, hashes.SHA256()))
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(2)
            .not_valid_before(valid[0]).not_valid_after(valid[1])
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    paths = folder / "ca.pem", folder / "cert.pem", folder / "key.pem"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return paths


def test_https_is_checked_against_the_configured_ca_file(
        branch: BranchDatabase, cashier: Actor, server: OfficeServer, tmp_path: Path) -> None:
    ca, cert, key = make_certificates(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    url = server.url.replace("http://", "https://")
    token = token_for(branch, server.office)
    enrol(branch, cashier, "10000001")

    with pytest.raises(DomainError) as untrusted:
        run_sync(branch.writing, HttpTransport(url, token, timeout=10))
    assert untrusted.value.code == ErrorCode.SYNC_UNREACHABLE

    report = run_sync(branch.writing, HttpTransport(url, token, ca_file=ca, timeout=10))
    assert report.ok and pending_events(branch.reading()) == 0
