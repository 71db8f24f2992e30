"""The head-office HTTP API (FastAPI): registration, push, pull, reconciliation.

``create_app(database_url)`` builds the app over one database. Routes are plain
functions (run in the server's thread pool); refusals are ``ApiError``s turned into
``{"error", "message", ...}`` bodies. See ``docs/sync-protocol.md``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Depends, FastAPI, Header, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.exc import DataError, OperationalError
from starlette.exceptions import HTTPException

from headoffice import SUPPORTED_PROTOCOLS, anchors, counters, reconcile, snapshot
from headoffice import lull as lulls
from headoffice.auth import attempt_registration, authenticate
from headoffice.console.app import install as install_console
from headoffice.db import Database, current_epoch, local_today
from headoffice.errors import ApiError, unauthorised, wrong_branch
from headoffice.evaluation import service as evaluation_service
from headoffice.evaluation.cache import remake_after_change
from headoffice.lull import Lull, lull_of
from headoffice.models import Device
from headoffice.outreach import audience
from headoffice.pull import DEFAULT_LIMIT, MAX_LIMIT, pull
from headoffice.push import IncomingEvent, Sender, push
from headoffice.rate_limit import client_key
from headoffice.schemas import (
    MAX_SEQ,
    DayTotalBody,
    DifferenceBody,
    ErrorBody,
    HealthResponse,
    PullResponse,
    PushRequest,
    PushResponse,
    ReconcileReportRequest,
    ReconcileReportResponse,
    ReconcileResponse,
    RegisterRequest,
    RegisterResponse,
    SnapshotResponse,
)
from headoffice.selfcheck.page import install as install_selfcheck
from headoffice.snapshot_ahead import snapshots
from headoffice.transport import PROTOCOL_HEADER, SyncRoute

_bearer = HTTPBearer(auto_error=False, description="the device token from registration")
# Described in words of our own: the standard phrases differ between Python releases
# (413 is "Content Too Large" and 416 "Range Not Satisfiable" from 3.13 on), and the
# published document must not.
_ERROR_DESCRIPTIONS = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
                       413: "Request body too large", 426: "Upgrade Required"}
_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in _ERROR_DESCRIPTIONS.items()}


def _protocol(version: Annotated[str, Header(alias=PROTOCOL_HEADER,
                                             description="sync protocol version: 1")]) -> str:
    return version  # already checked by SyncRoute (426 when unsupported)


def _db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def _device(request: Request, credentials: Annotated[
        HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> Device:
    with _db(request).reading() as session:
        return authenticate(session, credentials.credentials if credentials else None)


DbDep = Annotated[Database, Depends(_db)]
DeviceDep = Annotated[Device, Depends(_device)]
router = APIRouter(prefix="/api/v1", route_class=SyncRoute, dependencies=[Depends(_protocol)],
                   responses=_ERRORS)


@router.post("/devices/register", response_model=RegisterResponse,
             responses={429: {"model": ErrorBody, "description": "too many refused "
                              "registrations from this address (Retry-After)"}})
def register(body: RegisterRequest, db: DbDep, request: Request,
             later: BackgroundTasks) -> RegisterResponse:
    """Exchange a one-time code for the device token (refusals are limited per address)."""
    address = client_key(request.client.host if request.client else None)
    with db.writing() as session:
        done = attempt_registration(session, address, body.code, body.device_id, body.branch,
                                    body.counter, public_key=body.public_key,
                                    attempt_key=body.attempt_key)
    if isinstance(done, ApiError):
        raise done  # the refusal is recorded (committed) before it is answered
    later.add_task(lull_of(request).wanted)  # a new branch's snapshot, before its first pull
    return RegisterResponse(token=done.token, branch=done.branch, counter=done.counter,
                            epoch=done.epoch, acked_through=done.acked_through)


@router.post("/push", response_model=PushResponse, responses={409: {"model": ErrorBody}})
def push_events(body: PushRequest, db: DbDep, device: DeviceDep, request: Request,
                later: BackgroundTasks) -> PushResponse:
    """Apply a batch of outbox events (one transaction, idempotent by event id)."""
    if body.device_id != device.id:
        raise unauthorised(f"this token belongs to device {device.id}, not {body.device_id}")
    audit = None if body.audit is None else anchors.ChainHead(**body.audit.model_dump())
    batch = push(db, device.id, body.branch, [
        IncomingEvent(e.id, e.seq, e.type, e.created_at, e.payload) for e in body.events],
        Sender(audit, noted=True))  # one transaction: the events, the chain head, the sync
    later.add_task(lull_of(request).changed)  # the console's figures, in the pushes' lull
    return PushResponse.model_validate(
        {"results": [vars(r) for r in batch.results], "acked_through": batch.acked_through,
         "audit": None if batch.audit is None else vars(batch.audit)})


@router.get("/pull", response_model=PullResponse, responses={410: {"model": ErrorBody}})
def pull_changes(db: DbDep, device: DeviceDep, cursor: Annotated[str, Query(max_length=80)] = "",
                 limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT
                 ) -> PullResponse:
    """The next page of master-data changes after ``cursor`` (empty: from the start)."""
    with db.reading() as session:
        page = pull(session, device, cursor, limit)
    counters.note_sync(db, device, "pull")
    return PullResponse.model_validate(vars(page))


@router.get("/snapshot", response_model=SnapshotResponse)
def snapshot_offer(db: DbDep, device: DeviceDep, request: Request, later: BackgroundTasks,
                   have: Annotated[str, Query(max_length=64)] = "") -> SnapshotResponse:
    """The branch snapshot a counter's first pull should fetch (``have``: the one it
    began downloading, while head office keeps it): the newest kept of the current epoch
    (the counter pages the rest from its cursor), made anew in the background once
    stale; built while the counter waits only when the branch has none."""
    offer, stale = snapshots().current(db, device.branch_code, have)
    if stale:
        later.add_task(lull_of(request).wanted)
    return SnapshotResponse(id=offer.id, epoch=offer.epoch, cursor=offer.cursor,
                            size=offer.size, changes=offer.changes,
                            created_at=offer.created_at)


@router.get("/snapshot/{snapshot_id}", response_class=Response,
            responses={206: {"content": {"application/octet-stream": {}},
                             "description": "Partial Content"},
                       200: {"content": {"application/octet-stream": {}},
                             "description": "The snapshot file"},
                       404: {"model": ErrorBody, "description": "No such snapshot"},
                       416: {"model": ErrorBody, "description": "Range beyond the file"}})
def snapshot_file(snapshot_id: Annotated[str, Path(max_length=64)], db: DbDep,
                  device: DeviceDep, range_: Annotated[str | None, Header(alias="Range")] = None
                  ) -> Response:
    """The snapshot file (LZMA JSON), whole or from the byte a ``Range`` header names."""
    start, end = snapshot.parse_range(range_)
    found = snapshot.read_part(db, device.branch_code, snapshot_id, start, end)
    if found is None:
        raise ApiError(404, "snapshot_gone", "head office no longer keeps this snapshot; "
                       "ask for the current one")
    data, size = found
    if start >= size and size:
        raise ApiError(416, "bad_range", f"the snapshot has {size} bytes", size=size)
    headers = {"Accept-Ranges": "bytes", "ETag": f'"{snapshot_id}"'}
    if range_ is None:
        return Response(data, media_type="application/octet-stream", headers=headers)
    headers["Content-Range"] = f"bytes {start}-{start + len(data) - 1}/{size}"
    return Response(data, status_code=206, media_type="application/octet-stream",
                    headers=headers)


@router.get("/reconcile", response_model=ReconcileResponse)
def reconcile_figures(db: DbDep, device: DeviceDep, device_id: Annotated[str, Query(max_length=36)],
                      through_seq: Annotated[int, Query(ge=0, le=MAX_SEQ)]) -> ReconcileResponse:
    """Head office's counts and sums of a device's events with ``seq <= through_seq``."""
    with db.reading() as session:
        other = session.get(Device, device_id)
        if other is not None and other.branch_code != device.branch_code:
            raise wrong_branch(f"device {device_id} belongs to another branch")
        days = reconcile.device_totals(session, device_id, through_seq)
    return ReconcileResponse(device_id=device_id, through_seq=through_seq,
                             days=[DayTotalBody.model_validate(vars(d)) for d in days])


@router.post("/reconcile", response_model=ReconcileReportResponse)
def report_figures(body: ReconcileReportRequest, db: DbDep,
                   device: DeviceDep) -> ReconcileReportResponse:
    """The branch reports its own figures; head office keeps them and says what differs."""
    if body.device_id != device.id:
        raise unauthorised(f"this token belongs to device {device.id}, not {body.device_id}")
    days = [reconcile.DayTotal(d.business_date, d.type, d.status, d.count, d.amount)
            for d in body.days]
    with db.writing() as session:
        stored = session.get(Device, device.id)
        assert stored is not None
        differences = reconcile.store_report(session, stored, body.through_seq, days)
        ours = reconcile.device_totals(session, device.id, body.through_seq)
    return ReconcileReportResponse(
        matches=not differences, days=[DayTotalBody.model_validate(vars(d)) for d in ours],
        differences=[DifferenceBody(
            business_date=d.business_date, type=d.type, status=d.status,
            head_office_count=d.head_office[0], head_office_amount=d.head_office[1],
            branch_count=d.branch[0], branch_amount=d.branch[1]) for d in differences])


health_router = APIRouter(prefix="/api/v1")


@health_router.get("/health", response_model=HealthResponse)
def health(db: DbDep) -> HealthResponse:
    """Is head office up, which protocol versions does it speak (no token needed)."""
    with db.reading() as session:
        return HealthResponse(status="ok", protocol=list(SUPPORTED_PROTOCOLS),
                              epoch=current_epoch(session))


def _make_ahead(db: Database, done: threading.Event) -> None:
    """What a new counter's first pull and the console's first views need, made while the
    server starts: each branch's snapshot, the programme evaluation and the invitation
    list (minutes of work at 200,000 customers)."""
    try:
        snapshots().make_ahead(db)
        evaluation_service.make_ahead(db)
        audience.make_ahead(db, local_today())
    except Exception:  # the page makes it when first viewed; serving is not concerned
        logging.getLogger(__name__).exception("making the snapshots and figures ahead failed")
    finally:
        done.set()


def create_app(database_url: str, *, prepare: bool = True, make_ahead: bool = False,
               in_lulls: bool = False) -> FastAPI:
    """The API over ``database_url``; ``prepare`` upgrades its schema to the newest
    (refusing a newer one: ``SchemaRefused``) and makes the first epoch. With
    ``make_ahead`` (``loket-headoffice serve``) the branch snapshots and the console's
    evaluation and invitation list are made in the background as the server starts, so
    even the first counter or page view after a start finds them made
    (``app.state.made_ahead`` is set once they are). With ``in_lulls`` (``serve`` too)
    what a change sets off is made in the lull of the changes, on a thread of its own
    (``headoffice/lull.py``), else as each change is answered."""
    db = Database(database_url)
    if prepare:
        try:
            db.create_tables()
        except BaseException:
            db.dispose()  # e.g. a newer schema: refused, and no connection left open
            raise

    made_ahead = threading.Event()
    lull = Lull(lambda: remake_after_change(db), quiet=lulls.QUIET if in_lulls else None,
                name="remake-after-change")

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if make_ahead:
            threading.Thread(target=_make_ahead, args=(db, made_ahead), daemon=True,
                             name="console-make-ahead").start()
        yield
        lull.close()  # no work of its outlives the database
        db.dispose()

    app = FastAPI(title="Loket head office", version="1",
                  description="Branch ↔ head office sync protocol, version 1 "
                              "(docs/sync-protocol.md).", lifespan=lifespan)
    app.state.db = db
    app.state.made_ahead = made_ahead
    app.state.lull = lull
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.include_router(router)
    app.include_router(health_router)
    _install_error_handlers(app)
    install_console(app)
    install_selfcheck(app)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document without its 422 answers: this API answers 400 ``bad_body``."""
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version,
                             description=app.description, routes=app.routes)
        for path in schema["paths"].values():
            for operation in path.values():
                operation.get("responses", {}).pop("422", None)
        for name in ("HTTPValidationError", "ValidationError"):
            schema.get("components", {}).get("schemas", {}).pop(name, None)
        app.openapi_schema = schema
    return app.openapi_schema


def _install_error_handlers(app: FastAPI) -> None:
    async def api_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        retry = exc.details.get("retry_after")
        return JSONResponse(exc.body(), status_code=exc.status,
                            headers={"Retry-After": str(retry)} if retry is not None else None)

    async def invalid(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        problems = [f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}"
                    for e in exc.errors()[:10]]
        return JSONResponse({"error": "bad_body", "message": "the request does not follow the "
                             f"protocol: {problems[0] if problems else 'invalid'}",
                             "problems": problems}, status_code=400)

    async def http_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        codes = {400: "bad_body", 404: "not_found", 405: "method_not_allowed"}
        return JSONResponse({"error": codes.get(exc.status_code, "http_error"),
                             "message": str(exc.detail)}, status_code=exc.status_code,
                            headers=exc.headers)

    async def busy(_request: Request, _exc: Exception) -> JSONResponse:
        return JSONResponse({"error": "unavailable", "message": "the head-office database is "
                             "busy or unreachable; try again shortly"}, status_code=503)

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(HTTPException, http_error)
    async def unfit(_request: Request, _exc: Exception) -> JSONResponse:
        return JSONResponse({"error": "bad_body", "message": "a value does not fit head "
                             "office's records (too long or too large); nothing was applied"},
                            status_code=400)

    app.add_exception_handler(OperationalError, busy)
    app.add_exception_handler(DataError, unfit)
