"""Staff users of the console: list, add, disable (``staff.py``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from fastapi.responses import Response

from headoffice.console import staff
from headoffice.console.i18n import translator
from headoffice.console.roles import ROLES, role_label
from headoffice.console.staff import SignedIn
from headoffice.console.web import (
    PREFIX,
    Action,
    acting,
    back_to,
    database,
    language,
    render,
    viewer_with,
)

router = APIRouter()
PAGE = f"{PREFIX}/staff"


def _page(request: Request, who: SignedIn, *, status: int = 200,
          refusal: str = "") -> Response:
    with database(request).reading() as session:
        rows = staff.list_staff(session)
    return render(request, who, "staff.html", status=status, title="Staf", rows=rows,
                  roles=ROLES, refusal=refusal)


@router.get("/staff")
def staff_page(request: Request,
               who: Annotated[SignedIn, viewer_with("staff.view")]) -> Response:
    return _page(request, who)


@router.post("/staff/add")
def add(request: Request, action: Annotated[Action, acting("staff.act")]) -> Response:
    try:
        with database(request).writing() as session:
            staff.add_staff(session, action.text("username", 40), action.text("role", 24),
                            action.fields.get("password", "")[:200],
                            action.text("full_name", 120), by=action.who.username)
    except ValueError as exc:
        return _page(request, action.who, status=409, refusal=str(exc))
    return back_to(PAGE, done="added")


@router.get("/staff/{username}/disable")
def disable_question(request: Request, username: str,
                     who: Annotated[SignedIn, viewer_with("staff.act")]) -> Response:
    """The step before disabling: who, and what disabling means."""
    return _confirm(request, who, username)


def _confirm(request: Request, who: SignedIn, username: str) -> Response:
    with database(request).reading() as session:
        found = next((s for s in staff.list_staff(session)
                      if s.username == username.strip().lower()), None)
    if found is None or not found.active:
        return back_to(PAGE, done="disabled" if found else "unknown", user=username[:40])
    facts = [("Nama pengguna", found.username), ("Nama lengkap", found.full_name),
             ("Peran", translator(language(request))(role_label(found.role)))]
    return render(request, who, "confirm.html", title="Nonaktifkan staf ini?", kind="disable",
                  facts=facts, action=f"{PAGE}/{found.username}/disable", back=PAGE)


@router.post("/staff/{username}/disable")
def disable(request: Request, username: str,
            action: Annotated[Action, acting("staff.act")]) -> Response:
    if action.text("confirm") != "yes":  # not confirmed yet: ask first
        return _confirm(request, action.who, username[:40])
    try:
        with database(request).writing() as session:
            done = staff.disable_staff(session, username, by=action.who.username)
    except LookupError as exc:
        return _page(request, action.who, status=404, refusal=str(exc))
    return back_to(PAGE, done="disabled", user=done.username)
