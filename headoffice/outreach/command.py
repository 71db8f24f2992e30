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

from headoffice.cli_commands import Refusal, opened
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


def add_commands(add: AddParser, parent: Any, usage: Handler) -> None:
    """The ``outreach`` subcommands, added with the CLI's own ``add``."""
    sub = add("outreach", usage, "invitations, reminders and overdue notices to customers",
              parent).add_subparsers(dest="action", required=True)
    p = add("invitations", invitations, "invite every customer the programme finds eligible "
            "today (a dry run unless --send or --export-csv)", sub)
    p.add_argument("--programme", metavar="CODE", help="default: the programme open today")
    _audience_options(p)
    p = add("reminders", reminders, "remind plan holders of instalments due soon", sub)
    p.add_argument("--due-within", type=int, required=True, metavar="DAYS")
    _audience_options(p)
    _audience_options(add("overdue", overdue, "notices of instalments past due, before the "
                          "plan is broken", sub))
    p = add("opt-out", opt_out, "never contact this customer again", sub)
    p.add_argument("connection_no")
    p.add_argument("--note", default="")
    add("opt-in", opt_in, "the customer may be contacted again", sub).add_argument(
        "connection_no")
    add("opt-outs", list_opt_outs, "the customers who asked not to be contacted", sub)
    p = add("log", show_log, "the messages made, newest first, with the gateway's answers", sub)
    p.add_argument("--kind", choices=templates.KINDS)
    p.add_argument("--state", choices=("sending", "sent", "failed", "exported", "stopped"))
    p.add_argument("--customer", metavar="CONNECTION_NO")
    p.add_argument("--limit", type=int, default=records.PAGE)
    p = add("invalid-phones", invalid_phones, "customers whose phone is not a mobile number",
            sub)
    p.add_argument("--include-missing", action="store_true", help="also those with none")
    p = add("template", show_template, "show a template, or save a new version from FILE", sub)
    p.add_argument("kind", choices=templates.KINDS)
    p.add_argument("--set", type=Path, metavar="FILE", help="a UTF-8 text file")
    gateway = add("gateway", usage, "the HTTP gateway", sub).add_subparsers(
        dest="gateway_action", required=True)
    p = add("set", set_gateway, "the gateway's URL, payload template and auth header",
            gateway)
    p.add_argument("--url", required=True)
    p.add_argument("--payload", required=True,
                   help='JSON with {phone} or {phone_digits}, {text}, {message_id}, e.g. '
                        '\'{"to": "{phone_digits}", "message": "{text}"}\'')
    p.add_argument("--auth-header", default="", help="e.g. Authorization")
    p.add_argument("--auth-value", default="", help='e.g. "Bearer {credential}"')
    p.add_argument("--timeout", type=int, default=10, metavar="SECONDS")
    add("credential", set_credential, "keep the gateway's credential (read from standard "
        "input) in the credential store", gateway)
    add("show", show_gateway, "the gateway's settings", gateway)


def _audience_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--branch", help="only customers of this branch office")
    p.add_argument("--kelurahan")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--send", action="store_true", help="send through the gateway")
    how.add_argument("--export-csv", type=Path, metavar="FILE",
                     help="write a CSV with WhatsApp click-to-chat links")


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
    with opened(args) as db:
        with db.reading() as session:
            found = find(session)
            planned = sending.preview(session, found)
            settings = load_settings(session) if args.send else None
        for bad in found.invalid:
            print(f"invalid phone: {bad.connection_no} {bad.name}: {bad.phone.raw!r} "
                  f"({bad.phone.problem})", file=sys.stderr)
        by = _operator()
        if args.send:
            if settings is None:
                raise Refusal("no gateway is set up; see: outreach gateway set")
            done = sending.send(db, found, HttpGateway(settings), by)
            with db.writing() as session:
                audit.record(session, by, f"outreach.{found.kind}", f"{done.sent} sent",
                             f"{done.failed} failed, {done.skipped} already sent, "
                             f"{done.invalid} invalid phones, {done.opted_out} opted out")
            print(f"{found.kind}: {done.sent} sent, {done.failed} failed (retried at the next "
                  f"run), {done.skipped} already sent today, {done.invalid} invalid phone(s), "
                  f"{done.opted_out} opted out")
            return 1 if done.failed else 0
        if args.export_csv:
            count = sending.export_csv(db, found, args.export_csv, by)
            with db.writing() as session:
                audit.record(session, by, f"outreach.{found.kind}.csv", args.export_csv.name,
                             f"{count} messages exported")
            print(f"{found.kind}: {count} message(s) written to {args.export_csv}; "
                  f"{len(found.invalid)} invalid phone(s), {found.opted_out} opted out")
            return 0
    for p in planned:
        mark = {"done": "already sent today", "retry": "retry"}.get(p.status, "new")
        print(f"{p.draft.connection_no} {p.draft.phone.number} [{mark}] {p.text}")
    print(f"dry run: {len(planned)} {found.kind} message(s) (template version "
          f"{planned[0].template_version if planned else '-'}), {len(found.invalid)} invalid "
          f"phone(s), {found.opted_out} opted out; nothing sent (use --send or --export-csv)",
          file=sys.stderr)
    return 0


def opt_out(args: argparse.Namespace) -> int:
    with opened(args) as db, db.writing() as session:
        done = records.opt_out(session, args.connection_no, _operator(), args.note)
        audit.record(session, _operator(), "outreach.opt_out", done.connection_no, done.note)
    print(f"{done.connection_no} ({done.name}) will not be contacted")
    return 0


def opt_in(args: argparse.Namespace) -> int:
    with opened(args) as db, db.writing() as session:
        if not records.opt_in(session, args.connection_no):
            raise Refusal(f"{args.connection_no} had not opted out")
        audit.record(session, _operator(), "outreach.opt_in", args.connection_no.strip())
    print(f"{args.connection_no.strip()} may be contacted again")
    return 0


def list_opt_outs(args: argparse.Namespace) -> int:
    with opened(args) as db, db.reading() as session:
        rows = records.opt_outs(session)
    for r in rows:
        print(f"{r.connection_no} {r.name} since {r.at:%Y-%m-%d} by {r.by}: {r.note or '-'}")
    print(f"{len(rows)} customer(s) opted out", file=sys.stderr)
    return 0


def show_log(args: argparse.Namespace) -> int:
    with opened(args) as db, db.reading() as session:
        rows = records.log(session, kind=args.kind, state=args.state,
                           connection_no=args.customer, limit=max(1, args.limit))
    for r in rows:
        print(f"#{r.id} {r.updated_at:%Y-%m-%d %H:%M} {r.kind} {r.connection_no} {r.phone} "
              f"[{r.state} via {r.channel}, {r.attempts} attempt(s)] template v"
              f"{r.template_version} {r.last_answer or ''}".rstrip())
        print(f"    {r.body}")
    print(f"{len(rows)} message(s)", file=sys.stderr)
    return 0


def invalid_phones(args: argparse.Namespace) -> int:
    with opened(args) as db, db.reading() as session:
        rows = records.invalid_phones(session, include_missing=args.include_missing)
    for r in rows:
        print(f"{r.connection_no} {r.name} ({r.kelurahan}): {r.phone!r} — {r.problem}")
    print(f"{len(rows)} customer(s) without a usable mobile number", file=sys.stderr)
    return 0


def show_template(args: argparse.Namespace) -> int:
    with opened(args) as db, db.writing() as session:
        if args.set is not None:
            try:
                body = args.set.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise Refusal(f"cannot read {args.set}: {exc}") from exc
            try:
                saved = templates.save(session, args.kind, body, _operator())
            except templates.TemplateRefused as exc:
                raise Refusal(f"template refused: {exc}") from exc
            audit.record(session, _operator(), "outreach.template", args.kind,
                         f"version {saved.version}")
            print(f"{args.kind} template version {saved.version} saved")
            return 0
        shown = templates.current(session, args.kind)
    print(shown.body)
    print(f"{args.kind} template version {shown.version}; placeholders: "
          + ", ".join(f"{{{n}}}" for n in templates.PLACEHOLDERS[args.kind]), file=sys.stderr)
    return 0


def set_gateway(args: argparse.Namespace) -> int:
    settings = GatewaySettings(args.url, args.payload, args.auth_header, args.auth_value,
                               args.timeout)
    with opened(args) as db, db.writing() as session:
        save_settings(session, settings, _operator())
        audit.record(session, _operator(), "outreach.gateway", args.url[:80])
    print(f"gateway set: POST {args.url}")
    return 0


def set_credential(args: argparse.Namespace) -> int:
    secret = (getpass.getpass("credential: ") if sys.stdin.isatty()
              else sys.stdin.readline().rstrip("\r\n"))
    try:
        save_credential(secret)
    except GatewayRefused as exc:
        raise Refusal(str(exc)) from exc
    print("the gateway's credential is kept in the credential store")
    return 0


def show_gateway(args: argparse.Namespace) -> int:
    with opened(args) as db, db.reading() as session:
        settings = load_settings(session)
    if settings is None:
        raise Refusal("no gateway is set up; see: outreach gateway set")
    print(f"url: {settings.url}\npayload: {settings.payload}\n"
          f"header: {settings.auth_header or '-'}: {settings.auth_value or '-'}\n"
          f"timeout: {settings.timeout_seconds} s")
    return 0
