"""Change requests from the branches: the customer as head office has it beside what
the branch asked; approve or reject with a note (``change_requests.py`` decides)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from fastapi.responses import Response

from headoffice import change_requests, customer_view
from headoffice.console import audit
from headoffice.console.staff import SignedIn
from headoffice.console.web import PREFIX, Action, acting, back_to, database, render, viewer_with

router = APIRouter()
PAGE = f"{PREFIX}/change-requests"


@router.get("/change-requests")
def requests_page(request: Request,
                  who: Annotated[SignedIn, viewer_with("change_requests.view")],
                  state: str = "pending", branch: str = "") -> Response:
    chosen = state if state in change_requests.STATES else None
    with database(request).reading() as session:
        rows = change_requests.list_requests(session, branch[:16] or None, chosen)
        if chosen is None:
            rows.reverse()  # every state: the newest first
        customers = customer_view.rows_of(session, {r.connection_no for r in rows[:200]})
    return render(request, who, "change_requests.html", title="Permintaan perubahan",
                  rows=rows[:200], total=len(rows), state=chosen or "all",
                  branch=branch[:16], refusal=None, customers=customers)


@router.post("/change-requests/{request_id}/decide")
def decide(request: Request, request_id: int,
           action: Annotated[Action, acting("change_requests.act")]) -> Response:
    verdict, note = action.text("verdict"), action.text("note")
    by = action.who.username
    try:
        with database(request).writing() as session:
            if verdict == "approve":
                info = change_requests.approve(session, request_id, by, note=note,
                                               force=action.text("force") == "yes")
            elif verdict == "reject":
                info = change_requests.reject(session, request_id, by, note)
            else:
                raise ValueError("choose approve or reject")
            audit.record(session, by, f"change_request.{verdict}",
                         f"#{info.id} {info.connection_no}",
                         f"{', '.join(info.fields)}; {info.note or '-'}")
    except (ValueError, LookupError) as exc:
        with database(request).reading() as session:
            rows = change_requests.list_requests(session, None, "pending")
            customers = customer_view.rows_of(session, {r.connection_no for r in rows[:200]})
        return render(request, action.who, "change_requests.html", status=409,
                      title="Permintaan perubahan", rows=rows[:200], total=len(rows),
                      state="pending", branch="", refusal=str(exc), refused_id=request_id,
                      customers=customers)
    return back_to(PAGE, done="approved" if verdict == "approve" else "rejected",
                   id=request_id)
