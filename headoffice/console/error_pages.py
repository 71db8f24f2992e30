"""The console's own pages for an unknown address (404), a bad address or query (400)
and a server error (500): HTML inside the console, never the API's JSON. Paths outside
``/console`` keep the API's answers."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse, Response
from sqlalchemy.exc import DataError, OperationalError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from headoffice.console.web import PREFIX, render, signed_in_or_none

Handler = Callable[[Request, Exception], Awaitable[Response]]
ApiHandler = Callable[[Request, Any], Response | Awaitable[Response]]
TITLES = {400: "Alamat tidak dapat dibaca", 404: "Halaman tidak ditemukan",
          405: "Halaman tidak ditemukan", 500: "Terjadi kesalahan",
          503: "Basis data sedang sibuk"}
REASONS = {400: "bad_request", 404: "not_found", 405: "not_found", 503: "busy"}


def in_console(request: Request) -> bool:
    path = request.url.path
    return path == PREFIX or path.startswith(f"{PREFIX}/")


async def error_page(request: Request, status: int) -> Response:
    try:
        who = await run_in_threadpool(signed_in_or_none, request)
    except Exception:  # the database itself may be why the page failed
        who = None
    return render(request, who, "error.html", status=status, title=TITLES.get(status, TITLES[500]),
                  reason=REASONS.get(status, "server_error"))


def install(app: FastAPI) -> None:
    """Answer errors under ``/console`` with the console's pages; elsewhere as before."""
    api_http = app.exception_handlers.get(HTTPException)
    api_invalid = app.exception_handlers.get(RequestValidationError)

    def console_first(api: ApiHandler | None, status_of: Callable[[Exception], int]
                      ) -> Handler:
        async def handle(request: Request, exc: Exception) -> Response:
            if in_console(request) or api is None:
                status = status_of(exc)
                return await error_page(request, status if status in TITLES else 404)
            answer = api(request, exc)
            return await answer if inspect.isawaitable(answer) else answer
        return handle

    app.add_exception_handler(HTTPException, console_first(
        api_http, lambda exc: exc.status_code if isinstance(exc, HTTPException) else 500))
    app.add_exception_handler(RequestValidationError, console_first(api_invalid, lambda _e: 400))
    app.add_exception_handler(OperationalError, console_first(
        app.exception_handlers.get(OperationalError), lambda _e: 503))
    app.add_exception_handler(DataError, console_first(
        app.exception_handlers.get(DataError), lambda _e: 400))

    async def server_error(request: Request, _exc: Exception) -> Response:
        # the server logs the error itself (it is raised again after this answer)
        if in_console(request):
            return await error_page(request, 500)
        return PlainTextResponse("Internal Server Error", status_code=500)

    app.add_exception_handler(Exception, server_error)
