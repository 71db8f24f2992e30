"""The exceptions queue: rejected events in words, re-apply or resolve with a note;
the credits waiting to be settled (``exception_queue.py``, ``credits.py``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from fastapi.responses import Response

from headoffice import credits, exception_queue
from headoffice.console import audit
from headoffice.console.details import detail_text
from headoffice.console.staff import SignedIn
from headoffice.console.web import PREFIX, Action, acting, back_to, database, render, viewer_with
from headoffice.console.words import EVENT_TYPES, event_text, reason_text

router = APIRouter()
PAGE = f"{PREFIX}/exceptions"


def _page(request: Request, who: SignedIn, *, show_all: bool, status: int = 200,
          refusal: str = "", refused_id: int = 0) -> Response:
    with database(request).reading() as session:
        rows = exception_queue.list_exceptions(session, include_resolved=show_all)
        waiting = credits.credits(session)
    if show_all:
        rows.reverse()
    return render(request, who, "exceptions.html", status=status, title="Pengecualian",
                  rows=rows[:200], total=len(rows), credits=waiting, show_all=show_all,
                  reason_text=reason_text, event_text=event_text,
                  event_types=EVENT_TYPES, detail_text=detail_text, refusal=refusal,
                  refused_id=refused_id)


@router.get("/exceptions")
def exceptions_page(request: Request, who: Annotated[SignedIn, viewer_with("exceptions.view")],
                    all: str = "") -> Response:
    return _page(request, who, show_all=all == "1")


@router.post("/exceptions/{exception_id}/decide")
def decide(request: Request, exception_id: int,
           action: Annotated[Action, acting("exceptions.act")]) -> Response:
    verdict, note, by = action.text("verdict"), action.text("note"), action.who.username
    try:
        with database(request).writing() as session:
            if verdict == "reapply":
                info = exception_queue.reapply(session, exception_id,
                                               note or f"re-applied by {by}")
            elif verdict == "resolve":
                info = exception_queue.resolve(session, exception_id, note)
            else:
                raise ValueError("choose re-apply or resolve")
            audit.record(session, by, f"exception.{verdict}",
                         f"#{info.id} {info.branch} {info.event_type or info.reason}",
                         info.note)
    except (ValueError, LookupError) as exc:
        return _page(request, action.who, show_all=False, status=409, refusal=str(exc),
                     refused_id=exception_id)
    return back_to(PAGE, done=verdict, id=exception_id)
