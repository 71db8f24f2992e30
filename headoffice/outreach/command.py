"""``loket-headoffice outreach …``: invitations, reminders and overdue notices (a dry run
by default, ``--send`` through the gateway, ``--export-csv FILE``), opt-outs, the log,
the phone numbers no message can go to, templates and the gateway's settings."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.services.command_line import Words
from headoffice.cli_commands import Refusal, opened
from headoffice.cli_words import service_refusal
from headoffice.console import audit
from headoffice.db import local_today
from headoffice.outreach import audience, records, sending, templates
from headoffice.outreach.gateway import (
    GatewayRefused,
    GatewaySettings,
    HttpGateway,
    load_settings,
    save_credential,
    save_settings,
)

Handler = Callable[[argparse.Namespace], int]
AddParser = Callable[..., argparse.ArgumentParser]


def add_commands(add: AddParser, parent: Any, usage: Handler, w: Words) -> None:
    """The ``outreach`` subcommands, added with the CLI's own ``add``, in ``w``'s words."""
    sub = add("outreach", usage, w("outreach"), parent).add_subparsers(
        dest="action", metavar=w("metavar.action"), required=True)
    p = add("invitations", invitations, w("outreach.invitations"), sub)
    p.add_argument("--programme", metavar="CODE", help=w("outreach.programme"))
    _audience_options(p, w)
    p = add("reminders", reminders, w("outreach.reminders"), sub)
    p.add_argument("--due-within", type=int, required=True, metavar="DAYS")
    _audience_options(p, w)
    _audience_options(add("overdue", overdue, w("outreach.overdue"), sub), w)
    p = add("opt-out", opt_out, w("outreach.opt_out"), sub)
    p.add_argument("connection_no")
    p.add_argument("--note", default="")
    add("opt-in", opt_in, w("outreach.opt_in"), sub).add_argument("connection_no")
    add("opt-outs", list_opt_outs, w("outreach.opt_outs"), sub)
    p = add("log", show_log, w("outreach.log"), sub)
    p.add_argument("--kind", choices=templates.KINDS)
    p.add_argument("--state", choices=("sending", "sent", "failed", "exported", "stopped"))
    p.add_argument("--customer", metavar="CONNECTION_NO")
    p.add_argument("--limit", type=int, default=records.PAGE)
    p = add("invalid-phones", invalid_phones, w("outreach.invalid_phones"), sub)
    p.add_argument("--include-missing", action="store_true", help=w("outreach.include_missing"))
    p = add("template", show_template, w("outreach.template"), sub)
    p.add_argument("kind", choices=templates.KINDS)
    p.add_argument("--set", type=Path, metavar="FILE", help=w("outreach.template_file"))
    gateway = add("gateway", usage, w("outreach.gateway"), sub).add_subparsers(
        dest="gateway_action", metavar=w("metavar.action"), required=True)
    p = add("set", set_gateway, w("outreach.gateway_set"), gateway)
    p.add_argument("--url", required=True)
    p.add_argument("--payload", required=True, help=w("outreach.payload"))
    p.add_argument("--auth-header", default="", help=w("outreach.auth_header"))
    p.add_argument("--auth-value", default="", help=w("outreach.auth_value"))
    p.add_argument("--timeout", type=int, default=10, metavar="SECONDS")
    add("credential", set_credential, w("outreach.credential"), gateway)
    add("show", show_gateway, w("outreach.gateway_show"), gateway)


def _audience_options(p: argparse.ArgumentParser, w: Words) -> None:
    p.add_argument("--branch", help=w("outreach.branch"))
    p.add_argument("--kelurahan")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--send", action="store_true", help=w("outreach.send"))
    how.add_argument("--export-csv", type=Path, metavar="FILE", help=w("outreach.export_csv"))


def _operator() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (OSError, KeyError, ImportError):
        return "cli:head office"


def invitations(args: argparse.Namespace) -> int:
    return _run(args, lambda s: audience.invitations(s, local_today(), args.programme,
                                                     args.branch, args.kelurahan))


def reminders(args: argparse.Namespace) -> int:
    return _run(args, lambda s: audience.reminders(s, local_today(), args.due_within,
                                                   args.branch, args.kelurahan))


def overdue(args: argparse.Namespace) -> int:
    return _run(args, lambda s: audience.overdue(s, local_today(), args.branch,
                                                 args.kelurahan))


def _run(args: argparse.Namespace, find: Callable[[Session], audience.Audience]) -> int:
    w: Words = args.words
    with opened(args) as db:
        with db.reading() as session:
            found = find(session)
            planned = sending.preview(session, found)
            settings = load_settings(session) if args.send else None
        kind = w(f"kind.{found.kind}") if found.kind in templates.KINDS else found.kind
        for bad in found.invalid:
            print(w("outreach.invalid_phone", connection_no=bad.connection_no, name=bad.name,
                    raw=repr(bad.phone.raw), problem=bad.phone.problem), file=sys.stderr)
        by = _operator()
        if args.send:
            if settings is None:
                raise Refusal(w("outreach.no_gateway"))
            done = sending.send(db, found, HttpGateway(settings), by)
            with db.writing() as session:
                audit.record(session, by, f"outreach.{found.kind}", f"{done.sent} sent",
                             f"{done.failed} failed, {done.skipped} already sent, "
                             f"{done.invalid} invalid phones, {done.opted_out} opted out")
            print(w("outreach.sent", kind=kind, sent=done.sent, failed=done.failed,
                    skipped=done.skipped, invalid=done.invalid, opted_out=done.opted_out))
            return 1 if done.failed else 0
        if args.export_csv:
            count = sending.export_csv(db, found, args.export_csv, by)
            with db.writing() as session:
                audit.record(session, by, f"outreach.{found.kind}.csv", args.export_csv.name,
                             f"{count} messages exported")
            print(w("outreach.exported", kind=kind, n=count, path=args.export_csv,
                    invalid=len(found.invalid), opted_out=found.opted_out))
            return 0
    for p in planned:
        mark = w(f"mark.{p.status}" if p.status in ("done", "retry") else "mark.new")
        print(f"{p.draft.connection_no} {p.draft.phone.number} [{mark}] {p.text}")
    print(w("outreach.dry_run", n=len(planned), kind=kind,
            version=planned[0].template_version if planned else "-",
            invalid=len(found.invalid), opted_out=found.opted_out), file=sys.stderr)
    return 0


def opt_out(args: argparse.Namespace) -> int:
    with opened(args) as db, db.writing() as session:
        done = records.opt_out(session, args.connection_no, _operator(), args.note)
        audit.record(session, _operator(), "outreach.opt_out", done.connection_no, done.note)
    print(args.words("outreach.opted_out", connection_no=done.connection_no, name=done.name))
    return 0


def opt_in(args: argparse.Namespace) -> int:
    with opened(args) as db, db.writing() as session:
        if not records.opt_in(session, args.connection_no):
            raise Refusal(args.words("outreach.not_opted_out", connection_no=args.connection_no))
        audit.record(session, _operator(), "outreach.opt_in", args.connection_no.strip())
    print(args.words("outreach.opted_in", connection_no=args.connection_no.strip()))
    return 0


def list_opt_outs(args: argparse.Namespace) -> int:
    with opened(args) as db, db.reading() as session:
        rows = records.opt_outs(session)
    w: Words = args.words
    for r in rows:
        print(w("outreach.opt_out_line", connection_no=r.connection_no, name=r.name,
                day=f"{r.at:%Y-%m-%d}", by=r.by, note=r.note or "-"))
    print(w("outreach.opt_out_count", n=len(rows)), file=sys.stderr)
    return 0


def show_log(args: argparse.Namespace) -> int:
    with opened(args) as db, db.reading() as session:
        rows = records.log(session, kind=args.kind, state=args.state,
                           connection_no=args.customer, limit=max(1, args.limit))
    w: Words = args.words
    for r in rows:
        print(w("outreach.log_line", id=r.id, at=f"{r.updated_at:%Y-%m-%d %H:%M}", kind=r.kind,
                connection_no=r.connection_no, phone=r.phone, state=r.state,
                channel=r.channel, attempts=r.attempts, version=r.template_version,
                answer=r.last_answer or "").rstrip())
        print(f"    {r.body}")
    print(w("outreach.log_count", n=len(rows)), file=sys.stderr)
    return 0


def invalid_phones(args: argparse.Namespace) -> int:
    with opened(args) as db, db.reading() as session:
        rows = records.invalid_phones(session, include_missing=args.include_missing)
    for r in rows:
        print(f"{r.connection_no} {r.name} ({r.kelurahan}): {r.phone!r} — {r.problem}")
    print(args.words("outreach.invalid_count", n=len(rows)), file=sys.stderr)
    return 0


def show_template(args: argparse.Namespace) -> int:
    w: Words = args.words
    with opened(args) as db, db.writing() as session:
        if args.set is not None:
            try:
                body = args.set.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise Refusal(w("outreach.cannot_read", path=args.set, problem=exc)) from exc
            try:
                saved = templates.save(session, args.kind, body, _operator())
            except templates.TemplateRefused as exc:
                raise Refusal(w("outreach.template_refused",
                                problem=service_refusal(exc, w))) from exc
            audit.record(session, _operator(), "outreach.template", args.kind,
                         f"version {saved.version}")
            print(w("outreach.template_saved", kind=args.kind, version=saved.version))
            return 0
        shown = templates.current(session, args.kind)
    print(shown.body)
    print(w("outreach.template_shown", kind=args.kind, version=shown.version,
            placeholders=", ".join(f"{{{n}}}" for n in templates.PLACEHOLDERS[args.kind])),
          file=sys.stderr)
    return 0


def set_gateway(args: argparse.Namespace) -> int:
    settings = GatewaySettings(args.url, args.payload, args.auth_header, args.auth_value,
                               args.timeout)
    with opened(args) as db, db.writing() as session:
        save_settings(session, settings, _operator())
        audit.record(session, _operator(), "outreach.gateway", args.url[:80])
    print(args.words("outreach.gateway_saved", url=args.url))
    return 0


def set_credential(args: argparse.Namespace) -> int:
    secret = (getpass.getpass(args.words("outreach.credential_prompt")) if sys.stdin.isatty()
              else sys.stdin.readline().rstrip("\r\n"))
    try:
        save_credential(secret)
    except GatewayRefused as exc:
        raise Refusal(service_refusal(exc, args.words)) from exc
    print(args.words("outreach.credential_kept"))
    return 0


def show_gateway(args: argparse.Namespace) -> int:
    with opened(args) as db, db.reading() as session:
        settings = load_settings(session)
    if settings is None:
        raise Refusal(args.words("outreach.no_gateway"))
    print(args.words("outreach.gateway_shown", url=settings.url, payload=settings.payload,
                     header=settings.auth_header or "-", value=settings.auth_value or "-",
                     timeout=settings.timeout_seconds))
    return 0
