"""The head-office audit trail, newest first (``audit.py``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from fastapi.responses import Response

from headoffice.console import audit
from headoffice.console.staff import SignedIn
from headoffice.console.web import database, render, viewer_with

router = APIRouter()


@router.get("/audit")
def audit_page(request: Request, who: Annotated[SignedIn, viewer_with("audit.view")],
               page: int = 0, user: str = "") -> Response:
    with database(request).reading() as session:
        rows, total = audit.entries(session, page=page, username=user[:40] or None)
    return render(request, who, "audit.html", title="Jejak audit", rows=rows, total=total,
                  page=max(page, 0), size=audit.PAGE_SIZE, user=user[:40])
