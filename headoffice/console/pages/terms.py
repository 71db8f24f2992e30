"""Terms and imports: the programmes and their versions; publish a terms file after a
preview of what changes; a billing CSV import after a dry run (``publishing.py``)."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from headoffice import publishing
from headoffice.console import audit
from headoffice.console.staff import SignedIn
from headoffice.console.web import PREFIX, Action, acting, back_to, database, render, viewer_with

router = APIRouter()
PAGE = f"{PREFIX}/terms"


def _page(request: Request, who: SignedIn, *, status: int = 200, **shown: Any) -> Response:
    with database(request).reading() as session:
        versions = publishing.programmes(session)
    context: dict[str, Any] = {"terms_preview": None, "import_preview": None, "payload": "",
                               "refusal": ""}
    context.update(shown)
    return render(request, who, "terms.html", status=status, title="Ketentuan & impor",
                  versions=versions, **context)


def _upload(action: Action) -> tuple[str, bytes]:
    """The chosen file, or the previewed one carried back by the confirmation."""
    if action.fields.get("payload"):
        try:
            data = base64.b64decode(action.fields["payload"], validate=True)
        except (binascii.Error, ValueError):
            data = b""
        return action.text("name", 200), data
    return action.file_names.get("file", ""), action.files.get("file", b"")


@router.get("/terms")
def terms_page(request: Request,
               who: Annotated[SignedIn, viewer_with("terms.view")]) -> Response:
    return _page(request, who)


@router.post("/terms/preview")
def preview_terms(request: Request, action: Annotated[Action, acting("terms.act")]) -> Response:
    name, data = _upload(action)
    with database(request).reading() as session:
        preview = publishing.preview_terms(session, name, data)
    return _page(request, action.who, terms_preview=preview,
                 payload=base64.b64encode(data).decode())


@router.post("/terms/publish")
def publish(request: Request, action: Annotated[Action, acting("terms.act")]) -> Response:
    name, data = _upload(action)
    try:
        with database(request).writing() as session:
            done = publishing.publish_terms(session, name, data, action.text("sha256", 64))
            audit.record(session, action.who.username, "terms.publish",
                         f"{done.code} v{done.version}",
                         f"{done.name}; sha256 {done.checksum[:16]}…"
                         + ("" if done.created else " (already published)"))
    except ValueError as exc:
        return _page(request, action.who, status=409, refusal=str(exc))
    return back_to(PAGE, done="published", code=done.code, version=done.version)


@router.post("/imports/preview")
def preview_import(request: Request,
                   action: Annotated[Action, acting("imports.act")]) -> Response:
    name, data = _upload(action)
    preview = publishing.preview_import(database(request), action.text("kind", 16), name, data)
    return _page(request, action.who, import_preview=preview,
                 payload=base64.b64encode(data).decode())


@router.post("/imports/run")
def run_import(request: Request, action: Annotated[Action, acting("imports.act")]) -> Response:
    name, data = _upload(action)
    kind = action.text("kind", 16)
    try:
        with database(request).writing() as session:
            done = publishing.run_import(session, kind, name, data, action.text("sha256", 64))
            audit.record(session, action.who.username, f"import.{done.kind}", done.file[:80],
                         f"{done.rows} rows: {done.created} new, {done.updated} changed, "
                         f"{done.unchanged} unchanged; sha256 {done.sha256[:16]}…")
    except ValueError as exc:
        return _page(request, action.who, status=409, refusal=str(exc))
    return back_to(PAGE, done="imported", rows=done.rows, added=done.created,
                   changed=done.updated)
