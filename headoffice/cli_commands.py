"""The ``loket-headoffice`` commands: each takes the parsed arguments, returns an exit code."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.imports.report_words import said
from headoffice import (
    anchors,
    auth,
    change_requests,
    csv_imports,
    exception_queue,
    ledger,
    masterdata,
)
from headoffice import reconcile as reconciliation
from headoffice.api import create_app
from headoffice.bundle import MAX_MEMBER, BundleRefused, import_bundle
from headoffice.changes import current_enrolment
from headoffice.console import audit, staff
from headoffice.db import Database, start_epoch
from headoffice.models import Customer, Device
from headoffice.serve import make_server

Handler = Callable[[argparse.Namespace], int]
OPENAPI_FILE = Path(__file__).with_name("openapi.json")


class Refusal(Exception):
    """The command was refused; the message says why (exit status 1)."""


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Database]:
    """The database of ``--database-url``, upgraded; a ValueError or LookupError inside
    is a :class:`Refusal`."""
    db = Database(args.database_url)
    try:
        db.create_tables()
        yield db
    except (ValueError, LookupError) as exc:
        raise Refusal(str(exc)) from exc
    finally:
        db.dispose()


@contextmanager
def _writing(args: argparse.Namespace) -> Iterator[Session]:
    with opened(args) as db, db.writing() as session:
        yield session


def usage(_args: argparse.Namespace) -> int:
    return 2


def serve(args: argparse.Namespace) -> int:
    try:
        server = make_server(args.database_url, args.host, args.port, tls_cert=args.tls_cert,
                             tls_key=args.tls_key, make_ahead=True, in_lulls=True)
    except ValueError as exc:
        raise Refusal(str(exc)) from exc
    server.run()
    return 0


def init(args: argparse.Namespace) -> int:
    from headoffice.demo import create_demo  # the demo's generator is only needed here

    with _writing(args) as session:
        if args.demo:
            options: dict[str, Any] = {"seed": args.seed}
            if args.customers is not None:
                options["customers"] = args.customers
            done = create_demo(session, **options)
            print(f"demo head office: {done.branches} branches, {done.customers:,} customers, "
                  f"{done.bills:,} bills, arrears Rp {done.arrears_total:,} "
                  f"({done.seconds:.1f} s)")
    print("head-office database ready")
    return 0


def branch_add(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        masterdata.add_branch(session, args.code, args.name)
    print(f"branch {args.code.upper()} added")
    return 0


def branch_list(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        for branch in masterdata.list_branches(session):
            print(f"{branch.code:6} {branch.name}")
    return 0


def device_register(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        issued = auth.issue_code(session, args.branch.upper(), args.counter)
        _audit(session, "counter.register", f"{issued.branch} {issued.counter}",
               f"one-time code valid until {issued.expires_at:%Y-%m-%d %H:%M} UTC")
    print(issued.code)
    print(f"one-time code for branch {issued.branch} counter {issued.counter}; valid once, "
          f"until {issued.expires_at:%Y-%m-%d %H:%M} UTC", file=sys.stderr)
    return 0


def device_revoke(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        device = auth.revoke_device(session, args.device_id)
        _audit(session, "counter.revoke", f"{device.branch_code} {device.counter}", device.id)
        print(f"device {device.id} ({device.branch_code} {device.counter}) is revoked")
    return 0


def device_list(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        for d in session.scalars(select(Device).order_by(Device.branch_code, Device.counter)):
            state = "revoked" if d.revoked else f"token until {d.token_expires_at:%Y-%m-%d}"
            print(f"{d.id}  {d.branch_code:6} {d.counter:6} seq {d.last_seq:<8} {state}")
    return 0


def _password() -> str:
    """Asked twice on a terminal; else the first line of standard input."""
    if sys.stdin.isatty():
        password = getpass.getpass("password: ")
        if getpass.getpass("again: ") != password:
            raise Refusal("the passwords differ")
        return password
    return sys.stdin.readline().rstrip("\r\n")


def user_add(args: argparse.Namespace) -> int:
    password = _password()
    with _writing(args) as session:
        user = masterdata.add_user(session, args.username, args.full_name, args.role, password,
                                   args.branch)
        print(f"user {user.username} ({user.role}) added for "
              f"{user.branch_code or 'every branch'}")
    return 0


def staff_add(args: argparse.Namespace) -> int:
    password = _password()
    with _writing(args) as session:
        done = staff.add_staff(session, args.username, args.role, password, args.full_name,
                               by=f"cli:{_operator()}")
    print(f"staff user {done.username} ({done.role}) added")
    return 0


def staff_list(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        rows = staff.list_staff(session)
    for r in rows:
        state = "disabled" if not r.active else (
            f"locked until {r.locked_until:%Y-%m-%d %H:%M} UTC" if r.locked_until else "active")
        print(f"{r.username:20} {r.role:17} {state:10} {r.full_name}")
    print(f"{len(rows)} staff user(s)", file=sys.stderr)
    return 0


def staff_disable(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        done = staff.disable_staff(session, args.username, by=f"cli:{_operator()}")
    print(f"staff user {done.username} is disabled; their sessions have ended")
    return 0


def import_customers(args: argparse.Namespace) -> int:
    return _import(args, csv_imports.import_customers)


def import_bills(args: argparse.Namespace) -> int:
    return _import(args, csv_imports.import_bills)


def _import(args: argparse.Namespace,
            run: Callable[[Session, Path], csv_imports.ImportSummary]) -> int:
    try:
        with _writing(args) as session:
            done = run(session, args.file)
            _audit(session, f"import.{done.kind}", done.file,
                   f"{done.rows} rows: {done.created} new, {done.updated} changed, "
                   f"{done.unchanged} unchanged; sha256 {done.sha256[:16]}…")
    except Refusal as exc:
        cause = exc.__cause__
        if isinstance(cause, csv_imports.ImportRefused):
            for row in cause.rejected:
                print(f"  {said(args.lang, 'row', line=row.line)} ({row.key}): "
                      f"{'; '.join(p.in_language(args.lang) for p in row.reasons)}",
                      file=sys.stderr)
            raise Refusal(said(args.lang, "refused", file=cause.file, rows=cause.rows,
                               rejected=len(cause.rejected))) from cause
        if isinstance(cause, csv_imports.FileProblem):
            raise Refusal(f"{cause.file}: {cause.problem.in_language(args.lang)}") from cause
        raise
    for warning in done.warnings:
        print(said(args.lang, "warning", text=warning.in_language(args.lang)), file=sys.stderr)
    print(said(args.lang, "done", kind=said(args.lang, done.kind), file=done.file,
               rows=done.rows, created=done.created, updated=done.updated,
               unchanged=done.unchanged, sha=f"{done.sha256[:12]}…"))
    return 0


def customer(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        found = session.scalar(select(Customer).where(
            Customer.connection_no == args.connection_no))
        if found is None:
            raise Refusal(f"no customer {args.connection_no}")
        money = ledger.customer_balance(session, found.connection_no)
        plan = current_enrolment(session, found.connection_no)
        print(f"{found.connection_no} {found.name} ({found.status} since {found.status_date}, "
              f"version {found.version})")
        print(f"open bills: {money['open_bills']}, principal Rp {money['open_principal']:,}, "
              f"penalty Rp {money['open_penalty']:,}")
        print(f"payments received: Rp {money['paid']:,}; kept as credit: "
              f"Rp {money['credit']:,}")
        if plan is not None:
            print(f"enrolment {plan.uuid}: {plan.programme} {plan.state}, at {plan.branch_code} "
                  f"on {plan.business_date}")
    return 0


def terms_publish(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        done = masterdata.publish_terms_file(session, args.file)
        _audit(session, "terms.publish", f"{done.code} v{done.version}",
               f"{done.name}; sha256 {done.checksum[:16]}…"
               + ("" if done.created else " (already published)"))
    verb = "published" if done.created else "already published (unchanged)"
    print(f"{done.code} version {done.version} ({done.name}) {verb}")
    return 0


def exceptions(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        if args.resolve is not None:
            info = exception_queue.resolve(session, args.resolve, args.note)
            _audit(session, "exception.resolve", f"#{info.id} {info.branch}", info.note)
            print(f"exception {info.id} resolved: {info.note}")
        elif args.reapply is not None:
            info = exception_queue.reapply(session, args.reapply, args.note)
            _audit(session, "exception.reapply", f"#{info.id} {info.branch}", info.note)
            print(f"exception {info.id}: event {info.event_id} applied now")
        else:
            rows = exception_queue.list_exceptions(session, include_resolved=args.all)
            for e in rows:
                state = f"resolved {e.resolved_at:%Y-%m-%d}: {e.note}" if e.resolved_at else "OPEN"
                print(f"#{e.id} [{state}] {e.branch} {e.event_type or '-'} seq {e.seq or '-'} "
                      f"Rp {e.amount:,} {e.reason}: {e.detail}")
            print(f"{len(rows)} exception(s)", file=sys.stderr)
    return 0


def change_request_list(args: argparse.Namespace) -> int:
    state = None if args.state == "all" else args.state
    with _writing(args) as session:
        rows = change_requests.list_requests(session, args.branch, state)
    for r in rows:
        now = f"now v{r.current_version}" if r.current_version is not None else "not held"
        print(f"#{r.id} [{r.state}] {r.branch} {r.requested_at:%Y-%m-%d %H:%M} {r.cashier}: "
              f"customer {r.connection_no} (seen v{r.seen_version}, {now})")
        for field, value in r.fields.items():  # pending: what approving would change
            now_value = f"{r.current.get(field, '')!r} → " if r.state == "pending" else ""
            print(f"    {field}: {now_value}{value!r}")
        print(f"    reason: {r.reason}")
        if r.decided_at is not None:
            print(f"    {r.state} by {r.decided_by} on {r.decided_at:%Y-%m-%d}: {r.note or '-'}")
    print(f"{len(rows)} change request(s)", file=sys.stderr)
    return 0


def change_request_approve(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        info = change_requests.approve(session, args.id, args.by or _operator(),
                                       force=args.force, note=args.note)
        _audit(session, "change_request.approve", f"#{info.id} {info.connection_no}",
               f"{', '.join(info.fields)}; {info.note or '-'}", info.decided_by)
    print(f"change request {info.id} approved: customer {info.connection_no} is version "
          f"{info.current_version}; branches get it at their next sync")
    return 0


def change_request_reject(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        info = change_requests.reject(session, args.id, args.by or _operator(), args.note)
        _audit(session, "change_request.reject", f"#{info.id} {info.connection_no}",
               info.note, info.decided_by)
    print(f"change request {info.id} rejected: {info.note}; branch {info.branch} is told at "
          "its next sync")
    return 0


def _audit(session: Session, action: str, target: str, detail: str,
           by: str | None = None) -> None:
    """The head-office audit trail's entry for a decision taken on the command line."""
    audit.record(session, f"cli:{by or _operator()}", action, target, detail)


def _operator() -> str:
    """Who decides, when not named: the user signed in to this computer."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return "head office"


def reconcile(args: argparse.Namespace) -> int:
    day = dt.date.fromisoformat(args.day) if args.day else None
    with _writing(args) as session:
        lines = reconciliation.branch_days(session, args.branch, day)
        payments = reconciliation.payment_days(session, args.branch, day)
        flagged = {device: detail for device, detail in anchors.flagged_devices(session).items()
                   if not args.branch or _branch_of(session, device) == args.branch}
    print("branch day        type              status    received            "
          "branch reported      verdict")
    for r in lines:  # with a report, "received" is up to the reported sequence number
        told = f"{r.reported[0]:>5} Rp {r.reported[1]:>13,}" if r.reported else "-"
        got = r.in_reported_range if r.reported else r.received
        print(f"{r.branch:6} {r.business_date} {r.type:17} {r.status:8} {got[0]:>5} "
              f"Rp {got[1]:>13,} {told:>22}  {r.verdict}")
    print("\nbranch day        payments  received            voided              credit")
    for p in payments:
        print(f"{p.branch:6} {p.business_date} {p.payments:>8}  Rp {p.received:>15,}  "
              f"Rp {p.voided:>15,}  Rp {p.credit:>13,}")
    for detail in flagged.values():
        print(f"\nAUDIT CHAIN FLAGGED: {detail}")
    if flagged:
        print("AUDIT CHAIN FLAGGED: a counter's books no longer extend what head office "
              "anchored; see the exceptions queue (audit_chain_broken)", file=sys.stderr)
    if any(r.verdict == "MISMATCH" for r in lines):
        print("MISMATCH: head office and a branch disagree; investigate, do not adjust",
              file=sys.stderr)
        return 1
    return 1 if flagged else 0


def _branch_of(session: Session, device_id: str) -> str:
    device = session.get(Device, device_id)
    return device.branch_code if device is not None else ""


def bundle_import(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.is_file() or path.stat().st_size > MAX_MEMBER:
        raise Refusal(f"{path} is not a bundle file (missing or too large)")
    reply_path = args.reply or path.with_name(f"{path.stem}-reply.zip")
    with opened(args) as db:
        try:
            reply = import_bundle(db, path.read_bytes())
        except BundleRefused as exc:
            raise Refusal(str(exc)) from exc
    reply_path.write_bytes(reply.data)
    print(f"{path.name}: {reply.applied} applied, {reply.rejected} rejected, "
          f"{reply.duplicates} already received; acked through seq {reply.acked_through}; "
          f"reply with {reply.changes} change(s) written to {reply_path}")
    print(_chain_line(reply.audit))
    return 0


def _chain_line(checked: anchors.AnchorResult | None) -> str:
    """What ``bundle import`` says of the counter's audit-chain head."""
    if checked is None:
        return ("audit chain NOT anchored: the bundle carries no chain head (a counter of "
                "an older version); it is checked at its next push or newer bundle")
    if checked.status == "anchored":
        return f"audit chain anchored at record {checked.anchor_id}"
    if checked.status == "stale":
        return ("audit chain not anchored this time: the bundle names an older anchor (the "
                "counter had not imported the last reply); the reply gives it the last "
                f"anchor (record {checked.anchor_id}), checked with its next bundle")
    return (f"AUDIT CHAIN FLAGGED: {checked.message}; see the exceptions queue "
            "(audit_chain_broken); the counter takes no payment after importing the reply")


def epoch_new(args: argparse.Namespace) -> int:
    with _writing(args) as session:
        epoch = start_epoch(session, args.note)
    print(f"new epoch {epoch}: every branch pulls from the start at its next sync")
    return 0


def openapi(args: argparse.Namespace) -> int:
    args.output.write_text(openapi_text(), encoding="utf-8")
    print(f"OpenAPI document written to {args.output}")
    return 0


def openapi_text() -> str:
    """The API's OpenAPI document as checked in (stable key order)."""
    schema = create_app("sqlite://", prepare=False).openapi()
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
