"""The console script serves the API (also over TLS); the checked-in OpenAPI document
is the live one."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import shutil
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from headoffice.cli_commands import OPENAPI_FILE, openapi_text
from tests.headoffice.conftest import HeadOffice, serving


def test_the_checked_in_openapi_document_is_the_live_one(server: HeadOffice) -> None:
    """If this fails, run ``loket-headoffice openapi`` and check in headoffice/openapi.json."""
    checked_in = json.loads(OPENAPI_FILE.read_text(encoding="utf-8"))
    assert server.client.get("/openapi.json").json() == checked_in
    assert OPENAPI_FILE.read_text(encoding="utf-8") == openapi_text()


def test_loket_headoffice_serve_answers_on_a_free_port(database_url: str,
                                                       tmp_path: Path) -> None:
    tool = shutil.which("loket-headoffice", path=str(Path(sys.executable).parent))
    assert tool is not None, "loket-headoffice is not installed next to this Python"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen([tool, "serve", "--port", str(port), "--database-url",
                                database_url], stdout=log, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/api/v1"
        deadline = time.monotonic() + 30
        while True:
            try:
                health = httpx.get(f"{url}/health", timeout=2)
                break
            except httpx.TransportError:
                assert process.poll() is None and time.monotonic() < deadline, (
                    (tmp_path / "serve.log").read_text())
                time.sleep(0.1)
        assert health.json()["status"] == "ok"
        old = httpx.get(f"{url}/pull", headers={"X-Loket-Protocol": "0"})
        assert old.status_code == 426
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Loket head office (test)")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


def test_serve_speaks_tls_with_a_certificate_and_key(database_url: str,
                                                     tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    with serving(database_url, tls_cert=cert, tls_key=key) as port:
        trusted = ssl.create_default_context(cafile=str(cert))
        health = httpx.get(f"https://127.0.0.1:{port}/api/v1/health", verify=trusted)
        assert health.json()["status"] == "ok"
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"https://127.0.0.1:{port}/api/v1/health",
                      verify=ssl.create_default_context())
