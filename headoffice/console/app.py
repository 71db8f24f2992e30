"""Mounting the console into the head-office app (same process, same database)."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from headoffice.console import error_pages
from headoffice.console.pages import ROUTERS
from headoffice.console.web import HERE, PREFIX, error_handlers


def install(app: FastAPI) -> None:
    """Add the console's pages, its static files and its refusal pages to ``app``
    (whose ``state.db`` is the head-office database)."""
    for router in ROUTERS:
        app.include_router(router, prefix=PREFIX, include_in_schema=False)
    app.mount(f"{PREFIX}/static", StaticFiles(directory=HERE / "static"), name="console-static")
    for exception, handler in error_handlers().items():
        app.add_exception_handler(exception, handler)
    error_pages.install(app)
