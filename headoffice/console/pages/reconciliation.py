"""Reconciliation per branch and day, mismatches first (``reconcile.py``)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Request
from fastapi.responses import Response

from headoffice import reconcile
from headoffice.console.staff import SignedIn
from headoffice.console.web import database, render, viewer_with
from headoffice.console.words import EVENT_TYPES, event_text

router = APIRouter()
_ORDER = {"MISMATCH": 0, "not reported": 1}
LINES = 100  # a page a person reads; a branch or a day narrows the rest


@router.get("/reconciliation")
def reconciliation_page(request: Request,
                        who: Annotated[SignedIn, viewer_with("reconciliation.view")],
                        branch: str = "", day: str = "") -> Response:
    try:
        chosen = dt.date.fromisoformat(day) if day else None
    except ValueError:
        chosen = None
    with database(request).reading() as session:
        lines = reconcile.branch_days(session, branch[:16].upper() or None, chosen)
        payments = reconcile.payment_days(session, branch[:16].upper() or None, chosen)
    lines.sort(key=lambda r: (_ORDER.get(r.verdict, 2), r.branch, r.business_date, r.type))
    payments.sort(key=lambda p: (p.business_date, p.branch), reverse=True)
    mismatches = sum(r.verdict == "MISMATCH" for r in lines)
    shown = lines[:max(LINES, mismatches)]  # every mismatch, then the first lines
    return render(request, who, "reconciliation.html", title="Rekonsiliasi", lines=shown,
                  total=len(lines), payments=payments[:200], branch=branch[:16], day=day[:10],
                  mismatches=mismatches, event_text=event_text,
                  event_types=EVENT_TYPES)
