"""``/cek``: the public self-check page (no sign-in), server-rendered, without script.

``GET /cek`` shows the form (``?lang=en`` in English); ``POST /cek`` looks the customer
up. A POST, not a GET, keeps the connection number and meter digits out of addresses,
server logs, browser history and ``Referer``; its form carries a token matched against a
cookie (SameSite=Strict) and a form from another site is refused. A request body over
``MAX_BODY`` bytes or not a plain form is refused before it is read further.

Answers: the result (200); "the details do not match" (200, the same page for an
unknown number and a wrong factor); a field problem (400); too many tries (429 with
``Retry-After``); an expired form (403). Every answer carries the security headers:
a CSP without any script, no framing, no caching, no referrer to other sites (a
stricter policy would make the browser send ``Origin: null`` with the form).
"""

from __future__ import annotations

import datetime as dt
import math
import secrets
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.concurrency import run_in_threadpool

from headoffice.console.web import rupiah
from headoffice.db import Database, local_today
from headoffice.rate_limit import client_key
from headoffice.selfcheck import form
from headoffice.selfcheck.limits import Limits
from headoffice.selfcheck.lookup import SelfCheck, check
from headoffice.selfcheck.words import LANGUAGES, long_date, reason_text, translator

PATH = "/cek"
HERE = Path(__file__).parent
TOKEN_COOKIE = "loket_cek"
MAX_BODY = 4096
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; "
                               "script-src 'none'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
}
NOT_MATCHED = ("Data tidak cocok. Periksa nomor sambungan dan 4 angka terakhir nomor meter "
               "pada rekening air Anda, lalu coba lagi.")
TOO_MANY = ("Terlalu banyak percobaan. Demi keamanan data pelanggan, coba lagi dalam "
            "{minutes} menit.")
EXPIRED = "Formulir kedaluwarsa. Silakan isi dan kirim sekali lagi."


@dataclass
class Settings:
    """What the page runs with (``app.state.selfcheck``); tests replace parts of it."""

    limits: Limits = field(default_factory=Limits)
    today: Callable[[], dt.date] = local_today


router = APIRouter()
_env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                   undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
_env.filters.update(rupiah=rupiah)


def install(app: FastAPI) -> None:
    """Add ``/cek`` and its style sheet to ``app`` (whose ``state.db`` is the database)."""
    app.state.selfcheck = Settings()
    app.include_router(router, include_in_schema=False)
    app.mount(f"{PATH}/static", StaticFiles(directory=HERE / "static"), name="cek-static")


@router.get(PATH, response_class=HTMLResponse)
def show_form(request: Request, lang: str = "id") -> HTMLResponse:
    return _page(request, _language(lang))


@router.post(PATH, response_class=HTMLResponse)
async def look_up(request: Request) -> HTMLResponse:
    fields = await _read_fields(request)
    lang = _language(fields.get("lang", "id"))
    if not _token_ok(request, fields):
        return _page(request, lang, status=403, message=EXPIRED)
    typed = form.read(fields.get("nomor", ""), fields.get("meter", ""))
    settings: Settings = request.app.state.selfcheck
    address = client_key(request.client.host if request.client else None)
    wait = settings.limits.take(address, typed.connection_no if typed.ok else None)
    if wait:
        page = _page(request, lang, status=429, typed=typed,
                     message=translator(lang)(TOO_MANY).format(minutes=math.ceil(wait / 60)))
        page.headers["Retry-After"] = str(wait)
        return page
    if not typed.ok:
        return _page(request, lang, status=400, typed=typed)
    db: Database = request.app.state.db
    answer = await run_in_threadpool(_check, db, typed, settings.today())
    if answer is None:
        return _page(request, lang, typed=typed, message=NOT_MATCHED)
    return _page(request, lang, answer=answer)


def _check(db: Database, typed: form.Typed, today: dt.date) -> SelfCheck | None:
    with db.reading() as session:
        return check(session, typed.connection_no, typed.factor.strip(), today)


async def _read_fields(request: Request) -> dict[str, str]:
    """The form's fields; empty for a body too large or not a plain form."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    declared = request.headers.get("content-length", "0")
    if kind != "application/x-www-form-urlencoded" or not declared.isdigit() or \
            int(declared) > MAX_BODY:
        return {}
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            return {}
    try:
        pairs = urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True,
                                       max_num_fields=10)
    except (UnicodeDecodeError, ValueError):
        return {}
    return dict(pairs)


def _token_ok(request: Request, fields: dict[str, str]) -> bool:
    """The form's token equals the cookie's, and no other site sent the form."""
    origin = request.headers.get("origin")
    if origin is not None and urllib.parse.urlsplit(origin).netloc != request.headers.get(
            "host", ""):
        return False
    expected = request.cookies.get(TOKEN_COOKIE, "")
    given = fields.get("token", "")
    return bool(expected and given) and secrets.compare_digest(given.encode(),
                                                               expected.encode())


def _language(value: str) -> str:
    return value if value in LANGUAGES else "id"


def _page(request: Request, lang: str, *, status: int = 200, typed: form.Typed | None = None,
          message: str = "", answer: SelfCheck | None = None) -> HTMLResponse:
    token = request.cookies.get(TOKEN_COOKIE) or secrets.token_urlsafe(32)
    context: dict[str, Any] = {
        "lang": lang, "_": translator(lang), "path": PATH, "token": token,
        "typed": typed or form.Typed("", ""), "message": message,
        "answer": answer, "reason_text": reason_text,
        "day": lambda value: long_date(value, lang)}
    html = _env.get_template("cek.html").render(**context)
    response = HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)
    if TOKEN_COOKIE not in request.cookies:
        response.set_cookie(TOKEN_COOKIE, token, path=PATH, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")
    return response
