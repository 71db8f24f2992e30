"""The console's pages: one module per area, each with a ``router`` (see ``README.md``
of the console for adding a page)."""

from __future__ import annotations

from fastapi import APIRouter

from headoffice.console.pages import (
    audit_trail,
    change_requests,
    counters,
    customers,
    evaluation,
    exceptions,
    home,
    outreach,
    outreach_setup,
    reconciliation,
    signin,
    staff_users,
    terms,
)

ROUTERS: list[APIRouter] = [
    signin.router, home.router, evaluation.router, change_requests.router, exceptions.router,
    reconciliation.router, customers.router, counters.router, staff_users.router,
    audit_trail.router, terms.router, outreach.router, outreach_setup.router,
]
