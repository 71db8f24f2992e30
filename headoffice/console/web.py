"""The console's web machinery: who is signed in, what they may do, forms, pages.

- :func:`viewer` (a dependency) gives the signed-in :class:`SignedIn` or sends the
  browser to the sign-in page; ``viewer_with(permission)`` also answers 403 when the
  role lacks it.
- :func:`acting` (a dependency for ``POST``) checks the sign-in, the form's CSRF token
  (``csrf`` field, compared in constant time with the session's; a form from another
  origin is refused too) and the permission, in that order, before the route runs.
- :func:`render` fills a template with the navigation, the form token and the
  language; templates are autoescaped, so text from the database is shown, never run.
"""

from __future__ import annotations

import datetime as dt
import secrets
import urllib.parse
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import BackgroundTasks, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from headoffice.console import staff
from headoffice.console.i18n import LANGUAGES, translator
from headoffice.console.roles import role_label
from headoffice.console.staff import SignedIn
from headoffice.console.words import (
    WORD_TABLES,
    audit_detail,
    customer_state,
    import_problem,
    in_words,
    refusal_text,
    terms_problem,
)
from headoffice.db import Database
from headoffice.lull import lull_of

PREFIX = "/console"
SESSION_COOKIE = "loket_console"
CSRF_COOKIE = "loket_csrf"  # before sign-in: the sign-in form's token
LANG_COOKIE = "loket_lang"
MAX_UPLOAD = 20 * 1024 * 1024  # a file read up to one byte more is refused as too large
HERE = Path(__file__).parent
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
                               "style-src 'self'; script-src 'self'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
}


@dataclass(frozen=True)
class NavEntry:
    path: str
    label: str  # in Bahasa Indonesia; translated when shown
    permission: str


# The navigation, in this order; each entry shows only to roles with its permission.
NAV: list[NavEntry] = [
    NavEntry(f"{PREFIX}/evaluation", "Evaluasi program", "evaluation.view"),
    NavEntry(f"{PREFIX}/change-requests", "Permintaan perubahan", "change_requests.view"),
    NavEntry(f"{PREFIX}/exceptions", "Pengecualian", "exceptions.view"),
    NavEntry(f"{PREFIX}/reconciliation", "Rekonsiliasi", "reconciliation.view"),
    NavEntry(f"{PREFIX}/customers", "Pelanggan", "customers.view"),
    NavEntry(f"{PREFIX}/outreach", "Undangan & pengingat", "outreach.view"),
    NavEntry(f"{PREFIX}/counters", "Loket", "counters.view"),
    NavEntry(f"{PREFIX}/terms", "Ketentuan & impor", "terms.view"),
    NavEntry(f"{PREFIX}/staff", "Staf", "staff.view"),
    NavEntry(f"{PREFIX}/audit", "Jejak audit", "audit.view"),
]


class SignInRequired(Exception):
    """No live session: the browser goes to the sign-in page (and back after it)."""


class Forbidden(Exception):
    """The role lacks the permission: a 403 page."""


class CsrfRefused(Exception):
    """The form's token is missing or wrong, or it came from another origin: 403."""


@dataclass(frozen=True)
class Action:
    """A checked form: who sends it, its text fields and its files (bytes)."""

    who: SignedIn
    fields: dict[str, str]
    files: dict[str, bytes] = field(default_factory=dict)
    file_names: dict[str, str] = field(default_factory=dict)

    def text(self, name: str, limit: int = 400) -> str:
        return self.fields.get(name, "").strip()[:limit]


def database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def _session(request: Request) -> SignedIn:
    with database(request).writing() as session:
        who = staff.session_for(session, request.cookies.get(SESSION_COOKIE))
    if who is None:
        raise SignInRequired
    return who


def signed_in_or_none(request: Request) -> SignedIn | None:
    """Who is signed in, if anyone (an error page shows them the menu)."""
    try:
        return _session(request)
    except SignInRequired:
        return None


def viewer(request: Request) -> SignedIn:
    """The signed-in staff member (else the sign-in page)."""
    return _session(request)


def viewer_with(permission: str) -> Any:
    """A dependency: the signed-in staff member, whose role has ``permission`` (else 403)."""
    def check(request: Request) -> SignedIn:
        who = _session(request)
        if permission not in who.permissions:
            raise Forbidden(permission)
        return who
    return Depends(check)


def acting(permission: str | None) -> Any:
    """A dependency for a form post: signed in, a valid CSRF token, ``permission``. Once
    the decision is answered, what changes with head office's data (figures, branch
    snapshots) is made again in the background (``lull.py``)."""
    async def check(request: Request, later: BackgroundTasks) -> Action:
        who = await run_in_threadpool(_session, request)
        fields, files, names = await _read_form(request)
        _check_csrf(request, fields, who.csrf_token)
        if permission is not None and permission not in who.permissions:
            raise Forbidden(permission)
        later.add_task(lull_of(request).changed)
        return Action(who, fields, files, names)
    return Depends(check)


async def anonymous_form(request: Request) -> dict[str, str]:
    """The sign-in form's fields, its token checked against the pre-sign-in cookie."""
    fields, _files, _names = await _read_form(request)
    _check_csrf(request, fields, request.cookies.get(CSRF_COOKIE, ""))
    return fields


async def _read_form(request: Request) -> tuple[dict[str, str], dict[str, bytes],
                                                  dict[str, str]]:
    form = await request.form(max_part_size=MAX_UPLOAD)
    fields: dict[str, str] = {}
    files: dict[str, bytes] = {}
    names: dict[str, str] = {}
    try:
        for key, value in form.multi_items():
            if isinstance(value, UploadFile):
                files[key] = await value.read(MAX_UPLOAD + 1)
                names[key] = value.filename or ""
            else:
                fields[key] = value
    finally:
        await form.close()  # the uploads' temporary files
    return fields, files, names


def _check_csrf(request: Request, fields: dict[str, str], expected: str) -> None:
    """The form's token, and where it came from: an ``Origin`` of another site is
    refused; under TLS a form without ``Origin`` needs a ``Referer`` of this site (as
    Django does, so a man in the middle of plain HTTP cannot plant a form)."""
    host = request.headers.get("host", "")
    origin = request.headers.get("origin")
    if origin is not None:
        if origin == "null" or urllib.parse.urlsplit(origin).netloc != host:
            raise CsrfRefused
    elif request.url.scheme == "https":
        referer = request.headers.get("referer", "")
        if urllib.parse.urlsplit(referer).netloc != host:
            raise CsrfRefused
    given = fields.get("csrf", "")
    if not expected or not given or not secrets.compare_digest(given.encode(),
                                                               expected.encode()):
        raise CsrfRefused


def language(request: Request) -> str:
    chosen = request.cookies.get(LANG_COOKIE, "id")
    return chosen if chosen in LANGUAGES else "id"


def rupiah(amount: int | None) -> str:
    """``Rp 2.400.000`` (a minus sign before Rp for a negative amount)."""
    if amount is None:
        return "–"
    sign = "−" if amount < 0 else ""
    return f"{sign}Rp {abs(amount):,}".replace(",", ".")


def when(value: dt.datetime | dt.date | None) -> str:
    if value is None:
        return "–"
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    return f"{value:%Y-%m-%d}"


def number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


_env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                   undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
_env.filters.update(rupiah=rupiah, when=when, number=number, role=role_label,
                    customer_state=customer_state)
_env.filters.update({name: in_words(table) for name, table in WORD_TABLES.items()})
_env.filters["audit_detail"] = audit_detail
_env.globals.update(import_problem=import_problem, terms_problem=terms_problem)


def render(request: Request, who: SignedIn | None, template: str, *, status: int = 200,
           title: str = "", **context: Any) -> HTMLResponse:
    """A page: ``template`` with ``context``, the navigation for ``who`` and the form
    token (``csrf``); ``title`` in Bahasa Indonesia (translated)."""
    lang = language(request)
    anon_token = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
    html = _env.get_template(template).render(
        who=who, lang=lang, _=translator(lang), title=title, path=request.url.path,
        nav=[n for n in NAV if who is not None and n.permission in who.permissions],
        csrf=who.csrf_token if who is not None else anon_token, prefix=PREFIX,
        query=request.query_params, refusal_text=refusal_text, **context)
    response = HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)
    if who is None and CSRF_COOKIE not in request.cookies:
        set_cookie(request, response, CSRF_COOKIE, anon_token)
    return response


def set_cookie(request: Request, response: Response, name: str, value: str,
               max_age: int | None = None) -> None:
    """HttpOnly, SameSite=Strict, Secure under TLS, for the console's paths only."""
    response.set_cookie(name, value, max_age=max_age, path=PREFIX, httponly=True,
                        samesite="strict", secure=request.url.scheme == "https")


def back_to(path: str, **query: str | int) -> RedirectResponse:
    """After a form: see the page again (``done`` etc. say what happened)."""
    suffix = f"?{urllib.parse.urlencode(query)}" if query else ""
    return RedirectResponse(f"{path}{suffix}", status_code=303)


def safe_next(target: str) -> str:
    """Only a path of the console: never another site."""
    if target.startswith(f"{PREFIX}/") and not target.startswith("//") and "\\" not in target:
        return target
    return f"{PREFIX}/"


def error_handlers() -> dict[type[Exception], Callable[[Request, Exception],
                                                        Awaitable[Response]]]:
    async def sign_in_first(request: Request, _exc: Exception) -> Response:
        target = request.url.path if request.method == "GET" else f"{PREFIX}/"
        response = RedirectResponse(
            f"{PREFIX}/signin?{urllib.parse.urlencode({'next': target})}", status_code=303)
        if SESSION_COOKIE in request.cookies:
            response.delete_cookie(SESSION_COOKIE, path=PREFIX)
        return response

    async def forbidden(request: Request, _exc: Exception) -> Response:
        who = await run_in_threadpool(_session, request)
        return render(request, who, "error.html", status=403, title="Tidak diizinkan",
                      reason="forbidden")

    async def csrf(request: Request, _exc: Exception) -> Response:
        return render(request, None, "error.html", status=403, title="Formulir ditolak",
                      reason="csrf")

    return {SignInRequired: sign_in_first, Forbidden: forbidden, CsrfRefused: csrf}
