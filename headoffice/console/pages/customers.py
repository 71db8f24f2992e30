"""Customers: search by connection number, name or address; one customer as head
office has it (``customer_view.py``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from fastapi.responses import Response

from headoffice import customer_view
from headoffice.console.staff import SignedIn
from headoffice.console.web import database, render, viewer_with

router = APIRouter()


@router.get("/customers")
def customers_page(request: Request, who: Annotated[SignedIn, viewer_with("customers.view")],
                   q: str = "") -> Response:
    with database(request).reading() as session:
        rows = customer_view.search(session, q)
    return render(request, who, "customers.html", title="Pelanggan", q=q[:80], rows=rows,
                  limit=customer_view.SEARCH_LIMIT)


@router.get("/customers/{connection_no}")
def customer_page(request: Request, connection_no: str,
                  who: Annotated[SignedIn, viewer_with("customers.view")]) -> Response:
    with database(request).reading() as session:
        found = customer_view.view(session, connection_no)
    if found is None:
        return render(request, who, "customers.html", status=404, title="Pelanggan",
                      q=connection_no[:20], rows=[], limit=customer_view.SEARCH_LIMIT)
    return render(request, who, "customer.html", title="Pelanggan", c=found)
