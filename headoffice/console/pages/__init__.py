"""The console's pages: one module per area, each with a ``router`` (see the package's
docstring for adding a page)."""

from __future__ import annotations

from fastapi import APIRouter

from headoffice.console.pages import change_requests, evaluation, home, signin

ROUTERS: list[APIRouter] = [signin.router, home.router, evaluation.router, change_requests.router]
