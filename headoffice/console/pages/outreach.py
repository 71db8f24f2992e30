"""Outreach: who would be invited, reminded or told of an overdue instalment today,
with their figures and the message; send them through the gateway (``outreach/``)."""

from __future__ import annotations

import dataclasses
import logging
import threading
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import Response

from headoffice.console import audit
from headoffice.console.staff import SignedIn
from headoffice.console.web import PREFIX, Action, acting, back_to, database, render, viewer_with
from headoffice.db import Database, local_today
from headoffice.offers import NoProgramme
from headoffice.outreach import audience, records, sending
from headoffice.outreach.gateway import (
    GatewayRefused,
    Sender,
    configured_gateway,
    load_settings,
)

router = APIRouter()
log = logging.getLogger(__name__)
PAGE = f"{PREFIX}/outreach"
SHOWN = 200
KIND_TITLES = {"invitation": "Undangan", "reminder": "Pengingat jatuh tempo",
               "overdue": "Pemberitahuan terlambat"}


def _find(request: Request, kind: str, due_within: int, branch: str, kelurahan: str,
          later: BackgroundTasks | None = None) -> audience.Audience:
    """Who would get ``kind`` today; invitations as listed before the latest change while
    ``later`` (if given) makes them anew (``Audience.current`` False)."""
    on = local_today()
    db = database(request)
    with db.reading() as session:
        if kind == "reminder":
            return audience.reminders(session, on, due_within, branch or None, kelurahan or None)
        if kind == "overdue":
            return audience.overdue(session, on, branch or None, kelurahan or None)
        if later is None:
            return audience.invitations(session, on, None, branch or None, kelurahan or None)
        kept = audience.newest_invitations(session, db, later.add_task, on, branch or None,
                                           kelurahan or None)
        return dataclasses.replace(kept.value, current=kept.current)


def _filters(kind: str, due_within: str | int, branch: str, kelurahan: str
             ) -> tuple[str, int, str, str]:
    chosen = kind if kind in KIND_TITLES else "invitation"
    try:
        days = min(max(int(due_within), 0), audience.MAX_DAYS_AHEAD)
    except ValueError:
        days = 3
    return chosen, days, branch.strip()[:16].upper(), kelurahan.strip()[:60]


@router.get("/outreach")
def outreach_page(request: Request, who: Annotated[SignedIn, viewer_with("outreach.view")],
                  later: BackgroundTasks, kind: str = "invitation", due_within: str = "3",
                  branch: str = "", kelurahan: str = "") -> Response:
    return _page(request, who, *_filters(kind, due_within, branch, kelurahan), later=later)


def _page(request: Request, who: SignedIn, chosen: str, days: int, branch: str,
          kelurahan: str, *, status: int = 200, refusal: str = "",
          later: BackgroundTasks | None = None) -> Response:
    shown: dict[str, Any] = {"kind": chosen, "due_within": days, "branch": branch,
                             "kelurahan": kelurahan, "kinds": KIND_TITLES, "found": None,
                             "planned": [], "problem": "", "gateway": None,
                             "refusal": refusal}
    try:
        found = _find(request, chosen, days, branch, kelurahan, later)
    except NoProgramme as exc:
        shown["problem"] = str(exc)
    else:
        with database(request).reading() as session:
            shown["planned"] = sending.preview(session, found)
            shown["gateway"] = load_settings(session)
        shown["found"] = found
    return render(request, who, "outreach.html", status=status, title="Undangan & pengingat",
                  shown=SHOWN, **shown)


@router.post("/outreach/send")
def send(request: Request, action: Annotated[Action, acting("outreach.act")]) -> Response:
    kind, days, branch, kelurahan = _filters(action.text("kind", 16),
                                             action.text("due_within", 4) or "3",
                                             action.text("branch", 16),
                                             action.text("kelurahan", 60))
    back: dict[str, str | int] = {"kind": kind, "due_within": days, "branch": branch,
                                  "kelurahan": kelurahan}
    try:
        found = _find(request, kind, days, branch, kelurahan)
        with database(request).reading() as session:
            gateway = configured_gateway(session)
    except (NoProgramme, GatewayRefused) as exc:
        return _page(request, action.who, kind, days, branch, kelurahan, status=409,
                     refusal=str(exc))
    by = action.who.username
    taken = sending.claim(database(request), found, by)
    with database(request).writing() as session:
        audit.record(session, by, f"outreach.{kind}", f"{len(taken.messages)} to send",
                     f"{taken.skipped} already sent today, {taken.invalid} invalid phones, "
                     f"{taken.opted_out} opted out")
    # thousands of messages take minutes: they go out after the answer (see the log)
    threading.Thread(target=_deliver, args=(database(request), taken, gateway),
                     name="outreach-send", daemon=True).start()
    return back_to(PAGE, **back, done="started", count=len(taken.messages),
                   skipped=taken.skipped)


def _deliver(db: Database, taken: sending.Claim, gateway: Sender) -> None:
    try:
        sending.deliver(db, taken, gateway)
    except Exception:  # the messages not reached stay claimed and are retried later
        log.exception("sending %s messages stopped", taken.kind)


@router.get("/outreach/log")
def log_page(request: Request, who: Annotated[SignedIn, viewer_with("outreach.view")],
             kind: str = "", state: str = "", customer: str = "") -> Response:
    with database(request).reading() as session:
        rows = records.log(session, kind=kind[:16] or None, state=state[:16] or None,
                           connection_no=customer[:20] or None)
        totals = records.counts(session)
    return render(request, who, "outreach_log.html", title="Log pesan", rows=rows,
                  totals=totals, kind=kind[:16], state=state[:16], customer=customer[:20],
                  kinds=KIND_TITLES)


@router.get("/outreach/phones")
def phones_page(request: Request,
                who: Annotated[SignedIn, viewer_with("outreach.view")]) -> Response:
    with database(request).reading() as session:
        rows = records.invalid_phones(session)
    return render(request, who, "outreach_phones.html", title="Nomor telepon tidak sah",
                  rows=rows[:1000], total=len(rows))
