"""The console's home page: what waits for the signed-in role."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from headoffice import overview
from headoffice.console.staff import SignedIn
from headoffice.console.web import PREFIX, database, render, viewer

router = APIRouter()


@router.get("", include_in_schema=False)
def root() -> Response:
    return RedirectResponse(f"{PREFIX}/", status_code=307)


@router.get("/")
def home(request: Request, who: Annotated[SignedIn, Depends(viewer)]) -> Response:
    with database(request).reading() as session:
        waiting = overview.waiting(session)
    return render(request, who, "home.html", title="Beranda", waiting=waiting)
