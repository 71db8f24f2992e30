"""The console's home page: what waits for the signed-in role."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, Request
from fastapi.responses import RedirectResponse, Response

from headoffice import overview
from headoffice.console.staff import SignedIn
from headoffice.console.web import PREFIX, database, render, viewer
from headoffice.db import local_today
from headoffice.evaluation import service as evaluation_service
from headoffice.outreach import audience

router = APIRouter()


@router.get("", include_in_schema=False)
def root() -> Response:
    return RedirectResponse(f"{PREFIX}/", status_code=307)


@router.get("/")
def home(request: Request, who: Annotated[SignedIn, Depends(viewer)],
         later: BackgroundTasks) -> Response:
    db = database(request)
    with db.reading() as session:
        waiting = overview.waiting(session)
    # what the role opens next, made once the home page has answered (if not made yet)
    if "evaluation.view" in who.permissions:
        later.add_task(evaluation_service.make_ahead, db)
    if "outreach.view" in who.permissions:
        later.add_task(audience.make_ahead, db, local_today())
    return render(request, who, "home.html", title="Beranda", waiting=waiting)
