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
from headoffice.console.web import (
    PREFIX,
    Action,
    acting,
    back_to,
    database,
    number,
    render,
    viewer_with,
    when,
)

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


@router.get("/counters/{device_id}/revoke")
def revoke_question(request: Request, device_id: str,
                    who: Annotated[SignedIn, viewer_with("counters.act")]) -> Response:
    """The step before revoking: which counter, and what revoking it means."""
    return _confirm(request, who, device_id)


def _confirm(request: Request, who: SignedIn, device_id: str) -> Response:
    with database(request).reading() as session:
        found = next((c for c in counters.counters(session) if c.device_id == device_id), None)
    if found is None or found.revoked:
        return back_to(PAGE, done="revoked" if found else "unknown")
    synced, _kind = found.last_sync
    facts = [("Cabang", found.branch), ("Loket", found.counter), ("Perangkat", found.device_id),
             ("Terdaftar", when(found.registered_at)),
             ("Sinkronisasi terakhir", f"{when(synced)} UTC" if synced else "–"),
             ("Kejadian diterima", number(found.events))]
    return render(request, who, "confirm.html", title="Cabut loket ini?", kind="revoke",
                  facts=facts, action=f"{PAGE}/{device_id}/revoke", back=PAGE)


@router.post("/counters/{device_id}/revoke")
def revoke(request: Request, device_id: str,
           action: Annotated[Action, acting("counters.act")]) -> Response:
    if action.text("confirm") != "yes":  # not confirmed yet: ask first
        return _confirm(request, action.who, device_id[:36])
    try:
        with database(request).writing() as session:
            device = auth.revoke_device(session, device_id[:36])
            named = f"{device.branch_code} {device.counter}"
            audit.record(session, action.who.username, "counter.revoke", named, device.id)
    except LookupError as exc:
        return _page(request, action.who, status=404, refusal=str(exc))
    return back_to(PAGE, done="revoked", counter=named)
