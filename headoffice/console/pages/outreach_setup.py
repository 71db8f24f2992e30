"""Outreach's templates (edit, preview with a real customer's figures, save a version)
and the customers who asked not to be contacted (``outreach/``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from headoffice.console import audit
from headoffice.console.staff import SignedIn
from headoffice.console.web import PREFIX, Action, acting, back_to, database, render, viewer_with
from headoffice.db import local_today
from headoffice.offers import NoProgramme
from headoffice.outreach import audience, records, templates

router = APIRouter()
TEMPLATES = f"{PREFIX}/outreach/templates"
OPT_OUTS = f"{PREFIX}/outreach/opt-outs"


def _kind(text: str) -> str:
    return text if text in templates.KINDS else "invitation"


def _templates_page(request: Request, who: SignedIn, kind: str, *, status: int = 200,
                    **shown: Any) -> Response:
    with database(request).reading() as session:
        current = templates.current(session, kind)
        versions = templates.versions(session, kind)
    context: dict[str, Any] = {"body": current.body, "preview": None, "sample": None,
                               "refusal": "", "connection_no": ""}
    context.update(shown)
    return render(request, who, "outreach_templates.html", status=status,
                  title="Templat pesan", kind=kind, kinds=templates.KINDS, current=current,
                  versions=versions, placeholders=templates.PLACEHOLDERS[kind], **context)


@router.get("/outreach/templates")
def templates_page(request: Request, who: Annotated[SignedIn, viewer_with("outreach.view")],
                   kind: str = "invitation") -> Response:
    return _templates_page(request, who, _kind(kind))


def _sample(request: Request, kind: str, connection_no: str) -> audience.Draft | None:
    """A real customer's figures for the preview: the one asked for, else the first
    customer the message would go to today."""
    on = local_today()
    with database(request).reading() as session:
        if kind == "invitation":
            found = audience.invitations(session, on)
        elif kind == "reminder":
            found = audience.reminders(session, on, audience.MAX_DAYS_AHEAD)
        else:
            found = audience.overdue(session, on)
    drafts = [*found.ready, *found.invalid]
    if connection_no:
        return next((d for d in drafts if d.connection_no == connection_no), None)
    return drafts[0] if drafts else None


@router.post("/outreach/templates/preview")
def preview(request: Request, action: Annotated[Action, acting("outreach.act")]) -> Response:
    kind, body = _kind(action.text("kind", 16)), action.fields.get("body", "")[:2_000]
    number = action.text("connection_no", 20)
    try:
        templates.check(kind, body)
        sample = _sample(request, kind, number)
    except (templates.TemplateRefused, NoProgramme) as exc:
        return _templates_page(request, action.who, kind, status=422, body=body,
                               refusal=str(exc), connection_no=number)
    text = templates.render(body, sample.values) if sample is not None else ""
    return _templates_page(request, action.who, kind, body=body, preview=text, sample=sample,
                           connection_no=number)


@router.post("/outreach/templates/save")
def save(request: Request, action: Annotated[Action, acting("outreach.act")]) -> Response:
    kind, body = _kind(action.text("kind", 16)), action.fields.get("body", "")[:2_000]
    try:
        with database(request).writing() as session:
            saved = templates.save(session, kind, body, action.who.username)
            audit.record(session, action.who.username, "outreach.template", kind,
                         f"version {saved.version}")
    except templates.TemplateRefused as exc:
        return _templates_page(request, action.who, kind, status=422, body=body,
                               refusal=str(exc))
    return back_to(TEMPLATES, kind=kind, done="saved", version=saved.version)


@router.get("/outreach/opt-outs")
def opt_outs_page(request: Request,
                  who: Annotated[SignedIn, viewer_with("outreach.view")]) -> Response:
    return _opt_outs(request, who)


def _opt_outs(request: Request, who: SignedIn, *, status: int = 200,
              refusal: str = "") -> Response:
    with database(request).reading() as session:
        rows = records.opt_outs(session)
    return render(request, who, "outreach_optouts.html", status=status,
                  title="Tidak mau dihubungi", rows=rows, refusal=refusal)


@router.post("/outreach/opt-outs")
def change_opt_out(request: Request,
                   action: Annotated[Action, acting("outreach.act")]) -> Response:
    number, verdict = action.text("connection_no", 20), action.text("verdict", 8)
    by = action.who.username
    try:
        with database(request).writing() as session:
            if verdict == "in":
                if not records.opt_in(session, number):
                    raise LookupError(f"{number} had not opted out")
                audit.record(session, by, "outreach.opt_in", number)
            else:
                done = records.opt_out(session, number, by, action.text("note", 200))
                audit.record(session, by, "outreach.opt_out", number, done.note)
    except (LookupError, ValueError) as exc:
        return _opt_outs(request, action.who, status=409, refusal=str(exc))
    return back_to(OPT_OUTS, done="in" if verdict == "in" else "out", customer=number)
