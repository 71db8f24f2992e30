"""Staff users of the console: list, add, disable (``staff.py``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from fastapi.responses import Response

from headoffice.console import staff
from headoffice.console.roles import ROLES
from headoffice.console.staff import SignedIn
from headoffice.console.web import PREFIX, Action, acting, back_to, database, render, viewer_with

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


@router.post("/staff/{username}/disable")
def disable(request: Request, username: str,
            action: Annotated[Action, acting("staff.act")]) -> Response:
    try:
        with database(request).writing() as session:
            staff.disable_staff(session, username, by=action.who.username)
    except LookupError as exc:
        return _page(request, action.who, status=404, refusal=str(exc))
    return back_to(PAGE, done="disabled")
