"""Running the API with uvicorn (plain HTTP, or HTTPS with a certificate and key)."""

from __future__ import annotations

from pathlib import Path

import uvicorn

from headoffice.api import create_app
from headoffice.refusals import RefusalCode, Refused

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8470


def make_server(database_url: str, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *,
                tls_cert: Path | None = None, tls_key: Path | None = None,
                log_level: str = "info", make_ahead: bool = False,
                in_lulls: bool = False) -> uvicorn.Server:
    """A uvicorn server for the API over ``database_url`` (tables made if missing);
    ``make_ahead`` and ``in_lulls`` as in :func:`headoffice.api.create_app`."""
    if (tls_cert is None) != (tls_key is None):
        raise Refused(RefusalCode.TLS_PAIR)
    config = uvicorn.Config(
        create_app(database_url, make_ahead=make_ahead, in_lulls=in_lulls), host=host, port=port,
        log_level=log_level, ws="none",
        ssl_certfile=str(tls_cert) if tls_cert else None,
        ssl_keyfile=str(tls_key) if tls_key else None, server_header=False,
        timeout_keep_alive=30)
    return uvicorn.Server(config)
