"""Counters: each branch's counters and their last push, register one (the one-time
code shown once, also as a QR code), revoke one (``auth.py``, ``counters.py``)."""

from __future__ import annotations

from typing import Annotated

import segno
from fastapi import APIRouter, Request
from fastapi.responses import Response

from headoffice import auth, counters, masterdata
from headoffice.console import audit
from headoffice.console.staff import SignedIn
from headoffice.console.web import PREFIX, Action, acting, back_to, database, render, viewer_with

router = APIRouter()
PAGE = f"{PREFIX}/counters"


def _page(request: Request, who: SignedIn, *, status: int = 200, issued: object = None,
          qr: str = "", refusal: str = "") -> Response:
    with database(request).reading() as session:
        rows = counters.counters(session)
        codes = counters.waiting_codes(session)
        branches = [(b.code, b.name) for b in masterdata.list_branches(session)]
    return render(request, who, "counters.html", status=status, title="Loket", rows=rows,
                  codes=codes, branches=branches, issued=issued, qr=qr, refusal=refusal)


@router.get("/counters")
def counters_page(request: Request,
                  who: Annotated[SignedIn, viewer_with("counters.view")]) -> Response:
    return _page(request, who)


@router.post("/counters/register")
def register(request: Request, action: Annotated[Action, acting("counters.act")]) -> Response:
    branch, counter = action.text("branch", 16).upper(), action.text("counter", 16)
    try:
        with database(request).writing() as session:
            issued = auth.issue_code(session, branch, counter)
            audit.record(session, action.who.username, "counter.register",
                         f"{issued.branch} {issued.counter}",
                         f"one-time code valid until {issued.expires_at:%Y-%m-%d %H:%M} UTC")
    except ValueError as exc:
        return _page(request, action.who, status=409, refusal=str(exc))
    qr = segno.make(issued.code.replace("-", ""), error="m").svg_data_uri(scale=4, border=2)
    return _page(request, action.who, issued=issued, qr=qr)


@router.post("/counters/{device_id}/revoke")
def revoke(request: Request, device_id: str,
           action: Annotated[Action, acting("counters.act")]) -> Response:
    try:
        with database(request).writing() as session:
            device = auth.revoke_device(session, device_id[:36])
            audit.record(session, action.who.username, "counter.revoke",
                         f"{device.branch_code} {device.counter}", device.id)
    except LookupError as exc:
        return _page(request, action.who, status=404, refusal=str(exc))
    return back_to(PAGE, done="revoked")
