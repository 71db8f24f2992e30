"""Sign-in, sign-out and the language choice."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from headoffice.console import staff
from headoffice.console.i18n import LANGUAGES
from headoffice.console.web import (
    LANG_COOKIE,
    PREFIX,
    SESSION_COOKIE,
    Action,
    acting,
    anonymous_form,
    database,
    render,
    safe_next,
    set_cookie,
)

router = APIRouter()


@router.get("/signin")
def signin_page(request: Request, next: str = "") -> Response:
    return render(request, None, "signin.html", title="Masuk ke konsol",
                  next=safe_next(next), refusal=None, until=None, username="")


@router.post("/signin")
def signin(request: Request,
           fields: Annotated[dict[str, str], Depends(anonymous_form)]) -> Response:
    username = fields.get("username", "")[:40]
    with database(request).writing() as session:
        done = staff.sign_in(session, username, fields.get("password", "")[:200])
    if isinstance(done, staff.SignInRefused):
        return render(request, None, "signin.html", status=401, title="Masuk ke konsol",
                      next=safe_next(fields.get("next", "")), refusal=done.code,
                      until=done.until, username=username)
    response = RedirectResponse(safe_next(fields.get("next", "")), status_code=303)
    set_cookie(request, response, SESSION_COOKIE, done.cookie)
    return response


@router.post("/signout")
def signout(request: Request, _action: Annotated[Action, acting(None)]) -> Response:
    with database(request).writing() as session:
        staff.sign_out(session, request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse(f"{PREFIX}/signin", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path=PREFIX)
    return response


@router.post("/language")
def choose_language(request: Request, action: Annotated[Action, acting(None)]) -> Response:
    return _language(request, action.text("language"), action.text("next", 300))


def _language(request: Request, chosen: str, target: str) -> Response:
    response = RedirectResponse(safe_next(target), status_code=303)
    if chosen in LANGUAGES:
        set_cookie(request, response, LANG_COOKIE, chosen, max_age=365 * 24 * 3600)
    return response


@router.post("/signin-language")
def choose_language_signed_out(
        request: Request, fields: Annotated[dict[str, str], Depends(anonymous_form)]
) -> Response:
    """The language before signing in (the sign-in form's token)."""
    return _language(request, fields.get("language", ""), fields.get("next", "")[:300])
